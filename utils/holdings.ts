import * as v from 'valibot';
import { defineLazyItem } from '@/utils/lazy-item';
import { HOLDINGS_PROBLEMS, HoldingsStateSchema, parseHoldingsState, type HoldingsProblem, type HoldingsState } from '@/lib/holdings/model';
import { parsePriceTable, type PriceParseCode, type PriceTable } from '@/lib/holdings/prices';
import type { EcbRatesFailure } from '@/lib/holdings/ecb-rates';
import { parseAddressReadings, type AddressReadings } from '@/lib/holdings/address-readings';
import { BaseError } from '@/lib/errors';
import type { FetchFailure } from '@/lib/reserves/fetch-source';
import { memoizedRead } from './memo-item';
import { replaceInTurn, replaceInTurns, replacement, updateItem, type Replacement } from './in-turn';

/**
 * The user's holdings, the scheduled price table and the last reading of their watched
 * addresses: on this device only, stored as `unknown` and validated on every read (an older
 * version or a hand edit falls back to empty, never to half-read figures).
 */
const holdingsItem = defineLazyItem<unknown>('local:holdings', { version: 1 });
const pricesItem = defineLazyItem<unknown>('local:priceTable', { version: 1 });
const readingsItem = defineLazyItem<unknown>('local:addressReadings', { version: 1 });

/** How the last price and rate fetches went, for the options page. */
export interface PriceStatus {
  lastAttemptAt?: number;
  /** The price answer was read and refused (worded on the page). */
  lastPriceProblem?: PriceParseCode;
  /** No price answer came (code and figures, worded on the page). */
  lastFetchFailure?: FetchFailure;
  lastRatesProblem?: EcbRatesFailure;
  lastRatesFetchFailure?: FetchFailure;
}
export const priceStatusItem = defineLazyItem<PriceStatus>('local:priceStatus', { fallback: {}, version: 1 });

export async function getHoldings(): Promise<HoldingsState> {
  return parseHoldingsState(await holdingsItem.getValue());
}

/** Why a save was refused: the schema's code, or `invalid` for a refusal without one (worded by lib/words/holdings-save-failure.ts). */
export class HoldingsSaveError extends BaseError {
  override name = 'HoldingsSaveError';
  readonly code: HoldingsProblem | 'invalid';

  constructor(code: HoldingsProblem | 'invalid', details?: string) {
    super(`holdings not saved: ${code}`, details);
    this.code = code;
  }
}

function validHoldings(state: HoldingsState): HoldingsState {
  const parsed = v.safeParse(HoldingsStateSchema, state);
  if (parsed.success) return parsed.output;
  const message = parsed.issues[0]?.message;
  throw new HoldingsSaveError((HOLDINGS_PROBLEMS as readonly string[]).includes(message ?? '') ? (message as HoldingsProblem) : 'invalid', message);
}

/**
 * Validates before writing: a state the schema refuses is never stored, and the stored one stays.
 * Written in the holdings' turn (utils/in-turn.ts), like every change of them.
 */
export async function saveHoldings(state: HoldingsState): Promise<HoldingsState> {
  return replaceInTurn(holdingsReplacement(state));
}

/** The holdings replaced by `state`, validated (a refused state throws `HoldingsSaveError`), for a write with other values (utils/import-write.ts). */
export function holdingsReplacement(state: HoldingsState): Replacement<HoldingsState> {
  return replacement(holdingsItem, validHoldings(state));
}

/**
 * The holdings as stored, changed by `change` in their turn: the options page's edits and the
 * background's history points, made at the same moment, both stay. `change` answering the state
 * it was given writes nothing.
 */
export async function updateHoldings(change: (current: HoldingsState) => HoldingsState | Promise<HoldingsState>): Promise<HoldingsState> {
  const stored = await updateItem(holdingsItem, async (raw) => {
    const current = parseHoldingsState(raw);
    const next = await change(current);
    return next === current ? raw : validHoldings(next);
  });
  return parseHoldingsState(stored);
}

/** The user's edit (options page); the history is the background's to write, so the stored one is kept. */
export function saveHoldingsEdit(next: HoldingsState): Promise<HoldingsState> {
  return updateHoldings((current) => ({ ...next, history: current.history }));
}

/** Calls `callback` with the holdings after each change, and those before it. */
export function watchHoldings(callback: (state: HoldingsState, before: HoldingsState) => void): () => void {
  return holdingsItem.watch((value, old) => callback(parseHoldingsState(value), parseHoldingsState(old)));
}

export async function getPriceTable(): Promise<PriceTable> {
  return parsePriceTable(await pricesItem.getValue());
}

/**
 * The price table (when `table` is given) and the status of the attempt that made it, in one write in their turns, handed to
 * the pill's held copy (utils/in-turn.ts `replaceInTurns`); nothing when `unless()` says so with the turns held. Answers whether it wrote.
 */
export function savePrices({ table, status }: { table?: PriceTable; status: PriceStatus }, unless?: () => boolean): Promise<boolean> {
  const statusReplacement = replacement(priceStatusItem, status);
  return replaceInTurns(table === undefined ? [statusReplacement] : [replacement(pricesItem, table), statusReplacement], unless === undefined ? {} : { unless });
}

export function watchPriceTable(callback: (table: PriceTable) => void): () => void {
  return pricesItem.watch((value) => callback(parsePriceTable(value)));
}

export async function getAddressReadings(): Promise<AddressReadings | null> {
  return parseAddressReadings(await readingsItem.getValue());
}

/** The watched addresses' reading, written as `savePrices` writes. Answers whether it wrote. */
export function saveAddressReadings(readings: AddressReadings, unless?: () => boolean): Promise<boolean> {
  return replaceInTurns([replacement(readingsItem, readings)], unless === undefined ? {} : { unless });
}

export function watchAddressReadings(callback: (readings: AddressReadings | null) => void): () => void {
  return readingsItem.watch((value) => callback(parseAddressReadings(value)));
}

export interface HeldHoldings {
  state: HoldingsState;
  prices: PriceTable;
  readings: AddressReadings | null;
}

/**
 * For the background's answer to the exchange page, which the pill's first paint waits on: the
 * three values read and validated once, then held until storage reports a change to one of them.
 */
export function heldHoldingsReader(): () => Promise<HeldHoldings> {
  const reads = [memoizedRead(holdingsItem), memoizedRead(pricesItem), memoizedRead(readingsItem)];
  let held: { raw: unknown[]; value: HeldHoldings } | undefined;
  return async () => {
    const raw = await Promise.all(reads.map((read) => read()));
    // The memoized reads hand back the same objects until storage changes, so identity says "unchanged".
    if (held === undefined || raw.some((value, index) => value !== held?.raw[index])) {
      held = { raw, value: { state: parseHoldingsState(raw[0]), prices: parsePriceTable(raw[1]), readings: parseAddressReadings(raw[2]) } };
    }
    return held.value;
  };
}
