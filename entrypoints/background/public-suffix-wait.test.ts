import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import type { TabState } from '@/lib/view/exchange-view';
import { translateFrom } from '@/utils/i18n';
import english from '@/public/_locales/en/messages.json';
import { readTabState } from '@/utils/tab-states';

/** The list's reading, as the build ships it (modules/public-suffix-on-first-use.ts): here one the test settles. */
const list = vi.hoisted(() => ({ ready: undefined as unknown as () => Promise<void> }));
vi.mock('@/lib/exchanges/public-suffix', () => ({ publicSuffixReady: () => list.ready() }));

const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` });
const contentScript = (url = 'https://www.kraken.com/') => ({ id: fakeBrowser.runtime.id, tab: { id: 21, url }, url });

async function send(message: unknown, sender: object): Promise<TabState | undefined> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as (TabState | undefined)[];
  return answer;
}

let asked: number;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) =>
    translateFrom(english)(key as keyof typeof english, substitutions)) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
  asked = 0;
  list.ready = () => {
    asked++;
    return Promise.resolve();
  };
  background.main();
});

test("an exchange's own page is answered without the public-suffix list; any other address waits for it (issue 16)", async () => {
  expect((await send({ type: 'page-state' }, contentScript()))?.kind).toBe('exchange');
  expect((await send({ type: 'check-url', url: 'https://pro.kraken.com/app' }, self()))?.kind).toBe('exchange');
  expect((await send({ type: 'check-url', url: 'http://192.168.1.1/' }, self()))?.kind).toBe('not-exchange');
  expect(asked).toBe(0);

  let loaded!: () => void;
  list.ready = () => {
    asked++;
    return new Promise((resolve) => (loaded = resolve));
  };
  let answer: TabState | undefined;
  const pending = send({ type: 'check-url', url: 'https://kraken-login.com/' }, self()).then((state) => (answer = state));
  await vi.waitFor(() => expect(asked).toBe(1));
  // A question asked after it, needing no list, is answered; the lookalike check still waits for the list.
  expect((await send({ type: 'check-url', url: 'https://pro.kraken.com/app' }, self()))?.kind).toBe('exchange');
  expect(answer).toBeUndefined();
  loaded();
  await pending;
  expect(answer?.kind).toBe('lookalike');
});

test('when the list cannot be read, a lookalike check fails with its words and gives no verdict (issue 16)', async () => {
  list.ready = () => Promise.reject(new Error('Reserve Radar could not read the public-suffix list from its own files'));
  await expect(send({ type: 'check-url', url: 'https://kraken-login.com/' }, self())).rejects.toThrow(/could not read the public-suffix list/);
  // The exchange's own page does not depend on it.
  expect((await send({ type: 'page-state' }, contentScript()))?.kind).toBe('exchange');
});

test("a tab moving from an exchange to a lookalike while the list cannot be read keeps no verdict: the exchange's state is dropped, never shown for the lookalike (issue 16)", async () => {
  const tab = (url: string) => ({ id: 7, url }) as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];
  await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://www.kraken.com/' }, tab('https://www.kraken.com/'));
  await vi.waitFor(async () => expect((await readTabState(7))?.kind).toBe('exchange'));

  list.ready = () => Promise.reject(new Error('Reserve Radar could not read the public-suffix list from its own files'));
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const update = vi.spyOn(fakeBrowser.tabs, 'update');
  try {
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://kraken-login.com/' }, tab('https://kraken-login.com/'));
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[reserve-radar] no state for the tab:', expect.any(Error)));
    await vi.waitFor(async () => expect(await readTabState(7)).toBeUndefined());
    // Node tells of a rejection nobody handled once the microtasks run out: one turn of the event loop is what it takes.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
    expect(update).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
