import { render } from 'preact';
import { I18nContext } from '@/utils/i18n';
import { LookalikeWarning } from '@/components/LookalikeWarning';
import { loadI18n } from '@/utils/translate';
import { runPage } from '@/utils/run-page';
import { getSettings } from '@/utils/settings';
import { send } from '@/utils/send';
import '@/components/card.css';
import '@/components/controls.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  const url = new URLSearchParams(location.search).get('url') ?? '';
  const i18n = await loadI18n((await getSettings()).language);
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t('warningPageTitle');
  const state = await send({ type: 'check-url', url });
  // Only a URL the background itself calls a lookalike gets the warning.
  if (state.kind !== 'lookalike') {
    const site = webAddress(url);
    // The check the background's guard makes on the way in, made again now, finds nothing to warn
    // about: a list dropped the host, our copy of it is over 30 days old or was forgotten, no feed
    // has been read yet, or the address is an exchange's own. Not all of these mean the site is safe,
    // so the user is not sent on by this page: they go on with a press of their own.
    // The page is not web-accessible: only our guard, or the user's own history, opens it.
    document.documentElement.classList.add('warning-page--calm');
    if (site !== undefined) {
      const host = new URL(site).hostname;
      document.title = i18n.t('warningNoLongerTitle');
      render(
        <section data-testid="warning-no-longer" aria-labelledby="no-longer-title">
          <h1 id="no-longer-title">{i18n.t('warningNoLongerTitle')}</h1>
          <p class="lookalike-page__host" data-testid="warning-host">
            {host}
          </p>
          <p>{i18n.t('warningNoLongerBody')}</p>
          {/* Replaced, so Back skips this page. Only an http(s) address is ever followed. */}
          <button type="button" class="primary" data-testid="go-on" onClick={() => location.replace(site)}>
            {i18n.t('warningNoLongerGo', host)}
          </button>
        </section>,
        root,
      );
      return;
    }
    // No web address to go to (none given, or another scheme): nothing to check, said calmly.
    document.title = i18n.t('warningNoSiteTitle');
    render(
      <section data-testid="no-warning" aria-labelledby="no-warning-title">
        <h1 id="no-warning-title">{i18n.t('warningNoSiteTitle')}</h1>
        <p>{i18n.t('warningNoSiteBody')}</p>
      </section>,
      root,
    );
    return;
  }
  render(
    <I18nContext.Provider value={i18n}>
      <LookalikeWarning
        state={state}
        onContinue={() => {
          void send({ type: 'allow-host', host: state.host }).then(() => location.replace(url));
        }}
      />
    </I18nContext.Provider>,
    root,
  );
}

/** The address to send the user on to: a web page's only (never javascript:, data:, file:…). */
function webAddress(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

void runPage(main);
