import type { TabState } from '../lib/view/exchange-view';
import { useLocale, useT } from '../utils/i18n';
import { lookalikeReasonText } from '../lib/words/lookalike-reason';

export interface LookalikeWarningProps {
  state: Extract<TabState, { kind: 'lookalike' }>;
  onContinue: () => void;
  /** Closes the page's own tab: a way out that opens nothing, for a user who never meant to visit the exchange. */
  onClose: () => void;
}

/** The full-page stop before a site that imitates an exchange. */
export function LookalikeWarning({ state, onContinue, onClose }: LookalikeWarningProps) {
  const t = useT();
  const real = `https://${state.imitates.domain}/`;
  const { reason, official } = lookalikeReasonText(state, t, useLocale());
  return (
    <section class="lookalike-page" data-testid="lookalike-warning" aria-labelledby="warning-title">
      <h1 id="warning-title">{t('lookalikeTitle', state.imitates.name)}</h1>
      <p class="lookalike-page__host" data-testid="warning-host">
        {state.host}
      </p>
      <p data-testid="warning-reason">{reason}</p>
      <ListedSource state={state} />
      <p data-testid="warning-official">{official}</p>
      <p>{t('lookalikeAdvice', state.imitates.name)}</p>
      <p>
        <a class="lookalike-page__go" href={real} data-testid="go-real">
          {t('lookalikeGoReal', state.imitates.domain)}
        </a>
      </p>
      {/* Both safe ways come before the one on to the site, in the keyboard's order too. */}
      <p>
        <button type="button" class="ghost" onClick={onClose} data-testid="close-tab">
          {t('lookalikeCloseTab')}
        </button>
      </p>
      <p>
        <button type="button" class="ghost" onClick={onContinue} aria-describedby="continue-note" data-testid="continue-anyway">
          {t('lookalikeContinue', state.host)}
        </button>
      </p>
      {/* Said before the press: the exemption lasts, and only the options page undoes it. */}
      <p id="continue-note" class="muted" data-testid="continue-note">
        {t('lookalikeContinueNote', state.host)}
      </p>
    </section>
  );
}

/** Where a phishing list names the host: a link to the list, as the feed read it. Nothing otherwise. */
export function ListedSource({ state }: { state: Extract<TabState, { kind: 'lookalike' }> }) {
  const t = useT();
  const list = state.explanation.list;
  if (state.explanation.code !== 'listed' || list === undefined) return null;
  return (
    <p data-testid="listed-source">
      <a href={list.source} target="_blank" rel="noreferrer noopener" aria-label={t('sourceLabel', list.name)}>
        {list.name}
      </a>
    </p>
  );
}
