import { useEffect, useRef, useState } from 'preact/hooks';
import type { RunAlertView } from '../lib/view/run-alert-view';
import { useT } from '../utils/i18n';
import { RunAlert } from './RunAlert';

export interface RunAlertsProps {
  /** The current tab's exchange, drawn at once from the tab's state. */
  first?: RunAlertView | undefined;
  /** Every exchange with an alert on; asked for after the first frame, never waited on. */
  load?: (() => Promise<RunAlertView[]>) | undefined;
  /**
   * Calls its argument after each change of the stored run-alert states (a snooze or a lift made in
   * the options page, an episode that starts or ends); returns its stop. Each change asks `load` again.
   */
  follow?: ((changed: () => void) => () => void) | undefined;
  onWithdraw: (exchangeId: string) => void;
  /** "Snooze this exchange's alerts for a week"; answers with the alerts as they are after it. */
  onSnooze: (exchangeId: string) => Promise<RunAlertView[]>;
  /** Lifts an exchange's snooze; answers with the alerts as they are after it. */
  onUnsnooze?: ((exchangeId: string) => Promise<RunAlertView[]>) | undefined;
}

/** The popup's run alerts: the tab's exchange first, then every other exchange with one on. */
export function RunAlerts({ first, load, follow, onWithdraw, onSnooze, onUnsnooze }: RunAlertsProps) {
  const t = useT();
  const [views, setViews] = useState<RunAlertView[] | undefined>(undefined);
  // The exchange whose snooze was just lifted: its snooze button, back in place of the undo, takes the focus.
  const [lifted, setLifted] = useState<string | undefined>(undefined);
  // The exchange whose undo was refused: its alert says so until a try succeeds.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  // Only the latest answer is drawn, whether it came from `load` or from a snooze or a lift.
  const answers = useRef(0);
  const show = (next: RunAlertView[]) => {
    answers.current += 1;
    setViews(next);
  };
  useEffect(() => {
    if (load === undefined) return;
    const reload = () => {
      const asked = ++answers.current;
      // A failed read leaves what is drawn.
      load().then(
        (next) => asked === answers.current && setViews(next),
        () => undefined,
      );
    };
    reload();
    return follow?.(reload);
  }, [load, follow]);
  useEffect(() => {
    if (lifted === undefined) return;
    setLifted(undefined);
    // No snooze button back: the block's heading; no block (the episode ended while snoozed): the popup's first heading, not the body.
    const block = `[data-testid="run-alert"][data-exchange="${lifted}"]`;
    (
      document.querySelector<HTMLElement>(`${block} [data-testid="run-snooze"]`) ??
      document.querySelector<HTMLElement>(`${block} .run-alert__title`) ??
      document.querySelector<HTMLElement>('h1[tabindex="-1"]')
    )?.focus();
  }, [lifted]);
  // The tab's own view is drawn until the list answers; then the list's, which is newer: the tab's may still show a lifted snooze or an ended episode.
  const lead = first?.phase === 'alert' ? (views === undefined ? first : views.find((view) => view.exchangeId === first.exchangeId)) : undefined;
  const shown = [...(lead === undefined ? [] : [lead]), ...(views ?? []).filter((view) => view.exchangeId !== lead?.exchangeId)];
  if (shown.length === 0) return null;
  /** Snoozes one exchange and draws the answer; true when that exchange came back snoozed. */
  const snoozeOne = (exchangeId: string) =>
    onSnooze(exchangeId).then((next) => {
      show(next);
      return next.some((view) => view.exchangeId === exchangeId && view.snoozedUntil !== undefined);
    });
  const unsnoozeOne = (exchangeId: string, unsnooze: (exchangeId: string) => Promise<RunAlertView[]>) =>
    unsnooze(exchangeId).then(
      (next) => {
        setFailed(undefined);
        show(next);
        if (!next.some((view) => view.exchangeId === exchangeId && view.snoozedUntil !== undefined)) setLifted(exchangeId);
      },
      (error: unknown) => {
        console.error('[reserve-radar] the snooze could not be lifted', error);
        setFailed(exchangeId);
      },
    );
  return (
    <div class="run-alerts" data-testid="run-alerts">
      {shown.map((view) => (
        <RunAlert
          key={view.exchangeId}
          alert={view}
          headingLevel={1}
          onWithdraw={() => onWithdraw(view.exchangeId)}
          onSnooze={() => snoozeOne(view.exchangeId)}
          status={failed === view.exchangeId && <p data-testid="run-unsnooze-failed">{t('runUnsnoozeFailed', view.name)}</p>}
          undo={
            onUnsnooze !== undefined && (
              <button type="button" class="ghost" data-testid="run-unsnooze" onClick={() => void unsnoozeOne(view.exchangeId, onUnsnooze)}>
                {t('runUnsnooze')}
              </button>
            )
          }
        />
      ))}
    </div>
  );
}
