import { useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { AssetSymbolSchema, CurrencySchema, type Holding } from '../../lib/holdings/model';
import { defillamaCoinIds } from '../../lib/holdings/prices';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import { CURRENCIES, newId } from './form';
import { numberExample, readNumber } from '../../lib/words/typed-number';

const FIELDS = ['asset', 'currency', 'amount'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, MessageKey>>;

/**
 * The form to record one holding. The browser's own checks are off (`noValidate`): they speak the
 * browser's language; each bad field gets the extension's sentence, tied to it with
 * aria-describedby, and focus goes to the first of them. The amount is a text field read by the
 * user's language (see lib/words/typed-number.ts): a number field would read "1,5" as 15 in some browsers.
 */
export function AddHolding({ exchangeNames, onAdd }: { exchangeNames: Record<string, string>; onAdd: (holding: Holding) => Promise<boolean> }) {
  const t = useT();
  const locale = useLocale();
  const [custodian, setCustodian] = useState('self');
  const [kind, setKind] = useState<'asset' | 'fiat'>('asset');
  const [asset, setAsset] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const fields = { asset: useRef<HTMLInputElement>(null), currency: useRef<HTMLSelectElement>(null), amount: useRef<HTMLInputElement>(null) };
  // An edited field's error goes: it spoke of a value no longer there.
  const edited = (field: Field) => setErrors(({ [field]: _gone, ...rest }) => rest);
  const invalid = (field: Field) => (errors[field] === undefined ? { 'aria-invalid': false } : { 'aria-invalid': true, 'aria-describedby': `holding-${field}-error` });
  const exchanges = Object.entries(exchangeNames).sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <form
      class="holdings__form"
      data-testid="holding-add"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const typed = readNumber(amount, locale);
        const value = typed.kind === 'number' && typed.value >= 0 ? typed.value : undefined;
        const symbol = v.safeParse(AssetSymbolSchema, asset);
        const code = v.safeParse(CurrencySchema, currency);
        const next: Errors = {
          ...(kind === 'asset' && !symbol.success ? { asset: 'holdingsInvalidAsset' } : {}),
          ...(kind === 'fiat' && !code.success ? { currency: 'holdingsInvalidCurrency' } : {}),
          ...(typed.kind === 'unreadable' ? { amount: 'holdingsUnreadableNumber' } : value === undefined ? { amount: 'holdingsInvalidAmount' } : {}),
        };
        setErrors(next);
        // FIELDS is the form's order, so focus lands on the first bad field.
        const first = FIELDS.find((field) => next[field] !== undefined);
        if (first !== undefined || value === undefined) return fields[first ?? 'amount'].current?.focus();
        const updatedAt = Date.now();
        if (symbol.success && kind === 'asset') void onAdd({ id: newId('h'), kind: 'asset', custodian, asset: symbol.output, amount: value, updatedAt }).then((saved) => saved && setAmount(''));
        if (code.success && kind === 'fiat') void onAdd({ id: newId('h'), kind: 'fiat', custodian, currency: code.output, value, updatedAt }).then((saved) => saved && setAmount(''));
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
        <select
          value={kind}
          onChange={(event) => {
            setKind((event.currentTarget as HTMLSelectElement).value as 'asset' | 'fiat');
            // The asset and currency fields swap places: neither one's error is about a field on screen.
            setErrors(({ asset: _asset, currency: _currency, ...rest }) => rest);
          }}
          data-testid="holding-kind"
        >
          <option value="asset">{t('holdingsKindAsset')}</option>
          <option value="fiat">{t('holdingsKindFiat')}</option>
        </select>
      </label>
      {kind === 'asset' ? (
        <label>
          {t('holdingsAsset')}
          <input
            ref={fields.asset}
            type="text"
            list="holding-assets"
            value={asset}
            placeholder="BTC"
            spellcheck={false}
            autoComplete="off"
            onInput={(event) => {
              setAsset((event.currentTarget as HTMLInputElement).value);
              edited('asset');
            }}
            {...invalid('asset')}
            data-testid="holding-asset"
          />
          <datalist id="holding-assets">
            {Object.keys(defillamaCoinIds).map((symbol) => (
              <option key={symbol} value={symbol} />
            ))}
          </datalist>
        </label>
      ) : (
        <label>
          {t('holdingsCurrency')}
          <select
            ref={fields.currency}
            value={currency}
            onChange={(event) => {
              setCurrency((event.currentTarget as HTMLSelectElement).value);
              edited('currency');
            }}
            {...invalid('currency')}
            data-testid="holding-currency"
          >
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
        <input
          ref={fields.amount}
          type="text"
          inputmode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={amount}
          onInput={(event) => {
            setAmount((event.currentTarget as HTMLInputElement).value);
            edited('amount');
          }}
          {...invalid('amount')}
          data-testid="holding-amount"
        />
      </label>
      <button type="submit" class="ghost" data-testid="holding-submit">
        {t('holdingsAdd')}
      </button>
      {FIELDS.map((field) => {
        const key = errors[field];
        return (
          key !== undefined && (
            <p key={field} id={`holding-${field}-error`} class="form-error" role="alert" data-testid={`holding-${field}-error`}>
              {t(key, numberExample(locale))}
            </p>
          )
        );
      })}
    </form>
  );
}
