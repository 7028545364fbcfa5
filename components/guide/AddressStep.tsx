import { useEffect, useState } from 'preact/hooks';
import { checkPoisoning, type AddressBookEntry } from '../../lib/custody/address-book';
import { getNetwork } from '../../lib/custody/networks';
import type { GuideAction, GuideState } from '../../lib/custody/steps';
import { validateAddress } from '../../lib/custody/validate-address';
import { useLocale, useT } from '../../utils/i18n';
import type { EnsLookup } from './Guide';
import { AddressGroups, PoisoningNotice } from './shared';
import { WALLET_VERIFY } from '../../lib/words/guide-text';
import { addressErrorText, addressWarningText } from '../../lib/words/address-text';

export interface AddressStepProps {
  state: GuideState;
  book: readonly AddressBookEntry[];
  rpcUrl: string | undefined;
  ens: EnsLookup;
  onAction: (action: GuideAction) => void;
  onResolveEns: (name: string) => void;
  onOpenOptions: () => void;
}

export function AddressStep({ state, book, rpcUrl, ens, onAction, onResolveEns, onOpenOptions }: AddressStepProps) {
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState(state.address ?? '');
  const network = state.network;
  // An ENS name is not an address to send to: only the 0x address it resolves to is kept. A look-alike of a saved address is
  // never kept either, so nothing downstream (the test step, the exchange-page check) can treat a poisoned address as the chosen one.
  const keeps = (value: string) => {
    if (network === null) return false;
    const checked = validateAddress({ network, address: value });
    return checked.valid && checked.kind !== 'ens-name' && checkPoisoning({ candidate: { network, address: value }, book }).status !== 'lookalike';
  };
  // The book may change on another page (another guide tab, an import in the options): an address refused as a look-alike when
  // typed is kept once its saved twin is removed. One that becomes a look-alike after it was kept stays, with what was recorded
  // after it: the alert shows, the step is blocked (validateStep) and the page marks it for the later steps and the exchange-page
  // check (entrypoints/guide/app.tsx), so removing the look-alike gives everything back.
  useEffect(() => {
    if (draft.trim() !== '' && state.address === null && keeps(draft)) onAction({ type: 'set-address', address: draft });
  }, [book]);
  if (network === null) {
    return (
      <p class="muted" data-testid="address-no-network">
        {t('addressNoNetwork')}
      </p>
    );
  }
  const text = draft.trim();
  const result = text === '' ? null : validateAddress({ network, address: text });
  const isEns = result?.valid === true && result.kind === 'ens-name';
  const normalized = result?.valid === true && !isEns ? result.normalized : null;

  const change = (value: string) => {
    setDraft(value);
    if (keeps(value)) onAction({ type: 'set-address', address: value });
    else if (state.address !== null) onAction({ type: 'set-address', address: '' });
  };

  return (
    <div class="guide-form">
      <div class="field">
        <label for="address-input">{t('addressLabel', getNetwork(network)?.name ?? network)}</label>
        <input
          id="address-input"
          type="text"
          class="address-input"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          aria-invalid={result !== null && !result.valid}
          aria-describedby="address-feedback"
          data-testid="address-input"
          onInput={(event) => change((event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div id="address-feedback" aria-live="polite" data-testid="address-feedback">
        {result === null && <p class="field__help">{t('addressEmpty')}</p>}
        {result !== null && !result.valid && (
          <p class="field__error" data-testid="address-error" data-code={result.error?.code}>
            {addressErrorText(t, result.error ?? { code: 'bad-format' }, network, locale)}
          </p>
        )}
        {result !== null &&
          result.valid &&
          result.warnings.map((warning) => (
            <p key={warning.code} class="guide-alert guide-alert--caution" data-testid="address-warning" data-code={warning.code}>
              {addressWarningText(t, warning)}
            </p>
          ))}
      </div>

      {isEns && result?.normalized != null && <EnsBox name={result.normalized} rpcUrl={rpcUrl} ens={ens} onResolve={onResolveEns} onOpenOptions={onOpenOptions} onUse={change} />}

      {normalized !== null && (
        <>
          <PoisoningNotice network={network} address={normalized} book={book} />
          <div class="guide-facts">
            <h3>{t('addressCompareTitle')}</h3>
            <AddressGroups address={normalized} testId="address-groups" />
            <p>{state.walletKind === null ? t('addressCompareBody') : t(WALLET_VERIFY[state.walletKind])}</p>
            <label class="choice">
              <input
                type="checkbox"
                checked={state.addressVerifiedOnDevice}
                disabled={state.address === null}
                onChange={(event) => onAction({ type: 'verify-on-device', verified: (event.currentTarget as HTMLInputElement).checked })}
                data-testid="verified-on-device"
              />
              <span>{t('addressVerifiedOnDevice')}</span>
            </label>
          </div>
        </>
      )}
    </div>
  );
}

interface EnsBoxProps {
  name: string;
  rpcUrl: string | undefined;
  ens: EnsLookup;
  onResolve: (name: string) => void;
  onOpenOptions: () => void;
  onUse: (address: string) => void;
}

function EnsBox({ name, rpcUrl, ens, onResolve, onOpenOptions, onUse }: EnsBoxProps) {
  const t = useT();
  if (rpcUrl === undefined) {
    return (
      <div class="guide-facts" data-testid="ens-needs-rpc">
        <p>{t('ensNeedsRpc')}</p>
        <button type="button" class="ghost" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </div>
    );
  }
  const current = ens.name === name ? ens : undefined;
  return (
    <div class="guide-facts" data-testid="ens-box">
      <button type="button" class="ghost" disabled={current?.status === 'loading'} onClick={() => onResolve(name)} data-testid="ens-resolve">
        {t('ensResolve', name)}
      </button>
      <div aria-live="polite">
        {current?.status === 'loading' && (
          <p role="status" aria-busy="true">
            {t('ensLoading')}
          </p>
        )}
        {current?.status === 'done' && current.address !== null && (
          <>
            <p>{t('ensResolved', name)}</p>
            <AddressGroups address={current.address} testId="ens-address" />
            <p>{t('ensCompare')}</p>
            <button type="button" class="primary" onClick={() => onUse(current.address!)} data-testid="ens-use">
              {t('ensUse')}
            </button>
          </>
        )}
        {current?.status === 'done' && current.address === null && (
          <p class="field__error" data-testid="ens-error">
            {current.errorCode === 'not-found'
              ? t('ensNotFound', name)
              : current.errorCode === 'bad-name'
                ? t('ensBadName')
                : current.errorCode === 'wrong-chain'
                  ? t('ensWrongChain')
                  : t('ensFailed')}
          </p>
        )}
      </div>
    </div>
  );
}
