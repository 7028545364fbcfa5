import { useEffect, useState } from 'preact/hooks';
import { useT, type MessageKey } from '../../utils/i18n';
import type { AccessAnswer } from '../../utils/permissions';

/** What the notice says after its button did not bring the hosts back. The browser's own words are logged by askAccess. */
const ANSWER_WORDS: Record<Exclude<AccessAnswer, 'granted'>, MessageKey> = {
  declined: 'hostAccessDeclined',
  failed: 'hostAccessRequestFailed',
  // The manifest requires these hosts, so a browser refusing the pattern itself is a failure to ask like any other.
  rejected: 'hostAccessRequestFailed',
};

export interface HostsWithheldProps {
  /** False when the browser withholds hosts the manifest requires (Chromium does after an extension gives up the access to all sites). */
  held: boolean;
  /** Asks the browser for those hosts again, in the click (askAccess), and answers what came of it. */
  onRegrant: () => Promise<AccessAnswer>;
}

/**
 * The notice that the browser took the data hosts away, with a button that asks for them again. It sits in a status
 * region that is always in the page: a notice there at load is part of the page, not announced over its title, while
 * one that comes as the hosts go is read out politely; so is the answer to the button.
 */
export function HostsWithheld({ held, onRegrant }: HostsWithheldProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  // A key, worded when drawn: the page's language may change while it is shown.
  const [said, setSaid] = useState<MessageKey | undefined>(undefined);
  // What was said about an earlier request is not left for a later notice.
  useEffect(() => {
    if (held) setSaid(undefined);
  }, [held]);
  const regrant = () => {
    // Busy while the browser's prompt is open: a second press would only ask again behind it.
    if (asking) return;
    // Cleared at each press, so the same sentence said again is new text, read out again.
    setSaid(undefined);
    setAsking(true);
    // Called in the click itself: Chromium opens its prompt only during the user's gesture.
    void onRegrant()
      .then(
        (answer) => {
          if (answer !== 'granted') setSaid(ANSWER_WORDS[answer]);
        },
        // askAccess answers every outcome; anything thrown past it is a fault of ours, still a request that failed.
        (error: unknown) => {
          console.error('[reserve-radar] the access to the data sites could not be asked for:', error);
          setSaid('hostAccessRequestFailed');
        },
      )
      .finally(() => setAsking(false));
  };
  return (
    <div role="status" data-testid="hosts-status">
      {!held && (
        <div class="card__alert" data-testid="hosts-withheld">
          <p>{t('hostAccessWithheld')}</p>
          <button type="button" aria-disabled={asking} data-testid="hosts-regrant" onClick={regrant}>
            {t('hostAccessRegrant')}
          </button>
          {said !== undefined && <p data-testid="hosts-regrant-notice">{t(said)}</p>}
        </div>
      )}
    </div>
  );
}

/**
 * Said after "Reset done." and "Everything was deleted." when the hosts are withheld then: in Chromium, giving up the
 * access to all sites withholds them, and the notice that says so sits up under Data sources, out of sight.
 */
export function HostsWithheldAfter({ held }: { held: boolean }) {
  const t = useT();
  if (held) return null;
  return (
    <>
      {' '}
      <a href="#sources-title" data-testid="hosts-withheld-link">
        {t('hostAccessWithheldSee')}
      </a>
    </>
  );
}
