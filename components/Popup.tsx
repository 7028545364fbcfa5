import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExchangeView, TabState } from '../lib/view/exchange-view';
import { filterExchanges, type ExchangeSort } from '../lib/view/exchange-list';
import { LevelChip } from './card/parts';
import { ExchangeCard } from './ExchangeCard';
import { lazy, Suspense } from 'preact/compat';
import { useLocale, useT } from '../utils/i18n';
import { lookalikeReasonText } from '../lib/words/lookalike-reason';
import type { HoldingsSummary } from '../lib/holdings/summary';
import type { RunAlertView } from '../lib/view/run-alert-view';
import { RunAlerts } from './RunAlerts';
import { ListsNotChecked } from './ListsNotChecked';
import { FirstDataNotice } from './FirstDataPending';
import { cardBeside, type FirstDataBeside } from '../lib/view/first-data';
import { ListedSource } from './LookalikeWarning';
import { formatCount } from '../lib/words/format';

/** How long a search must stay unchanged before its result is read out: once per query, not per keystroke. */
const SEARCH_SETTLE_MS = 500;

export interface PopupProps {
  /** The current tab's state; undefined while it loads. */
  tab: TabState | undefined;
  /** The background could not answer: say so instead of pretending the tab is nothing. */
  failed?: boolean;
  /** Asks the background again after it failed to answer; settles once its answer is drawn. */
  onRetry?: () => Promise<unknown>;
  loadAll: () => Promise<ExchangeView[]>;
  onWithdraw: (exchangeId: string) => void;
  onOpenOptions: () => void;
  /** Opens the page that checks a Merkle proof or an exchange's wallets. */
  onOpenVerify: () => void;
  /** Clipboard access belongs to the entrypoint; the share panel only asks. */
  onCopyText: (text: string) => Promise<unknown>;
  onCopyImage: (blob: Blob) => Promise<unknown>;
  /** The user's self-custody share for the compact line; absent or null when they record nothing. */
  loadHoldings?: () => Promise<HoldingsSummary | null>;
  /** Every exchange with a run alert on, and the one-click snooze (docs/risk-model.md, "Run alert"). */
  loadRunAlerts?: () => Promise<RunAlertView[]>;
  /** Follows the stored run-alert states: a snooze lifted in the options page redraws here (returns its stop). */
  followRunAlerts?: (changed: () => void) => () => void;
  onSnoozeRun?: (exchangeId: string) => Promise<RunAlertView[]>;
  /** Lifts a run-alert snooze (the undo beside "snoozed until …"). */
  onUnsnoozeRun?: (exchangeId: string) => Promise<RunAlertView[]>;
  /** How many subscribed warning lists are not checked for want of access, and the way to allow them. */
  loadListsNotChecked?: () => Promise<number>;
  onOpenLists?: () => void;
  /** Whether no data source has answered yet (most exchanges show Unknown), and the way to the data sources. */
  loadFirstDataPending?: () => Promise<boolean>;
  onOpenSources?: () => void;
  /** Follows the data sources' stored state (returns its stop), so the first-data line goes when the first update arrives. */
  followSources?: (changed: () => void) => () => void;
  /** The first data update arrived while the popup is open: the tab and the list are asked for anew. */
  onFirstData?: () => void;
}

// Loaded after the first paint, so the holdings line never delays the card.
const HoldingsMini = lazy(() => import('./HoldingsMini').then((module) => ({ default: module.HoldingsMini })));

// Drawn only when asked for, so the popup's first paint does not wait for the share code.
const SharePanel = lazy(() => import('./SharePanel').then((module) => ({ default: module.SharePanel })));

