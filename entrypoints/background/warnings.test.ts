import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '@/lib/community/sign-warning-list';
import { MAX_SUBSCRIPTIONS, type WarningSubscription } from '@/lib/community/subscription';
import type { WarningList } from '@/lib/community/warning-list';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { checkSubscriptions, startWarnings, subscribe, subscriptionViews, unsubscribe, warningLookup } from './warnings';
import { warningListFailureDetail } from '@/lib/words/warning-list-words';
import english from '@/public/_locales/en/messages.json';
import { englishMessage as getMessage } from './background.testkit';

const key = generatePrivateKey();
const now = new Date('2026-11-25T10:00:00Z');

const list: WarningList = {
  name: 'Test list',
  sequence: 3,
  issued: '2026-11-20T00:00:00Z',
  expires: '2026-12-20T00:00:00Z',
  entries: [
    { exchange: 'binance', severity: 'danger', title: 'Withdrawals paused', body: 'Body.', sources: ['https://example.org/'], published: '2026-11-20T00:00:00Z', expires: '2026-12-20T00:00:00Z' },
  ],
};

/** A subscription with a verified list, as a worker stored it before it was stopped. */
async function storedSubscription(): Promise<WarningSubscription> {
  const created = await inProcessChainWork.createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: privateKeyToAccount(key).address });
  if (!created.ok) throw new Error(created.code);
  const body = JSON.stringify((await signWarningList({ list, privateKey: key })).envelope);
  const state = await inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body }, now: now.getTime() });
  await fakeBrowser.storage.local.set({ warningSubscriptions: [state] });
  return state;
}

/** The access the options page asks for when the user subscribes, granted (the user's "Allow"); the manifest says what is required. */
function allowed(...hosts: string[]) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
  return fakeBrowser.permissions.request({ origins: hosts.map((host) => `https://${host}/*`) });
}

describe('the held warning lists across service-worker wake-ups', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    await allowed('lists.example.org');
  });

  test('a worker that wakes up takes the lists checked before it slept, without checking their signatures again', async () => {
    await storedSubscription();
    const check = vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions');
    startWarnings();
    const first = await subscriptionViews(now);
    expect(first[0]?.health).toBe('ok');
    expect(check).toHaveBeenCalledTimes(1);
    // A new worker: its memory is gone, the session's record of the check is not.
    startWarnings();
    expect(await subscriptionViews(now)).toEqual(first);
    expect((await warningLookup(now))('binance')).toHaveLength(1);
    expect(check).toHaveBeenCalledTimes(1);
  });

  test('the line under a subscription and a refused subscription are worded from the messages file', async () => {
    await storedSubscription();
    startWarnings();
    const [view] = await subscriptionViews(now);
    expect(view?.message).toMatch(new RegExp(`^${english.listsStateUsing.message.split('$1')[0]}Test list`));
    expect(await subscribe('http://lists.example.org/other.json', privateKeyToAccount(key).address)).toEqual({ ok: false, reason: english.listsSubscribeNotHttps.message });
    expect(await subscribe('https://lists.example.org/warnings.json', privateKeyToAccount(key).address)).toEqual({ ok: false, reason: english.listsSubscribeAlready.message.replace('$1', '6') });
  });

  test('a subscription beyond the most that are kept is refused in plain words, not accepted and dropped later', async () => {
    const signer = privateKeyToAccount(key).address;
    const held = Array.from({ length: MAX_SUBSCRIPTIONS }, (_, index) => ({ url: `https://lists.example.org/${index}.json`, expectedSigner: signer, lastCheck: null }));
    await fakeBrowser.storage.local.set({ warningSubscriptions: held });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in tests')));
    startWarnings();
    const answer = await subscribe('https://lists.example.org/one-more.json', signer);
    expect(answer.ok).toBe(false);
    expect(answer).toEqual({ ok: false, reason: english.listsSubscribeTooMany.message.replace('$1', String(MAX_SUBSCRIPTIONS)) });
    expect((await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions).toHaveLength(MAX_SUBSCRIPTIONS);
    vi.unstubAllGlobals();
  }, 30_000);

  test("a refused list's technical text reaches the options page beside its line, not in it", async () => {
    const created = await inProcessChainWork.createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: privateKeyToAccount(key).address });
    if (!created.ok) throw new Error(created.code);
    const refused = await inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body: '{}' }, now: now.getTime() });
    await fakeBrowser.storage.local.set({ warningSubscriptions: [refused] });
    startWarnings();
    const [view] = await subscriptionViews(now);
    const where = view?.lastFailure === undefined ? undefined : warningListFailureDetail(view.lastFailure);
    expect(where).toEqual(expect.any(String));
    expect(view?.message).not.toContain(where);
  });

  test('a stored value changed by anyone else is checked in full: a list altered in local storage shows no warning', async () => {
    const state = await storedSubscription();
    startWarnings();
    await subscriptionViews(now);
    const check = vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions');
    const altered = structuredClone(state);
    altered.lastGood!.list.entries[0]!.title = 'All is well';
    await fakeBrowser.storage.local.set({ warningSubscriptions: [altered] });
    startWarnings();
    const [view] = await subscriptionViews(now);
    expect(check).toHaveBeenCalledTimes(1);
    expect(view?.message).toContain(english.listsFailStoredDropped.message);
    expect((await warningLookup(now))('binance')).toEqual([]);
  });

  test('lists that cannot be checked at all are unread, not "no entry", for every exchange; they stay stored for the next read', async () => {
    const state = await storedSubscription();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const check = vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions').mockRejectedValueOnce(new Error('no document'));
    startWarnings();
    const unread = await warningLookup(now);
    expect([unread('binance'), unread('kraken')]).toEqual(['unread', 'unread']);
    expect((await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions).toEqual([state]);
    // The next read checks again, and the list is back.
    expect((await warningLookup(now))('binance')).toHaveLength(1);
    expect(check).toHaveBeenCalledTimes(2);
  });
});

