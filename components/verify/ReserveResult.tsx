import type { ReserveBalanceFailure } from '../../lib/chain/balance-failure';
import type { CheckReservesReturnType, ReserveComparison } from '../../lib/chain/reserves-check';
import type { ExchangeView } from '../../lib/view/exchange-view';
import { formatCount, formatDate, formatDecimal, formatList, formatUsd } from '../../lib/words/format';
import { pluralText, type PluralMessages } from '../../lib/words/plural';
import { gapAfter, joiners } from '../../lib/words/punctuation';
import type { MessageKey } from '../../lib/words/translate-from';
import { useLocale, useT } from '../../utils/i18n';
import { reserveCheckFailureText } from '../../lib/words/reserve-check-failure';
import { SourceLink } from '../card/parts';
import { SourceWords } from '../SourceWords';
import { DefillamaCoinCompare } from './DefillamaCoinCompare';
import type { ReserveCheckTarget } from './ReserveCheck';

/** Why a balance has no figure, in the reader's language (the result's `error` is English, for logs). */
const BALANCE_FAILURE_KEYS: Readonly<Record<ReserveBalanceFailure, MessageKey>> = {
  'not-read': 'verifyBalanceNotRead',
  'call-failed': 'verifyBalanceCallFailed',
  'no-decimals': 'verifyBalanceNoDecimals',
  'not-a-balance': 'verifyBalanceNotABalance',
};

/** Why a typed figure's asset has no total to be compared with, one sentence per reason. */
const FIGURES_UNANSWERED = {
  cancelled: { one: 'verifyReservesFiguresUnansweredCancelledOne', other: 'verifyReservesFiguresUnansweredCancelled' },
  unanswered: { one: 'verifyReservesFiguresUnansweredOne', other: 'verifyReservesFiguresUnanswered' },
  failed: { one: 'verifyReservesFiguresFailedOne', other: 'verifyReservesFiguresFailed' },
  'not-amounts': { one: 'verifyReservesFiguresNotAmountsOne', other: 'verifyReservesFiguresNotAmounts' },
  mixed: { one: 'verifyReservesFiguresMixedOne', other: 'verifyReservesFiguresMixed' },
} as const satisfies Record<string, PluralMessages>;

