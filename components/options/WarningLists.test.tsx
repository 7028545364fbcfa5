import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import type { SubscriptionFailure, WarningSubscription } from '../../lib/community/subscription';
import { subscriptionLine, warningListFailureText } from '../../lib/words/warning-list-words';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { focusAfterRemovedElsewhere } from '../focus-after-remove.testkit';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import type { AccessAnswer } from '../../utils/permissions';
import { WarningLists } from './WarningLists';
import type { SubscriptionRow } from '../Options';
import { SIGNER, setupLists as setup, t } from './warning-lists.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

effectsOnNextTask();

describe('warning list form', () => {
  test('checks in the page language, not with browser bubbles: each field gets its sentence and is marked', async () => {
    const onSubscribe = vi.fn(() => Promise.resolve({ ok: true as const }));
    const { root, $, focused, type, submit } = setup(onSubscribe);
    await settle();
    const form = root.querySelector('form') as HTMLFormElement;
    expect(form.outerHTML).toMatch(/^<form[^>]* novalidate/i);
    expect(root.querySelector('[required]')).toBeNull();

    submit();
    await settle();
    expect(onSubscribe).not.toHaveBeenCalled();
    expect($('list-url-error')?.textContent).toBe(t('listsUrlMissing'));
    expect($('list-signer-error')?.textContent).toBe(t('listsSignerMissing'));
    expect($('list-url')?.getAttribute('aria-invalid')).toBe('true');
    expect($('list-url')?.getAttribute('aria-describedby')).toBe('list-url-error');
    expect($('list-signer')?.getAttribute('aria-describedby')).toBe('list-signer-error');
    expect(focused).toEqual(['list-url']);

    type('list-url', 'keine adresse');
    type('list-signer', '0x123');
    await settle();
    expect($('list-url')?.getAttribute('aria-invalid')).toBe('false');
    submit();
    await settle();
    expect($('list-url-error')?.textContent).toBe(t('listsSubscribeNotAUrl'));
    expect($('list-signer-error')?.textContent).toBe(t('listsSubscribeSignerNotAddress'));

    type('list-url', 'https://lists.example.org/x.json');
    await settle();
    submit();
    await settle();
    expect($('list-url-error')).toBeNull();
    expect($('list-url')?.getAttribute('aria-invalid')).toBe('false');
    expect(focused).toEqual(['list-url', 'list-url', 'list-signer']);
    type('list-signer', SIGNER);
    await settle();
    submit();
    await settle();
    expect(onSubscribe.mock.calls).toEqual([['https://lists.example.org/x.json', SIGNER]]);
    expect(root.querySelector('[aria-invalid="true"]')).toBeNull();
    render(null, root);
  });

  test('while a list is fetched the Subscribe button keeps the focus (aria-disabled) and ignores presses', async () => {
    let finish: (value: { ok: false; reason: string }) => void = () => undefined;
    const onSubscribe = vi.fn(() => new Promise<{ ok: false; reason: string }>((resolve) => (finish = resolve)));
    const { root, $, type, submit } = setup(onSubscribe);
    type('list-url', 'https://lists.example.org/x.json');
    type('list-signer', SIGNER);
    await settle();
    submit();
    await settle();
    const button = $('list-add');
    // Its own word: the list is fetched and its signature checked, nothing else is refreshed.
    expect(button?.textContent).toBe(t('listsChecking'));
    expect(button?.hasAttribute('disabled')).toBe(false);
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    submit();
    expect(onSubscribe).toHaveBeenCalledTimes(1);
    finish({ ok: false, reason: 'Die Liste konnte nicht abgerufen werden.' });
    await settle();
    expect(button?.getAttribute('aria-disabled')).toBe('false');
    expect(button?.textContent).toBe(t('listsAdd'));
    expect($('list-error')?.textContent).toBe('Die Liste konnte nicht abgerufen werden.');
    render(null, root);
  });
});

