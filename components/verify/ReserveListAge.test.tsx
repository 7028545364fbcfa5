import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { formatAge, formatDate } from '../../lib/words/format';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { frenchSpacingProblems } from '../../lib/words/french-spacing.testkit';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { page } from '../test-dom';
import { ReserveCheck, type ReserveCheckTarget } from './ReserveCheck';
import { okxEthereumTarget } from './verify.testkit';
import { reserveAddressLists } from '../../lib/chain/reserve-addresses';

const LOCALES = ['en', 'de', 'es', 'fr', 'pt-BR', 'sv', 'tr', 'zh-CN'] as const;
const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${locale.replace('-', '_')}/messages.json`), 'utf8')) as Messages;
const now = new Date('2026-12-07T06:00:00Z');
// A wallet list from two and a half years before the day the page is open.
const old = { ...okxEthereumTarget, asOf: '2024-06-26' };

function draw(locale: string, target: ReserveCheckTarget = old) {
  const { root, $ } = page();
  const t = translateFrom(messages(locale));
  render(
    <I18nContext.Provider value={{ t, locale }}>
      <ReserveCheck targets={[target]} endpoints={{ chainRpcUrls: {} }} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={vi.fn()} now={now} />
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
    expect(source).toContain(formatAge(old.asOf, now, locale, translateFrom(messages(locale))));
    if (locale === 'fr') expect(frenchSpacingProblems(source)).toEqual([]);
    if (locale === 'zh-CN') expect(chineseSentenceProblems(source)).toEqual([]);
  });

  test('Chinese: no space after the closing bracket of the age', () => {
    expect(draw('zh-CN').source).toMatch(/^截至 2024年6月26日（2年前）的钱包列表（1 个钱包）：/);
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

  test('English words: the cause is our list, not the exchange', () => {
    expect(draw('en').age).toBe('Since Jun 26, 2024, OKX may have added wallets that our list lacks. A low on-chain total can then come from our list, not from a shortfall at OKX.');
  });

  test('English words for a list the data marks as part of the exchange’s own', () => {
    expect(draw('en', { ...old, partial: true }).age).toBe(
      'Our list is only part of the list OKX published, and since Jun 26, 2024, OKX may have added wallets. A low on-chain total can then come from our list, not from a shortfall at OKX.',
    );
  });

  test.each(LOCALES)('%s: a partial list says so, in its own words', (locale) => {
    const whole = draw(locale).age;
    const part = draw(locale, { ...old, partial: true }).age;
    expect(part).not.toBe(whole);
    expect(part).toContain('OKX');
    expect(part).toContain(formatDate(old.asOf, locale));
    if (locale !== 'en') expect(part).not.toBe(draw('en', { ...old, partial: true }).age);
    if (locale === 'fr') expect(frenchSpacingProblems(part)).toEqual([]);
    if (locale === 'zh-CN') expect(chineseSentenceProblems(part)).toEqual([]);
  });

  test('each language has its own words, not the English ones', () => {
    const english = draw('en').age;
    for (const locale of LOCALES.filter((item) => item !== 'en')) expect(draw(locale).age, locale).not.toBe(english);
  });
});

describe('the wallet list block: one date, one format, and the aside set apart by its bracket alone', () => {
  test('where we read the list follows "(" with no gap: it is no link right after a link, which the card spaces apart', () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={{ t: translateFrom(messages('en')), locale: 'en' }}>
        <ReserveCheck
          targets={[{ ...old, readFrom: 'https://github.com/example/list.js' }]}
          endpoints={{ chainRpcUrls: {} }}
          optionsUrl="chrome-extension://x/options.html"
          views={undefined}
          onRun={vi.fn()}
          now={now}
        />
      </I18nContext.Provider>,
      root,
    );
    expect($('reserves-list-source')?.textContent).toMatch(/published by OKX \(where we read it\)$/);
    // card.css: `.provenance a + a { margin-left: 6px }` puts a gap between "(" and the link when it is one.
    expect(root.querySelector('[data-testid="reserves-list-source"] a + a')).toBeNull();
    render(null, root);
  });

  test('the notes beside the lists name no date of their own: the list’s date is said once above, in the reader’s format', () => {
    const months = 'Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(tember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?';
    const dated = new RegExp(`\\b\\d{1,2} (${months})\\b|\\b(${months}) \\d{1,2}\\b|\\d{4}-\\d{2}-\\d{2}`);
    for (const list of reserveAddressLists) expect(list.note ?? '', list.exchangeId).not.toMatch(dated);
  });
});
