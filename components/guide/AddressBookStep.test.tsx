import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { focusAfterRemovedElsewhere } from '../focus-after-remove.testkit';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { AddressBookStep } from './AddressBookStep';
import { Guide } from './Guide';
import { quietGuide } from './guide.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const de = translateFrom(localeMessages('de'));
const en = translateFrom(localeMessages('en'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const entry = (label: string, address: string): AddressBookEntry => ({ label, network: 'ethereum', address, addedAt: '2026-12-05T12:00:00Z' });

effectsOnNextTask();

describe('the address book: what its live region says', () => {
  test('a removal that failed, then worked when tried again: "removed" is a new text, not the failure edited in place', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, $, press } = page();
    let book = [entry('Ledger', ADDRESS)];
    let fails = true;
    const redraw = () =>
      render(
        <I18nContext.Provider value={{ t: de, locale: 'de' }}>
          <AddressBookStep state={base} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={onRemoveAddress} />
        </I18nContext.Provider>,
        root,
      );
    const onRemoveAddress = (removed: AddressBookEntry) => {
      if (fails) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      book = book.filter((kept) => kept !== removed);
      redraw();
      return Promise.resolve();
    };
    redraw();
    await settle();
    const region = $('book-removed');
    press('book-remove');
    await settle();
    expect(region?.textContent).toBe(de('bookRemoveFailed', 'Ledger'));
    const failure = region?.firstChild;
    fails = false;
    press('book-remove');
    await settle();
    expect($('book-empty')).not.toBeNull();
    expect(region?.textContent).toBe(de('listRemoved', 'Ledger'));
    expect(region?.firstChild).not.toBe(failure);
    render(null, root);
  });

  test('the page language changes while a removal, or a failed one, is said: the words change with it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, $, press } = page();
    let book = [entry('Ledger', ADDRESS), entry('Trezor', '0x1111111111111111111111111111111111111111')];
    let fails = true;
    let language = { t: de, locale: 'de' };
    const redraw = () =>
      render(
        <I18nContext.Provider value={language}>
          <AddressBookStep state={base} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={onRemoveAddress} />
        </I18nContext.Provider>,
        root,
      );
    const onRemoveAddress = (removed: AddressBookEntry) => {
      if (fails) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      book = book.filter((kept) => kept !== removed);
      redraw();
      return Promise.resolve();
    };
    redraw();
    await settle();
    press('book-remove');
    await settle();
    expect($('book-removed')?.textContent).toBe(de('bookRemoveFailed', 'Ledger'));
    language = { t: en, locale: 'en' };
    redraw();
    await settle();
    expect($('book-removed')?.textContent).toBe(en('bookRemoveFailed', 'Ledger'));
    fails = false;
    press('book-remove');
    await settle();
    expect($('book-removed')?.textContent).toBe(en('listRemoved', 'Ledger'));
    language = { t: de, locale: 'de' };
    redraw();
    await settle();
    expect($('book-removed')?.textContent).toBe(de('listRemoved', 'Ledger'));
    render(null, root);
  });
});

describe('the address book: an entry removed on another page', () => {
  test('while its Remove has the focus: the focus goes to the list heading, not the page', async () => {
    const { window, root } = page();
    recordFocus(window);
    const draw = (book: AddressBookEntry[]) =>
      render(
        <I18nContext.Provider value={{ t: de, locale: 'de' }}>
          <AddressBookStep state={base} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={() => Promise.resolve()} />
        </I18nContext.Provider>,
        root,
      );
    const trezor = entry('Trezor', '0x1111111111111111111111111111111111111111');
    draw([entry('Ledger', ADDRESS), trezor]);
    await settle();
    const removes = () => root.querySelectorAll('[data-testid="book-remove"]');
    const heading = `h3: ${de('bookListTitle')}`;
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => draw([trezor]))).toBe(heading);
    // The last one: the list itself leaves with it.
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => draw([]))).toBe(heading);
    render(null, root);
  });
});

