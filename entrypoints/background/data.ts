import { browser } from 'wxt/browser';
import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn, updateItem } from '@/utils/in-turn';
import { handOverWrite, memoMark } from '@/utils/memo-item';
import { exchanges } from '@/lib/exchanges/registry';
import { refreshCexs, refreshProtocol, type RefreshReturnType } from '@/lib/reserves/refresh';
import { DEFILLAMA_CEXS_URL, defillamaProtocolUrl } from '@/lib/reserves/defillama';
import { readAnswerFailure, type AnswerFailure } from '@/lib/reserves/answer-failure';
import { readFetchFailure, type FetchFailure } from '@/lib/reserves/fetch-source';
import { CEXS_POLICY, PROTOCOL_POLICY, initialSourceState, isDue, onStartup, statusAt, type SourcePolicy, type SourceState } from '@/lib/reserves/schedule';
import { bundledSnapshot, bundledSnapshotProblem, parseSnapshot } from '@/lib/reserves/snapshot';
import { bundledCheckedOn, bundledDays, bundledExchangeCount, bundledHolds, type BundledDays } from '@/lib/reserves/bundled-holds';
import { mergeSnapshots } from '@/lib/reserves/merge';
import type { Snapshot } from '@/lib/reserves/schema';
import { FEED_POLICY, refreshFeed } from '@/lib/feed/refresh-feed';
import { FEED_SIGNERS, FEED_URL } from '@/lib/feed/trust';
import { readFeedFailure, type FeedFailure, type HeldFeed } from '@/lib/feed/verify-feed';
import { knownBadIndex, newerKnownBad, readKnownBad, type KnownBad, type KnownBadIndex, type Listing } from '@/lib/exchanges/known-bad';
import { chainWork } from './chain-work';
import { deleteMark, deletedSince } from './delete-everything';
import { fetchNoticingAccess } from './required-hosts';
import type { Address } from 'viem';
import { ownTokenChartUrl, pricedOwnTokens } from '@/lib/reserves/own-token-prices';
import { OWN_TOKEN_PRICES_POLICY, parseHeldOwnTokenPrices, refreshOwnTokenPrices, type HeldOwnTokenPrices } from '@/lib/reserves/refresh-own-token-prices';

/** Set by wxt.config.ts from RADAR_FEED_URL / RADAR_FEED_SIGNERS; absent under unit tests. */
declare const __RADAR_FEED__: { url: string; signers: Address[] } | undefined;

/**
 * The background's data: the held snapshot (bundled, merged with every good live reading) and
 * one schedule state per live source. The same requests go out on the same schedule for every
 * user; nothing here depends on which page anyone visits.
 */

export const CEXS_SOURCE = 'cexs';
export const FEED_SOURCE = 'feed';
/** The own-token prices the run watch reads (lib/reserves/own-token-prices.ts). */
export const OWN_TOKEN_PRICES_SOURCE = 'own-token-prices';
const protocolSource = (slug: string) => `protocol:${slug}`;

const heldItem = defineLazyItem<unknown>('local:heldSnapshot', { version: 1 });
export const sourcesItem = defineLazyItem<Record<string, SourceState>>('local:sources', { fallback: {}, version: 1 });
/** The own-token price series the run watch reads, per symbol; validated on every read. */
export const ownTokenPricesItem = defineLazyItem<unknown>('local:ownTokenPrices', { fallback: {}, version: 1 });
/** The run watch's episode per exchange (lib/risk/run-episode.ts), derived from the data above. */
export const runAlertsItem = defineLazyItem<unknown>('local:runAlerts', { fallback: {}, version: 1 });
/** The sequence and header hash of the last feed taken: a later feed must not go back from it. */
const heldFeedItem = defineLazyItem<unknown>('local:heldFeed', { version: 1 });
/** The known-bad hosts the last feed carrying them brought (lib/exchanges/known-bad.ts); validated on read. */
const knownBadItem = defineLazyItem<unknown>('local:knownBad', { version: 1 });

export function feedConfig(): { url: string; signers: readonly Address[] } {
  return typeof __RADAR_FEED__ === 'undefined' ? { url: FEED_URL, signers: FEED_SIGNERS } : __RADAR_FEED__;
}

/** A stored value is checked like any input: a damaged one is no floor at all rather than a wrong one. */
async function readHeldFeed(): Promise<HeldFeed | undefined> {
  const value = (await heldFeedItem.getValue()) as Partial<HeldFeed> | null;
  if (value === null || typeof value !== 'object' || !Number.isSafeInteger(value.sequence) || typeof value.hash !== 'string' || !/^0x[0-9a-f]{64}$/i.test(value.hash)) return undefined;
  return { sequence: value.sequence as number, hash: value.hash as HeldFeed['hash'] };
}

