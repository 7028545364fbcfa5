import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext, type I18n } from '@/utils/i18n';
import { Welcome } from '@/components/Welcome';
import type { Language } from '@/lib/settings';
import { holdsBroadAccess, TAB_ADDRESSES } from '@/utils/permissions';
import { loadI18n } from '@/utils/translate';
import { usePageWords } from '@/utils/page-words';
import { getSettings, updateSettings, watchSettings } from '@/utils/settings';
import { useStoredSettings } from '@/utils/stored-settings';
import { useBroadAccess } from '@/utils/broad-access';
import { useLanguageChoice } from './language-choice';
import type { Settings } from '@/lib/settings';

function App({ initialSettings, initialI18n, initialBroadAccess }: { initialSettings: Settings; initialI18n: I18n; initialBroadAccess: boolean }) {
  const initialLanguage: Language = initialSettings.language;
  // Protection as it stands, followed live: the setting and the browser's access to tab addresses, both.
  const [settings] = useStoredSettings(initialSettings);
  const broadAccess = useBroadAccess(initialBroadAccess);
  const protectionOn = settings.lookalikeProtection && broadAccess;
  const [i18n, showLanguage] = usePageWords({ language: initialLanguage, i18n: initialI18n, title: 'welcomeTitle' });
  const [language, chooseLanguage] = useLanguageChoice({
    initial: initialLanguage,
    watch: (report) => watchSettings(() => report()),
    read: async () => (await getSettings()).language,
    show: showLanguage,
    save: (next) => updateSettings({ language: next }),
  });
  return (
    <I18nContext.Provider value={i18n}>
      <Welcome
        language={language}
        onLanguage={chooseLanguage}
        protectionOn={protectionOn}
        onTurnOnProtection={async () => {
          // First, before any other await: the browser takes the request only during the click.
          const granted = await browser.permissions.request(TAB_ADDRESSES);
          if (granted) await updateSettings({ lookalikeProtection: true });
          return granted;
        }}
        holdingsHref={browser.runtime.getURL('/options.html#holdings-title' as '/options.html')}
      />
    </I18nContext.Provider>
  );
}

/** The welcome page, drawn into `root` in the stored language. */
export async function startWelcomePage(root: HTMLElement): Promise<void> {
  const [settings, granted] = await Promise.all([getSettings(), holdsBroadAccess()]);
  const i18n = await loadI18n(settings.language);
  render(<App initialSettings={settings} initialI18n={i18n} initialBroadAccess={granted} />, root);
}
