import { getNetwork } from '../../lib/custody/networks';
import { seedChecklistIds, walletOptions, type GuideAction, type GuideState } from '../../lib/custody/steps';
import { useT } from '../../utils/i18n';
import { FAMILY_WALLET_NOTE, SEED_ITEM, WALLET_NAME, WALLET_SUMMARY, WALLET_VERIFY } from '../../lib/words/guide-text';

export interface WalletStepProps {
  state: GuideState;
  onAction: (action: GuideAction) => void;
}

export function WalletStep({ state, onAction }: WalletStepProps) {
  const t = useT();
  const definition = state.network === null ? undefined : getNetwork(state.network);
  const { kinds } = walletOptions({ network: state.network ?? '' });
  return (
    <div class="guide-form">
      {definition === undefined ? (
        <p class="muted" data-testid="wallet-no-network">
          {t('walletNoNetwork')}
        </p>
      ) : (
        <p class="guide-note guide-note--info" data-testid="wallet-note">
          {t(FAMILY_WALLET_NOTE[definition.family])}
        </p>
      )}
      <fieldset>
        <legend>{t('walletKindLegend')}</legend>
        {kinds.map((kind) => (
          <label key={kind} class="choice">
            <input
              type="radio"
              name="wallet-kind"
              value={kind}
              checked={state.walletKind === kind}
              onChange={() => onAction({ type: 'choose-wallet', walletKind: kind })}
              data-testid={`wallet-${kind}`}
            />
            <span>
              <strong>{t(WALLET_NAME[kind])}</strong>
              <span class="choice__detail">{t(WALLET_SUMMARY[kind])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {state.walletKind !== null && (
        <div class="guide-facts" data-testid="wallet-receive">
          <h3>{t('walletReceiveTitle')}</h3>
          <p>{t('walletReceiveBody')}</p>
          <p>{t(WALLET_VERIFY[state.walletKind])}</p>
        </div>
      )}
      <fieldset data-testid="seed-checklist">
        <legend>{t('seedLegend')}</legend>
        {seedChecklistIds.map((item) => (
          <label key={item} class="choice">
            <input
              type="checkbox"
              checked={state.seedChecklist.includes(item)}
              onChange={(event) => onAction({ type: 'check-seed-item', item: item, checked: (event.currentTarget as HTMLInputElement).checked })}
              data-testid={`seed-${item}`}
            />
            <span>{t(SEED_ITEM[item])}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
