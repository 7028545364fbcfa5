import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type backgroundEntry from './index';
import { FIRST_ANSWER_READS } from './first-answer-reads';
import type { ExchangeView, TabState } from '@/lib/view/exchange-view';
import type { PageState } from '@/lib/view/page-state';
import { cardReasonKey } from '@/lib/view/card-reasons';
import english from '@/public/_locales/en/messages.json';
import { englishMessage as getMessage, gate } from './background.testkit';

/** The browser's lookup over the English messages file, as Chrome answers it. */

/** An extension page of ours (options, popup, guide…), the only sender of the extension-pages-only requests. */
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
/** Our content script on an exchange page: same extension id, but a tab and the page's URL. */
const contentScript = (url = 'https://www.binance.com/en/trade') => ({ id: fakeBrowser.runtime.id, tab: { id: 21, url }, url });

/**
 * A new worker: the background's modules loaded afresh, so nothing one test's worker held in memory (the words it
 * loaded, the data it read) is there for the next; each test reads only what it puts in the fake browser.
 */
let background: typeof backgroundEntry;
async function wake(): Promise<void> {
  vi.resetModules();
  background = (await import('./index')).default;
}

async function send(message: unknown, sender: object): Promise<TabState | undefined> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as (TabState | undefined)[];
  return answer;
}

