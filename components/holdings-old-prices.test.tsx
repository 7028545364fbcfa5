import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../lib/holdings/model';
import { parseDefillamaPrices, PRICE_MAX_AGE_DAYS, type PriceTable } from '../lib/holdings/prices';
import { holdingsOverview, holdingsSummary } from '../lib/holdings/summary';
import { formatAge, formatDate } from '../lib/words/format';
import { translateFrom } from '../utils/i18n';
import { localeMessages } from '../utils/locale-files.testkit';
import { HoldingsMini } from './HoldingsMini';
import { drawHoldingsSection, mountInWords } from './holdings-section.testkit';

const t = translateFrom(localeMessages('en'));
const words = { t, locale: 'en' };
// A real answer of DefiLlama's coins API, its ETH price dated 5 Oct 2026 (tests/fixtures/coins-llama/README.md).
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '../tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8')) as unknown;
const URL = 'https://coins.llama.fi/prices/current/coingecko:ethereum';
const eth = { id: 'h1', kind: 'asset' as const, custodian: 'self', asset: 'ETH', amount: 3, updatedAt: Date.parse('2026-10-05T10:00:00Z') };

afterEach(() => vi.unstubAllGlobals());

/**
 * An entry from an earlier fetch for a coin the user does not hold, as the table has until the next good answer
 * (lib/holdings/prices.ts `mergePriceAnswer`), or when an answer left the coin out while it was held. Only its date matters here: the user holds no LTC, so its price is never summed or shown.
 */
const keptLtc = { LTC: { usd: 1, asOf: '2026-07-01T00:00:00.000Z', source: 'https://coins.llama.fi/prices/current/coingecko:litecoin' } };

interface Valued {
  holdings?: HoldingsState['holdings'];
  kept?: PriceTable['prices'];
}

/** `holdings` (3 ETH unless told) and the table of the recorded answer fetched at `now`, with `kept` entries. */
function valuedAt(now: Date, { holdings = [eth], kept = {} }: Valued = {}) {
  const parsed = parseDefillamaPrices({ body: recorded, url: URL, fetchedAt: now.getTime() });
  if (!parsed.ok) throw new Error('the recording no longer parses');
  const prices = { ...parsed.table, prices: { ...kept, ...parsed.table.prices } };
  return { state: { ...emptyHoldingsState, holdings }, prices, asOf: parsed.table.prices.ETH!.asOf };
}

/** The section valuing `holdings` with the recorded answer and `kept` entries, fetched and drawn at `now`. */
function drawAt(now: Date, valued: Valued = {}) {
  const { state, prices, asOf } = valuedAt(now, valued);
  const { root } = drawHoldingsSection(words, { state, prices, now });
  return { root, asOf, text: root.textContent ?? '' };
}

/** The popup's line as the background sums it up at `now` for the same holdings and table. */
async function drawPopupAt(now: Date, valued: Valued = {}) {
  const { state, prices, asOf } = valuedAt(now, valued);
  const summary = holdingsSummary(holdingsOverview({ state, prices, readings: null }), state.history, now.getTime());
  const { root } = mountInWords(<HoldingsMini load={() => Promise.resolve(summary)} />, words);
  // The load runs in an effect, after a paint: wait for the share line.
  await vi.waitFor(() => expect(root.querySelector('[data-testid="holdings-mini-share"]')).not.toBeNull());
  return { root, asOf };
}

describe('HoldingsSection: a total valued on old prices says so', () => {
  test(`prices older than ${PRICE_MAX_AGE_DAYS} days: a plain warning next to the total, and the price line gives their age, not "fetched just now"`, () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const { root, asOf, text } = drawAt(now);
    const warning = root.querySelector('[data-testid="holdings-prices-old"]');
    expect(warning?.textContent).toBe(t('holdingsPricesOld', formatDate(asOf, 'en')));
    // Right after the total, where the number it qualifies is.
    expect(warning?.previousElementSibling?.getAttribute('data-testid')).toBe('holdings-total');
    expect(text).not.toContain(t('ageJustNow'));
    expect(text).toContain(t('holdingsPricesFromOld', [formatDate(asOf, 'en'), formatAge(asOf, now, 'en', t)]));
    // No point recorded yet: the chart names the old prices as the reason, not holdings that cannot be valued.
    expect(root.querySelector('[data-testid="sparkline-text"]')?.textContent).toBe(t('sparklineEmptyOldPrices'));
    render(null, root);
  });

  test('prices of the same day: no warning, and the line says when they were fetched', () => {
    const { root, text } = drawAt(new Date('2026-10-05T18:00:00Z'));
    expect(root.querySelector('[data-testid="holdings-prices-old"]')).toBeNull();
    expect(text).toContain(t('ageJustNow'));
    expect(root.querySelector('[data-testid="sparkline-text"]')?.textContent).toBe(t('sparklineEmpty'));
    render(null, root);
  });
});

