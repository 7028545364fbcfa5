import * as v from 'valibot';
import { getNetwork, networkIds, type NetworkFamily, type NetworkId, type NetworkRequirement } from './networks';
import { validateAddress, type AddressWarning } from './validate-address';
import { checkPoisoning, type AddressBookEntry } from './address-book';
import type {
  AddressWhitelistFact,
  FactDating,
  IsoDate,
  NetworkFeesFact,
  NewAddressLockApplies,
  NewAddressLockFact,
  WithdrawalFactSource,
  WithdrawalFacts,
  WithdrawalPageFact,
} from '../exchanges/types';
import { ExchangeIdSchema, isExchangeId } from '../exchanges/exchange-id';

/**
 * The withdrawal guide as a pure state machine: the page keeps a `GuideState`, feeds user
 * actions through `applyGuideAction` (works as a Preact `useReducer` reducer), asks
 * `nextStep`/`validateStep` what to show, and persists the state (schema below) so a
 * reopened page resumes where the user left off. Nothing here moves money.
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
    address: null,
    addressVerifiedOnDevice: false,
    addressBook: 'pending',
    testSentAt: null,
    testArrivedAt: null,
    testBaseline: null,
    withdrawalSentAt: null,
    arrivalConfirmedAt: null,
    updatedAt: now.toISOString(),
  };
}

export interface ParseGuideStateReturnType {
  state: GuideState;
  /** True when stored state was unusable and a fresh guide was started; `reason` says why. */
  reset: boolean;
  reason: string | null;
}

/** Resumes a stored guide; anything unreadable starts over rather than guessing. */
export function parseGuideState(input: unknown, now: Date = new Date()): ParseGuideStateReturnType {
  if (input === undefined || input === null) return { state: createGuideState(now), reset: false, reason: null };
  const parsed = v.safeParse(GuideStateSchema, input);
  if (!parsed.success) return { state: createGuideState(now), reset: true, reason: `Saved guide could not be read (${parsed.issues[0]?.message ?? 'invalid'}); starting over.` };
  const state = parsed.output;
  // A stored address must still validate for the stored network; otherwise drop it and what depends on it.
  if (state.address !== null && (state.network === null || !validateAddress({ network: state.network, address: state.address }).valid)) {
    return { state: { ...state, ...clearedFromAddress }, reset: true, reason: 'The saved address no longer matches the saved network; enter it again.' };
  }
  return { state, reset: false, reason: null };
}

// ------------------------------------------------------------------ wallets

export interface WalletKind {
  id: WalletKindId;
  name: string;
  summary: string;
  /** How to read the receiving address so that malware on this computer cannot swap it. */
  verifyAddress: string;
}

const walletKinds: Record<WalletKindId, WalletKind> = {
  hardware: {
    id: 'hardware',
    name: 'Hardware wallet',
    summary: 'A small device that keeps the keys off your computer and phone and shows what it signs on its own screen. Best for larger amounts.',
    verifyAddress:
      "Open the receive screen for this network on the device itself and compare the address shown on the device's screen with the one pasted here, block by block. Only the device screen is trustworthy.",
  },
  mobile: {
    id: 'mobile',
    name: 'Mobile wallet app',
    summary: 'An app on your phone that holds the keys. Convenient; the phone must stay updated and locked.',
    verifyAddress: "Open Receive in the app and compare the address on the phone's screen with the one pasted here, block by block.",
  },
  desktop: {
    id: 'desktop',
    name: 'Desktop wallet',
    summary: 'A program on your computer that holds the keys. Only as safe as that computer.',
    verifyAddress: 'Open Receive in the wallet and compare its address with the one pasted here, block by block, then again after pasting it into the exchange (clipboard malware swaps addresses).',
  },
  'browser-extension': {
    id: 'browser-extension',
    name: 'Browser-extension wallet',
    summary: 'A wallet inside your browser. Convenient for apps; keep it for smaller amounts.',
    verifyAddress: "Open the wallet's receive view and compare its address with the one pasted here, block by block, then again after pasting into the exchange.",
  },
};

/** Wallet apps and devices are chosen by what they support; the guide names categories, never brands or affiliate links. */
const familyWalletNote: Record<NetworkFamily, string> = {
  evm: 'Any EVM wallet shows one 0x address for all EVM networks; check the wallet lists this network so you can see and move the funds.',
  'bitcoin-like': 'Check the wallet supports this coin itself (Bitcoin, Litecoin and Dogecoin wallets are not interchangeable).',
  solana: 'Check the wallet supports Solana and the token you withdraw.',
  tron: 'Check the wallet supports Tron (TRC-20 tokens such as USDT on Tron).',
  xrp: 'Check the wallet supports the XRP Ledger. A new XRP account needs the base reserve before it exists.',
  ton: 'Check the wallet supports TON; it shows the non-bounceable (UQ…) address for receiving.',
  cosmos: 'Check the wallet supports this Cosmos-SDK chain; each chain has its own address prefix.',
};

