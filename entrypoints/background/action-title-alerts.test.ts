import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { createBackgroundContext } from './context';
import { resetData } from './data';
import { i18nFor } from './words';
import { recheckRunNotifications, updateRunAlerts } from './run-alerts';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { badgeMeaning } from '@/lib/view/badge';
import { badgeTitleText } from '@/lib/words/badge-title';
import { translateFrom, type Translate } from '@/utils/i18n';

const messages = localeMessages;
const NOW = new Date();

/** Languages whose file is held back until the test lets it through. */
const held = new Map<string, Promise<void>>();

/** A live /cexs reading for Binance in which a fifth of its assets left in a day. */
async function runOnBinance(): Promise<void> {
  const base = bundledSnapshot();
  const observedAt = NOW.toISOString();
  const binance = base.exchanges.binance!;
  const source = 'https://api.llama.fi/cexs';
  const snapshot = {
    ...base,
    exchanges: {
      ...base.exchanges,
      binance: {
        ...binance,
        onchain: { ...binance.onchain!, totalUsd: 80e9, cleanUsd: 70e9, asOf: observedAt.slice(0, 10), observedAt, source },
        flows: { net24hUsd: -20e9, net7dUsd: -20e9, net30dUsd: -20e9, asOf: observedAt.slice(0, 10), observedAt, source },
      },
    },
  };
  await fakeBrowser.storage.local.set({ heldSnapshot: snapshot });
}

const holdingOnBinance = { holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: NOW.getTime() }], addresses: [], history: [] };
const alertTitle = (t: Translate) => t('actionTitle', t('runPillLead', 'Binance'));
const title = (tabId?: number) => fakeBrowser.action.getTitle(tabId === undefined ? {} : { tabId });

describe('the toolbar tooltip beside the global red "!" and across a change of language', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetData();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(translateFrom(messages('en')) as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch((locale) => held.get(locale));
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
    background.main();
    await runOnBinance();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  test('tabs with no badge of their own say what the global "!" means, in the chosen language, worded again on a change, and plain again when the alert ends', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'es' } });
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    const tabId = tab.id ?? 0;
    // A tab the background has titled (its badge cleared off exchanges). A tab it never titled shows
    // the global title in both browsers (fakeBrowser does not model that fall-back).
    await fakeBrowser.tabs.update(tabId, { url: 'https://www.example.org/' });
    await vi.waitFor(async () => expect(await title(tabId)).toBe('Reserve Radar'));

    await fakeBrowser.storage.local.set({ holdings: holdingOnBinance });
    await updateRunAlerts(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    const spanish = translateFrom(messages('es'));
    expect(alertTitle(spanish)).not.toBe(alertTitle(translateFrom(messages('en'))));
    await vi.waitFor(async () => expect(await title()).toBe(alertTitle(spanish)));
    await vi.waitFor(async () => expect(await title(tabId)).toBe(alertTitle(spanish)));

    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    const swedish = translateFrom(messages('sv'));
    await vi.waitFor(async () => expect(await title()).toBe(alertTitle(swedish)));
    await vi.waitFor(async () => expect(await title(tabId)).toBe(alertTitle(swedish)));

    // The money is no longer recorded there: no alert for this user, no red "!", no alert in the tooltip.
    await fakeBrowser.storage.local.set({ holdings: { holdings: [], addresses: [], history: [] } });
    await recheckRunNotifications(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await vi.waitFor(async () => expect(await title()).toBe(''));
    await vi.waitFor(async () => expect(await title(tabId)).toBe('Reserve Radar'));
  });

  test('a badge drawn while a change of language is being worded keeps its own tooltip, in the new language', async () => {
    const context = createBackgroundContext();
    const [kraken, lookalike] = await Promise.all([context.stateForUrl('https://www.kraken.com/'), context.stateForUrl('https://binance-login.com/')]);
    const krakenMeaning = badgeMeaning(kraken);
    const lookalikeMeaning = badgeMeaning(lookalike);
    if (krakenMeaning === undefined || lookalikeMeaning === undefined) throw new Error('both pages have a badge');
    await context.showBadge(51, kraken);
    await vi.waitFor(async () => expect(await title(51)).toBe(badgeTitleText(krakenMeaning, translateFrom(messages('en')))));

    // French words arrive only when let through: the change of language is in the middle of its work
    // when the tab's new badge is drawn.
    let letThrough: () => void = () => undefined;
    held.set('fr', new Promise<void>((resolve) => (letThrough = resolve)));
    const titles = vi.spyOn(fakeBrowser.action, 'setTitle');
    const retitled = context.retitleTabs('fr');
    await context.showBadge(51, lookalike);
    await vi.waitFor(() => expect(vi.mocked(fetch).mock.calls.some(([input]) => String(input).includes('/_locales/fr/'))).toBe(true));
    letThrough();
    await retitled;
    // Both have set the tab's tooltip: the change of language and the new badge.
    await vi.waitFor(() => expect(titles.mock.calls.filter(([details]) => details.tabId === 51)).toHaveLength(2));
    // Whatever finished last, the tooltip is the tab's latest badge's.
    expect(await title(51)).toBe(badgeTitleText(lookalikeMeaning, translateFrom(messages('fr'))));
  });

  test('two changes of language in a row leave the tooltip in the later language, even when the earlier one gets its words last', async () => {
    const context = createBackgroundContext();
    const kraken = await context.stateForUrl('https://www.kraken.com/');
    const meaning = badgeMeaning(kraken);
    if (meaning === undefined) throw new Error('an exchange page has a badge');
    await context.showBadge(61, kraken);
    await vi.waitFor(async () => expect(await title(61)).toBe(badgeTitleText(meaning, translateFrom(messages('en')))));

    // German words are at hand; Turkish words arrive only when let through, once the German change,
    // asked for next, has had every step it could take without them.
    await i18nFor('de');
    let letThrough: () => void = () => undefined;
    held.set('tr', new Promise<void>((resolve) => (letThrough = resolve)));
    const turkish = context.retitleTabs('tr');
    await vi.waitFor(() => expect(vi.mocked(fetch).mock.calls.some(([input]) => String(input).includes('/_locales/tr/'))).toBe(true));
    const german = context.retitleTabs('de');
    await new Promise((resolve) => setTimeout(resolve, 0));
    letThrough();
    await Promise.all([turkish, german]);
    expect(badgeTitleText(meaning, translateFrom(messages('de')))).not.toBe(badgeTitleText(meaning, translateFrom(messages('tr'))));
    expect(await title(61)).toBe(badgeTitleText(meaning, translateFrom(messages('de'))));
  });
});
