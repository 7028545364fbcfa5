import type { ExchangeReserves, Flows, OnchainAssets, PorAttestation, Snapshot, TokenAmounts } from './schema';
import { parseSnapshot } from './snapshot';

/**
 * THE merge rule (docs/data-model.md explains it at length):
 *
 * 1. Blocks are merged independently: `por` (with its `porHistory`), `porCheck`, `onchain`
 *    totals, `onchain` breakdown (`topTokens` + `byChain`), `onchain.tokenAmounts` (coin amounts)
 *    and `flows`, per exchange.
 * 2. For each block the reading that describes the later moment wins. The moment is
 *    `observedAt` when present, else the start of `asOf`; for the breakdown it is
 *    `breakdownAsOf` (falling back to the block's `asOf`); for coin amounts the newest `at` of
 *    its chains. A tie goes to the incoming block, so
 *    re-reading a source on the same day refreshes it, and a correction can be shipped.
 * 3. An older block never replaces a newer one, and a missing block never deletes one: what we
 *    held stays, with its date, and the view shows its age.
 * 4. Only validated data reaches this module; a rejected document changes nothing because it
 *    never gets here (`mergeSnapshots` validates first and returns the held snapshot untouched).
 *
 * Which source feeds which block follows from who produces it: PoR comes only from the signed
 * feed or the bundled snapshot (the feed as of the release); on-chain totals and flows from
 * DefiLlama `/cexs` or the feed; the breakdown from DefiLlama `/protocol/<slug>` or the feed.
 */

export type IncomingReserves = Record<string, Partial<ExchangeReserves>>;

export type MergeReservesParameters = {
  held: Snapshot;
  incoming: IncomingReserves;
  /** Stamp for the result when anything changed; the held stamp is kept otherwise. */
  generatedAt?: string;
};
export type MergeReservesReturnType = {
  snapshot: Snapshot;
  /** `exchangeId.block` for every block taken from `incoming`. */
  changed: string[];
  /** `exchangeId.block` for every incoming block refused because we hold a newer one. */
  keptNewer: string[];
};

export function mergeReserves({ held, incoming, generatedAt }: MergeReservesParameters): MergeReservesReturnType {
  const changed: string[] = [];
  const keptNewer: string[] = [];
  let exchanges: Record<string, ExchangeReserves> | undefined;

  for (const id of Object.keys(incoming)) {
    const offer = incoming[id];
    if (offer === undefined) continue;
    const before = held.exchanges[id] ?? {};
    const after: ExchangeReserves = { ...before };
    let touched = false;

    if (offer.por !== undefined) {
      if (before.por === undefined || !isOlder(offer.por, before.por)) {
        after.por = offer.por;
        // The history belongs to the report it ends with: it travels with the record that won.
        if (offer.porHistory !== undefined) after.porHistory = offer.porHistory;
        touched = true;
        changed.push(`${id}.por`);
      } else keptNewer.push(`${id}.por`);
    }
    if (offer.porCheck !== undefined) {
      const held = before.porCheck;
      // The later on-chain reading wins; on the same day, the check of the later claim.
      const newer = held === undefined || offer.porCheck.asOf > held.asOf || (offer.porCheck.asOf === held.asOf && offer.porCheck.claimAsOf >= held.claimAsOf);
      if (newer) {
        after.porCheck = offer.porCheck;
        touched = true;
        changed.push(`${id}.porCheck`);
      } else keptNewer.push(`${id}.porCheck`);
    }
    if (offer.onchain !== undefined) {
      const merged = mergeOnchain(before.onchain, offer.onchain);
      if (merged.totals || merged.breakdown || merged.amounts) {
        after.onchain = merged.block;
        touched = true;
        if (merged.totals) changed.push(`${id}.onchain`);
        if (merged.breakdown) changed.push(`${id}.breakdown`);
        if (merged.amounts) changed.push(`${id}.tokenAmounts`);
      }
      if (!merged.totals) keptNewer.push(`${id}.onchain`);
    }
    if (offer.flows !== undefined) {
      if (before.flows === undefined || !isOlder(offer.flows, before.flows)) {
        after.flows = offer.flows;
        touched = true;
        changed.push(`${id}.flows`);
      } else keptNewer.push(`${id}.flows`);
    }
    if (touched) {
      exchanges ??= { ...held.exchanges };
      exchanges[id] = after;
    }
  }

  if (exchanges === undefined) return { snapshot: held, changed, keptNewer };
  const stamp = generatedAt !== undefined && generatedAt > held.generatedAt ? generatedAt : held.generatedAt;
  return { snapshot: { ...held, generatedAt: stamp, exchanges }, changed, keptNewer };
}

type Dated = Pick<PorAttestation | OnchainAssets | Flows, 'asOf'> & { observedAt?: string | undefined };

/** The moment a block describes, as a sortable ISO string. */
export function blockMoment(block: Dated): string {
  return block.observedAt ?? `${block.asOf}T00:00:00.000Z`;
}

function isOlder(incoming: Dated, held: Dated): boolean {
  return blockMoment(incoming) < blockMoment(held);
}

