import { describe, expect, test } from 'vitest';
import type { RunReason } from '../risk/run-signals';
import { runNotificationMessage, runNotificationText, runReasonText } from './run-alert-text';
import { translateFrom } from './translate-from';
import { formatAge, formatUsd } from './format';
import { localeTag } from '../locales';
import { inTimeZone } from './time-zone.testkit';
import { chineseSentenceProblems } from './chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (locale: string) => translateFrom(localeMessages(locale));

/** A fifth of Binance's assets gone in a day, as DefiLlama's /cexs answered at 11:40 UTC. */
const outflow: RunReason = {
  signal: 'outflow-24h',
  effect: 'alert',
  value: 0.2,
  outflowUsd: 20e9,
  baseUsd: 100e9,
  threshold: 0.15,
  source: 'https://api.llama.fi/cexs',
  observedAt: '2026-12-05T11:40:00.000Z',
};

// The reader is in Tokyo (UTC+9, no daylight saving time): 11:40 UTC is 20:40 on their clock.
inTimeZone('Asia/Tokyo');
/** How the extension's pages write a moment (formatDateTime: the reader's locale, date and time, no zone), in Tokyo. */
const tokyo = (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));

describe('runNotificationText', () => {
  test('the figures with the host they came from and the moment they describe, to the minute on the reader’s clock (a notification has no link and stays)', () => {
    expect(new Date(outflow.observedAt ?? '').getHours(), 'the test runs in Tokyo time').toBe(20);
    expect(runNotificationText(outflow, words('en'), 'en')).toBe(`$20B left in 24 hours (20% of its assets). Figures from api.llama.fi, as of ${tokyo('en', '2026-12-05T11:40:00Z')}.`);
    expect(tokyo('en', '2026-12-05T11:40:00Z')).toMatch(/^Dec 5, 2026, 8:40\sPM$/);
  });

  test("in the reader's language and time zone, as the pages write times: no UTC, no zone named", () => {
    const zh = runNotificationText(outflow, words('zh_CN'), 'zh-CN');
    // No space after the Chinese full stop that ends the sentence.
    expect(zh).toContain('。数据来自 api.llama.fi，截至 2026年12月5日');
    expect(zh).toContain('20:40');
    expect(runNotificationText(outflow, words('de'), 'de')).toContain('Zahlen von api.llama.fi, Stand 05.12.2026, 20:40.');
    // Past midnight in Tokyo is the next day there.
    expect(runNotificationText({ ...outflow, observedAt: '2026-12-05T16:30:00.000Z' }, words('de'), 'de')).toContain('Stand 06.12.2026, 01:30.');
    for (const locale of ['en', 'de', 'fr', 'sv', 'tr', 'es', 'pt-BR', 'zh-CN']) {
      const text = runNotificationText(outflow, words(locale.replace('-', '_')), locale);
      expect(text, locale).toContain(tokyo(locale, outflow.observedAt ?? ''));
      expect(text, locale).not.toMatch(/UTC|GMT/);
    }
  });

  test('figures known only by their day (flows without a reading time) say the day, never a made-up midnight', () => {
    expect(runNotificationText({ ...outflow, observedAt: '2026-12-04' }, words('en'), 'en')).toBe('$20B left in 24 hours (20% of its assets). Figures from api.llama.fi, as of Dec 4, 2026.');
  });

  test('a warning-list entry says when it was listed and the source it cites, not "figures"', () => {
    const warning: RunReason = {
      signal: 'warning-list',
      effect: 'alert',
      listName: 'Example watch',
      title: 'Withdrawals halted',
      source: 'https://status.example.com/incident/1',
      observedAt: '2026-12-05T08:15:00.000Z',
    };
    expect(runNotificationText(warning, words('en'), 'en')).toBe('Warning list “Example watch”: Withdrawals halted (listed since Dec 5, 2026; source: status.example.com).');
    expect(runNotificationText(warning, words('fr'), 'fr')).not.toContain('Chiffres');
  });

  test('a notification cannot mark a language: a list’s title in another language than the reader’s is said to be untranslated', () => {
    const warning: RunReason = { signal: 'warning-list', effect: 'alert', listName: 'Example watch', listLang: 'en', title: 'Withdrawals halted' };
    expect(runReasonText(warning, words('de'), 'de')).toBe('Warnliste „Example watch“: Nicht übersetzt, auf Englisch: „Withdrawals halted“');
    expect(runReasonText({ ...warning, listLang: 'fr' }, words('de'), 'de')).toBe('Warnliste „Example watch“: Nicht übersetzt, auf Französisch: „Withdrawals halted“');
    expect(runReasonText({ ...warning, listLang: 'de-AT' }, words('de'), 'de')).toBe('Warnliste „Example watch“: Withdrawals halted');
    // No language given: nothing is claimed about it.
    const { listLang: _lang, ...unsaid } = warning;
    expect(runReasonText(unsaid, words('de'), 'de')).toBe('Warnliste „Example watch“: Withdrawals halted');
  });

  test('a reason without a source or a moment says its sentence alone, never an empty source', () => {
    const { source: _source, observedAt: _observedAt, ...bare } = outflow;
    expect(runNotificationText(bare, words('en'), 'en')).toBe('$20B left in 24 hours (20% of its assets).');
  });
});

