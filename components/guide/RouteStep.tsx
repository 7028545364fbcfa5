import { useEffect, useRef, useState } from 'preact/hooks';
import { getNetwork, networks, type NetworkId } from '../../lib/custody/networks';
import { validateStep, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { formatList } from '../../lib/words/format';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import type { GuideExchange } from './Guide';
import { WhereToClick } from './WhereToClick';

const ASSET = /^[A-Z0-9.]{1,12}$/;

export interface RouteStepProps {
  state: GuideState;
  exchanges: readonly GuideExchange[];
  prefillExchangeId?: string | undefined;
  onAction: (action: GuideAction) => void;
}

export function RouteStep({ state, exchanges, prefillExchangeId, onAction }: RouteStepProps) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const [exchangeId, setExchangeId] = useState(state.exchangeId ?? prefillExchangeId ?? '');
  const [network, setNetwork] = useState<string>(state.network ?? '');
  const [asset, setAsset] = useState(state.asset ?? '');
  // Choosing another exchange brings up that exchange's own guide: the form shows its answers. Only on a change:
  // at the first draw the form already holds them, and a choice made before this effect runs must stay.
  const shownExchange = useRef(state.exchangeId);
  useEffect(() => {
    if (state.exchangeId === shownExchange.current) return;
    shownExchange.current = state.exchangeId;
    if (state.exchangeId === null) return;
    setExchangeId(state.exchangeId);
    setNetwork(state.network ?? '');
    setAsset(state.asset ?? '');
  }, [state.exchangeId]);
  const cleanAsset = asset.trim().toUpperCase();
  const assetInvalid = cleanAsset !== '' && !ASSET.test(cleanAsset);
  const definition = network === '' ? undefined : getNetwork(network);
  const exchange = exchanges.find((candidate) => candidate.id === exchangeId);
  const uncommon = validateStep({ state, step: 'route' }).problems.find((problem) => problem.code === 'uncommon-asset');

  // Saved as soon as all three answers are usable; the reducer clears the address when they change.
  const commit = (next: { exchangeId?: string; network?: string; asset?: string }) => {
    const chosenNetwork = next.network ?? network;
    const chosenAsset = (next.asset ?? asset).trim().toUpperCase();
    const chosenExchange = next.exchangeId ?? exchangeId;
    if (getNetwork(chosenNetwork) === undefined || !ASSET.test(chosenAsset)) return;
    onAction({ type: 'set-route', exchangeId: chosenExchange === '' ? null : chosenExchange, asset: chosenAsset, network: chosenNetwork as NetworkId });
  };

  return (
    <div class="guide-form">
      <div class="field">
        <label for="route-exchange">{t('routeExchange')}</label>
        <select
          id="route-exchange"
          value={exchangeId}
          data-testid="route-exchange"
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            setExchangeId(value);
            commit({ exchangeId: value });
          }}
        >
          <option value="">{t('routeExchangeOther')}</option>
          {exchanges.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>

      <div class="field">
        <label for="route-network">{t('routeNetwork')}</label>
        <select
          id="route-network"
          value={network}
          aria-describedby={definition === undefined ? 'route-network-help' : 'route-network-help route-network-names'}
          data-testid="route-network"
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            setNetwork(value);
            commit({ network: value });
          }}
        >
          <option value="" disabled>
            {t('routeNetworkChoose')}
          </option>
          {networks.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <p id="route-network-help" class="field__help">
          {t('routeNetworkHelp')}
        </p>
        {/* The exchanges' names for it go here, where they can wrap: in the list they made the chosen line too long for a phone. */}
        {definition !== undefined && (
          <p id="route-network-names" class="field__help" data-testid="route-network-names">
            {definition.name}
            {join.open}
            {formatList(definition.exchangeLabels, locale, { style: 'narrow' })}
            {join.close}
          </p>
        )}
      </div>

      <div class="field">
        <label for="route-asset">{t('routeAsset')}</label>
        <input
          id="route-asset"
          type="text"
          list="route-assets"
          autocomplete="off"
          spellcheck={false}
          value={asset}
          aria-invalid={assetInvalid}
          aria-describedby="route-asset-help"
          data-testid="route-asset"
          onInput={(event) => {
            const value = (event.currentTarget as HTMLInputElement).value;
            setAsset(value);
            commit({ asset: value });
          }}
        />
        <datalist id="route-assets">
          {(definition?.commonAssets ?? []).map((ticker) => (
            <option key={ticker} value={ticker} />
          ))}
        </datalist>
        <p id="route-asset-help" class={assetInvalid ? 'field__error' : 'field__help'}>
          {assetInvalid
            ? t('routeAssetInvalid')
            : definition === undefined
              ? t('routeAssetHelp')
              : t('routeAssetCommon', [definition.name, formatList(definition.commonAssets, locale, { style: 'narrow' })])}
        </p>
      </div>

      {uncommon !== undefined && state.asset !== null && definition !== undefined && (
        <p class="guide-alert guide-alert--caution" data-testid="uncommon-asset">
          {t('problemUncommonAsset', [state.asset, definition.name])}
        </p>
      )}

      {exchange === undefined ? <p class="muted">{t('routeNoExchange')}</p> : <WhereToClick exchange={exchange} asset={ASSET.test(cleanAsset) ? cleanAsset : null} />}
    </div>
  );
}