export interface WalletOptionsParameters {
  network: string;
}

export interface WalletOptionsReturnType {
  kinds: WalletKind[];
  note: string | null;
}

export function walletOptions({ network }: WalletOptionsParameters): WalletOptionsReturnType {
  const definition = getNetwork(network);
  return { kinds: walletKindIds.map((id) => walletKinds[id]), note: definition === undefined ? null : familyWalletNote[definition.family] };
}

export const seedChecklist: readonly { id: SeedChecklistId; text: string }[] = [
  { id: 'written-offline', text: 'I wrote the recovery phrase on paper (or metal), every word in order, and checked the spelling.' },
  { id: 'never-digital', text: 'I never photographed it, typed it into a website or app, or stored it in a cloud, email or password manager.' },
  { id: 'stored-safely', text: 'I keep it somewhere safe from fire, water and other people.' },
  { id: 'backup-checked', text: "I checked the backup with the wallet's own check (or by restoring) before sending real money." },
  { id: 'never-shared', text: 'I understand nobody legitimate ever asks for it: not the exchange, not support, not this extension.' },
];

// ------------------------------------------------------------------ test transaction and arrival

export interface TestTransactionAdviceReturnType {
  steps: string[];
  requirements: NetworkRequirement[];
  /** How the guide can confirm arrival: by watching the balance (EVM) or via the explorer. */
  arrivalMethod: 'watch-balance' | 'explorer';
  poisoningWarning: string;
}

export const POISONING_DUST_WARNING =
  'After your test, strangers may send you tiny amounts (or zero-value token transfers) from addresses that start and end like yours. Never copy an address from your transaction history: always take it from the wallet’s receive screen or your address book.';

export function testTransactionAdvice({ network }: { network: string }): TestTransactionAdviceReturnType {
  const definition = getNetwork(network);
  const requirements = definition?.requirements.filter((r) => r.code !== 'same-address-all-evm') ?? [];
  const minimums = requirements.filter((r) => r.amount !== undefined);
  const steps = [
    'Send a small test withdrawal first: at least the exchange minimum, and large enough to cover the network rules below.',
    'Wait until it shows in your wallet (and on the explorer) before sending the rest.',
    'Then withdraw the rest to the same address, checking it again block by block.',
  ];
  if (minimums.length > 0) steps.splice(1, 0, `Network rules: ${minimums.map((r) => `${r.amount} ${definition!.nativeAsset} (${r.code.replace(/-/g, ' ')})`).join('; ')}.`);
  return { steps, requirements, arrivalMethod: definition?.family === 'evm' ? 'watch-balance' : 'explorer', poisoningWarning: POISONING_DUST_WARNING };
}

// ------------------------------------------------------------------ exchange side

export type WithdrawalHintTopic = 'withdrawal-page' | 'whitelist' | 'new-address-lock' | 'network-fees';

export type WithdrawalHintCode =
  | 'page-link'
  | 'page-link-needs-asset'
  | 'page-menu-web'
  | 'page-menu-app'
  | 'page-unknown'
  | 'whitelist-offered'
  | 'whitelist-always-on'
  | 'whitelist-not-offered'
  | 'whitelist-unknown'
  | 'lock-always'
  | 'lock-opt-in'
  | 'lock-with-whitelist'
  | 'lock-after-password-change'
  | 'lock-none'
  | 'lock-unknown'
  | 'fees-page'
  | 'fees-withdrawal-form'
  | 'fees-in-account'
  | 'fees-unknown';

/** The exchange page a hint rests on: the guide links it with its date. */
export interface WithdrawalHintSource {
  url: string;
  asOf: IsoDate;
  dated: FactDating;
}

export interface ExchangeWithdrawalHint {
  topic: WithdrawalHintTopic;
  code: WithdrawalHintCode;
  /** Where the user acts (withdrawal, settings or fee page), opened in a new tab; absent for plain information. */
  url?: string;
  /** The exchange's own menu labels that lead to the page or setting. */
  menuPath?: readonly string[];
  /** The hold's length; null where the exchange documents a hold without a figure. */
  hours?: number | null;
  /** Absent only for unknown facts. */
  source?: WithdrawalHintSource;
}

