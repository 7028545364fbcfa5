import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '@/lib/community/sign-warning-list';
import type { WarningList } from '@/lib/community/warning-list';
import { fakePermissions } from '@/tests/fake-permissions';
import english from '@/public/_locales/en/messages.json';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { MAX_SUBSCRIPTIONS } from '@/lib/community/subscription';
import { checkSubscriptions, clearSubscriptions, startWarnings, subscribe, subscriptionViews, unsubscribe } from './warnings';
import { englishMessage as getMessage } from './background.testkit';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { chineseSentenceProblems } from '@/lib/words/chinese-sentences.testkit';

/**
 * A warning list is read with the host permission for its own host, granted at the user's click
 * in the options page: then the browser sends no Origin (in Firefox a per-install id) and the host
 * needs no CORS headers. Without it a list is neither added nor fetched, and says why.
 */

/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const SIGNER = privateKeyToAccount(KEY).address;
const A = 'https://lists.example.org/a.json';
const A2 = 'https://lists.example.org:8443/b.json';
const ACCESS = { origins: ['https://lists.example.org/*'] };
const list: WarningList = { name: 'Test list', sequence: 1, issued: '2026-01-01T00:00:00Z', expires: '2099-01-01T00:00:00Z', entries: [] };
const fetched: string[] = [];

describe('the host permission of a warning list', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    fetched.length = 0;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar', host_permissions: ['https://api.llama.fi/*'] });
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async (input: string) => {
      fetched.push(input);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    startWarnings();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('without it a list is not added, in plain words, and nothing is fetched', async () => {
    expect(await subscribe(A, SIGNER)).toEqual({ ok: false, reason: english.listsAccessDeclined.message.replace('$1', 'lists.example.org') });
    expect(await subscriptionViews()).toEqual([]);
    expect(fetched).toEqual([]);
  });

  test('with it the list is read; leaving the last list of that host gives the access back, not before', async () => {
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
    expect(await subscribe(A2, SIGNER)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => view.health)).toEqual(['ok', 'ok']);
    await unsubscribe(A);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(true);
    await unsubscribe(A2);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(false);
  });

  test('a subscription says its list’s lang to the options page, and nothing when the list says none', async () => {
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
    const german = JSON.stringify((await signWarningList({ list: { ...list, name: 'Börsenwarnungen', lang: 'de' }, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async () => new Response(german, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await subscribe(A2, SIGNER)).toEqual({ ok: true });
    const [plain, marked] = await subscriptionViews();
    expect(plain).not.toHaveProperty('listLang');
    expect([marked?.listName, marked?.listLang]).toEqual(['Börsenwarnungen', 'de']);
    // Where the name stands in the line, so the page marks it without reading the words.
    const nameIn = (view: typeof marked) => view?.message.slice(view.nameAt, (view.nameAt ?? 0) + (view.listName?.length ?? 0));
    expect([nameIn(plain), nameIn(marked)]).toEqual(['Test list', 'Börsenwarnungen']);
    await fakeBrowser.permissions.remove(ACCESS);
    const withheld = (await subscriptionViews())[1];
    expect(withheld?.needsAccess).toBe('lists.example.org');
    expect(nameIn(withheld)).toBe('Börsenwarnungen');
  });

  test('a refused subscription gives back the access asked for it, unless another list of that host holds it', async () => {
    await fakeBrowser.permissions.request(ACCESS);
    expect((await subscribe('https://lists.example.org/a.json', '0x123')).ok).toBe(false);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(false);
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
    expect((await subscribe(A, SIGNER)).ok).toBe(false);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(true);
  });

  test('a subscribe refused in its turn (too many lists) gives back the host its page was just given', async () => {
    const held = Array.from({ length: MAX_SUBSCRIPTIONS }, (_, index) => ({ url: `https://lists.example.org/${index}.json`, expectedSigner: SIGNER, lastCheck: null }));
    await fakeBrowser.storage.local.set({ warningSubscriptions: held });
    const OTHER = { origins: ['https://other.example/*'] };
    await fakeBrowser.permissions.request(OTHER);
    expect(await subscribe('https://other.example/one-more.json', SIGNER)).toMatchObject({ ok: false });
    expect(await subscriptionViews()).toHaveLength(MAX_SUBSCRIPTIONS);
    expect(await fakeBrowser.permissions.contains(OTHER)).toBe(false);
  });

  test('a subscription whose access is gone (one from before, or taken away in the browser) is not fetched, and its line says why and how to allow it', async () => {
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
    fetched.length = 0;
    await fakeBrowser.permissions.remove(ACCESS);
    await checkSubscriptions({ force: true });
    expect(fetched).toEqual([]);
    const [view] = await subscriptionViews();
    expect(view?.health).toBe('failing');
    expect(view?.needsAccess).toBe('lists.example.org');
    expect(view?.message.startsWith(english.listsStateNoAccess.message.replace('$1', 'lists.example.org'))).toBe(true);
  });

  test('in Chinese the line under a list without access follows its "。" with the held copy’s line directly', async () => {
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
    await fakeBrowser.permissions.remove(ACCESS);
    await fakeBrowser.storage.local.set({ settings: { language: 'zh_CN' } });
    stubLocaleFetch();
    const [view] = await subscriptionViews();
    expect(view?.message).toContain('Test list');
    expect(view?.message.startsWith(localeMessages('zh_CN').listsStateNoAccess?.message.replace('$1', 'lists.example.org') ?? '-')).toBe(true);
    expect(chineseSentenceProblems(view?.message ?? '')).toEqual([]);
  });
});

test('a list that never verified is not said to keep a last verified copy', async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
  vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
  startWarnings();
  await fakeBrowser.permissions.request(ACCESS);
  expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
  await fakeBrowser.permissions.remove(ACCESS);
  const [view] = await subscriptionViews();
  vi.unstubAllGlobals();
  expect(view?.needsAccess).toBe('lists.example.org');
  expect(view?.message).toBe(english.listsStateNoAccessNever.message.replace('$1', 'lists.example.org'));
});

describe.each([
  // The feed's own host: required, so held from install (the fake holds it once granted here).
  ['the manifest requires', { host_permissions: ['https://reserve-radar.github.io/*'] }],
  ['a required pattern of any scheme covers', { host_permissions: ['*://reserve-radar.github.io/*'] }],
  // A user who allowed that one site in Chrome's site access: Chromium refuses to remove it.
  ["a content script's match covers", { content_scripts: [{ matches: ['https://*.github.io/*'], js: ['content.js'] }] }],
])('giving back the access of a list whose host %s', (_, required) => {
  const FEED_HOST_LIST = 'https://reserve-radar.github.io/warnings.json';
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar', ...required });
    await fakePermissions.grantInBrowser({ origins: ['https://reserve-radar.github.io/*'] });
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    startWarnings();
  });
  afterEach(() => vi.unstubAllGlobals());

  test('leaving the list asks the browser to remove nothing: Chromium would withhold the host, or refuse', async () => {
    expect(await subscribe(FEED_HOST_LIST, SIGNER)).toEqual({ ok: true });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    await unsubscribe(FEED_HOST_LIST);
    expect((await subscribe(FEED_HOST_LIST, '0x123')).ok).toBe(false);
    expect(remove).not.toHaveBeenCalled();
    expect(await fakeBrowser.permissions.contains({ origins: ['https://reserve-radar.github.io/*'] })).toBe(true);
  });
});