export interface SourceView {
  id: string;
  label: string;
  /** The source it is part of: the feed, DefiLlama's totals, or DefiLlama's per-exchange answers (one request per exchange). */
  group: 'feed' | 'cexs' | 'own-token-prices' | 'protocol';
  /** What is fetched. */
  url: string;
  /** The exchange a per-exchange answer is about. */
  exchangeId?: string;
  status: SourceState['status'];
  lastSuccess?: string;
  /** Read back from storage only when its figures fit; worded on the page. */
  lastAnswerFailure?: AnswerFailure;
  lastFetchFailure?: FetchFailure;
  lastFeedFailure?: FeedFailure;
  nextAttemptAt: string;
  /** When the data that came with the extension was compiled, on rows whose kind of figure that data holds (lib/reserves/bundled-holds.ts): what the cards show from this source until a fetch succeeds. Absent otherwise, and when that file was refused. */
  bundledAt?: string;
  /** With `bundledAt`, on the /cexs row: for how many of the exchanges this source covers the bundled data has its figures. */
  bundledExchanges?: { count: number; of: number };
  /** With `bundledAt`, on the feed row: the day we last checked the PoR records in that copy, which is its age (an exchange's old report is not). */
  bundledChecked?: string;
  /** With `bundledAt`, on the other rows: the oldest and newest day those figures describe, which is their age; absent when none is dated. */
  bundledDays?: BundledDays;
  /** With `bundledAt`, on the /cexs row once the feed has answered: its days and count are of the totals the feed brought, not of the file that came with the extension. */
  heldFetched?: true;
}

let held: Snapshot | undefined;

/** The held known-bad section and its index, read once per worker life and kept beside what is stored. */
let knownBad: Promise<{ section: KnownBad | undefined; index: KnownBadIndex }> | undefined;

function heldKnownBad(): Promise<{ section: KnownBad | undefined; index: KnownBadIndex }> {
  knownBad ??= knownBadItem.getValue().then((stored) => {
    // A damaged stored copy counts as none; the bundled file's section, if it has one, is the floor.
    const section = newerKnownBad(readKnownBad(bundledSnapshot().knownBad), readKnownBad(stored), new Date());
    return { section, index: knownBadIndex(section) };
  });
  return knownBad;
}

/** The listing for a host on a phishing list the feed brought, as of `now`. */
export async function knownBadLookup(now: Date): Promise<(host: string) => Listing | undefined> {
  const { index } = await heldKnownBad();
  return (host) => index.find(host, now);
}

/** Keeps the newer of the held and the incoming section, unless a Reset or a delete came since the feed was asked (`asked`), up to the held one's read. */
async function storeKnownBad(incoming: KnownBad, asked: Asked): Promise<void> {
  const { section } = await heldKnownBad();
  if (!stillAsked(asked)) return;
  const next = newerKnownBad(section, incoming, new Date());
  if (next === section) return;
  knownBad = Promise.resolve({ section: next, index: knownBadIndex(next) });
  await knownBadItem.setValue(next);
}

export async function heldOwnTokenPrices(): Promise<HeldOwnTokenPrices> {
  return parseHeldOwnTokenPrices(await ownTokenPricesItem.getValue());
}

/** A read of the stored snapshot under way: questions at the same time (a wake-up's first answer asks twice) share it. */
let reading: Promise<Snapshot> | undefined;

/** The snapshot views read: bundled data, overlaid with stored live readings that are newer. */
export function heldSnapshot(): Promise<Snapshot> {
  if (held !== undefined) return Promise.resolve(held);
  if (reading !== undefined) return reading;
  const read = readHeldSnapshot().then((snapshot) => {
    if (reading !== read) return held ?? snapshot;
    reading = undefined;
    return (held = snapshot);
  });
  reading = read;
  return read;
}

/** The very snapshot held at this moment, with no read: a new one whenever new data is stored or the data is reset. */
export function heldSnapshotNow(): Snapshot | undefined {
  return held;
}

async function readHeldSnapshot(): Promise<Snapshot> {
  const bundled = bundledSnapshot();
  const stored = await heldItem.getValue();
  if (stored === null) return bundled;
  const parsed = parseSnapshot(stored);
  // A damaged stored copy is dropped in favour of the bundled one, never shown.
  if (!parsed.ok) return bundled;
  return mergeSnapshots({ held: bundled, incoming: parsed.snapshot }).snapshot;
}

