import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { signWarningList } from '@/lib/community/sign-warning-list';
import type { WarningSubscription } from '@/lib/community/subscription';
import type { WarningList } from '@/lib/community/warning-list';
import english from '@/public/_locales/en/messages.json';
import { checkSubscriptions, startWarnings, subscribe, subscriptionViews, unsubscribe, warningLookup } from './warnings';
import { freshBackground } from './background.testkit';

/**
 * A version before this one kept a list's URL with its fragment (`…#a`). The browser never sends it,
 * so that is the same list as the URL without it: read back, a subscription or a floor stored so is
 * the list's own, the page shows the URL as the add path keeps it, and storage is written so in a
 * turn of the subscriptions, never by a read. A stored URL that does not parse (storage edited by
 * hand, say) is dropped as it is read: the others keep working.
 */

const OLD_KEY = generatePrivateKey();
const NEW_KEY = generatePrivateKey();
const OLD = privateKeyToAccount(OLD_KEY).address;
const NEW = privateKeyToAccount(NEW_KEY).address;
const URL_A = 'https://lists.example.org/radar.json';
const URL_B = 'https://lists.example.org/other.json';
const now = new Date();

function listNumbered(sequence: number, title = 'Withdrawals paused'): WarningList {
  // Signed moments are written to the second.
  const issued = new Date(now.getTime() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const expires = new Date(now.getTime() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return { name: 'Test list', sequence, issued, expires, entries: [{ exchange: 'binance', severity: 'danger', title, body: 'Body.', sources: ['https://example.org/'], published: issued, expires }] };
}

const signed = async (list: WarningList, privateKey: `0x${string}`) => JSON.stringify((await signWarningList({ list, privateKey })).envelope);

/** A subscription at `url` (fragment and all) with its list numbered `sequence` checked, as a version before stored it. */
async function storedBefore(url: string, sequence: number, privateKey = OLD_KEY): Promise<WarningSubscription> {
  const created = await inProcessChainWork.createSubscription({ url: URL_A, expectedSigner: privateKeyToAccount(privateKey).address });
  if (!created.ok) throw new Error(created.code);
  const state = await inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body: await signed(listNumbered(sequence), privateKey) }, now: now.getTime() });
  return JSON.parse(JSON.stringify({ ...state, url })) as WarningSubscription;
}

