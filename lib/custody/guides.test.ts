import { describe, expect, it } from 'vitest';
import { applyGuideActionFor, freshGuideFor, guideForExchange, savedGuides } from './guides';
import { applyGuideAction, createGuideState, nextStep, type GuideAction, type GuideState } from './steps';

const t0 = new Date('2026-12-01T10:00:00Z');
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function guide(exchangeId: string | null, actions: GuideAction[]): GuideState {
  return actions.reduce((state, action) => applyGuideAction(state, action, t0), freshGuideFor(exchangeId, t0));
}

const okx = guide('okx', [
  { type: 'set-route', exchangeId: 'okx', asset: 'USDT', network: 'ethereum' },
  { type: 'choose-wallet', walletKind: 'hardware' },
  { type: 'set-address', address: WALLET },
]);
const none = () => undefined;

describe('guideForExchange', () => {
  it("opened for Coinbase after OKX's guide: a fresh guide for Coinbase, from the first step", () => {
    const { state, reset } = guideForExchange({ current: okx, own: undefined, exchangeId: 'coinbase', now: t0 });
    expect(state).toEqual({ ...createGuideState(t0), exchangeId: 'coinbase' });
    expect(nextStep({ state })).toBe('route');
    expect(reset).toBe(false);
  });

  it('opened for an exchange with a saved guide: that guide, as it was left', () => {
    const coinbase = guide('coinbase', [{ type: 'set-route', exchangeId: 'coinbase', asset: 'BTC', network: 'bitcoin' }]);
    expect(guideForExchange({ current: coinbase, own: okx, exchangeId: 'okx', now: t0 }).state).toEqual(okx);
    expect(guideForExchange({ current: coinbase, own: coinbase, exchangeId: 'coinbase', now: t0 }).state).toEqual(coinbase);
  });

  it('opened with no exchange: the guide last worked on', () => {
    expect(guideForExchange({ current: okx, own: undefined, exchangeId: undefined, now: t0 }).state).toEqual(okx);
    expect(guideForExchange({ current: undefined, own: undefined, exchangeId: undefined, now: t0 })).toEqual({ state: createGuideState(t0), reset: false, reason: null });
  });

  it("a damaged or misfiled saved guide starts that exchange's guide over and says why", () => {
    const damaged = guideForExchange({ current: undefined, own: { version: 1, address: 42 }, exchangeId: 'kraken', now: t0 });
    expect(damaged.state).toEqual(freshGuideFor('kraken', t0));
    expect(damaged.reason).toBe('unreadable');
    const misfiled = guideForExchange({ current: undefined, own: okx, exchangeId: 'kraken', now: t0 });
    expect(misfiled.state).toEqual(freshGuideFor('kraken', t0));
    expect(misfiled.reason).toBe('other-exchange');
  });
});

describe('savedGuides', () => {
  it('keeps the guides that read and sit under their own exchange', () => {
    const saved = savedGuides(Object.entries({ okx, kraken: { nope: true }, bybit: okx, coinbase: undefined, upbit: null }), t0);
    expect([...saved.keys()]).toEqual(['okx']);
    expect(savedGuides([], t0).size).toBe(0);
  });
});

describe('applyGuideActionFor', () => {
  it("choosing another exchange does not carry this exchange's answers along", () => {
    const moved = applyGuideActionFor({ state: okx, action: { type: 'set-route', exchangeId: 'coinbase', asset: 'USDT', network: 'ethereum' }, savedGuideOf: none, now: t0 });
    expect(moved).toMatchObject({ exchangeId: 'coinbase', asset: 'USDT', network: 'ethereum', walletKind: null, address: null });
  });

  it('choosing an exchange with a saved guide brings that guide back', () => {
    const coinbase = guide('coinbase', [{ type: 'set-route', exchangeId: 'coinbase', asset: 'BTC', network: 'bitcoin' }]);
    const back = applyGuideActionFor({
      state: okx,
      action: { type: 'set-route', exchangeId: 'coinbase', asset: 'USDT', network: 'ethereum' },
      savedGuideOf: (id) => (id === 'coinbase' ? coinbase : undefined),
      now: t0,
    });
    expect(back).toBe(coinbase);
  });

  it('a guide with no exchange yet becomes the chosen exchange’s, answers kept', () => {
    const open = guide(null, [
      { type: 'set-route', asset: 'ETH', network: 'ethereum' },
      { type: 'choose-wallet', walletKind: 'mobile' },
    ]);
    const adopted = applyGuideActionFor({ state: open, action: { type: 'set-route', exchangeId: 'kraken', asset: 'ETH', network: 'ethereum' }, savedGuideOf: none, now: t0 });
    expect(adopted).toMatchObject({ exchangeId: 'kraken', walletKind: 'mobile' });
  });

  it("starting over starts this exchange's guide over, still this exchange's", () => {
    expect(applyGuideActionFor({ state: okx, action: { type: 'reset' }, savedGuideOf: none, now: t0 })).toEqual(freshGuideFor('okx', t0));
  });

  it('any other action is the plain reducer', () => {
    const action: GuideAction = { type: 'verify-on-device', verified: true };
    expect(applyGuideActionFor({ state: okx, action, savedGuideOf: none, now: t0 })).toEqual(applyGuideAction(okx, action, t0));
  });
});
