import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { applyGuideAction, createGuideState, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { AddressStep } from './AddressStep';
import { localeMessages } from '../../utils/locale-files.testkit';

/**
 * The address step while the book changes on another page (another guide tab, the options page's import): the address it keeps
 * for the rest of the guide is judged against the book as it is now, not as it was when the address was typed.
 */

const en = translateFrom(localeMessages('en'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
// The same first and last four characters of the body, another middle.
const copy: AddressBookEntry = { label: 'Copy', network: 'ethereum', address: `0x8ba1${'7'.repeat(32)}ba72`, addedAt: '2026-12-05T12:00:00Z' };
const idle = { status: 'idle', name: '', address: null, errorCode: null } as const;

effectsOnNextTask();

/** The step with the guide's state held as the guide page holds it (a state hook, drawn again after each action). */
function guideAt(root: HTMLElement, start: GuideState) {
  let latest = start;
  function Host({ book }: { book: readonly AddressBookEntry[] }) {
    const [state, setState] = useState(start);
    latest = state;
    return (
      <AddressStep
        state={state}
        book={book}
        rpcUrl={undefined}
        ens={idle}
        onAction={(action: GuideAction) => setState((now) => applyGuideAction(now, action))}
        onResolveEns={() => undefined}
        onOpenOptions={() => undefined}
      />
    );
  }
  return {
    state: () => latest,
    setBook: (book: readonly AddressBookEntry[]) =>
      render(
        <I18nContext.Provider value={{ t: en, locale: 'en' }}>
          <Host book={book} />
        </I18nContext.Provider>,
        root,
      ),
  };
}

describe('the address step follows the book changed on another page', () => {
  test('the address kept, then a look-alike of it saved elsewhere: the alert comes, and the address and its check are kept for when the look-alike goes', async () => {
    const { root, $ } = page();
    const guide = guideAt(root, { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS, addressVerifiedOnDevice: true });
    guide.setBook([]);
    await settle();
    expect(guide.state().address).toBe(ADDRESS);
    guide.setBook([copy]);
    await settle();
    expect($('poisoning-alert')?.textContent).toContain(en('poisoningDangerTitle'));
    // Blocked by the step's check (validateStep), not wiped: the rest of the guide is kept for when the look-alike goes.
    expect(guide.state().address).toBe(ADDRESS);
    expect(guide.state().addressVerifiedOnDevice).toBe(true);
    // What the user typed stays in the field, with the alert under it.
    expect(($('address-input') as HTMLInputElement | null)?.value).toBe(ADDRESS);
    render(null, root);
  });

  test('refused as a look-alike when typed, then the saved entry it copied removed elsewhere: the address is kept now', async () => {
    const { window, root, $ } = page();
    const guide = guideAt(root, { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH' });
    guide.setBook([copy]);
    await settle();
    const input = $('address-input') as HTMLInputElement;
    input.value = ADDRESS;
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    expect($('poisoning-alert')).not.toBeNull();
    expect(guide.state().address).toBeNull();
    guide.setBook([]);
    await settle();
    expect($('poisoning-alert')).toBeNull();
    expect(guide.state().address).toBe(ADDRESS);
    render(null, root);
  });
});
