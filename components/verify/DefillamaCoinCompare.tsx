import { compareWithDefillama, type DefillamaComparisonRow } from '../../lib/chain/compare-reserves';
import type { CheckReservesReturnType } from '../../lib/chain/reserves-check';
import type { TokenAmounts } from '../../lib/reserves/schema';
import { formatDate, formatDecimal } from '../../lib/words/format';
import { gapAfter } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';

export interface DefillamaCoinCompareProps {
  exchangeName: string;
  chainName: string;
  /** The chain's key in DefiLlama's figures. */
  defillamaChain: string;
  nativeSymbol: string;
  /** Every asset the check was asked to read, in display order. */
  symbols: readonly string[];
  result: CheckReservesReturnType;
  /** DefiLlama's coin amounts the background holds for the exchange; undefined when none. */
  amounts: TokenAmounts | undefined;
}

/** The on-chain count per coin beside DefiLlama's newest count, in coins, with the block and DefiLlama's date. */
export function DefillamaCoinCompare({ exchangeName, chainName, defillamaChain, nativeSymbol, symbols, result, amounts }: DefillamaCoinCompareProps) {
  const t = useT();
  const locale = useLocale();
  const comparison = compareWithDefillama({ result, symbols, nativeSymbol, chain: defillamaChain, amounts });
  const point = comparison.at !== undefined && comparison.source !== undefined ? { at: comparison.at, source: comparison.source } : null;
  const intro = point === null ? '' : t('verifyLlamaCoinsIntro', [exchangeName, chainName, formatDate(point.at, locale)]);

  return (
    <div data-testid="reserves-llama" data-status={comparison.status}>
      <h3>{t('verifyLlamaCoinsTitle')}</h3>
      {point === null || comparison.blockNumber === undefined ? (
        <p class="muted" data-testid="reserves-llama-none">
          {t('verifyLlamaCoinsNone', [exchangeName, chainName])}
        </p>
      ) : (
        <>
          <p class="provenance">
            {intro}
            {gapAfter(intro, locale)}
            <a href={point.source} target="_blank" rel="noopener noreferrer" data-testid="reserves-llama-source">
              {t('verifyLlamaCoinsSource')}
            </a>
          </p>
          {comparison.status === 'partial' && (
            <p class="verdict verdict--caution" role="status" data-testid="reserves-llama-partial">
              {t('verifyLlamaCoinsPartial')}
            </p>
          )}
          <div class="table-scroll">
            <table class="path totals" data-testid="reserves-llama-table">
              <caption>{t('verifyLlamaCoinsCaption', [exchangeName, chainName, formatDecimal(comparison.blockNumber, locale), formatDate(point.at, locale)])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('verifyAsset')}</th>
                  <th scope="col" class="num">
                    {t('verifyLlamaCoinsOnChain', formatDecimal(comparison.blockNumber, locale))}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyLlamaCoinsDefillama', formatDate(point.at, locale))}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyLlamaCoinsDifference')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => (
                  <CoinRow key={row.symbol} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function CoinRow({ row }: { row: DefillamaComparisonRow }) {
  const t = useT();
  const locale = useLocale();
  const unknown = (why: string) => (
    <>
      <span class="muted">{t('unknownFigure')}</span>
      <div class="muted">{why}</div>
    </>
  );
  const signed = (text: string) => (text.startsWith('-') || /^0(\.0*)?$/.test(text) ? formatDecimal(text, locale) : `+${formatDecimal(text, locale)}`);
  const percent = row.differencePercent === undefined ? '—' : signed(row.differencePercent);
  return (
    <tr data-testid="reserves-llama-row" data-symbol={row.symbol} data-status={row.status} data-difference={row.difference ?? ''}>
      <th scope="row">{row.symbol}</th>
      <td class="num">{row.onChain === undefined ? unknown(t('verifyLlamaCoinsNotRead')) : formatDecimal(row.onChain, locale)}</td>
      <td class="num">
        {row.defillama === undefined ? (
          unknown(row.status === 'ambiguous' ? t('verifyLlamaCoinsAmbiguous') : t('verifyLlamaCoinsNotListed'))
        ) : (
          <>
            {formatDecimal(row.defillama, locale)}
            {row.defillamaSymbol !== undefined && row.defillamaSymbol !== row.symbol && <div class="muted">{t('verifyLlamaCoinsAs', row.defillamaSymbol)}</div>}
          </>
        )}
      </td>
      <td class="num" data-testid="reserves-llama-difference">
        {row.difference === undefined
          ? unknown(row.status === 'ambiguous' ? t('verifyLlamaCoinsAmbiguous') : row.onChain === undefined ? t('verifyLlamaCoinsNotRead') : t('verifyLlamaCoinsNotListed'))
          : row.status === 'partial'
            ? t('verifyLlamaCoinsDiffPartial', [signed(row.difference), percent])
            : t('verifyLlamaCoinsDiff', [signed(row.difference), percent])}
      </td>
    </tr>
  );
}
