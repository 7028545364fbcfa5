import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../../lib/holdings/model';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { GoalAndLimits } from './GoalAndLimits';
import { expectLabelsEndWith, NARROW_COLONS } from './narrow-labels.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const messagesOf = (locale: string) => localeMessages(locale);
const messages = messagesOf('en');

function page(locale = 'en') {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const onSave = vi.fn((_state: HoldingsState) => Promise.resolve());
  const draw = (state: HoldingsState, language = locale) =>
    render(
      <I18nContext.Provider value={{ t: translateFrom(messagesOf(language)), locale: language }}>
        <GoalAndLimits state={state} nameOf={(id) => id} onSave={onSave} />
      </I18nContext.Provider>,
      root,
    );
  const field = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  const type = (testId: string, text: string) => {
    field(testId).value = text;
    field(testId).dispatchEvent(new window.Event('input', { bubbles: true }));
  };
  const commit = (testId: string) => field(testId).dispatchEvent(new window.Event('change', { bubbles: true }));
  // Each step of a user, and each drawing from outside, is its own task in a browser: hooks' updates and effects run between them.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  // The sentence tied to a field: aria-invalid, and aria-describedby naming the element that says why.
  const refusal = (testId: string) => {
    if (field(testId).getAttribute('aria-invalid') !== 'true') return undefined;
    const id = field(testId).getAttribute('aria-describedby');
    return id === null ? undefined : root.querySelector(`[id="${id}"]`)?.textContent;
  };
  return { draw, field, type, commit, settle, onSave, refusal, root };
}

afterEach(() => vi.unstubAllGlobals());

describe('GoalAndLimits', () => {
  // Prices and balances arrive while the user types: the holdings state is drawn again from storage, with no goal yet.
  test('a goal being typed survives the state drawn again from outside, and is saved when committed', async () => {
    const { draw, field, type, commit, settle, onSave } = page();
    draw(emptyHoldingsState);
    await settle();
    type('holdings-goal', '80');
    await settle();
    draw({ ...emptyHoldingsState });
    await settle();
    expect(field('holdings-goal').value).toBe('80');
    commit('holdings-goal');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].goal).toEqual({ selfShareTarget: 0.8 });
  });

  test('a cap being typed survives the same, and the stored value shows once saved', async () => {
    const { draw, field, type, commit, settle, onSave } = page();
    draw(emptyHoldingsState);
    await settle();
    type('limit-cap-default', '5000');
    await settle();
    draw({ ...emptyHoldingsState });
    await settle();
    expect(field('limit-cap-default').value).toBe('5000');
    commit('limit-cap-default');
    const saved = onSave.mock.calls[0]![0];
    expect(saved.limits.default.cap).toBe(5000);
    draw(saved);
    await settle();
    // Saved values show the way the language writes them.
    expect(field('limit-cap-default').value).toBe('5,000');
  });

  test('a share out of range is refused in plain words tied to the field and nothing is saved; the typed text stays for the user to mend', async () => {
    const { draw, field, type, commit, settle, onSave, refusal } = page();
    draw(emptyHoldingsState);
    await settle();
    type('limit-share-default', '140');
    await settle();
    commit('limit-share-default');
    expect(onSave).not.toHaveBeenCalled();
    await settle();
    expect(refusal('limit-share-default')).toBe(translateFrom(messages)('holdingsInvalidShare'));
    draw({ ...emptyHoldingsState });
    await settle();
    expect(field('limit-share-default').value).toBe('140');
    type('limit-share-default', '40');
    await settle();
    expect(refusal('limit-share-default')).toBeUndefined();
  });

  const capped: HoldingsState = { ...emptyHoldingsState, limits: { ...emptyHoldingsState.limits, default: { cap: 1000 } } };

  test('German: a cap written with a decimal comma is saved as written, and shown the German way', async () => {
    const { draw, field, type, commit, settle, onSave } = page('de');
    draw(capped);
    await settle();
    expect(field('limit-cap-default').value).toBe('1.000');
    type('limit-cap-default', '2,5');
    commit('limit-cap-default');
    expect(onSave.mock.calls[0]![0].limits.default.cap).toBe(2.5);
  });

  test("on a narrow screen each cell's column name is followed by the colon of the reader's language", () => {
    for (const [locale, colon] of NARROW_COLONS) {
      const { draw, root } = page(locale);
      draw({ ...emptyHoldingsState, holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'BTC', amount: 1, updatedAt: 0 }] });
      expectLabelsEndWith(root, locale, colon);
    }
  });

  for (const [locale, texts] of [
    ['en', ['2,5', '1e400', '1.2.3', 'Infinity']],
    ['de', ['2.5', '1e400', '1,2,3', 'NaN']],
  ] as const) {
    test(`${locale}: text that is no number in the language is refused tied to the field, and the saved cap stays`, async () => {
      const { draw, type, commit, settle, onSave, refusal } = page(locale);
      for (const text of texts) {
        draw(capped);
        await settle();
        type('limit-cap-default', text);
        commit('limit-cap-default');
        await settle();
        expect(onSave).not.toHaveBeenCalled();
        expect(refusal('limit-cap-default')).toBe(translateFrom(messagesOf(locale))('holdingsUnreadableNumber', locale === 'de' ? '1.234,5' : '1,234.5'));
      }
    });
  }

  test('only an emptied field clears the saved cap', async () => {
    const { draw, type, commit, settle, onSave } = page();
    draw(capped);
    await settle();
    type('limit-cap-default', '');
    commit('limit-cap-default');
    expect(onSave.mock.calls[0]![0].limits.default).toEqual({});
  });

  test('a negative cap is refused tied to the field', async () => {
    const { draw, type, commit, settle, onSave, refusal } = page('de');
    draw(capped);
    await settle();
    type('limit-cap-default', '-5');
    commit('limit-cap-default');
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    expect(refusal('limit-cap-default')).toBe(translateFrom(messagesOf('de'))('holdingsInvalidAmount'));
  });
});

