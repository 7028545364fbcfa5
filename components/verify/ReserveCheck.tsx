import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckReservesReturnType, ReserveCheckProgress, ReserveCheckToken, ReserveComparison } from '../../lib/chain/reserves-check';
import type { ExchangeView } from '../../lib/view/exchange-view';
import { formatDate, formatUsd } from '../../lib/words/format';
import { useLocale, useT } from '../../utils/i18n';
import { SourceWords } from '../SourceWords';
import { DefillamaCoinCompare } from './DefillamaCoinCompare';
import { reserveCheckFailureText } from '../../lib/words/reserve-check-failure';

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
}

export interface RunReserveCheckOptions {
  onProgress: (progress: ReserveCheckProgress) => void;
  signal: AbortSignal;
  /** Per asset, in whole coins: figures the user copied from the exchange's own report. */
  published?: Record<string, string>;
}

export interface ReserveCheckProps {
  targets: readonly ReserveCheckTarget[];
  /** The user's own RPC endpoint from the settings; without it nothing is sent. */
  rpcUrl: string | undefined;
  optionsUrl: string;
  /** What the background holds per exchange id, for the comparison; undefined while loading. */
  views: Readonly<Record<string, ExchangeView>> | undefined;
  /** Runs `checkReserves` for the target; must never reject. */
  onRun: (target: ReserveCheckTarget, options: RunReserveCheckOptions) => Promise<CheckReservesReturnType>;
}

type State = { kind: 'idle' } | { kind: 'running'; progress?: ReserveCheckProgress } | { kind: 'done'; target: ReserveCheckTarget; result: CheckReservesReturnType };

/**
 * A figure as people type it (`1 234,5`, `1234.5`) as a plain decimal string, or undefined when
 * it is not one; thousands separators other than spaces are refused rather than guessed.
 */
export function parseTypedAmount(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+([.,]\d+)?$/.test(compact)) return undefined;
  return compact.replace(',', '.');
}

/** An exact decimal string, grouped for the reader's locale without going through a float. */
export function formatAmount(text: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const trimmed = fraction.replace(/0+$/, '');
  return `${sign === '-' ? '−' : ''}${grouped}${trimmed === '' ? '' : separator + trimmed}`;
}