/** What one run read: the totals beside the published and DefiLlama figures, then every address's balance. */
export function ReserveResult({ target, result, view, heldLoaded }: { target: ReserveCheckTarget; result: CheckReservesReturnType; view: ExchangeView | undefined; heldLoaded: boolean }) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const cancelled = result.error?.code === 'cancelled';
  const read = result.blockNumber !== undefined && Object.keys(result.totals).length > 0;
  const typed = result.published !== undefined;
  // Unknown stays unknown: an asset none of whose reads answered has no total, and is named.
  const unanswered = [...new Set(result.balances.map((balance) => balance.symbol))].filter((symbol) => result.totals[symbol] === undefined);
  // A figure the user typed for such an asset has nothing to be compared with: it is named, never left out unsaid.
  const typedUnanswered = read ? unanswered.filter((symbol) => Object.hasOwn(result.published?.amounts ?? {}, symbol)) : [];
  // Each is said with why it has no total, as its balances' codes tell: answers that are no amount, failed calls, or reads never sent.
  // Wallets that failed for different reasons put the asset under "more than one reason", the table below saying which: filed
  // under one of them, the sentence would be untrue of the others.
  const whyNoTotal = (symbol: string): keyof typeof FIGURES_UNANSWERED => {
    const reasons = new Set(
      result.balances
        .filter((balance) => balance.symbol === symbol)
        .map((balance) =>
          balance.failure === 'no-decimals' || balance.failure === 'not-a-balance' ? 'not-amounts' : balance.failure === 'call-failed' ? 'failed' : cancelled ? 'cancelled' : 'unanswered',
        ),
    );
    const [only] = reasons;
    return reasons.size === 1 && only !== undefined ? only : 'mixed';
  };
  const figuresUnanswered = (Object.keys(FIGURES_UNANSWERED) as (keyof typeof FIGURES_UNANSWERED)[]).flatMap((why) => {
    const symbols = typedUnanswered.filter((symbol) => whyNoTotal(symbol) === why);
    return symbols.length === 0 ? [] : [pluralText(symbols.length, FIGURES_UNANSWERED[why], t, locale, formatList(symbols, locale, { style: 'narrow' }))];
  });
  const onchain = view?.onchain;
  const llamaFor = (symbol: string) => onchain?.topTokens?.find((token) => token.symbol.toUpperCase() === symbol.toUpperCase())?.usd;
  const llamaChain = onchain?.byChain?.[target.defillamaChain];
  const breakdownAsOf = onchain?.breakdownAsOf ?? onchain?.asOf;
  const chainShown = llamaChain !== undefined && breakdownAsOf !== undefined;
  // The per-chain figure comes from a slower answer than the total; when it is another one, each figure links its own.
  const chainSource = chainShown && onchain?.breakdownSource !== undefined && onchain.breakdownSource !== onchain.source ? onchain.breakdownSource : undefined;
  // Each sentence below is followed by what comes next with gapAfter: a space, none after Chinese "：" or "。".
  const por = view?.por;
  // A record saying none is published has no report and so no snapshot day, whatever an older feed wrote.
  // A report whose source gives no date is said without one (the date unknown), never by the placeholder that orders it.
  const published =
    por === undefined || por.method === 'none'
      ? t('verifyReservesNoPublished', target.exchangeName)
      : t('verifyReservesPublishedSummary', [target.exchangeName, por.undated === true ? t('reasonDateUnknown') : formatDate(por.snapshotDate ?? por.asOf, locale)]);
  const llamaTotal = onchain === undefined ? '' : t('verifyReservesDefillamaSummary', [formatUsd(onchain.totalUsd, locale), formatDate(onchain.asOf, locale)]);
  const llamaChainLine = chainShown ? t('verifyReservesDefillamaChain', [target.chainName, formatUsd(llamaChain, locale), formatDate(breakdownAsOf, locale)]) : undefined;

  return (
    <div class="verify-result" data-testid="reserves-result" data-complete={String(result.complete)} data-error={result.error?.code ?? ''}>
      {result.complete ? (
        <p class="verdict verdict--ok" role="status" data-testid="reserves-status">
          {t('verifyReservesComplete', [target.exchangeName, target.chainName])}
        </p>
      ) : (
        <div class={`verdict verdict--${cancelled ? 'caution' : 'danger'}`} role="alert" data-testid="reserves-status">
          <p class="verdict__title">{cancelled ? t('verifyReservesCancelled') : read ? t('verifyReservesPartial') : t('verifyReservesFailed')}</p>
          {result.error !== undefined && !cancelled && <p data-testid="reserves-error">{reserveCheckFailureText(result.error.failure, t)}</p>}
          {read && <p>{t('verifyReservesPartialBody')}</p>}
        </div>
      )}

      {result.blockNumber !== undefined && (
        <p data-testid="reserves-block">
          {t('verifyReservesBlock', [formatDecimal(result.blockNumber, locale), target.chainName])}
          {result.chainId !== undefined && join.open + t('verifyReservesChainId', String(result.chainId)) + join.close}
        </p>
      )}

      {read && (
        <>
          <div class="table-scroll">
            <table class="path totals" data-testid="reserves-totals">
              <caption>{t('verifyReservesTotalsCaption', [target.exchangeName, target.chainName])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('verifyAsset')}</th>
                  <th scope="col" class="num">
                    {t('verifyReservesOnChain')}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyReservesPublished')}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyReservesDefillama')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.comparisons.map((row) => (
                  <TotalRow key={row.symbol} row={row} partial={!result.complete} llamaUsd={llamaFor(row.symbol)} publishedDate={result.published?.date} />
                ))}
              </tbody>
            </table>
          </div>
          {unanswered.length > 0 && <p data-testid="reserves-unanswered">{t('verifyReservesUnanswered', formatList(unanswered, locale, { style: 'narrow' }))}</p>}
          <p class="muted">
            {pluralText(result.rpcRequests, { one: 'verifyReservesRequestsOne', other: 'verifyReservesRequests' }, t, locale, [
              formatCount(result.rpcRequests, locale),
              formatCount(result.naiveRequests, locale),
            ])}
          </p>
        </>
      )}

      <h3>{t('verifyReservesCompareTitle')}</h3>
      {!heldLoaded ? (
        <p class="muted" role="status" aria-busy="true">
          {t('loading')}
        </p>
      ) : por !== undefined ? (
        <p class={por.method === 'none' ? 'muted' : undefined} data-testid="reserves-published">
          {published}
          {gapAfter(published, locale)}
          {por.note !== undefined && (
            <>
              <SourceWords text={por.note} />{' '}
            </>
          )}
          <SourceLink href={por.source} />
        </p>
      ) : (
        <p class="muted" data-testid="reserves-published">
          {t('verifyReservesNoPublished', target.exchangeName)}
        </p>
      )}
      {figuresUnanswered.length > 0 && (
        <p data-testid="reserves-figures-unanswered">{figuresUnanswered.map((sentence, i) => (i === 0 ? sentence : gapAfter(figuresUnanswered[i - 1]!, locale) + sentence)).join('')}</p>
      )}
      {/* Typed figures travel with the result; nobody who typed them is asked to type them, and a failed run says they were not used. */}
      {typed && !read && <p data-testid="reserves-figures-not-compared">{t(cancelled ? 'verifyReservesFiguresNotComparedCancelled' : 'verifyReservesFiguresNotCompared')}</p>}
      {heldLoaded && onchain?.tokenAmounts?.chains[target.defillamaChain] === undefined && (
        <p class="muted">
          {t('verifyReservesNoUnits')}
          {!typed && gapAfter(t('verifyReservesNoUnits'), locale) + t('verifyReservesNoUnitsEnter')}
        </p>
      )}
      {!heldLoaded ? null : onchain !== undefined ? (
        <p data-testid="reserves-defillama">
          {llamaTotal}
          {chainSource !== undefined && (
            <>
              {gapAfter(llamaTotal, locale)}
              <SourceLink href={onchain.source} />
            </>
          )}
          {llamaChainLine !== undefined && `${chainSource !== undefined ? ' ' : gapAfter(llamaTotal, locale)}${llamaChainLine}`}
          {gapAfter(llamaChainLine ?? llamaTotal, locale)}
          <SourceLink href={chainSource ?? onchain.source} />
        </p>
      ) : (
        <p class="muted" data-testid="reserves-defillama">
          {t('verifyReservesNoDefillama', target.exchangeName)}
        </p>
      )}

      {heldLoaded && (
        <DefillamaCoinCompare
          exchangeName={target.exchangeName}
          chainName={target.chainName}
          defillamaChain={target.defillamaChain}
          nativeSymbol={target.nativeSymbol}
          symbols={[target.nativeSymbol, ...new Set(target.tokens.map((token) => token.symbol))]}
          result={result}
          amounts={onchain?.tokenAmounts}
        />
      )}

      {result.balances.length > 0 && (
        <details>
          <summary>{pluralText(target.addresses.length, { one: 'verifyReservesPerAddressOne', other: 'verifyReservesPerAddress' }, t, locale, formatCount(target.addresses.length, locale))}</summary>
          <div class="table-scroll">
            <table class="path" data-testid="reserves-balances">
              <thead>
                <tr>
                  <th scope="col">{t('verifyAddress')}</th>
                  <th scope="col">{t('verifyAsset')}</th>
                  <th scope="col" class="num">
                    {t('verifyAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.balances.map((balance) => (
                  <tr key={`${balance.address}-${balance.symbol}`}>
                    <td>
                      <code class="hash">{balance.address}</code>
                    </td>
                    <td>{balance.symbol}</td>
                    <td class="num">
                      {balance.amount === undefined ? (
                        <span class="muted">{t(balance.failure === undefined ? 'unknownFigure' : BALANCE_FAILURE_KEYS[balance.failure])}</span>
                      ) : (
                        formatDecimal(balance.amount, locale)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

function TotalRow({ row, partial, llamaUsd, publishedDate }: { row: ReserveComparison; partial: boolean; llamaUsd: number | undefined; publishedDate: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  // missingReads counts every read that did not answer, those never sent included: 0 means the row is exact.
  const lowerBound = row.missingReads > 0;
  return (
    <tr data-testid="reserves-total" data-symbol={row.symbol} data-amount={row.onChain}>
      <th scope="row">{row.symbol}</th>
      <td class="num">
        {formatDecimal(row.onChain, locale)}
        {lowerBound ? (
          <div class="muted" data-testid="reserves-total-partial">
            {pluralText(row.missingReads, { one: 'verifyReservesAtLeastOne', other: 'verifyReservesAtLeast' }, t, locale, formatCount(row.missingReads, locale))}
          </div>
        ) : (
          partial && (
            <div class="muted" data-testid="reserves-total-exact">
              {t('verifyReservesAllRead')}
            </div>
          )
        )}
      </td>
      <td class="num">
        {row.published === undefined ? (
          <span class="muted">{t('unknownFigure')}</span>
        ) : (
          <>
            {formatDecimal(row.published, locale)} <span class="muted">{t('verifyReservesEnteredByYou')}</span>
            {/* The on-chain side is read now, at the block above; the typed figure describes its report's day, which it did not come with. */}
            <div class="muted" data-testid="reserves-published-date">
              {publishedDate === undefined ? t('reasonDateUnknown') : t('asOf', formatDate(publishedDate, locale))}
            </div>
            <div class="muted" data-testid="reserves-published-difference">
              {row.publishedBelowUnit !== undefined
                ? t('verifyReservesBelowUnit', [row.symbol, formatDecimal(row.publishedBelowUnit, locale)])
                : t('verifyReservesDifference', [
                    formatDecimal(row.publishedDifference ?? '0', locale),
                    row.publishedDifferencePercent === undefined ? '—' : formatDecimal(row.publishedDifferencePercent, locale),
                  ])}
            </div>
          </>
        )}
      </td>
      <td class="num">
        {row.defillama !== undefined ? (
          <>
            {formatDecimal(row.defillama, locale)}
            <div class="muted">
              {row.defillamaBelowUnit !== undefined
                ? t('verifyReservesBelowUnit', [row.symbol, formatDecimal(row.defillamaBelowUnit, locale)])
                : t('verifyReservesDifference', [
                    formatDecimal(row.defillamaDifference ?? '0', locale),
                    row.defillamaDifferencePercent === undefined ? '—' : formatDecimal(row.defillamaDifferencePercent, locale),
                  ])}
            </div>
          </>
        ) : llamaUsd !== undefined ? (
          <>
            {formatUsd(llamaUsd, locale)}
            <div class="muted">{t('verifyReservesAllChainsUsd')}</div>
          </>
        ) : (
          <span class="muted">{t('unknownFigure')}</span>
        )}
      </td>
    </tr>
  );
}