describe('the address book step for an address the book already holds', () => {
  const drawGuide = (root: HTMLElement, book: readonly AddressBookEntry[], state: GuideState = base) =>
    render(
      <I18nContext.Provider value={{ t: en, locale: 'en' }}>
        <Guide {...quietGuide(state)} book={book} />
      </I18nContext.Provider>,
      root,
    );

  test('saved for this network: it says so with the saved name, asks nothing, and the step is done', async () => {
    const { root, $, press } = page();
    drawGuide(root, [entry('Ledger', ADDRESS)]);
    await settle();
    press('goto-address-book');
    await settle();
    expect($('book-known')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    expect($('book-save')).toBeNull();
    expect($('book-skip')).toBeNull();
    expect($('book-label')).toBeNull();
    // Not said twice: the address step's "your saved address" line is this note here.
    expect($('known-address')).toBeNull();
    expect($('step-todo')).toBeNull();
    expect($('goto-address-book')?.textContent).toContain(en('guideStepDone'));
    // Skipped in this guide, then saved on another page: not called "not saved" beside the note that it is.
    drawGuide(root, [entry('Ledger', ADDRESS)], { ...base, addressBook: 'skipped' });
    await settle();
    expect($('book-known')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    expect($('book-status')?.textContent).toBe('');
    // Taken out of the book (here or on another page): the choice is back, and the step is to do.
    drawGuide(root, []);
    await settle();
    expect($('book-known')).toBeNull();
    expect($('book-save')).not.toBeNull();
    expect($('book-skip')).not.toBeNull();
    expect($('goto-address-book')?.textContent).toContain(en('guideStepTodo'));
    render(null, root);
  });

  test('saved for this network, with a look-alike of it in the book too: the loud alert stays, beside the note', async () => {
    const { root, $, press } = page();
    // The same first and last four characters of the body, another middle.
    const lookalike = `0x8ba1${'7'.repeat(32)}ba72`;
    drawGuide(root, [entry('Ledger', ADDRESS), entry('Copy', lookalike)]);
    await settle();
    press('goto-address-book');
    await settle();
    expect($('poisoning-alert')?.textContent).toBe(en('poisoningKnownWithLookalike', ['Ledger', 'Copy']));
    expect($('book-known')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    render(null, root);
  });

  test('saved for another network only: it says where it is saved, does not call it saved here, and keeps the choice', async () => {
    const { root, $, press } = page();
    drawGuide(root, [entry('Ledger', ADDRESS)], { ...base, network: 'arbitrum' });
    await settle();
    press('goto-address-book');
    await settle();
    expect($('book-known')).toBeNull();
    expect($('known-address')).toBeNull();
    expect($('book-elsewhere')?.textContent).toBe(en('bookSavedOtherNetwork', ['Ledger', 'Ethereum', 'Arbitrum One']));
    expect($('book-save')).not.toBeNull();
    expect($('book-skip')).not.toBeNull();
    expect($('goto-address-book')?.textContent).toContain(en('guideStepTodo'));
    render(null, root);
  });
});

describe('the address book step when another page changes the book under the focus', () => {
  const drawStep = (root: HTMLElement, book: readonly AddressBookEntry[], state: GuideState = base) =>
    render(
      <I18nContext.Provider value={{ t: en, locale: 'en' }}>
        <AddressBookStep state={state} book={book} onAction={() => undefined} onSaveAddress={() => Promise.resolve()} onRemoveAddress={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );

  test('the address saved elsewhere while the focus is in the form: the note takes the focus, and the change is said', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    drawStep(root, []);
    await settle();
    $('book-label')?.focus();
    drawStep(root, [entry('Ledger', ADDRESS)]);
    await settle();
    const note = $('book-known');
    expect(window.document.activeElement).toBe(note);
    // Focusable, out of the tab order (linkedom keeps the case Preact writes the attribute in).
    expect(note?.getAttribute('tabindex') ?? note?.getAttribute('tabIndex')).toBe('-1');
    expect($('book-status')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    // Taken out again while the note has the focus: the form is back and its name field takes the focus.
    drawStep(root, []);
    await settle();
    expect(window.document.activeElement).toBe($('book-label'));
    expect($('book-status')?.textContent).toBe('');
    render(null, root);
  });

  test('skipped, with the focus on Skip, then saved elsewhere: the note takes the focus, and "skipped" gives way to "saved"', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    const skipped: GuideState = { ...base, addressBook: 'skipped' };
    drawStep(root, [], skipped);
    await settle();
    $('book-skip')?.focus();
    expect($('book-status')?.textContent).toBe(en('bookSkipped'));
    drawStep(root, [entry('Ledger', ADDRESS)], skipped);
    await settle();
    expect(window.document.activeElement).toBe($('book-known'));
    expect($('book-status')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    render(null, root);
  });

  test('a look-alike of the address saved on another page while the focus is in the form: the alert comes, Save and Skip go, the focus goes to the alert', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    // The same first and last four characters of the body, another middle.
    const copy = entry('Copy', `0x8ba1${'7'.repeat(32)}ba72`);
    drawStep(root, []);
    await settle();
    expect($('poisoning-alert')).toBeNull();
    $('book-label')?.focus();
    drawStep(root, [copy]);
    await settle();
    expect($('poisoning-alert')?.textContent).toContain(en('poisoningDangerTitle'));
    expect($('book-save')).toBeNull();
    expect($('book-skip')).toBeNull();
    expect($('book-label')).toBeNull();
    expect(window.document.activeElement).toBe($('book-lookalike'));
    // The look-alike taken out again: the choice is back, and the name field takes the focus.
    drawStep(root, []);
    await settle();
    expect($('poisoning-alert')).toBeNull();
    expect($('book-save')).not.toBeNull();
    expect(window.document.activeElement).toBe($('book-label'));
    render(null, root);
  });

  test('saved elsewhere while the focus is outside the form: the focus stays, the change is still said; held from the start it is not', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    const trezor = entry('Trezor', '0x1111111111111111111111111111111111111111');
    drawStep(root, [trezor]);
    await settle();
    const remove = $('book-remove');
    remove?.focus();
    drawStep(root, [trezor, entry('Ledger', ADDRESS)]);
    await settle();
    expect(window.document.activeElement).toBe(remove);
    expect($('book-status')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    render(null, root);
    // Drawn with the note: it is the step's content, read with it, not news.
    drawStep(root, [entry('Ledger', ADDRESS)]);
    await settle();
    expect($('book-known')).not.toBeNull();
    expect($('book-status')?.textContent).toBe('');
    render(null, root);
  });
});

describe('the address book step reads the book as the network spells addresses', () => {
  const drawStep = (root: HTMLElement, book: readonly AddressBookEntry[], state: GuideState) =>
    render(
      <I18nContext.Provider value={{ t: en, locale: 'en' }}>
        <Guide {...quietGuide(state)} book={book} />
      </I18nContext.Provider>,
      root,
    );

  test('an EVM address pasted in lower case, saved checksummed: saved, and the step is done', async () => {
    const { root, $, press } = page();
    drawStep(root, [entry('Ledger', ADDRESS)], { ...base, address: ADDRESS.toLowerCase() });
    await settle();
    press('goto-address-book');
    await settle();
    expect($('book-known')?.textContent).toBe(en('bookAlreadySaved', 'Ledger'));
    expect($('goto-address-book')?.textContent).toContain(en('guideStepDone'));
    render(null, root);
  });

  test('a Solana address whose saved entry differs only in case: another account, not saved, and the step is to do', async () => {
    const { root, $, press } = page();
    const solana: GuideState = { ...base, network: 'solana', asset: 'SOL', address: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA' };
    const variant: AddressBookEntry = { label: 'Phantom', network: 'solana', address: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623vQ5DA', addedAt: '2026-12-05T12:00:00Z' };
    drawStep(root, [variant], solana);
    await settle();
    press('goto-address-book');
    await settle();
    expect($('book-known')).toBeNull();
    // A look-alike of the saved one: the loud alert, and nothing offered to save.
    expect($('poisoning-alert')?.textContent).toContain(en('poisoningDangerTitle'));
    expect($('book-save')).toBeNull();
    expect($('goto-address-book')?.textContent).toContain(en('guideStepTodo'));
    render(null, root);
  });
});