describe('warning lists the background could not read', () => {
  const row = { url: 'https://lists.example.org/x.json', expectedSigner: SIGNER, health: 'ok' as const, message: 'Geprüft.' };
  const draw = (subscriptions: (typeof row)[] | undefined) => {
    const dom = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists
          subscriptions={subscriptions}
          failed
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={() => undefined}
          onAllowAccess={() => Promise.resolve('granted' as const)}
        />
      </I18nContext.Provider>,
      dom.root,
    );
    return dom;
  };

  test('the lists shown before stay, and the section says they could not be read now', async () => {
    const { root, $ } = draw([row]);
    await settle();
    expect($('lists-failed')?.textContent).toBe(t('listsLoadFailed'));
    expect($('lists-failed')?.getAttribute('role')).toBe('alert');
    expect([...root.querySelectorAll('[data-testid="subscription"]')].map((item) => item.querySelector('.subscription__url')?.textContent)).toEqual([row.url]);
    render(null, root);
  });

  test('never read at all: the failure is said, never "no lists yet"', async () => {
    const { root, $ } = draw(undefined);
    await settle();
    expect($('lists-failed')?.textContent).toBe(t('listsLoadFailed'));
    expect(root.textContent).not.toContain(t('listsEmpty'));
    render(null, root);
  });
});

describe('a subscription whose latest check failed', () => {
  const WHERE = 'entries[3].host: must be a hostname';
  const WHY = 'Could not establish connection. Receiving end does not exist.';
  const failing = (failure: SubscriptionFailure) => {
    const state: WarningSubscription = {
      url: 'https://lists.example.org/x.json',
      expectedSigner: SIGNER,
      lastCheck: '2026-12-05T10:00:00Z',
      lastError: { code: failure.code, failure, at: '2026-12-05T10:00:00Z' },
    };
    return { url: state.url, expectedSigner: SIGNER, health: 'failing' as const, message: subscriptionLine({ state, now: new Date('2026-12-05T12:00:00Z'), locale: 'de' }, t) };
  };

  test("says a malformed or unchecked list in the reader's words only: the English field path or browser error stays off the page", async () => {
    for (const [failure, detail] of [
      [{ code: 'malformed', problem: 'shape', where: WHERE }, WHERE],
      [{ code: 'unchecked', why: WHY }, WHY],
    ] as const) {
      const dom = page();
      render(
        <I18nContext.Provider value={{ t, locale: 'de' }}>
          <WarningLists
            subscriptions={[failing(failure)]}
            onSubscribe={() => Promise.resolve({ ok: true })}
            onUnsubscribe={() => undefined}
            onAllowAccess={() => Promise.resolve('granted' as const)}
          />
        </I18nContext.Provider>,
        dom.root,
      );
      await settle();
      const item = dom.$('subscription');
      expect(item?.querySelector('.subscription__state')?.textContent).toContain(warningListFailureText(failure, t, 'de'));
      expect(item?.textContent).not.toContain(detail);
      expect(item?.querySelector('[lang="en"]')).toBeNull();
      render(null, dom.root);
    }
  });

  test('the row says the refusal in its line, from the line alone: the options page takes no refusal field, which nothing would show', async () => {
    const row: SubscriptionRow = {
      ...failing({ code: 'bad-signature' }),
      // @ts-expect-error the line already says the refusal in the reader's words; its codes and English detail stay in the background
      lastFailure: { code: 'bad-signature' },
    };
    const dom = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists subscriptions={[row]} onSubscribe={() => Promise.resolve({ ok: true })} onUnsubscribe={() => undefined} onAllowAccess={() => Promise.resolve('granted' as const)} />
      </I18nContext.Provider>,
      dom.root,
    );
    await settle();
    expect(dom.$('subscription')?.querySelector('.subscription__state')?.textContent).toContain(t('listsFailBadSignature'));
    render(null, dom.root);
  });

  test('a refusal that carries no technical text is said the same way', async () => {
    const dom = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists
          subscriptions={[failing({ code: 'bad-signature' })]}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={() => undefined}
          onAllowAccess={() => Promise.resolve('granted' as const)}
        />
      </I18nContext.Provider>,
      dom.root,
    );
    await settle();
    expect(dom.$('subscription')?.textContent).toContain(t('listsFailBadSignature'));
    expect(dom.$('subscription-detail')).toBeNull();
    render(null, dom.root);
  });
});

