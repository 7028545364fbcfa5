import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import background from './index';
import { refreshDue, sourceViews } from './data';
import { refreshPrices } from './holdings';
import { refreshWhenHostsReturn } from './required-hosts';

/**
 * Chromium withholds the hosts the manifest requires when the access to all sites is given back. A request to a
 * withheld host still leaves, as a CORS request, and its answer is blocked: `fetch` fails as for a host that is down.
 * The failure is then ours (no access), not the host's ("could not reach"), and once the access is back the sources
 * are asked again at once, not at the end of a backoff of up to hours.
 */

const FEED = 'https://reserve-radar.github.io/*';
const REQUIRED = [FEED, 'https://api.llama.fi/*', 'https://coins.llama.fi/*', 'https://www.ecb.europa.eu/*'];
const NOW = Date.parse('2026-11-25T10:00:00Z');

function useManifest() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Reserve Radar', version: '1.0.0', host_permissions: REQUIRED });
}

/** A network where every request fails as a blocked CORS answer does. */
function blockedNetwork() {
  const fetch = vi.fn(async (_input: string, _init?: RequestInit): Promise<Response> => {
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('a request that fails while the browser withholds its host', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useManifest();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('a Data sources row says we have no access to the host; a held host that fails is still "could not reach"', async () => {
    blockedNetwork();
    // api.llama.fi withheld; the others held.
    await fakePermissions.grantInBrowser({ origins: REQUIRED.filter((origin) => !origin.includes('api.llama.fi')) });
    await refreshDue({ force: true });
    const views = await sourceViews();
    expect(views.find((row) => row.id === 'cexs')?.lastFetchFailure).toEqual({ reason: 'no-access', host: 'api.llama.fi' });
    expect(views.find((row) => row.group === 'protocol')?.lastFetchFailure).toEqual({ reason: 'no-access', host: 'api.llama.fi' });
    expect(views.find((row) => row.id === 'own-token-prices')?.lastFetchFailure).toEqual({ reason: 'network', host: 'coins.llama.fi', stage: 'connect', detail: 'Failed to fetch' });
    expect(views.find((row) => row.id === 'feed')?.lastFetchFailure).toEqual({ reason: 'network', host: 'reserve-radar.github.io', stage: 'connect', detail: 'Failed to fetch' });
  });

  test('the holdings rate line says we have no access to the ECB, not that it could not be reached', async () => {
    blockedNetwork();
    await fakePermissions.grantInBrowser({ origins: REQUIRED.filter((origin) => !origin.includes('ecb')) });
    await fakeBrowser.storage.local.set({ holdings: { holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: NOW }], addresses: [], history: [] } });
    const { status } = await refreshPrices({ now: () => NOW });
    expect(status.lastRatesFetchFailure).toEqual({ reason: 'no-access', host: 'www.ecb.europa.eu' });
    expect(status.lastFetchFailure).toEqual({ reason: 'network', host: 'coins.llama.fi', stage: 'connect', detail: 'Failed to fetch' });
  });

  test('a browser that cannot say whether it holds the host leaves the failure as the network one', async () => {
    blockedNetwork();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('no permissions API here'));
    await refreshDue({ force: true });
    expect((await sourceViews()).find((row) => row.id === 'cexs')?.lastFetchFailure).toEqual({ reason: 'network', host: 'api.llama.fi', stage: 'connect', detail: 'Failed to fetch' });
  });
});

describe('a required host given back', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // Stored empty rather than absent: data.ts fills in the item's fallback object in place, which outlives fakeBrowser.reset().
    await fakeBrowser.storage.local.set({ sources: {} });
    useManifest();
    background.main();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('every source is asked again at once, as "Refresh now" asks them, without waiting for its backoff', async () => {
    await fakePermissions.grantInBrowser({ origins: REQUIRED.filter((origin) => !origin.includes('api.llama.fi')) });
    const fetch = blockedNetwork();
    await refreshDue({ force: true });
    expect((await sourceViews()).find((row) => row.id === 'cexs')?.status).toBe('failing');
    fetch.mockClear();
    fetch.mockImplementation(async (input: string) => (new URL(input).pathname === '/cexs' ? new Response('[]', { status: 200 }) : new Response('not found', { status: 404 })));
    await fakePermissions.grantInBrowser({ origins: ['https://api.llama.fi/*'] });
    await vi.waitFor(() => expect(fetch.mock.calls.map(([url]) => new URL(url).pathname)).toContain('/cexs'));
    await vi.waitFor(async () => expect((await sourceViews()).find((row) => row.id === 'cexs')?.lastFetchFailure).not.toEqual({ reason: 'no-access', host: 'api.llama.fi' }));
  });

  test('no source failed for our access (the access to all sites granted for lookalike protection): nothing is asked', async () => {
    const fetch = blockedNetwork();
    await fakePermissions.grantInBrowser({ origins: ['*://*/*'] });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('the prices failed for our access: they and the sources are asked again', async () => {
    await fakePermissions.grantInBrowser({ origins: REQUIRED.filter((origin) => !origin.includes('ecb')) });
    const fetch = blockedNetwork();
    await fakeBrowser.storage.local.set({ holdings: { holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: NOW }], addresses: [], history: [] } });
    await refreshPrices({ now: () => NOW });
    fetch.mockClear();
    await fakePermissions.grantInBrowser({ origins: ['https://www.ecb.europa.eu/*'] });
    const hosts = fetch.mock.calls.map(([url]) => new URL(url).host);
    expect(hosts).toContain('www.ecb.europa.eu');
    expect(hosts).toContain('api.llama.fi');
  });

  test('another permission given (notifications, the access to one lookalike site) asks nothing', async () => {
    const fetch = blockedNetwork();
    await fakePermissions.grantInBrowser({ permissions: ['notifications'] });
    await fakePermissions.grantInBrowser({ origins: ['https://example.com/*'] });
    // The listeners have run (grantInBrowser waits for them).
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("required hosts given back one at a time (the browser's site settings give one site at a time)", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useManifest();
  });

  test('a host given while the sources are being asked again is followed by one more round, so its own source is asked with the access', async () => {
    let finish: () => void = () => undefined;
    const refresh = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    refreshWhenHostsReturn({ failedForAccess: () => Promise.resolve(true), refresh });
    const grants = [fakePermissions.grantInBrowser({ origins: [FEED] })];
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    const manifestReads = vi.mocked(fakeBrowser.runtime.getManifest).mock.calls.length;
    grants.push(fakePermissions.grantInBrowser({ origins: ['https://api.llama.fi/*'] }), fakePermissions.grantInBrowser({ origins: ['https://coins.llama.fi/*'] }));
    // Both listeners have read the required hosts, and so asked for their round in the same step: they wait behind the one under way.
    await vi.waitFor(() => expect(vi.mocked(fakeBrowser.runtime.getManifest).mock.calls.length).toBe(manifestReads + 2));
    expect(refresh).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(2));
    finish();
    await Promise.all(grants);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
