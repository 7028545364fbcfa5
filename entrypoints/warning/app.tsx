import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext, useT, type I18n } from '@/utils/i18n';
import { LookalikeWarning } from '@/components/LookalikeWarning';
import type { TabState } from '@/lib/view/exchange-view';
import type { Settings } from '@/lib/settings';
import { loadI18n } from '@/utils/translate';
import { useWatchedSettings } from '@/utils/page-words';
import { getSettings } from '@/utils/settings';
import { send } from '@/utils/send';

/** The warning page for `url`, drawn into `root`. */
export async function startWarningPage(root: HTMLElement, url: string): Promise<void> {
  const settings = await getSettings();
  const i18n = await loadI18n(settings.language);
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t('warningPageTitle');
  const state = await send({ type: 'check-url', url });
  // Only a URL the background itself calls a lookalike gets the warning.
  // The check the background's guard makes on the way in, made again now, finds nothing to warn
  // about: a list dropped the host, our copy of it is over 30 days old or was forgotten, no feed
  // has been read yet, or the address is an exchange's own. Not all of these mean the site is safe,
  // so the user is not sent on by this page: they go on with a press of their own.
  // The page is not web-accessible: only our guard, or the user's own history, opens it.
  if (state.kind !== 'lookalike') document.documentElement.classList.add('warning-page--calm');
  render(<WarningPage initialSettings={settings} initialI18n={i18n} state={state} url={url} />, root);
}

/**
 * The page in the stored language, following a change made elsewhere while it is open: the page
 * waits for the user's decision, long enough for them to change the language in the options.
 */
function WarningPage({ initialSettings, initialI18n, state, url }: { initialSettings: Settings; initialI18n: I18n; state: TabState; url: string }) {
  const site = webAddress(url);
  const title = state.kind === 'lookalike' ? 'warningPageTitle' : site !== undefined ? 'warningNoLongerTitle' : 'warningNoSiteTitle';
  const [, i18n] = useWatchedSettings({ settings: initialSettings, i18n: initialI18n, title });
  return (
    <I18nContext.Provider value={i18n}>
      {state.kind === 'lookalike' ? (
        <LookalikeWarning
          state={state}
          onContinue={() => {
            void send({ type: 'allow-host', host: state.host }).then(() => location.replace(url));
          }}
          onClose={() => void closeOwnTab()}
        />
      ) : site !== undefined ? (
        <NoLongerWarned site={site} />
      ) : (
        <NoSite />
      )}
    </I18nContext.Provider>
  );
}

function NoLongerWarned({ site }: { site: string }) {
  const t = useT();
  const host = new URL(site).hostname;
  return (
    <section data-testid="warning-no-longer" aria-labelledby="no-longer-title">
      <h1 id="no-longer-title">{t('warningNoLongerTitle')}</h1>
      <p class="lookalike-page__host" data-testid="warning-host">
        {host}
      </p>
      <p>{t('warningNoLongerBody')}</p>
      {/* Replaced, so Back skips this page. Only an http(s) address is ever followed. */}
      <button type="button" class="primary" data-testid="go-on" onClick={() => location.replace(site)}>
        {t('warningNoLongerGo', host)}
      </button>
    </section>
  );
}

/** No web address to go to (none given, or another scheme): nothing to check, said calmly. */
function NoSite() {
  const t = useT();
  return (
    <section data-testid="no-warning" aria-labelledby="no-warning-title">
      <h1 id="no-warning-title">{t('warningNoSiteTitle')}</h1>
      <p>{t('warningNoSiteBody')}</p>
    </section>
  );
}

/**
 * Closes the tab this page is in. The tabs API closes an extension page's own tab with no permission
 * asked; `window.close` alone is refused for a tab the user navigated (its history holds the link they followed).
 */
async function closeOwnTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) window.close();
  else await browser.tabs.remove(tab.id).catch(() => window.close());
}

/** The address to send the user on to: a web page's only (never javascript:, data:, file:…). */
function webAddress(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
