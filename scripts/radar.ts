/**
 * `radar`: the command-line face of `lib/`. Each subcommand lives in `scripts/radar/<name>.ts`
 * and exports a `command: RadarCommand`; this file only finds and runs them.
 */
import { fileProblem } from './radar/shared/files';
import { commandNames, loadCommand } from './radar/shared/commands';
import { seeHelp } from './radar/command';

async function printHelp(): Promise<void> {
  const lines = ['Reserve Radar command line', '', 'Usage: npm run --silent radar -- <command> [options]', '', 'Commands:'];
  for (const name of commandNames()) {
    const command = await loadCommand(name);
    lines.push(`  ${command.usage.padEnd(48)} ${command.summary}`);
  }
  lines.push(
    '',
    'Run a command with --help, or help <command>, for its options.',
    "Besides each command's exit codes: 2 when standard output cannot be written (a full disk), 141 when the",
    'reader of its output or of its errors leaves before the end (as after | head -1), as for any tool stopped by SIGPIPE.',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

/** Bad usage of `radar` itself (an unknown command, a wrong `help`), with the pointer to its help. Returns 2. */
function refuseRadarUsage(message: string): number {
  process.stderr.write(`radar: ${message} ${seeHelp()}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const asksHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';
  if (name === undefined || asksHelp(name)) {
    // `help status` is `status --help`: the command's own usage, not the list.
    const [topic, ...extra] = rest;
    if (topic === undefined || (asksHelp(topic) && extra.length === 0)) {
      await printHelp();
      return 0;
    }
    if (extra.length > 0) return refuseRadarUsage(`help takes one command, got "${topic}" and "${extra.join('" and "')}".`);
    if (!commandNames().includes(topic)) return refuseRadarUsage(`unknown command "${topic}".`);
    return (await loadCommand(topic)).run(['--help'], io);
  }
  if (!commandNames().includes(name)) return refuseRadarUsage(`unknown command "${name}".`);
  const command = await loadCommand(name);
  return command.run(rest, io);
}

/**
 * The reader of standard output left early (`| head -1`): 141, 128 + SIGPIPE, the status a shell shows for `cat`,
 * `grep` or `yes` stopped the same way (Node ignores SIGPIPE, so radar sees EPIPE and cannot die of the signal
 * itself). Not 0: the command did not finish, and 0 would say "verified" or "valid" for a proof or list whose check
 * never ended, so a `set -o pipefail` script would take it as passed. Not 2, which is bad usage.
 */
const READER_LEFT = 141;

// A full disk behind `>`, or a reader that stopped reading: one line (none for a reader that left), not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(READER_LEFT);
  process.stderr.write(`radar: cannot write standard output: ${fileProblem(error)}\n`);
  process.exit(2);
});

// The reader of standard error left (`2>&1 | head -c1`): the same 141, as a tool that wrote there would die of SIGPIPE.
// Any other failure to write there (a full disk) loses a note or an error line, but changes no result: the
// command's own exit code stands, as for tools that do not check their diagnostics' writes.
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(READER_LEFT);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`radar: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
