import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '@/lib/community/sign-warning-list';
import type { WarningList } from '@/lib/community/warning-list';
import { checkSubscriptions, clearSubscriptions, startWarnings, subscribe, subscriptionViews, unsubscribe, warningLookup } from './warnings';
import { freshBackground } from './background.testkit';

/**
 * A list's newest accepted number is its floor: it stays when the maintainer's key changes, and
 * after the user leaves the list and comes back, so an older list, validly signed and in date,
 * is never taken again. Reset and Delete everything forget it.
 */

const OLD_KEY = generatePrivateKey();
const NEW_KEY = generatePrivateKey();
const OLD = privateKeyToAccount(OLD_KEY).address;
const NEW = privateKeyToAccount(NEW_KEY).address;
const URL_A = 'https://lists.example.org/radar.json';
const now = new Date();

function listNumbered(sequence: number, title = 'Withdrawals paused'): WarningList {
  // Signed moments are written to the second.
  const issued = new Date(now.getTime() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const expires = new Date(now.getTime() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return { name: 'Test list', sequence, issued, expires, entries: [{ exchange: 'binance', severity: 'danger', title, body: 'Body.', sources: ['https://example.org/'], published: issued, expires }] };
}

/** The list host's access, asked for at the user's click each time they subscribe. */
const allowList = () => fakeBrowser.permissions.request({ origins: ['https://lists.example.org/*'] });

/** What the list's host serves next. */
let served = '';
async function serve(list: WarningList, privateKey: `0x${string}`): Promise<void> {
  served = JSON.stringify((await signWarningList({ list, privateKey })).envelope);
}

const titles = async () => {
  const warnings = (await warningLookup(new Date()))('binance');
  if (warnings === 'unread') throw new Error('the held lists could not be checked');
  return warnings;
};
const stored = async () => (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as unknown;

beforeEach(async () => {
  await freshBackground();
  vi.stubGlobal('fetch', async (input: string) =>
    input === URL_A ? new Response(served, { status: 200, headers: { 'content-type': 'application/json' } }) : Promise.reject(new TypeError('no network in tests')),
  );
  await allowList();
  startWarnings();
  await serve(listNumbered(5), OLD_KEY);
  expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
});
afterEach(() => vi.unstubAllGlobals());

describe("following a maintainer's new key", () => {
  test('the same list with another maintainer address is not refused as a repeat: the user is asked to confirm, and nothing changes before', async () => {
    const before = await stored();
    expect(await subscribe(URL_A, NEW.toLowerCase())).toEqual({ ok: false, confirmSignerChange: { url: URL_A, current: OLD, next: NEW } });
    expect(await stored()).toEqual(before);
    expect(await fakeBrowser.permissions.contains({ origins: ['https://lists.example.org/*'] })).toBe(true);
  });

  test('confirmed, the new key replaces the old; an older list signed by the new key is refused, a newer one is taken', async () => {
    await serve(listNumbered(4, 'Old news'), NEW_KEY);
    expect(await subscribe(URL_A, NEW, OLD)).toEqual({ ok: true });
    const [refused] = await subscriptionViews();
    expect(refused).toMatchObject({ expectedSigner: NEW, health: 'failing', lastFailure: { code: 'rollback', sequence: 4, held: 5 } });
    expect(await titles()).toEqual([]);

    await serve(listNumbered(6, 'Withdrawals resumed'), NEW_KEY);
    await checkSubscriptions({ force: true });
    expect((await titles()).map((warning) => [warning.title, warning.listSequence])).toEqual([['Withdrawals resumed', 6]]);
  });

  test('a confirmation given for a key that is no longer the one held asks again, and changes nothing', async () => {
    const before = await stored();
    expect(await subscribe(URL_A, NEW, NEW)).toEqual({ ok: false, confirmSignerChange: { url: URL_A, current: OLD, next: NEW } });
    expect(await stored()).toEqual(before);
  });
});

describe('the floor of a list left and subscribed to again', () => {
  test('an older list, validly signed by the same key, is refused after an unsubscribe and a new subscribe', async () => {
    await unsubscribe(URL_A);
    await serve(listNumbered(4, 'Old news'), OLD_KEY);
    await allowList();
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    const [view] = await subscriptionViews();
    expect(view?.lastFailure).toEqual({ code: 'rollback', sequence: 4, held: 5 });
    expect(await titles()).toEqual([]);
  });

  test('the same URL with a fragment is the same list: its floor holds', async () => {
    await unsubscribe(URL_A);
    await serve(listNumbered(4, 'Old news'), OLD_KEY);
    await allowList();
    expect(await subscribe(`${URL_A}#again`, OLD)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => [view.url, view.lastFailure])).toEqual([[URL_A, { code: 'rollback', sequence: 4, held: 5 }]]);
    expect(await titles()).toEqual([]);
  });

  test('Reset forgets a floor kept by an unsubscribe, with the lists', async () => {
    await unsubscribe(URL_A);
    expect((await fakeBrowser.storage.local.get('warningListFloors')).warningListFloors).toHaveLength(1);
    await clearSubscriptions();
    expect((await fakeBrowser.storage.local.get('warningListFloors')).warningListFloors).toBeUndefined();
    await serve(listNumbered(4, 'Old news'), OLD_KEY);
    await allowList();
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    expect((await titles()).map((warning) => warning.listSequence)).toEqual([4]);
  });

  test('stored floors that do not read back are dropped and said in the log; the others are kept', async () => {
    await unsubscribe(URL_A);
    const { warningListFloors } = await fakeBrowser.storage.local.get('warningListFloors');
    expect(warningListFloors).toEqual([{ url: URL_A, sequence: 5, hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) }]);
    await fakeBrowser.storage.local.set({ warningListFloors: [{ url: 'https://other.example/x.json', sequence: 'nine' }, ...(warningListFloors as unknown[]), 42] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await serve(listNumbered(4, 'Old news'), OLD_KEY);
    await allowList();
    expect(await subscribe(URL_A, OLD)).toEqual({ ok: true });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('2 stored'));
    expect((await subscriptionViews())[0]?.lastFailure).toEqual({ code: 'rollback', sequence: 4, held: 5 });
    // What did not read back is gone from storage too.
    expect((await fakeBrowser.storage.local.get('warningListFloors')).warningListFloors).toEqual(warningListFloors);
  });
});
