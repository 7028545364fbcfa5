import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from './page-context';
import { effectsOnNextTask, page } from '@/components/test-dom';
import type { I18n } from '@/utils/i18n';
import { watchWithdrawalFields } from './withdrawal-watch';

// The exchange page's address watch against WXT's in-memory browser, in linkedom; the context's listeners are not
// needed here.
effectsOnNextTask();

const ctx = { isValid: true, onInvalidated: () => undefined, addEventListener: () => undefined } as unknown as PageContext;

describe('the address-mismatch warning after a change of language', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('with no warning on screen, no words are asked for', async () => {
    vi.stubGlobal('window', page().window);
    const words = vi.fn((): Promise<I18n> => Promise.resolve({ t: () => '', locale: 'de' } as unknown as I18n));
    const reword = await watchWithdrawalFields({ ctx, exchangeId: () => 'binance', words });
    await reword();
    expect(words).not.toHaveBeenCalled();
  });
});
