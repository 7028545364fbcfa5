import { getNetwork, type NetworkFamily, type NetworkRequirement } from './networks';
import { validateAddress, type AddressWarning } from './validate-address';
import { checkPoisoning, isInBook, type AddressBookEntry } from './address-book';
import { guideStepIds, seedChecklistIds, walletKindIds, type GuideState, type GuideStepId, type WalletKindId } from './guide-state';

/**
 * What each step of the withdrawal guide still needs, as problem codes (the guide words them
 * through lib/words/guide-text.ts), and the facts a step shows: wallet kinds and test-transaction rules.
 */

// ------------------------------------------------------------------ wallets and the test transaction

export interface WalletOptionsReturnType {
  kinds: readonly WalletKindId[];
  /** The chosen network's family, for the family's wallet note; null for an unknown network. */
  family: NetworkFamily | null;
}

export function walletOptions({ network }: { network: string }): WalletOptionsReturnType {
  return { kinds: walletKindIds, family: getNetwork(network)?.family ?? null };
}

export interface TestTransactionAdviceReturnType {
  /** The network's rules a test must satisfy (reserves, dust limits, memos), each with its source. */
  requirements: NetworkRequirement[];
  /** How the guide can confirm arrival: by watching the balance (EVM) or via the explorer. */
  arrivalMethod: 'watch-balance' | 'explorer';
}

export function testTransactionAdvice({ network }: { network: string }): TestTransactionAdviceReturnType {
  const definition = getNetwork(network);
  const requirements = definition?.requirements.filter((r) => r.code !== 'same-address-all-evm') ?? [];
  return { requirements, arrivalMethod: definition?.family === 'evm' ? 'watch-balance' : 'explorer' };
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
  /** Blocking problems keep the step incomplete; the rest are warnings to show. */
  blocking: boolean;
  /** `seed-checklist`: how many recovery-phrase items are still unconfirmed. */
  left?: number;
}

export interface ValidateStepParameters {
  state: GuideState;
  step: GuideStepId;
  /** The user's address book: for the look-alike check on the address step, and whether a saved address is still saved. */
  book?: readonly AddressBookEntry[] | undefined;
}

export interface ValidateStepReturnType {
  complete: boolean;
  problems: GuideProblem[];
  /** Address warnings from the validator, for the address step. */
  addressWarnings: AddressWarning[];
}

function problem(code: GuideProblem['code'], blocking = true): GuideProblem {
  return { code, blocking };
}

export function validateStep({ state, step, book = [] }: ValidateStepParameters): ValidateStepReturnType {
  const problems: GuideProblem[] = [];
  let addressWarnings: AddressWarning[] = [];
  switch (step) {
    case 'route': {
      if (state.asset === null) problems.push(problem('missing-asset'));
      if (state.network === null) problems.push(problem('missing-network'));
      const definition = state.network === null ? undefined : getNetwork(state.network);
      if (definition !== undefined && state.asset !== null && !definition.commonAssets.includes(state.asset)) {
        problems.push(problem('uncommon-asset', false));
      }
      break;
    }
    case 'wallet': {
      if (state.walletKind === null) problems.push(problem('missing-wallet'));
      const missing = seedChecklistIds.filter((id) => !state.seedChecklist.includes(id));
      if (missing.length > 0) problems.push({ ...problem('seed-checklist'), left: missing.length });
      break;
    }
    case 'address': {
      if (state.network === null || state.address === null) {
        problems.push(problem('missing-address'));
        break;
      }
      const checked = validateAddress({ network: state.network, address: state.address });
      addressWarnings = checked.warnings;
      if (!checked.valid) problems.push(problem('invalid-address'));
      else if (checked.kind === 'ens-name') problems.push(problem('ens-unresolved'));
      const poisoning = checkPoisoning({ candidate: { network: state.network, address: state.address }, book });
      if (poisoning.status === 'lookalike') problems.push(problem('lookalike'));
      else if (poisoning.lookalikes.length > 0) problems.push(problem('lookalike', false));
      if (!state.addressVerifiedOnDevice) problems.push(problem('not-verified'));
      break;
    }
    case 'address-book': {
      // Done while the book holds the address for this network, saved in this guide or before it: removed from the book, it is no
      // longer saved. A skip is the user's choice. A look-alike of a saved address (the book may change on another page after the
      // address was chosen) is neither to save nor to skip: the step stays to do, and its alert says why.
      const here = state.network !== null && state.address !== null ? { network: state.network, address: state.address } : null;
      if (here !== null && checkPoisoning({ candidate: here, book }).status === 'lookalike') {
        problems.push(problem('lookalike'));
        break;
      }
      const saved = here !== null && isInBook({ ...here, book });
      if (state.addressBook !== 'skipped' && !saved) problems.push(problem('address-book'));
      break;
    }
    case 'test-transaction':
      if (state.testSentAt === null) problems.push(problem('test-not-sent'));
      else if (state.testArrivedAt === null) problems.push(problem('test-not-arrived'));
      break;
    case 'arrival':
      if (state.withdrawalSentAt === null) problems.push(problem('withdrawal-not-sent'));
      else if (state.arrivalConfirmedAt === null) problems.push(problem('not-confirmed'));
      break;
  }
  return { complete: problems.every((p) => !p.blocking), problems, addressWarnings };
}

export interface GuideProgress {
  step: GuideStepId;
  status: 'done' | 'current' | 'upcoming';
}

/** The first incomplete step, or null when the guide is finished. */
export function nextStep({ state, book }: { state: GuideState; book?: readonly AddressBookEntry[] | undefined }): GuideStepId | null {
  for (const step of guideStepIds) if (!validateStep({ state, step, book }).complete) return step;
  return null;
}

export function guideProgress({ state, book }: { state: GuideState; book?: readonly AddressBookEntry[] | undefined }): GuideProgress[] {
  const current = nextStep({ state, book });
  const currentIndex = current === null ? guideStepIds.length : guideStepIds.indexOf(current);
  return guideStepIds.map((step, index) => ({ step, status: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming' }));
}
