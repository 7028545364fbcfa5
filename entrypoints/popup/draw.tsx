import { render } from 'preact';
import type { Settings } from '@/lib/settings';
import { reasonText } from '@/lib/words/reason-text';
import { Popup, type PopupProps } from '@/components/Popup';
import { I18nContext, ReasonWordsContext, type I18n } from '@/utils/i18n';
import { useWatchedSettings } from '@/utils/page-words';
import type { PopupFrame } from './answers';

/** What the popup does at the user's request: the same in every frame. */
export type PopupActions = Omit<PopupProps, 'tab' | 'failed' | 'loadAll'>;

/**
 * Draws the popup's frames into `root`, in the stored language, following a change of it: the popup opened as a page
 * (popup.html?tab=…) stays open while the user changes the language in the options. Each frame is drawn in the words
 * shown by then, never the ones it opened with.
 */
export function popupDrawer(root: HTMLElement, { settings, i18n, actions }: { settings: Settings; i18n: I18n; actions: PopupActions }): (frame: PopupFrame) => void {
  document.documentElement.lang = i18n.locale;
  return (frame) => render(<PopupPage settings={settings} i18n={i18n} frame={frame} actions={actions} />, root);
}

function PopupPage({ settings, i18n, frame, actions }: { settings: Settings; i18n: I18n; frame: PopupFrame; actions: PopupActions }) {
  // Its title is the extension's name, the same in every language.
  const [, words] = useWatchedSettings({ settings, i18n, title: 'extName' });
  return (
    <I18nContext.Provider value={words}>
      <ReasonWordsContext.Provider value={reasonText}>
        <Popup {...actions} {...frame} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>
  );
}
