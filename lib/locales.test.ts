import { describe, expect, test } from 'vitest';
import { browserLocale, LOCALE_ID_PATTERN, LOCALES, localeTag, resolveLocale, type LocaleEntry } from './locales';

const all: readonly LocaleEntry[] = LOCALES;
const onlyEnglishAndSwedish: readonly LocaleEntry[] = LOCALES.filter((entry) => entry.id === 'en' || entry.id === 'sv');

describe('the language list', () => {
  test('ids are Chrome locale folder names, each once, each with its own-language name', () => {
    const ids = LOCALES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, name } of LOCALES) {
      expect(id).toMatch(LOCALE_ID_PATTERN);
      expect(name.trim()).not.toBe('');
      expect(Intl.getCanonicalLocales(localeTag(id))).toHaveLength(1);
    }
    expect(ids).toEqual(expect.arrayContaining(['en', 'sv', 'es', 'pt_BR', 'tr', 'de', 'fr', 'zh_CN']));
  });

  test('each name is written as its own language writes it, not in English', () => {
    const names = Object.fromEntries(LOCALES.map(({ id, name }) => [id, name]));
    expect(names).toMatchObject({ sv: 'Svenska', de: 'Deutsch', fr: 'Français', es: 'Español', tr: 'Türkçe', pt_BR: 'Português (Brasil)', zh_CN: '简体中文' });
  });
});

describe('resolveLocale', () => {
  test.each([
    // [setting, browser UI language, words, lang/Intl tag]
    ['auto', 'en-US', 'en', 'en-US'],
    ['auto', 'en-GB', 'en', 'en-GB'],
    ['auto', 'pt-BR', 'pt_BR', 'pt-BR'],
    ['auto', 'zh-CN', 'zh_CN', 'zh-CN'],
    ['auto', 'de-AT', 'de', 'de-AT'],
    ['auto', 'de', 'de', 'de'],
    ['auto', 'sv-FI', 'sv', 'sv-FI'],
    ['auto', 'es-419', 'es', 'es-419'],
    ['auto', 'fr-CA', 'fr', 'fr-CA'],
    ['auto', 'tr-TR', 'tr', 'tr-TR'],
    // Same language, another region's words: the words' own tag, not the browser's.
    ['auto', 'pt-PT', 'pt_BR', 'pt-BR'],
    ['auto', 'zh-TW', 'zh_CN', 'zh-CN'],
    ['auto', 'zh-Hant-HK', 'zh_CN', 'zh-CN'],
    // A language we do not have: English, in English's own tag (not Japanese dates in English words).
    ['auto', 'ja', 'en', 'en'],
    ['auto', 'ja-JP', 'en', 'en'],
    ['auto', '', 'en', 'en'],
    ['auto', 'not a tag!', 'en', 'en'],
    // A chosen language wins over the browser's; with the browser's tag where it is that language.
    ['sv', 'en-US', 'sv', 'sv'],
    ['sv', 'sv-FI', 'sv', 'sv-FI'],
    ['en', 'de-DE', 'en', 'en'],
    ['pt_BR', 'pt-PT', 'pt_BR', 'pt-BR'],
    ['zh_CN', 'en-US', 'zh_CN', 'zh-CN'],
  ])('%s in a %s browser: %s words, tag %s', (language, uiLanguage, id, tag) => {
    expect(resolveLocale({ language, uiLanguage, available: all })).toEqual({ id, tag });
  });

  test('a choice this build has no words for follows the browser, as auto does', () => {
    expect(resolveLocale({ language: 'de', uiLanguage: 'sv-SE', available: onlyEnglishAndSwedish })).toEqual({ id: 'sv', tag: 'sv-SE' });
    expect(resolveLocale({ language: 'de', uiLanguage: 'de-DE', available: onlyEnglishAndSwedish })).toEqual({ id: 'en', tag: 'en' });
  });

  test("an entry's own tag is used as given", () => {
    const pseudo = { id: 'qps', name: 'Pseudo', tag: 'ja' };
    expect(resolveLocale({ language: 'qps', uiLanguage: 'en-US', available: [...all, pseudo] })).toEqual({ id: 'qps', tag: 'ja' });
  });
});

describe('browserLocale (Chrome: exact, then language, then default_locale)', () => {
  test.each([
    ['en-US', 'en'],
    ['pt-BR', 'pt_BR'],
    ['de-AT', 'de'],
    ['zh-CN', 'zh_CN'],
    ['pt-PT', 'en'],
    ['zh-TW', 'en'],
    ['ja', 'en'],
  ])('%s → %s', (uiLanguage, id) => {
    expect(browserLocale(uiLanguage, all)).toBe(id);
  });
});
