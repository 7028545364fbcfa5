import type { ExchangeDefinition } from '../exchanges/types';
import { readKnownBad } from '../exchanges/known-bad';
import { mergeReserves, type IncomingReserves } from '../reserves/merge';
import { POR_HISTORY_LENGTH, type ExchangeReserves, type PorAttestation, type PorCheck, type PorReport, type Snapshot } from '../reserves/schema';
import type { AdapterReport } from './adapters/types';
import { checkReportFigures, jumpBetween } from './checks';
import type { KnownBadOutcome } from './known-bad-lists';
import { assembleKnownBad, type KnownBadBuildReport } from './known-bad-section';
import type { KnownBadAcceptance } from './known-bad-accepted';
import type { ReviewedFile, ReviewedReport } from './reviewed';

/**
 * Assembles the feed's snapshot from what the sources gave this run, on top of the previous
 * feed (last good data wins): per exchange, the reviewed file and the adapter's reports are
 * checked, merged with the previous history by the date each report describes, and the newest
 * becomes the exchange's PoR record. Pure: the CLI does the fetching, reading and signing.
 */

export type AdapterOutcome = { ok: true; reports: AdapterReport[]; fetchedAt: string; url: string } | { ok: false; reason: string };

export interface BuildFeedSnapshotParameters {
  exchanges: readonly ExchangeDefinition[];
  reviewed: readonly ReviewedFile[];
  /** By exchange id, for the exchanges that have an adapter. */
  adapters?: Readonly<Record<string, AdapterOutcome>>;
  /** DefiLlama's readings this run (on-chain totals, flows, breakdowns), by exchange id. */
  onchain?: IncomingReserves;
  /** The known-bad lists' answers this run, by list id (lib/feed/known-bad-lists.ts). */
  knownBad?: Readonly<Record<string, KnownBadOutcome>>;
  /** Shrinks of known-bad lists a person checked and accepted (data/known-bad-accepted.json). */
  acceptedShrinks?: readonly KnownBadAcceptance[];
  /** The previous feed's snapshot: what is kept when a source fails or answers worse. */
  previous?: Snapshot | undefined;
  now: Date;
}

export interface ExchangeBuildLine {
  /** Where the newest report came from this run. */
  por: 'adapter' | 'reviewed' | 'kept' | 'none';
  latest?: string;
  checkedAt?: string;
  /** Plain words: failures, held reports, reports older than the one held. */
  notes: string[];
}

export interface BuildFeedSnapshotReturnType {
  snapshot: Snapshot;
  report: { generatedAt: string; exchanges: Record<string, ExchangeBuildLine>; held: number; failedAdapters: string[]; knownBad: KnownBadBuildReport };
}

