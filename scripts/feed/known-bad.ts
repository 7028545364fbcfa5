/**
 * The known-bad lists' part of a feed build: each list in lib/feed/known-bad-lists.ts read live
 * (one plain GET of its fixed URL, the same for every build) or from the recordings in
 * tests/fixtures/known-bad/ when offline, hashed, and turned into the feed's list by the pure reader.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { knownBadSources, readKnownBadList, type KnownBadOutcome } from '../../lib/feed/known-bad-lists';
import { fetchSource, type FetchLike } from '../../lib/reserves/fetch-source';
import { fetchFailureWithDetail } from '../../lib/words/fetch-failure';
import { english } from '../radar/words/english';
import { sha256 } from './hash';

export const KNOWN_BAD_RECORDINGS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'known-bad');

interface KnownBadRecordings {
  lists: { id: string; fetchedAt: string; file?: string; package?: string }[];
}

/**
 * Recordings already read in this process, by list, date and content: reading ScamSniffer's 165,000
 * entries takes seconds, and the tests and the bench build offline many times. The outcome is
 * shared, so callers must not change it.
 */
const offlineRead = new Map<string, KnownBadOutcome>();

/** The recorded answers, by list id, and the newest moment they describe. */
export function offlineKnownBad(dir = KNOWN_BAD_RECORDINGS_DIR): { outcomes: Record<string, KnownBadOutcome>; newest: string | undefined } {
  const manifest = JSON.parse(readFileSync(join(dir, 'recordings.json'), 'utf8')) as KnownBadRecordings;
  const require = createRequire(import.meta.url);
  const outcomes: Record<string, KnownBadOutcome> = {};
  for (const source of knownBadSources) {
    const recording = manifest.lists.find((entry) => entry.id === source.id);
    if (recording === undefined) {
      outcomes[source.id] = { ok: false, reason: 'no recorded answer' };
      continue;
    }
    const path = recording.package !== undefined ? require.resolve(recording.package) : join(dir, recording.file ?? '');
    const bytes = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    const hash = sha256(text);
    const key = `${source.id} ${recording.fetchedAt} ${hash}`;
    let outcome = offlineRead.get(key);
    if (outcome === undefined) {
      outcome = readKnownBadList(source, { name: source.id, url: source.url, text, fetchedAt: recording.fetchedAt, sha256: hash });
      offlineRead.set(key, outcome);
    }
    outcomes[source.id] = outcome;
  }
  const newest = manifest.lists
    .map((entry) => entry.fetchedAt)
    .sort()
    .at(-1);
  return { outcomes, newest };
}

export interface OnlineKnownBadParameters {
  fetch: FetchLike;
  log: (line: string) => void;
  /** Writes every raw answer here (`known-bad/<id>.json`), to record a new fixture. */
  recordDir?: string;
}

export async function onlineKnownBad({ fetch, log, recordDir }: OnlineKnownBadParameters): Promise<Record<string, KnownBadOutcome>> {
  const outcomes: Record<string, KnownBadOutcome> = {};
  for (const source of knownBadSources) {
    const fetched = await fetchSource({ url: source.url, fetch, as: 'text', timeoutMs: 60_000, maxBytes: source.maxBytes });
    let outcome: KnownBadOutcome;
    if (!fetched.ok) outcome = { ok: false, reason: `${source.name}: ${fetchFailureWithDetail(fetched.failure, english.t, english.locale)}` };
    else {
      const text = fetched.body as string;
      if (recordDir !== undefined) {
        mkdirSync(join(recordDir, 'known-bad'), { recursive: true });
        writeFileSync(join(recordDir, 'known-bad', `${source.id}.json`), text);
      }
      outcome = readKnownBadList(source, { name: source.id, url: source.url, text, fetchedAt: new Date().toISOString(), sha256: sha256(text) });
    }
    outcomes[source.id] = outcome;
    log(`${source.id}: ${outcome.ok ? `kept ${outcome.list.hosts.length} of ${outcome.listed} listed hosts` : `failed: ${outcome.reason}`}`);
  }
  return outcomes;
}