describe('background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await wake();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    background.main();
  });

  test('a wake-up asks storage once, for everything its first answer reads, and the browser nothing else before it; the alarms are made sure of after it (issue 16)', async () => {
    fakeBrowser.reset();
    const alarms = vi.spyOn(fakeBrowser.alarms, 'get');
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    background.main();
    expect(reads.mock.calls).toEqual([[FIRST_ANSWER_READS.map((key) => key.slice('local:'.length))]]);
    const answer = await send({ type: 'page-state' }, contentScript());
    // Checked as the answer arrives, before the task the alarms wait for: from the wake-up to the answer, nothing else was asked.
    expect(alarms).not.toHaveBeenCalled();
    // The answer found every value it read in that one question.
    expect(reads).toHaveBeenCalledTimes(1);
    expect(answer?.kind).toBe('exchange');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('refresh-data')).toBeDefined());
  });

  test('a value written after the wake-up asked for it is read again, not taken from the early question (issue 16)', async () => {
    fakeBrowser.reset();
    background.main();
    await fakeBrowser.storage.local.set({ settings: { nudgePolicy: 'caution-or-worse' } });
    const answer = (await send({ type: 'page-state' }, contentScript())) as unknown as PageState;
    expect(answer.kind === 'exchange' && answer.nudge?.settings.nudgePolicy).toBe('caution-or-worse');
  });

  test('a wake-up reads the toolbar button’s API only to show a badge, after the answer (issue 16)', async () => {
    fakeBrowser.reset();
    const action = fakeBrowser.action;
    let reads = 0;
    Object.defineProperty(fakeBrowser, 'action', {
      configurable: true,
      get: () => {
        reads++;
        return action;
      },
    });
    try {
      background.main();
      const answer = await send({ type: 'page-state' }, contentScript());
      // Checked as the answer arrives: from the wake-up to the answer, the button's API was not touched.
      expect(reads).toBe(0);
      expect(answer?.kind).toBe('exchange');
      await vi.waitFor(async () => expect(await action.getBadgeText({ tabId: 21 })).not.toBe(''));
      expect(reads).toBeGreaterThan(0);
    } finally {
      Object.defineProperty(fakeBrowser, 'action', { configurable: true, writable: true, value: action });
    }
  });

  test('without storage.session (older Firefox): the background still starts, answers a page with its words, and registers what follows', async () => {
    fakeBrowser.reset();
    const storage = fakeBrowser.storage as { session?: unknown };
    const session = storage.session;
    delete storage.session;
    try {
      background.main();
      const state = (await send({ type: 'page-state' }, contentScript())) as unknown as PageState;
      expect(state.kind).toBe('exchange');
      expect(state.kind === 'exchange' && state.nudge?.words?.pillLabel).toBe(english.pillLabel.message);
      // Registered after the session read: the alarms are made sure of once the answer is out.
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('refresh-data')).toBeDefined());
    } finally {
      storage.session = session;
    }
  });

  test('a content script on binance.com gets the exchange, and its tab gets a badge', async () => {
    const state = await send({ type: 'page-state' }, { ...self(), tab: { id: 7 }, url: 'https://www.binance.com/en/trade' });
    expect(state?.kind).toBe('exchange');
    expect(state?.kind === 'exchange' && state.view.name).toBe('Binance');
    // The badge follows the answer, so the page never waits for it.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe(''));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  test('a tab event that cannot see the address (Firefox hides exchange addresses) does not undo what the content script reported', async () => {
    // The navigation's "loading" event arrives first, and its work is slow: the page's script asks meanwhile and is
    // answered first. A badge the event's work would clear waits until the script's report is shown, so it would land last.
    const setBadgeText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    const { shut: reportShown, open: showReport } = gate();
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
      if (details.tabId === 9 && !details.text) await reportShown;
      await setBadgeText(details);
      if (details.tabId === 9 && details.text) showReport();
    });
    const event = fakeBrowser.tabs.onUpdated.trigger(9, { status: 'loading' }, { id: 9 } as never);
    await send({ type: 'page-state' }, { ...contentScript('https://www.binance.com/en'), tab: { id: 9, url: 'https://www.binance.com/en' } });
    // The listener answers its work, done; the script's report follows its answer.
    await event;
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).not.toBe(''));
    expect((await send({ type: 'tab-state', tabId: 9 }, self()))?.kind).toBe('exchange');
  });

  test('the popup learns the tab state the content script reported', async () => {
    await send({ type: 'page-state' }, { ...self(), tab: { id: 3 }, url: 'https://accounts.binance.com/login' });
    expect((await send({ type: 'tab-state', tabId: 3 }, self()))?.kind).toBe('exchange');
    expect((await send({ type: 'tab-state', tabId: 4 }, self()))?.kind).toBe('not-exchange');
  });

  test('the URL comes from the browser, not the message, and strangers are ignored', async () => {
    const state = await send({ type: 'page-state', url: 'https://www.binance.com/' }, { ...self(), tab: { id: 5 }, url: 'https://www.example.org/' });
    expect(state?.kind).toBe('not-exchange');
    expect(await send({ type: 'page-state' }, { id: 'another-extension', tab: { id: 6 }, url: 'https://www.binance.com/' })).toBeUndefined();
    expect(await send({ type: 'delete-everything' }, self())).toBeUndefined();
    expect(await send('page-state', self())).toBeUndefined();
  });

  test('the page-card reply carries every verdict reason worded, for the exchange page whose script has no wording code', async () => {
    const view = (await send({ type: 'page-card' }, { ...self(), tab: { id: 12 }, url: 'https://www.binance.com/' })) as unknown as ExchangeView | undefined;
    expect(view?.verdict.reasons.length).toBeGreaterThan(0);
    for (const reason of view?.verdict.reasons ?? []) expect(view?.reasonWords?.[cardReasonKey(reason)], cardReasonKey(reason)).toMatch(/\S/);
  });

  test('the page-state reply carries the nudge settings for that exchange only, and the nudge writes go through messages', async () => {
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-left', snoozes: { okx: { until: 'time', endsAt: 1 } } }, nudgeSeen: { okx: 42 } });
    const reply = (await send({ type: 'page-state' }, { ...self(), tab: { id: 11 }, url: 'https://www.kraken.com/' })) as PageState | undefined;
    expect(reply?.nudge?.settings.corner).toBe('top-left');
    // Only a corner the user picked by moving the pill counts as chosen; the pill may move off a default one.
    expect(reply?.nudge?.settings.cornerChosen).toBe(false);
    expect(reply?.nudge?.settings.snoozes).toEqual({});
    expect(reply?.nudge?.lastShownAt).toBeUndefined();
    // The pill's words come along as templates, so the page fills in the exchange's name itself.
    expect(reply?.nudge?.words?.pillLabel).toBe('Reserve Radar: $1, grade $2, $3');
    expect(reply?.nudge?.words?.level_danger).toBe(english.level_danger.message);

    await send({ type: 'nudge-shown', exchangeId: 'kraken' }, contentScript('https://www.kraken.com/'));
    await send({ type: 'nudge-corner', corner: 'bottom-left' }, contentScript('https://www.kraken.com/'));
    await send({ type: 'nudge-snooze', exchangeId: 'kraken', snooze: { until: 'data-change', fingerprint: 'abc' } }, contentScript('https://www.kraken.com/'));
    const again = (await send({ type: 'page-state' }, { ...self(), tab: { id: 11 }, url: 'https://www.kraken.com/' })) as PageState | undefined;
    expect(again?.nudge?.lastShownAt).toBeGreaterThan(0);
    expect(again?.nudge?.settings.corner).toBe('bottom-left');
    expect(again?.nudge?.settings.cornerChosen).toBe(true);
    expect(again?.nudge?.settings.snoozes).toEqual({ kraken: { until: 'data-change', fingerprint: 'abc' } });
    // Other exchanges' entries are kept, not overwritten.
    const stored = await fakeBrowser.storage.local.get(['settings', 'nudgeSeen']);
    expect((stored.nudgeSeen as Record<string, number>).okx).toBe(42);
    expect((stored.settings as { snoozes: object }).snoozes).toHaveProperty('okx');
  });

  test('nudge writes with unknown exchanges or bad values change nothing', async () => {
    await send({ type: 'nudge-shown', exchangeId: 'not-an-exchange' }, contentScript());
    await send({ type: 'nudge-corner', corner: 'middle' }, contentScript());
    await send({ type: 'nudge-snooze', exchangeId: 'kraken', snooze: { until: 'forever' } }, contentScript());
    const stored = await fakeBrowser.storage.local.get(['settings', 'nudgeSeen']);
    expect(stored.nudgeSeen ?? {}).toEqual({});
    expect(stored.settings).toBeUndefined();
  });

  test('a content script gets the page-facing requests only: the options-only powers answer extension pages alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-left' }, holdings: { version: 1 }, allowedLookalikes: ['blnance.com'] });
    await send({ type: 'page-state' }, contentScript());
    // Each of these would hand a script beside the exchange's page a power of the options page.
    for (const request of [
      { type: 'tab-state', tabId: 21 },
      { type: 'all-exchanges' },
      { type: 'check-url', url: 'https://www.binance.com/' },
      { type: 'sources-state' },
      { type: 'subscriptions-state' },
      { type: 'holdings-summary' },
      { type: 'unsubscribe', url: 'https://lists.example/list.json' },
    ]) {
      expect(await send(request, contentScript()), request.type).toBeUndefined();
    }
    await send({ type: 'allow-host', host: 'binance-login.com' }, contentScript());
    await send({ type: 'disallow-host', host: 'blnance.com' }, contentScript());
    await send({ type: 'delete-all-data' }, contentScript());
    await send({ type: 'reset-data' }, contentScript());
    const stored = await fakeBrowser.storage.local.get(['settings', 'holdings', 'allowedLookalikes']);
    expect(stored.settings).toEqual({ corner: 'top-left' });
    expect(stored.holdings).toEqual({ version: 1 });
    expect(stored.allowedLookalikes).toEqual(['blnance.com']);
    // A page of another origin claiming an extension URL in the message changes nothing: the sender's URL is the browser's.
    expect(await send({ type: 'sources-state', url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` }, contentScript())).toBeUndefined();
    // The same requests from an extension page (here the options page opened in a tab) are answered.
    expect(await send({ type: 'tab-state', tabId: 21 }, { ...self(), tab: { id: 30 } })).toMatchObject({ kind: 'exchange' });
    expect(Array.isArray(await send({ type: 'sources-state' }, { ...self(), tab: { id: 30 } }))).toBe(true);
    // Or inside the browser's add-ons page, whose tab address is not ours: the frame's URL decides.
    expect(Array.isArray(await send({ type: 'sources-state' }, { ...self(), tab: { id: 31, url: 'about:addons' } }))).toBe(true);
  });

  test('the page-facing requests still work from the content script', async () => {
    await send({ type: 'nudge-corner', corner: 'bottom-left' }, contentScript());
    await send({ type: 'nudge-snooze', exchangeId: 'binance', snooze: { until: 'time', endsAt: Date.now() + 60_000 } }, contentScript());
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(stored.settings).toMatchObject({ corner: 'bottom-left', snoozes: { binance: { until: 'time' } } });
  });

  test("the exchange-page script gets the chosen language's words from the background, which reads the file the page may not", async () => {
    const swedish = JSON.parse(JSON.stringify(await import('@/public/_locales/sv/messages.json'))) as Record<string, { message: string; description?: string }>;
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        fetched.push(String(url));
        return new Response(JSON.stringify(swedish));
      }),
    );
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    const words = (await send({ type: 'page-words', language: 'sv' }, contentScript())) as unknown as
      | { locale: string; messages: Record<string, { message: string; description?: string }> }
      | undefined;
    expect(words?.locale).toBe('sv');
    expect(words?.messages.withdrawAction?.message).toBe(swedish.withdrawAction?.message);
    expect(Object.keys(words?.messages ?? {}).sort()).toEqual(Object.keys(swedish).sort());
    // The translators' notes stay behind: only what the page's script draws crosses over.
    expect(Object.values(words?.messages ?? {}).some((entry) => entry.description !== undefined)).toBe(false);
    expect(fetched).toEqual([`chrome-extension://${fakeBrowser.runtime.id}/_locales/sv/messages.json`]);
    // Loaded once while the worker lives; the pill's words in the page-state answer are Swedish too.
    const state = (await send({ type: 'page-state' }, contentScript())) as PageState | undefined;
    expect(state?.nudge?.words?.close).toBe(swedish.close?.message);
    await send({ type: 'page-words', language: 'sv' }, contentScript());
    expect(fetched).toHaveLength(1);
    // Strangers get nothing.
    expect(await send({ type: 'page-words', language: 'sv' }, { id: 'another-extension', tab: { id: 6 }, url: 'https://www.binance.com/' })).toBeUndefined();
    // Following an English browser, the page's script has the same words at hand: none are sent.
    await fakeBrowser.storage.local.set({ settings: { language: 'auto' } });
    await vi.waitFor(async () => expect(await send({ type: 'page-words', language: 'auto' }, contentScript())).toEqual({ locale: 'en-US' }));
    expect(fetched).toHaveLength(1);
    vi.unstubAllGlobals();
  });

  test('page-words answers in the language the page asks for, which the setting may have left since: a page that re-words after a change never gets words of another language under it', async () => {
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        fetched.push(String(url));
        const locale = /\/_locales\/([^/]+)\/messages\.json$/.exec(String(url))?.[1] ?? '';
        return new Response(JSON.stringify(await import(`@/public/_locales/${locale}/messages.json`)));
      }),
    );
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    // The setting's own work words the toolbar's tooltips in Swedish, which loads that file; the stored first paint, built
    // beside the pages' questions (by this worker, or by the one a test before left running), may load it again. None of
    // that is a page's request: what the page's requests load is counted apart from the setting's file.
    const settingsFile = `chrome-extension://${fakeBrowser.runtime.id}/_locales/sv/messages.json`;
    await vi.waitFor(() => expect(fetched).toContain(settingsFile));
    const german = (await send({ type: 'page-words', language: 'de' }, contentScript())) as unknown as { locale: string; messages?: Record<string, { message: string }> };
    expect(german.locale).toBe('de');
    expect(german.messages?.withdrawAction?.message).toBe((await import('@/public/_locales/de/messages.json')).withdrawAction.message);
    expect(await send({ type: 'page-words', language: 'auto' }, contentScript())).toEqual({ locale: 'en-US' });
    // A language that is no locale id is no request.
    expect(await send({ type: 'page-words', language: '../../manifest' }, contentScript())).toBeUndefined();
    expect(fetched.filter((url) => url !== settingsFile)).toEqual([`chrome-extension://${fakeBrowser.runtime.id}/_locales/de/messages.json`]);
    vi.unstubAllGlobals();
  });

  test('a corrupted warningSubscriptions value is validated on read: the pill and the options list still work', async () => {
    for (const corrupt of [
      { not: 'a list' },
      [{ url: 'https://lists.example/list.json', expectedSigner: 'nobody', lastCheck: null }],
      ['x', null],
      [{ url: 'https://lists.example/l.json', expectedSigner: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', lastCheck: null, lastGood: { list: 'forged' } }],
    ]) {
      await fakeBrowser.storage.local.set({ warningSubscriptions: corrupt });
      const state = await send({ type: 'page-state' }, contentScript());
      expect(state?.kind).toBe('exchange');
      const rows = (await send({ type: 'subscriptions-state' }, self())) as unknown as { lastGood?: unknown }[] | undefined;
      expect(Array.isArray(rows)).toBe(true);
      expect(state?.kind === 'exchange' && state.view.warnings).toEqual([]);
    }
  });

  test('a tab event that shows the address (`tabs`) keeps it for the session only on an exchange: no other address is stored', async () => {
    const update = (tabId: number, url: string) => fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId, url } as never);
    await Promise.all([update(7, 'file:///home/me/private.pdf'), update(8, 'https://mail.example.org/reset?token=SECRET'), update(9, 'https://www.kraken.com/')]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).not.toBe(''));
    expect(await fakeBrowser.storage.session.get('tabUrls')).toEqual({ tabUrls: { 9: 'https://www.kraken.com/' } });
  });

  test('a closed tab forgets its state', async () => {
    await send({ type: 'page-state' }, { ...self(), tab: { id: 9 }, url: 'https://www.binance.com/' });
    expect((await send({ type: 'tab-state', tabId: 9 }, self()))?.kind).toBe('exchange');
    await fakeBrowser.tabs.onRemoved.trigger(9, { windowId: 1, isWindowClosing: false });
    // The listener's work is not returned to the browser: waited for by what the popup would learn.
    await vi.waitFor(async () => expect((await send({ type: 'tab-state', tabId: 9 }, self()))?.kind).toBe('not-exchange'));
  });
});

