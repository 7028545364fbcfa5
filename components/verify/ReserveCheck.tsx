import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckReservesReturnType, ReserveCheckProgress, ReserveCheckToken } from '../../lib/chain/reserves-check';
import { rpcOrigin } from '../../lib/chain/rpc-url';
import { rpcUrlForChain, type Settings } from '../../lib/settings';
import type { ExchangeView } from '../../lib/view/exchange-view';
import { formatAge, formatCount, formatDate, formatList } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import { gapAfter, joiners } from '../../lib/words/punctuation';
import { numberExample, readDecimalText } from '../../lib/words/typed-number';
import { useLocale, useT } from '../../utils/i18n';
import { SourceWords } from '../SourceWords';
import { ReserveResult } from './ReserveResult';

/** One exchange's published wallet list on one chain, ready to check. */
export interface ReserveCheckTarget {
  key: string;
  exchangeId: string;
  exchangeName: string;
  chainId: number;
  chainName: string;
  /** The chain's name in DefiLlama's per-chain figures. */
  defillamaChain: string;
  nativeSymbol: string;
  addresses: readonly string[];
  tokens: readonly ReserveCheckToken[];
  publishedAt: string;
  readFrom: string;
  asOf: string;
  note?: string;
  /** Our list holds only some of the wallets the exchange published (ReserveAddressList.partial). */
  partial?: true;
}

export interface RunReserveCheckOptions {
  /** The endpoint shown for the target's network: its own from the options, else the main one. */
  rpcUrl: string;
  onProgress: (progress: ReserveCheckProgress) => void;
  signal: AbortSignal;
  /** Per asset, in whole coins: figures the user copied from the exchange's own report. */
  published?: Record<string, string>;
}

export interface ReserveCheckProps {
  targets: readonly ReserveCheckTarget[];
  /** The user's own RPC endpoints from the settings (main and per network); a network without one sends nothing. */
  endpoints: Pick<Settings, 'rpcUrl' | 'chainRpcUrls'>;
  optionsUrl: string;
  /** What the background holds per exchange id, for the comparison; undefined while loading. */
  views: Readonly<Record<string, ExchangeView>> | undefined;
  /** Runs `checkReserves` for the target; must never reject. */
  onRun: (target: ReserveCheckTarget, options: RunReserveCheckOptions) => Promise<CheckReservesReturnType>;
  /** The moment the page is read, for the age of the wallet list beside its date. */
  now: Date;
}

type State = { kind: 'idle' } | { kind: 'running'; progress?: ReserveCheckProgress } | { kind: 'done'; target: ReserveCheckTarget; result: CheckReservesReturnType };

