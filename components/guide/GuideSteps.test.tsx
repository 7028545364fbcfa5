import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { applyGuideAction, createGuideState, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { ArrivalStep } from './ArrivalStep';
import type { BalanceWatch } from './Guide';
import { watchPhase } from './shared';
import { TestStep } from './TestStep';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('de'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const watching: BalanceWatch = { status: 'watching', balance: '1234.5', increase: null, blockNumber: '7', checkedAt: '2026-12-05T12:01:00Z', errorCode: null };

effectsOnNextTask();

function draw(root: HTMLElement, node: preact.ComponentChildren) {
  render(<I18nContext.Provider value={{ t, locale: 'de' }}>{node}</I18nContext.Provider>, root);
}

describe('guide steps', () => {
  test('amounts read from the chain are written the German way, every digit kept', async () => {
    const { root, $ } = page();
    draw(
      root,
      <TestStep state={base} rpcUrl="http://127.0.0.1:8545" watch={{ ...watching, balance: '1234.000000000000000001' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('balance-before')?.textContent).toBe('Guthaben vor dem Test: 1.234,000000000000000001 ETH.');

    const sent = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: '0' };
    draw(
      root,
      <ArrivalStep book={[]} state={sent} rpcUrl="http://127.0.0.1:8545" watch={watching} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />,
    );
    await settle();
    expect($('arrival-watch')?.textContent).toMatch(/^Warten auf den Test\. Aktuelles Guthaben 1\.234,5 ETH/);

    draw(
      root,
      <ArrivalStep
        book={[]}
        state={{ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }}
        rpcUrl="http://127.0.0.1:8545"
        watch={{ ...watching, status: 'arrived', increase: '1234.5' }}
        onAction={() => undefined}
        onOpenOptions={() => undefined}
        skipped={[]}
        onGoToStep={() => undefined}
      />,
    );
    await settle();
    expect($('test-arrived')?.textContent).toMatch(/^Der Test ist angekommen: \+1\.234,5 ETH, erkannt am /);
    render(null, root);
  });

  test('"I sent the test" hands focus to a live line that was in the page before it filled', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    let state = base;
    const redraw = () => draw(root, <TestStep state={state} rpcUrl="http://127.0.0.1:8545" watch={watching} rise={null} onTestSent={onTestSent} onTestRise={() => undefined} />);
    const onTestSent = vi.fn(() => {
      state = { ...state, testSentAt: '2026-12-05T12:02:00Z' };
      redraw();
    });
    redraw();
    await settle();
    const live = $('test-sent-status');
    expect(live?.getAttribute('role')).toBe('status');
    expect(live?.textContent).toBe('');
    press('test-sent');
    await settle();
    expect(onTestSent).toHaveBeenCalledTimes(1);
    expect($('test-sent-status')).toBe(live);
    expect(live?.textContent).toMatch(/\S/);
    expect(focused).toEqual(['test-sent-status']);
    expect(window.document.activeElement).toBe(live);
    render(null, root);
  });

  test('each claim on the arrival step is answered once: the focus goes to the line that says so, never to the next claim button', async () => {
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    const off: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };
    let state: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z' };
    const onAction = vi.fn((action: GuideAction) => {
      state = applyGuideAction(state, action);
      redraw();
    });
    const redraw = () =>
      draw(root, <ArrivalStep book={[]} state={state} rpcUrl={undefined} watch={off} onAction={onAction} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />);
    // Enter on whatever holds the focus, as a keyboard does: it activates a button and nothing else.
    const enter = () => {
      const target = window.document.activeElement as HTMLElement | null;
      if (target?.tagName === 'BUTTON') target.dispatchEvent(new window.Event('click', { bubbles: true }));
    };
    const focusedLine = () => {
      const active = window.document.activeElement as HTMLElement;
      return { testId: active.getAttribute('data-testid'), tag: active.tagName, tabindex: active.getAttribute('tabindex'), role: active.getAttribute('role') };
    };
    redraw();
    await settle();

    $('test-arrived-manual')?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'test-arrived', tag: 'P', tabindex: '-1', role: 'status' });
    enter();
    await settle();
    expect(state.withdrawalSentAt).toBeNull();

    const sent = $('withdrawal-sent');
    sent?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'rest-sent-status', tag: 'P', tabindex: '-1', role: 'status' });
    // The pressed button is gone, not reused for the next claim.
    expect(sent?.isConnected).toBe(false);
    expect($('rest-sent-status')?.textContent).toMatch(/\S/);
    enter();
    await settle();
    expect(state.arrivalConfirmedAt).toBeNull();
    expect($('guide-done')).toBeNull();
    expect($('arrival-confirmed')).not.toBeNull();

    $('arrival-confirmed')?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'guide-done', tag: 'P', tabindex: '-1', role: 'status' });
    expect(onAction.mock.calls.map(([action]) => action.type)).toEqual(['test-arrived', 'withdrawal-sent', 'arrival-confirmed']);
    expect(focused).toEqual(['test-arrived-manual', 'test-arrived', 'withdrawal-sent', 'rest-sent-status', 'arrival-confirmed', 'guide-done']);
    render(null, root);
  });

  test('the watch seeing the test moves the focus to the line that says so only when the focused button went away', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: '0' };
    const arrivedWatch: BalanceWatch = { ...watching, status: 'arrived', increase: '0.01' };
    const drawAt = (state: GuideState, watch: BalanceWatch) =>
      draw(
        root,
        <>
          <button type="button" data-testid="elsewhere">
            x
          </button>
          <ArrivalStep book={[]} state={state} rpcUrl="http://127.0.0.1:8545" watch={watch} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />
        </>,
      );
    drawAt(sent, watching);
    await settle();
    $('test-arrived-manual')?.focus();
    drawAt({ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }, arrivedWatch);
    await settle();
    expect(window.document.activeElement?.getAttribute('data-testid')).toBe('test-arrived');

    render(null, root);
    drawAt(sent, watching);
    await settle();
    $('elsewhere')?.focus();
    drawAt({ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }, arrivedWatch);
    await settle();
    expect(window.document.activeElement?.getAttribute('data-testid')).toBe('elsewhere');
    render(null, root);
  });

  test('the test step names a watch that cannot read, before the test is sent', async () => {
    const { root, $ } = page();
    const rpcUrl = 'http://127.0.0.1:8545';
    draw(
      root,
      <TestStep state={base} rpcUrl={rpcUrl} watch={{ ...watching, status: 'error', balance: null, errorCode: 'wrong-chain' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('test-watch-error')?.textContent).toBe(t('arrivalErrorWrongChain'));
    expect($('balance-before')).toBeNull();
    expect($('test-watch')?.getAttribute('aria-live')).toBe('polite');
    draw(
      root,
      <TestStep state={base} rpcUrl={rpcUrl} watch={{ ...watching, status: 'error', balance: null, errorCode: 'bad-token' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('test-watch-error')?.textContent).toBe(t('arrivalErrorToken'));
    render(null, root);
  });

  test('with no balance read before the test, both steps say the guide cannot tell, and the arrival step watches nothing', async () => {
    const { root, $ } = page();
    const rpcUrl = 'http://127.0.0.1:8545';
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: null };
    const noBaseline = t('arrivalNoBaseline', t('arrivalTestArrivedButton'));
    draw(root, <TestStep state={sent} rpcUrl={rpcUrl} watch={watching} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />);
    await settle();
    // The arrival step's button is not on the test step: the sentence there points to the next step instead of naming it.
    expect($('test-sent-status')?.textContent).toContain(t('testNoBaseline'));
    expect($('test-sent-status')?.textContent).not.toContain(t('arrivalTestArrivedButton'));
    draw(root, <ArrivalStep book={[]} state={sent} rpcUrl={rpcUrl} watch={watching} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />);
    await settle();
    expect($('arrival-no-baseline')?.textContent).toBe(noBaseline);
    expect($('arrival-watch')).toBeNull();
    expect($('test-arrived-manual')).not.toBeNull();
    // With a balance from before the test it watches, and says nothing of the kind.
    draw(
      root,
      <ArrivalStep
        book={[]}
        state={{ ...sent, testBaseline: '0' }}
        rpcUrl={rpcUrl}
        watch={watching}
        onAction={() => undefined}
        onOpenOptions={() => undefined}
        skipped={[]}
        onGoToStep={() => undefined}
      />,
    );
    await settle();
    expect($('arrival-no-baseline')).toBeNull();
    expect($('arrival-watch')).not.toBeNull();
    render(null, root);
  });

  test('what the watch does at each point of the guide', () => {
    const rpcUrl = 'http://127.0.0.1:8545';
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z' };
    expect(watchPhase(base, undefined)).toBe('off');
    expect(watchPhase({ ...base, asset: 'SHIB' }, rpcUrl)).toBe('off');
    expect(watchPhase(base, rpcUrl)).toBe('before-test');
    expect(watchPhase({ ...base, asset: 'USDC' }, rpcUrl)).toBe('before-test');
    expect(watchPhase({ ...sent, testBaseline: '0' }, rpcUrl)).toBe('after-test');
    // No balance from before the test: a later read may hold the test already, so none is taken for the baseline.
    expect(watchPhase({ ...sent, testBaseline: null }, rpcUrl)).toBe('no-baseline');
    expect(watchPhase({ ...sent, testBaseline: null, testArrivedAt: '2026-12-05T12:03:00Z' }, rpcUrl)).toBe('arrived');
    // Without an endpoint the guide never watched; it says so elsewhere (arrival-manual).
    expect(watchPhase({ ...sent, testBaseline: null }, undefined)).toBe('off');
  });

  test('the explorer link reads right in English whatever the network is called', async () => {
    const english = translateFrom(localeMessages('en'));
    const { root, $ } = page();
    const off: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };
    const texts: string[] = [];
    for (const network of ['ethereum', 'arbitrum', 'bsc'] as const) {
      render(
        <I18nContext.Provider value={{ t: english, locale: 'en' }}>
          <ArrivalStep book={[]} state={{ ...base, network }} rpcUrl={undefined} watch={off} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />
        </I18nContext.Provider>,
        root,
      );
      await settle();
      texts.push($('explorer-link')?.textContent ?? '');
    }
    expect(texts[0]).toBe('See this address in a block explorer for Ethereum');
    // No "a Ethereum", "a Arbitrum One": the name never follows an article.
    for (const text of texts) expect(text).not.toMatch(/\ban? [A-Z]/);
    render(null, root);
  });
});
