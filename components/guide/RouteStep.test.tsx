import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { createGuideState, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { RouteStep } from './RouteStep';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('en'));
const exchanges = [{ id: 'binance', name: 'Binance' }];

effectsOnNextTask();

describe('route step', () => {
  test("in Chinese the exchanges' names for a network are an aside in full-width parentheses, with no space before", () => {
    const { root, $ } = page();
    const chinese = translateFrom(localeMessages('zh_CN'));
    const state: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), exchangeId: 'binance', network: 'ethereum' };
    render(
      <I18nContext.Provider value={{ t: chinese, locale: 'zh-CN' }}>
        <RouteStep state={state} exchanges={exchanges} onAction={() => undefined} />
      </I18nContext.Provider>,
      root,
    );
    expect($('route-network-names')?.textContent).toMatch(/^Ethereum\uff08[^\uff09]+\uff09$/);
    render(null, root);
  });

  test('a network chosen before the step has finished drawing is kept, and the route is saved once the coin is typed', async () => {
    const { window, root, $ } = page();
    const actions: GuideAction[] = [];
    const state: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), exchangeId: 'binance' };
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <RouteStep state={state} exchanges={exchanges} onAction={(action) => actions.push(action)} />
      </I18nContext.Provider>,
      root,
    );
    // The user (or a fast test) picks the network in the same task as the draw, before its effects run.
    const network = $('route-network') as HTMLSelectElement;
    // linkedom's select has no value setter: choose the option itself.
    for (const option of network.querySelectorAll('option')) option.toggleAttribute('selected', option.value === 'ethereum');
    network.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    const asset = $('route-asset') as HTMLInputElement;
    asset.value = 'ETH';
    asset.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    expect(actions).toEqual([{ type: 'set-route', exchangeId: 'binance', network: 'ethereum', asset: 'ETH' }]);
    render(null, root);
  });
});
