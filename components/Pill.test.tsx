import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { I18nContext, translateFrom, type I18n } from '@/utils/i18n';
import { Pill } from './Pill';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

effectsOnNextTask();

const i18n: I18n = { t: translateFrom(localeMessages('en')), locale: 'en' };
const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const view = buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-11-25T12:00:00Z') });

/** An open card beside the page's own field; Escape pressed (as the user presses it: trusted) on `where`. */
async function escapeOn(where: 'page-field' | 'card') {
  const { document, window, root, $ } = page();
  vi.stubGlobal('window', window);
  const field = document.createElement('input');
  field.id = 'withdraw-address';
  document.body.append(field);
  const focused = recordFocus(window);
  render(
    <I18nContext.Provider value={i18n}>
      <Pill view={view} corner="bottom-right" initiallyExpanded onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
    </I18nContext.Provider>,
    root,
  );
  await settle();
  expect($('nudge-panel')).not.toBeNull();
  const escapeKey = new window.Event('keydown', { bubbles: true, cancelable: true });
  Object.defineProperties(escapeKey, { key: { value: 'Escape' }, isTrusted: { value: true } });
  (where === 'card' ? $('nudge-panel') : field)?.dispatchEvent(escapeKey);
  await settle();
  return { panel: $('nudge-panel'), focused };
}

describe('Pill: Escape closes the non-modal card only when pressed in it', () => {
  test('Escape in the card closes it and puts focus back on the pill', async () => {
    const { panel, focused } = await escapeOn('card');
    expect(panel).toBeNull();
    expect(focused.at(-1)).toBe('pill-toggle');
  });

  test('Escape in the exchange’s own field (closing its dropdown) is left to the page: the card stays, focus is not moved', async () => {
    const { panel, focused } = await escapeOn('page-field');
    expect(panel).not.toBeNull();
    expect(focused).not.toContain('pill-toggle');
  });
});
