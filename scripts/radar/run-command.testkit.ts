import { PassThrough } from 'node:stream';
import type { RadarCommand } from './command';

/** Runs a `radar` subcommand in-process with captured output; `stdinText` undefined leaves stdin open and empty. */
export async function runCommand(command: RadarCommand, args: string[], stdinText?: string): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (stdinText !== undefined) stdin.end(stdinText);
  const code = await command.run(args, { stdin, stdout, stderr });
  return { code, out, err };
}
