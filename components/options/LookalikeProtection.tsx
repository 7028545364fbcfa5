import { useState } from 'preact/hooks';
import { useFocusAfterRemove } from '../focus-after-remove';
import { usePermissionToggle } from '../permission-toggle';
import { RemovalStatus } from '../RemovalStatus';
import { useT, type MessageKey } from '../../utils/i18n';
import { NotSavedStatus } from './setting-change';

export interface LookalikeProtectionProps {
  /** The setting and the browser's access to tab addresses, both: what the user really has. */
  protectionOn: boolean;
  /** Asks for the access first; resolves false when the user declines, rejects when the browser or storage fails. */
  onLookalikeProtection: (enabled: boolean) => Promise<boolean>;
  /** Hosts the user chose to open despite the warning; undefined while they load. */
  allowedHosts: string[] | undefined;
  onAllowedHostRemove: (host: string) => Promise<unknown> | undefined;
}

/**
 * The options page's lookalike protection: the switch, and the sites the warning no longer stops. Each says what went
 * wrong beside itself, not in the page's status line, so it neither replaces what that line said nor is said far away.
 */
export function LookalikeProtection({ protectionOn, onLookalikeProtection, allowedHosts, onAllowedHostRemove }: LookalikeProtectionProps) {
  const t = useT();
  // A key, worded when drawn: the page's language may change while it is shown.
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const toggle = usePermissionToggle({
    on: protectionOn,
    change: onLookalikeProtection,
    declined: 'permissionDeclined',
    failed: 'lookalikeProtectionFailed',
    say: setNotice,
    name: 'lookalike protection',
  });
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    allowedHosts ?? [],
    (list) => list?.querySelector<HTMLElement>('[data-testid="allowed-empty"]'),
    (list) => list?.ownerDocument.getElementById('allowed-title'),
  );
  return (
    <section aria-labelledby="lookalike-title">
      <h2 id="lookalike-title">{t('lookalikeProtectionTitle')}</h2>
      <p class="muted">{t('lookalikeProtectionBody')}</p>
      <label class="option">
        <input type="checkbox" checked={protectionOn} data-testid="lookalike-protection" onChange={toggle} />
        {t('lookalikeProtectionToggle')}
      </label>
      <NotSavedStatus notSaved={notice === undefined ? undefined : { key: notice }} testId="lookalike-notice" />

      <h3 id="allowed-title" tabIndex={-1}>
        {t('lookalikeAllowedTitle')}
      </h3>
      <div ref={container}>
        {allowedHosts === undefined ? (
          <p class="muted" role="status" aria-busy="true">
            {t('loading')}
          </p>
        ) : allowedHosts.length === 0 ? (
          <p class="muted" tabIndex={-1} data-testid="allowed-empty">
            {t('lookalikeAllowedEmpty')}
          </p>
        ) : (
          <ul class="allowed-hosts" aria-labelledby="allowed-title" data-testid="allowed-hosts">
            {allowedHosts.map((host, index) => (
              <li key={host}>
                <span>{host}</span>{' '}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  aria-label={t('lookalikeAllowedRemoveLabel', host)}
                  onClick={() => {
                    removing(host, index, host);
                    void onAllowedHostRemove(host)?.catch((error: unknown) => {
                      console.error('[reserve-radar] allowed host not removed:', error);
                      kept(host, { key: 'lookalikeAllowedRemoveFailed', args: [] });
                    });
                  }}
                >
                  {t('holdingsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <RemovalStatus said={said} testId="allowed-removed" />
    </section>
  );
}
