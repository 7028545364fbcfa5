import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { evaluateRun } from '../lib/risk/run-signals';
import { runAlertView, type RunAlertView } from '../lib/view/run-alert-view';
import { I18nContext } from '../utils/i18n';
import { RunAlert } from './RunAlert';
import { RunAlerts } from './RunAlerts';
import { formatDateTime } from '../lib/words/format';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';
import { chineseBracketProblems } from '../lib/words/chinese-brackets.testkit';
import { binanceRunAlert as alert, drawIn, RUN_CEXS as CEXS, RUN_NOW as now, runWords, SNOOZE_END, snoozedRunAlert } from './run-alert.testkit';

function draw(view: RunAlertView, props: { onSnooze?: () => Promise<boolean>; onWithdraw?: () => void } = {}, locale = 'en'): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={runWords(locale)}>
      <RunAlert alert={view} onWithdraw={props.onWithdraw ?? (() => undefined)} {...(props.onSnooze === undefined ? {} : { onSnooze: props.onSnooze })} />
    </I18nContext.Provider>,
    root,
  );
  return root;
}

describe('RunAlert', () => {
  effectsOnNextTask();

  test('says what happened with the figures, the line crossed, the source and its age', () => {
    const root = draw(alert());
    expect(root.querySelector('h2')?.textContent).toBe('Money is leaving Binance fast');
    const day = root.querySelector('[data-signal="outflow-24h"]');
    expect(day?.getAttribute('data-effect')).toBe('alert');
    expect(day?.textContent).toBe('$25B left in the last 24 hours: 25% of the $100B it held (an alert from 15%). (api.llama.fi, 20 minutes ago)');
    expect(day?.querySelector('a')?.getAttribute('href')).toBe(CEXS);
    // Calm figures are shown too, without a line; what could not be read says so.
    expect(root.querySelector('[data-signal="outflow-7d"]')?.textContent).toMatch(/^\$3B left in the last 7 days: 3\.8% of the \$78B it held\. /);
    expect(root.querySelector('[data-signal="own-token-fall"]')?.textContent).toBe('No fresh price for its own token (BNB).');
  });

  test("in Chinese a figure's source and age are an aside in full-width parentheses, joined by a full-width comma", () => {
    const day = draw(alert(), {}, 'zh_CN').querySelector('[data-signal="outflow-24h"]')?.textContent ?? '';
    expect(day).toMatch(/\uff08api\.llama\.fi\uff0c[^\uff09]+\uff09$/);
    expect(chineseBracketProblems(day)).toEqual([]);
  });

  test("the guide in one click; the snooze only where it is offered (never on the exchange's own page)", () => {
    let opened = 0;
    let snoozed = 0;
    const withSnooze = draw(alert(), { onWithdraw: () => (opened += 1), onSnooze: () => Promise.resolve((snoozed += 1) > 0) });
    (withSnooze.querySelector('[data-testid="run-open-guide"]') as HTMLButtonElement).click();
    (withSnooze.querySelector('[data-testid="run-snooze"]') as HTMLButtonElement).click();
    expect([opened, snoozed]).toEqual([1, 1]);
    expect(draw(alert()).querySelector('[data-testid="run-snooze"]')).toBeNull();
    const snoozedView = snoozedRunAlert();
    const quiet = draw(snoozedView, { onSnooze: () => Promise.resolve(true) });
    expect(quiet.querySelector('[data-testid="run-snooze"]')).toBeNull();
    expect(quiet.querySelector('[data-testid="run-snoozed"]')?.textContent).toBe(`Alerts for this exchange are snoozed until ${formatDateTime(SNOOZE_END, 'en')}.`);
  });

  test('a snooze by keyboard keeps the focus in the alert, on the snoozed line, and says it in a status that was already there', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    const snoozedView = snoozedRunAlert();
    drawIn(root, <RunAlerts first={alert()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([snoozedView])} />);
    await settle();
    // The polite region exists, empty, before the snooze: one inserted with its text is often not read out.
    const status = root.querySelector('[data-testid="run-alert"] [role="status"]');
    expect(status?.textContent).toBe('');
    press('run-snooze');
    await settle();
    expect($('run-snooze')).toBeNull();
    expect(status?.isConnected).toBe(true);
    expect(status?.textContent).toBe(`Alerts for this exchange are snoozed until ${formatDateTime(SNOOZE_END, 'en')}.`);
    expect(focused).toEqual(['run-snoozed']);
    expect(window.document.activeElement).toBe($('run-snoozed'));
    expect($('run-snoozed')?.tabIndex).toBe(-1);
  });

  test.each([
    ['fails', () => Promise.reject(new Error('storage full'))],
    ['answers without a snooze', () => Promise.resolve(false)],
  ] as const)('a snooze that %s leaves no ask behind: a snooze made later elsewhere takes no focus', async (_name, onSnooze) => {
    const { window, root, press } = page();
    const focused = recordFocus(window);
    const drawn = (view: RunAlertView) => drawIn(root, <RunAlert alert={view} onWithdraw={() => undefined} onSnooze={onSnooze} />);
    drawn(alert());
    await settle();
    press('run-snooze');
    await settle();
    // The popup's other window, or the exchange's page, snoozes it later: the alert redraws snoozed.
    drawn(snoozedRunAlert());
    await settle();
    expect(root.querySelector('[data-testid="run-snoozed"]')).not.toBeNull();
    expect(focused).toEqual([]);
  });

  test('an alert drawn already snoozed takes no focus', async () => {
    const { window, root } = page();
    const focused = recordFocus(window);
    drawIn(root, <RunAlert alert={snoozedRunAlert()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve(true)} />);
    await settle();
    expect(focused).toEqual([]);
  });

  test('an alert a warning list raised says so, not that money is leaving: no flow was measured', () => {
    const evaluation = evaluateRun({
      exchange: { ownTokens: [] },
      reserves: undefined,
      warnings: [{ severity: 'danger', title: 'Withdrawals halted', listName: 'Example watch', sources: ['https://status.example.com/1'], published: '2026-12-01T00:00:00Z' }],
      now,
    });
    const view = runAlertView({ exchange: { id: 'kraken', name: 'Kraken' }, evaluation, state: { phase: 'alert', startedAt: now.toISOString(), raisedBy: ['warning-list'] }, now });
    if (view === undefined) throw new Error('no view');
    const root = draw(view);
    expect(root.querySelector('h2')?.textContent).toBe('A warning list flags Kraken');
    expect(root.textContent).not.toMatch(/leaving|calmed/);
    expect(draw(view, {}, 'de').querySelector('h2')?.textContent).toBe('Eine Warnliste warnt vor Kraken');
  });

  test('an alert whose flows can no longer be read does not say they calmed', () => {
    const calm = { ...alert(), level: 'calm' as const, settling: 'flows-calm' as const };
    expect(draw(calm).textContent).toContain('The flows have calmed');
    const unread = { ...alert(), level: 'calm' as const, settling: 'unread' as const };
    const text = draw(unread).textContent ?? '';
    expect(text).not.toContain('calmed');
    expect(text).toContain('some figures cannot be read');
  });

  test('a list alert while the lists cannot be checked says so in plain words: not calmed, not a flow figure', () => {
    const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, warnings: 'unread', now });
    const view = runAlertView({ exchange: { id: 'kraken', name: 'Kraken' }, evaluation, state: { phase: 'alert', startedAt: now.toISOString(), raisedBy: ['warning-list'] }, now });
    if (view === undefined) throw new Error('no view');
    const root = draw(view);
    expect(root.querySelector('h2')?.textContent).toBe('A warning list flags Kraken');
    expect(root.textContent).toContain('The alert stays on until your warning lists can be checked again.');
    const line = root.querySelector('[data-signal="warning-list"]')?.textContent;
    expect(line).toMatch(/^Your warning lists could not be checked just now/);
    expect(line).not.toMatch(/flow/);
    expect(root.textContent).not.toMatch(/calmed/);
  });

  test('in Swedish', () => {
    const root = draw(alert(), {}, 'sv');
    expect(root.querySelector('h2')?.textContent).toBe('Pengar lämnar Binance snabbt');
    expect(root.querySelector('[data-testid="run-open-guide"]')?.textContent).toBe('Ta ut till din egen plånbok: öppna guiden');
  });
});
