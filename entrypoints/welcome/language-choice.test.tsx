import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { Welcome } from '@/components/Welcome';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import type { Language } from '@/lib/settings';
import { I18nContext, translateFrom, type I18n, type Messages } from '@/utils/i18n';
import { usePageWords } from '@/utils/page-words';
import { useLanguageChoice } from './language-choice';
import { useRef } from 'preact/hooks';

const words = (language: Language): I18n => {
  const id = language === 'auto' ? 'en' : language;
  return { t: translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${id}/messages.json`), 'utf8')) as Messages), locale: id };
};
const english = words('en');

/** The welcome page as main.tsx wires it, with the stored setting's write given by the test. */
function WelcomePage({ save }: { save: (language: Language) => Promise<unknown> }) {
  const [i18n, showLanguage] = usePageWords({ language: 'auto', i18n: english, title: 'welcomeTitle', load: (language) => Promise.resolve(words(language)) });
  // What the test's write keeps, read back as storage would be.
  const kept = useRef<Language>('auto');
  const [language, choose] = useLanguageChoice({
    initial: 'auto',
    stored: 'auto',
    read: () => Promise.resolve(kept.current),
    show: showLanguage,
    save: async (next) => {
      await save(next);
      kept.current = next;
    },
  });
  return (
    <I18nContext.Provider value={i18n}>
      <Welcome language={language} onLanguage={choose} protectionOn={false} holdingsHref="x" onTurnOnProtection={() => Promise.resolve(true)} />
    </I18nContext.Provider>
  );
}

function open(save: (language: Language) => Promise<unknown>) {
  const dom = page();
  render(<WelcomePage save={save} />, dom.root);
  // The change a click or an arrow key sends from a radio. linkedom's inputs have no `checked` property: Preact draws
  // the attribute, which says what the picker is told to show.
  const pick = (language: Language) => dom.$(`welcome-language-${language}`)?.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  const pickerShows = () => [...dom.root.querySelectorAll('[data-testid="welcome-language"] input[checked]')].map((radio) => radio.getAttribute('value')).join();
  return { ...dom, pick, pickerShows };
}

describe('welcome page: the language picker', () => {
  effectsOnNextTask();

  test('a choice that is saved is shown, in its words', async () => {
    const save = vi.fn((_language: Language) => Promise.resolve());
    const { root, document, pick, pickerShows, $ } = open(save);
    await settle();
    pick('de');
    await settle();
    expect(save).toHaveBeenCalledWith('de');
    expect(root.querySelector('h1')?.textContent).toBe(words('de').t('welcomeTitle'));
    expect(document.documentElement.lang).toBe('de');
    expect(pickerShows()).toBe('de');
    expect($('welcome-language-failed')?.textContent).toBe('');
    render(null, root);
  });

  test('a choice that cannot be saved goes back to the language the page had, logs why, and says so in that language', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, document, pick, pickerShows, $ } = open(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')));
    await settle();
    const alert = $('welcome-language-failed');
    // In the page and empty before, so the words are read when they come.
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toBe('');
    pick('de');
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(english.t('welcomeTitle'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe(english.t('welcomeTitle'));
    expect(pickerShows()).toBe('auto');
    expect($('welcome-language-failed')?.textContent).toBe(english.t('languageNotSaved'));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('language'), expect.any(Error));
    render(null, root);
  });
});
