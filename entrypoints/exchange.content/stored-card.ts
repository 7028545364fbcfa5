import { browser } from 'wxt/browser';
import type { ExchangeView } from '@/lib/view/exchange-view';
import type { FirstPaint } from '@/lib/view/first-paint-view';
import { FIRST_PAINT_CARDS_KEY, firstPaintCardFor } from '@/lib/view/first-paint-view-card';
import type { I18n } from '@/utils/i18n';
import { readStored } from './first-state';
import { i18nFromPageWords } from './words';

/**
 * The card that opens by itself, from storage (issue 16): read only when the stored first paint
 * says it opens, and only the entry's own exchange is taken. `undefined` sends the page to the
 * background's answer, as before.
 */
export async function storedCard(stored: FirstPaint, now = Date.now()): Promise<{ view: ExchangeView; i18n: I18n } | undefined> {
  const card = firstPaintCardFor({
    stored: await readStored((key) => browser.storage.local.get(key), FIRST_PAINT_CARDS_KEY),
    entry: stored.entry,
    builtAt: stored.builtAt,
    now,
  });
  return card === undefined ? undefined : { view: card.view, i18n: i18nFromPageWords(card.words) };
}
