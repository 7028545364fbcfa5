import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../../lib/holdings/model';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { GoalAndLimits } from './GoalAndLimits';

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;

function page() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const onSave = vi.fn((_state: HoldingsState) => Promise.resolve());
  const onInvalid = vi.fn();
  const draw = (state: HoldingsState) =>
    render(
      <I18nContext.Provider value={{ t: translateFrom(messages), locale: 'en' }}>
        <GoalAndLimits state={state} nameOf={(id) => id} onSave={onSave} onInvalid={onInvalid} />
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
  return { draw, field, type, commit, settle, onSave, onInvalid };
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
    expect(field('limit-cap-default').value).toBe('5000');
  });

  test('a share out of range is refused in plain words and nothing is saved; the typed text stays for the user to mend', async () => {
    const { draw, field, type, commit, settle, onSave, onInvalid } = page();
    draw(emptyHoldingsState);
    await settle();
    type('limit-share-default', '140');
    await settle();
    commit('limit-share-default');
    expect(onSave).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledWith(translateFrom(messages)('holdingsInvalidShare'));
    draw({ ...emptyHoldingsState });
    await settle();
    expect(field('limit-share-default').value).toBe('140');
  });
});