const TICKER = /^[A-Z0-9.]{1,12}$/;

function sourceOf(fact: WithdrawalFactSource): WithdrawalHintSource {
  return { url: fact.source, asOf: fact.asOf, dated: fact.dated };
}

function pageHint(page: WithdrawalPageFact, asset: string | null): ExchangeWithdrawalHint {
  const topic = 'withdrawal-page';
  switch (page.status) {
    case 'unknown':
      return { topic, code: 'page-unknown' };
    case 'menu':
      return { topic, code: page.surface === 'app' ? 'page-menu-app' : 'page-menu-web', menuPath: page.menuPath, source: sourceOf(page) };
    case 'deep-link': {
      if (!page.url.includes('{asset}')) return { topic, code: 'page-link', url: page.url, source: sourceOf(page) };
      if (asset === null) return { topic, code: 'page-link-needs-asset', source: sourceOf(page) };
      return { topic, code: 'page-link', url: page.url.replace('{asset}', encodeURIComponent(asset)), source: sourceOf(page) };
    }
  }
}

function whitelistHint(whitelist: AddressWhitelistFact): ExchangeWithdrawalHint {
  const topic = 'whitelist';
  switch (whitelist.status) {
    case 'unknown':
      return { topic, code: 'whitelist-unknown' };
    case 'offered':
      return {
        topic,
        code: 'whitelist-offered',
        ...(whitelist.settingsUrl === undefined ? {} : { url: whitelist.settingsUrl }),
        ...(whitelist.menuPath === undefined ? {} : { menuPath: whitelist.menuPath }),
        source: sourceOf(whitelist),
      };
    case 'always-on':
      return { topic, code: 'whitelist-always-on', source: sourceOf(whitelist) };
    case 'not-offered':
      return { topic, code: 'whitelist-not-offered', source: sourceOf(whitelist) };
  }
}

const LOCK_CODE: Record<NewAddressLockApplies, WithdrawalHintCode> = {
  always: 'lock-always',
  'opt-in': 'lock-opt-in',
  'with-whitelist': 'lock-with-whitelist',
  'after-password-change': 'lock-after-password-change',
};

function lockHint(lock: NewAddressLockFact): ExchangeWithdrawalHint {
  const topic = 'new-address-lock';
  switch (lock.status) {
    case 'unknown':
      return { topic, code: 'lock-unknown' };
    case 'none':
      return { topic, code: 'lock-none', source: sourceOf(lock) };
    case 'hold':
      return {
        topic,
        code: LOCK_CODE[lock.applies],
        hours: lock.hours,
        ...(lock.settingsUrl === undefined ? {} : { url: lock.settingsUrl }),
        ...(lock.menuPath === undefined ? {} : { menuPath: lock.menuPath }),
        source: sourceOf(lock),
      };
  }
}

function feesHint(fees: NetworkFeesFact): ExchangeWithdrawalHint {
  const topic = 'network-fees';
  switch (fees.status) {
    case 'unknown':
      return { topic, code: 'fees-unknown' };
    case 'fee-page':
      return { topic, code: 'fees-page', url: fees.url, source: sourceOf(fees) };
    case 'withdrawal-form':
      return { topic, code: 'fees-withdrawal-form', source: sourceOf(fees) };
    case 'in-account':
      return { topic, code: 'fees-in-account', menuPath: fees.menuPath, source: sourceOf(fees) };
  }
}

const NOTHING_KNOWN: WithdrawalFacts = {
  page: { status: 'unknown' },
  whitelist: { status: 'unknown' },
  newAddressLock: { status: 'unknown' },
  networkFees: { status: 'unknown' },
};

/**
 * "Where to click" on the exchange: one hint per topic, always in the same order (withdrawal
 * page, whitelist, new-address lock, network fees), each from the registry entry's own sourced
 * fact, and `…-unknown` where nothing was confirmed, so the guide can say so instead of
 * staying silent. Returns codes, never words. Only links and explains; the extension never
 * fills or submits the exchange's forms.
 */
export function exchangeWithdrawalHints({ withdrawal, asset }: { withdrawal: WithdrawalFacts | undefined; asset?: string | null }): ExchangeWithdrawalHint[] {
  const facts = withdrawal ?? NOTHING_KNOWN;
  const ticker = asset !== undefined && asset !== null && TICKER.test(asset) ? asset : null;
  return [pageHint(facts.page, ticker), whitelistHint(facts.whitelist), lockHint(facts.newAddressLock), feesHint(facts.networkFees)];
}

