import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { translateFrom } from './translate-from';
import { languageName, notTranslatedLabel, notTranslatedQuote, textLanguage } from './text-language';
import { localeMessages } from '../../utils/locale-files.testkit';

describe('textLanguage', () => {
  it('marks text of unknown language lang="" and says nothing about it', () => {
    for (const lang of [undefined, '', 'und', 'und-Latn']) expect(textLanguage(lang, 'de')).toEqual({ lang: '', foreign: false });
  });

  it('keeps the tag, and calls it foreign only in another language or script than the reader’s', () => {
    expect(textLanguage('de', 'de-AT')).toEqual({ lang: 'de', foreign: false });
    expect(textLanguage('pt', 'pt-BR')).toEqual({ lang: 'pt', foreign: false });
    expect(textLanguage('EN-gb', 'en-US')).toEqual({ lang: 'EN-gb', foreign: false });
    expect(textLanguage('fr', 'de')).toEqual({ lang: 'fr', foreign: true });
    expect(textLanguage('zh-Hant', 'zh-CN')).toEqual({ lang: 'zh-Hant', foreign: true });
  });

  it('keeps codes that name no one language (mul, zxx, mis, qaa–qtz) as given, with no note naming one', () => {
    for (const lang of ['mul', 'zxx', 'mis', 'qaa', 'qtz-Latn', 'QAB']) expect(textLanguage(lang, 'de')).toEqual({ lang, foreign: false });
    expect(notTranslatedQuote('Börse zu', 'mul', translateFrom(de), 'de')).toBe('Börse zu');
    expect(textLanguage('qua', 'de')).toEqual({ lang: 'qua', foreign: true });
  });
});

describe('notTranslatedLabel / notTranslatedQuote', () => {
  const tDe = translateFrom(de);
  it('keeps the curated words for English and names any other language', () => {
    expect(notTranslatedLabel('en', tDe, 'de')).toBe(de.dataNotTranslated.message);
    expect(notTranslatedLabel('fr', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch:');
    expect(notTranslatedLabel('fr', translateFrom(en), 'en')).toBe('Not translated, in French:');
  });

  it('names the language by its standard name, without the tag’s extensions, alike in every browser', () => {
    // The dialect name would read "auf Modernes Hocharabisch"; Firefox throws on -x- and -u- tags.
    expect(notTranslatedLabel('ar-001', tDe, 'de')).toBe('Nicht übersetzt, auf Arabisch (Welt):');
    expect(notTranslatedLabel('fr-x-foo', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch:');
    expect(notTranslatedLabel('fr-CA-u-co-phonebk', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch (Kanada):');
    expect(languageName('not a tag', 'de')).toBe('not a tag');
  });

  it('keeps French colons and guillemets on their line: a no-break space before “:” and inside « », in all four notes', () => {
    const fr = localeMessages('fr');
    for (const key of ['dataNotTranslated', 'dataNotTranslatedIn', 'dataNotTranslatedQuote', 'dataNotTranslatedQuoteIn']) {
      const message = fr[key]?.message ?? '';
      expect(message, key).toContain('\u00a0:');
      expect(message, key).not.toMatch(/ :|« | »/);
    }
  });

  it('quotes foreign text in plain text and leaves the rest alone', () => {
    expect(notTranslatedQuote('Börse zu', 'fr', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch: „Börse zu“');
    expect(notTranslatedQuote('Exchange halted', 'en', tDe, 'de')).toBe('Nicht übersetzt, auf Englisch: „Exchange halted“');
    expect(notTranslatedQuote('Börse zu', 'de-CH', tDe, 'de')).toBe('Börse zu');
    expect(notTranslatedQuote('Börse zu', undefined, tDe, 'de')).toBe('Börse zu');
  });
});