function trackedProtocols(): { exchangeId: string; slug: string }[] {
  return exchanges.flatMap((exchange) => (exchange.defillamaSlug === undefined || exchange.status.kind !== 'operating' ? [] : [{ exchangeId: exchange.id, slug: exchange.defillamaSlug }]));
}

/**
 * /cexs reads the operating exchanges DefiLlama tracks, and the bundled data has its totals for a
 * few of them. The feed carries what the bundled data carries (both are built from data/por), so
 * its row makes no such count. `ids`: the exchanges /cexs reads (trackedProtocols).
 */
function bundledCoverage(shipped: Snapshot, row: Pick<SourceView, 'group' | 'exchangeId'>, ids: readonly string[]): Pick<SourceView, 'bundledExchanges' | 'bundledDays' | 'bundledChecked'> {
  const days = bundledDays(shipped, { ...row, exchangeIds: ids });
  const checked = row.group === 'feed' ? bundledCheckedOn(shipped) : undefined;
  return {
    ...(checked === undefined ? {} : { bundledChecked: checked }),
    ...(days === undefined ? {} : { bundledDays: days }),
    ...(row.group === 'cexs' ? { bundledExchanges: { count: bundledExchangeCount(shipped, row.group, ids), of: ids.length } } : {}),
  };
}

function policyFor(source: string): SourcePolicy {
  if (source === FEED_SOURCE) return FEED_POLICY;
  if (source === OWN_TOKEN_PRICES_SOURCE) return OWN_TOKEN_PRICES_POLICY;
  return source === CEXS_SOURCE ? CEXS_POLICY : PROTOCOL_POLICY;
}

type Stored = Pick<RefreshReturnType, 'snapshot' | 'state'> & { outcome: { kind: string; error?: unknown; detail?: string } };

/**
 * How many Resets this worker has made. An answer to a question asked before one is not stored:
 * it was merged into the data the Reset forgot, and its state would call the source fresh while
 * none of its figures are held. The source stays due and is asked again.
 */
let resets = 0;

/**
 * The Reset count and the "Delete everything" count (./delete-everything.ts) taken before a source's state was read. A delete
 * forgets the data as a Reset does, but its clear comes first, in the step that moves its count: an answer heard between the
 * clear and the Reset that follows it is not written either, not even for the moment until that Reset removes it.
 */
interface Asked {
  resets: number;
  deletes: number;
}

/** Whether nothing came since `asked` that forgot what the answer was merged into: checked in the step that writes. */
function stillAsked(asked: Asked): boolean {
  return asked.resets === resets && !deletedSince(asked.deletes);
}

/**
 * The reader of each source's state for a run, with the Reset and delete counts taken before the read: what is learned
 * from a state is stored only while they hold (`stillAsked`). The states are read once per run for every source's due
 * check (a run checks some thirty), and afresh after a Reset or "Delete everything" since: a state read before either is
 * not the stored one.
 * A Reset counts when it begins and again once the states are cleared, in their turn: a state read in between is older
 * than the count taken with it. What is learned is written over the states as stored then (`storeState`).
 */
function sourceStates(): (source: string) => Promise<{ state: SourceState; asked: Asked }> {
  let read: { states: Promise<Record<string, SourceState>>; asked: Asked } | undefined;
  return async (source) => {
    if (read === undefined || !stillAsked(read.asked)) read = { asked: { resets, deletes: deleteMark() }, states: sourcesItem.getValue() };
    const { states, asked } = read;
    return { state: (await states)[source] ?? initialSourceState(), asked };
  };
}

/** Writes one source's state over the states as stored now, in their turn: what others wrote meanwhile stays. */
async function storeState(source: string, state: SourceState, asked: Asked): Promise<void> {
  await updateItem(sourcesItem, (states) => (stillAsked(asked) ? { ...states, [source]: state } : states));
}

/**
 * The snapshot, then `beforeState` (the feed's floor), then the source's state: a run cut off between them (a suspended event
 * page, a stopped worker) leaves the source due, and the next wake asks it again and merges what it brings again.
 */
async function store(result: Stored, source: string, asked: Asked, beforeState?: () => Promise<void>): Promise<void> {
  if (!stillAsked(asked)) return;
  if (result.snapshot !== held) {
    held = result.snapshot;
    reading = undefined;
    await heldItem.setValue(result.snapshot);
  }
  await beforeState?.();
  await storeState(source, result.state, asked);
  if (result.outcome.kind === 'failed') console.warn(`[reserve-radar] ${source}:`, result.outcome.error, result.outcome.detail ?? '');
}

