import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES, localeTag } from '../locales';
import { pluralCategory, pluralText } from './plural';
import { translateFrom, type Messages } from './translate-from';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (id: string) => translateFrom(localeMessages(id));

describe('pluralText', () => {
  const progress = { one: 'guideProgressOne', other: 'guideProgress' } as const;

  test('French takes the singular for 0 and 1, the plural from 2', () => {
    const fr = words('fr');
    expect(pluralText(0, progress, fr, 'fr', ['0', '6'])).toBe('0 étape sur 6 terminée');
    expect(pluralText(1, progress, fr, 'fr', ['1', '6'])).toBe('1 étape sur 6 terminée');
    expect(pluralText(2, progress, fr, 'fr', ['2', '6'])).toBe('2 étapes sur 6 terminées');
  });

  test('English takes "one" for 1 alone', () => {
    expect(pluralCategory(0, 'en')).toBe('other');
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(1, 'en-GB')).toBe('one');
  });

  test('a category without its own message is said with "other"; a tag Intl refuses gives "other" too', () => {
    const fr = words('fr');
    // French "many" (a million and more) has no message of its own here.
    expect(pluralCategory(1_000_000, 'fr')).toBe('many');
    expect(pluralText(1_000_000, progress, fr, 'fr', ['1000000', '6'])).toBe('1000000 étapes sur 6 terminées');
    expect(pluralCategory(1, '')).toBe('other');
    expect(pluralCategory(1, 'not a tag!')).toBe('other');
  });

  test('a well-formed tag of no language Intl has (a name translated into a word) gives "other", not the runtime’s own language', () => {
    expect(pluralCategory(1, 'Deutsch')).toBe('other');
    expect(pluralCategory(1, 'xx')).toBe('other');
    expect(pluralCategory(1, 'de')).toBe('one');
    expect(pluralCategory(1, 'zh-CN')).toBe('other');
  });

  test('one and other are every category our languages give a step count (0 to 6), so no language lacks its form', () => {
    for (const { id } of LOCALES) {
      for (let count = 0; count <= 6; count += 1) expect(['one', 'other'], `${id} ${count}`).toContain(pluralCategory(count, localeTag(id)));
    }
  });
});

const root = join(import.meta.dirname, '../..');
const english = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Messages;
const sources = ['components', 'lib', 'entrypoints', 'utils', 'embed'].flatMap((folder) =>
  (readdirSync(join(root, folder), { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.(test|testkit)\.tsx?$/.test(file)).map((file) => join(folder, file)),
);

describe('a language that says 1 with its "other" form reads right for 1', () => {
  /** Every pair of messages the sources hand to pluralText. */
  const pairs = [...new Set(sources.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\{\s*one:\s*'(\w+)',\s*other:\s*'(\w+)'\s*\}/g)].map((m) => `${m[1]} ${m[2]}`)))].map(
    (pair) => pair.split(' ') as [string, string],
  );

  test('where Intl gives "other" for 1, the plural message is the one message, so nothing in it says "them" of one thing', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(7);
    for (const { id } of LOCALES) {
      if (pluralCategory(1, localeTag(id)) !== 'other') continue;
      const messages = JSON.parse(readFileSync(join(root, 'public/_locales', id, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const [one, other] of pairs) expect(messages[other]?.message, `${id} ${other}`).toBe(messages[one]?.message);
    }
  });
});

/**
 * A count as code writes it: a name, then any run of `.name`, a call `(…)` (one level of parentheses inside) or an
 * index `[…]`: `n`, `rows.length`, `this.count()`, `counts[id]`, `rows.filter((row) => row.on).length`.
 */
const COUNT = String.raw`[\w$]+(?:\.[\w$]+|\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])*`;

/** The keys in `text` picked by a comparison of a count with 1 (or by < 2, > 1), as code wrote them before pluralText. */
function keysChosenByOne(text: string): string[] {
  const comparison = String.raw`(?:${COUNT}\s*(?:[!=]==?\s*1|[<>]=?\s*[12])(?![\w.])|\b1\s*[!=]==?\s*${COUNT})`;
  const shapes = [
    new RegExp(String.raw`${comparison}\s*\)?\s*\?[^;\n]{0,120}?['"](\w+)['"]`, 'g'),
    new RegExp(String.raw`if\s*\([^)]*${comparison}[^)]*\)\s*\{?\s*return[^;\n]{0,120}?['"](\w+)['"]`, 'g'),
  ];
  return shapes.flatMap((shape) => [...text.matchAll(shape)].map((match) => match[1]!));
}