/** What the list's host serves next. */
let served = '';
const stored = async () => (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as WarningSubscription[];
const storedFloors = async () => (await fakeBrowser.storage.local.get('warningListFloors')).warningListFloors as unknown;
const titles = async () => {
  const warnings = (await warningLookup(new Date()))('binance');
  if (warnings === 'unread') throw new Error('the held lists could not be checked');
  return warnings.map((warning) => [warning.title, warning.listSequence]);
};

beforeEach(async () => {
  await freshBackground();
  vi.stubGlobal('fetch', async (input: string) =>
    input === URL_A ? new Response(served, { status: 200, headers: { 'content-type': 'application/json' } }) : Promise.reject(new TypeError('no network in tests')),
  );
  await fakeBrowser.permissions.request({ origins: ['https://lists.example.org/*'] });
  startWarnings();
});
afterEach(() => vi.unstubAllGlobals());

describe('a subscription stored with a fragment', () => {
  test('is the list without it: the page shows the URL as added now, and adding that URL is a repeat, not a second subscription', async () => {
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await storedBefore(`${URL_A}#a`, 5)] });
    expect((await subscriptionViews()).map((view) => [view.url, view.health])).toEqual([[URL_A, 'ok']]);
    served = await signed(listNumbered(5), OLD_KEY);
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: false, reason: english.listsSubscribeAlready.message.replace('$1', '6') });
    expect((await subscriptionViews()).map((view) => view.url)).toEqual([URL_A]);
    expect(await titles()).toEqual([['Withdrawals paused', 5]]);
  });

  test("another maintainer address for it asks to confirm the key change, which keeps the list's number", async () => {
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await storedBefore(`${URL_A}#a`, 5)] });
    expect(await subscribe(URL_A, NEW)).toEqual({ ok: false, confirmSignerChange: { url: URL_A, current: OLD, next: NEW } });
    served = await signed(listNumbered(4, 'Old news'), NEW_KEY);
    expect(await subscribe(URL_A, NEW, OLD)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => [view.url, view.lastFailure])).toEqual([[URL_A, { code: 'rollback', sequence: 4, held: 5 }]]);
    expect(await titles()).toEqual([]);
  });

  test('leaving it keeps its floor under the URL without the fragment: subscribing again refuses an older list', async () => {
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await storedBefore(`${URL_A}#a`, 5)] });
    const [view] = await subscriptionViews();
    await unsubscribe(view!.url);
    expect(await stored()).toEqual([]);
    await fakeBrowser.permissions.request({ origins: ['https://lists.example.org/*'] });
    served = await signed(listNumbered(4, 'Old news'), OLD_KEY);
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    expect((await subscriptionViews())[0]?.lastFailure).toEqual({ code: 'rollback', sequence: 4, held: 5 });
  });

  test('leaving it asked with the URL as stored (a page open from before) leaves the list, its floor kept without the fragment', async () => {
    const state = await storedBefore(`${URL_A}#a`, 5);
    await fakeBrowser.storage.local.set({ warningSubscriptions: [state] });
    await unsubscribe(`${URL_A}#a`);
    expect(await stored()).toEqual([]);
    expect(await storedFloors()).toEqual([{ url: URL_A, sequence: 5, hash: state.lastGood!.hash }]);
  });

  test('two stored subscriptions of one list are read as one, the higher number kept: one warning, not two', async () => {
    const higher = await storedBefore(`${URL_A}#a`, 5);
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await storedBefore(URL_A, 4), higher] });
    expect((await subscriptionViews()).map((view) => view.url)).toEqual([URL_A]);
    expect(await titles()).toEqual([['Withdrawals paused', 5]]);
    // A list below the one kept is refused at the next check.
    served = await signed(listNumbered(4), OLD_KEY);
    await checkSubscriptions({ force: true });
    expect((await subscriptionViews()).map((view) => view.lastFailure)).toEqual([{ code: 'rollback', sequence: 4, held: 5 }]);
    expect(await titles()).toEqual([['Withdrawals paused', 5]]);
  });

  test('a key change the user confirmed on one of two keeps holding: the old address, refusing the re-signed list, is not put back', async () => {
    const old7 = await storedBefore(URL_A, 7);
    const new7 = await signed(listNumbered(7), NEW_KEY);
    await fakeBrowser.storage.local.set({ warningSubscriptions: [old7, { ...old7, url: `${URL_A}#a` }] });
    served = new7;
    // The same list re-signed with the new key (same number), confirmed on the one stored first: it verifies there.
    expect(await subscribe(URL_A, NEW, OLD)).toEqual({ ok: true });
    const [moved] = await stored();
    expect([moved?.expectedSigner, moved?.lastGood?.signer, moved?.lastError]).toEqual([NEW, NEW, undefined]);
    // As the other copy's own check left it: the same number, refused as from another signer.
    const refused = await inProcessChainWork.checkSubscription({ state: old7, fetched: { ok: true, body: new7 }, now: now.getTime() });
    await fakeBrowser.storage.local.set({ warningSubscriptions: [moved, JSON.parse(JSON.stringify({ ...refused, url: `${URL_A}#a` }))] });
    expect((await subscriptionViews()).map((view) => [view.url, view.expectedSigner, view.lastFailure])).toEqual([[URL_A, NEW, undefined]]);
    served = await signed(listNumbered(8, 'Next'), NEW_KEY);
    await checkSubscriptions({ force: true });
    expect(await titles()).toEqual([['Next', 8]]);
    expect(await subscribe(URL_A, NEW)).toEqual({ ok: false, reason: english.listsSubscribeAlready.message.replace('$1', '6') });
  });

  test("the session's record of a check made by a version before, URLs as stored, is read one per list too, without checking again", async () => {
    const value = [await storedBefore(URL_A, 4), await storedBefore(`${URL_A}#a`, 5)];
    await fakeBrowser.storage.local.set({ warningSubscriptions: value });
    const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value))));
    const digest = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    await fakeBrowser.storage.session.set({ checkedSubscriptions: { digest, subscriptions: value } });
    const check = vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions');
    expect((await subscriptionViews()).map((view) => view.url)).toEqual([URL_A]);
    expect(await titles()).toEqual([['Withdrawals paused', 5]]);
    expect(check).not.toHaveBeenCalled();
  });

  test('is written back without the fragment in a turn of the subscriptions only: reading it writes nothing', async () => {
    const before = [await storedBefore(URL_A, 4), await storedBefore(`${URL_A}#a`, 5)];
    await fakeBrowser.storage.local.set({ warningSubscriptions: before });
    await subscriptionViews();
    await titles();
    expect(await stored()).toEqual(before);
    // A subscribe refused in its turn changes no subscription, and still writes them as read.
    expect((await subscribe(URL_A, OLD)).ok).toBe(false);
    expect(await stored()).toEqual([{ ...before[1], url: URL_A }]);
  });
});