let running: { done: Promise<void>; forced: boolean; resets: number; rescheduled: number } | undefined;

/** How many times browser start has rewritten the schedule (`onBrowserStart`), counted once its write is done. */
let rescheduled = 0;

/**
 * Asks every source that is due (or all of them, when forced), one at a time. A question while
 * a run is under way joins it, except that a forced one ("Refresh now") does not settle for a
 * scheduled run that may have started before the network was back, nor for a run begun before a
 * Reset (what it learned before the Reset is dropped): it waits, then asks again. Nor does any
 * question settle for a run begun before browser start rewrote the schedule: that run judged what
 * was due by the states before it.
 */
export function refreshDue({ force = false }: { force?: boolean } = {}): Promise<void> {
  if (running !== undefined && (!force || (running.forced && running.resets === resets)) && running.rescheduled === rescheduled) return running.done;
  if (running !== undefined) return running.done.catch(() => undefined).then(() => refreshDue({ force }));
  const run = { forced: force, resets, rescheduled, done: Promise.resolve() };
  running = run;
  run.done = (async () => {
    try {
      await refreshSources(force);
    } finally {
      if (running === run) running = undefined;
    }
  })();
  return run.done;
}

/** Each source's state is written just after it is asked, so one that waits on the network holds no turn. */
async function refreshSources(force: boolean): Promise<void> {
  const fetch = fetchNoticingAccess();
  const storedState = sourceStates();
  // The signed feed first: it carries the exchanges' own reports, and DefiLlama's readings after it win only where they are newer.
  const { state: feedState, asked: feedAsked } = await storedState(FEED_SOURCE);
  if (force || isDue({ state: feedState, now: Date.now() })) {
    const { url, signers } = feedConfig();
    // Chrome: checked in the offscreen document (./chain-work.ts); no answer there counts as a bad feed.
    const result = await refreshFeed({
      fetch,
      url,
      signers,
      held: await heldSnapshot(),
      heldFeed: await readHeldFeed(),
      state: feedState,
      now: Date.now(),
      verify: (work) => chainWork().verifyFeed(work),
    });
    if (result.knownBad !== undefined) await storeKnownBad(result.knownBad, feedAsked);
    // The floor only after what the feed brought is kept: the same feed asked again is "unchanged" and brings nothing more.
    const { heldFeed } = result;
    await store(result, FEED_SOURCE, feedAsked, async () => {
      if (stillAsked(feedAsked) && heldFeed !== undefined) await heldFeedItem.setValue(heldFeed);
    });
  }
  const { state: cexsState, asked: cexsAsked } = await storedState(CEXS_SOURCE);
  if (force || isDue({ state: cexsState, now: Date.now() })) {
    await store(await refreshCexs({ fetch, held: await heldSnapshot(), state: cexsState, now: Date.now(), exchanges }), CEXS_SOURCE, cexsAsked);
  }
  // One request naming every priced own token, the same for everyone, on the /cexs schedule.
  const { state: pricesState, asked: pricesAsked } = await storedState(OWN_TOKEN_PRICES_SOURCE);
  if (force || isDue({ state: pricesState, now: Date.now() })) {
    const held = await heldOwnTokenPrices();
    const result = await refreshOwnTokenPrices({ fetch, held, state: pricesState, symbols: pricedOwnTokens(exchanges), now: Date.now() });
    if (stillAsked(pricesAsked) && result.prices !== held) await ownTokenPricesItem.setValue(result.prices);
    await storeState(OWN_TOKEN_PRICES_SOURCE, result.state, pricesAsked);
    if (result.outcome.kind === 'failed') console.warn(`[reserve-radar] ${OWN_TOKEN_PRICES_SOURCE}:`, result.outcome.error, result.outcome.detail ?? '');
  }
  for (const { exchangeId, slug } of trackedProtocols()) {
    const source = protocolSource(slug);
    const { state, asked } = await storedState(source);
    if (!force && !isDue({ state, now: Date.now() })) continue;
    await store(await refreshProtocol({ fetch, held: await heldSnapshot(), state, now: Date.now(), exchangeId, slug }), source, asked);
  }
}

/**
 * At browser start: a source whose last success is older than its interval is asked at once. Rewritten in the states' turn, so
 * a run's write of one source's state meanwhile is kept; a run begun before it is not joined by the next question (`refreshDue`).
 */