describe('no message is chosen by `count === 1`', () => {
  /**
   * Not a count's plural forms: the numbers 1 and 2 said in words ("one letter", "two letters"), and
   * "all $1 exchanges", said only when every one of two or more is at a state.
   */
  const NOT_PLURALS = new Set(['lookalikeReasonTypo1', 'lookalikeReasonHostedTypo1', 'sourceGroupCountAll']);

  test('the matcher finds a key however the comparison with 1 is written', () => {
    expect(keysChosenByOne("count === 1 ? t('aOne') : t('a')")).toEqual(['aOne']);
    expect(keysChosenByOne("1 === n ? t('bOne') : t('b')")).toEqual(['bOne']);
    expect(keysChosenByOne("n > 1 ? t('c') : t('cOne')")).toEqual(['c']);
    expect(keysChosenByOne("n < 2 ? t('dOne') : t('d')")).toEqual(['dOne']);
    expect(keysChosenByOne("if (n === 1) return t('eOne');")).toEqual(['eOne']);
    expect(keysChosenByOne('n !== 1 ? t("f") : t("fOne")')).toEqual(['f']);
    expect(keysChosenByOne("pluralText(n, { one: 'gOne', other: 'g' }, t, locale)")).toEqual([]);
    expect(keysChosenByOne("n === 10 ? t('h') : ''")).toEqual([]);
    expect(keysChosenByOne("this.count() === 1 ? t('iOne') : t('i')")).toEqual(['iOne']);
    expect(keysChosenByOne("counts[id] === 1 ? t('jOne') : t('j')")).toEqual(['jOne']);
    expect(keysChosenByOne("rows.filter((row) => row.on).length > 1 ? t('k') : t('kOne')")).toEqual(['k']);
    expect(keysChosenByOne("1 !== list[0] ? t('l') : t('lOne')")).toEqual(['l']);
    expect(keysChosenByOne("f(n) === 10 ? t('m') : ''")).toEqual([]);
  });

  test('a message picked by a comparison with 1 is a plural form, which pluralText picks by the language’s rules', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some((file) => file.startsWith('embed'))).toBe(true);
    const found: string[] = [];
    for (const file of sources) {
      for (const key of keysChosenByOne(readFileSync(join(root, file), 'utf8'))) {
        if (Object.hasOwn(english, key) && !NOT_PLURALS.has(key)) found.push(`${file}: ${key}`);
      }
    }
    expect(found).toEqual([]);
  });
});

/**
 * The keys in `text` handed a number as text, alone or inside the substitutions' array: by `String(n)` or
 * by one of the number formatters of ./format.ts that write a count (`formatCount(n, locale)`).
 */
function keysGivenANumber(text: string): string[] {
  // The key: a literal, or any other expression (a name, an index, a template), given back as written.
  const key = String.raw`'(\w+)'|(${COUNT}|\`[^\`\n]*\`)`;
  // The substitutions' array up to the number, indexes inside it (`names[0]`) passed over.
  const before = String.raw`(?:\[(?:[^[\]]|\[[^[\]]*\])*?)?`;
  const given = new RegExp(String.raw`\bt\(\s*(?:${key}),\s*${before}\b(?:String|formatCount|formatFixed)\(`, 'g');
  return [...text.matchAll(given)].map((match) => match[1] ?? match[2]!);
}

