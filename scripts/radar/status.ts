import { stat } from 'node:fs/promises';
import { refuse, refuseUsage, type RadarCommand, type RadarIo } from './command';
import { classify, classifyUrl } from '../../lib/exchanges/classify';
import { exchanges, getExchange } from '../../lib/exchanges/registry';
import type { ExchangeDefinition } from '../../lib/exchanges/types';
import { cexsToReserves } from '../../lib/reserves/defillama';
import { DataSourceError } from '../../lib/reserves/errors';
import { bundledSnapshot, bundledSnapshotProblem } from '../../lib/reserves/snapshot';
import { gradeExchange, type GradeExchangeReturnType, type RiskReserves } from '../../lib/risk/grade';
import { evaluateRun, type RunEvaluation } from '../../lib/risk/run-signals';
import { reasonsWorstFirst } from '../../lib/view/card-reasons';
import { reasonText } from '../../lib/words/reason-text';
import { answerFailureText } from '../../lib/words/answer-failure';
import { cexsEntryProblemText } from '../../lib/words/cexs-entry-problem';
import { english } from './words/english';
import { renderRun } from './words/run';
import { fileProblem, jsonProblem } from './shared/files';
import { inputText, readInput } from './shared/read-input';
import { DEFAULT_MAX_BYTES } from '../../lib/reserves/fetch-source';
import { MOMENT_FORMS, parseMoment } from './shared/moment';

/** The most the extension takes from DefiLlama's /cexs (lib/reserves/refresh.ts), and so the most a saved answer may be. */
const CEXS_MAX_BYTES = DEFAULT_MAX_BYTES;

const usage = 'status <exchange id or domain> [--json] [--cexs FILE]';

const help = [
  `Usage: npm run --silent radar -- ${usage}`,
  '',
  'Prints the risk verdict for one exchange from the bundled snapshot: level, grade, and each reason',
  'with its source and date; then the run watch (calm, caution or alert) and its reasons, read from the',
  'same flow figures (see docs/risk-model.md, "Run alert"). Own-token prices are not read here, so the',
  'own-token signal shows as not read.',
  '',
  'The exchange is a registry id (binance), a domain (binance.com) or a URL (https://www.binance.com/x).',
  '',
  'Options:',
  '  --json              print one JSON object { exchange, level, grade, incomplete, reasons, metrics, asOf, sources, run }',
  '  --cexs FILE         replace the on-chain and flow figures with a saved DefiLlama /cexs response (at most',
  `                      ${CEXS_MAX_BYTES / 1024 / 1024} MiB, as the extension takes; - reads standard input, and then needs --cexs-date)`,
  "  --cexs-date DATE    when that response was fetched (YYYY-MM-DD or an ISO moment; default: the file's modification day)",
  '  --now DATE          grade as of this day (YYYY-MM-DD or an ISO moment; default: now), for reproducible output;',
  '                      flows count for the run watch only while at most 6 hours old at that moment',
  '',
  'Exit code: 0 verdict printed, 1 the --cexs file is JSON but not a DefiLlama /cexs response,',
  '2 unknown exchange, a --cexs file that is missing, unreadable, too large or not JSON, or bad usage.',
].join('\n');

/** What stops the verdict, on one line of stderr: an unknown exchange, a --cexs file that cannot be read (exit 2). */
class Refusal extends Error {
  override name = 'Refusal';
  readonly shortMessage: string;
  constructor(shortMessage: string) {
    super(shortMessage);
    this.shortMessage = shortMessage;
  }
}

/** The command line itself is wrong (exit 2, and the pointer to the help). */
class UsageError extends Refusal {
  override name = 'UsageError';
}

/** The --cexs file is JSON but not what it should be: exit 1, as for every command that reads a file. */
class ContentError extends Refusal {
  override name = 'ContentError';
}

interface Options {
  target: string;
  json: boolean;
  cexsFile?: string;
  cexsDate?: string;
  now: Date;
}

