import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '@/lib/community/sign-warning-list';
import { LIST_CHECK_EVERY_HOURS, type WarningSubscription } from '@/lib/community/subscription';
import type { WarningList } from '@/lib/community/warning-list';
import { checkSubscriptions, startWarnings, subscribe, subscriptionViews, warningLookup } from './warnings';
import english from '@/public/_locales/en/messages.json';
import { englishMessage as getMessage } from './background.testkit';

/**
 * Subscribing again to a list already held: a list whose latest check failed, or that never verified,
 * is checked again at once (the user fixed the host, or wants to know now); one that is fine is not,
 * and the answer says when it is checked next.
 */
const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const URL_A = 'https://lists.example.org/radar.json';
// Checked against the real clock (the check reads it): in date for years.
const list: WarningList = {
  name: 'Test list',
  sequence: 3,
  issued: '2026-11-20T00:00:00Z',
  expires: '2099-01-01T00:00:00Z',
  entries: [
    { exchange: 'binance', severity: 'danger', title: 'Withdrawals paused', body: 'Body.', sources: ['https://example.org/'], published: '2026-11-20T00:00:00Z', expires: '2099-01-01T00:00:00Z' },
  ],
};

let answer: () => Response = () => new Response('gone', { status: 404 });
let fetched: string[] = [];
const good = async () => {
  const body = JSON.stringify((await signWarningList({ list, privateKey: key })).envelope);
  return () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
};
const stored = async () => (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as WarningSubscription[];
const titles = async () => {
  const warnings = (await warningLookup(new Date()))('binance');
  return warnings === 'unread' ? 'unread' : warnings.map((warning) => warning.title);
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
  await fakeBrowser.permissions.request({ origins: ['https://lists.example.org/*', 'https://other.example.org/*'] });
  answer = () => new Response('gone', { status: 404 });
  fetched = [];
  vi.stubGlobal('fetch', async (input: string) => {
    fetched.push(input);
    return answer();
  });
  startWarnings();
});
// The stubbed fetch goes even when an assertion fails: restoreMocks does not undo stubGlobal.
afterEach(() => vi.unstubAllGlobals());

describe('subscribing again to a list already held', () => {
  test('whose first check failed checks it again at once: the fixed host gives the list, and the row says so', async () => {
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => view.health)).toEqual(['failing']);
    answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    const [view] = await subscriptionViews();
    expect([view?.health, view?.listName, view?.lastFailure]).toEqual(['ok', 'Test list', undefined]);
    expect(await titles()).toEqual(['Withdrawals paused']);
  });

  test('whose latest check failed and fails again keeps the copy verified before, with the new failure dated', async () => {
    answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    answer = () => new Response('down', { status: 503 });
    await checkSubscriptions({ force: true });
    const failedAt = (await stored())[0]?.lastError?.at;
    expect(failedAt).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answered = await subscribe(URL_A, signer);
    const [again] = await stored();
    const [view] = await subscriptionViews();
    // Not answered as done: the form keeps the address and says the row's new line, which has the new date.
    expect(answered).toEqual({ ok: false, reason: view?.message });
    expect(view?.health).toBe('failing');
    expect(view?.message).toContain('503');
    expect(again?.lastGood?.sequence).toBe(3);
    expect(again?.lastError?.at).not.toBe(failedAt);
    expect(await titles()).toEqual(['Withdrawals paused']);
  });

  test('whose copy expired is checked again at once, though no check failed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-01T00:00:00Z'));
      const ending = JSON.stringify((await signWarningList({ list: { ...list, expires: '2026-12-10T00:00:00Z' }, privateKey: key })).envelope);
      answer = () => new Response(ending, { status: 200, headers: { 'content-type': 'application/json' } });
      expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
      vi.setSystemTime(new Date('2026-12-11T00:00:00Z'));
      expect((await subscriptionViews()).map((view) => view.health)).toEqual(['expired']);
      const renewed = JSON.stringify((await signWarningList({ list: { ...list, sequence: 4 }, privateKey: key })).envelope);
      answer = () => new Response(renewed, { status: 200, headers: { 'content-type': 'application/json' } });
      fetched = [];
      expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
      expect(fetched).toEqual([URL_A]);
      expect((await stored())[0]?.lastGood?.sequence).toBe(4);
      expect((await subscriptionViews()).map((view) => view.health)).toEqual(['ok']);
    } finally {
      vi.useRealTimers();
    }
  });

  test('checks only that list, not every list held', async () => {
    answer = await good();
    expect(await subscribe('https://other.example.org/list.json', signer)).toEqual({ ok: true });
    answer = () => new Response('gone', { status: 404 });
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    fetched = [];
    // Checked, and failing still: said, not answered as done.
    expect(await subscribe(URL_A, signer)).toEqual({ ok: false, reason: (await subscriptionViews()).find((view) => view.url === URL_A)?.message });
    expect(fetched).toEqual([URL_A]);
  });

  test('that is fine is not fetched again; the answer says how often it is checked', async () => {
    answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    fetched = [];
    expect(await subscribe(URL_A, signer)).toEqual({ ok: false, reason: english.listsSubscribeAlready.message.replace('$1', String(LIST_CHECK_EVERY_HOURS)) });
    expect(fetched).toEqual([]);
  });
});
