import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import type { TabState } from '@/lib/view/exchange-view';
import { levelWords } from '@/lib/words/level-words';
import { translateFrom, type Translate } from '@/utils/i18n';

const messages = localeMessages;
const english = translateFrom(messages('en'));
const contentScript = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url });

async function send(message: unknown, sender: object): Promise<TabState | undefined> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as (TabState | undefined)[];
  return answer;
}

const title = (tabId: number) => fakeBrowser.action.getTitle({ tabId });

/** A lookalike tab's tooltip: what it imitates, after the extension's name. */
function lookalikeTitle(t: Translate): string {
  const text = t('actionTitle', t('lookalikeTitle', 'Binance'));
  expect(text).toMatch(/^Reserve Radar ?[:：] ?\S.*Binance/);
  return text;
}

/** The tooltip an exchange tab should get: its name, the grade the badge shows and the level in words. */
function expectedTitle(state: TabState | undefined, t: Translate): string {
  if (state?.kind !== 'exchange') throw new Error(`not an exchange: ${state?.kind}`);
  const { verdict, name } = state.view;
  expect(levelWords(verdict, t)).not.toBe('');
  return verdict.level === 'unknown' ? t('actionTitleLevel', [name, levelWords(verdict, t)]) : t('actionTitleGraded', [name, verdict.grade, levelWords(verdict, t)]);
}

/**
 * The toolbar button's tooltip explains its badge ("C?" alone says little): per tab, in the
 * user's chosen language, reset where the badge is cleared, worded again when the language changes.
 */
describe("the toolbar button's tooltip", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(english as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch();
    background.main();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('an exchange tab says the exchange, its grade and its level in the chosen language (German)', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'de' } });
    const german = translateFrom(messages('de'));
    const state = await send({ type: 'page-state' }, contentScript(21, 'https://www.binance.com/en/trade'));
    const expected = expectedTitle(state, german);
    expect(expected).toMatch(/^Reserve Radar: Binance, /);
    await vi.waitFor(async () => expect(await title(21)).toBe(expected));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 21 })).not.toBe('');
    // Only that tab: another keeps the extension's name.
    expect(await title(22)).toBe('');
  });

  test('a lookalike says what it imitates; a run of the language change words every titled tab again', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'de' } });
    const kraken = await send({ type: 'page-state' }, contentScript(31, 'https://www.kraken.com/'));
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(tab.id ?? 0, { url: 'https://binance-login.com/en/login' });
    const german = translateFrom(messages('de'));
    await vi.waitFor(async () => expect(await title(tab.id ?? 0)).toBe(lookalikeTitle(german)));
    expect(expectedTitle(kraken, german)).toMatch(/^Reserve Radar: Kraken, /);
    await vi.waitFor(async () => expect(await title(31)).toBe(expectedTitle(kraken, german)));

    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    const swedish = translateFrom(messages('sv'));
    expect(expectedTitle(kraken, swedish)).not.toBe(expectedTitle(kraken, german));
    await vi.waitFor(async () => expect(await title(31)).toBe(expectedTitle(kraken, swedish)));
    await vi.waitFor(async () => expect(await title(tab.id ?? 0)).toBe(lookalikeTitle(swedish)));
  });

  test('where the badge is cleared, the tooltip goes back to the extension’s name', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(tab.id ?? 0, { url: 'https://binance-login.com/' });
    await vi.waitFor(async () => expect(await title(tab.id ?? 0)).toBe(lookalikeTitle(english)));
    await fakeBrowser.tabs.update(tab.id ?? 0, { url: 'https://www.example.org/' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id ?? 0 })).toBe(''));
    await vi.waitFor(async () => expect(await title(tab.id ?? 0)).toBe('Reserve Radar'));
  });
});