export function ReserveCheck({ targets, rpcUrl, optionsUrl, views, onRun }: ReserveCheckProps) {
  const t = useT();
  const locale = useLocale();
  const [selected, setSelected] = useState(targets[0]?.key ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [typed, setTyped] = useState<Record<string, string>>({});
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const target = targets.find((item) => item.key === selected);
  const assets = target === undefined ? [] : [target.nativeSymbol, ...new Set(target.tokens.map((token) => token.symbol))];
  const figures = assets.flatMap((symbol) => {
    const text = (typed[symbol] ?? '').trim();
    return text === '' ? [] : [[symbol, text, parseTypedAmount(text)] as const];
  });
  const invalid = figures.filter(([, , amount]) => amount === undefined).map(([symbol]) => symbol);
  const published = Object.fromEntries(figures.flatMap(([symbol, , amount]) => (amount === undefined ? [] : [[symbol, amount]])));

  const run = async () => {
    if (target === undefined || rpcUrl === undefined) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running' });
    const result = await onRun(target, {
      signal: abort.signal,
      ...(Object.keys(published).length === 0 ? {} : { published }),
      onProgress: (progress) => setState((current) => (current.kind === 'running' ? { kind: 'running', progress } : current)),
    });
    controller.current = undefined;
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
          {t('verifyReservesNoRpc')}{' '}
          <a href={optionsUrl} data-testid="reserves-options-link">
            {t('verifyReservesOpenOptions')}
          </a>
        </p>
      ) : (
        <p class="muted" data-testid="reserves-rpc">
          {t('verifyReservesRpc')} <code>{rpcUrl}</code> <a href={optionsUrl}>{t('verifyReservesChangeRpc')}</a>
        </p>
      )}

      <div class="verify-row">
        <label class="verify-grow">
          <span>{t('verifyReservesPick')}</span>
          <select value={selected} onChange={(event) => setSelected((event.currentTarget as HTMLSelectElement).value)} data-testid="reserves-target" disabled={state.kind === 'running'}>
            {targets.map((item) => (
              <option key={item.key} value={item.key}>
                {t('verifyReservesTargetOption', [item.exchangeName, item.chainName, String(item.addresses.length)])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {target !== undefined && (
        <p class="provenance" data-testid="reserves-list-source">
          {t('verifyReservesListSource', formatDate(target.asOf, locale))} <a href={target.publishedAt}>{t('verifyReservesPublishedBy', target.exchangeName)}</a>{' '}
          {target.readFrom !== target.publishedAt && <a href={target.readFrom}>{t('verifyReservesReadFrom')}</a>}
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
                  setTyped((current) => ({ ...current, [symbol]: value }));
                }}
              />
            </label>
          ))}
        </div>
        {invalid.length > 0 && (
          <p class="form-error" role="alert" data-testid="reserves-figure-error">
            {t('verifyReservesFigureInvalid', invalid.join(', '))}
          </p>
        )}
      </details>

      <div class="verify-actions">
        <button
          type="button"
          class="primary"
          disabled={rpcUrl === undefined || target === undefined || state.kind === 'running' || invalid.length > 0}
          onClick={() => void run()}
          data-testid="reserves-run"
        >
          {state.kind === 'running' ? t('verifyChecking') : t('verifyReservesRun')}
        </button>
        {state.kind === 'running' && (
          <button type="button" class="ghost" onClick={() => controller.current?.abort()} data-testid="reserves-cancel">
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
  const label = progress === undefined ? t('verifyReservesStarting') : t('verifyReservesProgress', [String(progress.done), String(progress.total)]);
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

function ReserveResult({ target, result, view, heldLoaded }: { target: ReserveCheckTarget; result: CheckReservesReturnType; view: ExchangeView | undefined; heldLoaded: boolean }) {
  const t = useT();
  const locale = useLocale();
  const cancelled = result.error?.code === 'cancelled';
  const read = result.blockNumber !== undefined && Object.keys(result.totals).length > 0;
  // Unknown stays unknown: an asset none of whose reads answered has no total, and is named.
  const unanswered = [...new Set(result.balances.map((balance) => balance.symbol))].filter((symbol) => result.totals[symbol] === undefined);
  const onchain = view?.onchain;
  const llamaFor = (symbol: string) => onchain?.topTokens?.find((token) => token.symbol.toUpperCase() === symbol.toUpperCase())?.usd;
  const llamaChain = onchain?.byChain?.[target.defillamaChain];
  const breakdownSource = onchain?.breakdownSource ?? onchain?.source;
  const breakdownAsOf = onchain?.breakdownAsOf ?? onchain?.asOf;

  return (
    <div class="verify-result" data-testid="reserves-result" data-complete={String(result.complete)} data-error={result.error?.code ?? ''}>
      {result.complete ? (
        <p class="verdict verdict--ok" role="status" data-testid="reserves-status">
          {t('verifyReservesComplete', [target.exchangeName, target.chainName])}
        </p>
      ) : (
        <div class={`verdict verdict--${cancelled ? 'caution' : 'danger'}`} role="alert" data-testid="reserves-status">
          <p class="verdict__title">{cancelled ? t('verifyReservesCancelled') : read ? t('verifyReservesPartial') : t('verifyReservesFailed')}</p>
          {result.error !== undefined && !cancelled && <p data-testid="reserves-error">{reserveCheckFailureText(result.error.failure, t)}</p>}
          {read && <p>{t('verifyReservesPartialBody')}</p>}
        </div>
      )}

      {result.blockNumber !== undefined && (
        <p data-testid="reserves-block">
          {t('verifyReservesBlock', [formatAmount(result.blockNumber, locale), target.chainName])}
          {result.chainId !== undefined && ` (${t('verifyReservesChainId', String(result.chainId))})`}
        </p>
      )}

      {read && (
        <>
          <div class="table-scroll">
            <table class="path totals" data-testid="reserves-totals">
              <caption>{t('verifyReservesTotalsCaption', [target.exchangeName, target.chainName])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('verifyAsset')}</th>
                  <th scope="col" class="num">
                    {t('verifyReservesOnChain')}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyReservesPublished')}
                  </th>
                  <th scope="col" class="num">
                    {t('verifyReservesDefillama')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.comparisons.map((row) => (
                  <TotalRow key={row.symbol} row={row} partial={!result.complete} llamaUsd={llamaFor(row.symbol)} />
                ))}
              </tbody>
            </table>
          </div>
          {unanswered.length > 0 && <p data-testid="reserves-unanswered">{t('verifyReservesUnanswered', unanswered.join(', '))}</p>}
          <p class="muted">{t('verifyReservesRequests', [String(result.rpcRequests), String(result.naiveRequests)])}</p>
        </>
      )}

      <h3>{t('verifyReservesCompareTitle')}</h3>
      {!heldLoaded ? (
        <p class="muted" role="status" aria-busy="true">
          {t('loading')}
        </p>
      ) : view?.por !== undefined ? (
        <p data-testid="reserves-published">
          {t('verifyReservesPublishedSummary', [target.exchangeName, formatDate(view.por.snapshotDate ?? view.por.asOf, locale)])} {view.por.note !== undefined && <SourceWords text={view.por.note} />}{' '}
          <a href={view.por.source}>{t('verifySource')}</a>
        </p>
      ) : (
        <p class="muted" data-testid="reserves-published">
          {t('verifyReservesNoPublished', target.exchangeName)}
        </p>
      )}
      {heldLoaded && onchain?.tokenAmounts?.chains[target.defillamaChain] === undefined && <p class="muted">{t('verifyReservesNoUnits')}</p>}
      {!heldLoaded ? null : onchain !== undefined ? (
        <p data-testid="reserves-defillama">
          {t('verifyReservesDefillamaSummary', [formatUsd(onchain.totalUsd, locale), formatDate(onchain.asOf, locale)])}
          {llamaChain !== undefined && breakdownAsOf !== undefined && ` ${t('verifyReservesDefillamaChain', [target.chainName, formatUsd(llamaChain, locale), formatDate(breakdownAsOf, locale)])}`}{' '}
          <a href={breakdownSource ?? onchain.source}>{t('verifySource')}</a>
        </p>
      ) : (
        <p class="muted" data-testid="reserves-defillama">
          {t('verifyReservesNoDefillama', target.exchangeName)}
        </p>
      )}

      {heldLoaded && (
        <DefillamaCoinCompare
          exchangeName={target.exchangeName}
          chainName={target.chainName}
          defillamaChain={target.defillamaChain}
          nativeSymbol={target.nativeSymbol}
          symbols={[target.nativeSymbol, ...new Set(target.tokens.map((token) => token.symbol))]}
          result={result}
          amounts={onchain?.tokenAmounts}
        />
      )}

      {result.balances.length > 0 && (
        <details>
          <summary>{t('verifyReservesPerAddress', String(target.addresses.length))}</summary>
          <div class="table-scroll">
            <table class="path" data-testid="reserves-balances">
              <thead>
                <tr>
                  <th scope="col">{t('verifyAddress')}</th>
                  <th scope="col">{t('verifyAsset')}</th>
                  <th scope="col" class="num">
                    {t('verifyAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.balances.map((balance) => (
                  <tr key={`${balance.address}-${balance.symbol}`}>
                    <td>
                      <code class="hash">{balance.address}</code>
                    </td>
                    <td>{balance.symbol}</td>
                    <td class="num">{balance.amount === undefined ? <span class="muted">{balance.error ?? t('unknownFigure')}</span> : formatAmount(balance.amount, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

function TotalRow({ row, partial, llamaUsd }: { row: ReserveComparison; partial: boolean; llamaUsd: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  const lowerBound = partial || row.missingReads > 0;
  return (
    <tr data-testid="reserves-total" data-symbol={row.symbol} data-amount={row.onChain}>
      <th scope="row">{row.symbol}</th>
      <td class="num">
        {formatAmount(row.onChain, locale)}
        {lowerBound && (
          <div class="muted" data-testid="reserves-total-partial">
            {t('verifyReservesAtLeast', String(row.missingReads))}
          </div>
        )}
      </td>
      <td class="num">
        {row.published === undefined ? (
          <span class="muted">{t('unknownFigure')}</span>
        ) : (
          <>
            {formatAmount(row.published, locale)} <span class="muted">{t('verifyReservesEnteredByYou')}</span>
            <div class="muted" data-testid="reserves-published-difference">
              {t('verifyReservesDifference', [
                formatAmount(row.publishedDifference ?? '0', locale),
                row.publishedDifferencePercent === undefined ? '—' : formatAmount(row.publishedDifferencePercent, locale),
              ])}
            </div>
          </>
        )}
      </td>
      <td class="num">
        {row.defillama !== undefined ? (
          <>
            {formatAmount(row.defillama, locale)}
            <div class="muted">
              {t('verifyReservesDifference', [
                formatAmount(row.defillamaDifference ?? '0', locale),
                row.defillamaDifferencePercent === undefined ? '—' : formatAmount(row.defillamaDifferencePercent, locale),
              ])}
            </div>
          </>
        ) : llamaUsd !== undefined ? (
          <>
            {formatUsd(llamaUsd, locale)}
            <div class="muted">{t('verifyReservesAllChainsUsd')}</div>
          </>
        ) : (
          <span class="muted">{t('unknownFigure')}</span>
        )}
      </td>
    </tr>
  );
}
