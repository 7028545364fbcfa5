import type { Snapshot } from './schema';

export interface BundledHoldsParameters {
  group: 'feed' | 'cexs' | 'own-token-prices' | 'protocol';
  /** The exchange a per-exchange source (`/protocol/<slug>`) is about. */
  exchangeId?: string;
}

/**
 * Whether the bundled data holds the kind of figure a source supplies, so that "using the data that
 * came with Reserve Radar" is true for that source before its first fetch. Fails closed: a kind the
 * file lacks (own-token prices are never in it; a breakdown only where one was compiled) is no claim.
 */
export function bundledHolds(snapshot: Snapshot, { group, exchangeId }: BundledHoldsParameters): boolean {
  const entries = Object.values(snapshot.exchanges);
  switch (group) {
    case 'feed':
      return entries.some((entry) => entry.por !== undefined || (entry.porHistory?.length ?? 0) > 0);
    case 'cexs':
      return entries.some((entry) => entry.onchain !== undefined || entry.flows !== undefined);
    case 'protocol': {
      const onchain = exchangeId === undefined || !Object.hasOwn(snapshot.exchanges, exchangeId) ? undefined : snapshot.exchanges[exchangeId]?.onchain;
      return onchain !== undefined && (onchain.topTokens !== undefined || onchain.byChain !== undefined || onchain.tokenAmounts !== undefined);
    }
    case 'own-token-prices':
      return false;
  }
}

/**
 * How many of `exchangeIds` the bundled data has a source's figures for (PoR records for the feed,
 * totals or flows for /cexs), so a row covering only some of them can say so rather than claim all.
 */
export function bundledExchangeCount(snapshot: Snapshot, group: 'feed' | 'cexs', exchangeIds: readonly string[]): number {
  return exchangeIds.filter((id) => {
    const entry = Object.hasOwn(snapshot.exchanges, id) ? snapshot.exchanges[id] : undefined;
    if (entry === undefined) return false;
    return group === 'feed' ? entry.por !== undefined : entry.onchain !== undefined || entry.flows !== undefined;
  }).length;
}

/** The oldest and the newest day a source's bundled figures describe (their `asOf`). */
export interface BundledDays {
  from: string;
  to: string;
}

/**
 * The days the bundled figures a source supplies describe (the compile date says nothing about
 * their age): /cexs totals and flows for `exchangeIds`, a breakdown for `exchangeId`. None for
 * the feed (see `bundledCheckedOn`). Undefined when there is no such figure, never a made-up day.
 */
export function bundledDays(snapshot: Snapshot, { group, exchangeId, exchangeIds = [] }: BundledHoldsParameters & { exchangeIds?: readonly string[] }): BundledDays | undefined {
  const entry = (id: string) => (Object.hasOwn(snapshot.exchanges, id) ? snapshot.exchanges[id] : undefined);
  const days: (string | undefined)[] = [];
  switch (group) {
    case 'feed':
      // Reports' days are the exchanges' staleness, not our copy's: the feed row gives `bundledCheckedOn`.
      break;
    case 'cexs':
      for (const id of exchangeIds) days.push(entry(id)?.onchain?.asOf, entry(id)?.flows?.asOf);
      break;
    case 'protocol': {
      const onchain = exchangeId === undefined ? undefined : entry(exchangeId)?.onchain;
      if (onchain?.topTokens !== undefined || onchain?.byChain !== undefined) days.push(onchain.breakdownAsOf ?? onchain.asOf);
      days.push(onchain?.tokenAmounts?.asOf);
      break;
    }
    case 'own-token-prices':
      break;
  }
  const known = days.filter((day): day is string => day !== undefined).sort();
  const [from] = known;
  return from === undefined ? undefined : { from, to: known[known.length - 1]! };
}

/**
 * The day we last looked at the PoR records in our copy: the newest `checkedAt`, a `none` finding
 * included (a record without one was read no earlier than the day it describes). This is our copy's
 * age; an exchange's old report is the exchange's staleness and never given as ours. Undefined
 * when the copy has no PoR record.
 */
export function bundledCheckedOn(snapshot: Snapshot): string | undefined {
  const days = Object.values(snapshot.exchanges).flatMap((entry) => (entry.por === undefined ? [] : [entry.por.checkedAt ?? entry.por.asOf]));
  return days.sort().at(-1);
}
