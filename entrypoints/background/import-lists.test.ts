import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateKeyToAccount } from 'viem/accounts';
import { MAX_SUBSCRIPTIONS } from '@/lib/community/subscription';
import '@/tests/fake-permissions';
import { startWarnings, subscriptionViews } from './warnings';
import { addImportedLists } from './import-lists';
import { englishMessage as getMessage } from './background.testkit';

/**
 * An imported file's warning lists: added in the subscriptions' own turn, never changing one held already, never asking
 * for or granting the access to a list's host (each list then waits for the user's "Allow access" on its row).
 */

/** Anvil's well-known test keys #0 and #1: anyone can sign as them, so they only ever sign test lists. */
const SIGNER = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80').address;
const OTHER = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d').address;
const A = 'https://lists.example.org/a.json';
const B = 'https://other.example/b.json';
const fetched: string[] = [];

describe('the warning lists of an imported file', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fetched.length = 0;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar', host_permissions: ['https://api.llama.fi/*'] });
    vi.stubGlobal('fetch', async (input: string) => {
      fetched.push(input);
      return new Response('{}', { status: 404 });
    });
    startWarnings();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('each list not held is added, without access to its host: it is counted as waiting for "Allow access", nothing is fetched or granted', async () => {
    expect(
      await addImportedLists([
        { url: A, expectedSigner: SIGNER },
        { url: B, expectedSigner: OTHER },
      ]),
    ).toEqual({ ok: true, added: 2, needAccess: 2, keptOther: 0 });
    const views = await subscriptionViews();
    expect(views.map((view) => [view.url, view.expectedSigner, view.needsAccess])).toEqual([
      [A, SIGNER, 'lists.example.org'],
      [B, OTHER, 'other.example'],
    ]);
    expect(fetched).toEqual([]);
    expect(await fakeBrowser.permissions.contains({ origins: ['https://lists.example.org/*'] })).toBe(false);
  });

  test('a list held already stays as it is, even when the file names another maintainer; that one is counted', async () => {
    const held = { url: A, expectedSigner: SIGNER, lastCheck: '2026-01-01T00:00:00.000Z' };
    await fakeBrowser.storage.local.set({ warningSubscriptions: [held] });
    expect(
      await addImportedLists([
        { url: A, expectedSigner: OTHER },
        { url: B, expectedSigner: SIGNER },
      ]),
    ).toEqual({ ok: true, added: 1, needAccess: 1, keptOther: 1 });
    const stored = (await fakeBrowser.storage.local.get('warningSubscriptions')).warningSubscriptions as { url: string; expectedSigner: string; lastCheck: string | null }[];
    expect(stored.map(({ url, expectedSigner, lastCheck }) => ({ url, expectedSigner, lastCheck }))).toEqual([held, { url: B, expectedSigner: SIGNER, lastCheck: null }]);
  });

  test('the same list with the same maintainer is neither added again nor counted as kept', async () => {
    await fakeBrowser.storage.local.set({ warningSubscriptions: [{ url: A, expectedSigner: SIGNER, lastCheck: null }] });
    expect(await addImportedLists([{ url: A, expectedSigner: SIGNER.toLowerCase() }])).toEqual({ ok: true, added: 0, needAccess: 0, keptOther: 0 });
    expect(await subscriptionViews()).toHaveLength(1);
  });

  test('more than Reserve Radar keeps, with the lists held: none is added', async () => {
    const held = Array.from({ length: MAX_SUBSCRIPTIONS - 1 }, (_, index) => ({ url: `https://lists.example.org/${index}.json`, expectedSigner: SIGNER, lastCheck: null }));
    await fakeBrowser.storage.local.set({ warningSubscriptions: held });
    expect(
      await addImportedLists([
        { url: A, expectedSigner: SIGNER },
        { url: B, expectedSigner: SIGNER },
      ]),
    ).toEqual({ ok: false, refused: 'too-many' });
    expect(await subscriptionViews()).toHaveLength(MAX_SUBSCRIPTIONS - 1);
  });

  test('a list the subscribe form would refuse refuses them all', async () => {
    expect(
      await addImportedLists([
        { url: A, expectedSigner: SIGNER },
        { url: 'http://lists.example.org/plain.json', expectedSigner: SIGNER },
      ]),
    ).toEqual({ ok: false, refused: 'bad-list' });
    expect(await subscriptionViews()).toEqual([]);
  });
});