describe('a scheduled check while the held lists cannot be checked', () => {
  beforeEach(() => fakeBrowser.reset());

  test('writes nothing and does not fail the run: the stored lists stay for the next one', async () => {
    const state = await storedSubscription();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions').mockRejectedValue(new Error('no document'));
    startWarnings();
    await expect(checkSubscriptions({ force: true })).resolves.toBeUndefined();
    expect((await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions).toEqual([state]);
  });
});

describe('a subscription added while a check is under way', () => {
  // The stubbed fetch goes even when an assertion fails: restoreMocks does not undo stubGlobal.
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    await allowed('lists.example.org');
  });

  test('stays subscribed when the earlier check writes its results', async () => {
    const held = await storedSubscription();
    const body = JSON.stringify((await signWarningList({ list, privateKey: key })).envelope);
    // The lists answer only once let go, so the scheduled check is still fetching when the user subscribes.
    const answer = (input: string) => (input === held.url ? new Response(body, { headers: { 'content-type': 'application/json' } }) : new Response('gone', { status: 404 }));
    const waiting: (() => void)[] = [];
    let letGo = false;
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string) => (letGo ? Promise.resolve(answer(input)) : new Promise<Response>((resolve) => waiting.push(() => resolve(answer(input)))))),
    );
    startWarnings();
    const scheduled = checkSubscriptions({ force: true });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const added = subscribe('https://lists.example.org/other.json', privateKeyToAccount(key).address);
    // The new subscription is stored and its own check has begun with the first list.
    await vi.waitFor(() => expect(waiting).toHaveLength(2));
    letGo = true;
    for (const release of waiting) release();
    await Promise.all([scheduled, added]);
    const stored = (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as WarningSubscription[];
    expect(stored.map((subscription) => subscription.url).sort()).toEqual(['https://lists.example.org/other.json', held.url]);
  });
});

describe('a list check that overlaps a change of the subscriptions', () => {
  const A = 'https://slow.example.org/list.json';
  const B = 'https://second.example.org/list.json';
  let release: () => void = () => undefined;
  let slow = false;
  let fetches = 0;
  // Checked against the real clock (the check reads it): in date for years.
  const current: WarningList = { ...list, expires: '2099-01-01T00:00:00Z', entries: list.entries.map((entry) => ({ ...entry, expires: '2099-01-01T00:00:00Z' })) };

  afterEach(() => vi.unstubAllGlobals());
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    await allowed('slow.example.org', 'second.example.org');
    const body = JSON.stringify((await signWarningList({ list: current, privateKey: key })).envelope);
    slow = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The list host answers at once, or, once `slow`, only when the test releases it (a host that takes its time).
    vi.stubGlobal('fetch', async () => {
      fetches += 1;
      if (slow) await held;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    startWarnings();
    expect(await subscribe(A, privateKeyToAccount(key).address)).toEqual({ ok: true });
  });

  const storedUrls = async () => ((await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as WarningSubscription[]).map((state) => state.url);

  test('a subscription added while a check is fetching is kept, and checked', async () => {
    slow = true;
    const check = checkSubscriptions({ force: true });
    const added = subscribe(B, privateKeyToAccount(key).address);
    await vi.waitFor(async () => expect(await storedUrls()).toEqual([A, B]));
    release();
    await Promise.all([check, added]);
    expect(await added).toEqual({ ok: true });
    expect(await storedUrls()).toEqual([A, B]);
    startWarnings();
    expect((await subscriptionViews(now)).map((view) => view.health)).toEqual(['ok', 'ok']);
  });

  test('a slower check never writes its older result over a newer check of the same list', async () => {
    slow = true;
    const before = fetches;
    const scheduled = checkSubscriptions({ force: true });
    await vi.waitFor(() => expect(fetches).toBe(before + 1));
    // "Refresh now" while the scheduled check waits on the host: this one is answered at once.
    slow = false;
    await checkSubscriptions({ force: true });
    const afterRefresh = await fakeBrowser.storage.local.get('warningSubscriptions');
    // The scheduled check's answer comes a minute later; its result was made from the state before the refresh.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      release();
      await scheduled;
    } finally {
      vi.useRealTimers();
    }
    expect(await fakeBrowser.storage.local.get('warningSubscriptions')).toEqual(afterRefresh);
  });

  test('a subscription removed while a check is fetching stays removed', async () => {
    expect(await subscribe(B, privateKeyToAccount(key).address)).toEqual({ ok: true });
    slow = true;
    const check = checkSubscriptions({ force: true });
    await unsubscribe(A);
    release();
    await check;
    expect(await storedUrls()).toEqual([B]);
  });
});
