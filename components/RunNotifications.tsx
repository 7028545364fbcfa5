import { useState } from 'preact/hooks';
import { useT } from '../utils/i18n';

export interface RunNotificationsProps {
  enabled: boolean;
  /** The user recorded holdings on at least one exchange: only then is there anyone to notify about. */
  holdsOnExchange: boolean;
  notificationsGranted: boolean;
  /** Turns run notifications on or off, asking for the permission when turned on; false when declined. */
  onChange: (enabled: boolean) => Promise<boolean>;
}

/** The options page's switch for run-alert notifications (docs/risk-model.md, "Run alert"). */
export function RunNotifications({ enabled, holdsOnExchange, notificationsGranted, onChange }: RunNotificationsProps) {
  const t = useT();
  const [declined, setDeclined] = useState(false);
  return (
    <section aria-labelledby="run-notify-title" class="holdings" data-testid="run-notifications">
      <h2 id="run-notify-title">{t('runNotifyTitle')}</h2>
      <p class="muted">{t('runNotifyBody')}</p>
      {holdsOnExchange ? (
        <label class="option">
          <input
            type="checkbox"
            checked={enabled}
            data-testid="run-notify"
            onChange={(event) => {
              const next = (event.currentTarget as HTMLInputElement).checked;
              void onChange(next).then((granted) => setDeclined(next && !granted));
            }}
          />
          {t('runNotifyLabel')}
        </label>
      ) : (
        <p class="muted" data-testid="run-notify-no-holdings">
          {t('runNotifyNoHoldings')}
        </p>
      )}
      {/* Present before the permission's answer, so that the sentence appearing in it is read out. */}
      {holdsOnExchange && (
        <div role="status">
          {(declined || (enabled && !notificationsGranted)) && (
            <p class="muted" data-testid="run-notify-no-permission">
              {t('runNotifyNoPermission')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
