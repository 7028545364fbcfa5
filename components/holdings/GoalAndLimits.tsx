import type { ExchangeLimit, HoldingsState } from '../../lib/holdings/model';
import { useT } from '../../utils/i18n';
import { CURRENCIES, numberFrom, percentInput } from './form';
import { NumberField } from './NumberField';

export function GoalAndLimits({
  state,
  nameOf,
  onSave,
  onInvalid,
}: {
  state: HoldingsState;
  nameOf: (c: string) => string;
  onSave: (s: HoldingsState) => Promise<void>;
  onInvalid: (reason: string | undefined) => void;
}) {
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
      <NumberField
        min="0"
        step="any"
        aria-label={t('holdingsCapLabel', [label, currency])}
        value={limit?.cap === undefined ? '' : String(limit.cap)}
        data-testid={`limit-cap-${exchangeId ?? 'default'}`}
        onCommit={(text) => {
          const value = numberFrom(text);
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
      <NumberField
        min="0"
        max="100"
        step="any"
        aria-label={t('holdingsMaxShareLabel', label)}
        value={percentInput(limit?.maxShare)}
        data-testid={`limit-share-${exchangeId ?? 'default'}`}
        onCommit={(text) => {
          const value = numberFrom(text);
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
          <NumberField
            min="0"
            max="100"
            step="any"
            value={percentInput(state.goal?.selfShareTarget)}
            data-testid="holdings-goal"
            onCommit={(text) => {
              const value = numberFrom(text);
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
          <select
            value={currency}
            data-testid="holdings-currency"
            onChange={(event) => void onSave({ ...state, limits: { ...state.limits, currency: (event.currentTarget as HTMLSelectElement).value } })}
          >
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
