import { getNetwork, type NetworkId } from './networks';
import { validateAddress } from './validate-address';
import { isExchangeId } from '../exchanges/exchange-id';
import { clearedFromAddress, createGuideState, type GuideState, type SeedChecklistId, type WalletKindId } from './guide-state';

/**
 * The withdrawal guide as a pure state machine: the page keeps a `GuideState` (guide-state.ts),
 * feeds user actions through `applyGuideAction` (works as a Preact `useReducer` reducer), asks
 * `nextStep`/`validateStep` what to show (validate-step.ts), and persists the state so a
 * reopened page resumes where the user left off. Nothing here moves money.
 */

export * from './guide-state';
export * from './validate-step';
export * from './withdrawal-hints';

export type GuideAction =
  | { type: 'set-route'; exchangeId?: string | null; asset: string; network: NetworkId }
  | { type: 'choose-wallet'; walletKind: WalletKindId }
  | { type: 'check-seed-item'; item: SeedChecklistId; checked: boolean }
  | { type: 'set-address'; address: string }
  | { type: 'verify-on-device'; verified: boolean }
  | { type: 'address-suspect'; suspect: boolean }
  | { type: 'address-book'; outcome: 'saved' | 'skipped' }
  | { type: 'test-sent'; baseline?: string }
  | { type: 'test-arrived' }
  | { type: 'withdrawal-sent' }
  | { type: 'arrival-confirmed' }
  | { type: 'reset' };

/**
 * Pure reducer. Changing an earlier answer clears what depended on it (a new network
 * invalidates the address; a new address invalidates its check and the test; another wallet
 * its recovery-phrase checklist and the check on it; a new test the rest sent after the old one),
 * so the guide can never show a stale "verified" or "done".
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
        if (!networkChanged && asset === state.asset) return { ...state, exchangeId, asset, network: action.network };
        return { ...withoutSuspect(state), exchangeId, asset, network: action.network, ...clearedFromAddress };
      }
      case 'choose-wallet':
        if (action.walletKind === state.walletKind) return state;
        // Another wallet has a recovery phrase of its own: what was ticked for the one before says nothing of it. A first choice
        // keeps what was ticked before it, which could only be for this wallet.
        return { ...state, walletKind: action.walletKind, addressVerifiedOnDevice: false, ...(state.walletKind === null ? {} : { seedChecklist: [] }) };
      case 'check-seed-item': {
        const without = state.seedChecklist.filter((id) => id !== action.item);
        return { ...state, seedChecklist: action.checked ? [...without, action.item] : without };
      }
      case 'set-address': {
        if (state.network === null) return state;
        const checked = validateAddress({ network: state.network, address: action.address });
        // Only a valid address is kept; the page shows `validateAddress` errors live while typing.
        if (!checked.valid || checked.normalized === null) return { ...withoutSuspect(state), ...clearedFromAddress };
        return checked.normalized === state.address ? state : { ...withoutSuspect(state), ...clearedFromAddress, address: checked.normalized };
      }
      case 'address-suspect':
        if (state.address === null || action.suspect === (state.addressSuspect === true)) return state;
        return action.suspect ? { ...state, addressSuspect: true } : withoutSuspect(state);
      case 'verify-on-device':
        return state.address === null ? state : { ...state, addressVerifiedOnDevice: action.verified };
      case 'address-book':
        return state.address === null ? state : { ...state, addressBook: action.outcome };
      case 'test-sent':
        if (state.address === null) return state;
        // A new test: the rest of the withdrawal and its arrival, claimed after the old one, are to do again after this one.
        return {
          ...state,
          testSentAt: stamp,
          testArrivedAt: null,
          testBaseline: action.baseline !== undefined && /^\d{1,78}$/.test(action.baseline) ? action.baseline : null,
          withdrawalSentAt: null,
          arrivalConfirmedAt: null,
        };
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

/** The state without the look-alike mark: it speaks of one address, and goes with it. */
function withoutSuspect(state: GuideState): GuideState {
  if (state.addressSuspect === undefined) return state;
  const { addressSuspect: _, ...rest } = state;
  return rest;
}
