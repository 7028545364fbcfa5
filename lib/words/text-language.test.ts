import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { translateFrom } from './translate-from';
import { notTranslatedLabel, notTranslatedQuote, textLanguage } from './text-language';

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
});

describe('notTranslatedLabel / notTranslatedQuote', () => {
  const tDe = translateFrom(de);
  it('keeps the curated words for English and names any other language', () => {
    expect(notTranslatedLabel('en', tDe, 'de')).toBe(de.dataNotTranslated.message);
    expect(notTranslatedLabel('fr', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch:');
    expect(notTranslatedLabel('fr', translateFrom(en), 'en')).toBe('Not translated, in French:');
  });

  it('quotes foreign text in plain text and leaves the rest alone', () => {
    expect(notTranslatedQuote('Börse zu', 'fr', tDe, 'de')).toBe('Nicht übersetzt, auf Französisch: „Börse zu“');
    expect(notTranslatedQuote('Exchange halted', 'en', tDe, 'de')).toBe('Nicht übersetzt, auf Englisch: „Exchange halted“');
    expect(notTranslatedQuote('Börse zu', 'de-CH', tDe, 'de')).toBe('Börse zu');
    expect(notTranslatedQuote('Börse zu', undefined, tDe, 'de')).toBe('Börse zu');
  });
});
