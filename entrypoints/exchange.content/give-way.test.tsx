import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Pill } from '@/components/Pill';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { pillFace } from '@/lib/view/first-paint-view';
import { I18nContext, translateFrom, type I18n } from '@/utils/i18n';
import { drawCollapsedPill } from './first-paint';
import { cardMayGiveWay } from './give-way';
import { localeMessages } from '../../utils/locale-files.testkit';

const i18n: I18n = { t: translateFrom(localeMessages('en')), locale: 'en' };
const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const view = buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-11-25T12:00:00Z') });

/**
 * Our pill as the content script mounts it: a container inside a closed shadow root on the page,
 * drawn by Preact (open or closed) or as the first paint's plain nodes. linkedom keeps no focus,
 * so where focus is, is set on the shadow root as a browser reports it: the focused element of
 * ours, or null when focus is on the page.
 */
const drawn: HTMLElement[] = [];
// Unmounted before the next test: an open card's effects (a key listener on the window) would
// otherwise run after this file's globals are gone.
afterEach(() => {
  for (const container of drawn.splice(0)) render(null, container);
  vi.unstubAllGlobals();
});

function mounted(how: 'preact-open' | 'preact-closed' | 'plain', focus: 'page' | 'ours') {
  const { document, window } = parseHTML('<!doctype html><html><body><input id="withdraw-address"></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  const host = document.createElement('reserve-radar-pill');
  document.documentElement.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const container = document.createElement('div') as unknown as HTMLElement;
  root.append(container);
  drawn.push(container);
  if (how === 'plain') drawCollapsedPill(container, { face: pillFace(view), corner: 'bottom-right', t: i18n.t });
  else
    render(
      <I18nContext.Provider value={i18n}>
        <Pill
          view={view}
          corner="bottom-right"
          initiallyExpanded={how === 'preact-open'}
          onClose={() => undefined}
          onCornerChange={() => undefined}
          onSnooze={() => undefined}
          onWithdraw={() => undefined}
        />
      </I18nContext.Provider>,
      container,
    );
  const focused = focus === 'ours' ? container.querySelector('[data-testid="pill-toggle"]') : null;
  if (focus === 'ours' && focused === null) throw new Error('no toggle to focus');
  Object.defineProperty(root, 'activeElement', { value: focused, configurable: true });
  return container;
}

describe('cardMayGiveWay: when the open card closes to make room for the mismatch warning', () => {
  test('an open card, focus on the page (the user typing in its field): it gives way', () => {
    const container = mounted('preact-open', 'page');
    expect(container.querySelector('[data-testid="nudge-panel"]')).not.toBeNull();
    expect(cardMayGiveWay('preact', container)).toBe(true);
  });

  test('a closed card is left as it is, drawn by Preact or still the first paint', () => {
    const closed = mounted('preact-closed', 'page');
    expect(closed.querySelector('[data-testid="pill-toggle"]')?.getAttribute('aria-expanded')).toBe('false');
    expect(cardMayGiveWay('preact', closed)).toBe(false);
    const plain = mounted('plain', 'page');
    expect(plain.querySelector('[data-testid="pill-toggle"]')).not.toBeNull();
    expect(cardMayGiveWay('drawn', plain)).toBe(false);
  });

  test('an open card with focus anywhere in our shadow root is left open: the user is reading or using it', () => {
    const container = mounted('preact-open', 'ours');
    expect(container.querySelector('[data-testid="nudge-panel"]')).not.toBeNull();
    expect(cardMayGiveWay('preact', container)).toBe(false);
  });

  test('nothing mounted, or nodes Preact does not own, never give way', () => {
    expect(cardMayGiveWay('none', undefined)).toBe(false);
    expect(cardMayGiveWay('none', mounted('preact-open', 'page'))).toBe(false);
    expect(cardMayGiveWay('drawn', mounted('preact-open', 'page'))).toBe(false);
  });
});
