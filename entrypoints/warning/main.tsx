import { render } from 'preact';
import { I18nContext } from '@/utils/i18n';
import { LookalikeWarning } from '@/components/LookalikeWarning';
import { loadI18n } from '@/utils/translate';
import { runPage } from '@/utils/run-page';
import { getSettings } from '@/utils/settings';
import { send } from '@/utils/send';
import '@/components/card.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  const url = new URLSearchParams(location.search).get('url') ?? '';
  const i18n = await loadI18n((await getSettings()).language);
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t('warningPageTitle');
  const state = await send({ type: 'check-url', url });
  // Only a URL the background itself calls a lookalike gets this page; anything else is sent on.
  if (state.kind !== 'lookalike') {
    const note = document.createElement('p');
    note.dataset.testid = 'not-exchange';
    note.textContent = i18n.t('notExchangeTitle');
    root.replaceChildren(note);
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

void runPage(main);
