import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isolatedKeyAndFolder, runCommand } from './run-command.testkit';
import { KEY_ENV } from './command';
import { command as feed } from './feed';
import { command as status } from './status';
import { command as verifyProof } from './verify-proof';
import { command as warnings } from './warnings';
import { WARNING_LIST_LIMITS } from '../../lib/community/warning-list';
import { FEED_LIMITS } from '../../lib/feed/format';
import { PROOF_MAX_CHARS } from '../../lib/proofs/input';
import { DEFAULT_MAX_BYTES } from '../../lib/reserves/fetch-source';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';

const folder = isolatedKeyAndFolder('radar-large-input-');
const MIB = 1024 * 1024;

type Run = (file: string, stdin?: Readable) => ReturnType<typeof runCommand>;

/** Every command that reads a file a user names, with the most it takes: the extension's own limit for the same document. */
const READERS: { label: string; limit: number; run: Run }[] = [
  { label: 'verify-proof', limit: PROOF_MAX_CHARS, run: (file, stdin) => runCommand(verifyProof, [file], stdin) },
  { label: 'feed verify', limit: FEED_LIMITS.maxBytes, run: (file, stdin) => runCommand(feed, ['verify', file, '--signer', TEST_FEED_SIGNER], stdin) },
  {
    label: 'feed build --previous',
    limit: FEED_LIMITS.maxBytes,
    run: (file, stdin) => runCommand(feed, ['build', '--offline', '--previous', file, '--out', join(folder(), 'feed.json')], stdin),
  },
  { label: 'warnings sign', limit: WARNING_LIST_LIMITS.maxBytes, run: (file, stdin) => runCommand(warnings, ['sign', file], stdin) },
  { label: 'warnings verify', limit: WARNING_LIST_LIMITS.maxBytes, run: (file, stdin) => runCommand(warnings, ['verify', file, '--signer', TEST_FEED_SIGNER], stdin) },
  { label: 'status --cexs', limit: DEFAULT_MAX_BYTES, run: (file, stdin) => runCommand(status, ['binance', '--cexs', file, '--cexs-date', '2026-12-01'], stdin) },
];

/** Bytes this process has taken in through read(2) so far, from files and pipes alike: the kernel's own count (Linux). */
function bytesRead(): number {
  return Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
}

/** What else this test process reads while a command runs (the test runner's messages, /proc itself) stays well below this. */
const OTHER_READS = 64 * 1024;

function expectTooLarge({ code, out, err }: { code: number; out: string; err: string }, source: string, label: string): void {
  expect({ code, out }, label).toEqual({ code: 2, out: '' });
  expect(err, label).toMatch(/^radar [a-z-]+: [^\n]+\n$/);
  expect(err, label).toContain(`${source}: `);
  expect(err, label).toContain('larger than');
}

describe('radar: a file larger than its command takes is refused without being read', { timeout: 60_000 }, () => {
  it('refuses a file by the size the file system gives, before reading any of it (a 64 MiB sparse file)', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const file = join(folder(), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 64 * MIB);
    for (const { label, run } of READERS) {
      const before = bytesRead();
      const result = await run(file);
      const read = bytesRead() - before;
      expectTooLarge(result, file, label);
      expect(read, label).toBeLessThan(OTHER_READS);
    }
  });

  it('takes a file of exactly the limit, and refuses one byte more', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const file = join(folder(), 'edge.json');
    for (const { label, limit, run } of READERS) {
      // JSON that is no document any command reads: taken, it fails on its content (exit 1), not on its size.
      writeFileSync(file, '{}'.padEnd(limit, ' '));
      const taken = await run(file);
      expect(taken.code, label).toBe(1);
      expect(taken.err, label).not.toContain('larger than');
      writeFileSync(file, '{}'.padEnd(limit + 1, ' '));
      expectTooLarge(await run(file), file, label);
    }
  });

  it('reads at most one byte past the limit from a file whose size says nothing (a named pipe), then refuses it', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const fifo = join(folder(), 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const { label, limit, run } of READERS) {
      // A writer with far more to give than the limit, as /dev/zero or a runaway producer would be; it dies of SIGPIPE when the reader leaves.
      const writer = spawn('sh', ['-c', 'head -c "$1" /dev/zero > "$2"', 'sh', String(limit + 8 * MIB), fifo], { stdio: 'ignore' });
      const closed = new Promise((resolve) => writer.on('close', resolve));
      const before = bytesRead();
      const result = await run(fifo);
      const read = bytesRead() - before;
      await closed;
      expectTooLarge(result, fifo, label);
      expect(read, label).toBeLessThanOrEqual(limit + 1 + OTHER_READS);
    }
  });

  it('stops taking standard input ("-") one chunk past the limit, for every command that reads a file', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const CHUNK = 64 * 1024;
    for (const { label, limit, run } of READERS) {
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
      expectTooLarge(await run('-', stdin), 'standard input', label);
      // The stream reads one chunk ahead of its reader.
      expect(given, label).toBeLessThanOrEqual(limit + 1 + 2 * CHUNK);
    }
  });
});
