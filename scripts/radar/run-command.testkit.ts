import { PassThrough, type Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { KEY_ENV, type RadarCommand } from './command';
import { loadCommand } from './shared/commands';

/** Runs a `radar` subcommand in-process with captured output; `input` undefined leaves stdin open and empty, a stream is stdin itself. */
export async function runCommand(command: RadarCommand, args: string[], input?: string | Readable): Promise<{ code: number; out: string; err: string }> {
  const stdin = typeof input === 'object' ? input : new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (typeof input === 'string') (stdin as PassThrough).end(input);
  const code = await command.run(args, { stdin, stdout, stderr });
  return { code, out, err };
}

/** `runCommand` for the command of that name, as `radar <name>` finds it. */
export async function runNamed(name: string, args: string[], input?: string | Readable): Promise<{ code: number; out: string; err: string }> {
  return runCommand(await loadCommand(name), args, input);
}

/**
 * For each test: a fresh temporary folder, and the signing-key variable unset (restored after), so
 * a key in the developer's shell never leaks into a test. Returns the current folder.
 */
export function isolatedKeyAndFolder(prefix: string): () => string {
  let dir = '';
  let savedKey: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    savedKey = process.env[KEY_ENV];
    delete process.env[KEY_ENV];
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (savedKey === undefined) delete process.env[KEY_ENV];
    else process.env[KEY_ENV] = savedKey;
  });
  return () => dir;
}