// ------------------------------------------------------------------ validation

export interface GuideProblem {
  code:
    | 'missing-asset'
    | 'missing-network'
    | 'uncommon-asset'
    | 'missing-wallet'
    | 'seed-checklist'
    | 'missing-address'
    | 'invalid-address'
    | 'ens-unresolved'
    | 'not-verified'
    | 'lookalike'
    | 'address-book'
    | 'test-not-sent'
    | 'test-not-arrived'
    | 'withdrawal-not-sent'
    | 'not-confirmed';
  message: string;
  /** Blocking problems keep the step incomplete; the rest are warnings to show. */
  blocking: boolean;
}

export interface ValidateStepParameters {
  state: GuideState;
  step: GuideStepId;
  /** The user's address book, for the look-alike check on the address step. */
  book?: readonly AddressBookEntry[];
}

export interface ValidateStepReturnType {
  complete: boolean;
  problems: GuideProblem[];
  /** Address warnings from the validator, for the address step. */
  addressWarnings: AddressWarning[];
}

function problem(code: GuideProblem['code'], message: string, blocking = true): GuideProblem {
  return { code, message, blocking };
}

export function validateStep({ state, step, book = [] }: ValidateStepParameters): ValidateStepReturnType {
  const problems: GuideProblem[] = [];
  let addressWarnings: AddressWarning[] = [];
  switch (step) {
    case 'route': {
      if (state.asset === null) problems.push(problem('missing-asset', 'Choose the coin or token you are withdrawing.'));
      if (state.network === null) problems.push(problem('missing-network', 'Choose the network the exchange will send it on.'));
      const definition = state.network === null ? undefined : getNetwork(state.network);
      if (definition !== undefined && state.asset !== null && !definition.commonAssets.includes(state.asset)) {
        problems.push(
          problem('uncommon-asset', `${state.asset} is not usually withdrawn on ${definition.name}. Check the exchange offers this network for ${state.asset} and your wallet supports it.`, false),
        );
      }
      break;
    }
    case 'wallet': {
      if (state.walletKind === null) problems.push(problem('missing-wallet', 'Choose the kind of wallet that will receive the funds.'));
      const missing = seedChecklistIds.filter((id) => !state.seedChecklist.includes(id));
      if (missing.length > 0) problems.push(problem('seed-checklist', `Confirm every recovery-phrase item (${missing.length} left) before sending money to the wallet.`));
      break;
    }
    case 'address': {
      if (state.network === null || state.address === null) {
        problems.push(problem('missing-address', "Paste the receiving address from your wallet's receive screen."));
        break;
      }
      const checked = validateAddress({ network: state.network, address: state.address });
      addressWarnings = checked.warnings;
      if (!checked.valid) problems.push(problem('invalid-address', checked.error?.message ?? 'This address is not valid for the chosen network.'));
      else if (checked.kind === 'ens-name') problems.push(problem('ens-unresolved', 'Look the ENS name up and use the 0x address it points to, after comparing it with your wallet.'));
      const poisoning = checkPoisoning({ candidate: { network: state.network, address: state.address }, book });
      if (poisoning.status === 'lookalike') problems.push(problem('lookalike', poisoning.message!));
      else if (poisoning.message !== null) problems.push(problem('lookalike', poisoning.message, false));
      if (!state.addressVerifiedOnDevice) {
        const kind = state.walletKind === null ? undefined : walletKinds[state.walletKind];
        problems.push(problem('not-verified', kind?.verifyAddress ?? "Compare the address with your wallet's receive screen, block by block."));
      }
      break;
    }
    case 'address-book':
      if (state.addressBook === 'pending') problems.push(problem('address-book', 'Save the address under a name (so next time it can be checked against look-alikes), or skip.'));
      break;
    case 'test-transaction':
      if (state.testSentAt === null) problems.push(problem('test-not-sent', 'Send a small test withdrawal to the address.'));
      else if (state.testArrivedAt === null) problems.push(problem('test-not-arrived', 'Wait for the test to arrive in your wallet before sending the rest.'));
      break;
    case 'arrival':
      if (state.withdrawalSentAt === null) problems.push(problem('withdrawal-not-sent', 'Withdraw the rest to the same, saved address.'));
      else if (state.arrivalConfirmedAt === null) problems.push(problem('not-confirmed', 'Confirm the full amount arrived in your wallet.'));
      break;
  }
  return { complete: problems.every((p) => !p.blocking), problems, addressWarnings };
}

