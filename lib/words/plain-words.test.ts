import { describe, expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';

const LOCALES = ['en', 'es', 'pt_BR', 'fr', 'de', 'sv', 'tr', 'zh_CN'] as const;

/**
 * Words a reader of the options page or a card cannot be expected to know: a data source's field
 * names, signature internals (EIP-2, high/low s, the recovery byte), file formats, and an economist's
 * name for the concentration index. The maintainer's terms belong in the command line's details.
 */
const JARGON = /currentTvl|cleanAssetsTvl|EIP|high-s|\blow s\b|recovery|\b2[78]\b|JSON|canon|kanon|规范|Herfindahl|赫芬达尔|\bpinned\b|\bdecode|replayed|held number/iu;

const shown = (locale: string, keep: (key: string) => boolean) =>
  Object.entries(localeMessages(locale))
    .filter(([key]) => keep(key))
    .map(([key, { message }]) => [key, message] as const);

describe('plain words where a user reads them', () => {
  test.each(LOCALES)('%s: why a warning list or the feed was refused names no field, format or signature internals', (locale) => {
    // cexsEntry* are left out: only the maintainer's command line (radar status, the feed build) prints them,
    // and there the DefiLlama field that is missing or wrong is what the maintainer needs to see.
    const family = (key: string) => key.startsWith('listsFail') || key.startsWith('feedFail');
    const jargon = shown(locale, family).filter(([, message]) => JARGON.test(message));
    expect(jargon).toEqual([]);
  });

  test.each(LOCALES)('%s: the concentration index has a plain name, and its sentence says what 0 and 1 mean', (locale) => {
    const hhi = shown(locale, (key) => ['reason_hhi', 'reason_hhiRange', 'reason_thinBreakdown_hhi'].includes(key));
    expect(hhi).toHaveLength(3);
    expect(hhi.filter(([, message]) => JARGON.test(message))).toEqual([]);
    for (const [key, message] of hhi.filter(([key]) => key !== 'reason_thinBreakdown_hhi')) {
      const words = message.replace(/\$\d/g, '');
      expect(words, key).toMatch(/(^|\D)0(\D|$)/);
      expect(words, key).toMatch(/(^|\D)1(\D|$)/);
    }
  });

  test.each(LOCALES)('%s: a refused warning list or feed says it was not used', (locale) => {
    // The line around a list's failure says which list is in use; the sentence itself says this one was not taken.
    const refusals = [
      'listsFailBadSignature',
      'listsFailWrongSigner',
      'listsFailRollback',
      'listsFailSameNumber',
      'feedFailNotCanonical',
      'feedFailNoSigner',
      'feedFailRollback',
      'feedFailSameNumber',
    ];
    const messages = localeMessages(locale);
    const notUsed = { en: 'not used', es: 'no se usó', pt_BR: 'não foi usad', fr: "n'a pas été utilisé", de: 'nicht verwendet', sv: 'användes inte', tr: 'kullanılmadı', zh_CN: '未被使用' }[locale];
    expect(refusals.filter((key) => !messages[key]?.message.includes(notUsed)).map((key) => `${key}: ${messages[key]?.message}`)).toEqual([]);
  });
});
