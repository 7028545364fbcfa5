import * as v from 'valibot';
import { networkIds } from './networks';
import { validateAddress } from './validate-address';
import { ExchangeIdSchema } from '../exchanges/exchange-id';

/**
 * The withdrawal guide's state: the ids it is made of, the persisted schema, and resuming a
 * stored guide. Every field is plain JSON; unknown or damaged input is rejected, not repaired.
 */

export const guideStepIds = ['route', 'wallet', 'address', 'address-book', 'test-transaction', 'arrival'] as const;
export type GuideStepId = (typeof guideStepIds)[number];

export const walletKindIds = ['hardware', 'mobile', 'desktop', 'browser-extension'] as const;
export type WalletKindId = (typeof walletKindIds)[number];

export const seedChecklistIds = ['written-offline', 'never-digital', 'stored-safely', 'backup-checked', 'never-shared'] as const;
export type SeedChecklistId = (typeof seedChecklistIds)[number];

const isoTimestamp = v.pipe(v.string(), v.isoTimestamp());
const nullableTimestamp = v.nullable(isoTimestamp);

export const GUIDE_STATE_VERSION = 1;

/** Persisted guide state. Every field is plain JSON; unknown or damaged input is rejected, not repaired. */
export const GuideStateSchema = v.object({
  version: v.literal(GUIDE_STATE_VERSION),
  exchangeId: v.nullable(ExchangeIdSchema),
  asset: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z0-9.]{1,12}$/))),
  network: v.nullable(v.picklist(networkIds)),
  walletKind: v.nullable(v.picklist(walletKindIds)),
  seedChecklist: v.array(v.picklist(seedChecklistIds)),
  /** Normalised receiving address, set only once it validated for `network`. */
  address: v.nullable(v.pipe(v.string(), v.maxLength(128))),
  addressVerifiedOnDevice: v.boolean(),
  /**
   * Set while the address book holds a look-alike of `address` (judged by the guide page as the book changes): the guide shows the
   * alert instead of the address, and the exchange-page check does not compare with it (utils/chosen-address.ts). Kept apart from
   * the address and what was recorded after it, so they come back as they were once the look-alike is gone.
   */
  addressSuspect: v.optional(v.literal(true)),
  addressBook: v.picklist(['pending', 'saved', 'skipped']),
  testSentAt: nullableTimestamp,
  testArrivedAt: nullableTimestamp,
  /** Balance seen before the test transaction (base units), for the arrival watcher. */
  testBaseline: v.nullable(v.pipe(v.string(), v.regex(/^\d{1,78}$/))),
  withdrawalSentAt: nullableTimestamp,
  arrivalConfirmedAt: nullableTimestamp,
  updatedAt: isoTimestamp,
});

export type GuideState = v.InferOutput<typeof GuideStateSchema>;

export function createGuideState(now: Date = new Date()): GuideState {
  return {
    version: GUIDE_STATE_VERSION,
    exchangeId: null,
    asset: null,
    network: null,
    walletKind: null,
    seedChecklist: [],
    ...clearedFromAddress,
    updatedAt: now.toISOString(),
  };
}

/**
 * Why a stored guide was not resumed: `unreadable` (damaged or from another version),
 * `address-mismatch` (the saved address no longer validates for the saved network),
 * `other-exchange` (the saved guide belongs to another exchange).
 */
export type GuideResetReason = 'unreadable' | 'address-mismatch' | 'other-exchange';

export interface ParseGuideStateReturnType {
  state: GuideState;
  /** True when stored state was unusable and a fresh guide was started; `reason` says why. */
  reset: boolean;
  reason: GuideResetReason | null;
}

/** Resumes a stored guide; anything unreadable starts over rather than guessing. */
export function parseGuideState(input: unknown, now: Date = new Date()): ParseGuideStateReturnType {
  if (input === undefined || input === null) return { state: createGuideState(now), reset: false, reason: null };
  const parsed = v.safeParse(GuideStateSchema, input);
  if (!parsed.success) return { state: createGuideState(now), reset: true, reason: 'unreadable' };
  const state = parsed.output;
  // A stored address must still validate for the stored network; otherwise drop it and what depends on it.
  if (state.address !== null && (state.network === null || !validateAddress({ network: state.network, address: state.address }).valid)) {
    return { state: { ...state, ...clearedFromAddress }, reset: true, reason: 'address-mismatch' };
  }
  return { state, reset: false, reason: null };
}

/** What an answer about the address invalidates: the address itself and every later step. */
export const clearedFromAddress = {
  address: null,
  addressVerifiedOnDevice: false,
  addressBook: 'pending',
  testSentAt: null,
  testArrivedAt: null,
  testBaseline: null,
  withdrawalSentAt: null,
  arrivalConfirmedAt: null,
} as const satisfies Partial<GuideState>;