describe('a count said in a message goes through pluralText', () => {
  /** Numbers that are not a count of things, or counts that never meet 1, or a count set apart in brackets. */
  const NOT_COUNTS = new Set([
    'guideStepHeading', // "step 2 of 6": an ordinal and the total, six steps
    'verifyReservesChainId', // ids
    'verifyReservesFailWrongChain',
    'listsStateUsing', // a document's sequence number
    'listsFailSameNumber', // a document's sequence number
    'listsFailRollback',
    'feedFailSameNumber',
    'feedFailRollback',
    'cexsEntryCleanAboveTotal', // figures, not counts
    'cexsEntryBelowMin',
    'cexsEntryAboveMax',
    'cexsEntryAt', // an index
    'importPlaceHistoryEntry', // a position: "entry 2"
    'importPlaceWarningList', // a position: "warning list 2"
    'holdingsSaveTooManyHoldings', // limits fixed in code, far above 1
    'holdingsSaveTooManyAddresses',
    'verifyReservesFailTooMany',
    'refreshDoneAllFailed', // "all $1 sources": the options page always has two or more source rows
    'cardMoreReasons', // "More reasons (1)": the count stands apart in brackets
    'porTrendTitle', // a trend takes two reports or more
    'sparklineRange', // a range takes two days or more
    'whereDurationDays', // whole days from 48 hours up
    'sourceGroupCountAll', // "all $1 exchanges", said only of two or more
    'searchShown', // a label: "Exchanges shown: 1."
    'verifyReservesProgress', // a label: "Balances read: 1 of 2"
    'verifyProofFailedStep', // "at step 3": an ordinal
    'fetchFailTooLarge', // kB, MB: unit symbols, limits fixed in code
    'fetchFailTooLargeMb',
    'listsFailTooLarge',
    'feedFailTooLarge',
    'fetchFailTimeout', // timeouts fixed in code, 10 seconds and more
    'holdingsReading', // a chain's id, when it has no name
    'holdingsReadingFailed',
    'verifyProofFailRootLength', // a root's hex length, fixed in code (64 or 16)
    'verifyProofFailNodeHeight', // a path node's number, heights and levels: labels, not counts
    'verifyProofFailNodeLevel',
    'verifyProofFailNodeNotDecimal',
    'verifyProofFailNodeExtraAssets',
    'verifyProofFailNodeMissingBalance',
    'verifyProofFailSiblingAssetOrder', // a step's number
    'verifyProofFailRootHeight',
  ]);

  test('the matcher finds a number handed over as text, alone or in the substitutions', () => {
    expect(keysGivenANumber("t('aLeft', String(problem.left ?? 0))")).toEqual(['aLeft']);
    expect(keysGivenANumber("t('b', [name, String(n)])")).toEqual(['b']);
    expect(keysGivenANumber("pluralText(n, { one: 'cOne', other: 'c' }, t, locale, String(n))")).toEqual([]);
    expect(keysGivenANumber("t('dHidden', formatCount(zeros, locale))")).toEqual(['dHidden']);
    expect(keysGivenANumber("t('e', [\n  formatCount(done, locale),\n  formatCount(total, locale),\n])")).toEqual(['e']);
    expect(keysGivenANumber("t('f', [name, formatFixed(n, locale)])")).toEqual(['f']);
    expect(keysGivenANumber("t('g', formatDate(at, locale))")).toEqual([]);
    expect(keysGivenANumber("pluralText(n, { one: 'hOne', other: 'h' }, t, locale, formatCount(n, locale))")).toEqual([]);
    expect(keysGivenANumber('t(key, String(n))')).toEqual(['key']);
    expect(keysGivenANumber('t(KEYS[kind], [name, formatCount(n, locale)])')).toEqual(['KEYS[kind]']);
    expect(keysGivenANumber('t(`$' + '{prefix}Count`, String(this.count()))')).toEqual(['`$' + '{prefix}Count`']);
    expect(keysGivenANumber("t('iLeft', String(this.count()))")).toEqual(['iLeft']);
    expect(keysGivenANumber('t(key, formatDate(at, locale))')).toEqual([]);
    expect(keysGivenANumber("t('jShown', [names[0], String(n)])")).toEqual(['jShown']);
  });

  /** Keys looked up in a table, read there: each number they are handed is no count of things, or never meets 1. */
  const NOT_COUNT_LOOKUPS = new Set([
    // dataFailTooDeep (a nesting limit fixed in code), dataFailNewerVersion (a format number), dataFailTooManyLists
    // (MAX_SUBSCRIPTIONS, fixed in code at 50), dataFailBadList and dataFailListTwice (a list's position: "warning list 2")
    'lib/words/import-failure.ts: IMPORT_FAILURE_KEYS[failure.code]',
    // listsSubscribeTooMany: MAX_SUBSCRIPTIONS, fixed in code at 50; listsSubscribeAlready: LIST_CHECK_EVERY_HOURS, fixed at 6
    'lib/words/warning-list-words.ts: SUBSCRIBE_FAILURE_KEYS[code]',
    // fetchFailHttp…: an HTTP status
    'lib/words/fetch-failure.ts: httpKey(failure.status, typedAddress)',
    // verifyProofProblemTooManyAssets, verifyProofProblemPathLong: limits fixed in code
    'lib/words/proof-failure.ts: PROOF_PROBLEM_KEYS[problem]',
  ]);

  test('every message handed a count as text is one whose words fit every count it meets', () => {
    const found: string[] = [];
    for (const file of sources) {
      for (const key of keysGivenANumber(readFileSync(join(root, file), 'utf8'))) {
        if (!NOT_COUNTS.has(key) && !NOT_COUNT_LOOKUPS.has(`${file}: ${key}`)) found.push(`${file}: ${key}`);
      }
    }
    expect(found).toEqual([]);
  });
});