describe('lookalike protection', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await wake();
    background.main();
  });

  async function visit(url: string): Promise<string | undefined> {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    // The tab event's listener answers its work (the guard's own move of the tab included), and the fake browser awaits it.
    await fakeBrowser.tabs.update(tab.id ?? 0, { url });
    return (await fakeBrowser.tabs.get(tab.id ?? 0)).url;
  }

  test('off by default: a lookalike address is left alone, with the "!" badge', async () => {
    expect(await visit('https://binance-login.com/')).toBe('https://binance-login.com/');
    const [tab] = await fakeBrowser.tabs.query({ url: 'https://binance-login.com/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab?.id ?? -1 })).toBe('!');
  });

  test('on: a lookalike is replaced by the warning page, a real exchange and an allowed host are not', async () => {
    await fakeBrowser.storage.local.set({ settings: { lookalikeProtection: true } });
    expect(await visit('https://binance-login.com/en/login')).toBe(`chrome-extension://${fakeBrowser.runtime.id}/warning.html?url=${encodeURIComponent('https://binance-login.com/en/login')}`);
    expect(await visit('https://www.binance.com/en/login')).toBe('https://www.binance.com/en/login');
    await send({ type: 'allow-host', host: 'binance-login.com' }, self());
    expect(await visit('https://binance-login.com/')).toBe('https://binance-login.com/');
  });

  test('"continue anyway" in one tab and Remove in the options page at the same moment: both changes stay', async () => {
    await fakeBrowser.storage.local.set({ allowedLookalikes: ['blnance.com'] });
    await Promise.all([send({ type: 'allow-host', host: 'binance-login.com' }, self()), send({ type: 'disallow-host', host: 'blnance.com' }, self())]);
    expect((await fakeBrowser.storage.local.get('allowedLookalikes')).allowedLookalikes).toEqual(['binance-login.com']);
  });

  test('"continue anyway" in one tab and Delete everything at the same moment: no site opened anyway is left', async () => {
    // Several rounds: whether the allow reads the list before the clear and writes after it depends on timing.
    for (let round = 0; round < 10; round++) {
      await fakeBrowser.storage.local.set({ allowedLookalikes: ['blnance.com'] });
      await Promise.all([send({ type: 'allow-host', host: 'binance-login.com' }, self()), send({ type: 'delete-all-data' }, self())]);
      expect((await fakeBrowser.storage.local.get('allowedLookalikes')).allowedLookalikes).toBeUndefined();
    }
  });
});

describe('the toolbar popup on a tab the content script never saw', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await wake();
    background.main();
  });

  test("with the tab's address shown to us (activeTab after a click on the button), a lookalike is named with the exchange it imitates", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://blnance.com/en/login', active: true });
    const state = await send({ type: 'tab-state', tabId: tab.id ?? -1 }, self());
    expect(state).toMatchObject({ kind: 'lookalike', host: 'blnance.com', imitates: { id: 'binance', name: 'Binance', domain: 'binance.com' } });
  });

  test('without the address (no click, no broad permission) the tab stays "not an exchange"', async () => {
    const tab = await fakeBrowser.tabs.create({ active: true });
    expect(await send({ type: 'tab-state', tabId: tab.id ?? -1 }, self())).toEqual({ kind: 'not-exchange' });
  });
});
