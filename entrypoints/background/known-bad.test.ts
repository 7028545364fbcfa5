import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gate } from './background.testkit';
import { TEST_FEED_SIGNER } from '@/tests/fixtures/feed/test-key';
import { knownBadLookup, refreshDue, resetData } from './data';
import { knownBadSection as section, signedFeed as feed } from './source-answers.testkit';

const FEED = 'https://feed.test/feed.json';

/** The feed at its address, answered with `body`; every other source is offline. */
function serve(state: { body: string }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      if (input === FEED) return new Response(state.body, { status: 200, headers: { 'content-type': 'application/json' } });
      throw new TypeError('Failed to fetch');
    }),
  );
}

describe('the background keeps the known-bad hosts the feed brings', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetData();
    vi.stubGlobal('__RADAR_FEED__', { url: FEED, signers: [TEST_FEED_SIGNER] });
  });
  afterEach(() => vi.unstubAllGlobals());

  test('a verified feed’s section is looked up, kept in storage, not taken back by an older one, and forgotten on reset', async () => {
    const now = new Date();
    const state = { body: await feed(1, section(new Date(Date.now() - 3_600_000).toISOString(), 'quiet-harbor-rewards.com')) };
    serve(state);
    expect((await knownBadLookup(now))('quiet-harbor-rewards.com')).toBeUndefined();
    await refreshDue({ force: true });
    expect((await knownBadLookup(now))('login.quiet-harbor-rewards.com')).toMatchObject({ exchange: 'kraken', listed: 'quiet-harbor-rewards.com' });
    expect(await fakeBrowser.storage.local.get('knownBad')).toMatchObject({ knownBad: { lists: [{ id: 'one' }] } });

    state.body = await feed(2, section(new Date(Date.now() - 86_400_000).toISOString(), 'older-harbor-rewards.com'));
    await refreshDue({ force: true });
    expect((await knownBadLookup(now))('quiet-harbor-rewards.com')).toBeDefined();
    expect((await knownBadLookup(now))('older-harbor-rewards.com')).toBeUndefined();

    await resetData();
    expect((await knownBadLookup(now))('quiet-harbor-rewards.com')).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('knownBad')).toEqual({});
  });

  test('a damaged stored copy counts as none, even where it names the host', async () => {
    const fresh = new Date(Date.now() - 3_600_000).toISOString();
    const damaged = section(fresh, 'quiet-harbor-rewards.com');
    damaged.lists[0]!.url = 'javascript:alert(1)';
    await fakeBrowser.storage.local.set({ knownBad: damaged });
    expect((await knownBadLookup(new Date()))('quiet-harbor-rewards.com')).toBeUndefined();
    await resetData();
    // The same copy undamaged is read: the check above is the schema's, not a missing section.
    await fakeBrowser.storage.local.set({ knownBad: section(fresh, 'quiet-harbor-rewards.com') });
    expect((await knownBadLookup(new Date()))('quiet-harbor-rewards.com')).toBeDefined();
  });

  test('a feed asked before a Reset and answered after it leaves no floor, no known-bad hosts, no snapshot', async () => {
    const body = await feed(1, section(new Date(Date.now() - 3_600_000).toISOString(), 'quiet-harbor-rewards.com'));
    let calls = 0;
    const { shut: released, open: release } = gate();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        if (input === FEED) {
          calls++;
          await released;
          return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
        }
        throw new TypeError('Failed to fetch');
      }),
    );
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(calls).toBe(1));
    await resetData();
    release();
    await run;
    expect(await fakeBrowser.storage.local.get(['heldFeed', 'knownBad', 'heldSnapshot'])).toEqual({});
    expect((await knownBadLookup(new Date()))('quiet-harbor-rewards.com')).toBeUndefined();
  });

  test('a Reset while the feed’s known-bad hosts are being compared with the held ones leaves none behind', async () => {
    serve({ body: await feed(1, section(new Date(Date.now() - 3_600_000).toISOString(), 'quiet-harbor-rewards.com')) });
    // The held hosts are read from storage only once the feed is taken: that read waits for the test.
    const { shut: gated, open } = gate();
    let asked = false;
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      if (!asked && JSON.stringify(keys ?? null).includes('knownBad')) {
        asked = true;
        await gated;
      }
      const answer = await get(keys);
      return answer;
    });
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(asked).toBe(true));
    await resetData();
    open();
    await run;
    expect(await fakeBrowser.storage.local.get(['heldFeed', 'knownBad', 'heldSnapshot'])).toEqual({});
    expect((await knownBadLookup(new Date()))('quiet-harbor-rewards.com')).toBeUndefined();
  });
});
