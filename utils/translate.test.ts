import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18nWithWords } from './translate';
import type { I18n } from './i18n';

describe('the pill’s words at hand (i18nWithWords)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('completed with the page’s other words, the pill’s own keys still never reach the browser’s lookup (its first call in a page loads the whole messages file, issue 16)', () => {
    const lookup = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => `browser:${key}`);
    const rest: I18n = { t: vi.fn((key: string) => `file:${key}`), locale: 'de' };
    const i18n = i18nWithWords({ pillLabel: 'Reserven: $1' }, rest);
    expect(i18n.t('pillLabel', ['Binance'])).toBe('Reserven: Binance');
    expect(i18n.t('snoozeLabel')).toBe('file:snoozeLabel');
    expect(i18n.locale).toBe('de');
    expect(rest.t).toHaveBeenCalledTimes(1);
    expect(lookup).not.toHaveBeenCalled();
  });

  test('alone, any other key goes to the browser’s lookup and the language tag is not known yet', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => `browser:${key}`);
    const i18n = i18nWithWords({ pillLabel: 'Reserves: $1' });
    expect(i18n.t('pillLabel', ['Kraken'])).toBe('Reserves: Kraken');
    expect(i18n.t('snoozeLabel')).toBe('browser:snoozeLabel');
    expect(i18n.locale).toBe('');
  });
});
