import { useState } from 'preact/hooks';
import type { AddressReadings } from '../lib/holdings/address-readings';
import type { HoldingsState } from '../lib/holdings/model';
import { oldPricesAsOf, type PriceTable } from '../lib/holdings/prices';
import { holdingsOverview, valuedOnOldPrices, type CustodianOverview } from '../lib/holdings/summary';
import { convertUsd } from '../lib/holdings/valuation';
import { readFetchFailure } from '../lib/reserves/fetch-source';
import { fetchFailureText } from '../lib/words/fetch-failure';
import { priceProblemText, ratesProblemText } from '../lib/words/holdings-source-failure';
import { formatAge, formatDate, formatMoney, formatPercent } from '../lib/words/format';
import { useLocale, useT } from '../utils/i18n';
import { gapAfter, joiners } from '../lib/words/punctuation';
import { shareSentence } from './HoldingsMini';
import { Sparkline } from './Sparkline';
import { AddHolding } from './holdings/AddHolding';
import { GoalAndLimits } from './holdings/GoalAndLimits';
import { HoldingsList } from './holdings/HoldingsList';
import { WatchedAddresses } from './holdings/WatchedAddresses';

/** As stored: each field is read back through its words module, which words only what fits. */
export interface PriceStatusView {
  lastPriceProblem?: unknown;
  lastFetchFailure?: unknown;
  lastRatesProblem?: unknown;
  lastRatesFetchFailure?: unknown;
}

export interface HoldingsSectionProps {
  state: HoldingsState;
  prices: PriceTable;
  readings: AddressReadings | null;
  priceStatus: PriceStatusView;
  exchangeNames: Record<string, string>;
  rpcUrlSet: boolean;
  now: Date;
  /** Resolves with a plain-words reason when the change was refused (nothing is stored then). */
  onSave: (state: HoldingsState) => Promise<{ ok: true } | { ok: false; reason: string }>;
  onRefreshPrices: () => Promise<void>;
  onRefreshBalances: () => Promise<void>;
}

