/**
 * What a feed build reads: the reviewed files in data/por/, the adapters' answers (live, or the
 * recordings in tests/fixtures/por/ when offline) and DefiLlama's readings. Node-only glue around
 * the pure builder in lib/feed/build.ts; `radar feed build` and `npm run data:snapshot` share it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { porAdapters } from '../../lib/feed/adapters';
import type { RawAnswer } from '../../lib/feed/adapters/types';
import type { AdapterOutcome } from '../../lib/feed/build';
import { parseReviewedFile, type ReviewedFile } from '../../lib/feed/reviewed';
import { exchanges as registry } from '../../lib/exchanges/registry';
import { cexsToReserves, DEFILLAMA_CEXS_URL } from '../../lib/reserves/defillama';
import { DataSourceError } from '../../lib/reserves/errors';
import { fetchSource, type FetchLike } from '../../lib/reserves/fetch-source';
import { fetchFailureWithDetail } from '../../lib/words/fetch-failure';
import { english } from '../radar/words/english';
import type { IncomingReserves } from '../../lib/reserves/merge';
import { EMPTY_SNAPSHOT } from '../../lib/reserves/snapshot';
import { buildSnapshot, PUBLIC_BASE } from './defillama';
import { sha256 } from './hash';
import { offlineKnownBad, onlineKnownBad } from './known-bad';
import type { KnownBadOutcome } from '../../lib/feed/known-bad-lists';
import { parseKnownBadAccepted, type KnownBadAcceptance } from '../../lib/feed/known-bad-accepted';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REVIEWED_DIR = join(root, 'data', 'por');
export const RECORDINGS_DIR = join(root, 'tests', 'fixtures', 'por');
export const KNOWN_BAD_ACCEPTED_FILE = join(root, 'data', 'known-bad-accepted.json');

export interface FeedInputs {
  reviewed: ReviewedFile[];
  adapters: Record<string, AdapterOutcome>;
  onchain: IncomingReserves;
  /** The known-bad lists' answers, by list id. */
  knownBad: Record<string, KnownBadOutcome>;
  /** The shrinks of known-bad lists a person accepted. */
  acceptedShrinks: KnownBadAcceptance[];
  /** The newest moment any input describes: an offline build is dated by it, not by the clock. */
  newestInput: string;
}

export { sha256 };

/** Every reviewed file, validated; one broken file stops the build with the file's name and the problem. */
export function readReviewed(dir = REVIEWED_DIR): ReviewedFile[] {
  const files: ReviewedFile[] = [];
  const problems: string[] = [];
  const known = new Set(registry.map((exchange) => exchange.id));
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const parsed = parseReviewedFile(body, name);
    if (!parsed.ok) problems.push(parsed.reason);
    else if (!known.has(parsed.file.exchange)) problems.push(`${name}: "${parsed.file.exchange}" is not in the registry`);
    else files.push(parsed.file);
  }
  if (problems.length > 0) throw new Error(`reviewed files refused:\n  ${problems.join('\n  ')}`);
  return files;
}

/** data/known-bad-accepted.json, validated; a broken file stops the build with its name and the problem, as a broken reviewed file does. */
export function readKnownBadAccepted(file = KNOWN_BAD_ACCEPTED_FILE): KnownBadAcceptance[] {
  const why = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${basename(file)} refused: it cannot be read (${why(error)})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new Error(`${basename(file)} refused: it is not JSON (${why(error)})`);
  }
  const parsed = parseKnownBadAccepted(body);
  if (!parsed.ok) throw new Error(`${basename(file)} refused: ${parsed.reason}`);
  return parsed.accepted;
}