export function Popup(props: PopupProps) {
  const {
    tab,
    failed = false,
    onRetry,
    loadAll,
    onWithdraw,
    onOpenOptions,
    onOpenVerify,
    onCopyText,
    onCopyImage,
    loadHoldings,
    loadRunAlerts,
    followRunAlerts,
    onSnoozeRun,
    onUnsnoozeRun,
    loadListsNotChecked,
    onOpenLists,
    loadFirstDataPending,
    onOpenSources,
    followSources,
    onFirstData,
  } = props;
  const [sharing, setSharing] = useState(false);
  const t = useT();
  const locale = useLocale();
  // The holdings line starts loading only after the card's first frame is on screen, so its
  // chunk and its question to the background never compete with the card.
  const [afterFirstFrame, setAfterFirstFrame] = useState(false);
  const drawn = tab !== undefined;
  // Try again stays in the page, under the focus, while the background is asked (aria-disabled, not disabled:
  // a disabled button drops the focus to the page); the answer's heading then takes the focus.
  const [retrying, setRetrying] = useState(false);
  const focusAnswer = useRef(false);
  const retry = () => {
    if (retrying || onRetry === undefined) return;
    setRetrying(true);
    focusAnswer.current = true;
    const done = () => setRetrying(false);
    onRetry().then(done, done);
  };
  // An answer that replaces the failed state unmounts Try again: were the focus on it, it would drop to the page
  // and the recovery would go unsaid. The answer's heading takes it, as after Try again; a focus still in the page stays.
  const wasFailed = useRef(failed);
  useEffect(() => {
    const recovered = wasFailed.current && !failed;
    wasFailed.current = failed;
    if (failed || tab === undefined) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (!focusAnswer.current && !(recovered && focusLost)) return;
    focusAnswer.current = false;
    // The first heading of what was drawn: a run alert leads an exchange's card when one is on.
    document.querySelector<HTMLElement>('h1')?.focus();
  }, [tab, failed]);
  useEffect(() => {
    if (!drawn || afterFirstFrame) return undefined;
    const frame = requestAnimationFrame(() => setTimeout(() => setAfterFirstFrame(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [drawn, afterFirstFrame]);

  // Above the list: why most of it shows Unknown on day one. Below an exchange's card: that what it shows is the copy that came with the extension.
  const firstData = (beside: FirstDataBeside) =>
    loadFirstDataPending !== undefined &&
    onOpenSources !== undefined && <FirstDataNotice load={loadFirstDataPending} onOpen={onOpenSources} beside={beside} follow={followSources} onArrived={onFirstData} />;
  const footer = (
    <>
      {loadListsNotChecked !== undefined && onOpenLists !== undefined && afterFirstFrame && <ListsNotChecked load={loadListsNotChecked} onOpen={onOpenLists} />}
      {loadHoldings !== undefined && afterFirstFrame && (
        <Suspense fallback={null}>
          <HoldingsMini load={loadHoldings} />
        </Suspense>
      )}
      <footer class="popup__footer">
        <button type="button" class="ghost" onClick={onOpenVerify} data-testid="open-verify">
          {t('openVerify')}
        </button>
        <button type="button" class="ghost" onClick={onOpenOptions} data-testid="open-options">
          {t('openOptions')}
        </button>
      </footer>
    </>
  );

  // No verdict was reached, so none is shown: not even "not an exchange".
  if (failed)
    return (
      <>
        <section class="card__alert" role="alert" data-testid="popup-check-failed">
          <h1 class="card__title" tabindex={-1}>
            {t('popupCheckFailedTitle')}
          </h1>
          <p>{t('popupCheckFailedBody')}</p>
          {onRetry !== undefined && (
            <button type="button" aria-disabled={retrying} onClick={retry} data-testid="popup-retry">
              {t('popupRetry')}
            </button>
          )}
        </section>
        {firstData('list')}
        <ExchangeList load={loadAll} onWithdraw={onWithdraw} />
        {footer}
      </>
    );
  if (tab === undefined)
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('loading')}
      </p>
    );
  // Run alerts lead: the tab's exchange at once, every other one with an alert on once asked.
  const runAlerts = onSnoozeRun !== undefined && (
    <RunAlerts
      first={tab.kind === 'exchange' ? tab.view.runAlert : undefined}
      load={loadRunAlerts}
      follow={followRunAlerts}
      onWithdraw={onWithdraw}
      onSnooze={onSnoozeRun}
      onUnsnooze={onUnsnoozeRun}
    />
  );
  if (tab.kind === 'exchange')
    return (
      <>
        {runAlerts}
        <ExchangeCard view={tab.view} onWithdraw={() => onWithdraw(tab.view.id)} />
        {firstData(cardBeside(tab.view))}
        <button type="button" class="ghost" aria-expanded={sharing} onClick={() => setSharing(!sharing)} data-testid="share-toggle">
          {t('shareAction')}
        </button>
        {sharing && (
          <Suspense fallback={<p class="muted">{t('loading')}</p>}>
            <SharePanel view={tab.view} now={new Date(tab.view.computedAt)} onCopy={onCopyText} onCopyImage={onCopyImage} />
          </Suspense>
        )}
        {footer}
      </>
    );
  return (
    <>
      {runAlerts}
      {tab.kind === 'lookalike' ? (
        <section class="card__alert" data-testid="popup-lookalike" role="alert">
          <h1 class="card__title" tabindex={-1}>
            {t('lookalikeTitle', tab.imitates.name)}
          </h1>
          <p>{lookalikeReasonText(tab, t, locale).reason}</p>
          <ListedSource state={tab} />
          <p>{t('lookalikeAdvice', tab.imitates.name)}</p>
          <p>
            <a href={`https://${tab.imitates.domain}/`} target="_blank" rel="noreferrer noopener">
              {t('lookalikeGoReal', tab.imitates.domain)}
            </a>
          </p>
        </section>
      ) : (
        <section data-testid="popup-not-exchange">
          <h1 class="card__title" tabindex={-1}>
            {t('notExchangeTitle')}
          </h1>
          <p class="muted">{t('notExchangeBody')}</p>
        </section>
      )}
      {firstData('list')}
      <ExchangeList load={loadAll} onWithdraw={onWithdraw} />
      {footer}
    </>
  );
}

function ExchangeList({ load, onWithdraw }: { load: () => Promise<ExchangeView[]>; onWithdraw: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [views, setViews] = useState<ExchangeView[] | undefined>(undefined);
  const [error, setError] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ExchangeSort>('level');
  const [open, setOpen] = useState<string | undefined>(undefined);
  // A new loader (the late answer after the failed state, or new data while the popup is open) is asked, and only its own
  // reply is drawn. A list already shown stays until that reply replaces it: the rows, and a focus on one, are not dropped
  // for "Loading…" in between, nor for the error when that reply fails: no answer keeps what is drawn.
  const drawn = useRef(false);
  useEffect(() => {
    let live = true;
    setError(false);
    load().then(
      (loaded) => {
        if (!live) return;
        drawn.current = true;
        setViews(loaded);
      },
      () => {
        if (live && !drawn.current) setError(true);
      },
    );
    return () => {
      live = false;
    };
  }, [load]);
  const shown = useMemo(() => (views === undefined ? [] : filterExchanges({ views, query, sort })), [views, query, sort]);
  // What a screen reader hears once the typing stops: no match, or how many exchanges are shown.
  const [said, setSaid] = useState('');
  const searched = views !== undefined && query.trim() !== '';
  const result = !searched ? '' : shown.length === 0 ? t('noMatches', query) : t('searchShown', formatCount(shown.length, locale));
  useEffect(() => {
    const timer = setTimeout(() => setSaid(result), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [result]);

  return (
    <section class="list" aria-labelledby="list-title">
      <h2 id="list-title" class="card__heading">
        {t('allExchanges')}
      </h2>
      {/* A row per exchange: the keyboard's first stop here passes them all, to what follows the list. */}
      <button type="button" class="ghost skip-link" data-testid="skip-list" onClick={(event) => focusAfter(event.currentTarget.closest('section'))}>
        {t('popupSkipList')}
      </button>
      <div class="list__controls">
        <label class="list__search">
          <span class="visually-hidden">{t('searchLabel')}</span>
          <input type="search" placeholder={t('searchLabel')} value={query} onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)} data-testid="search" />
        </label>
        <label>
          <span class="visually-hidden">{t('sortLabel')}</span>
          <select value={sort} onChange={(event) => setSort((event.currentTarget as HTMLSelectElement).value as ExchangeSort)} data-testid="sort">
            <option value="level">{t('sortLevel')}</option>
            <option value="coverage">{t('sortCoverage')}</option>
            <option value="own-token">{t('sortOwnToken')}</option>
          </select>
        </label>
      </div>
      {error && <p class="card__alert">{t('errorBackground')}</p>}
      {views === undefined && !error && (
        <p class="muted" role="status" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {views !== undefined && shown.length === 0 && <p class="muted">{t('noMatches', query)}</p>}
      {/* Present from the start, so that each settled result is read out. */}
      <p class="visually-hidden" role="status" data-testid="search-status">
        {said}
      </p>
      <ul class="list__items" data-testid="exchange-list">
        {shown.map((view) => (
          <li key={view.id} data-testid="exchange-row" data-id={view.id}>
            <button type="button" class="list__row" aria-expanded={open === view.id} onClick={() => setOpen(open === view.id ? undefined : view.id)}>
              <span class="list__name">{view.name}</span>
              <LevelChip verdict={view.verdict} />
              <RowWarning warnings={view.warnings} />
            </button>
            {open === view.id && (
              <div class="list__card">
                <ExchangeCard view={view} headingLevel={2} idPrefix={`list-${view.id}`} onWithdraw={() => onWithdraw(view.id)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A subscribed list's warning beside the verdict: the list's claim, marked as the community's, so
 * that it neither replaces our proof-of-reserves verdict nor goes unseen in the list ("Unknown"
 * alone would read as nothing known against the exchange).
 */
function RowWarning({ warnings }: { warnings: ExchangeView['warnings'] }) {
  const t = useT();
  const worst = warnings.find((warning) => warning.severity === 'danger' || warning.severity === 'caution')?.severity;
  if (worst === undefined) return null;
  return (
    <span class={`list__warning list__warning--${worst}`} data-testid="row-warning" data-severity={worst}>
      ⚠ {t(worst === 'danger' ? 'rowWarningDanger' : 'rowWarningCaution')}
    </span>
  );
}

/** Node.DOCUMENT_POSITION_FOLLOWING, written out: the popup's tests draw it without a global Node. */
const FOLLOWING = 4;
const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Focuses the first control past `section`: the next stop a Tab reaches, with a name a screen reader reads. */
function focusAfter(section: Element | null): void {
  if (section === null) return;
  const next = [...section.ownerDocument.querySelectorAll<HTMLElement>(CONTROLS)].find((control) => !section.contains(control) && (section.compareDocumentPosition(control) & FOLLOWING) !== 0);
  next?.focus();
}
