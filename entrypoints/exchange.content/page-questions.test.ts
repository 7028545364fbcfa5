import { afterEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getExchange } from '@/lib/exchanges/registry';
import type { Language } from '@/lib/settings';
import { buildExchangeView, type ExchangeView } from '@/lib/view/exchange-view';
import type { I18n } from '@/utils/i18n';
import { pageQuestions } from './page-questions';
import { pageWordsLoader, type PageWordsLoader } from './words';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** `question`'s end, with the wait before the loader's second ask run on fake timers. */
async function timed<T>(question: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return question;
}

const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const view = buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-11-25T12:00:00Z') });

/** A language's page words: each word says its language and key, so the test can tell whose words are drawn. */
const wordsOf = (language: Language): I18n => ({ t: (key) => `${language}:${key}`, locale: language });
/** A loader pair over `orNone`, the loader answering `undefined` for words that did not come. */
const loaderOf = (orNone: (language: Language) => Promise<I18n | undefined>): PageWordsLoader => [async (language) => (await orNone(language)) ?? wordsOf('browser'), orNone];
const answer = (language: Language, words?: Record<string, string>) => [{ view }, { settings: { language }, words }] as const;

/** A pill on screen that records the words each refresh brings (`undefined`: the same words). */
function pill() {
  const refreshes: (string | undefined)[] = [];
  const refresh = vi.fn((_view: ExchangeView, _balance: unknown, i18n?: I18n) => void refreshes.push(i18n?.t('pillLabel')));
  return { refresh, refreshes };
}

