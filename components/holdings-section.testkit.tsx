// Draws the options page's holdings section for its tests: not a test file itself (vitest runs *.test.ts(x) only).
import { type ComponentChild, render } from 'preact';
import { emptyHoldingsState } from '../lib/holdings/model';
import { emptyPriceTable } from '../lib/holdings/prices';
import { I18nContext, type Translate } from '../utils/i18n';
import { HoldingsSection, type HoldingsSectionProps } from './HoldingsSection';
import { page } from './test-dom';

/** The page's words: a translator and its locale. */
export interface Words {
  t: Translate;
  locale: string;
}

/** A section with nothing held, no prices, no failures and no RPC address, whose saves and refreshes succeed at once. */
export const quietSection: HoldingsSectionProps = {
  state: emptyHoldingsState,
  prices: emptyPriceTable,
  readings: null,
  priceStatus: {},
  exchangeNames: {},
  rpcUrlSet: false,
  now: new Date('2026-12-06T12:00:00Z'),
  onSave: () => Promise.resolve({ ok: true }),
  onRefreshPrices: () => Promise.resolve(),
  onRefreshBalances: () => Promise.resolve(),
};

/** Renders `node` in the page's words into a fresh page (`document` stubbed to it). */
export function mountInWords(node: ComponentChild, { t, locale }: Words) {
  const drawn = page();
  render(<I18nContext.Provider value={{ t, locale }}>{node}</I18nContext.Provider>, drawn.root);
  return drawn;
}

/** The holdings section in the page's words: the quiet section with `props` put over it. */
export function drawHoldingsSection(words: Words, props: Partial<HoldingsSectionProps> = {}) {
  return mountInWords(<HoldingsSection {...quietSection} {...props} />, words);
}
