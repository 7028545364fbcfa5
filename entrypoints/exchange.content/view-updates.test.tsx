import { parseHTML } from 'linkedom';
import { hydrate } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { Pill } from '@/components/Pill';
import { getExchange } from '@/lib/exchanges/registry';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { cardReasonKey, cardReasons } from '@/lib/view/card-reasons';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { pillFace } from '@/lib/view/first-paint-view';
import { pillName } from '@/lib/words/pill-words';
import { I18nContext, translateFrom, type I18n } from '@/utils/i18n';
import { drawCollapsedPill } from './first-paint';
import { keptWords, onScreen, redrawPlain } from './view-updates';
import { localeMessages } from '../../utils/locale-files.testkit';

const i18n: I18n = { t: translateFrom(localeMessages('en')), locale: 'en' };
const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const NOW = new Date('2026-11-25T12:00:00Z');
const before = buildExchangeView({ exchange, reserves: undefined, now: NOW });
const after = buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges.binance, now: NOW });
const wordsFor = (view: typeof before) =>
  Object.fromEntries([...cardReasons({ view }).lead, ...cardReasons({ view }).rest].flatMap((item) => (item.kind === 'reason' ? [[cardReasonKey(item.reason), 'worded']] : [])));

describe('a changed view reaches the pill still drawn as plain nodes (a background tab paints no frames)', () => {
  test('drawn again from the new view, Preact’s take-over shows the new level and name', () => {
    expect(pillFace(after).level).not.toBe(pillFace(before).level);
    const { document } = parseHTML('<!doctype html><html><body><div id="c"></div></body></html>');
    vi.stubGlobal('document', document);
    const container = document.getElementById('c') as unknown as HTMLElement;
    drawCollapsedPill(container, { face: pillFace(before), corner: 'bottom-right', t: i18n.t });
    redrawPlain(container, { face: pillFace(after), corner: 'bottom-right', t: i18n.t });
    hydrate(
      <I18nContext.Provider value={i18n}>
        <Pill view={after} corner="bottom-right" initiallyExpanded={false} onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
      </I18nContext.Provider>,
      container,
    );
    const pill = container.querySelector('.pill');
    expect(pill?.getAttribute('class')).toBe(`pill pill--${pillFace(after).level}`);
    expect(pill?.getAttribute('data-level')).toBe(pillFace(after).level);
    expect(container.querySelector('[data-testid="pill-toggle"]')?.getAttribute('aria-label')).toBe(pillName(pillFace(after), i18n.t));
    expect(container.querySelectorAll('.pill')).toHaveLength(1);
    vi.unstubAllGlobals();
  });
});

describe('onScreen: the hourly answer that changed nothing is not drawn again', () => {
  test('the same view computed an hour later is the same on screen; a changed verdict is not', () => {
    const later = buildExchangeView({ exchange, reserves: undefined, now: new Date(NOW.getTime() + 3_600_000) });
    expect(later.computedAt).not.toBe(before.computedAt);
    expect(onScreen(later)).toBe(onScreen(before));
    const withRun = { ...before, runAlert: { active: true, computedAt: NOW.toISOString() } } as unknown as typeof before;
    const withRunLater = { ...withRun, runAlert: { active: true, computedAt: later.computedAt } } as unknown as typeof before;
    expect(onScreen(withRunLater)).toBe(onScreen(withRun));
    expect(onScreen(after)).not.toBe(onScreen(before));
  });
});

describe('onScreen: a change of the balance line alone is drawn', () => {
  test('the same view with another balance line (the user changed their holdings) is not the same on screen', () => {
    const over = { kind: 'over-cap', text: 'You keep more here than your own limit' } as const;
    expect(onScreen(before, over)).not.toBe(onScreen(before, undefined));
    expect(onScreen(before, over)).not.toBe(onScreen(before, { ...over, text: 'Du har mer här än din egen gräns' }));
    expect(onScreen(before, over)).toBe(onScreen(before, { ...over }));
  });
});

describe('keptWords: a changed view keeps the reasons on screen until their new words come', () => {
  test('the words on screen stay when they word every reason of the new view (no "loading" line, focus on a link kept)', () => {
    const words = { ...wordsFor(before), ...wordsFor(after) };
    expect(keptWords(words, after)).toBe(words);
  });

  test('a reason the words do not cover: the card waits for the new words; no words yet: nothing kept', () => {
    expect(Object.keys(wordsFor(after)).some((key) => !Object.hasOwn(wordsFor(before), key))).toBe(true);
    expect(keptWords(wordsFor(before), after)).toBeUndefined();
    expect(keptWords(undefined, after)).toBeUndefined();
  });
});
