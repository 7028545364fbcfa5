import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import type { ExchangeView } from '@/lib/view/exchange-view';
import type { PageState } from '@/lib/view/page-state';
import { translateFrom, type Messages } from '@/utils/i18n';
import { i18nFromMessages } from '@/utils/translate';
import { withReasonWords, REASON_KEYS } from '@/lib/words/reason-text';
import { PILL_WORDS } from '@/lib/words/pill-words';
import { balanceNudgeText } from '@/lib/words/balance-nudge-text';
import type { BalanceNudgeReason } from '@/lib/holdings/balance-nudge';
import { balanceTranslate } from './words';
import { deleteMark } from './delete-everything';
import english from '@/public/_locales/en/messages.json';
import swedish from '@/public/_locales/sv/messages.json';

/** The browser's lookup over the English messages file, as Chrome answers it. */
const getMessage = (key: string, substitutions?: string | string[]) => translateFrom(english)(key as keyof typeof english, substitutions);
const contentScript = (url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: 21, url }, url });
const REASON_MESSAGE_KEYS: ReadonlySet<string> = new Set(Object.values(REASON_KEYS));

async function send<T>(message: unknown, sender: object): Promise<T | undefined> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as (T | undefined)[];
  return answer;
}

const exchangeView = (state: PageState | undefined): ExchangeView => {
  if (state?.kind !== 'exchange') throw new Error(`not an exchange: ${state?.kind}`);
  return state.view;
};

/**
 * The collapsed pill shows none of the card's reasons, and wording them is the most expensive part
 * of a new process's first answer (its first Intl use): the page-state answer leaves them out and
 * the page asks for them next (`page-card`), unless the card opens at once with the answer.
 */
