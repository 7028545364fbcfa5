import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { grantedChromeBuild, launchChromium, type ChromiumExtension } from './harness';
import { cexsWithRunOnBinance } from './run-cexs';

/**
 * The run alert's system notification in real Chromium, in German: a routed `/cexs` answer with a
 * run on Binance, held back until the worker records what `notifications.create` is given (the
 * notification's text cannot be read back from Chrome). Built with `notifications` granted at
 * install (`grantedChromeBuild`), as run-alert.e2e.ts explains.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  notifications: { create(...args: unknown[]): Promise<string> };
};

describe('run notification in Chromium', () => {
  let browser: ChromiumExtension;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    const body = cexsWithRunOnBinance();
    await browser.context.route('https://api.llama.fi/**', async (route) => {
      if (new URL(route.request().url()).pathname !== '/cexs') return route.fulfill({ status: 404, body: '' });
      await held;
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 404, body: '' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("names the figures' source host and the moment they describe, in the user's language", async () => {
    await browser.worker.evaluate(async () => {
      const recorded: string[] = [];
      (globalThis as { recordedNotifications?: string[] }).recordedNotifications = recorded;
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (...args: unknown[]) => {
        recorded.push(JSON.stringify(args[1]));
        return create(...args);
      };
      await chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
        settings: { runAlertNotifications: true, language: 'de' },
      });
    });
    release();
    const notes = () => browser.worker.evaluate(() => (globalThis as { recordedNotifications?: string[] }).recordedNotifications ?? []);
    await expect.poll(async () => (await notes()).length, { timeout: 30_000 }).toBe(1);
    const { title, message } = JSON.parse((await notes())[0]!) as { title: string; message: string };
    expect(title).toBe('Geld fließt schnell von Binance ab');
    // The reading's time as the pages write it: German date and time on the reader's clock, no "UTC".
    expect(message).toMatch(/ Zahlen von api\.llama\.fi, Stand \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\. Klicken Sie, um den Auszahlungsassistenten zu öffnen\.$/);
  });
});