export interface GuideProgress {
  step: GuideStepId;
  status: 'done' | 'current' | 'upcoming';
}

/** The first incomplete step, or null when the guide is finished. */
export function nextStep({ state, book }: { state: GuideState; book?: readonly AddressBookEntry[] }): GuideStepId | null {
  for (const step of guideStepIds) if (!validateStep({ state, step, book }).complete) return step;
  return null;
}

export function guideProgress({ state, book }: { state: GuideState; book?: readonly AddressBookEntry[] }): GuideProgress[] {
  const current = nextStep({ state, book });
  const currentIndex = current === null ? guideStepIds.length : guideStepIds.indexOf(current);
  return guideStepIds.map((step, index) => ({ step, status: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming' }));
}

// ------------------------------------------------------------------ actions

export type GuideAction =
  | { type: 'set-route'; exchangeId?: string | null; asset: string; network: NetworkId }
  | { type: 'choose-wallet'; walletKind: WalletKindId }
  | { type: 'check-seed-item'; item: SeedChecklistId; checked: boolean }
  | { type: 'set-address'; address: string }
  | { type: 'verify-on-device'; verified: boolean }
  | { type: 'address-book'; outcome: 'saved' | 'skipped' }
  | { type: 'test-sent'; baseline?: string }
  | { type: 'test-arrived' }
  | { type: 'withdrawal-sent' }
  | { type: 'arrival-confirmed' }
  | { type: 'reset' };

const clearedFromAddress = {
  address: null,
  addressVerifiedOnDevice: false,
  addressBook: 'pending',
  testSentAt: null,
  testArrivedAt: null,
  testBaseline: null,
  withdrawalSentAt: null,
  arrivalConfirmedAt: null,
} as const satisfies Partial<GuideState>;

/**
 * Pure reducer. Changing an earlier answer clears what depended on it (a new network
 * invalidates the address; a new address invalidates its check and the test), so the
 * guide can never show a stale "verified".
 */
export function applyGuideAction(state: GuideState, action: GuideAction, now: Date = new Date()): GuideState {
  const stamp = now.toISOString();
  const next = ((): GuideState => {
    switch (action.type) {
      case 'set-route': {
        const asset = action.asset.trim().toUpperCase();
        if (!/^[A-Z0-9.]{1,12}$/.test(asset) || getNetwork(action.network) === undefined) return state;
        const exchangeId = action.exchangeId === undefined ? state.exchangeId : action.exchangeId;
        if (exchangeId !== null && !isExchangeId(exchangeId)) return state;
        const networkChanged = action.network !== state.network;
        return { ...state, exchangeId, asset, network: action.network, ...(networkChanged || asset !== state.asset ? clearedFromAddress : {}) };
      }
      case 'choose-wallet':
        return action.walletKind === state.walletKind ? state : { ...state, walletKind: action.walletKind, addressVerifiedOnDevice: false };
      case 'check-seed-item': {
        const without = state.seedChecklist.filter((id) => id !== action.item);
        return { ...state, seedChecklist: action.checked ? [...without, action.item] : without };
      }
      case 'set-address': {
        if (state.network === null) return state;
        const checked = validateAddress({ network: state.network, address: action.address });
        // Only a valid address is kept; the page shows `validateAddress` errors live while typing.
        if (!checked.valid || checked.normalized === null) return { ...state, ...clearedFromAddress };
        return checked.normalized === state.address ? state : { ...state, ...clearedFromAddress, address: checked.normalized };
      }
      case 'verify-on-device':
        return state.address === null ? state : { ...state, addressVerifiedOnDevice: action.verified };
      case 'address-book':
        return state.address === null ? state : { ...state, addressBook: action.outcome };
      case 'test-sent':
        if (state.address === null) return state;
        return { ...state, testSentAt: stamp, testArrivedAt: null, testBaseline: action.baseline !== undefined && /^\d{1,78}$/.test(action.baseline) ? action.baseline : null };
      case 'test-arrived':
        return state.testSentAt === null ? state : { ...state, testArrivedAt: stamp };
      case 'withdrawal-sent':
        return state.testArrivedAt === null ? state : { ...state, withdrawalSentAt: stamp, arrivalConfirmedAt: null };
      case 'arrival-confirmed':
        return state.withdrawalSentAt === null ? state : { ...state, arrivalConfirmedAt: stamp };
      case 'reset':
        return createGuideState(now);
    }
  })();
  return next === state ? state : { ...next, updatedAt: stamp };
}