export function buildFeedSnapshot({ exchanges, reviewed, adapters = {}, onchain = {}, knownBad = {}, acceptedShrinks = [], previous, now }: BuildFeedSnapshotParameters): BuildFeedSnapshotReturnType {
  const generatedAt = now.toISOString();
  const lines: Record<string, ExchangeBuildLine> = {};
  const known = new Set(exchanges.map((exchange) => exchange.id));
  const files = new Map(reviewed.map((file) => [file.exchange, file]));
  let held = 0;
  const failedAdapters: string[] = [];

  const out: Record<string, ExchangeReserves> = {};
  for (const [id, reserves] of Object.entries(previous?.exchanges ?? {})) if (known.has(id)) out[id] = { ...reserves };

  for (const id of [...known].sort()) {
    const file = files.get(id);
    const adapter = adapters[id];
    const line: ExchangeBuildLine = { por: 'none', notes: [] };
    const before = out[id] ?? {};
    const previousHistory = historyOf(before);

    if (adapter !== undefined && !adapter.ok) {
      failedAdapters.push(id);
      line.notes.push(`adapter failed, the last good record is kept: ${adapter.reason}`);
    }
    if (file === undefined) {
      if (adapter?.ok === true) line.notes.push('adapter answered, but there is no reviewed file giving the method and cadence; nothing published');
      if (before.por !== undefined) {
        line.por = 'kept';
        line.latest = before.por.asOf;
        if (before.por.checkedAt !== undefined) line.checkedAt = before.por.checkedAt;
      }
      if (before.por !== undefined || line.notes.length > 0) lines[id] = line;
      continue;
    }

    const fromFile = file.reports.map((report) => reviewedToReport(report));
    const fromAdapter: PorReport[] = [];
    let heldHere = 0;
    if (adapter?.ok === true) {
      const accepted = new Map<string, PorReport>();
      for (const report of adapter.reports) {
        const problem = checkReportFigures(report);
        if (problem !== undefined) {
          heldHere += 1;
          line.notes.push(`held the report of ${report.asOf}: ${problem}`);
          continue;
        }
        accepted.set(report.asOf, report);
      }
      // A jump is judged against the newest report that a person or an earlier build vouched for.
      const vouched = union([fromFile, previousHistory]);
      for (const report of [...accepted.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : 1))) {
        if (vouched.some((other) => other.asOf === report.asOf)) {
          fromAdapter.push(report);
          continue;
        }
        const older = vouched.find((other) => other.asOf < report.asOf);
        const jump = older === undefined ? undefined : jumpBetween(older, report);
        if (jump !== undefined) {
          heldHere += 1;
          line.notes.push(`held the report of ${report.asOf} for review: ${jump}`);
          continue;
        }
        fromAdapter.push(report);
        vouched.push(report);
        vouched.sort((a, b) => (a.asOf < b.asOf ? 1 : -1));
      }
      const newestServed = adapter.reports
        .map((report) => report.asOf)
        .sort()
        .at(-1);
      const newestHeld = previousHistory[0]?.asOf;
      if (newestServed !== undefined && newestHeld !== undefined && newestServed < newestHeld) {
        line.notes.push(`the exchange served ${newestServed}, older than the report already held (${newestHeld}); the newer one is kept`);
      }
    }

    // The same date from several places: the machine-read answer (with its hash) first, then the
    // reviewed copy, then what the previous feed had.
    const history = union([fromAdapter, fromFile, previousHistory]).slice(0, POR_HISTORY_LENGTH);
    const latest = history[0]!;
    held += heldHere;
    // A read whose newest report we held does not confirm the older one as the latest: the
    // exchange did publish, so our check is not moved on (the delay stays ours, not theirs).
    const adapterDay = adapter?.ok === true && heldHere === 0 ? adapter.fetchedAt.slice(0, 10) : undefined;
    const checkedAt = [file.checked, adapterDay, before.por?.checkedAt]
      .filter((day): day is string => day !== undefined)
      .sort()
      .at(-1)!;
    const latestReviewed = file.reports.find((report) => report.asOf === latest.asOf);
    const latestAdapter = fromAdapter.find((report) => report === latest) as AdapterReport | undefined;
    const undated = latestAdapter === undefined && latestReviewed?.undated === true;

    const por: PorAttestation = {
      method: file.method,
      cadence: file.cadence,
      liabilitiesIncluded: file.liabilitiesIncluded ?? (file.method === 'zk-proof' || file.method === 'merkle-liabilities'),
      ...figuresOf(latest),
      ...(file.verifier === undefined ? {} : { verifier: file.verifier }),
      ...optional('attestor', latestAdapter?.attestor ?? latestReviewed?.attestor),
      ...optional('merkleRoot', latestAdapter?.merkleRoot),
      ...optional('assetsCovered', latestReviewed?.assetsCovered),
      ...optional('publishedDate', latestAdapter?.publishedDate ?? latestReviewed?.published),
      ...optional('note', latestReviewed?.note),
      // A "none" record is no report: its date is the period we looked at, and no balances were taken. An
      // undated report has no day its balances were taken, and no day we can say we confirmed it.
      ...(file.method === 'none' || undated ? {} : { snapshotDate: latest.asOf }),
      ...(undated ? { undated: true as const } : { checkedAt }),
      ...optional('fetchedAt', latest.fetchedAt),
      ...optional('sha256', latest.sha256),
      source: latest.source,
      asOf: latest.asOf,
    };
    if (por.method === 'none') {
      for (const key of ['reserveRatios', 'totalReserveRatio', 'customerLiabilities'] as const) delete por[key];
    }
    const next: ExchangeReserves = { ...before, por };
    // An undated report's day only orders the record: the history (the card's trend) would show it, so it is left out.
    const dated = history.filter((report) => !(fromAdapter.every((read) => read !== report) && file.reports.some((entry) => entry.asOf === report.asOf && entry.undated === true)));
    if (por.method !== 'none' && dated.some(hasFigures)) next.porHistory = dated;
    else delete next.porHistory;
    out[id] = next;

    line.por = latestAdapter !== undefined ? 'adapter' : latestReviewed !== undefined ? 'reviewed' : 'kept';
    line.latest = latest.asOf;
    if (!undated) line.checkedAt = checkedAt;
    lines[id] = line;
  }

  let snapshot: Snapshot = { version: 1, generatedAt, exchanges: out };
  snapshot = mergeReserves({ held: snapshot, incoming: onchain, generatedAt }).snapshot;
  const exchangesOut: Record<string, ExchangeReserves> = {};
  for (const [id, reserves] of Object.entries(snapshot.exchanges)) {
    const check = claimCheck(reserves);
    const next = { ...reserves };
    if (check === undefined) delete next.porCheck;
    else next.porCheck = check;
    exchangesOut[id] = next;
  }
  const listed = assembleKnownBad({ outcomes: knownBad, previous: readKnownBad(previous?.knownBad), now, accepted: acceptedShrinks });
  snapshot = { version: 1, generatedAt, exchanges: exchangesOut, ...(listed.section === undefined ? {} : { knownBad: listed.section }) };
  return { snapshot, report: { generatedAt, exchanges: lines, held, failedAdapters, knownBad: listed.report } };
}

