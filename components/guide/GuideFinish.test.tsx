import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { describe, expect, test } from 'vitest';
import { createGuideState, seedChecklistIds, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { Guide } from './Guide';
import { quietGuide } from './guide.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

// The end of the guide tells the truth about the steps before it: "Done" only when every safety step was done,
// otherwise the skipped steps by name with a way back to each; "saved" only for an address the user saved.

const messages = localeMessages('en');
const t = translateFrom(messages as unknown as Messages);
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';

effectsOnNextTask();

/** ETH on Ethereum to ADDRESS, checked on the device, test sent and arrived: the route, address and test steps done. */
const atRest: GuideState = {
  ...createGuideState(new Date('2026-12-05T12:00:00Z')),
  network: 'ethereum',
  asset: 'ETH',
  address: ADDRESS,
  addressVerifiedOnDevice: true,
  testSentAt: '2026-12-05T12:02:00Z',
  testArrivedAt: '2026-12-05T12:03:00Z',
};
const finished: GuideState = { ...atRest, withdrawalSentAt: '2026-12-05T12:04:00Z', arrivalConfirmedAt: '2026-12-05T12:05:00Z' };
const walletDone: Partial<GuideState> = { walletKind: 'hardware', seedChecklist: [...seedChecklistIds] };
const entry: AddressBookEntry = { label: 'Ledger', network: 'ethereum', address: ADDRESS, addedAt: '2026-12-05T12:01:00Z' };

/** The guide with the book held as the guide page holds it: Remove takes the entry out of the book and nothing else. */
function GuideWithBook({ state, initialBook }: { state: GuideState; initialBook: readonly AddressBookEntry[] }) {
  const [book, setBook] = useState(initialBook);
  return guideAt(state, book, (gone) => {
    setBook((held) => held.filter((kept) => kept !== gone));
    return Promise.resolve();
  });
}

function guideAt(state: GuideState, book: readonly AddressBookEntry[] = [], onRemoveAddress = (_entry: AddressBookEntry) => Promise.resolve()) {
  return (
    <I18nContext.Provider value={{ t, locale: 'en' }}>
      <Guide {...quietGuide(state)} book={book} onRemoveAddress={onRemoveAddress} />
    </I18nContext.Provider>
  );
}

const done = (date: string) => messages.arrivalDone!.message.replace('$1', date);

describe('the end of the guide', () => {
  test('with safety steps skipped it names them, leads back to each, and does not say "Done"', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    render(guideAt(finished), root);
    await settle();
    press('goto-arrival');
    await settle();
    expect($('progress-text')?.textContent).toBe('4 of 6 steps done');
    const finish = $('guide-done')?.textContent ?? '';
    expect(finish).not.toMatch(/^Done/);
    expect(finish).not.toContain(messages.arrivalDone!.message.split(' (')[0]);
    const skipped = [...root.querySelectorAll('[data-testid^="skipped-"]')];
    expect(skipped.map((button) => [button.tagName, button.getAttribute('data-testid'), button.textContent])).toEqual([
      ['BUTTON', 'skipped-wallet', messages.guideStepWallet!.message],
      ['BUTTON', 'skipped-address-book', messages.guideStepAddressBook!.message],
    ]);
    press('skipped-address-book');
    await settle();
    expect($('step-address-book')).not.toBeNull();
    expect(focused.at(-1)).toBe('step-title');
    render(null, root);
  });

  test('with every step done it says "Done", and names nothing as skipped', async () => {
    const { root, $, press } = page();
    render(guideAt({ ...finished, ...walletDone, addressBook: 'saved' }, [entry]), root);
    await settle();
    press('goto-arrival');
    await settle();
    expect($('progress-text')?.textContent).toBe('6 of 6 steps done');
    expect($('guide-done')?.textContent).toMatch(new RegExp(`^${done('.+').replace(/[().]/g, (c) => (c === '.' ? '.' : `\\${c}`))}$`));
    expect(root.querySelectorAll('[data-testid^="skipped-"]').length).toBe(0);
    render(null, root);
  });

  test('the address is called "saved" while the book holds it for this network, saved in this guide or before; otherwise not', async () => {
    const { root, $, press } = page();
    for (const addressBook of ['pending', 'skipped', 'saved'] as const) {
      for (const [book, saved] of [
        [[entry], true],
        [[], false],
        [[{ ...entry, network: 'base' as const }], false],
      ] as const) {
        const named = `${addressBook}, ${book.map((held) => held.network).join() || 'empty book'}`;
        render(guideAt({ ...atRest, ...walletDone, addressBook }, book), root);
        await settle();
        press('goto-arrival');
        await settle();
        const body = $('rest-body')?.textContent ?? '';
        expect(body, named).toBe(saved ? messages.arrivalRestBody!.message : messages.arrivalRestBodyUnsaved?.message);
        expect(/saved/.test(body), named).toBe(saved);
        render(null, root);
      }
    }
  });

  test('an address book the user chose to skip counts as done: "Done", nothing named as skipped, the unsaved wording', async () => {
    const { root, $, press } = page();
    render(guideAt({ ...finished, ...walletDone, addressBook: 'skipped' }), root);
    await settle();
    press('goto-arrival');
    await settle();
    expect($('progress-text')?.textContent).toBe('6 of 6 steps done');
    expect($('guide-done')?.textContent).toMatch(/^Done/);
    expect($('guide-done')?.getAttribute('data-skipped')).toBeNull();
    expect(root.querySelectorAll('[data-testid^="skipped-"]').length).toBe(0);
    expect($('rest-body')?.textContent).toBe(messages.arrivalRestBodyUnsaved!.message);
    render(null, root);
  });

  test('an address saved and then removed from the book is not called "saved" at the finish', async () => {
    const { root, $, press } = page();
    render(<GuideWithBook state={{ ...finished, ...walletDone, addressBook: 'saved' }} initialBook={[entry]} />, root);
    await settle();
    press('goto-arrival');
    await settle();
    expect($('rest-body')?.textContent).toBe(messages.arrivalRestBody!.message);
    press('goto-address-book');
    await settle();
    press('book-remove');
    await settle();
    expect($('book-entry')).toBeNull();
    press('goto-arrival');
    await settle();
    expect($('rest-body')?.textContent).toBe(messages.arrivalRestBodyUnsaved!.message);
    render(null, root);
  });

  test('an address saved and then removed from the book leaves the address book step to do, in the progress and at the finish', async () => {
    const { root, $, press } = page();
    render(<GuideWithBook state={{ ...finished, ...walletDone, addressBook: 'saved' }} initialBook={[entry]} />, root);
    await settle();
    expect($('progress-text')?.textContent).toBe('6 of 6 steps done');
    expect($('goto-address-book')?.textContent).toContain(messages.guideStepDone!.message);
    press('goto-address-book');
    await settle();
    press('book-remove');
    await settle();
    expect($('progress-text')?.textContent).toBe('5 of 6 steps done');
    expect($('goto-address-book')?.textContent).toContain(messages.guideStepTodo!.message);
    expect($('goto-address-book')?.closest('li')?.classList.contains('is-done')).toBe(false);
    expect($('step-todo')?.textContent).toContain(messages.problemAddressBook!.message);
    press('goto-arrival');
    await settle();
    expect($('guide-done')?.getAttribute('data-skipped')).toBe('true');
    expect([...root.querySelectorAll('[data-testid^="skipped-"]')].map((button) => button.getAttribute('data-testid'))).toEqual(['skipped-address-book']);
    render(null, root);
  });
});