describe('runNotificationMessage', () => {
  const flowCaution: RunReason = { ...outflow, effect: 'caution', value: 0.06, outflowUsd: 6e9, threshold: 0.05 };
  const tokenCaution: RunReason = {
    signal: 'own-token-fall',
    effect: 'caution',
    value: 0.25,
    symbol: 'FTT',
    threshold: 0.2,
    source: 'https://coins.llama.fi/chart',
    observedAt: '2026-12-05T11:00:00.000Z',
  };

  test('"both at once" names the two readings behind it, each with its host and moment', () => {
    const reasons: RunReason[] = [{ signal: 'combined', effect: 'alert' }, flowCaution, tokenCaution, { ...outflow, signal: 'outflow-7d', effect: 'calm', value: 0.01, outflowUsd: 1e9 }];
    const message = runNotificationMessage(reasons, words('en'), 'en');
    expect(message).toBe(
      'Money is leaving while its own token falls: both at once count as an alert. The readings: ' +
        `$6B left in 24 hours (6% of its assets). Figures from api.llama.fi, as of ${tokyo('en', '2026-12-05T11:40:00Z')}. ` +
        `Its own token FTT is 25% below its 7-day high (a warning sign from 20%). Figures from coins.llama.fi, as of ${tokyo('en', '2026-12-05T11:00:00Z')}.`,
    );
    for (const locale of ['de', 'fr', 'sv', 'tr', 'es', 'pt_BR', 'zh_CN']) {
      const text = runNotificationMessage(reasons, words(locale), locale.replace('_', '-')) ?? '';
      expect(text, locale).toContain('api.llama.fi');
      expect(text, locale).toContain('coins.llama.fi');
      expect(text, locale).toContain('FTT');
      // No placeholder left unfilled; the amounts themselves may start "$6 Mr" (Turkish), so they are taken out first.
      const amounts = [6e9, 1e11].map((usd) => formatUsd(usd, locale.replace('_', '-')));
      const withoutAmounts = amounts.reduce((rest, amount) => rest.split(amount).join('x'), text);
      expect(withoutAmounts, locale).not.toMatch(/\$[1-9](?![\d.,])/);
    }
  });

  test('the body a notification shows ends each sentence with a full stop before the next, the action first, in every language (Chinese: no space after it)', () => {
    const listed: RunReason = {
      signal: 'warning-list',
      effect: 'alert',
      listName: 'Example watch',
      title: 'Withdrawals halted',
      source: 'https://status.example.com/incident/1',
      observedAt: '2026-12-05T08:15:00.000Z',
    };
    const kinds: RunReason[][] = [[outflow], [listed], [{ signal: 'combined', effect: 'alert' }, flowCaution, tokenCaution]];
    for (const locale of ['en', 'de', 'fr', 'sv', 'tr', 'es', 'pt_BR', 'zh_CN']) {
      const t = words(locale);
      const click = t('runNotificationBody', '').trim();
      for (const reasons of kinds) {
        const body = t('runNotificationBody', runNotificationMessage(reasons, t, locale.replace('_', '-')) ?? '');
        const label = `${locale} ${reasons[0]?.signal}: ${body}`;
        expect(body.startsWith(click), label).toBe(true);
        expect(click, label).toMatch(/[.!?。]$/u);
        expect(body, label).toMatch(/[.!?。)]$/u);
        if (locale === 'zh_CN') expect(chineseSentenceProblems(body), label).toEqual([]);
      }
    }
  });

  test('the worst reason at alert now, with its source; nothing to say when no reason is at alert now', () => {
    expect(runNotificationMessage([outflow], words('en'), 'en')).toBe(runNotificationText(outflow, words('en'), 'en'));
    expect(runNotificationMessage([flowCaution, tokenCaution], words('en'), 'en')).toBeUndefined();
    expect(runNotificationMessage([{ ...outflow, effect: 'calm' }], words('en'), 'en')).toBeUndefined();
    expect(runNotificationMessage([], words('en'), 'en')).toBeUndefined();
  });
});

