import { useEffect, useRef, useState } from 'preact/hooks';
import { getNetwork } from '../../lib/custody/networks';
import { testTransactionAdvice, type GuideState } from '../../lib/custody/steps';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { formatDate, formatDecimal } from '../../lib/words/format';
import type { BalanceWatch } from './Guide';
import { AddressGroups, ExternalLink, formatDateTime, watchPhase } from './shared';
import { ARRIVAL_ERROR, REQUIREMENT } from '../../lib/words/guide-text';

/** The balance rose between the first read on this page and the press: by `increase` (whole units) since `since`. */
export interface TestRise {
  increase: string;
  since: string;
}

export interface TestStepProps {
  state: GuideState;
  rpcUrl: string | undefined;
  watch: BalanceWatch;
  rise: TestRise | null;
  onTestSent: () => void;
  /** The user's answer to "is this rise your test?". */
  onTestRise: (isTest: boolean) => void;
}

export function TestStep({ state, rpcUrl, watch, rise, onTestSent, onTestRise }: TestStepProps) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const sentStatus = useRef<HTMLParagraphElement>(null);
  const riseQuestion = useRef<HTMLParagraphElement>(null);
  const pressed = useRef(false);
  // The pressed button gives way to the question: focus moves to it.
  const asking = rise !== null && state.testSentAt === null;
  // The question goes unanswered when the balance is read anew (another endpoint, another address): the line below says
  // so, and takes the focus if the question had it, which would otherwise fall to the page's body.
  const [withdrawn, setWithdrawn] = useState(false);
  const questionBox = useRef<HTMLDivElement>(null);
  const questionFocused = useRef(false);
  const wasAsking = useRef(asking);
  questionFocused.current = questionBox.current?.contains(questionBox.current.ownerDocument.activeElement) ?? false;
  useEffect(() => {
    const closed = wasAsking.current && !asking;
    wasAsking.current = asking;
    if (asking) {
      setWithdrawn(false);
      riseQuestion.current?.focus();
      return;
    }
    if (!closed || state.testSentAt !== null) return;
    setWithdrawn(true);
    const line = sentStatus.current;
    const active = line?.ownerDocument.activeElement;
    if (questionFocused.current && (active === null || active === line?.ownerDocument.body)) line?.focus();
  }, [asking]);
  // The button goes once pressed: focus moves to the line that says so, which is in the page before and after.
  useEffect(() => {
    if (state.testSentAt !== null) setWithdrawn(false);
    if (pressed.current && state.testSentAt !== null) {
      pressed.current = false;
      sentStatus.current?.focus();
    }
  }, [state.testSentAt]);
  const definition = state.network === null ? undefined : getNetwork(state.network);
  if (definition === undefined || state.address === null) {
    return (
      <p class="muted" data-testid="test-no-address">
        {t('testNoAddress')}
      </p>
    );
  }
  const advice = testTransactionAdvice({ network: definition.id });
  const phase = watchPhase(state, rpcUrl);
  return (
    <div class="guide-form">
      <ol class="guide-steps">
        <li>{t('testStepSmall')}</li>
        <li>{t('testStepWait')}</li>
        <li>{t('testStepRest')}</li>
      </ol>
      <h3>{t('testRulesTitle', definition.name)}</h3>
      {advice.requirements.length === 0 ? (
        <p data-testid="test-no-rules">{t('testNoRules', definition.name)}</p>
      ) : (
        <ul class="guide-rules" data-testid="test-rules">
          {advice.requirements.map((requirement) => (
            <li key={requirement.code} data-code={requirement.code}>
              {t(REQUIREMENT[requirement.code], [definition.nativeAsset, requirement.amount ?? ''])}
              <span class="provenance">
                {join.open}
                <ExternalLink href={requirement.source}>{t('source')}</ExternalLink>
                {requirement.asOf !== undefined && join.comma + t('asOf', formatDate(requirement.asOf, locale))}
                {join.close}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="guide-alert guide-alert--caution" role="note" data-testid="dust-warning">
        <p>
          <strong>{t('testDustTitle')}</strong>
        </p>
        <p>{t('testDustWarning')}</p>
      </div>
      <h3>{t('testSendTitle')}</h3>
      <AddressGroups address={state.address} testId="test-send-to" />
      {phase === 'before-test' && (
        <div aria-live="polite" data-testid="test-watch" data-status={watch.status}>
          {watch.status !== 'off' && watch.balance !== null && (
            <p data-testid="balance-before">{t('testBalanceBefore', [formatDecimal(watch.balance, locale), state.asset ?? definition.nativeAsset])}</p>
          )}
          {watch.status === 'error' && watch.errorCode !== null && (
            <p class="field__error" data-testid="test-watch-error">
              {t(ARRIVAL_ERROR[watch.errorCode])}
            </p>
          )}
        </div>
      )}
      {asking ? (
        <div ref={questionBox} class="guide-alert guide-alert--caution" data-testid="test-rise-question">
          <p tabIndex={-1} ref={riseQuestion} data-testid="test-rise">
            {t('testRiseQuestion', [formatDecimal(rise.increase, locale), state.asset ?? definition.nativeAsset, formatDateTime(rise.since, locale)])}
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              pressed.current = true;
              onTestRise(true);
            }}
            data-testid="test-rise-yes"
          >
            {t('testRiseYes')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              pressed.current = true;
              onTestRise(false);
            }}
            data-testid="test-rise-no"
          >
            {t('testRiseNo')}
          </button>
        </div>
      ) : (
        state.testSentAt === null && (
          <button
            type="button"
            class="primary"
            onClick={() => {
              pressed.current = true;
              onTestSent();
            }}
            data-testid="test-sent"
          >
            {t('testSentButton')}
          </button>
        )
      )}
      {/* A live region from the start, so the sentence that fills it is announced. */}
      <p role="status" tabIndex={-1} ref={sentStatus} data-testid="test-sent-status">
        {state.testSentAt !== null && <span data-testid="test-sent-at">{t('testSentAt', formatDateTime(state.testSentAt, locale))}</span>}
        {phase === 'no-baseline' && <> {t('testNoBaseline')}</>}
        {withdrawn && state.testSentAt === null && <span data-testid="test-rise-withdrawn">{t('testRiseWithdrawn', t('testSentButton'))}</span>}
      </p>
    </div>
  );
}
