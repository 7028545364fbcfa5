import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import type { ExchangeReserves } from '../../lib/reserves/schema';
import { buildExchangeView } from '../../lib/view/exchange-view';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';

/** The card's reserve figures: ratios as precise as the report gives them, a missing figure in words. */

const now = new Date('2026-12-04T12:00:00Z');
const POR_PAGE = 'https://www.okx.com/proof-of-reserves';
const localesDir = join(import.meta.dirname, '../../public/_locales');
const messages = (locale: string) => JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Messages;

function draw(reserves: ExchangeReserves, locale = 'en'): HTMLElement {
  const exchange = getExchange('okx');
  if (exchange === undefined) throw new Error('no okx in the registry');
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale)), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={buildExchangeView({ exchange, reserves, now })} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  return root;
}

const por = (reserveRatios: Record<string, number>) =>
  ({ method: 'merkle-liabilities', cadence: 'monthly', liabilitiesIncluded: true, reserveRatios, asOf: '2026-11-01', checkedAt: '2026-12-03', source: POR_PAGE }) as const;

const cells = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].map((cell) => cell.textContent);

describe('the card’s reserve figures', () => {
  test('a ratio shows the precision its source has: whole percents stay whole, hundredths stay, and one short of 100 % never reads 100 %', () => {
    const root = draw({ por: por({ BTC: 1.09, ETH: 1.0045, USDT: 0.99996, USDC: 1.004 }) });
    expect(cells(root, '[data-testid="card-ratios"] tbody td')).toEqual(['109%', '100.45%', '99.99%', '100.4%']);
  });

  test('the trend writes ratios as the reports give them, and a missing figure as "Unknown", in words a screen reader reads', () => {
    const porHistory = [
      { asOf: '2026-11-01', source: POR_PAGE, reserveRatios: { ETH: 1.09 }, customerLiabilities: { ETH: 1_785_866 } },
      { asOf: '2026-10-01', source: POR_PAGE, reserveRatios: { ETH: 1.01 } },
    ];
    const root = draw({ por: por({ ETH: 1.09 }), porHistory });
    const eth = root.querySelector('[data-testid="card-por-trend"] [data-asset="ETH"]');
    expect(eth?.querySelector('summary')?.textContent).toBe('ETH, Oct 1, 2026 → Nov 1, 2026: reserve ratio 101% → 109%; customer liabilities unknown → 1,785,866 ETH');
    expect(cells(eth as HTMLElement, 'tbody td:not(:last-child)')).toEqual(['109%', '1,785,866', '101%', 'Unknown']);
    expect(root.querySelector('[data-testid="card-por-trend"]')?.textContent).not.toContain('—');
  });

  test('every language writes the missing trend figure in its own word for "Unknown"', () => {
    const porHistory = [
      { asOf: '2026-11-01', source: POR_PAGE, reserveRatios: { ETH: 1.09 }, customerLiabilities: { ETH: 1_785_866 } },
      { asOf: '2026-10-01', source: POR_PAGE, reserveRatios: { ETH: 1.01 } },
    ];
    for (const locale of readdirSync(localesDir)) {
      const unknown = (messages(locale).unknownFigure as { message: string }).message;
      const inSentence = (messages(locale).unknownFigureInSentence as { message: string }).message;
      const trend = draw({ por: por({ ETH: 1.09 }), porHistory }, locale).querySelector('[data-testid="card-por-trend"]');
      // Inside the summary's sentence the word is in its mid-sentence form ("inconnu"), the table cell stands alone ("Inconnu").
      expect(trend?.querySelector('summary')?.textContent, locale).toContain(`${inSentence} → `);
      expect(inSentence.charAt(0), locale).toBe(inSentence.charAt(0).toLocaleLowerCase());
      expect(cells(trend as HTMLElement, 'tbody td:not(:last-child)').at(-1), locale).toBe(unknown);
      expect(trend?.textContent, locale).not.toContain('—');
    }
  });

  test('claim vs chain: a per-cent difference with nothing claimed is "Unknown", not a dash', () => {
    const porCheck = {
      claimAsOf: '2026-11-01',
      claimSource: POR_PAGE,
      assets: { OKB: { claimed: 0, onchain: 7, difference: 7 } },
      source: 'https://defillama.com/cex/okx',
      asOf: '2026-12-03',
    };
    const line = draw({ por: por({ OKB: 1 }), porCheck }).querySelector('[data-testid="card-por-check"] [data-asset="OKB"]');
    expect(line?.textContent).toBe('OKB: claimed 0 (Nov 1, 2026), on-chain 7 (Dec 3, 2026): +7 (Unknown)');
  });
});
