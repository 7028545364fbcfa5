import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { isInBook, type AddressBookEntry } from '../../lib/custody/address-book';
import { explorerAddressUrl, getNetwork } from '../../lib/custody/networks';
import type { GuideAction, GuideState, GuideStepId } from '../../lib/custody/steps';
import { useLocale, useT } from '../../utils/i18n';
import type { BalanceWatch } from './Guide';
import { canWatchBalance, ExternalLink, formatDateTime, watchPhase } from './shared';
import { ARRIVAL_ERROR, STEP_TITLE } from '../../lib/words/guide-text';
import { formatDecimal } from '../../lib/words/format';
import { gapAfter } from '../../lib/words/punctuation';

export interface ArrivalStepProps {
  state: GuideState;
  /** The address book: the rest goes to a "saved" address only while the book still holds it. */
  book: readonly AddressBookEntry[];
  rpcUrl: string | undefined;
  watch: BalanceWatch;
  onAction: (action: GuideAction) => void;
  onOpenOptions: () => void;
  /** The steps before this one that are not done: the end of the guide names them instead of saying "Done". */
  skipped: readonly GuideStepId[];
  onGoToStep: (step: GuideStepId) => void;
}

/** The line that says what a press of a claim button did; it takes the focus, so no other claim button does. */
type ClaimLine = 'test-arrived' | 'rest-sent' | 'done';

export function ArrivalStep({ state, book, rpcUrl, watch, onAction, onOpenOptions, skipped, onGoToStep }: ArrivalStepProps) {
  const t = useT();
  const locale = useLocale();
  const claimed = useRef<ClaimLine | null>(null);
  const lines: Record<ClaimLine, RefObject<HTMLParagraphElement | null>> = {
    'test-arrived': useRef<HTMLParagraphElement>(null),
    'rest-sent': useRef<HTMLParagraphElement>(null),
    done: useRef<HTMLParagraphElement>(null),
  };
  // When the watch sees the test, the "arrived" button goes: a user waiting on it gets the line that replaced it, not the page's body.
  const manual = useRef<HTMLButtonElement>(null);
  const manualFocused = useRef(false);
  manualFocused.current = manual.current !== null && manual.current === manual.current.ownerDocument.activeElement;
  useEffect(() => {
    const line = claimed.current === null ? null : lines[claimed.current].current;
    if (line === null) return;
    claimed.current = null;
    line.focus();
  }, [state.testArrivedAt, state.withdrawalSentAt, state.arrivalConfirmedAt]);
  useEffect(() => {
    const line = lines['test-arrived'].current;
    if (!manualFocused.current || line === null) return;
    manualFocused.current = false;
    const active = line.ownerDocument.activeElement;
    if (active === null || active === line.ownerDocument.body) line.focus();
  }, [state.testArrivedAt]);
  const claim = (action: GuideAction, line: ClaimLine) => {
    claimed.current = line;
    onAction(action);
  };
  const definition = state.network === null ? undefined : getNetwork(state.network);
  if (definition === undefined || state.address === null) {
    return (
      <p class="muted" data-testid="arrival-no-address">
        {t('testNoAddress')}
      </p>
    );
  }
  const saved = isInBook({ network: definition.id, address: state.address, book });
  const explorer = explorerAddressUrl({ network: definition.id, address: state.address });
  const watching = canWatchBalance(state, rpcUrl);
  const byHand = definition.family !== 'evm' ? t('arrivalExplorerOnly') : rpcUrl === undefined ? t('arrivalNeedsRpc') : t('arrivalNativeOnly', definition.nativeAsset);
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
          {byHand}
          {definition.family === 'evm' && rpcUrl === undefined && (
            <>
              {gapAfter(byHand, locale)}
              <button type="button" class="ghost" onClick={onOpenOptions}>
                {t('openOptions')}
              </button>
            </>
          )}
        </p>
      )}

      <h3>{t('arrivalTestTitle')}</h3>
      {state.testSentAt === null ? (
        <p class="muted" data-testid="arrival-test-not-sent">
          {t('problemTestNotSent')}
        </p>
      ) : state.testArrivedAt !== null ? (
        <p class="guide-note guide-note--ok" role="status" tabindex={-1} ref={lines['test-arrived']} data-testid="test-arrived">
          {watch.status === 'arrived' && watch.increase !== null
            ? t('arrivalArrivedAmount', [formatDecimal(watch.increase, locale), state.asset ?? definition.nativeAsset, formatDateTime(state.testArrivedAt, locale), watch.blockNumber ?? '?'])
            : t('arrivalArrived', formatDateTime(state.testArrivedAt, locale))}
        </p>
      ) : (
        <>
          {watchPhase(state, rpcUrl) === 'no-baseline' && (
            <p class="guide-alert guide-alert--caution" data-testid="arrival-no-baseline">
              {t('arrivalNoBaseline', t('arrivalTestArrivedButton'))}
            </p>
          )}
          {watchPhase(state, rpcUrl) === 'after-test' && (
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
          <button type="button" class="ghost" ref={manual} onClick={() => claim({ type: 'test-arrived' }, 'test-arrived')} data-testid="test-arrived-manual">
            {t('arrivalTestArrivedButton')}
          </button>
        </>
      )}

      <h3>{t('arrivalRestTitle')}</h3>
      {/* Each state is its own keyed element, under an instruction that stays put: the line saying what a press did takes the pressed
          button's place and the focus, so a second click or Enter lands on it, never on the next claim. */}
      {state.testArrivedAt === null ? <p class="muted">{t('problemTestNotArrived')}</p> : <p data-testid="rest-body">{t(saved ? 'arrivalRestBody' : 'arrivalRestBodyUnsaved')}</p>}
      {state.testArrivedAt === null ? null : state.withdrawalSentAt === null ? (
        <button key="send" type="button" class="primary" onClick={() => claim({ type: 'withdrawal-sent' }, 'rest-sent')} data-testid="withdrawal-sent">
          {t('arrivalWithdrawalSentButton')}
        </button>
      ) : state.arrivalConfirmedAt === null ? (
        <div key="confirm" class="guide-form">
          <p role="status" tabindex={-1} ref={lines['rest-sent']} data-testid="rest-sent-status">
            {t('arrivalRestSentAt', formatDateTime(state.withdrawalSentAt, locale))}
          </p>
          <p>{t('arrivalConfirmBody')}</p>
          <button type="button" class="primary" onClick={() => claim({ type: 'arrival-confirmed' }, 'done')} data-testid="arrival-confirmed">
            {t('arrivalConfirmButton')}
          </button>
        </div>
      ) : skipped.length === 0 ? (
        <p key="done" class="guide-note guide-note--ok" role="status" tabindex={-1} ref={lines.done} data-testid="guide-done">
          {t('arrivalDone', formatDateTime(state.arrivalConfirmedAt, locale))}
        </p>
      ) : (
        <div key="done-skipped" class="guide-alert guide-alert--caution">
          <p role="status" tabindex={-1} ref={lines.done} data-testid="guide-done" data-skipped="true">
            {t('arrivalDoneSkipped', formatDateTime(state.arrivalConfirmedAt, locale))}
          </p>
          <ul>
            {skipped.map((id) => (
              <li key={id}>
                <button type="button" class="ghost" onClick={() => onGoToStep(id)} data-testid={`skipped-${id}`}>
                  {t(STEP_TITLE[id])}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
