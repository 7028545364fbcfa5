import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import type { SubscribeResult } from '../Options';
import { WarningLists } from './WarningLists';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages);
const SIGNER = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';

effectsOnNextTask();

/** The subscribe form with the lists section around it, in German, answering with `onSubscribe`. */
function setup(onSubscribe: (url: string, signer: string, replaces?: string) => Promise<SubscribeResult>) {
  const dom = page();
  const focused = recordFocus(dom.window);
  render(
    <I18nContext.Provider value={{ t, locale: 'de' }}>
      <WarningLists subscriptions={[]} onSubscribe={onSubscribe} onUnsubscribe={() => undefined} onAllowAccess={() => Promise.resolve('granted' as const)} />
    </I18nContext.Provider>,
    dom.root,
  );
  const type = (testId: string, value: string) => {
    const input = dom.$(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  };
  const submit = () => dom.root.querySelector('form')?.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true }));
  return { ...dom, focused, type, submit };
}

describe("a list held at the URL with another maintainer address (the maintainer's key changed)", () => {
  const NEW = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
  const URL = 'https://lists.example.org/x.json';
  const change = { url: URL, current: SIGNER, next: NEW };

  test('says in plain words what replacing it means, and replaces it only at the confirm click, which asks for nothing else first', async () => {
    const onSubscribe = vi.fn(
      (_url: string, _signer: string, replaces?: string): Promise<SubscribeResult> => Promise.resolve(replaces === undefined ? { ok: false, confirmSignerChange: change } : { ok: true }),
    );
    const { root, $, focused, type, submit } = setup(onSubscribe);
    type('list-url', URL);
    type('list-signer', NEW);
    await settle();
    submit();
    await settle();
    const asked = $('list-signer-change');
    expect(asked?.textContent).toContain(t('listsSignerChangeTitle'));
    const question = root.querySelector('#list-signer-change-question');
    expect(question?.textContent).toBe(`${t('listsSignerChangeBody', ['lists.example.org', SIGNER, NEW])} ${t('listsSignerChangeWarning')}`);
    expect(question?.parentElement?.getAttribute('role')).toBe('group');
    expect(question?.parentElement?.getAttribute('aria-labelledby')).toBe('list-signer-change-question');
    expect($('list-signer-change-confirm')?.textContent).toBe(t('listsSignerChangeConfirm'));
    expect($('list-signer-change-cancel')?.textContent).toBe(t('listsSignerChangeCancel'));
    // Not an error: nothing is said refused, and the focus goes to the safe answer.
    expect($('list-error')).toBeNull();
    expect(focused.at(-1)).toBe('list-signer-change-cancel');

    ($('list-signer-change-confirm') as HTMLButtonElement).click();
    // In the click itself: the page asks the browser for the list's host before anything else.
    expect(onSubscribe.mock.calls).toEqual([
      [URL, NEW],
      [URL, NEW, SIGNER],
    ]);
    await settle();
    expect($('list-signer-change')).toBeNull();
    expect(($('list-url') as HTMLInputElement).value).toBe('');
    render(null, root);
  });

  test('"Keep the current address" changes nothing and asks nothing', async () => {
    const onSubscribe = vi.fn((): Promise<SubscribeResult> => Promise.resolve({ ok: false, confirmSignerChange: change }));
    const { root, $, type, submit } = setup(onSubscribe);
    type('list-url', URL);
    type('list-signer', NEW);
    await settle();
    submit();
    await settle();
    ($('list-signer-change-cancel') as HTMLButtonElement).click();
    await settle();
    expect($('list-signer-change')).toBeNull();
    expect(onSubscribe).toHaveBeenCalledTimes(1);
    expect(($('list-signer') as HTMLInputElement).value).toBe(NEW);
    render(null, root);
  });
});