export async function onBrowserStart(): Promise<void> {
  const now = Date.now();
  await updateItem(sourcesItem, (states) => Object.fromEntries(Object.entries(states).map(([source, state]) => [source, onStartup({ state, policy: policyFor(source), now })])));
  rescheduled++;
}

/** Whether a source's last failure was our missing access to its host (./required-hosts.ts). */
export async function sourcesFailedForAccess(): Promise<boolean> {
  return Object.values(await sourcesItem.getValue()).some((state) => readFetchFailure(state.lastFetchFailure)?.reason === 'no-access');
}

/** Every data source, in the options' order, without its state. */
export function sourceRows(): Omit<SourceView, 'status' | 'nextAttemptAt'>[] {
  return [
    { id: FEED_SOURCE, label: `Reserve Radar (${new URL(feedConfig().url).host})`, group: 'feed', url: feedConfig().url },
    { id: CEXS_SOURCE, label: 'DefiLlama /cexs', group: 'cexs', url: DEFILLAMA_CEXS_URL },
    { id: OWN_TOKEN_PRICES_SOURCE, label: 'DefiLlama coins /chart', group: 'own-token-prices', url: ownTokenChartUrl(pricedOwnTokens(exchanges)) },
    ...trackedProtocols().map(({ exchangeId, slug }) => ({ id: protocolSource(slug), label: `DefiLlama /protocol/${slug}`, group: 'protocol' as const, url: defillamaProtocolUrl(slug), exchangeId })),
  ];
}

export async function sourceViews(): Promise<SourceView[]> {
  const states = await sourcesItem.getValue();
  const now = Date.now();
  const trackedIds = trackedProtocols().map((entry) => entry.exchangeId);
  const rows = sourceRows();
  const shipped = bundledSnapshotProblem() === undefined ? bundledSnapshot() : undefined;
  // A fetched feed brings /cexs totals too: until /cexs itself answers, its row gives the days of the totals held, not of the shipped file's.
  const totals = shipped !== undefined && states[FEED_SOURCE]?.lastSuccess !== undefined ? await heldSnapshot() : shipped;
  return rows.map((row) => {
    const figures = row.group === 'cexs' ? totals : shipped;
    const fetched = figures !== shipped ? { heldFetched: true as const } : {};
    const bundled = shipped !== undefined && figures !== undefined && bundledHolds(shipped, row) ? { bundledAt: shipped.generatedAt, ...bundledCoverage(figures, row, trackedIds), ...fetched } : {};
    const state = states[row.id] ?? initialSourceState();
    const fetchFailure = readFetchFailure(state.lastFetchFailure);
    const feedFailure = readFeedFailure(state.lastFeedFailure);
    const answerFailure = readAnswerFailure(state.lastAnswerFailure);
    return {
      ...row,
      status: statusAt({ state, policy: policyFor(row.id), now }),
      ...(state.lastSuccess === undefined ? {} : { lastSuccess: state.lastSuccess }),
      ...(answerFailure === undefined ? {} : { lastAnswerFailure: answerFailure }),
      ...(fetchFailure === undefined ? {} : { lastFetchFailure: fetchFailure }),
      ...(feedFailure === undefined ? {} : { lastFeedFailure: feedFailure }),
      nextAttemptAt: state.nextAttemptAt,
      ...bundled,
    };
  });
}

export const REFRESH_ALARM = 'refresh-data';

/** One alarm wakes the background every few minutes; the schedule decides whether anything is due. */
export async function scheduleRefresh(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing === undefined) await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 0.1, periodInMinutes: 5 });
}

/** Forget everything learned live; the bundled snapshot stays. The run states derived from it go with `forgetRunStates` (run-alerts.ts). */
export async function resetData(): Promise<void> {
  resets++;
  held = undefined;
  reading = undefined;
  knownBad = undefined;
  await heldItem.removeValue();
  await heldFeedItem.removeValue();
  await knownBadItem.removeValue();
  // A look-up that began while the copy above was being removed may have cached it again.
  knownBad = undefined;
  await ownTokenPricesItem.removeValue();
  await inTurn(sourcesItem.key, async () => {
    const mark = memoMark();
    await sourcesItem.setValue({});
    handOverWrite(sourcesItem.key, {}, mark); // the held copy (first-data.ts) takes it now, not at the change event
    // A state read since the count above may be one just cleared: what a run learns from it is dropped too.
    resets++;
  });
}
