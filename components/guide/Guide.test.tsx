import { render, type ComponentProps } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { Guide } from './Guide';
import { quietGuide } from './guide.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (id: string) => translateFrom(localeMessages(id));
const t = words('de');

effectsOnNextTask();

const BINANCE = [{ id: 'binance', name: 'Binance' }];

/** The guide at `state`, with no network, no address book and nothing under way. */
function guideWith({
  state,
  drops = 0,
  exchanges = [],
  onAction = () => undefined,
  i18n = { t, locale: 'de' },
}: { state: GuideState; i18n?: { t: typeof t; locale: string } } & Partial<Pick<ComponentProps<typeof Guide>, 'drops' | 'exchanges' | 'onAction'>>) {
  return (
    <I18nContext.Provider value={i18n}>
      <Guide {...quietGuide(state)} exchanges={exchanges} drops={drops} onAction={onAction} />
    </I18nContext.Provider>
  );
}

describe('Guide start over', () => {
  test("asks in the page, in the reader's language, never through window.confirm; starting over puts focus on the first step", async () => {
    const { window, root, $, press } = page();
    // window.confirm draws its buttons in the browser's language, and a browser may suppress it.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('window', Object.assign(window, { confirm }));
    const focused = recordFocus(window);
    const onAction = vi.fn();
    render(guideWith({ state: createGuideState(new Date('2026-08-10T12:00:00Z')), onAction }), root);
    await settle();

    press('guide-reset-button');
    await settle();
    expect(root.querySelector('[role="group"] p')?.textContent).toBe(t('guideStartOverConfirm'));
    expect($('guide-reset-confirm')?.textContent).toBe(t('guideStartOverConfirmButton'));
    expect($('guide-reset-cancel')?.textContent).toBe(t('holdingsCancel'));
    press('guide-reset-cancel');
    await settle();
    expect(onAction).not.toHaveBeenCalled();
    expect(focused).toEqual(['guide-reset-cancel', 'guide-reset-button']);

    press('guide-reset-button');
    await settle();
    press('guide-reset-confirm');
    await settle();
    expect(onAction.mock.calls).toEqual([[{ type: 'reset' }]]);
    expect(root.querySelector('[role="group"]')).toBeNull();
    // The guide is back at its first step, and so is the focus: on that step's heading.
    expect($('step-route')).not.toBeNull();
    expect(focused).toEqual(['guide-reset-cancel', 'guide-reset-button', 'guide-reset-cancel', 'step-title']);
    expect(confirm).not.toHaveBeenCalled();
    render(null, root);
  });
});

describe('Guide after the page drops its memory ("Delete everything")', () => {
  test('the step forms lose what was typed, as at start over, and the guide is back at its first step', async () => {
    const { window, root, $ } = page();
    const started: GuideState = { ...createGuideState(new Date('2026-12-06T12:00:00Z')), exchangeId: 'binance' };
    render(guideWith({ state: started, exchanges: BINANCE }), root);
    await settle();
    const asset = $('route-asset') as HTMLInputElement;
    asset.value = 'ETH';
    asset.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    expect(($('route-asset') as HTMLInputElement).value).toBe('ETH');
    render(guideWith({ state: started, exchanges: BINANCE, drops: 1 }), root);
    await settle();
    expect($('step-route')).not.toBeNull();
    expect(($('route-asset') as HTMLInputElement).value).toBe('');
    render(null, root);
  });
});

describe('Guide progress', () => {
  test('counts the steps done in the plural form the language takes for that number: French "0 étape", not "0 étapes"', async () => {
    const { root, $ } = page();
    render(guideWith({ state: createGuideState(new Date('2026-12-06T12:00:00Z')), i18n: { t: words('fr'), locale: 'fr' } }), root);
    await settle();
    expect($('progress-text')?.textContent).toBe('0 étape sur 6 terminée');
    render(null, root);
  });
});
