import * as v from 'valibot';
import { AmountSchema, AssetSymbolSchema, type WatchedAddress } from './model';
import type { ReadAddressBalancesReturnType } from './read-address-balances';
import type { AssetPosition } from './valuation';
import { holdingChainIds } from './holding-tokens';

/**
 * The last on-chain reading of the user's watched addresses, one entry per chain, with the block
 * it was pinned to and when it was taken. Stored on the device and validated on every read; a
 * chain whose read failed keeps its error and no positions, so its balances are unknown, not 0.
 */

const SelfPositionSchema = v.object({ custodian: v.literal('self'), asset: AssetSymbolSchema, amount: AmountSchema });

export const ChainReadingSchema = v.object({
  chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  blockNumber: v.optional(v.pipe(v.string(), v.regex(/^\d{1,30}$/))),
  complete: v.boolean(),
  positions: v.pipe(v.array(SelfPositionSchema), v.maxLength(5000)),
  error: v.optional(v.pipe(v.string(), v.maxLength(500))),
  rpcRequests: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  naiveRequests: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type ChainReading = v.InferOutput<typeof ChainReadingSchema>;

/** A chain's error when the user has no endpoint for it; pages word it in the user's language. */
export const NO_ENDPOINT = 'no-endpoint';

/** A chain's error when the balance reader (Chrome: the offscreen document) gave no usable answer; the why goes to the log. */
export const NO_READER_ANSWER = 'no-reader-answer';

export const AddressReadingsSchema = v.object({
  /** When the reading was taken (ms since epoch). */
  readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  chains: v.pipe(v.array(ChainReadingSchema), v.maxLength(50)),
});
export type AddressReadings = v.InferOutput<typeof AddressReadingsSchema>;

export function parseAddressReadings(stored: unknown): AddressReadings | null {
  const result = v.safeParse(AddressReadingsSchema, stored);
  return result.success ? result.output : null;
}

/** Which chains to read, and which addresses on each: an address with no chains listed is read on every chain in the token table. */
export function addressesByChain(addresses: readonly WatchedAddress[]): Map<number, string[]> {
  const byChain = new Map<number, string[]>();
  for (const watched of addresses) {
    for (const chainId of watched.chainIds.length === 0 ? holdingChainIds : watched.chainIds) {
      const list = byChain.get(chainId) ?? [];
      if (!list.some((address) => address.toLowerCase() === watched.address.toLowerCase())) list.push(watched.address);
      byChain.set(chainId, list);
    }
  }
  return byChain;
}

/** One chain's read result as stored: positions that do not fit the schema (absurd amounts) are left out and the reading marked incomplete. */
export function chainReadingFrom(result: ReadAddressBalancesReturnType): ChainReading {
  const positions: ChainReading['positions'] = [];
  let dropped = false;
  for (const position of result.positions) {
    const parsed = v.safeParse(SelfPositionSchema, position);
    if (parsed.success) positions.push(parsed.output);
    else dropped = true;
  }
  return {
    chainId: result.chainId,
    ...(result.blockNumber === undefined ? {} : { blockNumber: result.blockNumber }),
    complete: result.complete && !dropped,
    positions,
    // The code only: the page words it (lib/words/reserve-check-failure.ts, readingErrorText).
    ...(result.error === undefined ? {} : { error: result.error.code }),
    rpcRequests: result.rpcRequests,
    naiveRequests: result.naiveRequests,
  };
}

export function readingPositions(readings: AddressReadings | null): AssetPosition[] {
  return readings === null ? [] : readings.chains.flatMap((chain) => chain.positions);
}