export function ReserveCheck({ targets, endpoints, optionsUrl, views, onRun, now }: ReserveCheckProps) {
  const t = useT();
  const locale = useLocale();
  const [selected, setSelected] = useState(targets[0]?.key ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Per target, then per asset: figures copied from one exchange's report are never run against another's wallets.
  const [typedByTarget, setTypedByTarget] = useState<Record<string, Record<string, string>>>({});
  const typed = typedByTarget[selected] ?? {};
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  // Cancel goes away when the check ends; if it had the keyboard focus, the check button (which stays) takes it.
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (state.kind === 'running' || !refocus.current) return;
    refocus.current = false;
    runButton.current?.focus();
  }, [state.kind]);
  const target = targets.find((item) => item.key === selected);
  const { open, close } = joiners(locale);
  // The day the list describes with its age, as the card dates its figures: balances read now from an old list say so.
  const listSource =
    target === undefined
      ? ''
      : pluralText(target.addresses.length, { one: 'verifyReservesListSourceOne', other: 'verifyReservesListSource' }, t, locale, [
          formatDate(target.asOf, locale),
          formatCount(target.addresses.length, locale),
          formatAge(target.asOf, now, locale, t),
        ]);
  const rpcUrl = target === undefined ? undefined : rpcUrlForChain({ settings: endpoints, chainId: target.chainId });
  const assets = target === undefined ? [] : [target.nativeSymbol, ...new Set(target.tokens.map((token) => token.symbol))];
  const figures = assets.flatMap((symbol) => {
    const text = (typed[symbol] ?? '').trim();
    // Read as the chosen language writes numbers ("12,345" is twelve thousand in English); what would need a guess, or is negative, is refused.
    const read = readDecimalText(text, locale);
    return text === '' ? [] : [[symbol, text, read.kind === 'decimal' && !read.text.startsWith('-') ? read.text : undefined] as const];
  });
  const invalid = figures.filter(([, , amount]) => amount === undefined).map(([symbol]) => symbol);
  const published = Object.fromEntries(figures.flatMap(([symbol, , amount]) => (amount === undefined ? [] : [[symbol, amount]])));

  const run = async () => {
    // aria-disabled while running (a disabled button would drop the keyboard focus): a press then does nothing.
    if (target === undefined || rpcUrl === undefined || state.kind === 'running') return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running' });
    const result = await onRun(target, {
      rpcUrl,
      signal: abort.signal,
      ...(Object.keys(published).length === 0 ? {} : { published }),
      onProgress: (progress) => setState((current) => (current.kind === 'running' ? { kind: 'running', progress } : current)),
    });
    controller.current = undefined;
    refocus.current = cancelButton.current !== null && document.activeElement === cancelButton.current;
    setState({ kind: 'done', target, result });
  };

  return (
    <section class="verify-section" aria-labelledby="reserves-title" data-testid="reserves-section">
      <h2 id="reserves-title">{t('verifyReservesTitle')}</h2>
      <p>{t('verifyReservesIntro')}</p>
      <details class="verify-explain">
        <summary>{t('verifyReservesWhatSummary')}</summary>
        <p>{t('verifyReservesProves')}</p>
        <p>{t('verifyReservesDoesNotProve')}</p>
        <p>{t('verifyReservesPrivacy')}</p>
      </details>

      {rpcUrl === undefined ? (
        <p class="verify-notice" data-testid="reserves-no-rpc">
          {t('verifyReservesNoRpc')}
          {joiners(locale).sentence}
          <OptionsLink href={optionsUrl} testId="reserves-options-link">
            {t('verifyReservesOpenOptions')}
          </OptionsLink>
        </p>
      ) : (
        <p class="muted" data-testid="reserves-rpc">
          {t('verifyReservesRpc')}
          {gapAfter(t('verifyReservesRpc'), locale)}
          {/* The address may carry its provider's key in its path or query: its computer alone is named. */}
          <code>{rpcOrigin(rpcUrl)}</code>{' '}
          <OptionsLink href={optionsUrl} testId="reserves-change-rpc">
            {t('verifyReservesChangeRpc')}
          </OptionsLink>
        </p>
      )}

      {/* Radio buttons, not a select: a closed select cannot wrap, and "Deribit, Ethereum ağında" is cut off at 360 px with 200 % text. */}
      <fieldset class="verify-targets" data-testid="reserves-target" disabled={state.kind === 'running'}>
        <legend>{t('verifyReservesPick')}</legend>
        {targets.map((item) => (
          <label key={item.key}>
            <input type="radio" name="reserves-target" value={item.key} checked={item.key === selected} onChange={() => setSelected(item.key)} data-testid={`reserves-target-${item.key}`} />
            <span>{t('verifyReservesTargetOption', [item.exchangeName, item.chainName])}</span>
          </label>
        ))}
      </fieldset>
      {target !== undefined && (
        <p class="provenance" data-testid="reserves-list-source">
          {listSource}
          {gapAfter(listSource, locale)}
          {/* In a new tab: a check's result below would be lost with this page. */}
          <a href={target.publishedAt} target="_blank" rel="noopener noreferrer">
            {t('verifyReservesPublishedBy', target.exchangeName)}
          </a>
          {/* Where we read the list is an aside to who published it, set apart as the language sets one. */}
          {/* In a span: a link right after a link is spaced apart (card.css), which would open a gap after the bracket. */}
          {target.readFrom !== target.publishedAt && (
            <span>
              {open}
              <a href={target.readFrom} target="_blank" rel="noopener noreferrer">
                {t('verifyReservesReadFrom')}
              </a>
              {close}
            </span>
          )}
        </p>
      )}
      {target !== undefined && (
        <p class="provenance" data-testid="reserves-list-age">
          {t(target.partial === true ? 'verifyReservesListPartial' : 'verifyReservesListMayLack', [target.exchangeName, formatDate(target.asOf, locale)])}
        </p>
      )}
      {target?.note !== undefined && (
        <p class="provenance" data-testid="reserves-list-note">
          <SourceWords text={target.note} />
        </p>
      )}

      <details class="verify-figures" data-testid="reserves-figures">
        <summary>{t('verifyReservesFiguresTitle')}</summary>
        <p class="muted">{t('verifyReservesFiguresBody')}</p>
        <div class="verify-row">
          {assets.map((symbol) => (
            <label key={`${selected}-${symbol}`}>
              <span>{t('verifyReservesFigureLabel', symbol)}</span>
              <input
                type="text"
                inputMode="decimal"
                autocomplete="off"
                value={typed[symbol] ?? ''}
                aria-invalid={invalid.includes(symbol)}
                data-testid={`reserves-figure-${symbol}`}
                onInput={(event) => {
                  const value = (event.currentTarget as HTMLInputElement).value;
                  setTypedByTarget((current) => ({ ...current, [selected]: { ...current[selected], [symbol]: value } }));
                }}
              />
            </label>
          ))}
        </div>
        {invalid.length > 0 && (
          <p class="form-error" role="alert" data-testid="reserves-figure-error">
            {t('verifyReservesFigureInvalid', [formatList(invalid, locale, { style: 'narrow' }), numberExample(locale)])}
          </p>
        )}
      </details>

      <div class="verify-actions">
        <button
          ref={runButton}
          type="button"
          class="primary"
          disabled={rpcUrl === undefined || target === undefined || invalid.length > 0}
          aria-disabled={state.kind === 'running' || undefined}
          onClick={() => void run()}
          data-testid="reserves-run"
        >
          {state.kind === 'running' ? t('verifyChecking') : t('verifyReservesRun')}
        </button>
        {state.kind === 'running' && (
          <button ref={cancelButton} type="button" class="ghost" onClick={() => controller.current?.abort()} data-testid="reserves-cancel">
            {t('verifyCancel')}
          </button>
        )}
      </div>

      <div aria-live="polite" data-testid="reserves-live">
        {state.kind === 'running' && <Progress progress={state.progress} />}
      </div>
      {state.kind === 'done' && <ReserveResult target={state.target} result={state.result} view={views?.[state.target.exchangeId]} heldLoaded={views !== undefined} />}
    </section>
  );
}