function parseArgs(args: readonly string[]): Options {
  let target: string | undefined;
  let json = false;
  let cexsFile: string | undefined;
  let cexsDate: string | undefined;
  let now: Date | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--cexs') cexsFile = value();
    else if (arg === '--cexs-date')
      cexsDate = moment(arg, value())
        .toISOString()
        .replace(/T00:00:00\.000Z$/, '');
    else if (arg === '--now') now = moment(arg, value());
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}.`);
    else if (target === undefined) target = arg;
    else throw new UsageError(`expected one exchange, got "${target}" and "${arg}".`);
  }
  if (target === undefined) throw new UsageError('name an exchange (an id such as binance, or a domain such as binance.com).');
  // Ignored, it would leave the user believing the figures were dated as they asked.
  if (cexsDate !== undefined && cexsFile === undefined) throw new UsageError('--cexs-date says when the --cexs file was fetched; give --cexs FILE too.');
  // Standard input has no modification day to stand in for it.
  if (cexsFile === '-' && cexsDate === undefined) throw new UsageError('--cexs - reads standard input, which has no date; say when it was fetched with --cexs-date.');
  return { target, json, now: now ?? new Date(), ...(cexsFile === undefined ? {} : { cexsFile }), ...(cexsDate === undefined ? {} : { cexsDate }) };
}

/** A day (its start, UTC) or an ISO moment with its zone. */
function moment(option: string, value: string): Date {
  const parsed = parseMoment(value);
  if (parsed === undefined) throw new UsageError(`${option} must be ${MOMENT_FORMS}, got "${value}".`);
  return parsed;
}

/** Registry id first, then the registrable domain of a host or URL; a lookalike is refused by name. */
function resolveExchange(target: string): ExchangeDefinition {
  const byId = getExchange(target.trim().toLowerCase());
  if (byId !== undefined) return byId;
  const result = target.includes('/') ? classifyUrl(target) : classify(target);
  if (result.verdict === 'exchange' && result.exchange !== undefined) return result.exchange;
  if (result.verdict === 'lookalike' && result.exchange !== undefined) {
    throw new Refusal(`"${target}" is not ${result.exchange.name}: ${result.reason}. Check the address before using it.`);
  }
  throw new Refusal(`no exchange in the registry matches "${target}" (${result.reason}).`);
}

/** On-chain and flow figures from a saved /cexs response; undefined fields mean the file had none for this exchange. */
async function reservesFromCexs(file: string, date: string | undefined, exchange: ExchangeDefinition, io: RadarIo): Promise<Pick<RiskReserves, 'onchain' | 'flows'>> {
  const tooLarge = `The file is larger than ${CEXS_MAX_BYTES / 1024 / 1024} MiB, the most the extension takes from DefiLlama's /cexs.`;
  const read = await readInput({ file, stdin: io.stdin, maxBytes: CEXS_MAX_BYTES, tooLarge });
  if (!read.ok) throw new Refusal(read.problem);
  const text = inputText(read.bytes);
  let asOf: string;
  try {
    asOf = date ?? (await stat(file)).mtime.toISOString().slice(0, 10);
  } catch (error) {
    throw new Refusal(`cannot read ${file}: ${fileProblem(error)}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${read.source} is not JSON: ${jsonProblem(error)}.`);
  }
  let result: ReturnType<typeof cexsToReserves>;
  try {
    result = cexsToReserves({ body, asOf, exchanges });
  } catch (error) {
    if (error instanceof DataSourceError)
      throw new ContentError(`${read.source} is not a DefiLlama /cexs response: ${answerFailureText({ answer: 'wrong-shape' }, english.t, english.locale, english.moment)} (${error.details}).`);
    throw error;
  }
  const rejected = result.rejected.filter(({ name }) => name?.toLowerCase() === exchange.name.toLowerCase());
  for (const entry of rejected) io.stderr.write(`radar status: the entry "${entry.name}" in ${read.source} was refused: ${cexsEntryProblemText(entry.problem, english.t)}\n`);
  const reserves = result.reserves[exchange.id];
  if (reserves === undefined || (reserves.onchain === undefined && reserves.flows === undefined)) {
    io.stderr.write(`radar status: ${read.source} has no on-chain figures for ${exchange.name}; they count as missing.\n`);
    return {};
  }
  return { ...(reserves.onchain === undefined ? {} : { onchain: reserves.onchain }), ...(reserves.flows === undefined ? {} : { flows: reserves.flows }) };
}