describe('the notification body system banners show', () => {
  // Banners cut a body after two or three lines: the action comes first and the whole body stays short,
  // with figures as an alert would carry them (FTX lost about $5B of $8.4B in a day; a week at Binance scale).
  const alerts: RunReason[] = [
    { ...outflow, outflowUsd: 5e9, baseUsd: 8.4e9, value: 5 / 8.4 },
    { ...outflow, signal: 'outflow-7d', threshold: 0.2, outflowUsd: 23.4e9, baseUsd: 98.7e9, value: 23.4 / 98.7, observedAt: '2026-12-15T23:55:00.000Z' },
  ];
  const LIMIT = 150;

  test(`says the action first and stays within ${LIMIT} characters with its figure, source and moment, in every language`, () => {
    for (const locale of ['en', 'de', 'fr', 'sv', 'tr', 'es', 'pt_BR', 'zh_CN']) {
      const t = words(locale);
      const click = t('runNotificationBody', '').trim();
      for (const reason of alerts) {
        const body = t('runNotificationBody', runNotificationMessage([reason], t, locale.replace('_', '-')) ?? '');
        const label = `${locale} ${reason.signal}: ${body}`;
        expect(body.startsWith(click), label).toBe(true);
        expect(body, label).toContain('api.llama.fi');
        expect(body, label).toContain(formatUsd(reason.outflowUsd ?? 0, locale.replace('_', '-')));
        expect(body.length, label).toBeLessThanOrEqual(LIMIT);
      }
    }
  });
});

describe('the alert’s age beside a list entry’s age', () => {
  test('says the alert is ours (Reserve Radar raised it), so a new alert over an old list entry reads as no contradiction', () => {
    for (const locale of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) expect(words(locale)('runAlertSince', 'X'), locale).toContain('Reserve Radar');
  });

  /** "this alert this minute": a demonstrative before the noun and another in the age beside it. */
  const DOUBLED: Record<string, RegExp> = {
    en: /\bthis alert this\b/i,
    de: /\bdiesen Alarm in dieser\b/i,
    es: /\besta alerta este\b/i,
    fr: /\bcette alerte cette\b/i,
    pt_BR: /\beste alerta este\b/i,
    sv: /\bdetta larm denna\b/i,
    tr: /\bbu alarmı bu\b/i,
    zh_CN: /此刻发出此/,
  };

  test('a just-raised alert says its age once: no doubled demonstrative beside "this minute", in every locale', () => {
    const now = new Date('2026-12-05T11:40:00.000Z');
    for (const locale of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const line = words(locale)('runAlertSince', formatAge(now.toISOString(), now, localeTag(locale), words(locale)));
      expect(line, locale).not.toMatch(DOUBLED[locale]!);
      expect(line, locale).not.toMatch(/\$\d/);
    }
  });

  test.each([
    ['en', 'Reserve Radar raised the alert just now.'],
    ['es', 'Reserve Radar dio la alerta hace un momento.'],
    ['pt_BR', 'O Reserve Radar emitiu o alerta agora mesmo.'],
    ['fr', "Reserve Radar a lancé l'alerte à l'instant."],
    ['de', 'Reserve Radar hat den Alarm gerade eben ausgelöst.'],
    ['tr', 'Reserve Radar alarmı az önce verdi.'],
    ['sv', 'Reserve Radar slog larm nyss.'],
    ['zh_CN', 'Reserve Radar 刚刚发出警报。'],
  ])('%s: an alert raised seconds ago was raised "just now", not "this minute"', (locale, sentence) => {
    const now = new Date('2026-12-05T11:40:00.000Z');
    const t = words(locale);
    expect(t('runAlertSince', formatAge('2026-12-05T11:39:35.000Z', now, localeTag(locale), t))).toBe(sentence);
  });
});

describe('runReasonText', () => {
  test('lists that could not be checked say so in plain words, in every language: no list named, no flow figure', () => {
    const unread: RunReason = { signal: 'warning-list', effect: 'unknown' };
    for (const locale of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const t = words(locale);
      const text = runReasonText(unread, t, locale);
      expect(text, locale).toBe(t('warningListsUnread'));
      expect(text, locale).not.toBe(t('runUnreadFlows7d'));
    }
    expect(runReasonText(unread, words('en'), 'en')).toMatch(/warning lists could not be checked/);
  });
});