describe('HoldingsSection: only the prices the total uses are dated', () => {
  test('an old entry for a coin the user does not hold: no warning, and the line is as of the ETH price that values the total', () => {
    const now = new Date('2026-10-05T18:00:00Z');
    const { root, asOf, text } = drawAt(now, { kept: keptLtc });
    expect(root.querySelector('[data-testid="holdings-prices-old"]')).toBeNull();
    expect(root.querySelector('[data-testid="holdings-prices"]')?.textContent).toContain(t('holdingsPricesFrom', [formatDate(asOf, 'en'), t('ageJustNow')]));
    expect(formatDate(asOf, 'en')).toBe('Oct 5, 2026');
    expect(text).not.toContain('Jul 1, 2026');
    render(null, root);
  });

  test('cash only: no price values the total, so old prices in the table give no warning', () => {
    const cash = { id: 'c1', kind: 'fiat' as const, custodian: 'self', currency: 'USD', value: 1000, updatedAt: Date.parse('2026-12-07T10:00:00Z') };
    const { root } = drawAt(new Date('2026-12-07T12:00:00Z'), { holdings: [cash], kept: keptLtc });
    expect(root.querySelector('[data-testid="holdings-total"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="holdings-prices-old"]')).toBeNull();
    // The line is dated by the newest price held, not by the kept entry.
    expect(root.querySelector('[data-testid="holdings-prices"]')?.textContent).not.toContain('Jul 1, 2026');
    render(null, root);
  });
});

describe('HoldingsMini: the popup says a share made on old prices as the options page does', () => {
  test(`prices older than ${PRICE_MAX_AGE_DAYS} days: the same warning, right under the share`, async () => {
    const { root, asOf } = await drawPopupAt(new Date('2026-12-07T12:00:00Z'));
    const warning = root.querySelector('[data-testid="holdings-mini-prices-old"]');
    expect(warning?.textContent).toBe(t('holdingsPricesOld', formatDate(asOf, 'en')));
    expect(warning?.previousElementSibling?.getAttribute('data-testid')).toBe('holdings-mini-share');
    expect(root.querySelector('[data-testid="sparkline-text"]')?.textContent).toBe(t('sparklineEmptyOldPrices'));
    render(null, root);
  });

  test('prices of the same day, or an old entry for a coin not held: no warning', async () => {
    const { root } = await drawPopupAt(new Date('2026-10-05T18:00:00Z'), { kept: keptLtc });
    expect(root.querySelector('[data-testid="holdings-mini-share"]')?.textContent).toBe(t('holdingsShare', '100%'));
    expect(root.querySelector('[data-testid="holdings-mini-prices-old"]')).toBeNull();
    expect(root.querySelector('[data-testid="sparkline-text"]')?.textContent).toBe(t('sparklineEmpty'));
    render(null, root);
  });
});

describe('a total of 0 on old prices: nothing is valued by them, so neither page warns', () => {
  // A recorded row of 0 ETH: the amount may be 0, and the total is 0 whatever the ETH price.
  const none = { ...eth, amount: 0 };
  const now = new Date('2026-12-07T12:00:00Z');

  test('options page', () => {
    const { root } = drawAt(now, { holdings: [none] });
    expect(root.querySelector('[data-testid="holdings-overview"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="holdings-prices-old"]')).toBeNull();
    render(null, root);
  });

  test('popup', async () => {
    const { root } = await drawPopupAt(now, { holdings: [none] });
    expect(root.querySelector('[data-testid="holdings-mini-prices-old"]')).toBeNull();
    render(null, root);
  });
});
