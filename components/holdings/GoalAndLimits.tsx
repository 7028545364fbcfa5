import type { ExchangeLimit, HoldingsState } from '../../lib/holdings/model';
import { useId } from 'preact/hooks';
import { useLocale, useT } from '../../utils/i18n';
import { joiners } from '../../lib/words/punctuation';
import { CURRENCIES } from './form';
import { NumberField, type NumberRefusal } from './NumberField';
import { readNumber, showNumber } from '../../lib/words/typed-number';

export function GoalAndLimits({ state, nameOf, onSave }: { state: HoldingsState; nameOf: (c: string) => string; onSave: (s: HoldingsState) => Promise<unknown> }) {
  const t = useT();
  const locale = useLocale();
  const { colon } = joiners(locale);
  const goalId = useId();
  const shown = (n: number | undefined) => (n === undefined ? '' : showNumber(n, locale));
  const percent = (share: number | undefined) => shown(share === undefined ? undefined : Math.round(share * 1000) / 10);
  /**
   * Reads a committed field: `clear` when the user emptied it (an empty field is how a limit or the goal is
   * removed), the number when it is one within [0, max], else the refusal. Text the extension cannot read never
   * clears anything: the last saved value stays.
   */
  const read = (text: string, max: number | undefined, over: 'holdingsInvalidAmount' | 'holdingsInvalidShare'): { clear: true } | { value: number } | { refusal: NumberRefusal } => {
    const typed = readNumber(text, locale);
    if (typed.kind === 'empty') return { clear: true };
    if (typed.kind === 'unreadable') return { refusal: { key: 'holdingsUnreadableNumber', example: true } };
    if (typed.value < 0 || (max !== undefined && typed.value > max)) return { refusal: { key: over } };
    return { value: typed.value };
  };
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
        aria-label={t('holdingsCapLabel', [label, currency])}
        value={shown(limit?.cap)}
        data-testid={`limit-cap-${exchangeId ?? 'default'}`}
        onCommit={(text) => {
          const typed = read(text, undefined, 'holdingsInvalidAmount');
          if ('refusal' in typed) return typed.refusal;
          setLimit(exchangeId, 'clear' in typed ? {} : { cap: typed.value }, 'clear' in typed ? 'cap' : undefined);
          return undefined;
        }}
      />
    );
  };
  const shareField = (exchangeId: string | undefined, label: string) => {
    const limit = exchangeId === undefined ? state.limits.default : state.limits.exchanges[exchangeId];
    return (
      <NumberField
        aria-label={t('holdingsMaxShareLabel', label)}
        value={percent(limit?.maxShare)}
        data-testid={`limit-share-${exchangeId ?? 'default'}`}
        onCommit={(text) => {
          const typed = read(text, 100, 'holdingsInvalidShare');
          if ('refusal' in typed) return typed.refusal;
          setLimit(exchangeId, 'clear' in typed ? {} : { maxShare: typed.value / 100 }, 'clear' in typed ? 'maxShare' : undefined);
          return undefined;
        }}
      />
    );
  };
  return (
    <>
      <div class="holdings__form">
        {/* Beside its label, not inside it: a refusal inside the label would become part of the field's name. */}
        <div class="holdings__field">
          <label for={goalId}>{t('holdingsGoal')}</label>
          <NumberField
            id={goalId}
            value={percent(state.goal?.selfShareTarget)}
            data-testid="holdings-goal"
            onCommit={(text) => {
              const typed = read(text, 100, 'holdingsInvalidShare');
              if ('refusal' in typed) return typed.refusal;
              if ('clear' in typed) {
                const { goal: _goal, ...rest } = state;
                void onSave(rest);
              } else void onSave({ ...state, goal: { selfShareTarget: typed.value / 100 } });
              return undefined;
            }}
          />
        </div>
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
      <table data-testid="holdings-limits" class="holdings__stack">
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
            <td data-label={`${t('holdingsCapColumn', currency)}${colon}`}>{capField(undefined, t('holdingsEveryExchange'))}</td>
            <td data-label={`${t('holdingsMaxShareColumn')}${colon}`}>{shareField(undefined, t('holdingsEveryExchange'))}</td>
          </tr>
          {custodians.map((id) => (
            <tr key={id}>
              <th scope="row">{nameOf(id)}</th>
              <td data-label={`${t('holdingsCapColumn', currency)}${colon}`}>{capField(id, nameOf(id))}</td>
              <td data-label={`${t('holdingsMaxShareColumn')}${colon}`}>{shareField(id, nameOf(id))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
