import { explorerAddressUrl, getNetwork } from '../../lib/custody/networks';
import type { GuideAction, GuideState } from '../../lib/custody/steps';
import { useLocale, useT } from '../../utils/i18n';
import type { BalanceWatch } from './Guide';
import { canWatchBalance, ExternalLink, formatDateTime } from './shared';
import { ARRIVAL_ERROR } from '../../lib/words/guide-text';
import { formatDecimal } from '../../lib/words/format';

export interface ArrivalStepProps {
  state: GuideState;
  rpcUrl: string | undefined;
  watch: BalanceWatch;
  onAction: (action: GuideAction) => void;
  onOpenOptions: () => void;
}

export function ArrivalStep({ state, rpcUrl, watch, onAction, onOpenOptions }: ArrivalStepProps) {
  const t = useT();
  const locale = useLocale();
  const definition = state.network === null ? undefined : getNetwork(state.network);
  if (definition === undefined || state.address === null) {
    return (
      <p class="muted" data-testid="arrival-no-address">
        {t('testNoAddress')}
      </p>
    );
  }
  const explorer = explorerAddressUrl({ network: definition.id, address: state.address });
  const watching = canWatchBalance(state, rpcUrl);
  return (
    <div class="guide-form">
      <p>
        {explorer !== undefined && (
          <ExternalLink href={explorer} testId="explorer-link">
            {t('arrivalExplorer', definition.name)}
          </ExternalLink>
        )}
      </p>
      {!watching && (
        <p class="muted" data-testid="arrival-manual">
          {definition.family !== 'evm' ? t('arrivalExplorerOnly') : rpcUrl === undefined ? t('arrivalNeedsRpc') : t('arrivalNativeOnly', definition.nativeAsset)}{' '}
          {definition.family === 'evm' && rpcUrl === undefined && (
            <button type="button" class="ghost" onClick={onOpenOptions}>
              {t('openOptions')}
            </button>
          )}
        </p>
      )}

      <h3>{t('arrivalTestTitle')}</h3>
      {state.testSentAt === null ? (
        <p class="muted" data-testid="arrival-test-not-sent">
          {t('problemTestNotSent')}
        </p>
      ) : state.testArrivedAt !== null ? (
        <p class="guide-note guide-note--ok" role="status" data-testid="test-arrived">
          {watch.status === 'arrived' && watch.increase !== null
            ? t('arrivalArrivedAmount', [formatDecimal(watch.increase, locale), state.asset ?? definition.nativeAsset, formatDateTime(state.testArrivedAt, locale), watch.blockNumber ?? '?'])
            : t('arrivalArrived', formatDateTime(state.testArrivedAt, locale))}
        </p>
      ) : (
        <>
          {watching && (
            <div aria-live="polite" data-testid="arrival-watch" data-status={watch.status}>
              {watch.status === 'loading' && (
                <p role="status" aria-busy="true">
                  {t('arrivalChecking')}
                </p>
              )}
              {watch.status === 'watching' && (
                <p>
                  {t('arrivalWaiting', [
                    watch.balance === null ? '?' : formatDecimal(watch.balance, locale),
                    state.asset ?? definition.nativeAsset,
                    watch.checkedAt === null ? '' : formatDateTime(watch.checkedAt, locale),
                  ])}
                </p>
              )}
              {watch.status === 'error' && watch.errorCode !== null && <p class="field__error">{t(ARRIVAL_ERROR[watch.errorCode])}</p>}
            </div>
          )}
          <button type="button" class="ghost" onClick={() => onAction({ type: 'test-arrived' })} data-testid="test-arrived-manual">
            {t('arrivalTestArrivedButton')}
          </button>
        </>
      )}

      <h3>{t('arrivalRestTitle')}</h3>
      {state.testArrivedAt === null ? (
        <p class="muted">{t('problemTestNotArrived')}</p>
      ) : state.withdrawalSentAt === null ? (
        <>
          <p>{t('arrivalRestBody')}</p>
          <button type="button" class="primary" onClick={() => onAction({ type: 'withdrawal-sent' })} data-testid="withdrawal-sent">
            {t('arrivalWithdrawalSentButton')}
          </button>
        </>
      ) : state.arrivalConfirmedAt === null ? (
        <>
          <p>{t('arrivalConfirmBody')}</p>
          <button type="button" class="primary" onClick={() => onAction({ type: 'arrival-confirmed' })} data-testid="arrival-confirmed">
            {t('arrivalConfirmButton')}
          </button>
        </>
      ) : (
        <p class="guide-note guide-note--ok" data-testid="guide-done">
          {t('arrivalDone', formatDateTime(state.arrivalConfirmedAt, locale))}
        </p>
      )}
    </div>
  );
}
