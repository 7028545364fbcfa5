import { describe, expect, test } from 'vitest';
import { translateFrom } from './translate-from';
import { levelWords } from './level-words';
import { PILL_WORDS } from './pill-words';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = (locale: string) => translateFrom(localeMessages(locale));

describe('levelWords', () => {
  test('caution and danger say when a required figure is missing; unknown and ok stay plain', () => {
    const en = t('en');
    expect(levelWords({ level: 'caution', incomplete: true }, en)).toBe('Caution · incomplete');
    expect(levelWords({ level: 'danger', incomplete: true }, en)).toBe('Danger · incomplete');
    expect(levelWords({ level: 'caution', incomplete: false }, en)).toBe('Caution');
    expect(levelWords({ level: 'unknown', incomplete: true }, en)).toBe('Unknown');
    expect(levelWords({ level: 'ok', incomplete: false }, en)).toBe('No warning signs');
  });

  test('in Swedish too', () => {
    expect(levelWords({ level: 'caution', incomplete: true }, t('sv'))).toBe('Var försiktig · ofullständig');
    expect(levelWords({ level: 'danger', incomplete: true }, t('sv'))).toBe('Fara · ofullständig');
  });

  test('the words travel with the pill’s first answer', () => {
    expect(PILL_WORDS).toContain('levelIncomplete');
  });
});