function render(exchange: ExchangeDefinition, verdict: GradeExchangeReturnType, run: RunEvaluation, now: Date): string {
  const lines = [
    `${exchange.name} (${exchange.id}): ${verdict.level.toUpperCase()}${verdict.incomplete && verdict.level !== 'unknown' ? ' · INCOMPLETE' : ''}, grade ${verdict.grade}`,
    `Graded on ${now.toISOString().slice(0, 10)}${verdict.asOf === undefined ? '; no reserve figures on file' : `; oldest figure used describes ${verdict.asOf}`}.`,
    '',
    'Reasons, worst first:',
  ];
  // The card's order (lib/view/card-reasons.ts), then what finds nothing wrong.
  for (const reason of [...reasonsWorstFirst(verdict.reasons), ...verdict.reasons.filter((reason) => reason.effect === 'ok')]) {
    lines.push(`  [${reason.effect}] ${reasonText(reason, english.t, english.locale, now)}`);
    const provenance = [reason.source, reason.asOf === undefined ? undefined : `as of ${reason.asOf}`].filter((part) => part !== undefined);
    if (provenance.length > 0) lines.push(`      ${provenance.join(', ')}`);
    if (reason.totalAsOf !== undefined) lines.push(`      total: ${[reason.totalSource, `as of ${reason.totalAsOf}`].filter((part) => part !== undefined).join(', ')}`);
  }
  lines.push('', ...renderRun(run));
  return lines.join('\n') + '\n';
}

export const command: RadarCommand = {
  usage,
  summary: 'risk verdict for one exchange: level, grade, reasons with sources (exit 1 on a file that is not /cexs, 2 on unknown exchange or unreadable file)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    try {
      const options = parseArgs(args);
      const exchange = resolveExchange(options.target);
      const problem = bundledSnapshotProblem();
      if (problem !== undefined) io.stderr.write(`radar status: the bundled snapshot was refused (${problem}); every figure counts as missing.\n`);
      const bundled: RiskReserves = bundledSnapshot().exchanges[exchange.id] ?? {};
      const reserves: RiskReserves =
        options.cexsFile === undefined ? bundled : { ...(bundled.por === undefined ? {} : { por: bundled.por }), ...(await reservesFromCexs(options.cexsFile, options.cexsDate, exchange, io)) };
      const verdict = gradeExchange({ exchange, reserves, now: options.now });
      const run = evaluateRun({ exchange, reserves, now: options.now });
      if (options.json) {
        const { level, grade, incomplete, reasons, metrics, asOf, sources } = verdict;
        io.stdout.write(JSON.stringify({ exchange: { id: exchange.id, name: exchange.name }, level, grade, incomplete, reasons, metrics, asOf: asOf ?? null, sources, run }, null, 2) + '\n');
      } else {
        io.stdout.write(render(exchange, verdict, run, options.now));
      }
      return 0;
    } catch (error) {
      if (error instanceof UsageError) return refuseUsage(io.stderr, 'status', error.shortMessage);
      if (error instanceof ContentError) {
        io.stderr.write(`radar status: ${error.shortMessage}\n`);
        return 1;
      }
      if (error instanceof Refusal) return refuse(io.stderr, 'status', error.shortMessage);
      throw error;
    }
  },
};
