import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAddress, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { KEY_ENV, type RadarCommand } from './command';
import { buildFeedSnapshot, type BuildFeedSnapshotReturnType } from '../../lib/feed/build';
import { FeedSigningError, signFeed } from '../../lib/feed/sign-feed';
import { verifyFeed } from '../../lib/feed/verify-feed';
import { feedFailureWithDetail } from '../../lib/words/feed-failure';
import { english } from './words/english';
import { FEED_NAME, FEED_SIGNERS } from '../../lib/feed/trust';
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
  '        Exit code: 0 built, 1 refused (the reason is printed), 2 bad usage or missing key.',
  'verify  Checks a feed against a maintainer address; prints one line in plain words.',
  '        Exit code: 0 valid, 1 invalid (the reason is printed), 2 unreadable file, not JSON, or bad usage.',
  'keygen  Prints a new signing key and its address (docs/feed.md: rotating the key).',
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
    const usageError = (message: string): number => {
      io.stderr.write(`radar feed: ${message}\n`);
      return 2;
    };
    const option = (name: string): string | undefined | null => {
      const index = rest.indexOf(name);
      if (index === -1) return undefined;
      const value = rest[index + 1];
      return value === undefined || value.startsWith('--') ? null : value;
    };
    const now = option('--now');
    if (now === null || (now !== undefined && Number.isNaN(Date.parse(now)))) return usageError('--now needs an ISO time, e.g. 2026-12-04T06:00:00Z');

    if (subcommand === 'keygen') {
      const key = generatePrivateKey();
      io.stdout.write(`address ${privateKeyToAccount(key).address}\nkey     ${key}\n`);
      return 0;
    }

    if (subcommand === 'verify') {
      const file = rest[0];
      const signer = option('--signer');
      if (file === undefined || file.startsWith('--')) return usageError('verify needs a file');
      if (signer === undefined || signer === null || !isAddress(signer, { strict: false })) return usageError('verify needs --signer <address>');
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        return usageError(`cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
      }
      const result = await verifyFeed({ body: text, signers: [signer as Address], now: now === undefined ? new Date() : new Date(now) });
      if (result.ok) {
        const count = Object.keys(result.envelope.snapshot.exchanges).length;
        io.stdout.write(
          `valid: feed number ${result.envelope.feed.sequence}, issued ${result.envelope.feed.issued}, expires ${result.envelope.feed.expires}, ${count} exchanges, signed by ${result.signer}\n`,
        );
        return 0;
      }
      if (result.code === 'unreadable') return usageError(`${file}: ${feedFailureWithDetail(result.failure, english.t, english.locale)}`);
      io.stdout.write(`invalid (${result.code}): ${feedFailureWithDetail(result.failure, english.t, english.locale)}\n`);
      return 1;
    }

    if (subcommand !== 'build') return usageError(`unknown subcommand${subcommand === undefined ? '' : ` "${subcommand}"`}; see --help`);
    const key = process.env[KEY_ENV];
    if (key === undefined || key === '') return usageError(`${KEY_ENV} is not set: the feed is signed with the maintainer key (docs/feed.md)`);
    const out = option('--out');
    const previousPath = option('--previous');
    const reportPath = option('--report');
    const recordDir = option('--record');
    if (out === null || previousPath === null || reportPath === null || recordDir === null) return usageError('--out, --previous, --report and --record each need a path');

    let signer: Address;
    try {
      signer = privateKeyToAccount(key as `0x${string}`).address;
    } catch {
      return usageError(`${KEY_ENV} is not a private key (expected 0x followed by 64 hex digits)`);
    }
    let previous: { snapshot: Snapshot; sequence: number } | undefined;
    if (previousPath !== undefined) {
      let text: string;
      try {
        text = await readFile(previousPath, 'utf8');
      } catch (error) {
        return usageError(`cannot read ${previousPath} (${error instanceof Error ? error.message : String(error)})`);
      }
      const read = await readPrevious(text, [signer, ...FEED_SIGNERS]);
      if (!read.ok) {
        io.stderr.write(`radar feed: refused: ${previousPath} is not a feed we published: ${read.reason}\n`);
        return 1;
      }
      previous = read;
    }
    const log = (line: string) => io.stderr.write(`radar feed: ${line}\n`);
    let inputs: FeedInputs;
    try {
      inputs = rest.includes('--offline') ? offlineInputs() : await onlineInputs({ fetch: globalThis.fetch, now: new Date(now ?? Date.now()), log, ...(recordDir === undefined ? {} : { recordDir }) });
    } catch (error) {
      io.stderr.write(`radar feed: refused: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const moment = new Date(now ?? (rest.includes('--offline') ? inputs.newestInput : Date.now()));
    const built = buildFeed(inputs, previous?.snapshot, moment);
    const issued = moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const expires = new Date(moment.getTime() + VALID_FOR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    let signed;
    try {
      signed = await signFeed({ snapshot: built.snapshot, name: FEED_NAME, sequence: nextSequence(previous?.sequence, moment), issued, expires, privateKey: key });
    } catch (error) {
      if (error instanceof FeedSigningError && error.shortMessage.includes('key')) return usageError(`${KEY_ENV}: ${error.shortMessage} (${error.details})`);
      io.stderr.write(`radar feed: refused: ${error instanceof FeedSigningError ? `${error.shortMessage}: ${error.details}` : String(error)}\n`);
      return 1;
    }
    const text = stableStringify(signed.envelope);
    if (out === undefined) io.stdout.write(text);
    else await writeCreatingFolder(out, text);
    const report = stableStringify({ ...built.report, sequence: signed.envelope.feed.sequence, signer: signed.signer });
    if (reportPath === undefined) io.stderr.write(report);
    else await writeCreatingFolder(reportPath, report);
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
  if (!verified.ok) return { ok: false, reason: feedFailureWithDetail(verified.failure, english.t, english.locale) };
  return { ok: true, snapshot: verified.envelope.snapshot, sequence: verified.envelope.feed.sequence };
}

async function writeCreatingFolder(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