function runAdapter(exchange: string, answers: RawAnswer[]): AdapterOutcome {
  const adapter = porAdapters.find((candidate) => candidate.exchange === exchange)!;
  try {
    const reports = adapter.parse(answers);
    const fetchedAt = answers
      .map((answer) => answer.fetchedAt)
      .sort()
      .at(-1)!;
    return { ok: true, reports, fetchedAt, url: answers[0]!.url };
  } catch (error) {
    if (error instanceof DataSourceError) return { ok: false, reason: `${error.shortMessage}: ${error.details}` };
    return { ok: false, reason: `the answer could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

interface RecordingsManifest {
  answers: { exchange: string; name: string; url: string; file: string; fetchedAt: string }[];
  defillama: { cexs: { file: string; fetchedAt: string } };
}

export function offlineInputs(dir = RECORDINGS_DIR): FeedInputs {
  const reviewed = readReviewed();
  const acceptedShrinks = readKnownBadAccepted();
  const manifest = JSON.parse(readFileSync(join(dir, 'recordings.json'), 'utf8')) as RecordingsManifest;
  const adapters: Record<string, AdapterOutcome> = {};
  for (const adapter of porAdapters) {
    const answers = manifest.answers
      .filter((answer) => answer.exchange === adapter.exchange)
      .map((answer) => {
        const text = readFileSync(join(dir, answer.file), 'utf8');
        return { name: answer.name, url: answer.url, text, fetchedAt: answer.fetchedAt, sha256: sha256(text) };
      });
    adapters[adapter.exchange] = answers.length === 0 ? { ok: false, reason: 'no recorded answer' } : runAdapter(adapter.exchange, answers);
  }
  const cexs = manifest.defillama.cexs;
  const converted = cexsToReserves({ body: JSON.parse(readFileSync(join(dir, cexs.file), 'utf8')), asOf: cexs.fetchedAt, exchanges: registry, source: DEFILLAMA_CEXS_URL });
  const knownBad = offlineKnownBad();
  const moments = [
    ...manifest.answers.map((answer) => answer.fetchedAt),
    cexs.fetchedAt,
    ...reviewed.map((file) => `${file.checked}T00:00:00.000Z`),
    ...(knownBad.newest === undefined ? [] : [knownBad.newest]),
  ].sort();
  return { reviewed, adapters, onchain: converted.reserves, knownBad: knownBad.outcomes, acceptedShrinks, newestInput: moments.at(-1)! };
}

export interface OnlineInputsParameters {
  fetch: FetchLike;
  now: Date;
  log: (line: string) => void;
  /** Writes every raw answer here (`<exchange>/<name>.txt`), to record a new fixture. */
  recordDir?: string;
  defillamaBase?: string;
  /** Refuse (throw) when DefiLlama cannot be read, instead of keeping the last good figures. */
  requireDefillama?: boolean;
}

export async function onlineInputs({ fetch, now, log, recordDir, defillamaBase = PUBLIC_BASE, requireDefillama = false }: OnlineInputsParameters): Promise<FeedInputs> {
  // The committed files first: a broken one stops the build before any request.
  const reviewed = readReviewed();
  const acceptedShrinks = readKnownBadAccepted();
  // DefiLlama first: a release build (`data:snapshot`) stops here, before asking any exchange, when it is out of reach.
  const defillama = await buildSnapshot({ held: EMPTY_SNAPSHOT, fetch, base: defillamaBase, now, exchanges: registry, breakdown: true, log });
  const onchain: IncomingReserves = {};
  if (defillama.ok) for (const [id, reserves] of Object.entries(defillama.snapshot.exchanges)) onchain[id] = reserves;
  else if (requireDefillama) throw new Error(defillama.message);
  else log(`DefiLlama failed, the last good on-chain figures are kept: ${defillama.message}`);

  const adapters: Record<string, AdapterOutcome> = {};
  for (const adapter of porAdapters) {
    const answers: RawAnswer[] = [];
    let failure: string | undefined;
    for (const request of adapter.requests) {
      const fetched = await fetchSource({
        url: request.url,
        fetch,
        as: 'text',
        timeoutMs: 30_000,
        ...(request.method === undefined ? {} : { method: request.method }),
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      if (!fetched.ok) {
        failure = fetchFailureWithDetail(fetched.failure, english.t, english.locale);
        break;
      }
      const text = fetched.body as string;
      answers.push({ name: request.name, url: request.url, text, fetchedAt: new Date().toISOString(), sha256: sha256(text) });
      if (recordDir !== undefined) {
        mkdirSync(join(recordDir, adapter.exchange), { recursive: true });
        writeFileSync(join(recordDir, adapter.exchange, `${request.name}.txt`), text);
      }
    }
    const outcome = failure === undefined ? runAdapter(adapter.exchange, answers) : { ok: false as const, reason: failure };
    adapters[adapter.exchange] = outcome;
    log(`${adapter.exchange}: ${outcome.ok ? `read ${outcome.reports.map((report) => report.asOf).join(', ')}` : `failed: ${outcome.reason}`}`);
  }
  const knownBad = await onlineKnownBad({ fetch, log, ...(recordDir === undefined ? {} : { recordDir }) });
  return { reviewed, adapters, onchain, knownBad, acceptedShrinks, newestInput: now.toISOString() };
}
