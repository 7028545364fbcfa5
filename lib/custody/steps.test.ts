import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { getAddress, toHex } from 'viem';
import { AddressBookEntrySchema } from './address-book';
import {
  applyGuideAction,
  exchangeWithdrawalHints,
  createGuideState,
  guideProgress,
  guideStepIds,
  nextStep,
  parseGuideState,
  seedChecklistIds,
  testTransactionAdvice,
  validateStep,
  walletKindIds,
  walletOptions,
  type GuideAction,
  type GuideState,
} from './steps';
import { networkIds } from './networks';
import type { WithdrawalFacts } from '../exchanges/types';

const t0 = new Date('2026-11-25T09:00:00.000Z');
const mine = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function run(actions: GuideAction[], start: GuideState = createGuideState(t0)): GuideState {
  return actions.reduce((state, action, index) => applyGuideAction(state, action, new Date(t0.getTime() + (index + 1) * 1000)), start);
}

/** The book after the happy path's save: the address saved for the network withdrawn on. */
const savedBook = [v.parse(AddressBookEntrySchema, { label: 'Ledger', network: 'arbitrum', address: mine, addedAt: t0.toISOString() })];

const happyPath: GuideAction[] = [
  { type: 'set-route', exchangeId: 'binance', asset: 'usdc', network: 'arbitrum' },
  { type: 'choose-wallet', walletKind: 'hardware' },
  ...seedChecklistIds.map((item) => ({ type: 'check-seed-item', item, checked: true }) as const),
  { type: 'set-address', address: mine.toLowerCase() },
  { type: 'verify-on-device', verified: true },
  { type: 'address-book', outcome: 'saved' },
  { type: 'test-sent', baseline: '0' },
  { type: 'test-arrived' },
  { type: 'withdrawal-sent' },
  { type: 'arrival-confirmed' },
];

