import { useFocusAfterRemove } from '../focus-after-remove';
import { RemovalStatus } from '../RemovalStatus';
import type { Holding, HoldingsState } from '../../lib/holdings/model';
import type { PriceTable } from '../../lib/holdings/prices';
import { valuePosition, convertUsd } from '../../lib/holdings/valuation';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { NumberField } from './NumberField';
import { readNumber, showNumber } from '../../lib/words/typed-number';

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
  /** Resolves whether it was saved. */
  onSave: (s: HoldingsState) => Promise<boolean>;
}) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    state.holdings.map((h) => h.id),
    (list) => list?.querySelector<HTMLElement>('[data-testid="holdings-empty"]'),
    (list) => list?.ownerDocument.getElementById('holdings-recorded-title'),
  );
  const replace = (id: string, next: Holding | undefined) =>
    onSave({ ...state, holdings: next === undefined ? state.holdings.filter((h) => h.id !== id) : state.holdings.map((h) => (h.id === id ? next : h)) });
  return (
    <div ref={container}>
      <RemovalStatus said={said} testId="holdings-removed" />
      {state.holdings.length === 0 ? (
        <p class="muted" tabindex={-1} data-testid="holdings-empty">
          {t('holdingsEmpty')}
        </p>
      ) : (
        <table data-testid="holdings-list" class="holdings__stack">
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
            {state.holdings.map((holding, index) => {
              const what = holding.kind === 'asset' ? holding.asset : holding.currency;
              const usd = valuePosition({ position: holding, prices });
              const value = usd === null ? null : convertUsd({ usd, currency: state.limits.currency, prices });
              const label = t('holdingsAmountOf', [what, nameOf(holding.custodian)]);
              return (
                <tr key={holding.id} data-testid="holding-row">
                  <td data-label={`${t('holdingsWhere')}${join.colon}`}>{nameOf(holding.custodian)}</td>
                  <td data-label={`${t('holdingsWhat')}${join.colon}`}>{what}</td>
                  <td data-label={`${t('holdingsAmount')}${join.colon}`}>
                    <NumberField
                      aria-label={label}
                      data-testid="holding-row-amount"
                      value={showNumber(holding.kind === 'asset' ? holding.amount : holding.value, locale)}
                      onCommit={(text) => {
                        // A recorded holding always has an amount: an emptied field is refused, not read as 0.
                        const typed = readNumber(text, locale);
                        if (typed.kind === 'unreadable') return { key: 'holdingsUnreadableNumber', example: true };
                        if (typed.kind === 'empty' || typed.value < 0) return { key: 'holdingsInvalidAmount' };
                        const amount = typed.value;
                        void replace(holding.id, holding.kind === 'asset' ? { ...holding, amount, updatedAt: Date.now() } : { ...holding, value: amount, updatedAt: Date.now() });
                        return undefined;
                      }}
                    />
                  </td>
                  <td data-label={`${t('holdingsValueColumn', state.limits.currency)}${join.colon}`}>{money(value)}</td>
                  <td>
                    <button
                      type="button"
                      class="ghost"
                      data-remove=""
                      data-testid={`holding-remove-${holding.id}`}
                      onClick={() => {
                        removing(holding.id, index, `${what}${join.open}${nameOf(holding.custodian)}${join.close}`);
                        void replace(holding.id, undefined).then((saved) => {
                          if (!saved) kept(holding.id);
                        });
                      }}
                      aria-label={t('holdingsRemoveLabel', [what, nameOf(holding.custodian)])}
                    >
                      {t('holdingsRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
