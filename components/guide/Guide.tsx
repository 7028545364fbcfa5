import { useEffect, useRef, useState } from 'preact/hooks';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import type { ResolveEnsNameErrorCode } from '../../lib/custody/ens';
import type { ArrivalErrorCode } from '../../lib/chain/arrival';
import { guideStepIds, nextStep, validateStep, type GuideAction, type GuideResetReason, type GuideState, type GuideStepId } from '../../lib/custody/steps';
import type { WithdrawalFacts } from '../../lib/exchanges/types';
import { useLocale, useT } from '../../utils/i18n';
import { InlineConfirm, useInlineConfirm } from '../InlineConfirm';
import { PROBLEM, STEP_INTRO, STEP_TITLE } from '../../lib/words/guide-text';
import { pluralText } from '../../lib/words/plural';
import { RouteStep } from './RouteStep';
import { WalletStep } from './WalletStep';
import { AddressStep } from './AddressStep';
import { AddressBookStep } from './AddressBookStep';
import { TestStep, type TestRise } from './TestStep';
import { ArrivalStep } from './ArrivalStep';
import { SuspectNotice } from './SuspectNotice';
import { checkPoisoning } from '../../lib/custody/address-book';
import { RunAlert } from '../RunAlert';
import type { RunAlertView } from '../../lib/view/run-alert-view';

/** An exchange as the guide needs it: registry facts only. */
export interface GuideExchange {
  id: string;
  name: string;
  withdrawal?: WithdrawalFacts;
}

export interface EnsLookup {
  status: 'idle' | 'loading' | 'done';
  name: string;
  address: string | null;
  errorCode: ResolveEnsNameErrorCode | null;
}

/** What the page learnt from the user's RPC endpoint about the receiving address. */
export interface BalanceWatch {
  status: 'off' | 'loading' | 'watching' | 'arrived' | 'error';
  /** Current balance in whole units of the native coin, when read. */
  balance: string | null;
  /** Increase over the balance before the test, in whole units, once arrived. */
  increase: string | null;
  blockNumber: string | null;
  checkedAt: string | null;
  errorCode: ArrivalErrorCode | null;
}

export interface GuideProps {
  state: GuideState;
  book: readonly AddressBookEntry[];
  exchanges: readonly GuideExchange[];
  /** The endpoint for the chosen network, to watch the test arrive. */
  rpcUrl: string | undefined;
  /** The main endpoint, for ENS lookups (ENS names live on Ethereum mainnet). */
  ensRpcUrl: string | undefined;
  /** The exchange the page was opened for (`?exchange=`), until the route step is answered. */
  prefillExchangeId?: string;
  /** How many times the page dropped its memory of the guide ("Delete everything"): each drop starts the guide over, step forms and all. */
  drops: number;
  /** The run and warning-list alerts the background holds: the one for the exchange withdrawn from leads the page. */
  alerts: readonly RunAlertView[];
  /** Why a stored guide could not be resumed, when it could not. */
  resetReason: GuideResetReason | null;
  ens: EnsLookup;
  watch: BalanceWatch;
  onAction: (action: GuideAction) => void;
  onSaveAddress: (label: string) => Promise<void>;
  onRemoveAddress: (entry: AddressBookEntry) => Promise<unknown>;
  onResolveEns: (name: string) => void;
  /** A rise in the balance before the test, seen at the "I have sent" press, awaiting the user's answer. */
  rise: TestRise | null;
  onTestSent: () => void;
  onTestRise: (isTest: boolean) => void;
  onOpenOptions: () => void;
}

export function Guide(props: GuideProps) {
  // Drawn anew at each drop, as when the page is opened again: no step, draft or open question from before stays.
  return <GuideView key={props.drops} {...props} />;
}

