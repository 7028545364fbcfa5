import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { SubscribeResult } from '../../lib/community/subscription';
import { effectsOnNextTask, pressEscape, settle } from '../test-dom';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { translateFrom } from '../../utils/i18n';
import { localeMessages } from '../../utils/locale-files.testkit';
import { SIGNER, setupLists as setup, t } from './warning-lists.testkit';

effectsOnNextTask();

describe("a list held at the URL with another maintainer address (the maintainer's key changed)", () => {
  const NEW = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
  const URL = 'https://lists.example.org/x.json';
  const change = { url: URL, current: SIGNER, next: NEW };
  /** A background that answers every subscribe with the question whether to replace the maintainer. */
  const onlyAsking = () => vi.fn((): Promise<SubscribeResult> => Promise.resolve({ ok: false, confirmSignerChange: change }));

  test('says in plain words what replacing it means, and replaces it only at the confirm click, which asks for nothing else first', async () => {
    const onSubscribe = vi.fn(
      (_url: string, _signer: string, replaces?: string): Promise<SubscribeResult> => Promise.resolve(replaces === undefined ? { ok: false, confirmSignerChange: change } : { ok: true }),
    );
    const { root, $, focused, subscribe } = setup(onSubscribe);
    await subscribe(URL, NEW);
    const asked = $('list-signer-change');
    expect(asked?.textContent).toContain(t('listsSignerChangeTitle'));
    const question = root.querySelector('#list-signer-change-question');
    // The whole URL: two lists of one host are told apart.
    expect(question?.textContent).toBe(`${t('listsSignerChangeBody', [URL, SIGNER, NEW])} ${t('listsSignerChangeWarning')}`);
    expect(question?.textContent).toContain(URL);
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
    // The question is gone: the focus goes back to the button that asked it, as after any subscribe.
    expect(focused.at(-1)).toBe('list-add');
    render(null, root);
  });

  test('a confirm the background does not answer says so, keeps what was typed, and puts the focus back on the subscribe button', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onSubscribe = vi.fn(
      (_url: string, _signer: string, replaces?: string): Promise<SubscribeResult> =>
        replaces === undefined ? Promise.resolve({ ok: false, confirmSignerChange: change }) : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    const { root, $, focused, subscribe } = setup(onSubscribe);
    await subscribe(URL, NEW);
    expect(focused.at(-1)).toBe('list-signer-change-cancel');
    ($('list-signer-change-confirm') as HTMLButtonElement).click();
    await settle();
    expect($('list-signer-change')).toBeNull();
    expect($('list-error')?.textContent).toBe(t('listsSubscribeFailed'));
    expect(($('list-url') as HTMLInputElement).value).toBe(URL);
    // The question's buttons are gone: without this the focus would fall to the page, and a keyboard user's place with it.
    expect(focused.at(-1)).toBe('list-add');
    render(null, root);
  });

  for (const how of ['click', 'Escape'] as const)
    test(`"Keep the current address" (${how}) changes nothing, asks nothing, and puts the focus back on the subscribe button`, async () => {
      const onSubscribe = onlyAsking();
      const { root, window, $, focused, subscribe } = setup(onSubscribe);
      await subscribe(URL, NEW);
      expect(focused.at(-1)).toBe('list-signer-change-cancel');
      if (how === 'click') ($('list-signer-change-cancel') as HTMLButtonElement).click();
      else pressEscape(window, root.querySelector('[role="group"]'));
      await settle();
      expect($('list-signer-change')).toBeNull();
      expect(onSubscribe).toHaveBeenCalledTimes(1);
      expect(($('list-signer') as HTMLInputElement).value).toBe(NEW);
      expect(focused.at(-1)).toBe('list-add');
      render(null, root);
    });

  test('in Chinese the question’s two sentences join with no space after "。"', async () => {
    const chinese = translateFrom(localeMessages('zh_CN'));
    const onSubscribe = onlyAsking();
    const { root, subscribe } = setup(onSubscribe, { t: chinese, locale: 'zh-CN' });
    await subscribe(URL, NEW);
    const question = root.querySelector('#list-signer-change-question')?.textContent ?? '';
    expect(question).toContain(chinese('listsSignerChangeWarning'));
    expect(chineseSentenceProblems(question)).toEqual([]);
    render(null, root);
  });
});
