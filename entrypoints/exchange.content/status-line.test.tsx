import { parseHTML } from 'linkedom';
import { describe, expect, test, vi } from 'vitest';
import type { PageContext } from './page-context';
import type { I18n } from '@/utils/i18n';
import { drawStatusLine, snoozedStatusKey } from './status-line';

/** A language's words: each says its language, key and the exchange named. */
const wordsOf = (locale: string): I18n => ({ t: (key, name) => `${locale}:${key}:${String(name)}`, locale });

/** A status line drawn in English into a container on a page; the moment before its words go in is not waited for. */
function line() {
  const { document } = parseHTML('<!doctype html><html><body><div id="line"></div></body></html>');
  vi.stubGlobal('document', document);
  const container = document.getElementById('line') as unknown as HTMLElement;
  const ctx = { setTimeout: (run: () => void) => void run() } as unknown as PageContext;
  const reword = drawStatusLine(ctx, container, { corner: 'bottom-right', i18n: wordsOf('en'), key: 'pillClosedStatus', name: 'Binance' });
  const said = () => [container.querySelector('[data-testid="pill-status-line"]')?.textContent, container.lang];
  return { container, reword, said };
}

describe('drawStatusLine: worded again on a change of language', () => {
  test('the words and lang of the new language replace the ones shown', async () => {
    const { reword, said } = line();
    expect(said()).toEqual(['en:pillClosedStatus:Binance', '']);
    const load = Promise.resolve(wordsOf('sv'));
    reword(() => load);
    await load;
    expect(said()).toEqual(['sv:pillClosedStatus:Binance', 'sv']);
  });

  test('a line no longer on the page loads and draws nothing', async () => {
    const { container, reword, said } = line();
    container.remove();
    const load = vi.fn(() => Promise.resolve(wordsOf('sv')));
    reword(load);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    expect(said()).toEqual(['en:pillClosedStatus:Binance', '']);
  });

  test('words that come after the line is gone are not drawn', async () => {
    const { container, reword, said } = line();
    let swedish: (words: I18n) => void = () => undefined;
    const load = new Promise<I18n>((resolve) => (swedish = resolve));
    reword(() => load);
    container.remove();
    swedish(wordsOf('sv'));
    await load;
    expect(said()).toEqual(['en:pillClosedStatus:Binance', '']);
  });

  test("an older load that comes back last does not undo the later language's words", async () => {
    const { reword, said } = line();
    let swedish: (words: I18n) => void = () => undefined;
    const older = new Promise<I18n>((resolve) => (swedish = resolve));
    const later = Promise.resolve(wordsOf('de'));
    reword(() => older);
    reword(() => later);
    await later;
    swedish(wordsOf('sv'));
    await older;
    expect(said()).toEqual(['de:pillClosedStatus:Binance', 'de']);
  });
});

describe('snoozedStatusKey', () => {
  test('a card snoozed while a run alert shows says the run alert still shows; otherwise the plain words', () => {
    expect(snoozedStatusKey({ runAlert: { active: true } })).toBe('pillSnoozedRunStatus');
    expect(snoozedStatusKey({ runAlert: { active: false } })).toBe('pillSnoozedStatus');
    expect(snoozedStatusKey({})).toBe('pillSnoozedStatus');
  });
});
