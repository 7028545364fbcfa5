import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { Welcome } from '@/components/Welcome';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import type { Language } from '@/lib/settings';
import { I18nContext, translateFrom, type I18n } from '@/utils/i18n';
import { usePageWords } from '@/utils/page-words';
import { useLanguageChoice } from './language-choice';
import { useEffect, useRef } from 'preact/hooks';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (language: Language): I18n => {
  const id = language === 'auto' ? 'en' : language;
  return { t: translateFrom(localeMessages(id)), locale: id };
};
const english = words('en');

/** The welcome page as main.tsx wires it, with the stored setting's write given by the test. */
function WelcomePage({ save }: { save: (language: Language) => Promise<unknown> }) {
  const [i18n, showLanguage] = usePageWords({ language: 'auto', i18n: english, title: 'welcomeTitle', load: (language) => Promise.resolve(words(language)) });
  // What the test's write keeps, read back as storage would be.
  const kept = useRef<Language>('auto');
  const [language, choose] = useLanguageChoice({
    initial: 'auto',
    watch: () => () => undefined,
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

/** A promise the test settles, and when. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * The choice alone, with storage played by the test: its reports (when and in what order), its reads and the
 * page's saves. `shown` is what the picker showed, draw by draw.
 */
function choiceAgainstStorage({ holdReads = false, holdSaves = false } = {}) {
  const dom = page();
  let storage: Language = 'auto';
  const listeners = new Set<() => void>();
  const reads: { resolve: (language: Language) => void }[] = [];
  const saves: { resolve: (value: unknown) => void }[] = [];
  const shown: Language[] = [];
  let choose: (language: Language) => Promise<boolean> = () => Promise.resolve(false);
  function Harness() {
    const [language, chooseLanguage] = useLanguageChoice({
      initial: 'auto',
      watch: (report) => {
        listeners.add(report);
        return () => listeners.delete(report);
      },
      read: () => {
        if (!holdReads) return Promise.resolve(storage);
        const read = deferred<Language>();
        reads.push(read);
        return read.promise;
      },
      show: () => undefined,
      // The write lands at once; the browser may tell the page so later.
      save: async (next: Language) => {
        storage = next;
        if (holdSaves) {
          const save = deferred<unknown>();
          saves.push(save);
          await save.promise;
        }
      },
    });
    choose = chooseLanguage;
    useEffect(() => {
      if (shown.at(-1) !== language) shown.push(language);
    });
    return <p>{language}</p>;
  }
  render(<Harness />, dom.root);
  return {
    ...dom,
    shown,
    reads,
    saves,
    pick: (language: Language) => void choose(language),
    /** Storage now holds `language`, as another page stores it; no report yet. */
    storeElsewhere: (language: Language) => {
      storage = language;
    },
    /** Storage reports `language` stored, late or not. */
    report: (_language: Language) => {
      for (const listener of listeners) listener();
    },
  };
}

describe('welcome page: the language choice against storage reporting late or out of order', () => {
  effectsOnNextTask();

  test("a report of the page's own older pick that comes after its saves finished does not move the picker", async () => {
    const { root, shown, pick, report } = choiceAgainstStorage();
    await settle();
    pick('de');
    pick('fr');
    await settle();
    expect(shown.at(-1)).toBe('fr');
    const before = shown.length;
    // The browser reports the two writes only now, in the order they were made.
    report('de');
    await settle();
    report('fr');
    await settle();
    expect(shown.slice(before)).toEqual([]);
    expect(root.textContent).toBe('fr');
    render(null, root);
  });

  test('a read that a newer report overtook does not undo a change made elsewhere', async () => {
    const { root, shown, reads, pick, report, storeElsewhere } = choiceAgainstStorage({ holdReads: true });
    await settle();
    // Whatever the page reads as it starts, storage still holds the browser's language.
    for (const read of reads.splice(0)) read.resolve('auto');
    await settle();
    pick('de');
    await settle();
    // The read after the save is under way; the options page stores French and storage reports it.
    expect(reads.length).toBe(1);
    storeElsewhere('fr');
    report('fr');
    await settle();
    // The read that started first answers last-but-one, with what storage held when it read.
    reads[0]?.resolve('de');
    await settle();
    for (const read of reads.slice(1)) read.resolve('fr');
    await settle();
    expect(shown.at(-1)).toBe('fr');
    expect(root.textContent).toBe('fr');
    render(null, root);
  });

  test('a change made elsewhere while a pick is being saved is shown once the save settles', async () => {
    const { root, shown, saves, pick, report, storeElsewhere } = choiceAgainstStorage({ holdSaves: true });
    await settle();
    pick('de');
    await settle();
    // The page's write has landed, then the options page's; both are reported before the page's save resolves.
    storeElsewhere('fr');
    report('de');
    report('fr');
    await settle();
    expect(root.textContent).toBe('de');
    saves[0]?.resolve(undefined);
    await settle();
    expect(shown.at(-1)).toBe('fr');
    expect(root.textContent).toBe('fr');
    render(null, root);
  });
});
