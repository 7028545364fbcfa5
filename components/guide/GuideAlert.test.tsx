import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { ActiveWarning } from '../../lib/community/active-warnings';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { evaluateRun } from '../../lib/risk/run-signals';
import { runAlertView, type RunAlertView } from '../../lib/view/run-alert-view';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { Guide } from './Guide';
import { quietGuide } from './guide.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

// Opened from an alert (a run, or a warning list's entry), the guide says at its top what that alert says about the
// exchange being withdrawn from, with its source and age: the same words as the popup, without the button that opens
// the guide it is already in.

const messages = localeMessages('en');
const t = translateFrom(messages as unknown as Messages);
const now = new Date('2026-12-04T12:00:00Z');

effectsOnNextTask();

const halted: ActiveWarning = {
  exchange: 'kraken',
  severity: 'danger',
  title: 'Withdrawals halted',
  body: 'Users report no withdrawals since Monday.',
  sources: ['https://example.org/report'],
  published: '2026-12-01T00:00:00Z',
  expires: '2027-01-01T00:00:00Z',
  listName: 'Exchange Watch',
  listHost: 'lists.example.org',
  listSequence: 1,
  listLang: 'en',
};

function krakenAlert(): RunAlertView {
  const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, warnings: [halted], now });
  const view = runAlertView({ exchange: { id: 'kraken', name: 'Kraken' }, evaluation, state: { phase: 'alert', startedAt: now.toISOString(), raisedBy: ['warning-list'] }, now });
  if (view === undefined) throw new Error('no alert view');
  return view;
}

function guideFor(state: GuideState, alerts: readonly RunAlertView[], prefill?: string) {
  return (
    <I18nContext.Provider value={{ t, locale: 'en' }}>
      <Guide
        {...quietGuide(state)}
        exchanges={[
          { id: 'binance', name: 'Binance' },
          { id: 'kraken', name: 'Kraken' },
        ]}
        {...(prefill === undefined ? {} : { prefillExchangeId: prefill })}
        alerts={alerts}
      />
    </I18nContext.Provider>
  );
}

const fresh = createGuideState(now);

describe('an alert about the exchange, at the top of the guide', () => {
  test('opened for Kraken with a warning list flagging it: the warning, its list, source and age, before the first step', async () => {
    const { root, $ } = page();
    render(guideFor(fresh, [krakenAlert()], 'kraken'), root);
    await settle();
    const alert = root.querySelector('.guide__header [data-testid="run-alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('A warning list flags Kraken');
    expect(alert?.textContent).toContain('Warning list “Exchange Watch”: Withdrawals halted');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/report');
    expect(alert?.textContent).toContain('example.org');
    // Already in the guide: no button to open it.
    expect($('run-open-guide')).toBeNull();
    render(null, root);
  });

  test('the exchange chosen on the route step is the one whose alert shows; none for another exchange', async () => {
    const { root } = page();
    render(guideFor({ ...fresh, exchangeId: 'kraken' }, [krakenAlert()]), root);
    await settle();
    expect(root.querySelectorAll('[data-testid="run-alert"]').length).toBe(1);
    render(guideFor({ ...fresh, exchangeId: 'binance' }, [krakenAlert()], 'kraken'), root);
    await settle();
    expect(root.querySelectorAll('[data-testid="run-alert"]').length).toBe(0);
    render(guideFor(fresh, [krakenAlert()]), root);
    await settle();
    expect(root.querySelectorAll('[data-testid="run-alert"]').length).toBe(0);
    render(null, root);
  });
});
