import { getNetwork } from '../../lib/custody/networks';
import { seedChecklist, walletOptions, type GuideAction, type GuideState } from '../../lib/custody/steps';
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
          <label key={kind.id} class="choice">
            <input
              type="radio"
              name="wallet-kind"
              value={kind.id}
              checked={state.walletKind === kind.id}
              onChange={() => onAction({ type: 'choose-wallet', walletKind: kind.id })}
              data-testid={`wallet-${kind.id}`}
            />
            <span>
              <strong>{t(WALLET_NAME[kind.id])}</strong>
              <span class="choice__detail">{t(WALLET_SUMMARY[kind.id])}</span>
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
        {seedChecklist.map((item) => (
          <label key={item.id} class="choice">
            <input
              type="checkbox"
              checked={state.seedChecklist.includes(item.id)}
              onChange={(event) => onAction({ type: 'check-seed-item', item: item.id, checked: (event.currentTarget as HTMLInputElement).checked })}
              data-testid={`seed-${item.id}`}
            />
            <span>{t(SEED_ITEM[item.id])}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
