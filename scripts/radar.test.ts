import { describe, expect, it } from 'vitest';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every command a maintainer can type; a file added to scripts/radar/ that is not one of them must not appear in the help. */
const COMMANDS = ['address', 'classify', 'feed', 'replay', 'status', 'verify-proof', 'warnings'];

/** DefiLlama rows of Binance, Bybit and Coinbase: `status kraken --cexs` it notes on stderr that Kraken has none, then prints the verdict. */
const RECORDED_CEXS = 'tests/fixtures/defillama/recorded/cexs-rows-trading-system-2026-08-10.json';

/** Runs `scripts/radar.ts` as `npm run radar` does (tsx under Node), with stdin closed. */
function radar(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 }, (error, out, err) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, out, err });
    });
    child.stdin?.end();
  });
}

describe('radar entry: help and unknown commands', () => {
  it('prints the command list on stdout and exits 0 for --help, -h, help and no arguments, and for help about help', async () => {
    const results = await Promise.all([['--help'], ['-h'], ['help'], [], ['help', 'help'], ['help', '--help'], ['--help', '-h']].map(async (args) => ({ args, ...(await radar(args)) })));
    for (const { args, code, out, err } of results) {
      const label = `radar ${args.join(' ')}`;
      expect(err, label).toBe('');
      expect(code, label).toBe(0);
      expect(out, label).toContain('Usage: npm run --silent radar -- <command> [options]');
      const listed = out
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.trim().split(' ')[0]);
      expect(listed, label).toEqual(COMMANDS);
    }
  }, 120_000);

  it('refuses an unknown command on stderr in plain words, with a non-zero exit and nothing on stdout', async () => {
    const { code, out, err } = await radar(['frobnicate']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('radar: unknown command "frobnicate". Run "radar --help" for the list.\n');
  }, 60_000);

  it('answers <command> --help with that command’s usage on stdout and exit 0, for every command', async () => {
    const results = await Promise.all(COMMANDS.map(async (name) => ({ name, ...(await radar([name, '--help'])) })));
    for (const { name, code, out, err } of results) {
      expect(err, name).toBe('');
      expect(code, name).toBe(0);
      expect(out, name).toMatch(new RegExp(`^Usage: npm run --silent radar -- ${name} `));
    }
  }, 120_000);

  it('answers help <command> with that command’s own usage, the same as <command> --help', async () => {
    const results = await Promise.all(COMMANDS.map(async (name) => ({ name, help: await radar(['help', name]), flag: await radar([name, '--help']) })));
    for (const { name, help, flag } of results) {
      expect(help, name).toEqual({ code: 0, out: flag.out, err: '' });
      expect(help.out, name).not.toContain('Commands:');
    }
  }, 120_000);

  it('refuses help for an unknown command, or for more than one, in one plain line on stderr with exit 2', async () => {
    const [unknown, two] = await Promise.all([radar(['help', 'frobnicate']), radar(['help', 'status', 'feed'])]);
    expect(unknown).toEqual({ code: 2, out: '', err: 'radar: unknown command "frobnicate". Run "radar --help" for the list.\n' });
    expect(two).toEqual({ code: 2, out: '', err: 'radar: help takes one command, got "status" and "feed". Run "radar --help" for the list.\n' });
  }, 60_000);

  it('says on one line that standard output cannot be written (a full disk), with exit 2, instead of a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['status', 'binance'], ['replay', '--json'], ['--help']]) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', full, 'pipe'] });
        expect({ status: child.status, stderr: child.stderr }, args.join(' ')).toEqual({ status: 2, stderr: 'radar: cannot write standard output: the disk is full (ENOSPC)\n' });
      }
    } finally {
      closeSync(full);
    }
  }, 120_000);

  it('ends quietly with 141, as a tool stopped by SIGPIPE, when the reader of standard output leaves early (| head -1)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', 'classify'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    // More lines than a pipe holds: radar is still writing when the reader goes.
    child.stdin.on('error', () => undefined);
    child.stdin.end('https://binance.com/\n'.repeat(200_000));
    // The reader takes the first chunk and closes its end, as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
    expect({ code, signal, stderr }).toEqual({ code: 141, signal: null, stderr: '' });
  }, 60_000);

  it('ends quietly with 141 too when the reader of standard error leaves first (2>&1 | head -c1), instead of dying of an unhandled error', async () => {
    // Refused by the entry, refused by a command, and refused after a note on stderr with more to print on stdout.
    for (const args of [['frobnicate'], ['status', 'no-such-exchange'], ['status', 'kraken', '--cexs', RECORDED_CEXS]]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before radar has started: its first line to stderr meets a pipe with no reader.
      child.stderr.destroy();
      child.stdout.resume();
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
      // An unhandled 'error' on stderr ended it with 1, its stack trace written to the pipe that had just failed.
      expect({ code, signal }, args.join(' ')).toEqual({ code: 141, signal: null });
    }
  }, 120_000);

  it('keeps its own exit code when standard error cannot be written for another reason (a full disk): a note lost changes no result', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const [args, status] of [
        [['frobnicate'], 2],
        [['status', 'kraken', '--cexs', RECORDED_CEXS], 0],
      ] as const) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', full] });
        expect(child.status, args.join(' ')).toBe(status);
      }
    } finally {
      closeSync(full);
    }
  }, 120_000);
});
