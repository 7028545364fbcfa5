import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isolatedKeyAndFolder, runNamed } from './run-command.testkit';
import { KEY_ENV } from './command';
import { WARNING_LIST_LIMITS } from '../../lib/community/warning-list';
import { FEED_LIMITS } from '../../lib/feed/format';
import { PROOF_MAX_CHARS } from '../../lib/proofs/input';
import { DEFAULT_MAX_BYTES } from '../../lib/reserves/fetch-source';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';

const folder = isolatedKeyAndFolder('radar-large-input-');
const MIB = 1024 * 1024;

/** Every command that reads a file a user names, with the most it takes: the extension's own limit for the same document. */
const READERS: { label: string; name: string; args: (file: string) => string[]; limit: number }[] = [
  { label: 'verify-proof', name: 'verify-proof', args: (file) => [file], limit: PROOF_MAX_CHARS },
  { label: 'feed verify', name: 'feed', args: (file) => ['verify', file, '--signer', TEST_FEED_SIGNER], limit: FEED_LIMITS.maxBytes },
  { label: 'feed build --previous', name: 'feed', args: (file) => ['build', '--offline', '--previous', file, '--out', join(folder(), 'feed.json')], limit: FEED_LIMITS.maxBytes },
  { label: 'warnings sign', name: 'warnings', args: (file) => ['sign', file], limit: WARNING_LIST_LIMITS.maxBytes },
  { label: 'warnings verify', name: 'warnings', args: (file) => ['verify', file, '--signer', TEST_FEED_SIGNER], limit: WARNING_LIST_LIMITS.maxBytes },
  { label: 'status --cexs', name: 'status', args: (file) => ['binance', '--cexs', file, '--cexs-date', '2026-12-01'], limit: DEFAULT_MAX_BYTES },
];

/**
 * Runs each command on `file` in a process of its own and counts what that process read meanwhile: the
 * kernel's count of bytes taken in through read(2), files and pipes alike (/proc/self/io, Linux). Its own
 * process, as the test runner's messages would count too; libuv's io_uring off, as reads its kernel
 * threads make are counted only when those threads end. Linux only; a read a command adds while it runs
 * (a lazy import, a file of words) counts too, and fails these tests every time once it passes OTHER_READS.
 */
function readsWhileRunning(file: string): { label: string; code: number; err: string; read: number }[] {
  const runs = READERS.map(({ label, name, args }) => ({ label, name, args: args(file) }));
  const script = `const { PassThrough } = await import('node:stream');
    const { readFileSync } = await import('node:fs');
    const { loadCommand } = await import('./scripts/radar/shared/commands.ts');
    const bytesRead = () => Number(/^rchar: (\\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))[1]);
    const results = [];
    for (const { label, name, args } of ${JSON.stringify(runs)}) {
      const command = await loadCommand(name);
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (chunk) => (err += chunk));
      const before = bytesRead();
      const code = await command.run(args, { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
      results.push({ label, code, err, read: bytesRead() - before });
    }
    process.stdout.write(JSON.stringify(results));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    // Killed before the test's own timeout (120 s): a command that never ends fails the test, with the child's stderr, and leaves no process behind.
    timeout: 100_000,
    env: { ...process.env, UV_USE_IO_URING: '0' },
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { label: string; code: number; err: string; read: number }[];
}

/** What a command reads besides the file (the words of a message, /proc itself) stays well below this. */
const OTHER_READS = 64 * 1024;

function expectTooLarge({ code, out, err }: { code: number; out: string; err: string }, source: string, label: string): void {
  expect({ code, out }, label).toEqual({ code: 2, out: '' });
  expect(err, label).toMatch(/^radar [a-z-]+: [^\n]+\n$/);
  expect(err, label).toContain(`${source}: `);
  expect(err, label).toContain('larger than');
}

describe('radar: a file larger than its command takes is refused without being read', { timeout: 60_000 }, () => {
  it('refuses a file by the size the file system gives, before reading any of it (a 64 MiB sparse file)', { timeout: 120_000 }, () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const file = join(folder(), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 64 * MIB);
    const results = readsWhileRunning(file);
    expect(results.map(({ label }) => label)).toEqual(READERS.map(({ label }) => label));
    for (const { label, code, err, read } of results) {
      expectTooLarge({ code, out: '', err }, file, label);
      expect(read, label).toBeLessThan(OTHER_READS);
    }
  });

  it('takes a file of exactly the limit, and refuses one byte more', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const file = join(folder(), 'edge.json');
    for (const { label, name, args, limit } of READERS) {
      // JSON that is no document any command reads: taken, it fails on its content (exit 1), not on its size.
      writeFileSync(file, '{}'.padEnd(limit, ' '));
      const taken = await runNamed(name, args(file));
      expect(taken.code, label).toBe(1);
      expect(taken.err, label).not.toContain('larger than');
      writeFileSync(file, '{}'.padEnd(limit + 1, ' '));
      expectTooLarge(await runNamed(name, args(file)), file, label);
    }
  });

  it('takes at most one byte past the limit from a file whose size says nothing (/dev/zero, endless), then refuses it', { timeout: 120_000 }, () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const results = readsWhileRunning('/dev/zero');
    expect(results.map(({ label }) => label)).toEqual(READERS.map(({ label }) => label));
    results.forEach(({ label, code, err, read }, index) => {
      const { limit } = READERS[index]!;
      expectTooLarge({ code, out: '', err }, '/dev/zero', label);
      // Read to one byte past the limit, as a pipe or device gives no size to refuse it by, and no further.
      expect(read, label).toBeGreaterThan(limit);
      expect(read, label).toBeLessThanOrEqual(limit + 1 + OTHER_READS);
    });
  });

  it('names the limit in its help in the number and unit its refusal uses', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const file = join(folder(), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 64 * MIB);
    for (const label of ['feed verify', 'warnings sign', 'status --cexs']) {
      const { name, args } = READERS.find((reader) => reader.label === label)!;
      const size = /larger than ([\d,.]+ [KM]i?B)/.exec((await runNamed(name, args(file))).err)?.[1];
      expect(size, label).toMatch(/^[\d,.]+ [KM]i?B$/);
      expect((await runNamed(name, ['--help'])).out, label).toContain(`${size}`);
    }
  });

  it('stops taking standard input ("-") one chunk past the limit, for every command that reads a file', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const CHUNK = 64 * 1024;
    for (const { label, name, args, limit } of READERS) {
      let given = 0;
      const total = limit + 8 * MIB;
      const stdin = new Readable({
        highWaterMark: CHUNK,
        read() {
          if (given >= total) return void this.push(null);
          given += CHUNK;
          this.push(Buffer.alloc(CHUNK, 0x20));
        },
      });
      expectTooLarge(await runNamed(name, args('-'), stdin), 'standard input', label);
      // The stream reads one chunk ahead of its reader.
      expect(given, label).toBeLessThanOrEqual(limit + 1 + 2 * CHUNK);
    }
  });
});
