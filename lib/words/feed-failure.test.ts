import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFeedFailure, type FeedFailure } from '../feed/verify-feed';
import { feedFailureText } from './feed-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

/** One refusal of every kind, with figures. */
const FAILURES: FeedFailure[] = [
  { code: 'unreadable' },
  { code: 'tampered' },
  { code: 'too-large', maxKib: 512 },
  { code: 'malformed', part: 'read' },
  { code: 'malformed', part: 'envelope', where: 'feed.sequence' },
  { code: 'malformed', part: 'figures', where: 'exchanges.binance.por.asOf' },
  { code: 'bad-signature', problem: 'not-canonical' },
  { code: 'bad-signature', problem: 'no-signer' },
  { code: 'wrong-signer' },
  { code: 'wrong-signer', signer: '0x00000000000000000000000000000000000000aa' },
  { code: 'not-yet-valid', issued: '2027-01-01T00:00:00Z' },
  { code: 'expired', expires: '2026-11-01T00:00:00Z' },
  { code: 'rollback', sequence: 4, held: 5 },
  { code: 'rollback', sequence: 5, held: 5 },
  { code: 'unchecked', why: 'no answer in time' },
];

describe('feed refusal words', () => {
  test('every refusal has its sentence in every locale, figures filled in', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = new Set<string>();
      for (const failure of FAILURES) {
        const text = feedFailureText(failure, t, locale.replace('_', '-'));
        expect(text, `${locale}:${failure.code}`).toMatch(/^[^$]+$/);
        // Figures are in the sentence; dates are in it as the reader writes them (lib/words/locale-figures.test.ts), and the English technical text is kept apart.
        for (const [name, figure] of Object.entries(failure))
          if (!['code', 'part', 'problem', 'issued', 'expires', 'where', 'why'].includes(name)) expect(text, `${locale}:${failure.code}`).toContain(String(figure));
        texts.add(text);
      }
      expect(texts.size, locale).toBe(FAILURES.length);
    }
  });

  test('a stored refusal reads back only when its figures fit', () => {
    for (const failure of FAILURES) expect(readFeedFailure(JSON.parse(JSON.stringify(failure)))).toEqual(failure);
    for (const bad of [undefined, 'The feed is not JSON.', { code: 'expired' }, { code: 'rollback', sequence: -1, held: 2 }, { code: 'teapot' }]) expect(readFeedFailure(bad)).toBeUndefined();
  });

  test('lib/feed/verify-feed.ts words nothing a user reads: its refusals are codes and figures', () => {
    const source = readFileSync(join(root, 'lib/feed/verify-feed.ts'), 'utf8');
    expect(source).not.toMatch(/reject\(\s*'[a-z-]+',\s*['`]/);
    expect(source).not.toMatch(/reason: ['`]/);
  });
});