function reviewedToReport(report: ReviewedReport): PorReport {
  return { ...figuresOf(report), source: report.source, asOf: report.asOf };
}

/** The figures of a report, without its provenance, as the PoR record carries them. */
type Figures = Pick<PorReport, 'reserveRatios' | 'totalReserveRatio' | 'customerLiabilities' | 'liabilitiesUsd' | 'reserves' | 'reservesUsd'>;

function figuresOf(report: Figures): Figures {
  return {
    ...optional('reserveRatios', report.reserveRatios),
    ...optional('totalReserveRatio', report.totalReserveRatio),
    ...optional('customerLiabilities', report.customerLiabilities),
    ...optional('liabilitiesUsd', report.liabilitiesUsd),
    ...optional('reserves', report.reserves),
    ...optional('reservesUsd', report.reservesUsd),
  };
}

function historyOf(reserves: ExchangeReserves): PorReport[] {
  if (reserves.porHistory !== undefined) return [...reserves.porHistory];
  const por = reserves.por;
  if (por === undefined || por.method === 'none') return [];
  return [{ ...figuresOf(por), ...optional('fetchedAt', por.fetchedAt), ...optional('sha256', por.sha256), source: por.source, asOf: por.asOf } as PorReport];
}

function hasFigures(report: PorReport): boolean {
  return report.reserveRatios !== undefined || report.totalReserveRatio !== undefined || report.customerLiabilities !== undefined || report.liabilitiesUsd !== undefined;
}

/** One report per date, the first list's copy winning; newest first. */
function union(lists: readonly (readonly PorReport[])[]): PorReport[] {
  const byDate = new Map<string, PorReport>();
  for (const list of lists) for (const report of list) if (!byDate.has(report.asOf)) byDate.set(report.asOf, report);
  return [...byDate.values()].sort((a, b) => (a.asOf < b.asOf ? 1 : -1));
}

/**
 * The claim beside the chain: the reserves the newest report claims, per asset, against the
 * coins DefiLlama counts in the exchange's published wallets (summed over the chains it reads).
 */
export function claimCheck(reserves: ExchangeReserves): PorCheck | undefined {
  const claimed = reserves.por?.reserves;
  const amounts = reserves.onchain?.tokenAmounts;
  if (claimed === undefined || amounts === undefined || reserves.por === undefined) return undefined;
  const onchainBySymbol = new Map<string, number>();
  for (const point of Object.values(amounts.chains)) {
    for (const [symbol, amount] of Object.entries(point.amounts)) {
      const key = symbol.toUpperCase();
      onchainBySymbol.set(key, (onchainBySymbol.get(key) ?? 0) + amount);
    }
  }
  const assets: PorCheck['assets'] = {};
  for (const [symbol, claim] of Object.entries(claimed)) {
    const onchain = onchainBySymbol.get(symbol.toUpperCase());
    if (onchain === undefined) continue;
    assets[symbol] = { claimed: claim, onchain, difference: onchain - claim };
  }
  if (Object.keys(assets).length === 0) return undefined;
  return { claimAsOf: reserves.por.asOf, claimSource: reserves.por.source, assets, source: amounts.source, asOf: amounts.asOf };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
