import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { AssetSymbolSchema, CurrencySchema, type Holding } from '../../lib/holdings/model';
import { defillamaCoinIds } from '../../lib/holdings/prices';
import { useT } from '../../utils/i18n';
import { CURRENCIES, newId, numberFrom } from './form';

export function AddHolding({
  exchangeNames,
  onAdd,
  onInvalid,
}: {
  exchangeNames: Record<string, string>;
  onAdd: (holding: Holding) => Promise<void>;
  onInvalid: (reason: string | undefined) => void;
}) {
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
          <input
            type="text"
            list="holding-assets"
            value={asset}
            placeholder="BTC"
            spellcheck={false}
            autoComplete="off"
            onInput={(event) => setAsset((event.currentTarget as HTMLInputElement).value)}
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
