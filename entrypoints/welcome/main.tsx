import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext, type I18n } from '@/utils/i18n';
import { Welcome } from '@/components/Welcome';
import type { Language } from '@/lib/settings';
import { BROAD_ACCESS } from '@/utils/permissions';
import { loadI18n } from '@/utils/translate';
import { usePageWords } from '@/utils/page-words';
import { runPage } from '@/utils/run-page';
import { getSettings, updateSettings } from '@/utils/settings';
import '@/components/card.css';
import './style.css';

function App({ initialLanguage, initialI18n, protectionOn }: { initialLanguage: Language; initialI18n: I18n; protectionOn: boolean }) {
  const [language, setLanguage] = useState(initialLanguage);
  const [i18n, showLanguage] = usePageWords({ language: initialLanguage, i18n: initialI18n, title: 'welcomeTitle' });
  return (
    <I18nContext.Provider value={i18n}>
      <Welcome
        language={language}
        onLanguage={(next) => {
          setLanguage(next);
          showLanguage(next);
          void updateSettings({ language: next });
        }}
        protectionOn={protectionOn}
        onTurnOnProtection={async () => {
          // First, before any other await: the browser takes the request only during the click.
          const granted = await browser.permissions.request(BROAD_ACCESS);
          if (granted) await updateSettings({ lookalikeProtection: true });
          return granted;
        }}
        holdingsHref={browser.runtime.getURL('/options.html#holdings-title' as '/options.html')}
      />
    </I18nContext.Provider>
  );
}

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  const [settings, granted] = await Promise.all([getSettings(), browser.permissions.contains(BROAD_ACCESS)]);
  const i18n = await loadI18n(settings.language);
  render(<App initialLanguage={settings.language} initialI18n={i18n} protectionOn={settings.lookalikeProtection && granted} />, root);
}

void runPage(main);