function Progress({ progress }: { progress: ReserveCheckProgress | undefined }) {
  const t = useT();
  const locale = useLocale();
  const label = progress === undefined ? t('verifyReservesStarting') : t('verifyReservesProgress', [formatCount(progress.done, locale), formatCount(progress.total, locale)]);
  return (
    <div class="progress-wrap">
      <div
        class="bar__track progress"
        role="progressbar"
        aria-label={t('verifyReservesProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={progress?.total ?? 100}
        {...(progress === undefined ? {} : { 'aria-valuenow': progress.done })}
        aria-valuetext={label}
        data-testid="reserves-progress"
      >
        <div class="bar__fill" style={{ width: progress === undefined || progress.total === 0 ? '0%' : `${((progress.done / progress.total) * 100).toFixed(1)}%` }} />
      </div>
      <p class="muted">{label}</p>
    </div>
  );
}

/**
 * A link to the options, where the RPC endpoint is set. It opens them in a new tab: this page follows the settings, so
 * what was typed and found here stays, and the new endpoint shows once saved. A screen reader hears that it is a new tab.
 */
function OptionsLink({ href, testId, children }: { href: string; testId: string; children: ComponentChildren }) {
  const t = useT();
  return (
    <a href={href} target="_blank" rel="noopener" data-testid={testId}>
      {children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
