import './run-alert.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { RunAlertView } from '../lib/view/run-alert-view';
import { formatAge, formatDateTime, sourceSite } from '../lib/words/format';
import { runReasonText, runUnreadText } from '../lib/words/run-alert-text';
import { joiners } from '../lib/words/punctuation';
import { useLocale, useT } from '../utils/i18n';
import { ListText, SourceWords, Worded } from './SourceWords';

export interface RunAlertProps {
  alert: RunAlertView;
  /** Opens the withdrawal guide for this exchange; absent inside the guide itself. */
  onWithdraw?: () => void;
  /**
   * Snoozes this exchange's alerts for a week, answering whether the snooze took; absent where
   * snoozing is not offered (the exchange's own page).
   */
  onSnooze?: () => Promise<boolean>;
  /** Drawn beside the snoozed line: the popup's way to lift the snooze. */
  undo?: ComponentChildren;
  /** Said in the alert's status region after the snoozed line: the popup's word when lifting failed. */
  status?: ComponentChildren;
  /** 1 where the alert leads a page (the popup), 2 inside the pill's card. */
  headingLevel?: 1 | 2 | 3;
}

const SETTLING_KEYS = { 'flows-calm': 'runAlertSettling', unread: 'runAlertSettlingUnread', 'lists-unread': 'runAlertSettlingListsUnread' } as const;

/**
 * What happened, with the figures, where each comes from and how old it is, and the one step to
 * take. Drawn in the popup and, on the exchange's own page, at the top of the pill's card.
 */
export function RunAlert({ alert, onWithdraw, onSnooze, undo, status, headingLevel = 2 }: RunAlertProps) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const now = new Date(alert.computedAt);
  const Heading = headingLevel === 1 ? 'h1' : headingLevel === 2 ? 'h2' : 'h3';
  const known = alert.reasons.filter((reason) => reason.effect !== 'unknown');
  const unread = alert.reasons.filter((reason) => reason.effect === 'unknown');
  // The snooze button goes away once the snooze is in: the focus moves to the line that says so,
  // so it stays in the alert rather than dropping to the page's start. An ask that failed or took
  // no snooze is dropped when its answer comes, so a snooze made later elsewhere takes no focus.
  const snoozeAsked = useRef(false);
  const snoozedLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!snoozeAsked.current || alert.snoozedUntil === undefined) return;
    snoozeAsked.current = false;
    snoozedLine.current?.focus();
  }, [alert.snoozedUntil]);
  return (
    <section class="run-alert" data-testid="run-alert" data-exchange={alert.exchangeId} data-active={String(alert.active)} aria-labelledby={`run-alert-${alert.exchangeId}`}>
      {/* The popup's first heading when it leads: focus goes to it once a retried answer is drawn. */}
      <Heading class="run-alert__title" id={`run-alert-${alert.exchangeId}`} {...(headingLevel === 1 ? { tabindex: -1 } : {})}>
        {t(alert.cause === 'warning-list' ? 'runAlertTitleList' : alert.phase === 'alert' ? 'runAlertTitle' : 'runWatchTitle', alert.name)}
      </Heading>
      {alert.startedAt !== undefined && <p class="muted">{t('runAlertSince', formatAge(alert.startedAt, now, locale, t))}</p>}
      {alert.settling !== undefined && <p>{t(SETTLING_KEYS[alert.settling])}</p>}
      {/* Present before the snooze, so that the line appearing in it is read out. */}
      <div role="status" class="run-alert__status">
        {alert.snoozedUntil !== undefined && (
          <p class="muted" data-testid="run-snoozed" tabIndex={-1} ref={snoozedLine}>
            {t('runAlertSnoozedUntil', formatDateTime(alert.snoozedUntil, locale))}
          </p>
        )}
        {status}
      </div>
      {alert.snoozedUntil !== undefined && undo}
      <ul class="run-alert__reasons">
        {known.map((reason) => (
          <li key={`${reason.signal}-${reason.symbol ?? reason.title ?? ''}`} class={`run-reason run-reason--${reason.effect}`} data-signal={reason.signal} data-effect={reason.effect}>
            {reason.signal === 'warning-list' && reason.title !== undefined ? (
              <Worded
                message={(slots) => t('runReasonWarning', slots)}
                parts={[<ListText key="name" text={reason.listName ?? ''} lang={reason.listLang} />, <SourceWords key="title" text={reason.title} lang={reason.listLang ?? ''} />]}
              />
            ) : (
              runReasonText(reason, t, locale)
            )}
            {reason.source !== undefined && (
              <span class="muted">
                {join.open}
                <a href={reason.source} target="_blank" rel="noreferrer noopener">
                  {sourceSite(reason.source)}
                </a>
                {reason.observedAt !== undefined && join.comma + formatAge(reason.observedAt, now, locale, t)}
                {join.close}
              </span>
            )}
          </li>
        ))}
        {unread.map((reason) => (
          <li key={`unread-${reason.signal}`} class="run-reason muted" data-signal={reason.signal} data-effect="unknown">
            {runUnreadText(reason, t)}
          </li>
        ))}
      </ul>
      <div class="run-alert__actions">
        {onWithdraw && (
          <button type="button" class="primary" onClick={onWithdraw} data-testid="run-open-guide">
            {t('runOpenGuide')}
          </button>
        )}
        {onSnooze !== undefined && alert.phase === 'alert' && alert.snoozedUntil === undefined && (
          <button
            type="button"
            class="ghost"
            onClick={() => {
              snoozeAsked.current = true;
              const drop = () => {
                snoozeAsked.current = false;
              };
              onSnooze().then((took) => {
                if (!took) drop();
              }, drop);
            }}
            data-testid="run-snooze"
          >
            {t('runSnoozeWeek')}
          </button>
        )}
      </div>
    </section>
  );
}
