import { browserTranslate, loadI18n } from './translate';
import { getSettings } from './settings';

/** The failure's words in the language the user chose when the settings can still be read, else in the browser's. */
async function failureWords(): Promise<{ text: string; lang: string | undefined }> {
  try {
    const i18n = await loadI18n((await getSettings()).language);
    return { text: i18n.t('errorBackground'), lang: i18n.locale };
  } catch {
    return { text: browserTranslate('errorBackground'), lang: undefined };
  }
}

/**
 * Runs an extension page's `main`. When storage, the background or the page itself fails, the
 * page says so in words instead of staying blank, and its title says the same rather than what
 * the page would have shown.
 */
export function runPage(main: () => Promise<void>, rootId = 'app'): Promise<void> {
  return main().catch(async (error: unknown) => {
    console.error('[reserve-radar] the page could not start', error);
    const { text, lang } = await failureWords();
    const root = document.getElementById(rootId);
    if (root !== null) root.textContent = text;
    document.title = text;
    if (lang !== undefined) document.documentElement.lang = lang;
  });
}