describe('guide steps', () => {
  it('walks the happy path one step at a time', () => {
    const seen: (string | null)[] = [];
    let state = createGuideState(t0);
    // The book holds the address from the save on, as the guide page's save puts it there.
    const bookAt = (current: GuideState) => (current.addressBook === 'saved' ? savedBook : []);
    seen.push(nextStep({ state, book: bookAt(state) }));
    for (const [index, action] of happyPath.entries()) {
      state = applyGuideAction(state, action, new Date(t0.getTime() + index * 1000));
      seen.push(nextStep({ state, book: bookAt(state) }));
    }
    expect([...new Set(seen)]).toEqual([...guideStepIds, null]);
    expect(state.address).toBe(mine);
    expect(guideProgress({ state, book: savedBook }).every((p) => p.status === 'done')).toBe(true);
  });

  it('starts at the route step and explains what is missing', () => {
    const state = createGuideState(t0);
    expect(nextStep({ state })).toBe('route');
    expect(validateStep({ state, step: 'route' }).problems.map((p) => p.code)).toEqual(['missing-asset', 'missing-network']);
    expect(guideProgress({ state })[0]).toEqual({ step: 'route', status: 'current' });
  });

  it('warns, without blocking, about an asset not usually on that network', () => {
    const state = run([{ type: 'set-route', asset: 'DOGE', network: 'ethereum' }]);
    const result = validateStep({ state, step: 'route' });
    expect(result.complete).toBe(true);
    expect(result.problems[0]).toMatchObject({ code: 'uncommon-asset', blocking: false });
  });

  it('keeps the wallet step open until every seed item is confirmed', () => {
    const partial = run(happyPath.slice(0, 4));
    expect(validateStep({ state: partial, step: 'wallet' }).problems[0]).toEqual({ code: 'seed-checklist', blocking: true, left: 3 });
    const unchecked = applyGuideAction(run(happyPath.slice(0, 7)), { type: 'check-seed-item', item: 'never-shared', checked: false }, t0);
    expect(nextStep({ state: unchecked })).toBe('wallet');
  });

  it('stores only a valid, normalised address and asks for on-device verification', () => {
    const before = run(happyPath.slice(0, 7));
    const wrong = applyGuideAction(before, { type: 'set-address', address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' }, t0);
    expect(wrong.address).toBeNull();
    const state = run(happyPath.slice(0, 8));
    expect(state.address).toBe(mine);
    const result = validateStep({ state, step: 'address' });
    expect(result.problems.map((p) => p.code)).toEqual(['not-verified']);
    expect(result.addressWarnings.map((w) => w.code)).toContain('evm-network');
  });

  it('blocks an address that looks like a saved one but is not', () => {
    const saved = getAddress(toHex(new Uint8Array(20).fill(0xab)));
    const lookalike = getAddress(`0x${saved.slice(2, 6)}${'0'.repeat(32)}${saved.slice(-4)}`);
    const book = [v.parse(AddressBookEntrySchema, { label: 'Vault', network: 'ethereum', address: saved, addedAt: t0.toISOString() })];
    const state = run([...happyPath.slice(0, 7), { type: 'set-address', address: lookalike }, { type: 'verify-on-device', verified: true }]);
    const result = validateStep({ state, step: 'address', book });
    expect(result.complete).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'lookalike', blocking: true });
    expect(nextStep({ state, book })).toBe('address');
  });

  it('refuses to move on with an unresolved ENS name', () => {
    const state = run([...happyPath.slice(0, 7), { type: 'set-address', address: 'vitalik.eth' }, { type: 'verify-on-device', verified: true }]);
    expect(validateStep({ state, step: 'address' }).problems.map((p) => p.code)).toEqual(['ens-unresolved']);
  });

  it('clears everything downstream when the network or the address changes', () => {
    const done = run(happyPath);
    const moved = applyGuideAction(done, { type: 'set-route', asset: 'USDC', network: 'base' }, t0);
    expect(moved).toMatchObject({ network: 'base', address: null, addressVerifiedOnDevice: false, addressBook: 'pending', testSentAt: null, arrivalConfirmedAt: null });
    expect(moved.seedChecklist).toHaveLength(seedChecklistIds.length);
    const other = applyGuideAction(done, { type: 'set-address', address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359' }, t0);
    expect(other).toMatchObject({ addressVerifiedOnDevice: false, testSentAt: null, withdrawalSentAt: null });
  });

  it('counts the address book step done while the book holds the saved address, and not once it is removed', () => {
    const state = run(happyPath.slice(0, 10));
    const entry = savedBook[0]!;
    expect(state.addressBook).toBe('saved');
    expect(validateStep({ state, step: 'address-book', book: [entry] }).complete).toBe(true);
    expect(nextStep({ state, book: [entry] })).toBe('test-transaction');
    const removed = validateStep({ state, step: 'address-book', book: [] });
    expect(removed.complete).toBe(false);
    expect(removed.problems.map((p) => p.code)).toEqual(['address-book']);
    expect(nextStep({ state, book: [] })).toBe('address-book');
    expect(guideProgress({ state, book: [] }).find((p) => p.step === 'address-book')?.status).toBe('current');
    // Another address in the book, or the same one saved for another network, is not this one saved.
    const other = v.parse(AddressBookEntrySchema, { label: 'Other', network: 'arbitrum', address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', addedAt: t0.toISOString() });
    expect(validateStep({ state, step: 'address-book', book: [other, { ...entry, network: 'base' }] }).complete).toBe(false);
    // A skip is the user's choice and holds whatever the book holds.
    expect(validateStep({ state: { ...state, addressBook: 'skipped' }, step: 'address-book', book: [] }).complete).toBe(true);
  });

  it('counts the address book step done, with nothing to choose, when the book already holds this address on this network', () => {
    const state = run(happyPath.slice(0, 9));
    const entry = savedBook[0]!;
    expect(state.addressBook).toBe('pending');
    expect(validateStep({ state, step: 'address-book', book: [entry] }).complete).toBe(true);
    expect(nextStep({ state, book: [entry] })).toBe('test-transaction');
    // The same address saved for another network is not saved for this one: the choice stays to make.
    const elsewhere = validateStep({ state, step: 'address-book', book: [{ ...entry, network: 'base' }] });
    expect(elsewhere.complete).toBe(false);
    expect(elsewhere.problems.map((p) => p.code)).toEqual(['address-book']);
  });

  it('reads the book as the network spells addresses: EVM case is only a checksum, Solana case is another address', () => {
    const evm: GuideState = { ...createGuideState(t0), network: 'ethereum', address: mine.toLowerCase() };
    const savedEvm = v.parse(AddressBookEntrySchema, { label: 'Ledger', network: 'ethereum', address: mine, addedAt: t0.toISOString() });
    expect(validateStep({ state: evm, step: 'address-book', book: [savedEvm] }).complete).toBe(true);
    // Base58 is case-sensitive: one letter in another case is another account, not the saved one.
    const solana: GuideState = { ...createGuideState(t0), network: 'solana', address: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA' };
    const caseVariant = v.parse(AddressBookEntrySchema, { label: 'Phantom', network: 'solana', address: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623vQ5DA', addedAt: t0.toISOString() });
    const variant = validateStep({ state: solana, step: 'address-book', book: [caseVariant] });
    expect(variant.complete).toBe(false);
    // A look-alike of the saved one: nothing to save or skip, the alert is what the step has to say.
    expect(variant.problems.map((p) => p.code)).toEqual(['lookalike']);
    expect(validateStep({ state: solana, step: 'address-book', book: [{ ...caseVariant, address: solana.address ?? '' }] }).complete).toBe(true);
  });

  it('keeps the address book step to do, skipped or not, while the address is a look-alike of a saved one', () => {
    const state = run(happyPath.slice(0, 9));
    const copy = v.parse(AddressBookEntrySchema, { label: 'Copy', network: 'ethereum', address: `${mine.slice(0, 6)}${'7'.repeat(32)}${mine.slice(-4)}`.toLowerCase(), addedAt: t0.toISOString() });
    for (const addressBook of ['pending', 'skipped'] as const) {
      const judged = validateStep({ state: { ...state, addressBook }, step: 'address-book', book: [copy] });
      expect(judged.complete).toBe(false);
      expect(judged.problems.map((p) => p.code)).toEqual(['lookalike']);
    }
  });

  it('starts the recovery phrase checklist over for another kind of wallet, which has a phrase of its own', () => {
    const done = run(happyPath);
    const other = applyGuideAction(done, { type: 'choose-wallet', walletKind: 'mobile' }, t0);
    expect(other).toMatchObject({ walletKind: 'mobile', seedChecklist: [], addressVerifiedOnDevice: false });
    expect(validateStep({ state: other, step: 'wallet' }).problems).toEqual([{ code: 'seed-checklist', blocking: true, left: seedChecklistIds.length }]);
    expect(nextStep({ state: other, book: savedBook })).toBe('wallet');
    // The same kind again changes nothing; a first choice keeps what was ticked before it.
    expect(applyGuideAction(done, { type: 'choose-wallet', walletKind: 'hardware' }, t0)).toBe(done);
    const ticked = run(seedChecklistIds.map((item) => ({ type: 'check-seed-item', item, checked: true }) as const));
    expect(applyGuideAction(ticked, { type: 'choose-wallet', walletKind: 'desktop' }, t0).seedChecklist).toEqual(ticked.seedChecklist);
  });

  it('a new test transaction takes back the rest of the withdrawal and its arrival, which came after the old test', () => {
    const done = run(happyPath);
    const again = applyGuideAction(done, { type: 'test-sent', baseline: '5' }, t0);
    expect(again).toMatchObject({ testArrivedAt: null, withdrawalSentAt: null, arrivalConfirmedAt: null });
    expect(validateStep({ state: again, step: 'arrival' }).complete).toBe(false);
    expect(nextStep({ state: again, book: savedBook })).toBe('test-transaction');
  });

  it('ignores out-of-order actions', () => {
    const fresh = createGuideState(t0);
    for (const action of [
      { type: 'test-arrived' },
      { type: 'withdrawal-sent' },
      { type: 'arrival-confirmed' },
      { type: 'verify-on-device', verified: true },
      { type: 'set-address', address: mine },
    ] as GuideAction[]) {
      expect(applyGuideAction(fresh, action, t0)).toBe(fresh);
    }
  });
});

describe('persisted guide state', () => {
  it('round-trips through JSON and resumes at the same step', () => {
    const state = run(happyPath.slice(0, 10));
    const { state: resumed, reset } = parseGuideState(JSON.parse(JSON.stringify(state)));
    expect(reset).toBe(false);
    expect(resumed).toEqual(state);
    expect(nextStep({ state: resumed, book: savedBook })).toBe('test-transaction');
  });

  it('starts over on damaged input and says why', () => {
    expect(parseGuideState(undefined, t0)).toEqual({ state: createGuideState(t0), reset: false, reason: null });
    const damaged = parseGuideState({ ...run(happyPath), network: 'moon' }, t0);
    expect(damaged.reset).toBe(true);
    expect(damaged.state).toEqual(createGuideState(t0));
    expect(damaged.reason).toBe('unreadable');
  });

  it('drops a stored address that does not validate for the stored network', () => {
    const tampered = { ...run(happyPath), network: 'bitcoin' };
    const { state, reset, reason } = parseGuideState(tampered, t0);
    expect(reset).toBe(true);
    expect(reason).toBe('address-mismatch');
    expect(state.address).toBeNull();
    expect(state.testSentAt).toBeNull();
    expect(nextStep({ state })).toBe('address');
  });

  it('property: any sequence of actions yields a state the schema accepts, with a valid address if any', () => {
    const action: fc.Arbitrary<GuideAction> = fc.oneof(
      fc.record({ type: fc.constant('set-route' as const), asset: fc.constantFrom('ETH', 'usdt', 'BTC', '', '💥'), network: fc.constantFrom(...networkIds) }),
      fc.record({ type: fc.constant('choose-wallet' as const), walletKind: fc.constantFrom(...walletKindIds) }),
      fc.record({ type: fc.constant('check-seed-item' as const), item: fc.constantFrom(...seedChecklistIds), checked: fc.boolean() }),
      fc.record({
        type: fc.constant('set-address' as const),
        address: fc.oneof(fc.string(), fc.constantFrom(mine, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8')),
      }),
      fc.record({ type: fc.constant('verify-on-device' as const), verified: fc.boolean() }),
      fc.record({ type: fc.constant('address-book' as const), outcome: fc.constantFrom('saved' as const, 'skipped' as const) }),
      fc.record({ type: fc.constant('test-sent' as const), baseline: fc.oneof(fc.constant('12'), fc.string()) }),
      fc.constantFrom<GuideAction>({ type: 'test-arrived' }, { type: 'withdrawal-sent' }, { type: 'arrival-confirmed' }, { type: 'reset' }),
    );
    // Some runs start part-way along the happy path, or at its end, so the late steps (a test sent again after the withdrawal) come up.
    const along = fc.oneof(fc.constantFrom(0, happyPath.length - 1, happyPath.length), fc.nat({ max: happyPath.length }));
    let retests = 0;
    fc.assert(
      fc.property(along, fc.array(action, { maxLength: 25 }), (from, actions) => {
        let state = createGuideState(t0);
        [...happyPath.slice(0, from), ...actions].forEach((action, index) => {
          const next = applyGuideAction(state, action, new Date(t0.getTime() + (index + 1) * 1000));
          if (action.type === 'test-sent' && state.withdrawalSentAt !== null && next !== state) retests += 1;
          state = next;
          // Each step's mark stands on the one before it, after every action: nothing later is done while an earlier claim is undone.
          if (state.address !== null) expect(state.network).not.toBeNull();
          if (state.arrivalConfirmedAt !== null) expect(state.withdrawalSentAt).not.toBeNull();
          if (state.withdrawalSentAt !== null) expect(state.testArrivedAt).not.toBeNull();
          if (state.testArrivedAt !== null) expect(state.testSentAt).not.toBeNull();
          if (state.testSentAt !== null || state.addressBook !== 'pending' || state.addressVerifiedOnDevice) expect(state.address).not.toBeNull();
        });
        const parsed = parseGuideState(JSON.parse(JSON.stringify(state)));
        expect(parsed.reset).toBe(false);
      }),
    );
    // The runs did reach a test sent again after the withdrawal, which the ordering above must survive.
    expect(retests).toBeGreaterThan(0);
  });
});

describe('guidance content', () => {
  it('lists wallet categories (no brands or links) and the network family for its note', () => {
    const options = walletOptions({ network: 'ton' });
    expect(options).toEqual({ kinds: walletKindIds, family: 'ton' });
    expect(walletOptions({ network: 'nope' }).family).toBeNull();
  });

  it('gives test-transaction advice with the network minimums, each sourced', () => {
    const xrp = testTransactionAdvice({ network: 'xrp' });
    expect(xrp.arrivalMethod).toBe('explorer');
    expect(xrp.requirements.find((r) => r.code === 'account-reserve')?.amount).toBe('1');
    expect(xrp.requirements.every((r) => r.source.startsWith('https://'))).toBe(true);
    expect(testTransactionAdvice({ network: 'base' }).arrivalMethod).toBe('watch-balance');
  });
});

describe('exchangeWithdrawalHints', () => {
  const seen = { source: 'https://help.example-exchange.test/withdraw', asOf: '2026-12-05', dated: 'seen' } as const;
  const stated = { source: 'https://help.example-exchange.test/security', asOf: '2024-07-23', dated: 'stated' } as const;
  const full: WithdrawalFacts = {
    page: { status: 'deep-link', url: 'https://www.example-exchange.test/withdraw/{asset}', ...seen },
    whitelist: { status: 'offered', settingsUrl: 'https://www.example-exchange.test/security/whitelist', menuPath: ['Security', 'Whitelist'], ...stated },
    newAddressLock: { status: 'hold', hours: 24, applies: 'opt-in', menuPath: ['Security', 'Whitelist'], ...stated },
    networkFees: { status: 'fee-page', url: 'https://www.example-exchange.test/fees', ...seen },
  };

  it('gives one hint per topic, in a fixed order, each with its own source and date', () => {
    const hints = exchangeWithdrawalHints({ withdrawal: full, asset: 'USDC' });
    expect(hints.map((h) => [h.topic, h.code])).toEqual([
      ['withdrawal-page', 'page-link'],
      ['whitelist', 'whitelist-offered'],
      ['new-address-lock', 'lock-opt-in'],
      ['network-fees', 'fees-page'],
    ]);
    expect(hints[0]).toMatchObject({ url: 'https://www.example-exchange.test/withdraw/USDC', source: { url: seen.source, asOf: '2026-12-05', dated: 'seen' } });
    expect(hints[1]).toMatchObject({ url: 'https://www.example-exchange.test/security/whitelist', menuPath: ['Security', 'Whitelist'], source: { asOf: '2024-07-23', dated: 'stated' } });
    expect(hints[2]).toMatchObject({ hours: 24, source: { url: stated.source } });
    expect(hints[3]).toMatchObject({ url: 'https://www.example-exchange.test/fees' });
    for (const hint of hints) expect(hint).not.toHaveProperty('text');
  });

  it('says unknown for every topic it has no fact for, and for an exchange with no entry at all', () => {
    const unknown: WithdrawalFacts = { page: { status: 'unknown' }, whitelist: { status: 'unknown' }, newAddressLock: { status: 'unknown' }, networkFees: { status: 'unknown' } };
    const codes = ['page-unknown', 'whitelist-unknown', 'lock-unknown', 'fees-unknown'];
    expect(exchangeWithdrawalHints({ withdrawal: unknown }).map((h) => h.code)).toEqual(codes);
    expect(exchangeWithdrawalHints({ withdrawal: undefined }).map((h) => h.code)).toEqual(codes);
    for (const hint of exchangeWithdrawalHints({ withdrawal: undefined })) expect(hint.source).toBeUndefined();
  });

  it('asks for the coin before linking a per-coin page, and never puts an unsafe ticker into the address', () => {
    expect(exchangeWithdrawalHints({ withdrawal: full, asset: null })[0]).toMatchObject({ code: 'page-link-needs-asset' });
    expect(exchangeWithdrawalHints({ withdrawal: full, asset: '../evil' })[0]).toMatchObject({ code: 'page-link-needs-asset' });
    expect(exchangeWithdrawalHints({ withdrawal: full, asset: '../evil' })[0]!.url).toBeUndefined();
    const single: WithdrawalFacts = { ...full, page: { status: 'deep-link', url: 'https://www.example-exchange.test/withdraw', ...seen } };
    expect(exchangeWithdrawalHints({ withdrawal: single, asset: null })[0]).toMatchObject({ code: 'page-link', url: 'https://www.example-exchange.test/withdraw' });
  });

  it('names the menus for a withdrawal page without an address, on the web or in the app', () => {
    const web: WithdrawalFacts = { ...full, page: { status: 'menu', menuPath: ['Assets', 'Withdraw'], surface: 'web', ...stated } };
    const app: WithdrawalFacts = { ...full, page: { status: 'menu', menuPath: ['Accounts', 'Transfer'], surface: 'app', ...stated } };
    expect(exchangeWithdrawalHints({ withdrawal: web, asset: 'BTC' })[0]).toMatchObject({ code: 'page-menu-web', menuPath: ['Assets', 'Withdraw'] });
    expect(exchangeWithdrawalHints({ withdrawal: web, asset: 'BTC' })[0]!.url).toBeUndefined();
    expect(exchangeWithdrawalHints({ withdrawal: app })[0]).toMatchObject({ code: 'page-menu-app', menuPath: ['Accounts', 'Transfer'] });
  });

  it('tells each kind of hold, whitelist and fee listing apart', () => {
    const lock = (newAddressLock: WithdrawalFacts['newAddressLock']) => exchangeWithdrawalHints({ withdrawal: { ...full, newAddressLock } })[2]!;
    expect(lock({ status: 'hold', hours: 72, applies: 'always', ...seen })).toMatchObject({ code: 'lock-always', hours: 72 });
    expect(lock({ status: 'hold', hours: 48, applies: 'with-whitelist', ...seen })).toMatchObject({ code: 'lock-with-whitelist', hours: 48 });
    expect(lock({ status: 'hold', hours: 12, applies: 'after-password-change', ...seen })).toMatchObject({ code: 'lock-after-password-change', hours: 12 });
    expect(lock({ status: 'hold', hours: null, applies: 'opt-in', ...seen })).toMatchObject({ code: 'lock-opt-in', hours: null });
    expect(lock({ status: 'none', ...seen })).toMatchObject({ code: 'lock-none' });
    const whitelist = (fact: WithdrawalFacts['whitelist']) => exchangeWithdrawalHints({ withdrawal: { ...full, whitelist: fact } })[1]!;
    expect(whitelist({ status: 'always-on', ...seen })).toMatchObject({ code: 'whitelist-always-on' });
    expect(whitelist({ status: 'not-offered', ...seen })).toMatchObject({ code: 'whitelist-not-offered' });
    expect(whitelist({ status: 'offered', ...seen }).url).toBeUndefined();
    const fees = (fact: WithdrawalFacts['networkFees']) => exchangeWithdrawalHints({ withdrawal: { ...full, networkFees: fact } })[3]!;
    expect(fees({ status: 'withdrawal-form', ...seen })).toMatchObject({ code: 'fees-withdrawal-form' });
    expect(fees({ status: 'in-account', menuPath: ['Settings', 'Fees & Limits'], ...seen })).toMatchObject({ code: 'fees-in-account', menuPath: ['Settings', 'Fees & Limits'] });
  });
});
