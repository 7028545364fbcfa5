import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import { applyGuideAction, createGuideState, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { AddressBookStep } from './AddressBookStep';
import { ArrivalStep } from './ArrivalStep';
import type { BalanceWatch } from './Guide';
import { watchPhase } from './shared';
import { TestStep } from './TestStep';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages);
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const watching: BalanceWatch = { status: 'watching', balance: '1234.5', increase: null, blockNumber: '7', checkedAt: '2026-12-05T12:01:00Z', errorCode: null };
const entry = (label: string, address: string): AddressBookEntry => ({ label, network: 'ethereum', address, addedAt: '2026-12-05T12:00:00Z' });

effectsOnNextTask();

function draw(root: HTMLElement, node: preact.ComponentChildren) {
  render(<I18nContext.Provider value={{ t, locale: 'de' }}>{node}</I18nContext.Provider>, root);
}

describe('guide steps', () => {
  test('amounts read from the chain are written the German way, every digit kept', async () => {
    const { root, $ } = page();
    draw(
      root,
      <TestStep state={base} rpcUrl="http://127.0.0.1:8545" watch={{ ...watching, balance: '1234.000000000000000001' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('balance-before')?.textContent).toBe('Guthaben vor dem Test: 1.234,000000000000000001 ETH.');

    const sent = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: '0' };
    draw(
      root,
      <ArrivalStep book={[]} state={sent} rpcUrl="http://127.0.0.1:8545" watch={watching} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />,
    );
    await settle();
    expect($('arrival-watch')?.textContent).toMatch(/^Warten auf den Test\. Aktuelles Guthaben 1\.234,5 ETH/);

    draw(
      root,
      <ArrivalStep
        book={[]}
        state={{ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }}
        rpcUrl="http://127.0.0.1:8545"
        watch={{ ...watching, status: 'arrived', increase: '1234.5' }}
        onAction={() => undefined}
        onOpenOptions={() => undefined}
        skipped={[]}
        onGoToStep={() => undefined}
      />,
    );
    await settle();
    expect($('test-arrived')?.textContent).toMatch(/^Der Test ist angekommen: \+1\.234,5 ETH, erkannt am /);
    render(null, root);
  });

  test('"I sent the test" hands focus to a live line that was in the page before it filled', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    let state = base;
    const redraw = () => draw(root, <TestStep state={state} rpcUrl="http://127.0.0.1:8545" watch={watching} rise={null} onTestSent={onTestSent} onTestRise={() => undefined} />);
    const onTestSent = vi.fn(() => {
      state = { ...state, testSentAt: '2026-12-05T12:02:00Z' };
      redraw();
    });
    redraw();
    await settle();
    const live = $('test-sent-status');
    expect(live?.getAttribute('role')).toBe('status');
    expect(live?.textContent).toBe('');
    press('test-sent');
    await settle();
    expect(onTestSent).toHaveBeenCalledTimes(1);
    expect($('test-sent-status')).toBe(live);
    expect(live?.textContent).toMatch(/\S/);
    expect(focused).toEqual(['test-sent-status']);
    expect(window.document.activeElement).toBe(live);
    render(null, root);
  });

  test('each claim on the arrival step is answered once: the focus goes to the line that says so, never to the next claim button', async () => {
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    const off: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };
    let state: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z' };
    const onAction = vi.fn((action: GuideAction) => {
      state = applyGuideAction(state, action);
      redraw();
    });
    const redraw = () =>
      draw(root, <ArrivalStep book={[]} state={state} rpcUrl={undefined} watch={off} onAction={onAction} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />);
    // Enter on whatever holds the focus, as a keyboard does: it activates a button and nothing else.
    const enter = () => {
      const target = window.document.activeElement as HTMLElement | null;
      if (target?.tagName === 'BUTTON') target.dispatchEvent(new window.Event('click', { bubbles: true }));
    };
    const focusedLine = () => {
      const active = window.document.activeElement as HTMLElement;
      return { testId: active.getAttribute('data-testid'), tag: active.tagName, tabindex: active.getAttribute('tabindex'), role: active.getAttribute('role') };
    };
    redraw();
    await settle();

    $('test-arrived-manual')?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'test-arrived', tag: 'P', tabindex: '-1', role: 'status' });
    enter();
    await settle();
    expect(state.withdrawalSentAt).toBeNull();

    const sent = $('withdrawal-sent');
    sent?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'rest-sent-status', tag: 'P', tabindex: '-1', role: 'status' });
    // The pressed button is gone, not reused for the next claim.
    expect(sent?.isConnected).toBe(false);
    expect($('rest-sent-status')?.textContent).toMatch(/\S/);
    enter();
    await settle();
    expect(state.arrivalConfirmedAt).toBeNull();
    expect($('guide-done')).toBeNull();
    expect($('arrival-confirmed')).not.toBeNull();

    $('arrival-confirmed')?.focus();
    enter();
    await settle();
    expect(focusedLine()).toEqual({ testId: 'guide-done', tag: 'P', tabindex: '-1', role: 'status' });
    expect(onAction.mock.calls.map(([action]) => action.type)).toEqual(['test-arrived', 'withdrawal-sent', 'arrival-confirmed']);
    expect(focused).toEqual(['test-arrived-manual', 'test-arrived', 'withdrawal-sent', 'rest-sent-status', 'arrival-confirmed', 'guide-done']);
    render(null, root);
  });

  test('the watch seeing the test moves the focus to the line that says so only when the focused button went away', async () => {
    const { window, root, $ } = page();
    recordFocus(window);
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: '0' };
    const arrivedWatch: BalanceWatch = { ...watching, status: 'arrived', increase: '0.01' };
    const drawAt = (state: GuideState, watch: BalanceWatch) =>
      draw(
        root,
        <>
          <button type="button" data-testid="elsewhere">
            x
          </button>
          <ArrivalStep book={[]} state={state} rpcUrl="http://127.0.0.1:8545" watch={watch} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />
        </>,
      );
    drawAt(sent, watching);
    await settle();
    $('test-arrived-manual')?.focus();
    drawAt({ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }, arrivedWatch);
    await settle();
    expect(window.document.activeElement?.getAttribute('data-testid')).toBe('test-arrived');

    render(null, root);
    drawAt(sent, watching);
    await settle();
    $('elsewhere')?.focus();
    drawAt({ ...sent, testArrivedAt: '2026-12-05T12:03:00Z' }, arrivedWatch);
    await settle();
    expect(window.document.activeElement?.getAttribute('data-testid')).toBe('elsewhere');
    render(null, root);
  });

  test('the test step names a watch that cannot read, before the test is sent', async () => {
    const { root, $ } = page();
    const rpcUrl = 'http://127.0.0.1:8545';
    draw(
      root,
      <TestStep state={base} rpcUrl={rpcUrl} watch={{ ...watching, status: 'error', balance: null, errorCode: 'wrong-chain' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('test-watch-error')?.textContent).toBe(t('arrivalErrorWrongChain'));
    expect($('balance-before')).toBeNull();
    expect($('test-watch')?.getAttribute('aria-live')).toBe('polite');
    draw(
      root,
      <TestStep state={base} rpcUrl={rpcUrl} watch={{ ...watching, status: 'error', balance: null, errorCode: 'bad-token' }} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />,
    );
    await settle();
    expect($('test-watch-error')?.textContent).toBe(t('arrivalErrorToken'));
    render(null, root);
  });

  test('with no balance read before the test, both steps say the guide cannot tell, and the arrival step watches nothing', async () => {
    const { root, $ } = page();
    const rpcUrl = 'http://127.0.0.1:8545';
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z', testBaseline: null };
    const noBaseline = t('arrivalNoBaseline', t('arrivalTestArrivedButton'));
    draw(root, <TestStep state={sent} rpcUrl={rpcUrl} watch={watching} rise={null} onTestSent={() => undefined} onTestRise={() => undefined} />);
    await settle();
    // The arrival step's button is not on the test step: the sentence there points to the next step instead of naming it.
    expect($('test-sent-status')?.textContent).toContain(t('testNoBaseline'));
    expect($('test-sent-status')?.textContent).not.toContain(t('arrivalTestArrivedButton'));
    draw(root, <ArrivalStep book={[]} state={sent} rpcUrl={rpcUrl} watch={watching} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />);
    await settle();
    expect($('arrival-no-baseline')?.textContent).toBe(noBaseline);
    expect($('arrival-watch')).toBeNull();
    expect($('test-arrived-manual')).not.toBeNull();
    // With a balance from before the test it watches, and says nothing of the kind.
    draw(
      root,
      <ArrivalStep
        book={[]}
        state={{ ...sent, testBaseline: '0' }}
        rpcUrl={rpcUrl}
        watch={watching}
        onAction={() => undefined}
        onOpenOptions={() => undefined}
        skipped={[]}
        onGoToStep={() => undefined}
      />,
    );
    await settle();
    expect($('arrival-no-baseline')).toBeNull();
    expect($('arrival-watch')).not.toBeNull();
    render(null, root);
  });

  test('what the watch does at each point of the guide', () => {
    const rpcUrl = 'http://127.0.0.1:8545';
    const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z' };
    expect(watchPhase(base, undefined)).toBe('off');
    expect(watchPhase({ ...base, asset: 'SHIB' }, rpcUrl)).toBe('off');
    expect(watchPhase(base, rpcUrl)).toBe('before-test');
    expect(watchPhase({ ...base, asset: 'USDC' }, rpcUrl)).toBe('before-test');
    expect(watchPhase({ ...sent, testBaseline: '0' }, rpcUrl)).toBe('after-test');
    // No balance from before the test: a later read may hold the test already, so none is taken for the baseline.
    expect(watchPhase({ ...sent, testBaseline: null }, rpcUrl)).toBe('no-baseline');
    expect(watchPhase({ ...sent, testBaseline: null, testArrivedAt: '2026-12-05T12:03:00Z' }, rpcUrl)).toBe('arrived');
    // Without an endpoint the guide never watched; it says so elsewhere (arrival-manual).
    expect(watchPhase({ ...sent, testBaseline: null }, undefined)).toBe('off');
  });

  test('the explorer link reads right in English whatever the network is called', async () => {
    const english = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages);
    const { root, $ } = page();
    const off: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };
    const texts: string[] = [];
    for (const network of ['ethereum', 'arbitrum', 'bsc'] as const) {
      render(
        <I18nContext.Provider value={{ t: english, locale: 'en' }}>
          <ArrivalStep book={[]} state={{ ...base, network }} rpcUrl={undefined} watch={off} onAction={() => undefined} onOpenOptions={() => undefined} skipped={[]} onGoToStep={() => undefined} />
        </I18nContext.Provider>,
        root,
      );
      await settle();
      texts.push($('explorer-link')?.textContent ?? '');
    }
    expect(texts[0]).toBe('See this address in a block explorer for Ethereum');
    // No "a Ethereum", "a Arbitrum One": the name never follows an article.
    for (const text of texts) expect(text).not.toMatch(/\ban? [A-Z]/);
    render(null, root);
  });

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
