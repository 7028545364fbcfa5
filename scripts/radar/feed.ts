import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { isAddress, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { KEY_ENV, refuse, refuseUsage, signerKeyFromEnv, type RadarCommand } from './command';
import { buildFeedSnapshot, type BuildFeedSnapshotReturnType } from '../../lib/feed/build';
import { FeedSigningError, signFeed } from '../../lib/feed/sign-feed';
import { verifyFeed } from '../../lib/feed/verify-feed';
import { feedFailureText, feedFailureWithDetail } from '../../lib/words/feed-failure';
import { english } from './words/english';
import { formatCount } from '../../lib/words/format';
import { destinationProblem, folderProblem, OutputError, writeAll } from './shared/files';
import { inputText, readInput } from './shared/read-input';
import { MOMENT_FORMS, parseMoment } from './shared/moment';
import { FEED_NAME, FEED_SIGNERS } from '../../lib/feed/trust';
import { FEED_LIMITS } from '../../lib/feed/format';
import { exchanges as registry } from '../../lib/exchanges/registry';
import { stableStringify } from '../../lib/reserves/stable-json';
import type { Snapshot } from '../../lib/reserves/schema';
import { offlineInputs, onlineInputs, type FeedInputs } from '../feed/inputs';

/** Readers accept a feed for a week: six missed daily builds still leave it valid. */
const VALID_FOR_MS = 7 * 86_400_000;

const help = [
  'Usage: npm run --silent radar -- feed build [--offline] [--out <file>] [--previous <file>] [--report <file>] [--record <dir>] [--now <ISO time>]',
  '       npm run --silent radar -- feed verify <file> --signer <address> [--now <ISO time>]',
  '       npm run --silent radar -- feed keygen',
  '',
  "build   Builds the proof-of-reserves feed: the reviewed files in data/por/, each adapter's",
  '        answer (lib/feed/adapters), DefiLlama and the known-bad lists (lib/feed/known-bad-lists.ts),',
  '        on top of the previous feed (--previous: what is kept when a source fails). Signs it with',
  '        the key in RADAR_SIGNER_KEY and writes the envelope to --out (default: standard output);',
  '        the build report goes to --report or stderr. --offline reads the recorded answers in',
  '        tests/fixtures/por/ and tests/fixtures/known-bad/ instead of the network, and is dated by',
  '        the newest of them unless --now says otherwise. --record <dir> keeps every raw answer of',
  '        a live build, to add as a new recording.',
  '        Exit code: 0 built, 1 refused (the reason is printed), 2 bad usage, missing key, or an --out,',
  '        --report or --record path it cannot write (checked before any download).',
  'verify  Checks a feed against a maintainer address; prints one line in plain words.',
  '        Exit code: 0 valid, 1 invalid (the reason is printed), 2 unreadable file, larger than a feed may be',
  `        (${formatCount(FEED_LIMITS.maxBytes / 1024, english.locale)} KiB), not JSON, or bad usage.`,
  'keygen  Prints a new signing key and its address (docs/feed.md: rotating the key).',
  '',
  'Use - as <file> (or as the --previous file) to read standard input.',
].join('\n');

export const command: RadarCommand = {
  usage: 'feed build | verify <file> --signer <address> | keygen',
  summary: 'build, sign or verify the proof-of-reserves feed (exit 0 ok, 1 invalid, 2 bad input)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    const [subcommand, ...rest] = args;
    const fail = (problem: string): number => refuse(io.stderr, 'feed', problem);
    const misused = (problem: string): number => refuseUsage(io.stderr, 'feed', problem);
    const parsed = parseFeedArgs(subcommand, rest);
    if (typeof parsed === 'string') return misused(parsed);
    const { file, options, offline, now } = parsed;

    if (subcommand === 'keygen') {
      const key = generatePrivateKey();
      io.stdout.write(`address ${privateKeyToAccount(key).address}\nkey     ${key}\n`);
      return 0;
    }

    if (subcommand === 'verify') {
      const signer = options.get('--signer');
      if (file === undefined) return misused('verify needs a file');
      if (signer === undefined) return misused('verify needs --signer <address>, the maintainer address you trust');
      if (!isAddress(signer, { strict: false })) return misused(`--signer "${signer}" is not an Ethereum address`);
      const read = await readFeed(file, io.stdin);
      if (!read.ok) return fail(read.problem);
      const result = await verifyFeed({ body: inputText(read.bytes), signers: [signer as Address], now: now ?? new Date() });
      if (result.ok) {
        const count = Object.keys(result.envelope.snapshot.exchanges).length;
        io.stdout.write(
          `valid: feed number ${result.envelope.feed.sequence}, issued ${english.moment(result.envelope.feed.issued)}, expires ${english.moment(result.envelope.feed.expires)}, ${count} exchanges, signed by ${result.signer}\n`,
        );
        return 0;
      }
      if (result.code === 'unreadable') return fail(`${read.source}: ${feedFailureWithDetail(result.failure, english.t, english.locale, english.moment)}`);
      io.stdout.write(`invalid (${result.code}): ${feedFailureWithDetail(result.failure, english.t, english.locale, english.moment)}\n`);
      return 1;
    }

    const read = signerKeyFromEnv(`${KEY_ENV} is not set: the feed is signed with the maintainer key (docs/feed.md)`);
    if ('problem' in read) return fail(read.problem);
    const { key } = read;
    const out = options.get('--out');
    const previousPath = options.get('--previous');
    const reportPath = options.get('--report');
    const recordDir = options.get('--record');
    // Checked before the build, which can take a minute of downloads, and again when writing.
    for (const path of [out, reportPath]) {
      const problem = path === undefined ? undefined : await destinationProblem(path);
      if (problem !== undefined) return fail(problem);
    }
    const recordProblem = recordDir === undefined ? undefined : await folderProblem(recordDir);
    if (recordProblem !== undefined) return fail(recordProblem);

    let signer: Address;
    try {
      signer = privateKeyToAccount(key).address;
    } catch {
      return fail(`${KEY_ENV} is not a private key (it is outside the secp256k1 range)`);
    }
    let previous: { snapshot: Snapshot; sequence: number } | undefined;
    if (previousPath !== undefined) {
      const text = await readFeed(previousPath, io.stdin);
      if (!text.ok) return fail(text.problem);
      const read = await readPrevious(inputText(text.bytes), [signer, ...FEED_SIGNERS]);
      if (!read.ok) {
        io.stderr.write(`radar feed: refused: ${text.source} is not a feed we published: ${read.reason}\n`);
        return 1;
      }
      previous = read;
    }
    const log = (line: string) => io.stderr.write(`radar feed: ${line}\n`);
    let inputs: FeedInputs;
    try {
      inputs = offline ? offlineInputs() : await onlineInputs({ fetch: globalThis.fetch, now: now ?? new Date(), log, ...(recordDir === undefined ? {} : { recordDir }) });
    } catch (error) {
      io.stderr.write(`radar feed: refused: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const moment = now ?? new Date(offline ? inputs.newestInput : Date.now());
    const built = buildFeed(inputs, previous?.snapshot, moment);
    const issued = moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const expires = new Date(moment.getTime() + VALID_FOR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    let signed;
    try {
      signed = await signFeed({ snapshot: built.snapshot, name: FEED_NAME, sequence: nextSequence(previous?.sequence, moment), issued, expires, privateKey: key });
    } catch (error) {
      if (error instanceof FeedSigningError && error.shortMessage.includes('key')) return fail(`${KEY_ENV}: ${error.shortMessage} (${error.details})`);
      io.stderr.write(`radar feed: refused: ${error instanceof FeedSigningError ? `${error.shortMessage}: ${error.details}` : String(error)}\n`);
      return 1;
    }
    const text = stableStringify(signed.envelope);
    const report = stableStringify({ ...built.report, sequence: signed.envelope.feed.sequence, signer: signed.signer });
    const files = [...(out === undefined ? [] : [{ path: out, text }]), ...(reportPath === undefined ? [] : [{ path: reportPath, text: report }])];
    try {
      await writeAll(files);
    } catch (error) {
      if (error instanceof OutputError) return fail(error.message);
      throw error;
    }
    if (out === undefined) io.stdout.write(text);
    if (reportPath === undefined) io.stderr.write(report);
    return 0;
  },
};

export function buildFeed(inputs: FeedInputs, previous: Snapshot | undefined, now: Date): BuildFeedSnapshotReturnType {
  return buildFeedSnapshot({
    acceptedShrinks: inputs.acceptedShrinks,
    exchanges: registry,
    reviewed: inputs.reviewed,
    adapters: inputs.adapters,
    onchain: inputs.onchain,
    knownBad: inputs.knownBad,
    ...(previous === undefined ? {} : { previous }),
    now,
  });
}

/** A feed is read no further than the most a reader takes. */
function readFeed(file: string, stdin: Readable) {
  const tooLarge = feedFailureText({ code: 'too-large', maxKib: FEED_LIMITS.maxBytes / 1024 }, english.t, english.locale);
  return readInput({ file, stdin, maxBytes: FEED_LIMITS.maxBytes, tooLarge });
}

/**
 * The number of a new feed: the build's moment in seconds, so it grows with every build even when
 * the previous feed could not be downloaded, and one more than the previous feed's at least.
 */
export function nextSequence(previous: number | undefined, moment: Date): number {
  return Math.max((previous ?? 0) + 1, Math.floor(moment.getTime() / 1000));
}

/**
 * The previously published feed, whose figures are kept where a source fails: it must carry our
 * own signature (the signing key or a pinned one), checked as of the moment it was issued, since
 * an old feed is exactly what this reads.
 */
async function readPrevious(text: string, signers: readonly Address[]): Promise<{ ok: true; snapshot: Snapshot; sequence: number } | { ok: false; reason: string }> {
  let issued: unknown;
  try {
    issued = (JSON.parse(text) as { feed?: { issued?: unknown } }).feed?.issued;
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (typeof issued !== 'string' || Number.isNaN(Date.parse(issued))) return { ok: false, reason: 'it has no issue date' };
  const verified = await verifyFeed({ body: text, signers, now: new Date(issued) });
  if (!verified.ok) return { ok: false, reason: feedFailureWithDetail(verified.failure, english.t, english.locale, english.moment) };
  return { ok: true, snapshot: verified.envelope.snapshot, sequence: verified.envelope.feed.sequence };
}

const FEED_OPTIONS = {
  build: { valued: ['--out', '--previous', '--report', '--record', '--now'], files: 0 },
  verify: { valued: ['--signer', '--now'], files: 1 },
  keygen: { valued: [], files: 0 },
} as const;

interface FeedArgs {
  file?: string;
  options: Map<string, string>;
  offline: boolean;
  now?: Date;
}

/** The subcommand's options, each one it knows and with its value, or why not in one line. */
function parseFeedArgs(subcommand: string | undefined, args: readonly string[]): FeedArgs | string {
  if (subcommand !== 'build' && subcommand !== 'verify' && subcommand !== 'keygen') {
    return `${subcommand === undefined ? 'expected' : `unknown subcommand "${subcommand}"; expected`} build, verify or keygen`;
  }
  const known = FEED_OPTIONS[subcommand];
  const options = new Map<string, string>();
  const files: string[] = [];
  let offline = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--offline' && subcommand === 'build') offline = true;
    else if ((known.valued as readonly string[]).includes(arg)) {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (options.has(arg)) return `${arg} is given twice`;
      options.set(arg, value);
      index += 1;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg} for ${subcommand}`;
    else files.push(arg);
  }
  if (files.length > known.files) return known.files === 0 ? `${subcommand} takes no file, got "${files[0]}"` : `${subcommand} takes one file, got ${files.length}`;
  if (offline && options.has('--record')) return '--record keeps the answers of a live build; --offline reads recorded ones';
  const out = options.get('--out');
  if (out !== undefined && resolve(out) === resolve(options.get('--report') ?? '')) return '--out and --report name the same file';
  const nowText = options.get('--now');
  const now = nowText === undefined ? undefined : parseMoment(nowText);
  if (nowText !== undefined && now === undefined) return `--now must be ${MOMENT_FORMS}, got "${nowText}"`;
  return { options, offline, ...(files[0] === undefined ? {} : { file: files[0] }), ...(now === undefined ? {} : { now }) };
}