describe('a stored URL that does not parse', () => {
  test('is dropped as it is read: the page shows the others, leaving one works, and a refused subscribe says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const odd = { ...(await storedBefore(URL_B, 3)), url: 'https://exa mple.org/x.json' };
    await fakeBrowser.storage.local.set({ warningSubscriptions: [odd, await storedBefore(URL_A, 5), await storedBefore(URL_B, 2)] });
    expect((await subscriptionViews()).map((view) => [view.url, view.health])).toEqual([
      [URL_A, 'ok'],
      [URL_B, 'ok'],
    ]);
    expect(await titles()).toEqual([
      ['Withdrawals paused', 5],
      ['Withdrawals paused', 2],
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[reserve-radar\] warning lists: 1 stored subscriptions did not read back/));
    await unsubscribe(URL_B);
    expect((await stored()).map((state) => state.url)).toEqual([URL_A]);
    expect(await subscribe('https://other.example.net/l.json', 'nonsense')).toEqual({ ok: false, reason: english.listsSubscribeSignerNotAddress.message });
    expect(await subscribe('https://other.example.net/l.json', OLD)).toEqual({ ok: false, reason: english.listsAccessDeclined.message.replace('$1', 'other.example.net') });
  });
});

describe('a floor kept with a fragment', () => {
  const floorOf = async (sequence: number) => (await storedBefore(URL_A, sequence)).lastGood!.hash;

  test('holds for the URL without it: subscribing again refuses an older list', async () => {
    await fakeBrowser.storage.local.set({ warningListFloors: [{ url: `${URL_A}#a`, sequence: 5, hash: await floorOf(5) }] });
    served = await signed(listNumbered(4, 'Old news'), OLD_KEY);
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => [view.url, view.lastFailure])).toEqual([[URL_A, { code: 'rollback', sequence: 4, held: 5 }]]);
    expect(await titles()).toEqual([]);
  });

  test('is written back without it by any turn of the subscriptions, not only one that keeps a floor: a subscribe refused, a check', async () => {
    const hash = await floorOf(7);
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await storedBefore(URL_B, 2)], warningListFloors: [{ url: `${URL_A}#a`, sequence: 7, hash }] });
    await subscriptionViews();
    expect(await storedFloors()).toEqual([{ url: `${URL_A}#a`, sequence: 7, hash }]);
    expect((await subscribe(URL_B, OLD)).ok).toBe(false);
    expect(await storedFloors()).toEqual([{ url: URL_A, sequence: 7, hash }]);
    await fakeBrowser.storage.local.set({ warningListFloors: [{ url: `${URL_A}#b`, sequence: 7, hash }] });
    await checkSubscriptions({ force: true });
    expect(await storedFloors()).toEqual([{ url: URL_A, sequence: 7, hash }]);
  });

  test('two floors of one list keep the higher, written back in the subscribe turn under the URL without the fragment', async () => {
    const hash = await floorOf(7);
    await fakeBrowser.storage.local.set({
      warningListFloors: [
        { url: `${URL_A}#a`, sequence: 7, hash },
        { url: URL_B, sequence: 2, hash },
        { url: URL_A, sequence: 3, hash: await floorOf(3) },
      ],
    });
    served = await signed(listNumbered(6, 'Old news'), OLD_KEY);
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    expect((await subscriptionViews())[0]?.lastFailure).toEqual({ code: 'rollback', sequence: 6, held: 7 });
    expect(await storedFloors()).toEqual([
      { url: URL_B, sequence: 2, hash },
      { url: URL_A, sequence: 7, hash },
    ]);
  });
});
