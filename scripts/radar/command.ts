import type { Readable, Writable } from 'node:stream';

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