describe('pageQuestions: a same-exchange answer after a change of language', () => {
  test('an older answer that comes back last does not set the language back', async () => {
    const page = pageQuestions(loaderOf((language) => Promise.resolve(wordsOf(language))));
    page.language = 'en';
    const drawn = pill();
    const older = page.ask();
    const newer = page.ask();
    await page.again(newer, ...answer('sv'), () => drawn);
    await page.again(older, ...answer('en'), () => drawn);
    expect(drawn.refreshes).toEqual(['sv:pillLabel']);
    expect(page.language).toBe('sv');
  });

  test("two changes whose words come back in reverse order end in the later one's words", async () => {
    let swedish: (words: I18n) => void = () => undefined;
    const page = pageQuestions(loaderOf((language) => (language === 'sv' ? new Promise((resolve) => (swedish = resolve)) : Promise.resolve(wordsOf(language)))));
    page.language = 'en';
    const drawn = pill();
    const first = page.again(page.ask(), ...answer('sv'), () => drawn);
    await page.again(page.ask(), ...answer('de'), () => drawn);
    swedish(wordsOf('sv'));
    await first;
    expect(drawn.refreshes).toEqual(['de:pillLabel']);
    expect(page.language).toBe('de');
  });

  test('a change told while the pill is being mounted is worded by the question asked again once it is mounted', async () => {
    const page = pageQuestions(loaderOf((language) => Promise.resolve(wordsOf(language))));
    page.language = 'en';
    // The mount's own question, still waiting for its words when the change is told.
    const mounting = page.ask();
    await page.again(page.ask(), ...answer('sv'), () => undefined);
    expect(page.latest(mounting)).toBe(false);
    // Mounted in English: asked again, the answer's Swedish is drawn.
    const drawn = pill();
    await page.again(page.ask(), ...answer('sv'), () => drawn);
    expect(drawn.refreshes).toEqual(['sv:pillLabel']);
    expect(page.language).toBe('sv');
  });

  test('a pill mounted anew while the words were on the way is not drawn over by the answer for the old one', async () => {
    const page = pageQuestions(loaderOf((language) => Promise.resolve(wordsOf(language))));
    page.language = 'en';
    const old = pill();
    let current = old;
    const asked = page.again(page.ask(), ...answer('sv'), () => current);
    current = pill();
    await asked;
    expect(old.refresh).not.toHaveBeenCalled();
    expect(current.refresh).not.toHaveBeenCalled();
  });

  test("the answer's own pill words are laid over the page words", async () => {
    const page = pageQuestions(loaderOf((language) => Promise.resolve(wordsOf(language))));
    page.language = 'en';
    const drawn = pill();
    await page.again(page.ask(), ...answer('sv', { pillLabel: 'Reserver' }), () => drawn);
    const i18n = drawn.refresh.mock.calls[0]?.[2];
    expect([i18n?.t('pillLabel'), i18n?.t('close'), i18n?.locale]).toEqual(['Reserver', 'sv:close', 'sv']);
  });

  test('words that did not come keep the words on screen and their language; the next answer asks for them again', async () => {
    let come = false;
    const words = vi.fn((language: Language) => Promise.resolve(come ? wordsOf(language) : undefined));
    const page = pageQuestions(loaderOf(words));
    page.language = 'en';
    const drawn = pill();
    await page.again(page.ask(), ...answer('sv', { pillLabel: 'Reserver' }), () => drawn);
    // The view is drawn over in the words shown, with no pill word of the other language laid over them.
    expect(drawn.refreshes).toEqual([undefined]);
    expect(page.language).toBe('en');
    come = true;
    await page.again(page.ask(), ...answer('sv', { pillLabel: 'Reserver' }), () => drawn);
    expect(drawn.refreshes).toEqual([undefined, 'Reserver']);
    expect(words).toHaveBeenCalledTimes(2);
    expect(page.language).toBe('sv');
  });

  test('the same language answered again draws the view over with the words on screen', async () => {
    const words = vi.fn((language: Language) => Promise.resolve(wordsOf(language)));
    const page = pageQuestions(loaderOf(words));
    page.language = 'sv';
    const drawn = pill();
    await page.again(page.ask(), ...answer('sv'), () => drawn);
    expect(drawn.refreshes).toEqual([undefined]);
    expect(words).not.toHaveBeenCalled();
  });

  test('over the real loader, words whose load got no answer twice leave the language and the words on screen; the next answer asks again', async () => {
    vi.useFakeTimers();
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const page = pageQuestions(pageWordsLoader());
    page.language = 'en';
    const drawn = pill();
    await timed(page.again(page.ask(), ...answer('sv'), () => drawn));
    expect(drawn.refresh).toHaveBeenCalledWith(view, undefined, undefined);
    expect(page.language).toBe('en');
    await page.again(page.ask(), ...answer('sv'), () => drawn);
    expect(drawn.refreshes).toEqual([undefined, 'Reserver']);
    expect(page.language).toBe('sv');
    expect(sent).toHaveBeenCalledTimes(3);
  });
});

describe('pageQuestions: the words of a pill being mounted, or of the lines a closed one left', () => {
  test("a language is reached only when its words came (asked twice): the browser's words meanwhile, the next question asks again", async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('ja');
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const page = pageQuestions(pageWordsLoader());
    page.language = 'en';
    expect((await timed(page.reach(page.ask(), 'sv'))).locale).toBe('ja');
    expect(page.language).toBe('en');
    expect((await page.reach(page.ask(), 'sv')).t('pillLabel')).toBe('Reserver');
    expect(page.language).toBe('sv');
    expect(sent).toHaveBeenCalledTimes(3);
  });

  test('words that came for an older question do not set the language back', async () => {
    let swedish: (words: I18n) => void = () => undefined;
    const page = pageQuestions(loaderOf((language) => (language === 'sv' ? new Promise((resolve) => (swedish = resolve)) : Promise.resolve(wordsOf(language)))));
    page.language = 'en';
    const older = page.reach(page.ask(), 'sv');
    await page.reach(page.ask(), 'de');
    swedish(wordsOf('sv'));
    expect((await older).locale).toBe('sv');
    expect(page.language).toBe('de');
  });
});