describe('the card’s words after the first answer (issue 16)', () => {
  const lookup = vi.fn(getMessage);
  beforeEach(() => {
    fakeBrowser.reset();
    lookup.mockClear();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(lookup as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    // One clock for both answers and for the wording done here: the reasons' ages match to the word.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now());
    background.main();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('a cold page-state answer words no reason: the view carries none, and no reason sentence is looked up', async () => {
    const view = exchangeView(await send<PageState>({ type: 'page-state' }, contentScript('https://www.binance.com/en/trade')));
    expect(view.verdict.reasons.length).toBeGreaterThan(0);
    expect(view.reasonWords).toBeUndefined();
    expect(lookup.mock.calls.map(([key]) => key).filter((key) => REASON_MESSAGE_KEYS.has(key))).toEqual([]);
  });

  test('page-card answers the same view with exactly the words the page-state answer carried, in English', async () => {
    const state = await send<PageState>({ type: 'page-state' }, contentScript('https://www.binance.com/en/trade'));
    const card = await send<ExchangeView>({ type: 'page-card' }, contentScript('https://www.binance.com/en/trade'));
    // What the page-state answer carried before it left the words out: its view, worded in the browser's language.
    const expected = withReasonWords(exchangeView(state), getMessage, 'en-US', new Date());
    expect(card?.reasonWords).toEqual(expected.reasonWords);
    expect(Object.keys(card?.reasonWords ?? {}).length).toBe(exchangeView(state).verdict.reasons.length);
    expect(card).toEqual(expected);
  });

  test('page-card words them in the chosen language (Swedish), from its file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(swedish))),
    );
    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    const state = await send<PageState>({ type: 'page-state' }, contentScript('https://www.kraken.com/'));
    expect(exchangeView(state).reasonWords).toBeUndefined();
    const card = await send<ExchangeView>({ type: 'page-card' }, contentScript('https://www.kraken.com/'));
    const { t, locale } = i18nFromMessages(swedish as Messages, 'sv');
    const expected = withReasonWords(exchangeView(state), t, locale, new Date());
    expect(card?.reasonWords).toEqual(expected.reasonWords);
    // Swedish indeed, not the browser's English.
    expect(card?.reasonWords).not.toEqual(withReasonWords(exchangeView(state), getMessage, 'en-US', new Date()).reasonWords);
  });

  test('a card that opens by itself (danger, the setting on) keeps its words in the page-state answer; with the setting off it does not', async () => {
    const opens = exchangeView(await send<PageState>({ type: 'page-state' }, contentScript('https://ftx.com/')));
    expect(opens.verdict.level).toBe('danger');
    expect(opens.reasonWords).toEqual(withReasonWords(opens, getMessage, 'en-US', new Date()).reasonWords);
    await fakeBrowser.storage.local.set({ settings: { autoExpandOnDanger: false } });
    await vi.waitFor(async () => expect(exchangeView(await send<PageState>({ type: 'page-state' }, contentScript('https://ftx.com/'))).reasonWords).toBeUndefined());
  });

  test('page-card is about the sender’s own page, and answers nobody else', async () => {
    expect(await send({ type: 'page-card' }, contentScript('https://www.example.org/'))).toBeUndefined();
    // The URL in a message is not read: the browser's sender URL decides.
    expect(await send({ type: 'page-card', url: 'https://www.binance.com/' }, contentScript('https://www.example.org/'))).toBeUndefined();
    expect(await send({ type: 'page-card' }, { id: 'another-extension', tab: { id: 6 }, url: 'https://www.binance.com/' })).toBeUndefined();
    // An extension page has no use for it: the page-facing set answers content scripts only.
    expect(await send({ type: 'page-card' }, { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` })).toBeUndefined();
  });

  test('a woken worker words the pill from the words kept for this browser session: no lookup at all, the same words', async () => {
    /** A new worker: fresh modules, the browser session's storage as it is. */
    const wake = async () => {
      const [local, session] = await Promise.all([fakeBrowser.storage.local.get(null), fakeBrowser.storage.session.get(null)]);
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set(local);
      await fakeBrowser.storage.session.set(session);
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(lookup as typeof fakeBrowser.i18n.getMessage);
      vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
      vi.resetModules();
      const { default: woken } = await import('./index');
      woken.main();
    };
    // A user with holdings over their own cap on Binance: the answer carries the balance line too.
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      holdings: {
        holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: now }],
        addresses: [],
        history: [],
        limits: { exchanges: { binance: { cap: 2000 } } },
      },
      priceTable: { fetchedAt: now, prices: { ETH: { usd: 2100, asOf: new Date(now).toISOString(), source: 'https://coins.llama.fi/' } } },
    });
    await wake();
    const first = await send<PageState>({ type: 'page-state' }, contentScript('https://www.binance.com/en/trade'));
    expect(first?.kind === 'exchange' && first.balanceNudge).toEqual({ kind: 'over-cap', text: english.balanceOverCap.message });
    expect(first?.nudge?.words?.level_caution).toBe(english.level_caution.message);
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('pillWords')).pillWords).toBeDefined());
    // The worker stops and wakes again in the same browser session.
    await wake();
    lookup.mockClear();
    const again = await send<PageState>({ type: 'page-state' }, contentScript('https://www.binance.com/en/trade'));
    expect(lookup).not.toHaveBeenCalled();
    expect(again?.nudge?.words).toEqual(first?.nudge?.words);
    expect(again?.kind === 'exchange' && again.balanceNudge).toEqual({ kind: 'over-cap', text: english.balanceOverCap.message });
    // The page gets the pill's words only; the balance sentences stay in the background.
    expect(Object.keys(again?.nudge?.words ?? {}).sort()).toEqual([...PILL_WORDS].sort());
    // Another language (the browser's, here) is worded afresh, never taken from the kept words (this test's lookup answers in English).
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('sv-SE');
    const swedishBrowser = await send<PageState>({ type: 'page-state' }, contentScript('https://www.binance.com/en/trade'));
    expect(lookup).toHaveBeenCalled();
    expect(swedishBrowser?.nudge?.words).toEqual(first?.nudge?.words);
  });

  test('the balance line’s sentences from the kept words are the lookup’s, for every kind, in English and Swedish', async () => {
    const reasons: BalanceNudgeReason[] = [
      { kind: 'over-cap', exchangeId: 'binance', value: 2, cap: 1, currency: 'USD', lowerBound: false },
      { kind: 'over-share', exchangeId: 'binance', share: 1, maxShare: 0.5, complete: true },
      { kind: 'risky-exchange', exchangeId: 'binance', level: 'caution', value: 1, currency: 'USD' },
      { kind: 'risky-exchange', exchangeId: 'binance', level: 'danger', value: 1, currency: 'USD' },
    ];
    const kept = await balanceTranslate('auto', deleteMark());
    for (const reason of reasons) expect(balanceNudgeText(reason, kept), reason.kind).toBe(balanceNudgeText(reason, getMessage));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(swedish))),
    );
    const { t } = i18nFromMessages(swedish as Messages, 'sv');
    const keptSwedish = await balanceTranslate('sv', deleteMark());
    for (const reason of reasons) expect(balanceNudgeText(reason, keptSwedish), reason.kind).toBe(balanceNudgeText(reason, t));
    expect(balanceNudgeText(reasons[0] as BalanceNudgeReason, keptSwedish)).toBe(swedish.balanceOverCap.message);
  });
});
