import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import type { TabState } from '@/lib/view/exchange-view';

const self = () => ({ id: fakeBrowser.runtime.id });

async function send(message: unknown, sender: object): Promise<TabState | undefined> {
  const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as (TabState | undefined)[];
  return answer;
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  test('a content script on binance.com gets the exchange, and its tab gets a badge', async () => {
    const state = await send({ type: 'page-state' }, { ...self(), tab: { id: 7 }, url: 'https://www.binance.com/en/trade' });
    expect(state?.kind).toBe('exchange');
    expect(state?.kind === 'exchange' && state.view.name).toBe('Binance');
    // The badge follows the answer, so the page never waits for it.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe(''));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  test('the popup learns the tab state the content script reported', async () => {
    await send({ type: 'page-state' }, { ...self(), tab: { id: 3 }, url: 'https://accounts.binance.com/login' });
    expect((await send({ type: 'tab-state', tabId: 3 }, self()))?.kind).toBe('exchange');
    expect((await send({ type: 'tab-state', tabId: 4 }, self()))?.kind).toBe('not-exchange');
  });

  test('the URL comes from the browser, not the message, and strangers are ignored', async () => {
    const state = await send({ type: 'page-state', url: 'https://www.binance.com/' }, { ...self(), tab: { id: 5 }, url: 'https://www.example.org/' });
    expect(state?.kind).toBe('not-exchange');
    expect(await send({ type: 'page-state' }, { id: 'another-extension', tab: { id: 6 }, url: 'https://www.binance.com/' })).toBeUndefined();
    expect(await send({ type: 'delete-everything' }, self())).toBeUndefined();
    expect(await send('page-state', self())).toBeUndefined();
  });

  test('a closed tab forgets its state', async () => {
    await send({ type: 'page-state' }, { ...self(), tab: { id: 9 }, url: 'https://www.binance.com/' });
    await fakeBrowser.tabs.onRemoved.trigger(9, { windowId: 1, isWindowClosing: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await send({ type: 'tab-state', tabId: 9 }, self()))?.kind).toBe('not-exchange');
  });
});

describe('lookalike protection', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  async function visit(url: string): Promise<string | undefined> {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(tab.id ?? 0, { url });
    await new Promise((resolve) => setTimeout(resolve, 30));
    return (await fakeBrowser.tabs.get(tab.id ?? 0)).url;
  }

  test('off by default: a lookalike address is left alone, with the "!" badge', async () => {
    expect(await visit('https://binance-login.com/')).toBe('https://binance-login.com/');
    const [tab] = await fakeBrowser.tabs.query({ url: 'https://binance-login.com/' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab?.id ?? -1 })).toBe('!');
  });

  test('on: a lookalike is replaced by the warning page, a real exchange and an allowed host are not', async () => {
    await fakeBrowser.storage.local.set({ settings: { lookalikeProtection: true } });
    expect(await visit('https://binance-login.com/en/login')).toBe(`chrome-extension://${fakeBrowser.runtime.id}/warning.html?url=${encodeURIComponent('https://binance-login.com/en/login')}`);
    expect(await visit('https://www.binance.com/en/login')).toBe('https://www.binance.com/en/login');
    await send({ type: 'allow-host', host: 'binance-login.com' }, self());
    expect(await visit('https://binance-login.com/')).toBe('https://binance-login.com/');
  });
});
