import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../../lib/holdings/model';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { WatchedAddresses } from './WatchedAddresses';
import { localeMessages } from '../../utils/locale-files.testkit';

const messages = localeMessages('de');

describe('WatchedAddresses', () => {
  test('in Chinese a label is an aside in full-width parentheses, with no space before', () => {
    const { root } = page();
    const state: HoldingsState = { ...emptyHoldingsState, addresses: [{ id: 'c', address: `0x${'3'.repeat(40)}`, chainIds: [1], label: 'Cold' }] };
    render(
      <I18nContext.Provider value={{ t: translateFrom(localeMessages('zh_CN')), locale: 'zh-CN' }}>
        <WatchedAddresses state={state} readings={null} onSave={() => Promise.resolve(true)} />
      </I18nContext.Provider>,
      root,
    );
    expect(root.querySelector('[data-testid="watched-addresses"] li')?.textContent).toContain(`0x${'3'.repeat(40)}\uff08Cold\uff09`);
  });

  effectsOnNextTask();

  test('removing an address moves the focus to the next Remove, then the previous one, then the empty list, and says what went', async () => {
    const { window, root } = page();
    const focused = recordFocus(window);
    let state: HoldingsState = {
      ...emptyHoldingsState,
      addresses: ['a', 'b', 'c'].map((id, i) => ({ id, address: `0x${String(i + 1).repeat(40)}`, chainIds: [1], ...(id === 'c' ? { label: 'Cold' } : {}) })),
    };
    const draw = () =>
      render(
        <I18nContext.Provider value={{ t: translateFrom(messages), locale: 'de' }}>
          <WatchedAddresses
            state={state}
            readings={null}
            onSave={(next) => {
              state = next;
              draw();
              return Promise.resolve(true);
            }}
          />
        </I18nContext.Provider>,
        root,
      );
    draw();
    const remove = (index: number) => root.querySelectorAll('[data-remove]')[index]!.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    const status = root.querySelector('[data-testid="addresses-removed"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toBe('');
    remove(1);
    await settle();
    expect(focused.at(-1)).toBe('address-remove-c');
    expect(status?.textContent).toBe(translateFrom(messages)('listRemoved', `0x${'2'.repeat(40)}`));
    // A named address is said by its name.
    remove(1);
    await settle();
    expect(focused.at(-1)).toBe('address-remove-a');
    expect(status?.textContent).toBe('Cold entfernt.');
    remove(0);
    await settle();
    expect(state.addresses).toEqual([]);
    expect(focused.at(-1)).toBe('addresses-empty');
    expect(root.querySelector('[data-testid="addresses-removed"]')).toBe(status);
  });

  test('an address whose removal was not saved stays; when it goes later for another reason, the focus stays and nothing is said', async () => {
    const { window, root } = page();
    const focused = recordFocus(window);
    let state: HoldingsState = { ...emptyHoldingsState, addresses: ['a', 'b'].map((id, i) => ({ id, address: `0x${String(i + 1).repeat(40)}`, chainIds: [1] })) };
    const draw = () =>
      render(
        <I18nContext.Provider value={{ t: translateFrom(messages), locale: 'de' }}>
          <WatchedAddresses state={state} readings={null} onSave={() => Promise.resolve(false)} />
        </I18nContext.Provider>,
        root,
      );
    draw();
    await settle();
    root.querySelectorAll('[data-remove]')[0]!.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    const before = focused.length;
    // Another page removes it: storage draws the list without it.
    state = { ...state, addresses: state.addresses.slice(1) };
    draw();
    await settle();
    expect(root.querySelectorAll('[data-remove]').length).toBe(1);
    expect(focused.length).toBe(before);
    expect(root.querySelector('[data-testid="addresses-removed"]')?.textContent).toBe('');
  });
});
