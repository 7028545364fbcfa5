import { useEffect, useState } from 'preact/hooks';
import type { RunAlertView } from '../lib/view/run-alert-view';
import { RunAlert } from './RunAlert';

export interface RunAlertsProps {
  /** The current tab's exchange, drawn at once from the tab's state. */
  first?: RunAlertView | undefined;
  /** Every exchange with an alert on; asked for after the first frame, never waited on. */
  load?: (() => Promise<RunAlertView[]>) | undefined;
  onWithdraw: (exchangeId: string) => void;
  /** "Snooze this exchange's alerts for a week"; answers with the alerts as they are after it. */
  onSnooze: (exchangeId: string) => Promise<RunAlertView[]>;
}

/** The popup's run alerts: the tab's exchange first, then every other exchange with one on. */
export function RunAlerts({ first, load, onWithdraw, onSnooze }: RunAlertsProps) {
  const [views, setViews] = useState<RunAlertView[] | undefined>(undefined);
  useEffect(() => {
    if (load === undefined) return;
    load().then(setViews, () => setViews(undefined));
  }, [load]);
  const lead = first?.phase === 'alert' ? (views?.find((view) => view.exchangeId === first.exchangeId) ?? first) : undefined;
  const shown = [...(lead === undefined ? [] : [lead]), ...(views ?? []).filter((view) => view.exchangeId !== lead?.exchangeId)];
  if (shown.length === 0) return null;
  /** Snoozes one exchange and draws the answer; true when that exchange came back snoozed. */
  const snoozeOne = (exchangeId: string) =>
    onSnooze(exchangeId).then((next) => {
      setViews(next);
      return next.some((view) => view.exchangeId === exchangeId && view.snoozedUntil !== undefined);
    });
  return (
    <div class="run-alerts" data-testid="run-alerts">
      {shown.map((view) => (
        <RunAlert key={view.exchangeId} alert={view} headingLevel={1} onWithdraw={() => onWithdraw(view.exchangeId)} onSnooze={() => snoozeOne(view.exchangeId)} />
      ))}
    </div>
  );
}