function GuideView(props: GuideProps) {
  const t = useT();
  const locale = useLocale();
  const { state, book } = props;
  const [step, setStep] = useState<GuideStepId>(() => nextStep({ state, book }) ?? 'arrival');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // Starting over must also clear what the step forms hold locally.
  const [generation, setGeneration] = useState(0);
  const startOver = useInlineConfirm();
  const index = guideStepIds.indexOf(step);
  const statuses = guideStepIds.map((id) => validateStep({ state, step: id, book }).complete);
  const done = statuses.filter(Boolean).length;

  useEffect(() => {
    // Moving between steps, or starting over, puts keyboard and screen-reader focus on the new step's heading.
    if (moved.current) heading.current?.focus();
  }, [step, generation]);

  const go = (next: GuideStepId) => {
    moved.current = true;
    setStep(next);
  };

  const exchangeId = state.exchangeId ?? props.prefillExchangeId;
  const alert = exchangeId === undefined ? undefined : props.alerts.find((shown) => shown.exchangeId === exchangeId);
  // The address has become a look-alike of a saved one (the book changed on another page): the steps that would send to it show
  // the alert in its place.
  const suspect =
    state.network !== null && state.address !== null && checkPoisoning({ candidate: { network: state.network, address: state.address }, book }).status === 'lookalike' ? state.network : null;
  const suspectShown = suspect !== null && (step === 'test-transaction' || step === 'arrival');
  // The alert replaces the step's controls, and the controls come back when it goes: a focus held in the step would drop to the
  // page, so it goes to the alert, or to the step's heading. Where the focus is is read while drawing, before the change takes it.
  const stepBox = useRef<HTMLElement>(null);
  const suspectBox = useRef<HTMLElement>(null);
  const focusInStep = useRef(false);
  const active = stepBox.current?.ownerDocument.activeElement;
  focusInStep.current = active !== null && active !== undefined && stepBox.current?.contains(active) === true;
  useEffect(() => {
    const doc = stepBox.current?.ownerDocument;
    const now = doc?.activeElement;
    if (doc === undefined || !focusInStep.current || (now !== null && now !== undefined && now !== doc.body && now.isConnected)) return;
    (suspectBox.current ?? heading.current)?.focus();
  });
  // While the address is in doubt, the to-do of these steps (send the test to it, withdraw to it) is not asked for.
  const blocking = suspectShown ? [] : validateStep({ state, step, book }).problems.filter((problem) => problem.blocking && problem.code !== 'lookalike' && problem.code !== 'invalid-address');

  return (
    <div class="guide">
      <header class="guide__header">
        <h1>{t('guideTitle')}</h1>
        <p class="guide-note guide-note--info" data-testid="never-moves-money">
          {t('guideNeverMovesMoney')}
        </p>
        {alert !== undefined && <RunAlert alert={alert} headingLevel={2} />}
        {props.resetReason !== null && (
          <p class="guide-alert guide-alert--caution" role="status" data-testid="guide-reset">
            {t('guideResumeFailed')}
          </p>
        )}
      </header>

      <nav aria-label={t('guideProgressLabel')} class="guide__progress">
        <p class="guide__progress-text" data-testid="progress-text">
          {pluralText(done, { one: 'guideProgressOne', other: 'guideProgress' }, t, locale, [String(done), String(guideStepIds.length)])}
        </p>
        <progress max={guideStepIds.length} value={done} aria-hidden="true" />
        <ol>
          {guideStepIds.map((id, position) => (
            <li key={id} class={`guide__progress-item${statuses[position] ? ' is-done' : ''}${id === step ? ' is-current' : ''}`}>
              <button type="button" class="ghost" aria-current={id === step ? 'step' : undefined} onClick={() => go(id)} data-testid={`goto-${id}`}>
                <span aria-hidden="true" class="guide__progress-mark">
                  {statuses[position] ? <DoneMark /> : String(position + 1)}
                </span>{' '}
                {t(STEP_TITLE[id])}
                <span class="visually-hidden"> {statuses[position] ? t('guideStepDone') : t('guideStepTodo')}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section ref={stepBox} key={`${step}-${generation}`} class="guide__step" aria-labelledby="step-title" data-testid={`step-${step}`}>
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          {t('guideStepHeading', [String(index + 1), String(guideStepIds.length), t(STEP_TITLE[step])])}
        </h2>
        <p class="guide__intro">{t(STEP_INTRO[step])}</p>
        {step === 'route' && <RouteStep state={state} exchanges={props.exchanges} prefillExchangeId={props.prefillExchangeId} onAction={props.onAction} />}
        {step === 'wallet' && <WalletStep state={state} onAction={props.onAction} />}
        {step === 'address' && (
          <AddressStep state={state} book={book} rpcUrl={props.ensRpcUrl} ens={props.ens} onAction={props.onAction} onResolveEns={props.onResolveEns} onOpenOptions={props.onOpenOptions} />
        )}
        {step === 'address-book' && <AddressBookStep state={state} book={book} onAction={props.onAction} onSaveAddress={props.onSaveAddress} onRemoveAddress={props.onRemoveAddress} />}
        {suspectShown && state.address !== null && <SuspectNotice network={suspect} address={state.address} book={book} boxRef={suspectBox} onGoToAddress={() => go('address')} />}
        {step === 'test-transaction' && suspect === null && (
          <TestStep state={state} rpcUrl={props.rpcUrl} watch={props.watch} rise={props.rise} onTestSent={props.onTestSent} onTestRise={props.onTestRise} />
        )}
        {step === 'arrival' && suspect === null && (
          <ArrivalStep
            state={state}
            book={book}
            rpcUrl={props.rpcUrl}
            watch={props.watch}
            onAction={props.onAction}
            onOpenOptions={props.onOpenOptions}
            skipped={guideStepIds.filter((id, position) => id !== 'arrival' && !statuses[position])}
            onGoToStep={go}
          />
        )}

        {blocking.length > 0 && (
          <div class="guide__todo" data-testid="step-todo">
            <h3>{t('guideTodoTitle')}</h3>
            <ul>
              {blocking.map((problem) => (
                <li key={problem.code}>
                  {problem.code === 'seed-checklist'
                    ? pluralText(problem.left ?? 0, { one: 'problemSeedChecklistOne', other: 'problemSeedChecklist' }, t, locale, String(problem.left ?? 0))
                    : t(PROBLEM[problem.code])}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <div class="guide__nav">
        <button type="button" class="ghost" disabled={index === 0} onClick={() => go(guideStepIds[index - 1]!)} data-testid="step-back">
          {t('guideBack')}
        </button>
        {index < guideStepIds.length - 1 && (
          <button type="button" class="primary" onClick={() => go(guideStepIds[index + 1]!)} data-testid="step-next">
            {t('guideNext')}
          </button>
        )}
      </div>

      <footer class="guide__footer">
        {!startOver.open ? (
          <button ref={startOver.opener} type="button" class="ghost" data-testid="guide-reset-button" onClick={() => startOver.ask()}>
            {t('guideStartOver')}
          </button>
        ) : (
          <InlineConfirm
            id="guide-reset-text"
            question={t('guideStartOverConfirm')}
            confirmLabel={t('guideStartOverConfirmButton')}
            cancelLabel={t('holdingsCancel')}
            confirmTestId="guide-reset-confirm"
            cancelTestId="guide-reset-cancel"
            onConfirm={() => {
              // The focus goes to the first step's heading, not back to this footer.
              startOver.close(false);
              props.onAction({ type: 'reset' });
              setGeneration((value) => value + 1);
              go('route');
            }}
            onCancel={() => startOver.close()}
          />
        )}
      </footer>
    </div>
  );
}

/** A drawn tick rather than the ✓ character: a symbol glyph's contrast is one axe cannot judge, a shape in the text colour is plain. */
function DoneMark() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" focusable="false" aria-hidden="true">
      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