export function HoldingsSection({ state, prices, readings, priceStatus, exchangeNames, rpcUrlSet, now, onSave, onRefreshPrices, onRefreshBalances }: HoldingsSectionProps) {
  const t = useT();
  const locale = useLocale();
  const { colon } = joiners(locale);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'prices' | 'balances' | undefined>(undefined);
  const overview = holdingsOverview({ state, prices, readings });
  const currency = state.limits.currency;
  const nameOf = (custodian: string) => (custodian === 'self' ? t('holdingsSelf') : (exchangeNames[custodian] ?? custodian));
  const money = (value: number | null) => (value === null ? t('holdingsUnknownValue') : formatMoney(value, currency, locale));
  // A row with unvalued positions is "at least" its known value, unless nothing in it was valued: "at least 0" says nothing.
  const rowValue = (row: { value: number | null; unknownPositions: number }) =>
    row.unknownPositions === 0 ? money(row.value) : row.value === null || row.value === 0 ? t('holdingsUnknownValue') : t('holdingsAtLeast', money(row.value));
  // Self custody always has its row: with nothing recorded there (no holding, no watched address) there is no value to give, not "$0.00".
  const selfRecorded = state.holdings.some((holding) => holding.custodian === 'self') || state.addresses.length > 0;
  const valueCell = (row: CustodianOverview) => (row.custodian === 'self' && !selfRecorded ? t('holdingsNothingRecorded') : rowValue(row));
  const fetchError = (failure: unknown) => {
    const read = readFetchFailure(failure);
    return read === undefined ? undefined : fetchFailureText(read, t, locale);
  };
  const priceError = fetchError(priceStatus.lastFetchFailure) ?? priceProblemText(priceStatus.lastPriceProblem, t);
  // Dollar values need no exchange rate: a failed rates update is no problem of this section then.
  const ratesError = currency === 'USD' ? undefined : (fetchError(priceStatus.lastRatesFetchFailure) ?? ratesProblemText(priceStatus.lastRatesProblem, t, locale));

  /** Resolves whether it was saved: a form keeps what was typed when it was not. */
  const save = async (next: HoldingsState): Promise<boolean> => {
    const result = await onSave(next);
    setError(result.ok ? undefined : result.reason);
    return result.ok;
  };
  // Busy buttons are aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
  const run = async (what: 'prices' | 'balances', action: () => Promise<void>) => {
    if (busy !== undefined) return;
    setBusy(what);
    try {
      await action();
    } finally {
      setBusy(undefined);
    }
  };

  // Dated by the prices the total uses; with none used (cash only, nothing held), by the newest price held. Never by the
  // table's oldest entry: the table prices coins not held too, and their dates say nothing here.
  const heldPriceDates = Object.values(prices.prices)
    .map((entry) => entry.asOf)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const pricesAsOf = overview.priceDates[0] ?? heldPriceDates.at(-1);
  const rateDay = Object.values(prices.fiat)[0]?.asOf;
  // Old prices give their own age, not when they were fetched: "fetched just now" beside a date months back reads as fresh.
  const oldPrices = oldPricesAsOf(overview.priceDates, now.getTime());
  // The warning, by the rule the popup's follows too: only when a price values some of the total.
  const oldValues = valuedOnOldPrices(overview, now.getTime());
  const pricesFrom =
    pricesAsOf === undefined
      ? t('holdingsNoPrices')
      : oldPrices !== undefined
        ? t('holdingsPricesFromOld', [formatDate(oldPrices, locale), formatAge(oldPrices, now, locale, t)])
        : t('holdingsPricesFrom', [formatDate(pricesAsOf, locale), formatAge(new Date(prices.fetchedAt).toISOString(), now, locale, t)]);

  return (
    <section aria-labelledby="holdings-title" class="holdings" data-testid="holdings">
      <h2 id="holdings-title">{t('holdingsTitle')}</h2>
      <p class="muted">{t('holdingsBody')}</p>

      {overview.any && (
        <div data-testid="holdings-overview">
          <p class="holdings__share" data-testid="holdings-share">
            {shareSentence(overview.self.share, state.goal?.selfShareTarget, overview.shares.complete && overview.readingsComplete, t, locale)}
          </p>
          {overview.total !== null && overview.shares.knownUsd > 0 && (
            <p class="muted" data-testid="holdings-total">
              {t('holdingsTotal', money(overview.total))}
            </p>
          )}
          {oldValues !== undefined && <p data-testid="holdings-prices-old">{t('holdingsPricesOld', formatDate(oldValues, locale))}</p>}
          {/* With the own share unknown, the sentence above already says why, and no share is shown to qualify. */}
          {(!overview.shares.complete || !overview.readingsComplete) && overview.self.share !== null && (
            <p class="muted" data-testid="holdings-incomplete">
              {t('holdingsIncomplete')}
            </p>
          )}
          <table data-testid="holdings-shares" class="holdings__stack">
            <caption class="visually-hidden">{t('holdingsSharesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('holdingsWhere')}</th>
                <th scope="col">{t('holdingsShareColumn')}</th>
                <th scope="col">{t('holdingsValueColumn', currency)}</th>
              </tr>
            </thead>
            <tbody>
              {[overview.self, ...overview.exchanges].map((row) => (
                <tr key={row.custodian} data-testid="holdings-share-row" data-custodian={row.custodian}>
                  <th scope="row">{nameOf(row.custodian)}</th>
                  <td data-label={`${t('holdingsShareColumn')}${colon}`}>{row.share === null ? t('holdingsUnknownValue') : formatPercent(row.share, locale, 0)}</td>
                  <td data-label={`${t('holdingsValueColumn', currency)}${colon}`}>{valueCell(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 class="card__heading">{t('holdingsHistory')}</h3>
          <Sparkline history={state.history} id="holdings-chart" width={240} height={40} oldPrices={oldValues !== undefined} />
        </div>
      )}

      <p class="provenance" data-testid="holdings-prices">
        {pricesFrom}
        {rateDay !== undefined && `${gapAfter(pricesFrom, locale)}${t('holdingsRatesFrom', formatDate(rateDay, locale))}`}
      </p>
      {/* "The previous ones are kept" only where there are previous ones. */}
      {priceError !== undefined && <p class="source__error">{t(pricesAsOf === undefined ? 'holdingsPriceErrorNone' : 'holdingsPriceError', priceError)}</p>}
      {ratesError !== undefined && <p class="source__error">{t(rateDay === undefined ? 'holdingsRatesErrorNone' : 'holdingsRatesError', ratesError)}</p>}
      {currency !== 'USD' && convertUsd({ usd: 1, currency, prices }) === null && <p class="muted">{t('holdingsNoRate', currency)}</p>}
      <button type="button" class="ghost" aria-disabled={busy !== undefined} onClick={() => void run('prices', onRefreshPrices)} data-testid="holdings-refresh-prices">
        {busy === 'prices' ? t('refreshing') : t('holdingsRefreshPrices')}
      </button>

      {error !== undefined && (
        <p class="form-error" role="alert" data-testid="holdings-error">
          {error}
        </p>
      )}

      <h3 class="card__heading" id="holdings-recorded-title" tabIndex={-1}>
        {t('holdingsRecorded')}
      </h3>
      <HoldingsList state={state} nameOf={nameOf} money={money} prices={prices} onSave={save} />
      <AddHolding exchangeNames={exchangeNames} onAdd={(holding) => save({ ...state, holdings: [...state.holdings, holding] })} />

      <h3 class="card__heading">{t('holdingsGoalAndLimits')}</h3>
      <GoalAndLimits state={state} nameOf={nameOf} onSave={save} />

      <h3 class="card__heading" id="holdings-addresses-title" tabIndex={-1}>
        {t('holdingsAddresses')}
      </h3>
      <WatchedAddresses state={state} readings={readings} onSave={save} />
      {state.addresses.length > 0 &&
        (rpcUrlSet ? (
          <button type="button" class="ghost" aria-disabled={busy !== undefined} onClick={() => void run('balances', onRefreshBalances)} data-testid="holdings-refresh-balances">
            {busy === 'balances' ? t('refreshing') : t('holdingsRefreshBalances')}
          </button>
        ) : (
          <p class="muted">{t('holdingsNeedsRpc')}</p>
        ))}
    </section>
  );
}
