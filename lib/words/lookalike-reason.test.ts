import { describe, expect, test } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import swedish from '../../public/_locales/sv/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import portuguese from '../../public/_locales/pt_BR/messages.json';
import french from '../../public/_locales/fr/messages.json';
import german from '../../public/_locales/de/messages.json';
import turkish from '../../public/_locales/tr/messages.json';
import chinese from '../../public/_locales/zh_CN/messages.json';
import { classify, type LookalikeExplanation } from '../exchanges/classify';
import { tabStateForUrl } from '../view/tab-state';
import type { Snapshot } from '../reserves/schema';
import { translateFrom } from './translate-from';
import { lookalikeReasonText } from './lookalike-reason';

const en = translateFrom(english);
const sv = translateFrom(swedish);
const snapshot = { exchanges: {} } as unknown as Snapshot;
const allMessages = { en: english, sv: swedish, es: spanish, pt_BR: portuguese, fr: french, de: german, tr: turkish, zh_CN: chinese };

function lookalikeState(host: string) {
  const state = tabStateForUrl({ url: `https://${host}/`, snapshot, now: new Date('2026-01-01T00:00:00Z') });
  if (state.kind !== 'lookalike') throw new Error(`${host} is not a lookalike`);
  return state;
}

describe('lookalike reasons in the reader’s language', () => {
  test.each([
    ['kraken-logins-support.com', 'token'],
    ['mybinance.io', 'inside'],
    ['geminibonus.us', 'affixed'],
    ['binnance.com', 'typo'],
    ['bimanrce.com', 'typo'],
    ['xn--bnance-pvf.com', 'homoglyph'],
    ['login.kraken.com.evil.io', 'embedded'],
    ['binance.co', 'tld-swap'],
    ['coin-base.com', 'hyphenated'],
    ['binance-login.pages.dev', 'hosted'],
    ['kraken.vercel.app', 'hosted'],
    ['kraken-ix.com', 'padded'],
    ['mail-celsius.network', 'dashed'],
    ['coin.base-verification.com', 'split'],
    ['krekan-docs.gitbook.io', 'hosted-typo'],
    ['krakn-apps.wixsite.com', 'hosted-typo'],
  ])('%s (%s): the same facts in English and Swedish, every placeholder filled', (host, code) => {
    const state = lookalikeState(host);
    expect(state.explanation.code).toBe(code);
    const inEnglish = lookalikeReasonText(state, en);
    const inSwedish = lookalikeReasonText(state, sv);
    for (const { reason, official } of [inEnglish, inSwedish]) {
      expect(reason).toContain(state.explanation.host);
      expect(reason).toContain(code === 'embedded' || code === 'dashed' ? state.explanation.brand : `${state.explanation.brand}”`);
      expect(reason).toContain(state.imitates.name);
      if (state.explanation.bait !== undefined) expect(reason).toContain(state.explanation.bait);
      if (state.explanation.hosting !== undefined) expect(reason).toContain(state.explanation.hosting);
      expect(reason).not.toMatch(/\$/);
      for (const domain of state.imitates.domains) expect(official).toContain(domain);
    }
    expect(inSwedish.reason).not.toBe(inEnglish.reason);
  });

  test('the English words say what the classifier says', () => {
    expect(lookalikeReasonText(lookalikeState('kraken-logins-support.com'), en).reason).toBe(
      'kraken-logins-support.com contains the brand “kraken” plus the bait word “login” but is not a domain of Kraken.',
    );
    expect(lookalikeReasonText(lookalikeState('login.kraken.com.evil.io'), en).reason).toBe(
      'login.kraken.com.evil.io starts with the Kraken domain “kraken.com” but belongs to evil.io, which is not a domain of Kraken.',
    );
    expect(lookalikeReasonText(lookalikeState('bimanrce.com'), en).reason).toBe('bimanrce.com is two letters away from the brand “binance” (a typosquat) but is not a domain of Binance.');
    expect(lookalikeReasonText(lookalikeState('mail-celsius.network'), en).reason).toBe(
      'mail-celsius.network looks like an address on the Celsius domain “celsius.network”, with a hyphen where a dot belongs, but it is not a domain of Celsius.',
    );
    expect(classify('binance-login.pages.dev').reason).toContain('free hosting service anyone can publish on');
    expect(lookalikeReasonText(lookalikeState('krekan-docs.gitbook.io'), en).reason).toBe(
      'krekan-docs.gitbook.io is two letters away from the brand “kraken” (a typosquat) on gitbook.io, a free hosting service anyone can publish on, but is not a domain of Kraken.',
    );
    expect(lookalikeReasonText(lookalikeState('binance-login.pages.dev'), sv).reason).toBe(
      'binance-login.pages.dev lägger varumärket ”binance” och lockordet ”login” på pages.dev, en gratis webbhotelltjänst där vem som helst kan publicera, men är inte en domän som tillhör Binance.',
    );
  });

  test('every kind of evidence, with and without its details, has its words', () => {
    const imitates = { id: 'kraken', name: 'Kraken', domain: 'kraken.com', domains: ['kraken.com'] };
    const base = { host: 'x.example', brand: 'kraken' };
    const explanations: LookalikeExplanation[] = [
      { ...base, code: 'embedded', registrable: 'example.io' },
      { ...base, code: 'dashed', brand: 'kraken.com' },
      { ...base, code: 'homoglyph', mixedScripts: false },
      { ...base, code: 'homoglyph', mixedScripts: true },
      { ...base, code: 'tld-swap' },
      { ...base, code: 'hyphenated' },
      { ...base, code: 'split' },
      { ...base, code: 'padded' },
      { ...base, code: 'hosted', hosting: 'pages.dev' },
      { ...base, code: 'hosted', hosting: 'pages.dev', bait: 'login' },
      { ...base, code: 'typo', distance: 1 },
      { ...base, code: 'typo', distance: 2 },
      { ...base, code: 'hosted-typo', hosting: 'gitbook.io', distance: 1 },
      { ...base, code: 'hosted-typo', hosting: 'gitbook.io', distance: 2 },
      { ...base, code: 'token' },
      { ...base, code: 'token', bait: 'login' },
      { ...base, code: 'inside' },
      { ...base, code: 'affixed', bait: 'bonus' },
    ];
    const seen = new Set<string>();
    for (const explanation of explanations) {
      const { reason } = lookalikeReasonText({ explanation, imitates }, sv);
      expect(reason, explanation.code).toMatch(/^x\.example .+ Kraken\.$/);
      seen.add(reason.replace('x.example', ''));
    }
    // Distinct words for each distinct case (token and inside share theirs).
    expect(seen.size).toBe(explanations.length - 1);
  });

  test("the official domains are listed as the reader's language lists them", () => {
    const state = lookalikeState('blnance.com');
    expect(state.imitates.domains.slice(0, 2)).toEqual(['binance.com', 'binance.me']);
    const official = (messages: (typeof allMessages)[keyof typeof allMessages], locale: string) => lookalikeReasonText(state, translateFrom(messages), locale).official;
    const [first, second, third, fourth, last] = state.imitates.domains;
    expect(state.imitates.domains).toHaveLength(5);
    expect(official(chinese, 'zh-CN')).toBe(`Binance 的官方域名：${first}、${second}、${third}、${fourth}、${last}。`);
    expect(official(german, 'de')).toBe(`Offizielle Domains von Binance: ${first}, ${second}, ${third}, ${fourth} und ${last}.`);
    expect(official(turkish, 'tr')).toBe(`Binance borsasının resmî alan adları: ${first}, ${second}, ${third}, ${fourth}, ${last}.`);
    expect(official(english, 'en')).toBe(`Official Binance domains: ${first}, ${second}, ${third}, ${fourth}, ${last}.`);
  });

  test('a host a phishing list names: the list, the exchange and the day our copy was read, in each language', () => {
    // A made-up host and list: what is tested is the wording of a listing, not a list.
    const list = { id: 'one', name: 'Example phishing list', url: 'https://lists.example/one.json', fetchedAt: '2026-12-03T06:00:00.000Z' };
    const listed = (host: string, on: string) =>
      tabStateForUrl({ url: `https://${host}/`, snapshot, now: new Date('2026-12-05T00:00:00Z'), listingFor: (asked) => (asked === host ? { listed: on, exchange: 'kraken', list } : undefined) });
    const itself = listed('quiet-harbor-rewards.com', 'quiet-harbor-rewards.com');
    const under = listed('login.quiet-harbor-rewards.com', 'quiet-harbor-rewards.com');
    if (itself.kind !== 'lookalike' || under.kind !== 'lookalike') throw new Error('a listed host is a lookalike');
    expect(lookalikeReasonText(itself, en, 'en').reason).toBe(
      'quiet-harbor-rewards.com is named by Example phishing list, a public list of phishing sites, as imitating Kraken. Our copy of the list was read on Dec 3, 2026.',
    );
    expect(lookalikeReasonText(under, en, 'en').reason).toBe(
      'login.quiet-harbor-rewards.com is on quiet-harbor-rewards.com, which Example phishing list, a public list of phishing sites, names as imitating Kraken. Our copy of the list was read on Dec 3, 2026.',
    );
    expect(lookalikeReasonText(itself, sv, 'sv').reason).toBe(
      'quiet-harbor-rewards.com finns i Example phishing list, en offentlig lista över nätfiskesidor, som en sida som utger sig för att vara Kraken. Vår kopia av listan lästes den 3 dec. 2026.',
    );
    for (const [locale, messages] of Object.entries(allMessages)) {
      const t = translateFrom(messages);
      for (const state of [itself, under]) {
        const { reason } = lookalikeReasonText(state, t, locale.replace('_', '-'));
        expect(reason, locale).toContain(state.host);
        expect(reason, locale).toContain('Example phishing list');
        expect(reason, locale).toContain('Kraken');
        expect(reason, locale).toContain('2026');
        expect(reason, locale).not.toMatch(/\$/);
      }
    }
  });
});
