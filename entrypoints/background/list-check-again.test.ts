import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { LIST_CHECK_EVERY_HOURS, type WarningSubscription } from '@/lib/community/subscription';
import { checkSubscriptions, startWarnings, subscribe, subscriptionViews, warningLookup } from './warnings';
import english from '@/public/_locales/en/messages.json';
import { englishMessage as getMessage } from './background.testkit';
import { binanceDangerList, serveListHosts, servedList, type ListHosts } from './warning-lists.testkit';

/**
 * Subscribing again to a list already held: a list whose latest check failed, or that never verified,
 * is checked again at once (the user fixed the host, or wants to know now); one that is fine is not,
 * and the answer says when it is checked next.
 */
const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const URL_A = 'https://lists.example.org/radar.json';
// Checked against the real clock (the check reads it): in date for years.
const list = binanceDangerList({ sequence: 3, title: 'Withdrawals paused', issued: '2026-11-20T00:00:00Z' });

const gone = () => new Response('gone', { status: 404 });
let hosts: ListHosts;
const good = () => servedList(list, key);
const stored = async () => (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as WarningSubscription[];
const titles = async () => {
  const warnings = (await warningLookup(new Date()))('binance');
  return warnings === 'unread' ? 'unread' : warnings.map((warning) => warning.title);
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
  hosts = await serveListHosts(['https://lists.example.org/*', 'https://other.example.org/*'], gone);
  startWarnings();
});
// The stubbed fetch goes even when an assertion fails: restoreMocks does not undo stubGlobal.
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('subscribing again to a list already held', () => {
  test('whose first check failed checks it again at once: the fixed host gives the list, and the row says so', async () => {
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => view.health)).toEqual(['failing']);
    hosts.answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    const [view] = await subscriptionViews();
    expect([view?.health, view?.listName, view?.lastFailure]).toEqual(['ok', 'Test list', undefined]);
    expect(await titles()).toEqual(['Withdrawals paused']);
  });

  test('whose latest check failed and fails again keeps the copy verified before, with the new failure dated', async () => {
    // The clock moved by hand, not waited for: the second failure is dated five minutes after the first.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00.000Z') });
    hosts.answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    hosts.answer = () => new Response('down', { status: 503 });
    await checkSubscriptions({ force: true });
    const failedAt = (await stored())[0]?.lastError?.at;
    expect(failedAt).toBe('2026-12-07T10:00:00.000Z');
    vi.setSystemTime(new Date('2026-12-07T10:05:00.000Z'));
    const answered = await subscribe(URL_A, signer);
    const [again] = await stored();
    const [view] = await subscriptionViews();
    // Not answered as done: the form keeps the address and says the row's new line, which has the new date.
    expect(answered).toEqual({ ok: false, reason: view?.message });
    expect(view?.health).toBe('failing');
    expect(view?.message).toContain('503');
    expect(again?.lastGood?.sequence).toBe(3);
    expect(again?.lastError?.at).toBe('2026-12-07T10:05:00.000Z');
    expect(await titles()).toEqual(['Withdrawals paused']);
  });

  test('whose copy expired is checked again at once, though no check failed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-01T00:00:00Z'));
      hosts.answer = await servedList({ ...list, expires: '2026-12-10T00:00:00Z' }, key);
      expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
      vi.setSystemTime(new Date('2026-12-11T00:00:00Z'));
      expect((await subscriptionViews()).map((view) => view.health)).toEqual(['expired']);
      hosts.answer = await servedList({ ...list, sequence: 4 }, key);
      hosts.fetched = [];
      expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
      expect(hosts.fetched).toEqual([URL_A]);
      expect((await stored())[0]?.lastGood?.sequence).toBe(4);
      expect((await subscriptionViews()).map((view) => view.health)).toEqual(['ok']);
    } finally {
      vi.useRealTimers();
    }
  });

  test('checks only that list, not every list held', async () => {
    hosts.answer = await good();
    expect(await subscribe('https://other.example.org/list.json', signer)).toEqual({ ok: true });
    hosts.answer = gone;
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    hosts.fetched = [];
    // Checked, and failing still: said, not answered as done.
    expect(await subscribe(URL_A, signer)).toEqual({ ok: false, reason: (await subscriptionViews()).find((view) => view.url === URL_A)?.message });
    expect(hosts.fetched).toEqual([URL_A]);
  });

  test('that is fine is not fetched again; the answer says how often it is checked', async () => {
    hosts.answer = await good();
    expect(await subscribe(URL_A, signer)).toEqual({ ok: true });
    hosts.fetched = [];
    expect(await subscribe(URL_A, signer)).toEqual({ ok: false, reason: english.listsSubscribeAlready.message.replace('$1', String(LIST_CHECK_EVERY_HOURS)) });
    expect(hosts.fetched).toEqual([]);
  });
});