describe('unsubscribing', () => {
  const rows = [
    { url: 'https://lists.example.org/a.json', expectedSigner: SIGNER, health: 'ok' as const, message: 'Geprüft.', listName: 'Liste A' },
    { url: 'https://other.example.net/b.json', expectedSigner: SIGNER, health: 'never-checked' as const, message: 'Noch nicht geprüft.' },
  ];

  /** The lists drawn as the options page does: a removed list leaves the rows once `onUnsubscribe` is asked. */
  function Removable({ t: words, locale, onUnsubscribe }: { t: typeof t; locale: string; onUnsubscribe: (url: string) => Promise<void> }) {
    const [shown, setShown] = useState(rows);
    return (
      <I18nContext.Provider value={{ t: words, locale }}>
        <WarningLists
          subscriptions={shown}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onAllowAccess={() => Promise.resolve('granted' as const)}
          onUnsubscribe={(url) => {
            setShown((before) => before.filter((row) => row.url !== url));
            return onUnsubscribe(url);
          }}
        />
      </I18nContext.Provider>
    );
  }

  test('each button names its list; after a removal the focus stays on a button, then the sentence in the list’s place, and the removal is said', async () => {
    const dom = page();
    const focused = recordFocus(dom.window);
    const onUnsubscribe = vi.fn((_url: string) => Promise.resolve());
    render(<Removable t={t} locale="de" onUnsubscribe={onUnsubscribe} />, dom.root);
    await settle();
    const buttons = () => [...dom.root.querySelectorAll('[data-testid="subscription"] button')] as HTMLButtonElement[];
    expect(buttons().map((button) => [button.textContent, button.getAttribute('aria-label')])).toEqual([
      [t('listsRemove'), t('listsRemoveLabel', ['Liste A', 'lists.example.org'])],
      [t('listsRemove'), t('listsRemoveLabelHost', 'other.example.net')],
    ]);
    expect(dom.$('lists-removed')?.getAttribute('role')).toBe('status');
    buttons()[0]?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(onUnsubscribe).toHaveBeenCalledWith(rows[0]?.url);
    expect(dom.$('lists-removed')?.textContent).toBe(t('listRemoved', 'Liste A (lists.example.org)'));
    expect(focused.at(-1)).toBe('');
    expect(dom.window.document.activeElement).toBe(buttons()[0]);
    buttons()[0]?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(dom.$('lists-removed')?.textContent).toBe(t('listRemoved', 'other.example.net'));
    expect(focused.at(-1)).toBe('lists-empty');
    render(null, dom.root);
  });

  test('a list unsubscribed on another options page while the focus is in its row: the focus goes to the section heading, not the page', async () => {
    const dom = page();
    recordFocus(dom.window);
    const draw = (subscriptions: SubscriptionRow[]) =>
      render(
        <I18nContext.Provider value={{ t, locale: 'de' }}>
          <WarningLists subscriptions={subscriptions} onSubscribe={() => Promise.resolve({ ok: true })} onAllowAccess={() => Promise.resolve('granted' as const)} onUnsubscribe={() => undefined} />
        </I18nContext.Provider>,
        dom.root,
      );
    const unchecked = { ...rows[1]!, needsAccess: 'other.example.net' };
    draw([rows[0]!, unchecked]);
    await settle();
    // The row's other control, not its Remove: the focus was inside the row all the same.
    expect(await focusAfterRemovedElsewhere(dom.window, dom.$('list-allow'), () => draw([rows[0]!]))).toBe('lists-title');
    const remove = dom.root.querySelector('[data-testid="subscription"] [data-remove]');
    expect(await focusAfterRemovedElsewhere(dom.window, remove, () => draw([]))).toBe('lists-title');
    render(null, dom.root);
  });

  test('in Chinese a removed list is said with its host in full-width parentheses, with no space before', async () => {
    const dom = page();
    const chinese = translateFrom(localeMessages('zh_CN'));
    render(<Removable t={chinese} locale="zh-CN" onUnsubscribe={() => Promise.resolve()} />, dom.root);
    await vi.waitFor(() => expect(dom.root.querySelector('[data-testid="subscription"] button')).not.toBeNull());
    dom.root.querySelector('[data-testid="subscription"] button')?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await vi.waitFor(() => expect(dom.$('lists-removed')?.textContent).toBe(chinese('listRemoved', 'Liste A\uff08lists.example.org\uff09')));
    render(null, dom.root);
  });

  test('a removal that failed keeps the list and says so, shown beside it', async () => {
    const dom = page();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists
          subscriptions={[rows[0]!]}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={() => Promise.reject(new Error('no answer'))}
          onAllowAccess={() => Promise.resolve('granted' as const)}
        />
      </I18nContext.Provider>,
      dom.root,
    );
    await settle();
    dom.root.querySelector<HTMLButtonElement>('[data-testid="subscription"] button')?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(dom.$('lists-removed')?.textContent).toBe(t('listsRemoveFailed', 'Liste A (lists.example.org)'));
    expect(dom.$('subscription')).not.toBeNull();
    render(null, dom.root);
  });
});

