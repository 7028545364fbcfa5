import * as v from 'valibot';
import type { Hex } from 'viem';
import type { HeldWarningList } from './verify-warning-list';
import { WARNING_LIST_LIMITS } from './warning-list';
import { isListUrl, listUrl } from './list-url';

/**
 * The newest list accepted from a URL, kept after its subscription goes: subscribing to that URL
 * again starts from it, so an older list, still validly signed and in date, is not taken back.
 * Plain JSON, as stored.
 */
export interface KeptFloor {
  url: string;
  sequence: number;
  hash: Hex;
}

/** URLs whose floor is kept; past this the one kept longest goes first. */
export const MAX_KEPT_FLOORS = 200;

/** A held list's number and hash as stored: a whole number a list may carry, and a 32-byte hash. */
export const HeldFloorSchema = v.object({
  sequence: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  hash: v.pipe(
    v.string(),
    v.regex(/^0x[0-9a-fA-F]{64}$/),
    v.transform((text) => text as Hex),
  ),
});

const KeptFloorSchema = v.object({ url: v.pipe(v.string(), v.maxLength(WARNING_LIST_LIMITS.maxUrlLength), v.startsWith('https://'), v.check(isListUrl)), ...HeldFloorSchema.entries });

/** The higher of two floors by number; the first when they tie. */
export function higherFloor(a: HeldWarningList | undefined, b: HeldWarningList | undefined): HeldWarningList | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.sequence > a.sequence ? b : a;
}

export interface ParseKeptFloorsReturnType {
  floors: KeptFloor[];
  /** How many stored entries did not read back (and were dropped), for the log. */
  dropped: number;
}

/**
 * The kept floors as read back from storage: an entry that is not one is dropped, the rest stay
 * under their URL as the add path keeps it (`listUrl`: a version before kept the fragment), one URL
 * twice keeping the higher floor. At most `MAX_KEPT_FLOORS`, the newest. Never throws.
 */
export function parseKeptFloors(value: unknown): ParseKeptFloorsReturnType {
  if (!Array.isArray(value)) return { floors: [], dropped: value === undefined || value === null ? 0 : 1 };
  let floors: KeptFloor[] = [];
  let dropped = 0;
  for (const entry of value.slice(-MAX_KEPT_FLOORS)) {
    const read = v.safeParse(KeptFloorSchema, entry);
    if (!read.success) dropped += 1;
    else floors = keepFloor(floors, listUrl(read.output.url), read.output);
  }
  return { floors, dropped: dropped + Math.max(0, value.length - MAX_KEPT_FLOORS) };
}

/** `floors` with `url`'s floor raised to `floor` (never lowered), as the newest; the oldest go past `MAX_KEPT_FLOORS`. */
export function keepFloor(floors: readonly KeptFloor[], url: string, floor: HeldWarningList | undefined): KeptFloor[] {
  const before = floors.find((kept) => kept.url === url);
  const higher = higherFloor(before, floor);
  const rest = floors.filter((kept) => kept.url !== url);
  if (higher === undefined) return rest;
  return [...rest, { url, sequence: higher.sequence, hash: higher.hash }].slice(-MAX_KEPT_FLOORS);
}

/** `url`'s kept floor, if any: a subscription made again starts from it. */
export function keptFloor(floors: readonly KeptFloor[], url: string): HeldWarningList | undefined {
  const kept = floors.find((each) => each.url === url);
  return kept === undefined ? undefined : { sequence: kept.sequence, hash: kept.hash };
}
