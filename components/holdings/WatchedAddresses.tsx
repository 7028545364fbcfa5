import { useState } from 'preact/hooks';
import { useFocusAfterRemove } from '../focus-after-remove';
import { RemovalStatus } from '../RemovalStatus';
import * as v from 'valibot';
import { NO_ENDPOINT, type AddressReadings } from '../../lib/holdings/address-readings';
import { readingFailedText } from '../../lib/words/reserve-check-failure';
import { EvmAddressSchema, type HoldingsState } from '../../lib/holdings/model';
import { holdingChainIds, holdingChainNames } from '../../lib/holdings/holding-tokens';
import { formatList, formatLocalDate } from '../../lib/words/format';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import { newId } from './form';

export function WatchedAddresses({ state, readings, onSave }: { state: HoldingsState; readings: AddressReadings | null; onSave: (s: HoldingsState) => Promise<boolean> }) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [chains, setChains] = useState<number[]>([1]);
  const [invalid, setInvalid] = useState<MessageKey | undefined>(undefined);
  const {
    container: list,
    removing,
    kept,
    said,
  } = useFocusAfterRemove<HTMLDivElement>(
    state.addresses.map((a) => a.id),
    (list) => list?.querySelector<HTMLElement>('[data-testid="addresses-empty"]'),
    (list) => list?.ownerDocument.getElementById('holdings-addresses-title'),
  );
  return (
    <>
      <div ref={list}>
        <RemovalStatus said={said} testId="addresses-removed" />
        {state.addresses.length === 0 ? (
          <p class="muted" tabindex={-1} data-testid="addresses-empty">
            {t('holdingsAddressesEmpty')}
          </p>
        ) : (
          <ul data-testid="watched-addresses">
            {state.addresses.map((watched, index) => (
              <li key={watched.id}>
                <code>{watched.address}</code>
                {watched.label !== undefined && join.open + watched.label + join.close} —{' '}
                {formatList(
                  (watched.chainIds.length === 0 ? holdingChainIds : watched.chainIds).map((id) => holdingChainNames[id] ?? String(id)),
                  locale,
                  { style: 'narrow' },
                )}{' '}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  data-testid={`address-remove-${watched.id}`}
                  aria-label={t('holdingsRemoveAddressLabel', watched.address)}
                  onClick={() => {
                    removing(watched.id, index, watched.label ?? watched.address);
                    void onSave({ ...state, addresses: state.addresses.filter((a) => a.id !== watched.id) }).then((saved) => {
                      if (!saved) kept(watched.id);
                    });
                  }}
                >
                  {t('holdingsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {readings !== null && (
        <div class="provenance" data-testid="holdings-readings">
          {readings.chains.map((chain) => (
            <p key={chain.chainId}>
              {chain.error === NO_ENDPOINT
                ? t('holdingsReadingNoEndpoint', holdingChainNames[chain.chainId] ?? String(chain.chainId))
                : chain.error === undefined
                  ? t('holdingsReading', [holdingChainNames[chain.chainId] ?? String(chain.chainId), chain.blockNumber ?? '?', formatLocalDate(new Date(readings.readAt).toISOString(), locale)])
                  : readingFailedText(holdingChainNames[chain.chainId] ?? String(chain.chainId), chain.error, t)}
            </p>
          ))}
        </div>
      )}
      <form
        class="holdings__form holdings__form--stacked"
        data-testid="address-add"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = v.safeParse(EvmAddressSchema, address);
          if (!parsed.success) return setInvalid('holdingsInvalidAddress');
          if (chains.length === 0) return setInvalid('holdingsInvalidChains');
          if (state.addresses.some((a) => a.address.toLowerCase() === parsed.output.toLowerCase())) return setInvalid('holdingsDuplicateAddress');
          setInvalid(undefined);
          void onSave({
            ...state,
            addresses: [...state.addresses, { id: newId('a'), address: parsed.output, ...(label.trim() === '' ? {} : { label: label.trim().slice(0, 80) }), chainIds: chains }],
          }).then((saved) => {
            if (!saved) return;
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
              <input
                type="checkbox"
                checked={chains.includes(id)}
                onChange={(event) => setChains((event.currentTarget as HTMLInputElement).checked ? [...chains, id] : chains.filter((c) => c !== id))}
              />
              {holdingChainNames[id] ?? String(id)}
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
