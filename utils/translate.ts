import { browser } from 'wxt/browser';
import type { Translate } from '@/components/i18n';

/**
 * The browser's own message lookup. WXT's generated types list only the `@@` keys; our keys
 * are checked instead by `MessageKey` (from the English messages file) and the locale test.
 */
export const browserTranslate: Translate = (key, substitutions) => browser.i18n.getMessage(key as '@@ui_locale', substitutions);
