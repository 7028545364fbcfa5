import { describe, expect, test } from 'vitest';
import { translateFrom } from './translate-from';
import { localeTag } from '../locales';
import { PILL_WORDS, pillName, pillWarningsText } from './pill-words';
import { localeMessages } from '../../utils/locale-files.testkit';

const LOCALES = ['en', 'sv', 'es', 'pt_BR', 'fr', 'de', 'tr', 'zh_CN'];
const t = (locale: string) => translateFrom(localeMessages(locale));
const binance = { name: 'Binance', level: 'caution', grade: 'D', incomplete: true, warnings: 0 } as const;
const kraken = { name: 'Kraken', level: 'unknown', grade: '?', incomplete: false, warnings: 1 } as const;

describe('pillName: the pill button’s accessible name says what the pill shows', () => {
  test('name, grade and level; no "Open details" (the button’s expanded state says whether the card is open)', () => {
    expect(pillName(binance, t('en'))).toBe('Reserve Radar: Binance, grade D, Caution · incomplete');
  });

  test('an ungraded exchange says so in words, never a bare "?"', () => {
    expect(pillName({ ...kraken, warnings: 0 }, t('en'))).toBe('Reserve Radar: Kraken, no grade, Unknown');
    for (const locale of LOCALES) expect(pillName({ ...kraken, warnings: 0 }, t(locale)), locale).not.toContain('?');
  });

  test('the warning count the pill shows as "⚠ 1" is in the name', () => {
    expect(pillName(kraken, t('en'))).toBe('Reserve Radar: Kraken, no grade, Unknown. 1 community warning rated danger or caution');
    expect(pillName(kraken, t('de'))).toBe('Reserve Radar: Kraken, keine Note, Unbekannt. 1 Community-Warnung der Stufe Gefahr oder Vorsicht');
    expect(pillName({ ...kraken, warnings: 2 }, t('en'))).toBe('Reserve Radar: Kraken, no grade, Unknown. 2 community warnings rated danger or caution');
  });

  test('a run alert (the red pill) is in the name, before the warnings', () => {
    expect(pillName({ ...binance, run: 'outflow', warnings: 2 }, t('en'))).toBe(
      'Reserve Radar: Binance, grade D, Caution · incomplete. Run alert: money is leaving Binance fast. 2 community warnings rated danger or caution',
    );
    expect(pillName({ ...binance, run: 'outflow' }, t('zh_CN'))).toBe('Reserve Radar：Binance，评级 D，注意 · 不完整。挤兑警报：资金正在快速流出 Binance');
  });

  test('a run alert a warning list raised is named by the list, not as money leaving', () => {
    expect(pillName({ ...kraken, run: 'warning-list' }, t('en'))).toBe('Reserve Radar: Kraken, no grade, Unknown. Alert: a warning list flags Kraken. 1 community warning rated danger or caution');
    for (const locale of LOCALES) expect(pillName({ ...kraken, run: 'warning-list' }, t(locale)), locale).not.toBe(pillName({ ...kraken, run: 'outflow' }, t(locale)));
  });

  test('every locale names the same facts, in its own words', () => {
    for (const locale of LOCALES) {
      const name = pillName({ ...binance, run: 'outflow', warnings: 3 }, t(locale));
      expect(name, locale).toContain('Binance');
      expect(name, locale).toContain('D');
      expect(name, locale).toContain('3');
      expect(name, locale).not.toMatch(/\$\d/);
    }
  });

  test('its words travel with the pill’s first answer', () => {
    for (const key of ['pillLabel', 'pillLabelNoGrade', 'pillLabelAnd', 'pillWarnings', 'pillWarningsOne', 'pluralRulesTag', 'runPillLead', 'runPillLeadList'] as const)
      expect(PILL_WORDS).toContain(key);
  });
});

describe('pillWarningsText: the count’s form follows the plural rules of the words’ own language', () => {
  /** Only the pill's words, as the page's first paint has them: no locale beside them. */
  const pillOnly = (locale: string) => {
    const all = t(locale);
    const words = Object.fromEntries(PILL_WORDS.map((key) => [key, { message: all(key, ['$1', '$2', '$3']) }]));
    return translateFrom(words);
  };

  test('French takes the singular for 0 and 1, English for 1 alone, from the pill’s words alone', () => {
    expect(pillWarningsText(0, pillOnly('fr'))).toBe('0 alerte de la communauté de niveau danger ou prudence');
    expect(pillWarningsText(1, pillOnly('fr'))).toBe('1 alerte de la communauté de niveau danger ou prudence');
    expect(pillWarningsText(2, pillOnly('fr'))).toBe('2 alertes de la communauté de niveau danger ou prudence');
    expect(pillWarningsText(1, pillOnly('en'))).toBe('1 community warning rated danger or caution');
    expect(pillWarningsText(2, pillOnly('en'))).toBe('2 community warnings rated danger or caution');
  });

  test('a language whose "one" is not 1 alone (Russian: 21) gets its own form', () => {
    const words = translateFrom({ pillWarningsOne: { message: '$1 one' }, pillWarnings: { message: '$1 other' }, pluralRulesTag: { message: 'ru' } });
    expect(pillWarningsText(21, words)).toBe('21 one');
    expect(pillWarningsText(11, words)).toBe('11 other');
  });

  test('every messages file names its own language’s tag', () => {
    for (const locale of LOCALES) expect(t(locale)('pluralRulesTag'), locale).toBe(localeTag(locale));
  });
});

describe('a run lead names several exchanges at once (the badge’s tooltip joins them with Intl.ListFormat)', () => {
  const two = (locale: string) => new Intl.ListFormat(localeTag(locale), { type: 'conjunction' }).format(['Binance', 'OKX']);

  test('no word after the list agrees with one exchange: pt_BR needs no gender or number, tr glues no suffix to the last name', () => {
    for (const key of ['runPillLead', 'runPillLeadList'] as const) {
      for (const locale of LOCALES) expect(t(locale)(key, two(locale)), `${locale}:${key}`).toContain(two(locale));
      expect(t('tr')(key, two('tr')), key).not.toMatch(/OKX\s*borsas/);
      expect(t('pt_BR')(key, two('pt_BR')), key).not.toMatch(/apontad[ao]\b/);
    }
    expect(t('pt_BR')('runPillLeadList', two('pt_BR'))).toBe('Alerta de uma lista de alertas: Binance e OKX');
  });
});
