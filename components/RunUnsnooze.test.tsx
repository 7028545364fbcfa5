import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { evaluateRun } from '../lib/risk/run-signals';
import { runAlertView, type RunAlertView } from '../lib/view/run-alert-view';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { RunAlerts } from './RunAlerts';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';

const now = new Date('2026-12-05T12:00:00Z');
const CEXS = 'https://api.llama.fi/cexs';
const words = (locale: string) => translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales', locale, 'messages.json'), 'utf8')) as Messages);

/** A quarter of Binance's assets gone in a day, read 20 minutes ago. */
function alert(): RunAlertView {
  const observedAt = new Date(now.getTime() - 20 * 60_000).toISOString();
  const evaluation = evaluateRun({
    exchange: { ownTokens: ['BNB'] },
    reserves: { onchain: { totalUsd: 75e9, source: CEXS, asOf: '2026-12-05', observedAt }, flows: { net24hUsd: -25e9, net7dUsd: -3e9, source: CEXS, asOf: '2026-12-05', observedAt } },
    now,
  });
  const view = runAlertView({ exchange: { id: 'binance', name: 'Binance' }, evaluation, state: { phase: 'alert', startedAt: observedAt, raisedBy: ['outflow-24h'] }, now });
  if (view === undefined) throw new Error('no view');
  return view;
}
const snoozed = (): RunAlertView => ({ ...alert(), active: false, snoozedUntil: '2026-12-12T12:00:00.000Z' });

describe('undoing a run-alert snooze in the popup', () => {
  effectsOnNextTask();

  test('the snoozed line is followed by a button that lifts the snooze; by keyboard, the focus lands on the snooze button that comes back', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    const asked: string[] = [];
    render(
      <I18nContext.Provider value={{ t: words('en'), locale: 'en' }}>
        <RunAlerts
          first={snoozed()}
          onWithdraw={() => undefined}
          onSnooze={() => Promise.resolve([snoozed()])}
          onUnsnooze={(exchangeId) => {
            asked.push(exchangeId);
            return Promise.resolve([alert()]);
          }}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    expect($('run-unsnooze')?.textContent).toBe("Turn this exchange's alerts back on");
    expect($('run-unsnooze')?.tagName).toBe('BUTTON');
    press('run-unsnooze');
    await settle();
    expect(asked).toEqual(['binance']);
    expect($('run-snoozed')).toBeNull();
    expect($('run-unsnooze')).toBeNull();
    expect(focused).toEqual(['run-snooze']);
    expect(window.document.activeElement).toBe($('run-snooze'));
  });

  test("a refused undo is said in the alert's status region, in every language, and the focus stays on the undo to try again", async () => {
    for (const locale of ['en', 'de', 'fr', 'es', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const { window, root, $, press } = page();
      const focused = recordFocus(window);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      render(
        <I18nContext.Provider value={{ t: words(locale), locale: locale.replace('_', '-') }}>
          <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.reject(new Error('no answer'))} />
        </I18nContext.Provider>,
        root,
      );
      await settle();
      $('run-unsnooze')?.focus();
      press('run-unsnooze');
      await settle();
      const status = root.querySelector('[data-testid="run-alert"] [role="status"]');
      expect(status?.querySelector('[data-testid="run-unsnooze-failed"]')?.textContent, locale).toBe(words(locale)('runUnsnoozeFailed', 'Binance'));
      expect($('run-snoozed'), locale).not.toBeNull();
      expect(focused, locale).toEqual(['run-unsnooze']);
      expect(window.document.activeElement, locale).toBe($('run-unsnooze'));
    }
  });

  test('a second try that lifts the snooze clears the failure', async () => {
    const { root, $, press } = page();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let answers = [Promise.reject(new Error('no answer')), Promise.resolve([alert()])];
    answers[0]?.catch(() => undefined);
    render(
      <I18nContext.Provider value={{ t: words('en'), locale: 'en' }}>
        <RunAlerts
          first={snoozed()}
          onWithdraw={() => undefined}
          onSnooze={() => Promise.resolve([])}
          onUnsnooze={() => {
            const [answer, ...rest] = answers;
            answers = rest;
            return answer ?? Promise.resolve([]);
          }}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    press('run-unsnooze');
    await settle();
    expect($('run-unsnooze-failed')).not.toBeNull();
    press('run-unsnooze');
    await settle();
    expect($('run-unsnooze-failed')).toBeNull();
    expect($('run-snooze')).not.toBeNull();
  });

  test("when the lift's answer lists no alert for it (the episode ended while snoozed), its block goes and the focus goes to the popup's next heading, not the page", async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    render(
      <I18nContext.Provider value={{ t: words('en'), locale: 'en' }}>
        <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />
        <h1 class="card__title" id="card-title" tabindex={-1}>
          Binance
        </h1>
      </I18nContext.Provider>,
      root,
    );
    await settle();
    $('run-unsnooze')?.focus();
    press('run-unsnooze');
    await settle();
    expect($('run-alert')).toBeNull();
    expect(focused).toEqual(['run-unsnooze', 'card-title']);
    expect(window.document.activeElement?.id).toBe('card-title');
  });

  test('in every language the button is worded', () => {
    for (const locale of ['en', 'de', 'fr', 'es', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const { root, $ } = page();
      render(
        <I18nContext.Provider value={{ t: words(locale), locale: locale.replace('_', '-') }}>
          <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />
        </I18nContext.Provider>,
        root,
      );
      expect($('run-unsnooze')?.textContent, locale).toBe(words(locale)('runUnsnooze'));
    }
  });

  test('a lift made elsewhere (the options page) while the popup is open redraws the alert unsnoozed, without a reload', async () => {
    const { root, $ } = page();
    let answer = [snoozed()];
    let changed: () => void = () => undefined;
    render(
      <I18nContext.Provider value={{ t: words('en'), locale: 'en' }}>
        <RunAlerts
          first={snoozed()}
          load={() => Promise.resolve(answer)}
          follow={(then) => {
            changed = then;
            return () => undefined;
          }}
          onWithdraw={() => undefined}
          onSnooze={() => Promise.resolve([])}
          onUnsnooze={() => Promise.resolve([])}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    expect($('run-snoozed')).not.toBeNull();
    // The options page lifts the snooze: the stored states change, and the background answers for the lift.
    answer = [alert()];
    changed();
    await settle();
    expect($('run-snoozed')).toBeNull();
    expect($('run-unsnooze')).toBeNull();
    expect($('run-snooze')).not.toBeNull();
  });

  test("once the list answers without the tab's exchange (its episode ended), the tab's older snoozed view is not drawn", async () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={{ t: words('en'), locale: 'en' }}>
        <RunAlerts first={snoozed()} load={() => Promise.resolve([])} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    expect($('run-alert')).toBeNull();
    expect($('run-snoozed')).toBeNull();
  });
});
