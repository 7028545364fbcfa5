import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ReserveCheckFailure } from '../chain/reserves-check';
import { readingFailedText, reserveCheckFailureText } from './reserve-check-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const FAILURES: ReserveCheckFailure[] = [
  { code: 'cancelled' },
  { code: 'rpc-timeout' },
  { code: 'rpc-unreachable' },
  { code: 'rpc-error' },
  { code: 'no-multicall', contract: '0xcA11bde05977b3631167028862bE2a173976CA11' },
  { code: 'bad-rpc-url', problem: 'not-a-url' },
  { code: 'bad-rpc-url', problem: 'scheme' },
  { code: 'bad-input', problem: 'address', address: '0x1234' },
  { code: 'bad-input', problem: 'token', symbol: 'USDT', address: 'nope' },
  { code: 'bad-input', problem: 'no-addresses' },
  { code: 'bad-input', problem: 'too-many', max: 20000 },
  { code: 'wrong-chain', served: 31337, wanted: 1 },
];

describe('reserve check words', () => {
  test('every stop has its own sentence in every locale, each figure filled in', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = FAILURES.map((failure) => reserveCheckFailureText(failure, t));
      expect(new Set(texts).size, locale).toBe(FAILURES.length);
      for (const [i, failure] of FAILURES.entries()) {
        expect(texts[i], `${locale}:${failure.code}`).not.toMatch(/^$|\$\d/);
        for (const [name, figure] of Object.entries(failure)) if (name !== 'code' && name !== 'problem') expect(texts[i], `${locale}:${failure.code}`).toContain(String(figure));
      }
      expect(readingFailedText('Base', 'wrong-chain', t), locale).not.toMatch(/^$|\$\d|wrong-chain/);
      expect(readingFailedText('Base', 'rpc-timeout', t), locale).toBe(t('holdingsReadingFailed', ['Base', texts[1]!]));
      expect(readingFailedText('Base', 'no-reader-answer', t), locale).not.toMatch(/^$|\$\d|no-reader-answer/);
    }
  });

  // A reading's error is stored, so it may be a code this page has no figures for, or text a version before kept:
  // an exception's message can carry the endpoint's address, key and all. None of it is shown.
  test('a stored reading error that is no worded code is said in plain words, never shown as it is', () => {
    const leaked = 'HTTP request failed. URL: https://eth.provider.example/v3/0123456789abcdef Details: 401';
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const stored of ['bad-rpc-url', 'bad-input', leaked, 'something-new']) {
        const text = readingFailedText('Base', stored, t);
        expect(text, `${locale} ${stored}`).not.toMatch(/^$|\$\d|bad-rpc-url|bad-input|something-new|https?:|0123456789abcdef/);
      }
    }
  });

  // 'bad-rpc-url' is stored for an address that is no URL, a scheme other than https, and plain http to a remote host alike.
  test('a stored bad-rpc-url is said in words true of every address it stands for, never "not a URL"', () => {
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const text = readingFailedText('Base', 'bad-rpc-url', t);
      expect(text, locale).not.toContain(t('verifyReservesFailNotUrl'));
      expect(text, locale).not.toContain(t('verifyReservesFailScheme'));
      expect(text, locale).toContain(t('verifyReservesFailRpcUnusable'));
    }
    expect(readingFailedText('Base', 'bad-rpc-url', translateFrom(read('en')))).toBe('Base: could not be read (The RPC address cannot be used.); its balances are unknown.');
  });

  test('a read that failed for no reason worth saying is said without an empty bracket', () => {
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const stored of ['bad-input', 'something-new']) {
        const text = readingFailedText('Base', stored, t);
        expect(text, `${locale} ${stored}`).toBe(t('holdingsReadingFailedPlain', 'Base'));
        expect(text, `${locale} ${stored}`).not.toMatch(/[()（）]/);
      }
    }
    expect(readingFailedText('Base', 'something-new', translateFrom(read('en')))).toBe('Base: could not be read; its balances are unknown.');
  });

  test('lib/chain/reserves-check.ts words nothing a page shows: stops are codes and figures', () => {
    const source = readFileSync(join(root, 'lib/chain/reserves-check.ts'), 'utf8');
    expect(source).not.toMatch(/new ReserveCheckError\(\s*'/);
  });
});
