import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readAnswerFailure, type AnswerFailure } from '../reserves/answer-failure';
import { ANSWER_FAILURE_KEYS, answerFailureText, SKIPPED_PRICE_KEYS } from './answer-failure';
import { formatMoment } from './format';
import { frenchSpacingProblems } from './french-spacing.testkit';
import { translateFrom, type Messages } from './translate-from';
import { utcMoment } from '../../scripts/radar/shared/moment';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

/** One failure of every kind, with figures. */
const FAILURES: AnswerFailure[] = [
  { answer: 'wrong-shape' },
  { answer: 'unreadable' },
  { answer: 'older', answerAt: '2026-08-10T11:00:00.000Z', heldAt: '2026-08-10T12:00:00.000Z' },
  { answer: 'empty' },
  {
    answer: 'no-price',
    skipped: [
      { symbol: 'BNB', problem: 'refused' },
      { symbol: 'OKB', problem: 'missing' },
    ],
  },
];

describe('answer failure words', () => {
  test('every kind of refusal has its sentence in every locale, figures filled in', () => {
    expect(locales).toHaveLength(8);
    expect(new Set(FAILURES.map((failure) => failure.answer))).toEqual(new Set(Object.keys(ANSWER_FAILURE_KEYS)));
    for (const locale of locales) {
      const messages = read(locale);
      for (const key of [...Object.values(ANSWER_FAILURE_KEYS), ...Object.values(SKIPPED_PRICE_KEYS)]) expect(messages[key]?.message, `${locale}:${key}`).toBeTruthy();
      const t = translateFrom(messages);
      // The folder name as a BCP 47 tag (pt_BR → pt-BR), as the pages pass it.
      const tag = locale.replace('_', '-');
      const texts = new Set<string>();
      for (const failure of FAILURES) {
        const text = answerFailureText(failure, t, tag, formatMoment);
        expect(text, `${locale}:${failure.answer}`).not.toMatch(/^$|\$\d/);
        texts.add(text);
      }
      expect(texts.size, locale).toBe(FAILURES.length);
      // Both moments, to the minute, as the pages write times (the reader's locale and time zone): never a raw timestamp.
      const older = answerFailureText(FAILURES[2]!, t, tag, formatMoment);
      const at = (iso: string) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
      expect(older).toContain(at('2026-08-10T11:00:00.000Z'));
      expect(older).toContain(at('2026-08-10T12:00:00.000Z'));
      expect(older).not.toContain('T11:00:00');
      const noPrice = answerFailureText(FAILURES[4]!, t, tag, formatMoment);
      expect(noPrice).toContain('BNB');
      expect(noPrice).toContain('OKB');
      expect(noPrice).toContain(t('answerSkipMissing', 'OKB'));
      expect(noPrice).toContain(t('answerSkipRefused', 'BNB'));
    }
  });

  test('French: the skipped prices are clauses joined with the semicolon the French messages use, its no-break space before it', () => {
    const noPrice = answerFailureText(FAILURES[4]!, translateFrom(read('fr')), 'fr', formatMoment);
    expect(noPrice).toBe('aucun prix utilisable dans la réponse (BNB\u00a0: refusé\u202f; OKB\u00a0: absent de la réponse)');
    expect(frenchSpacingProblems(noPrice)).toEqual([]);
  });

  test('writes its moments the way its caller asks: the command line in UTC, whatever the clock of the machine', () => {
    const t = translateFrom(read('en'));
    const older = answerFailureText(FAILURES[2]!, t, 'en', utcMoment);
    expect(older).toBe(t('answerFailOlder', ['2026-08-10T11:00:00Z', '2026-08-10T12:00:00Z']));
    // The pages' words stay the reader's own clock.
    expect(answerFailureText(FAILURES[2]!, t, 'en', formatMoment)).toBe(t('answerFailOlder', [formatMoment('2026-08-10T11:00:00.000Z', 'en'), formatMoment('2026-08-10T12:00:00.000Z', 'en')]));
  });

  test('a stored failure is read back only when its figures fit; an old English sentence is not one', () => {
    for (const failure of FAILURES) expect(readAnswerFailure(structuredClone(failure))).toEqual(failure);
    expect(readAnswerFailure('the answer has no reserve figures for any tracked exchange, so it was not used')).toBeUndefined();
    expect(readAnswerFailure({ answer: 'older', answerAt: 'x'.repeat(500), heldAt: '2026' })).toBeUndefined();
    expect(readAnswerFailure({ answer: 'no-price', skipped: [{ symbol: '<img>', problem: 'missing' }] })).toBeUndefined();
    expect(readAnswerFailure({ answer: 'unknown' })).toBeUndefined();
  });
});

describe('the refresh code returns codes, not sentences', () => {
  test('no English failure text is left in the refresh files', () => {
    for (const file of ['lib/reserves/refresh.ts', 'lib/reserves/refresh-own-token-prices.ts']) {
      const source = readFileSync(join(root, file), 'utf8');
      // A sentence in a failure is a quoted string with a space in it, or a template literal.
      const calls = source.split('\n').flatMap((line) => (line.includes('fail(') ? [line.slice(line.indexOf('fail('))] : []));
      expect(calls.length, file).toBeGreaterThan(1);
      for (const call of calls) {
        expect(call, file).not.toContain('`');
        for (const [quoted] of call.matchAll(/'[^']*'/g)) expect(quoted, `${file}: ${call}`).not.toContain(' ');
      }
      expect(source, file).not.toMatch(/message: '/);
      expect(source, file).not.toContain('shortMessage');
    }
  });
});