describe('a subscribe and an unsubscribe on one host at the same moment', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    startWarnings();
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
  });
  afterEach(() => vi.unstubAllGlobals());

  test('the subscribe keeps the access its page was just given: the unsubscribe gives back no host a list being added needs', async () => {
    // Leaving A while B on the same host is added (its page's request answered at once: the host was held).
    const [, added] = await Promise.all([unsubscribe(A), subscribe(A2, SIGNER)]);
    expect(added).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => view.url)).toEqual([A2]);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(true);
  });
});

describe('clearing the subscriptions (Reset, Delete everything) gives their hosts back in their turn', () => {
  const B = 'https://warnings.example.net/b.json';
  const B_ACCESS = { origins: ['https://warnings.example.net/*'] };
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar', host_permissions: ['https://api.llama.fi/*'] });
    await fakePermissions.grantInBrowser({ origins: ['https://api.llama.fi/*'] });
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    startWarnings();
    await fakeBrowser.permissions.request(ACCESS);
    expect(await subscribe(A, SIGNER)).toEqual({ ok: true });
  });
  afterEach(() => vi.unstubAllGlobals());

  test('the list hosts go with the lists; a required host stays', async () => {
    await clearSubscriptions();
    expect(await subscriptionViews()).toEqual([]);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(false);
    expect(await fakeBrowser.permissions.contains({ origins: ['https://api.llama.fi/*'] })).toBe(true);
  });

  test('a subscribe from another tab asked after the clear keeps the access its page was just given', async () => {
    // That tab's request was answered at the click, before either turn; its subscribe reaches the background just after the clear.
    await fakeBrowser.permissions.request(B_ACCESS);
    const [, added] = await Promise.all([clearSubscriptions(), subscribe(B, SIGNER)]);
    expect(added).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => view.url)).toEqual([B]);
    expect(await fakeBrowser.permissions.contains(B_ACCESS)).toBe(true);
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(false);
  });

  test("a clear between that tab's Allow and its subscribe takes the host back: the subscribe is refused in words that say to add it again and allow, and doing so adds it", async () => {
    // That tab's request was answered at the click; the clear's turn came before its subscribe reached the background, so no subscribe under way held the host.
    await fakeBrowser.permissions.request(B_ACCESS);
    await clearSubscriptions();
    expect(await fakeBrowser.permissions.contains(B_ACCESS)).toBe(false);
    const asked: string[] = [];
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    vi.stubGlobal('fetch', async (input: string) => {
      asked.push(input);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    expect(await subscribe(B, SIGNER)).toEqual({ ok: false, reason: english.listsAccessDeclined.message.replace('$1', 'warnings.example.net') });
    // Not added without its access (never a list that is silently not checked), nothing fetched.
    expect(await subscriptionViews()).toEqual([]);
    expect(asked).toEqual([]);
    // What the words say: add it again (the page asks for the host at that click) and allow.
    await fakeBrowser.permissions.request(B_ACCESS);
    expect(await subscribe(B, SIGNER)).toEqual({ ok: true });
    expect((await subscriptionViews()).map((view) => [view.url, view.health])).toEqual([[B, 'ok']]);
  });

  test('lists that cannot be checked now (Chrome: no offscreen document) are cleared all the same, with their hosts', async () => {
    // Read afresh from storage, as a woken worker does, and the check fails.
    startWarnings();
    await fakeBrowser.storage.session.clear();
    vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions').mockRejectedValue(new Error('no offscreen document'));
    await clearSubscriptions();
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.local.get('warningSubscriptions')).toEqual({ warningSubscriptions: [] });
    expect(await fakeBrowser.permissions.contains(ACCESS)).toBe(false);
  });
});
