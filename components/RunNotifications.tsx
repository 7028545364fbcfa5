import { useState } from 'preact/hooks';
import { useT, type MessageKey } from '../utils/i18n';
import { usePermissionToggle } from './permission-toggle';

export interface RunNotificationsProps {
  enabled: boolean;
  /** The user recorded holdings on at least one exchange: only then is there anyone to notify about. */
  holdsOnExchange: boolean;
  notificationsGranted: boolean;
  /**
   * Turns run notifications on or off, asking for the permission when turned on; resolves false when the user declines
   * (nothing changed), rejects when the browser refuses the request or storage the write.
   */
  onChange: (enabled: boolean) => Promise<boolean>;
}

/** The options page's switch for run-alert notifications (docs/risk-model.md, "Run alert"). */
export function RunNotifications({ enabled, holdsOnExchange, notificationsGranted, onChange }: RunNotificationsProps) {
  const t = useT();
  // A key, worded when drawn: the page's language may change while it is shown.
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const toggle = usePermissionToggle({
    on: enabled,
    change: onChange,
    declined: 'runNotifyDeclined',
    failed: 'runNotifyFailed',
    say: setNotice,
    name: 'run notifications',
  });
  return (
    <section aria-labelledby="run-notify-title" class="holdings" data-testid="run-notifications">
      <h2 id="run-notify-title">{t('runNotifyTitle')}</h2>
      <p class="muted">{t('runNotifyBody')}</p>
      {holdsOnExchange ? (
        <label class="option">
          <input type="checkbox" checked={enabled} data-testid="run-notify" onChange={toggle} />
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
          {notice !== undefined ? (
            <p class="muted" data-testid="run-notify-notice">
              {t(notice)}
            </p>
          ) : (
            enabled &&
            !notificationsGranted && (
              <p class="muted" data-testid="run-notify-no-permission">
                {t('runNotifyNoPermission')}
              </p>
            )
          )}
        </div>
      )}
    </section>
  );
}
