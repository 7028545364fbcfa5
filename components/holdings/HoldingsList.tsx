import type { Holding, HoldingsState } from '../../lib/holdings/model';
import type { PriceTable } from '../../lib/holdings/prices';
import { valuePosition, convertUsd } from '../../lib/holdings/valuation';
import { useT } from '../../utils/i18n';
import { numberFrom } from './form';

export function HoldingsList({
  state,
  nameOf,
  money,
  prices,
  onSave,
}: {
  state: HoldingsState;
  nameOf: (c: string) => string;
  money: (v: number | null) => string;
  prices: PriceTable;
  onSave: (s: HoldingsState) => Promise<void>;
}) {
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
