import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundContext } from './context';

describe('tab addresses the background keeps for the session', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('tabs reported and closed at the same moment all keep (or lose) their address', async () => {
    const context = createBackgroundContext();
    await context.rememberUrl(9, 'https://www.kraken.com/');
    await Promise.all([
      context.rememberUrl(1, 'https://www.binance.com/en'),
      context.rememberUrl(2, 'https://www.okx.com/'),
      context.rememberUrl(9, undefined),
      context.rememberUrl(3, 'https://www.coinbase.com/'),
    ]);
    expect(await context.knownTabs()).toEqual({ 1: 'https://www.binance.com/en', 2: 'https://www.okx.com/', 3: 'https://www.coinbase.com/' });
  });

  test("only an exchange's own address is kept: any other forgets the tab, a local file or a secret in a query string included", async () => {
    const context = createBackgroundContext();
    await context.rememberUrl(1, 'https://www.kraken.com/');
    await context.rememberUrl(2, 'https://www.binance.com/en');
    await context.rememberUrl(3, 'https://www.okx.com/');
    await Promise.all([
      context.rememberUrl(1, 'file:///home/me/private.pdf'),
      context.rememberUrl(2, 'https://mail.example.org/reset?token=SECRET'),
      context.rememberUrl(4, 'https://binance-login.com/en/login?token=SECRET'),
      context.rememberUrl(5, 'chrome://settings/'),
    ]);
    expect(await context.knownTabs()).toEqual({ 3: 'https://www.okx.com/' });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toMatch(/SECRET|private|example\.org|binance-login/);
  });
});
