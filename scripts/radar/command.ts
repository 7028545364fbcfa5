import type { Readable, Writable } from 'node:stream';
import type { Hex } from 'viem';

export interface RadarIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** One `radar` subcommand. `run` returns the process exit code. */
export interface RadarCommand {
  /** e.g. `classify < hosts.txt` */
  usage: string;
  summary: string;
  run(args: string[], io: RadarIo): Promise<number>;
}

/** How a refusal of bad usage ends: the error stays on one line, and the command's help is one command away. */
export function seeHelp(name: string): string {
  return `Run "radar ${name} --help" for the usage.`;
}

/** Where `warnings sign` and `feed build` read the maintainer's signing key: never a flag, so it stays out of shell history. */
export const KEY_ENV = 'RADAR_SIGNER_KEY';

/**
 * The maintainer's key from KEY_ENV, or why not in one line (`missing` when it is unset or blank). The space
 * around it is dropped, as a key pasted from a file or a secret store often ends with a newline. The
 * key itself never goes into a message: it may be almost right.
 */
export function signerKeyFromEnv(missing: string): { key: Hex } | { problem: string } {
  const key = process.env[KEY_ENV]?.trim() ?? '';
  if (key === '') return { problem: missing };
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) return { problem: `${KEY_ENV} is not a private key (expected 0x followed by 64 hex digits)` };
  return { key: key as Hex };
}
