import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RadarCommand } from '../command';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A command file is named like the command a user types (`verify-proof.ts`); tests, test kits and shared types carry a dot or are `command.ts`. */
const COMMAND_FILE = /^[a-z][a-z-]*\.ts$/;

/** Every command `radar` runs, in the order its help lists them. */
export function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((file) => COMMAND_FILE.test(file) && file !== 'command.ts')
    .map((file) => file.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<RadarCommand> {
  const module = (await import(join(commandsDir, `${name}.ts`))) as { command?: RadarCommand };
  if (module.command === undefined) throw new Error(`scripts/radar/${name}.ts does not export a command.`);
  return module.command;
}