describe('a refusal belongs to the typed text it refuses', () => {
  test('when the stored value changes, the typed text and its refusal go together: no stale error beside the stored value', async () => {
    const { draw, field, type, commit, settle, refusal, root } = page();
    draw(emptyHoldingsState);
    type('holdings-goal', '150');
    commit('holdings-goal');
    await settle();
    expect(refusal('holdings-goal')).toBe(translateFrom(messages)('holdingsInvalidShare'));
    draw({ ...emptyHoldingsState, goal: { selfShareTarget: 0.16 } });
    await settle();
    expect(field('holdings-goal').value).toBe('16');
    expect(field('holdings-goal').getAttribute('aria-invalid')).not.toBe('true');
    expect(root.querySelector('[data-testid="holdings-goal-error"]')).toBeNull();
  });

  test('a refusal shown follows a newly chosen language, example included', async () => {
    const { draw, type, commit, settle, refusal } = page();
    draw(emptyHoldingsState);
    type('holdings-goal', '1.2.3');
    commit('holdings-goal');
    await settle();
    expect(refusal('holdings-goal')).toBe(translateFrom(messages)('holdingsUnreadableNumber', '1,234.5'));
    draw(emptyHoldingsState, 'de');
    await settle();
    expect(refusal('holdings-goal')).toBe(translateFrom(messagesOf('de'))('holdingsUnreadableNumber', '1.234,5'));
  });

  test('the goal field is named by its label alone; the refusal only describes it', async () => {
    const { draw, field, type, commit, settle, refusal, root } = page();
    draw(emptyHoldingsState);
    type('holdings-goal', '150');
    commit('holdings-goal');
    await settle();
    const label = root.querySelector(`label[for="${field('holdings-goal').id}"]`);
    expect(field('holdings-goal').id).not.toBe('');
    expect(label?.textContent).toBe(translateFrom(messages)('holdingsGoal'));
    expect(field('holdings-goal').closest('label')).toBeNull();
    expect(refusal('holdings-goal')).toBe(translateFrom(messages)('holdingsInvalidShare'));
  });
});
