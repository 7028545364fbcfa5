import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { AddressBookStep } from './AddressBookStep';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('de'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const entry = (label: string, address: string): AddressBookEntry => ({ label, network: 'ethereum', address, addedAt: '2026-12-05T12:00:00Z' });

effectsOnNextTask();

function draw(root: HTMLElement, node: preact.ComponentChildren) {
  render(<I18nContext.Provider value={{ t, locale: 'de' }}>{node}</I18nContext.Provider>, root);
}

describe("the guide's address book step: focus and failed removals", () => {
  test('the address book keeps the focus: Save is never disabled under it, and Remove hands it to a neighbour', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    let book = [entry('Ledger', '0x2222222222222222222222222222222222222222'), entry('Trezor', '0x1111111111111111111111111111111111111111')];
    let resolveSave: () => void = () => undefined;
    // As the guide page saves: the book holding the address is drawn before the save's promise settles.
    const onSaveAddress = vi.fn(
      () =>
        new Promise<void>(
          (resolve) =>
            (resolveSave = () => {
              book = [...book, entry('Cold', ADDRESS)];
              redraw();
              resolve();
            }),
        ),
    );
    const redraw = () =>
      draw(
        root,
        <AddressBookStep
          state={base}
          book={book}
          onAction={() => undefined}
          onSaveAddress={onSaveAddress}
          onRemoveAddress={(gone) => {
            book = book.filter((held) => held !== gone);
            redraw();
            return Promise.resolve();
          }}
        />,
      );
    redraw();
    await settle();
    const save = $('book-save');
    const label = $('book-label') as HTMLInputElement;
    const labelHelp = () => root.querySelector(`[id="${label.getAttribute('aria-describedby')}"]`)?.textContent;
    // Nothing typed: the button is an ordinary button (not busy); a press says in words, tied to the field, what is missing, and keeps the focus there.
    expect(save?.hasAttribute('disabled')).toBe(false);
    expect(save?.getAttribute('aria-disabled')).toBe('false');
    root.querySelector('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(onSaveAddress).not.toHaveBeenCalled();
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(labelHelp()).toBe(t('bookLabelMissing'));
    expect(window.document.activeElement).toBe(label);

    label.value = 'Cold';
    label.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    expect(label.getAttribute('aria-invalid')).toBe('false');
    expect(labelHelp()).toBe(t('bookLabelHelp'));
    expect(save?.getAttribute('aria-disabled')).toBe('false');
    root.querySelector('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(save?.hasAttribute('disabled')).toBe(false);
    expect(save?.getAttribute('aria-disabled')).toBe('true');
    root.querySelector('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    expect(onSaveAddress).toHaveBeenCalledTimes(1);
    resolveSave();
    await settle();
    expect($('book-status')?.textContent).toBe(t('bookSaved'));
    // The same button, never taken out of the page under the focus while the book already held the address.
    expect($('book-save')).toBe(save);
    expect(save?.hasAttribute('disabled')).toBe(false);

    // Removing the first entry: focus to the Remove of the one that took its place; "saved" no longer stands,
    // and a polite live region, in the page before, says what went.
    const removed = $('book-removed');
    expect(removed?.getAttribute('role')).toBe('status');
    expect(removed?.textContent).toBe('');
    press('book-remove');
    await settle();
    expect(removed?.textContent).toBe(t('listRemoved', 'Ledger'));
    expect($('book-status')?.textContent).toBe('');
    expect(window.document.activeElement).toBe($('book-remove'));
    expect($('book-remove')?.textContent).toBe(t('bookRemove', 'Trezor'));
    press('book-remove');
    await settle();
    expect(removed?.textContent).toBe('Trezor entfernt.');
    expect($('book-remove')?.textContent).toBe(t('bookRemove', 'Cold'));
    // The last one: focus to the list's title, which stays.
    press('book-remove');
    await settle();
    expect($('book-empty')).not.toBeNull();
    expect((window.document.activeElement as HTMLElement | null)?.tagName).toBe('H3');
    expect($('book-removed')).toBe(removed);
    expect(removed?.textContent).toBe('Cold entfernt.');
    // Four moves in all: to the name field on the empty Save, then to each Remove's neighbour.
    expect(focused.length).toBe(4);
    render(null, root);
  });

  test('an address book entry whose removal failed stays; when it goes later for another reason, the focus stays and nothing is said', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    let book = [entry('Ledger', ADDRESS), entry('Trezor', '0x1111111111111111111111111111111111111111')];
    const redraw = () =>
      draw(
        root,
        <AddressBookStep state={base} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))} />,
      );
    redraw();
    await settle();
    press('book-remove');
    await settle();
    // Said where removals are said, and shown: the entry is still in the book.
    expect($('book-removed')?.textContent).toBe(t('bookRemoveFailed', 'Ledger'));
    expect($('book-removed')?.classList.contains('visually-hidden')).toBe(false);
    const before = focused.length;
    // The guide in another tab removes it: storage draws the book without it.
    book = book.slice(1);
    redraw();
    await settle();
    expect(root.querySelectorAll('[data-testid="book-entry"]').length).toBe(1);
    expect(focused.length).toBe(before);
    // The failure no longer holds, and the removal was not this press's doing: the region says nothing.
    expect($('book-removed')?.textContent).toBe('');
    render(null, root);
  });

  test("a removal the browser refuses: the entry stays shown and the page says so in the reader's language; a second failure is said again", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, $, press } = page();
    const book = [entry('Ledger', ADDRESS)];
    draw(
      root,
      <AddressBookStep state={base} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))} />,
    );
    await settle();
    const region = $('book-removed');
    press('book-remove');
    await settle();
    expect(root.querySelectorAll('[data-testid="book-entry"]').length).toBe(1);
    expect(region?.getAttribute('role')).toBe('status');
    expect(region?.textContent).toBe(t('bookRemoveFailed', 'Ledger'));
    const first = region?.firstChild;
    press('book-remove');
    await settle();
    expect($('book-removed')).toBe(region);
    expect(region?.textContent).toBe(t('bookRemoveFailed', 'Ledger'));
    // A new text node each time, so the same words are read out again.
    expect(region?.firstChild).not.toBe(first);
    expect(error).toHaveBeenCalledTimes(2);
    render(null, root);
  });
});
