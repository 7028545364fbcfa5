import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getExchange } from '@/lib/exchanges/registry';
import { defaultSettings, type Language } from '@/lib/settings';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { pillFace } from '@/lib/view/first-paint-view';
import { pageStateFor } from '@/lib/view/page-state';
import type { I18n } from '@/utils/i18n';
import { decisionFor, faceKey } from './decide';
import type { MountedNudge } from './mounted-nudge';
import { pageQuestions } from './page-questions';
import { tookStoredAnswer } from './stored-answer';
import type { PageWordsLoader } from './words';

const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const view = buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-11-25T12:00:00Z') });
const pillWords = { pillLabel: 'Reserver' };
/** The background's answer in Swedish, drawing the same pill as the stored first paint. */
const state = pageStateFor({ state: { kind: 'exchange', host: 'www.binance.com', view }, settings: { ...defaultSettings, language: 'sv' }, seen: {}, words: pillWords });
if (state.kind !== 'exchange' || state.nudge === undefined) throw new Error('no exchange answer');
const drawnKey = faceKey({ decision: decisionFor(state), face: pillFace(view), corner: defaultSettings.corner, language: 'sv', words: pillWords });

const wordsOf = (language: Language): I18n => ({ t: (key) => `${language}:${key}`, locale: language });
/** A loader whose words come only once `come` is set. */
function loader() {
  const gate = { come: false };
  const orNone = vi.fn(async (language: Language) => (gate.come ? wordsOf(language) : undefined));
  const pair: PageWordsLoader = [async (language) => (await orNone(language)) ?? wordsOf('browser'), orNone];
  return { gate, orNone, pair };
}
/** The stored first paint's pill on screen, recording what completes and refreshes it. */
function drawn() {
  const complete = vi.fn();
  const refresh = vi.fn();
  return { ui: { complete, refresh, reasons: vi.fn() } as unknown as MountedNudge, complete, refresh };
}
/** `tookStoredAnswer` for the page's next question: by default the Swedish answer, the pill drawn from storage, and no pill closed. */
function take(
  page: ReturnType<typeof pageQuestions>,
  ui: () => MountedNudge | undefined,
  { answer = state, key = drawnKey, closed = false }: { answer?: typeof state | { kind: 'not-exchange' }; key?: string; closed?: boolean } = {},
) {
  return tookStoredAnswer(page, page.ask(), answer, key, pillWords, ui, () => closed);
}

describe('tookStoredAnswer: the first answer to a page drawn from storage', () => {
  test('the same pill: completed in the words that came, whose language is the page’s from then on', async () => {
    const words = loader();
    words.gate.come = true;
    const page = pageQuestions(words.pair);
    const pill = drawn();
    expect(await take(page, () => pill.ui)).toBe(true);
    expect(page.language).toBe('sv');
    expect(pill.complete.mock.calls[0]?.[1].locale).toBe('sv');
  });

  test('words that did not come: the stored language is not taken as reached, and the next answer in it asks for them again', async () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    const words = loader();
    const page = pageQuestions(words.pair);
    const pill = drawn();
    expect(await take(page, () => pill.ui)).toBe(true);
    expect(page.language).not.toBe('sv');
    words.gate.come = true;
    await page.again(page.ask(), state, state.nudge!, () => pill.ui);
    expect(words.orNone).toHaveBeenCalledTimes(2);
    expect(pill.refresh.mock.calls[0]?.[2]?.t('close')).toBe('sv:close');
    expect(page.language).toBe('sv');
  });

  test('another pill: not taken, the page draws it anew; a pill closed meanwhile is not completed', async () => {
    const words = loader();
    words.gate.come = true;
    const page = pageQuestions(words.pair);
    expect(await take(page, () => undefined, { key: 'another pill' })).toBe(false);
    expect(await take(page, () => undefined, { answer: { kind: 'not-exchange' } })).toBe(false);
    let pill: ReturnType<typeof drawn> | undefined = drawn();
    const shown = pill;
    const taken = take(page, () => pill?.ui);
    pill = undefined;
    expect(await taken).toBe(true);
    expect(shown.complete).not.toHaveBeenCalled();
  });

  test('a pill closed before the answer: nothing is drawn again, and the answer’s language is reached for the warnings and status line', async () => {
    const words = loader();
    words.gate.come = true;
    const page = pageQuestions(words.pair);
    expect(await take(page, () => undefined, { key: 'another pill', closed: true })).toBe(true);
    expect(page.language).toBe('sv');
  });
});
