import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import type { BalanceWatch } from './Guide';
import { TestStep, type TestRise } from './TestStep';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('fr'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const watching: BalanceWatch = { status: 'watching', balance: '0.01', increase: null, blockNumber: '7', checkedAt: '2026-12-05T12:01:00Z', errorCode: null };
const rise: TestRise = { increase: '0.01', since: '2026-12-05T12:00:30Z' };

effectsOnNextTask();

/** The test step as the guide draws it: the question open while `rise` is there and the test not marked sent. */
function drawStep() {
  const dom = page();
  const focused = recordFocus(dom.window);
  const draw = (props: { state?: GuideState; rpcUrl?: string | undefined; rise: TestRise | null }) =>
    render(
      <I18nContext.Provider value={{ t, locale: 'fr' }}>
        <TestStep
          state={props.state ?? base}
          rpcUrl={'rpcUrl' in props ? props.rpcUrl : 'http://127.0.0.1:8545'}
          watch={watching}
          rise={props.rise}
          onTestSent={() => undefined}
          onTestRise={() => undefined}
        />
      </I18nContext.Provider>,
      dom.root,
    );
  return { ...dom, focused, draw };
}

describe('guide: the question "is this rise your test?" closing unanswered', () => {
  for (const [why, change] of [
    ['the RPC endpoint changes in the options', { rpcUrl: 'http://127.0.0.1:9545' }],
    ['the RPC endpoint is removed', { rpcUrl: undefined }],
    ['the address changes', { state: { ...base, address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' } }],
  ] as const) {
    test(`${why}: the focus it had goes to the status line, which says why the question went and what to press`, async () => {
      const { $, focused, draw, document } = drawStep();
      draw({ rise });
      await settle();
      expect(focused).toEqual(['test-rise']);
      const live = $('test-sent-status');
      expect(live?.textContent).toBe('');
      // The guide starts a new read: the rise seen before no longer holds.
      draw({ ...change, rise: null });
      await settle();
      expect($('test-rise-question')).toBeNull();
      expect($('test-sent')).not.toBeNull();
      expect(focused).toEqual(['test-rise', 'test-sent-status']);
      expect(document.activeElement).toBe(live);
      expect(live?.getAttribute('role')).toBe('status');
      expect(live?.textContent).toBe(t('testRiseWithdrawn', t('testSentButton')));
    });
  }

  test('with the focus elsewhere the focus stays there; the line still says why the question went, until the next question', async () => {
    const { $, focused, draw, root } = drawStep();
    draw({ rise });
    await settle();
    const link = root.querySelector<HTMLElement>('a');
    link?.focus();
    draw({ rpcUrl: 'http://127.0.0.1:9545', rise: null });
    await settle();
    expect(focused).toEqual(['test-rise', '']);
    expect($('test-sent-status')?.textContent).toBe(t('testRiseWithdrawn', t('testSentButton')));
    draw({ rpcUrl: 'http://127.0.0.1:9545', rise });
    await settle();
    expect($('test-sent-status')?.textContent).toBe('');
    expect(focused.at(-1)).toBe('test-rise');
  });

  test('answered: the line says when the test was sent, not that the question went', async () => {
    const { $, focused, draw } = drawStep();
    draw({ rise });
    await settle();
    const sent = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: '0' };
    draw({ state: sent, rise: null });
    await settle();
    expect($('test-sent-status')?.textContent).not.toContain(t('testRiseWithdrawn', t('testSentButton')));
    expect($('test-sent-at')).not.toBeNull();
    expect(focused).toEqual(['test-rise']);
  });
});
