import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEST_FEED_SIGNER } from '@/tests/fixtures/feed/test-key';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { knownBadSection, signedFeed } from './source-answers.testkit';

/**
 * Firefox suspends an idle event page, and Chrome stops its service worker, even while a refresh is under way: the writes a
 * run had not made yet never land, and the next wake starts with no memory of the run. Whatever write the cut comes after,
 * what a verified feed brought (its known-bad hosts and its snapshot) is held after the next wake's scheduled run: the run's
 * writes never leave a state that says the feed was taken while what it brought was not kept.
 */

const FEED = 'https://feed.test/feed.json';
const HOST = 'quiet-harbor-rewards.com';

/** The background's data module as a worker that just woke has it: nothing in memory, only what storage holds. */
async function wake(): Promise<typeof import('./data')> {
  vi.resetModules();
  return import('./data');
}

describe('a refresh cut off between its writes', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('the next wake holds what the feed brought, wherever the cut came', async () => {
    const body = await signedFeed(1, knownBadSection(new Date(Date.now() - 3_600_000).toISOString(), HOST));
    vi.stubGlobal('__RADAR_FEED__', { url: FEED, signers: [TEST_FEED_SIGNER] });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        if (input === FEED) return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
        throw new TypeError('Failed to fetch');
      }),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // Every write the feed's step makes (its known-bad hosts, the snapshot, the feed's floor, its state), cut before each.
    for (let landed = 0; landed < 4; landed++) {
      fakeBrowser.reset();
      let writes = 0;
      let cut = false;
      const setSpy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
        if (cut || writes === landed) {
          cut = true;
          // The page is gone: this write and every one after it never land, and the run never goes on.
          return new Promise<void>(() => undefined);
        }
        writes++;
        return set(items);
      });
      void (await wake()).refreshDue();
      await vi.waitFor(() => expect(cut).toBe(true));
      setSpy.mockRestore();

      const data = await wake();
      await data.refreshDue();
      // The feed's snapshot is newer than the bundled one: held, it is the one the feed brought.
      const fromFeed = (await data.heldSnapshot()).generatedAt !== bundledSnapshot().generatedAt;
      expect({ landed, listed: (await data.knownBadLookup(new Date()))(HOST)?.listed, fromFeed }).toEqual({ landed, listed: HOST, fromFeed: true });
    }
  });
});
