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

/** How a refusal of bad usage ends: the command's help (without a command, the list of commands) is one command away. */
export function seeHelp(name?: string): string {
  return name === undefined ? 'Run "radar --help" for the list.' : `Run "radar ${name} --help" for the usage.`;
}

/** The problem as one sentence: closed by one period, whether or not its words brought their own. */
function sentence(problem: string): string {
  return /[.!?]$/.test(problem) ? problem : `${problem}.`;
}

/**
 * A refusal of bad usage (how the command was called: an unknown option, a missing, extra or malformed
 * argument) on one line of stderr, ending with the pointer to the command's help. Returns 2, its exit code.
 */
export function refuseUsage(stderr: Writable, name: string, problem: string): number {
  stderr.write(`radar ${name}: ${sentence(problem)} ${seeHelp(name)}\n`);
  return 2;
}

/**
 * A refusal the help cannot mend (a file that cannot be read, an unknown exchange, a missing key) on one
 * line of stderr, in the same form as bad usage but without the pointer. Returns 2, its exit code.
 */
export function refuse(stderr: Writable, name: string, problem: string): number {
  stderr.write(`radar ${name}: ${sentence(problem)}\n`);
  return 2;
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
