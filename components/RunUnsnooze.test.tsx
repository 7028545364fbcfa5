import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { RunAlertView } from '../lib/view/run-alert-view';
import { RunAlerts } from './RunAlerts';
import { binanceRunAlert as alert, drawIn, RUN_LOCALES, runWords, snoozedRunAlert as snoozed } from './run-alert.testkit';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';

const words = (locale: string) => runWords(locale).t;

/** Draws the popup's run alerts with a watch of the stored states that the test fires by hand; returns that fire. */
function drawFollowed(root: HTMLElement, props: { first?: RunAlertView; load: () => Promise<RunAlertView[]> }): () => void {
  let changed: () => void = () => undefined;
  const follow = (then: () => void) => {
    changed = then;
    return () => undefined;
  };
  drawIn(root, <RunAlerts {...props} follow={follow} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />);
  return () => changed();
}

describe('undoing a run-alert snooze in the popup', () => {
  effectsOnNextTask();

  test('the snoozed line is followed by a button that lifts the snooze; by keyboard, the focus lands on the snooze button that comes back', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    const asked: string[] = [];
    drawIn(
      root,
      <RunAlerts
        first={snoozed()}
        onWithdraw={() => undefined}
        onSnooze={() => Promise.resolve([snoozed()])}
        onUnsnooze={(exchangeId) => {
          asked.push(exchangeId);
          return Promise.resolve([alert()]);
        }}
      />,
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
    for (const locale of RUN_LOCALES) {
      const { window, root, $, press } = page();
      const focused = recordFocus(window);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      drawIn(root, <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.reject(new Error('no answer'))} />, locale);
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
    drawIn(
      root,
      <RunAlerts
        first={snoozed()}
        onWithdraw={() => undefined}
        onSnooze={() => Promise.resolve([])}
        onUnsnooze={() => {
          const [answer, ...rest] = answers;
          answers = rest;
          return answer ?? Promise.resolve([]);
        }}
      />,
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
    drawIn(
      root,
      <>
        <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />
        <h1 class="card__title" id="card-title" tabindex={-1}>
          Binance
        </h1>
      </>,
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
    for (const locale of RUN_LOCALES) {
      const { root, $ } = page();
      drawIn(root, <RunAlerts first={snoozed()} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />, locale);
      expect($('run-unsnooze')?.textContent, locale).toBe(words(locale)('runUnsnooze'));
    }
  });

  test('a lift made elsewhere (the options page) while the popup is open redraws the alert unsnoozed, without a reload', async () => {
    const { root, $ } = page();
    let answer = [snoozed()];
    const changed = drawFollowed(root, { first: snoozed(), load: () => Promise.resolve(answer) });
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
    drawIn(root, <RunAlerts first={snoozed()} load={() => Promise.resolve([])} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} onUnsnooze={() => Promise.resolve([])} />);
    await settle();
    expect($('run-alert')).toBeNull();
    expect($('run-snoozed')).toBeNull();
  });

  test('an older read that answers after newer ones (a lift made elsewhere) does not put the snoozed line back', async () => {
    const { root, $ } = page();
    const answers: ((views: RunAlertView[]) => void)[] = [];
    const changed = drawFollowed(root, { load: () => new Promise<RunAlertView[]>((resolve) => answers.push(resolve)) });
    await settle();
    changed();
    changed();
    expect(answers).toHaveLength(3);
    // The newest read (after the lift) answers first; the two older ones, still snoozed, answer after it.
    answers[2]?.([alert()]);
    await settle();
    answers[1]?.([snoozed()]);
    answers[0]?.([snoozed()]);
    await settle();
    expect($('run-snooze')).not.toBeNull();
    expect($('run-snoozed')).toBeNull();
    expect($('run-unsnooze')).toBeNull();
  });

  test('once the popup closes, its watch of the stored states is stopped', async () => {
    const { root } = page();
    const stop = vi.fn();
    const load = vi.fn(() => Promise.resolve([snoozed()]));
    drawIn(root, <RunAlerts load={load} follow={() => stop} onWithdraw={() => undefined} onSnooze={() => Promise.resolve([])} />);
    await settle();
    expect(stop).not.toHaveBeenCalled();
    render(null, root);
    await settle();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