describe('a subscription Reserve Radar may not read', () => {
  test('offers to allow its host; a refusal is said beside it', async () => {
    const dom = page();
    const onAllowAccess = vi.fn((_url: string) => Promise.resolve('declined' as const));
    const row = { url: 'https://lists.example.org/a.json', expectedSigner: SIGNER, health: 'failing' as const, message: 'Nicht geprüft.', needsAccess: 'lists.example.org' };
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists subscriptions={[row]} onSubscribe={() => Promise.resolve({ ok: true })} onUnsubscribe={() => undefined} onAllowAccess={onAllowAccess} />
      </I18nContext.Provider>,
      dom.root,
    );
    await settle();
    const allow = dom.$('list-allow');
    expect(allow?.textContent).toBe(t('listsAllowAccess', 'lists.example.org'));
    allow?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(onAllowAccess).toHaveBeenCalledWith(row.url);
    expect(dom.$('list-allow-declined')?.textContent).toBe(t('listsAllowDeclined', 'lists.example.org'));
    expect(dom.$('list-allow-declined')?.getAttribute('role')).toBe('alert');
    render(null, dom.root);
  });
});

describe('subscriptions Reserve Radar may not read, at the top of the section', () => {
  const row = (name: string, needsAccess?: string) => ({
    url: `https://${name}/a.json`,
    expectedSigner: SIGNER,
    health: needsAccess === undefined ? ('ok' as const) : ('failing' as const),
    message: '…',
    ...(needsAccess === undefined ? {} : { needsAccess }),
  });
  const draw = (subscriptions: ReturnType<typeof row>[], onAllowAccess: (url: string) => Promise<AccessAnswer> = () => Promise.resolve('granted')) => {
    const dom = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists subscriptions={subscriptions} onSubscribe={() => Promise.resolve({ ok: true })} onUnsubscribe={() => undefined} onAllowAccess={onAllowAccess} />
      </I18nContext.Provider>,
      dom.root,
    );
    return dom;
  };

  test('how many are not checked is said once, above the lists; one in its own words; none, nothing', async () => {
    let dom = draw([row('a.example', 'a.example'), row('b.example', 'b.example'), row('c.example')]);
    await settle();
    const notice = dom.$('lists-not-checked');
    expect(notice?.textContent).toBe(t('listsNotChecked', '2'));
    // Before the first list: where the reader of the section meets it first.
    // 4: DOCUMENT_POSITION_FOLLOWING.
    expect((notice?.compareDocumentPosition(dom.$('subscription') as Node) ?? 0) & 4).toBe(4);
    render(null, dom.root);
    dom = draw([row('a.example', 'a.example'), row('c.example')]);
    await settle();
    expect(dom.$('lists-not-checked')?.textContent).toBe(t('listsNotCheckedOne', '1'));
    render(null, dom.root);
    dom = draw([row('c.example')]);
    await settle();
    expect(dom.$('lists-not-checked')).toBeNull();
    render(null, dom.root);
  });

  test("the browser failing to ask is said apart from the user's refusal", async () => {
    const dom = draw([row('a.example', 'a.example')], () => Promise.resolve('failed' as const));
    await settle();
    dom.$('list-allow')?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(dom.$('list-allow-declined')?.textContent).toBe(t('listsAllowAskFailed', 'a.example'));
    render(null, dom.root);
  });

  test('a pattern the browser rejects is said without asking to try again, which would fail the same way', async () => {
    const dom = draw([row('a.example', 'a.example')], () => Promise.resolve('rejected' as const));
    await settle();
    dom.$('list-allow')?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    await settle();
    expect(dom.$('list-allow-declined')?.textContent).toBe(t('listsAllowAskRejected', 'a.example'));
    render(null, dom.root);
  });
});
