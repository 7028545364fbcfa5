import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { NO_ENDPOINT, type AddressReadings } from '../lib/holdings/address-readings';
import { AssetSymbolSchema, CurrencySchema, EvmAddressSchema, type ExchangeLimit, type Holding, type HoldingsState } from '../lib/holdings/model';
import { defillamaCoinIds, type PriceTable } from '../lib/holdings/prices';
import { holdingChainIds, holdingChainNames } from '../lib/holdings/holding-tokens';
import { holdingsOverview } from '../lib/holdings/summary';
import { valuePosition, convertUsd } from '../lib/holdings/valuation';
import { formatAge, formatDate, formatMoney, formatPercent } from './format';
import { useLocale, useT, type MessageKey } from './i18n';
import { shareSentence } from './HoldingsMini';
import { Sparkline } from './Sparkline';

export interface PriceStatusView {
  lastError?: string;
  lastRatesError?: string;
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

/** Currencies the ECB quotes, plus the dollar the prices come in. */
export const CURRENCIES = ['USD', 'EUR', 'SEK', 'NOK', 'DKK', 'GBP', 'CHF', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'ISK', 'TRY', 'JPY', 'CNY', 'HKD', 'SGD', 'KRW', 'INR', 'IDR', 'MYR', 'PHP', 'THB', 'AUD', 'NZD', 'CAD', 'MXN', 'BRL', 'ZAR', 'ILS'] as const;

const CHAIN_NAMES = holdingChainNames;

let counter = 0;
function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

function numberFrom(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

export function HoldingsSection({ state, prices, readings, priceStatus, exchangeNames, rpcUrlSet, now, onSave, onRefreshPrices, onRefreshBalances }: HoldingsSectionProps) {
  const t = useT();
  const locale = useLocale();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'prices' | 'balances' | undefined>(undefined);
  const overview = holdingsOverview({ state, prices, readings });
  const currency = state.limits.currency;
  const nameOf = (custodian: string) => (custodian === 'self' ? t('holdingsSelf') : (exchangeNames[custodian] ?? custodian));
  const money = (value: number | null) => (value === null ? t('holdingsUnknownValue') : formatMoney(value, currency, locale));

  const save = async (next: HoldingsState) => {
    const result = await onSave(next);
    setError(result.ok ? undefined : result.reason);
  };
  const run = async (what: 'prices' | 'balances', action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } finally {
      setBusy(undefined);
    }
  };

  const priceDates = Object.values(prices.prices).map((entry) => entry.asOf).sort();
  const rateDay = Object.values(prices.fiat)[0]?.asOf;

  return (
    <section aria-labelledby="holdings-title" class="holdings" data-testid="holdings">
      <h2 id="holdings-title">{t('holdingsTitle')}</h2>
      <p class="muted">{t('holdingsBody')}</p>

      {overview.any && (
        <div data-testid="holdings-overview">
          <p class="holdings__share" data-testid="holdings-share">
            {shareSentence(overview.self.share, state.goal?.selfShareTarget, t, locale)}
          </p>
          {overview.total !== null && overview.shares.knownUsd > 0 && <p class="muted">{t('holdingsTotal', money(overview.total))}</p>}
          {(!overview.shares.complete || !overview.readingsComplete) && (
            <p class="muted" data-testid="holdings-incomplete">
              {t('holdingsIncomplete')}
            </p>
          )}
          <table data-testid="holdings-shares">
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
                  <td>{row.share === null ? t('holdingsUnknownValue') : formatPercent(row.share, locale, 0)}</td>
                  <td>
                    {row.unknownPositions > 0 && row.value !== null ? t('holdingsAtLeast', money(row.value)) : money(row.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 class="card__heading">{t('holdingsHistory')}</h3>
          <Sparkline history={state.history} id="holdings-chart" width={240} height={40} />
        </div>
      )}

      <p class="provenance" data-testid="holdings-prices">
        {priceDates.length === 0 ? t('holdingsNoPrices') : t('holdingsPricesFrom', [formatDate(priceDates[0]!, locale), formatAge(new Date(prices.fetchedAt).toISOString(), now, locale)])}{' '}
        {rateDay !== undefined && t('holdingsRatesFrom', formatDate(rateDay, locale))}
      </p>
      {priceStatus.lastError !== undefined && <p class="source__error">{t('holdingsPriceError', priceStatus.lastError)}</p>}
      {priceStatus.lastRatesError !== undefined && <p class="source__error">{t('holdingsRatesError', priceStatus.lastRatesError)}</p>}
      {currency !== 'USD' && convertUsd({ usd: 1, currency, prices }) === null && <p class="muted">{t('holdingsNoRate', currency)}</p>}
      <button type="button" class="ghost" disabled={busy !== undefined} onClick={() => void run('prices', onRefreshPrices)} data-testid="holdings-refresh-prices">
        {busy === 'prices' ? t('refreshing') : t('holdingsRefreshPrices')}
      </button>

      {error !== undefined && (
        <p class="form-error" role="alert" data-testid="holdings-error">
          {error}
        </p>
      )}

      <h3 class="card__heading">{t('holdingsRecorded')}</h3>
      <HoldingsList state={state} nameOf={nameOf} money={money} prices={prices} onSave={save} />
      <AddHolding exchangeNames={exchangeNames} onAdd={(holding) => save({ ...state, holdings: [...state.holdings, holding] })} onInvalid={setError} />

      <h3 class="card__heading">{t('holdingsGoalAndLimits')}</h3>
      <GoalAndLimits state={state} nameOf={nameOf} onSave={save} onInvalid={setError} />

      <h3 class="card__heading">{t('holdingsAddresses')}</h3>
      <WatchedAddresses state={state} readings={readings} onSave={save} />
      {state.addresses.length > 0 &&
        (rpcUrlSet ? (
          <button type="button" class="ghost" disabled={busy !== undefined} onClick={() => void run('balances', onRefreshBalances)} data-testid="holdings-refresh-balances">
            {busy === 'balances' ? t('refreshing') : t('holdingsRefreshBalances')}
          </button>
        ) : (
          <p class="muted">{t('holdingsNeedsRpc')}</p>
        ))}
    </section>
  );
}

function HoldingsList({ state, nameOf, money, prices, onSave }: { state: HoldingsState; nameOf: (c: string) => string; money: (v: number | null) => string; prices: PriceTable; onSave: (s: HoldingsState) => Promise<void> }) {
  const t = useT();
  if (state.holdings.length === 0) return <p class="muted">{t('holdingsEmpty')}</p>;
  const replace = (id: string, next: Holding | undefined) =>
    onSave({ ...state, holdings: next === undefined ? state.holdings.filter((h) => h.id !== id) : state.holdings.map((h) => (h.id === id ? next : h)) });
  return (
    <table data-testid="holdings-list">
      <caption class="visually-hidden">{t('holdingsRecorded')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('holdingsWhere')}</th>
          <th scope="col">{t('holdingsWhat')}</th>
          <th scope="col">{t('holdingsAmount')}</th>
          <th scope="col">{t('holdingsValueColumn', state.limits.currency)}</th>
          <th scope="col">
            <span class="visually-hidden">{t('holdingsActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {state.holdings.map((holding) => {
          const what = holding.kind === 'asset' ? holding.asset : holding.currency;
          const usd = valuePosition({ position: holding, prices });
          const value = usd === null ? null : convertUsd({ usd, currency: state.limits.currency, prices });
          const label = t('holdingsAmountOf', [what, nameOf(holding.custodian)]);
          return (
            <tr key={holding.id} data-testid="holding-row">
              <td>{nameOf(holding.custodian)}</td>
              <td>{what}</td>
              <td>
                <input
                  type="number"
                  min="0"
                  step="any"
                  aria-label={label}
                  value={holding.kind === 'asset' ? holding.amount : holding.value}
                  onChange={(event) => {
                    const amount = numberFrom((event.currentTarget as HTMLInputElement).value);
                    if (amount === undefined || Number.isNaN(amount) || amount < 0) return;
                    void replace(holding.id, holding.kind === 'asset' ? { ...holding, amount, updatedAt: Date.now() } : { ...holding, value: amount, updatedAt: Date.now() });
                  }}
                />
              </td>
              <td>{money(value)}</td>
              <td>
                <button type="button" class="ghost" onClick={() => void replace(holding.id, undefined)} aria-label={t('holdingsRemoveLabel', [what, nameOf(holding.custodian)])}>
                  {t('holdingsRemove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AddHolding({ exchangeNames, onAdd, onInvalid }: { exchangeNames: Record<string, string>; onAdd: (holding: Holding) => Promise<void>; onInvalid: (reason: string | undefined) => void }) {
  const t = useT();
  const [custodian, setCustodian] = useState('self');
  const [kind, setKind] = useState<'asset' | 'fiat'>('asset');
  const [asset, setAsset] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [amount, setAmount] = useState('');
  const exchanges = Object.entries(exchangeNames).sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <form
      class="holdings__form"
      data-testid="holding-add"
      onSubmit={(event) => {
        event.preventDefault();
        const value = numberFrom(amount);
        if (value === undefined || Number.isNaN(value) || value < 0) return onInvalid(t('holdingsInvalidAmount'));
        if (kind === 'asset') {
          const symbol = v.safeParse(AssetSymbolSchema, asset);
          if (!symbol.success) return onInvalid(t('holdingsInvalidAsset'));
          void onAdd({ id: newId('h'), kind: 'asset', custodian, asset: symbol.output, amount: value, updatedAt: Date.now() }).then(() => setAmount(''));
        } else {
          const code = v.safeParse(CurrencySchema, currency);
          if (!code.success) return onInvalid(t('holdingsInvalidCurrency'));
          void onAdd({ id: newId('h'), kind: 'fiat', custodian, currency: code.output, value, updatedAt: Date.now() }).then(() => setAmount(''));
        }
        return undefined;
      }}
    >
      <label>
        {t('holdingsWhere')}
        <select value={custodian} onChange={(event) => setCustodian((event.currentTarget as HTMLSelectElement).value)} data-testid="holding-custodian">
          <option value="self">{t('holdingsSelf')}</option>
          {exchanges.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('holdingsKind')}
        <select value={kind} onChange={(event) => setKind((event.currentTarget as HTMLSelectElement).value as 'asset' | 'fiat')} data-testid="holding-kind">
          <option value="asset">{t('holdingsKindAsset')}</option>
          <option value="fiat">{t('holdingsKindFiat')}</option>
        </select>
      </label>
      {kind === 'asset' ? (
        <label>
          {t('holdingsAsset')}
          <input type="text" list="holding-assets" value={asset} placeholder="BTC" spellcheck={false} autoComplete="off" onInput={(event) => setAsset((event.currentTarget as HTMLInputElement).value)} data-testid="holding-asset" />
          <datalist id="holding-assets">
            {Object.keys(defillamaCoinIds).map((symbol) => (
              <option key={symbol} value={symbol} />
            ))}
          </datalist>
        </label>
      ) : (
        <label>
          {t('holdingsCurrency')}
          <select value={currency} onChange={(event) => setCurrency((event.currentTarget as HTMLSelectElement).value)} data-testid="holding-currency">
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {kind === 'asset' ? t('holdingsAmount') : t('holdingsValue')}
        <input type="number" min="0" step="any" required value={amount} onInput={(event) => setAmount((event.currentTarget as HTMLInputElement).value)} data-testid="holding-amount" />
      </label>
      <button type="submit" class="ghost" data-testid="holding-submit">
        {t('holdingsAdd')}
      </button>
    </form>
  );
}

function percentInput(share: number | undefined): string {
  return share === undefined ? '' : String(Math.round(share * 1000) / 10);
}

function GoalAndLimits({ state, nameOf, onSave, onInvalid }: { state: HoldingsState; nameOf: (c: string) => string; onSave: (s: HoldingsState) => Promise<void>; onInvalid: (reason: string | undefined) => void }) {
  const t = useT();
  const currency = state.limits.currency;
  const custodians = [...new Set(state.holdings.map((h) => h.custodian).filter((c) => c !== 'self'))];
  const setLimit = (exchangeId: string | undefined, patch: Partial<ExchangeLimit>, clear: keyof ExchangeLimit | undefined) => {
    const current = exchangeId === undefined ? state.limits.default : (state.limits.exchanges[exchangeId] ?? {});
    const next: ExchangeLimit = { ...current, ...patch };
    if (clear !== undefined) delete next[clear];
    const limits = exchangeId === undefined ? { ...state.limits, default: next } : { ...state.limits, exchanges: { ...state.limits.exchanges, [exchangeId]: next } };
    void onSave({ ...state, limits });
  };
  const capField = (exchangeId: string | undefined, label: string) => {
    const limit = exchangeId === undefined ? state.limits.default : state.limits.exchanges[exchangeId];
    return (
      <input
        type="number"
        min="0"
        step="any"
        aria-label={t('holdingsCapLabel', [label, currency])}
        value={limit?.cap ?? ''}
        data-testid={`limit-cap-${exchangeId ?? 'default'}`}
        onChange={(event) => {
          const value = numberFrom((event.currentTarget as HTMLInputElement).value);
          if (value === undefined) return setLimit(exchangeId, {}, 'cap');
          if (Number.isNaN(value) || value < 0) return onInvalid(t('holdingsInvalidAmount'));
          return setLimit(exchangeId, { cap: value }, undefined);
        }}
      />
    );
  };
  const shareField = (exchangeId: string | undefined, label: string) => {
    const limit = exchangeId === undefined ? state.limits.default : state.limits.exchanges[exchangeId];
    return (
      <input
        type="number"
        min="0"
        max="100"
        step="any"
        aria-label={t('holdingsMaxShareLabel', label)}
        value={percentInput(limit?.maxShare)}
        data-testid={`limit-share-${exchangeId ?? 'default'}`}
        onChange={(event) => {
          const value = numberFrom((event.currentTarget as HTMLInputElement).value);
          if (value === undefined) return setLimit(exchangeId, {}, 'maxShare');
          if (Number.isNaN(value) || value < 0 || value > 100) return onInvalid(t('holdingsInvalidShare'));
          return setLimit(exchangeId, { maxShare: value / 100 }, undefined);
        }}
      />
    );
  };
  return (
    <>
      <div class="holdings__form">
        <label>
          {t('holdingsGoal')}
          <input
            type="number"
            min="0"
            max="100"
            step="any"
            value={percentInput(state.goal?.selfShareTarget)}
            data-testid="holdings-goal"
            onChange={(event) => {
              const value = numberFrom((event.currentTarget as HTMLInputElement).value);
              if (value === undefined) {
                const { goal: _goal, ...rest } = state;
                return void onSave(rest);
              }
              if (Number.isNaN(value) || value < 0 || value > 100) return onInvalid(t('holdingsInvalidShare'));
              return void onSave({ ...state, goal: { selfShareTarget: value / 100 } });
            }}
          />
        </label>
        <label>
          {t('holdingsCurrencyChoice')}
          <select value={currency} data-testid="holdings-currency" onChange={(event) => void onSave({ ...state, limits: { ...state.limits, currency: (event.currentTarget as HTMLSelectElement).value } })}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table data-testid="holdings-limits">
        <caption class="visually-hidden">{t('holdingsLimitsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('holdingsWhere')}</th>
            <th scope="col">{t('holdingsCapColumn', currency)}</th>
            <th scope="col">{t('holdingsMaxShareColumn')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('holdingsEveryExchange')}</th>
            <td>{capField(undefined, t('holdingsEveryExchange'))}</td>
            <td>{shareField(undefined, t('holdingsEveryExchange'))}</td>
          </tr>
          {custodians.map((id) => (
            <tr key={id}>
              <th scope="row">{nameOf(id)}</th>
              <td>{capField(id, nameOf(id))}</td>
              <td>{shareField(id, nameOf(id))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function WatchedAddresses({ state, readings, onSave }: { state: HoldingsState; readings: AddressReadings | null; onSave: (s: HoldingsState) => Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [chains, setChains] = useState<number[]>([1]);
  const [invalid, setInvalid] = useState<MessageKey | undefined>(undefined);
  return (
    <>
      {state.addresses.length === 0 ? (
        <p class="muted">{t('holdingsAddressesEmpty')}</p>
      ) : (
        <ul data-testid="watched-addresses">
          {state.addresses.map((watched) => (
            <li key={watched.id}>
              <code>{watched.address}</code> {watched.label !== undefined && `(${watched.label})`} — {(watched.chainIds.length === 0 ? holdingChainIds : watched.chainIds).map((id) => CHAIN_NAMES[id] ?? String(id)).join(', ')}{' '}
              <button type="button" class="ghost" aria-label={t('holdingsRemoveAddressLabel', watched.address)} onClick={() => void onSave({ ...state, addresses: state.addresses.filter((a) => a.id !== watched.id) })}>
                {t('holdingsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {readings !== null && (
        <div class="provenance" data-testid="holdings-readings">
          {readings.chains.map((chain) => (
            <p key={chain.chainId}>
              {chain.error === NO_ENDPOINT
                ? t('holdingsReadingNoEndpoint', CHAIN_NAMES[chain.chainId] ?? String(chain.chainId))
                : chain.error === undefined
                ? t('holdingsReading', [CHAIN_NAMES[chain.chainId] ?? String(chain.chainId), chain.blockNumber ?? '?', formatDate(new Date(readings.readAt).toISOString(), locale)])
                : t('holdingsReadingFailed', [CHAIN_NAMES[chain.chainId] ?? String(chain.chainId), chain.error])}
            </p>
          ))}
        </div>
      )}
      <form
        class="holdings__form"
        data-testid="address-add"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = v.safeParse(EvmAddressSchema, address);
          if (!parsed.success) return setInvalid('holdingsInvalidAddress');
          if (chains.length === 0) return setInvalid('holdingsInvalidChains');
          if (state.addresses.some((a) => a.address.toLowerCase() === parsed.output.toLowerCase())) return setInvalid('holdingsDuplicateAddress');
          setInvalid(undefined);
          void onSave({ ...state, addresses: [...state.addresses, { id: newId('a'), address: parsed.output, ...(label.trim() === '' ? {} : { label: label.trim().slice(0, 80) }), chainIds: chains }] }).then(() => {
            setAddress('');
            setLabel('');
          });
          return undefined;
        }}
      >
        <label>
          {t('holdingsAddress')}
          <input
            type="text"
            value={address}
            placeholder="0x…"
            spellcheck={false}
            autoComplete="off"
            aria-invalid={invalid !== undefined}
            aria-describedby={invalid === undefined ? undefined : 'address-error'}
            onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
            data-testid="address-input"
          />
        </label>
        <label>
          {t('holdingsAddressLabel')}
          <input type="text" maxLength={80} value={label} onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)} />
        </label>
        <fieldset>
          <legend>{t('holdingsChains')}</legend>
          {holdingChainIds.map((id) => (
            <label key={id} class="option">
              <input type="checkbox" checked={chains.includes(id)} onChange={(event) => setChains((event.currentTarget as HTMLInputElement).checked ? [...chains, id] : chains.filter((c) => c !== id))} />
              {CHAIN_NAMES[id] ?? String(id)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="ghost" data-testid="address-submit">
          {t('holdingsAddAddress')}
        </button>
        {invalid !== undefined && (
          <p id="address-error" class="form-error" role="alert" data-testid="address-error">
            {t(invalid)}
          </p>
        )}
      </form>
    </>
  );
}
