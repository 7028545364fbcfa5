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
});
