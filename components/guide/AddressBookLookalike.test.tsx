import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { LookalikeRefused } from '../../utils/lookalike-refused';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { AddressBookStep } from './AddressBookStep';
import { localeMessages } from '../../utils/locale-files.testkit';

// The address book step while a look-alike of the guide's address comes and goes on another page: what it says and where the focus is.

const en = translateFrom(localeMessages('en'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
// The same first and last four characters of the body, another middle.
const copy: AddressBookEntry = { label: 'Copy', network: 'ethereum', address: `0x8ba1${'7'.repeat(32)}ba72`, addedAt: '2026-12-05T12:00:00Z' };

effectsOnNextTask();

function drawStep(root: HTMLElement, book: readonly AddressBookEntry[], state: GuideState = base, onSaveAddress: (label: string) => Promise<void> = () => Promise.resolve()) {
  render(
    <I18nContext.Provider value={{ t: en, locale: 'en' }}>
      <AddressBookStep state={state} book={book} onAction={() => undefined} onSaveAddress={onSaveAddress} onRemoveAddress={() => Promise.resolve()} />
    </I18nContext.Provider>,
    root,
  );
}

describe('the address book step and a look-alike saved on another page', () => {
  test('the alert that takes the focus has a name of its own; when the look-alike goes, the status region says why the form is back', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    drawStep(root, []);
    await settle();
    $('book-label')?.focus();
    drawStep(root, [copy]);
    await settle();
    const alert = $('book-lookalike');
    expect(window.document.activeElement).toBe(alert);
    expect(alert?.getAttribute('aria-label')).toBe(en('poisoningDangerTitle'));
    drawStep(root, []);
    await settle();
    expect(window.document.activeElement).toBe($('book-label'));
    expect($('book-status')?.textContent).toBe(en('bookLookalikeGone'));
    render(null, root);
  });

  test('skipped before the look-alike came: "skipped" is not said under the alert, and is again once it goes', async () => {
    const { root, $ } = page();
    const skipped: GuideState = { ...base, addressBook: 'skipped' };
    drawStep(root, [], skipped);
    await settle();
    expect($('book-status')?.textContent).toBe(en('bookSkipped'));
    drawStep(root, [copy], skipped);
    await settle();
    expect($('poisoning-alert')).not.toBeNull();
    expect($('book-status')?.textContent).toBe('');
    render(null, root);
  });

  test('a save the book refused as a look-alike (saved in another tab a moment before): it says so in plain words', async () => {
    const { window, root, $ } = page();
    drawStep(root, [], base, () => Promise.reject(new LookalikeRefused()));
    await settle();
    const label = $('book-label') as HTMLInputElement;
    label.value = 'Ledger';
    label.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    ($('book-save') as HTMLElement).closest('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    await settle();
    expect($('book-status')?.textContent).toBe(en('bookSaveLookalike'));
    render(null, root);
  });

  test('refused, then the look-alike goes, then Skip: the refusal is not said again, and "Skipped" is', async () => {
    const { window, root, $, press } = page();
    const refuse = () => Promise.reject(new LookalikeRefused());
    drawStep(root, [], base, refuse);
    await settle();
    const label = $('book-label') as HTMLInputElement;
    label.value = 'Ledger';
    label.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    ($('book-save') as HTMLElement).closest('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    await settle();
    expect($('book-status')?.textContent).toBe(en('bookSaveLookalike'));
    drawStep(root, [copy], base, refuse);
    await settle();
    drawStep(root, [], base, refuse);
    await settle();
    expect($('book-status')?.textContent).toBe(en('bookLookalikeGone'));
    press('book-skip');
    drawStep(root, [], { ...base, addressBook: 'skipped' }, refuse);
    await settle();
    expect($('book-status')?.textContent).toBe(en('bookSkipped'));
    render(null, root);
  });
});
