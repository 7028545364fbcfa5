import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { effectsOnNextTask, settle } from '../test-dom';
import type { SubscribeResult } from '../Options';
import { SIGNER, setupLists, t } from './warning-lists.testkit';

effectsOnNextTask();

const url = 'https://warnings.example.net/b.json';

/**
 * A subscribe whose list host went between the page's Allow and the background's turn (a Reset or
 * Delete everything in another tab gives back every list host no subscribe under way holds) is
 * refused by the background in the words below (entrypoints/background/list-access.test.ts). The
 * page says them and keeps what was typed, and one more press subscribes again: here, `onSubscribe`
 * is called a second time and the form clears once it succeeds. Asking the browser for the host in
 * that click is the options page's (entrypoints/options/main.tsx), not this component's.
 */
test('a subscribe refused for want of access says how to fix it, keeps what was typed, and the next press subscribes again', async () => {
  const refused = t('listsAccessDeclined', 'warnings.example.net');
  const onSubscribe = vi.fn<(url: string, signer: string) => Promise<SubscribeResult>>().mockResolvedValueOnce({ ok: false, reason: refused }).mockResolvedValueOnce({ ok: true });
  const { root, $, submit, subscribe } = setupLists(onSubscribe);
  await subscribe(url, SIGNER);
  expect($('list-error')?.getAttribute('role')).toBe('alert');
  expect($('list-error')?.textContent).toBe(refused);
  expect([($('list-url') as HTMLInputElement).value, ($('list-signer') as HTMLInputElement).value]).toEqual([url, SIGNER]);
  submit();
  await settle();
  expect(onSubscribe.mock.calls).toEqual([
    [url, SIGNER],
    [url, SIGNER],
  ]);
  expect($('list-error')).toBeNull();
  expect(($('list-url') as HTMLInputElement).value).toBe('');
  render(null, root);
});

test('a subscribe that gets no answer at all (the background not there) says so in plain words and keeps what was typed', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const onSubscribe = vi.fn<(url: string, signer: string) => Promise<SubscribeResult>>().mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
  const { root, $, subscribe } = setupLists(onSubscribe);
  await subscribe(url, SIGNER);
  expect($('list-error')?.getAttribute('role')).toBe('alert');
  expect($('list-error')?.textContent).toBe(t('listsSubscribeFailed'));
  expect($('list-add')?.getAttribute('aria-disabled')).toBe('false');
  expect([($('list-url') as HTMLInputElement).value, ($('list-signer') as HTMLInputElement).value]).toEqual([url, SIGNER]);
  render(null, root);
});
