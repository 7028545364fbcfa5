import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { Guide } from './Guide';
import { quietGuide } from './guide.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

// The test and arrival steps while the guide's address has a look-alike in the address book: the alert says which address is in
// doubt, nothing asks to send to it, there is a way back to the address step, and the keyboard focus is never dropped.

const en = translateFrom(localeMessages('en'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const state: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), exchangeId: 'binance', network: 'ethereum', asset: 'ETH', address: ADDRESS };
// The same first and last four characters of the body, another middle.
const copy: AddressBookEntry = { label: 'Copy', network: 'ethereum', address: `0x8ba1${'7'.repeat(32)}ba72`, addedAt: '2026-12-05T12:00:00Z' };

effectsOnNextTask();

function draw(root: HTMLElement, book: readonly AddressBookEntry[]) {
  render(
    <I18nContext.Provider value={{ t: en, locale: 'en' }}>
      <Guide {...quietGuide(state)} book={book} />
    </I18nContext.Provider>,
    root,
  );
}

describe('the test and arrival steps under the look-alike alert', () => {
  for (const step of ['test-transaction', 'arrival'] as const) {
    test(`${step}: the guide's address is shown by the alert, no to-do asks to send to it, and a button goes back to the address step`, async () => {
      const { root, $, press } = page();
      draw(root, []);
      await settle();
      press(`goto-${step}`);
      await settle();
      expect($('step-todo')).not.toBeNull();
      draw(root, [copy]);
      await settle();
      expect($('poisoning-alert')).not.toBeNull();
      expect($('suspect-address')?.getAttribute('data-address')).toBe(ADDRESS);
      expect($('guide-suspect')?.textContent).toContain(en('guideSuspectAddress'));
      expect($('step-todo')).toBeNull();
      press('suspect-goto-address');
      await settle();
      expect($('step-address')).not.toBeNull();
      render(null, root);
    });
  }

  test('the focus goes to the alert when it replaces the step, and to the step heading when the step comes back', async () => {
    const { window, root, $, press } = page();
    recordFocus(window);
    draw(root, []);
    await settle();
    press('goto-test-transaction');
    await settle();
    $('test-sent')?.focus();
    expect(window.document.activeElement).toBe($('test-sent'));
    draw(root, [copy]);
    await settle();
    expect(window.document.activeElement).toBe($('guide-suspect'));
    draw(root, []);
    await settle();
    expect(window.document.activeElement?.id).toBe('step-title');
    render(null, root);
  });
});