function breakdownMoment(block: OnchainAssets): string | undefined {
  if (block.topTokens === undefined && block.byChain === undefined) return undefined;
  return `${block.breakdownAsOf ?? block.asOf}T00:00:00.000Z`;
}

function amountsMoment(amounts: TokenAmounts): string {
  let newest = `${amounts.asOf}T00:00:00.000Z`;
  for (const point of Object.values(amounts.chains)) if (point.at > newest) newest = point.at;
  return newest;
}

/** Totals and breakdown are judged apart: an hourly `/cexs` reading must not erase a 6-hourly breakdown. */
function mergeOnchain(held: OnchainAssets | undefined, incoming: OnchainAssets): { block: OnchainAssets; totals: boolean; breakdown: boolean; amounts: boolean } {
  if (held === undefined) return { block: incoming, totals: true, breakdown: breakdownMoment(incoming) !== undefined, amounts: incoming.tokenAmounts !== undefined };
  const totals = !isOlder(incoming, held);
  const heldBreakdown = breakdownMoment(held);
  const incomingBreakdown = breakdownMoment(incoming);
  const breakdownWins = incomingBreakdown !== undefined && (heldBreakdown === undefined || incomingBreakdown >= heldBreakdown);

  const base: OnchainAssets = { ...(totals ? incoming : held) };
  const from = breakdownWins ? incoming : heldBreakdown !== undefined ? held : undefined;
  delete base.topTokens;
  delete base.byChain;
  delete base.breakdownAsOf;
  delete base.breakdownSource;
  if (from !== undefined) {
    const topTokens = from.topTokens;
    // A breakdown read when the exchange held more can name a token worth more than today's
    // total; such a pair contradicts itself, so the breakdown is dropped, not shown.
    const fits = topTokens === undefined || topTokens.every((token) => token.usd <= base.totalUsd * 1.0001);
    if (fits) {
      if (topTokens !== undefined) base.topTokens = topTokens;
      if (from.byChain !== undefined) base.byChain = from.byChain;
      const asOf = from.breakdownAsOf ?? from.asOf;
      const source = from.breakdownSource ?? from.source;
      if (asOf !== base.asOf || source !== base.source) {
        base.breakdownAsOf = asOf;
        base.breakdownSource = source;
      }
    }
  }
  // Coin amounts carry their own URL and dates and are not dollars, so no total can contradict
  // them; they follow the plain rule: the later reading wins, a missing one deletes nothing.
  delete base.tokenAmounts;
  const amountsWin = incoming.tokenAmounts !== undefined && (held.tokenAmounts === undefined || amountsMoment(incoming.tokenAmounts) >= amountsMoment(held.tokenAmounts));
  const amounts = amountsWin ? incoming.tokenAmounts : held.tokenAmounts;
  if (amounts !== undefined) base.tokenAmounts = amounts;
  return { block: base, totals, breakdown: breakdownWins, amounts: amountsWin };
}

export type MergeSnapshotsParameters = { held: Snapshot; incoming: unknown };
export type MergeSnapshotsReturnType = ({ ok: true } & MergeReservesReturnType) | { ok: false; reason: string; snapshot: Snapshot };

/** Merges a whole document (a newer bundled snapshot, an import) into what is held. Never throws. */
export function mergeSnapshots({ held, incoming }: MergeSnapshotsParameters): MergeSnapshotsReturnType {
  const parsed = parseSnapshot(incoming);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, snapshot: held };
  return { ok: true, ...mergeReserves({ held, incoming: parsed.snapshot.exchanges, generatedAt: parsed.snapshot.generatedAt }) };
}

export type ApplyBreakdownParameters = {
  held: Snapshot;
  exchangeId: string;
  breakdown: { topTokens: OnchainAssets['topTokens']; byChain: OnchainAssets['byChain']; asOf: string; source: string; tokenAmounts?: TokenAmounts };
  generatedAt?: string;
};

/** Attaches a `/protocol/<slug>` breakdown to an exchange's on-chain block; without totals there is nothing to attach it to. */
export function applyBreakdown({ held, exchangeId, breakdown, generatedAt }: ApplyBreakdownParameters): MergeReservesReturnType {
  const onchain = held.exchanges[exchangeId]?.onchain;
  if (onchain === undefined) return { snapshot: held, changed: [], keptNewer: [] };
  const offer: OnchainAssets = { ...onchain, breakdownAsOf: breakdown.asOf, breakdownSource: breakdown.source };
  if (breakdown.topTokens !== undefined) offer.topTokens = breakdown.topTokens;
  if (breakdown.byChain !== undefined) offer.byChain = breakdown.byChain;
  // Only amounts this reading brought are offered; the held ones must not come back as "new".
  delete offer.tokenAmounts;
  if (breakdown.tokenAmounts !== undefined) offer.tokenAmounts = breakdown.tokenAmounts;
  return mergeReserves({ held, incoming: { [exchangeId]: { onchain: offer } }, ...(generatedAt === undefined ? {} : { generatedAt }) });
}
