import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { formatAge, formatDate } from '../../lib/words/format';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { frenchSpacingProblems } from '../../lib/words/french-spacing.testkit';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { page } from '../test-dom';
import { ReserveCheck } from './ReserveCheck';
import { okxEthereumTarget } from './verify.testkit';

const LOCALES = ['en', 'de', 'es', 'fr', 'pt-BR', 'sv', 'tr', 'zh-CN'] as const;
const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${locale.replace('-', '_')}/messages.json`), 'utf8')) as Messages;
const now = new Date('2026-12-07T06:00:00Z');
// A wallet list from two and a half years before the day the page is open.
const old = { ...okxEthereumTarget, asOf: '2024-06-26' };

function draw(locale: string) {
  const { root, $ } = page();
  const t = translateFrom(messages(locale));
  render(
    <I18nContext.Provider value={{ t, locale }}>
      <ReserveCheck targets={[old]} endpoints={{ chainRpcUrls: {} }} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={vi.fn()} now={now} />
    </I18nContext.Provider>,
    root,
  );
  const source = $('reserves-list-source')?.textContent ?? '';
  const age = $('reserves-list-age')?.textContent ?? '';
  render(null, root);
  return { source, age };
}

describe('the reserve check says how old its wallet list is', () => {
  test.each(LOCALES)('%s: the list line gives the age beside the date, as the card does', (locale) => {
    const { source } = draw(locale);
    expect(source).toContain(formatDate(old.asOf, locale));
    expect(source).toContain(formatAge(old.asOf, now, locale));
  });

  test('English: the age in brackets after the day the list describes, not the day the page is open', () => {
    expect(draw('en').source).toMatch(/^List of 1 wallet as of Jun 26, 2024 \(2 years ago\): /);
  });

  test.each(LOCALES)('%s: it says the list may lack wallets added since, and that a low total may be our list’s age, not the exchange’s shortfall', (locale) => {
    const { age } = draw(locale);
    expect(age).toContain('OKX');
    expect(age).toContain(formatDate(old.asOf, locale));
    if (locale === 'fr') expect(frenchSpacingProblems(age)).toEqual([]);
    if (locale === 'zh-CN') expect(chineseSentenceProblems(age)).toEqual([]);
  });

  test('English words', () => {
    expect(draw('en').age).toBe('OKX may have added wallets since Jun 26, 2024 that this list lacks. A low on-chain total can then come from the age of our list, not from a shortfall at OKX.');
  });

  test('each language has its own words, not the English ones', () => {
    const english = draw('en').age;
    for (const locale of LOCALES.filter((item) => item !== 'en')) expect(draw(locale).age, locale).not.toBe(english);
  });
});
