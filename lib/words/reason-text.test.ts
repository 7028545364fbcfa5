import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { exchanges } from '../exchanges/registry';
import type { Flows, PorAttestation } from '../reserves/schema';
import { bundledSnapshot } from '../reserves/snapshot';
import type { RiskOnchainAssets } from '../risk/concentration';
import { gradeExchange, type GradeExchangeParameters, type RiskReason, type RiskReserves } from '../risk/grade';
import { REASON_CODES } from '../risk/reason';
import { REASON_KEYS, reasonText } from './reason-text';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const messages = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const now = new Date('2025-03-01T00:00:00Z');

// Made-up figures that between them reach every reason code the model has.
const operating: GradeExchangeParameters['exchange'] = { id: 'x', name: 'Example Exchange', ownTokens: ['XT'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
const por: PorAttestation = {
  method: 'merkle-liabilities',
  cadence: 'monthly',
  liabilitiesIncluded: true,
  reserveRatios: { BTC: 1.05, ETH: 0.97, USDT: 1.1, USDC: 1.01, DOGE: 0.9 },
  source: 'https://x.example/por',
  asOf: '2025-02-01',
};
const onchain: RiskOnchainAssets = {
  totalUsd: 1000,
  cleanUsd: 700,
  leverage: 1.7,
  topTokens: [
    { symbol: 'BTC', usd: 300 },
    { symbol: 'XT', usd: 300 },
    { symbol: 'USDT', usd: 150 },
    { symbol: 'SHIB', usd: 200 },
  ],
  source: 'https://x.example/onchain',
  asOf: '2025-02-28',
};
const flows: Flows = { net7dUsd: -150, net30dUsd: 40, source: 'https://x.example/flows', asOf: '2025-02-28' };
const thin: RiskOnchainAssets = { ...onchain, cleanUsd: 900, topTokens: [{ symbol: 'BTC', usd: 10 }] };

const cases: GradeExchangeParameters[] = [
  { exchange: operating, reserves: { por, onchain, flows }, now },
  { exchange: operating, reserves: undefined, now },
  { exchange: operating, reserves: { onchain, flows: { ...flows, net7dUsd: 40, net30dUsd: -60 } }, now },
  { exchange: operating, reserves: { por: { ...por, asOf: '2025-03-05' }, onchain: { ...onchain, asOf: '2025-03-05' }, flows: { ...flows, asOf: '2025-03-05' } }, now },
  { exchange: operating, reserves: { por: { ...por, method: 'none', asOf: '2023-01-01' } }, now },
  { exchange: operating, reserves: { por: { ...por, asOf: '2024-11-01', checkedAt: '2025-02-28' } }, now },
  { exchange: operating, reserves: { por: { ...por, asOf: '2024-11-01' } }, now },
  { exchange: operating, reserves: { por: { ...por, reserveRatios: undefined }, onchain: { ...onchain, asOf: '2025-01-01' }, flows: { ...flows, asOf: '2025-01-01' } }, now },
  // Old figures the source still served when we read them yesterday: the source's age, not our copy's.
  { exchange: operating, reserves: { por, onchain: { ...onchain, asOf: '2025-01-01', checkedAt: '2025-02-28' }, flows: { ...flows, asOf: '2025-01-01', checkedAt: '2025-02-28' } }, now },
  // Nothing held and nothing left: no base for a share. (Money leaving a total of 0 is all of it: a share of 1.)
  { exchange: operating, reserves: { onchain: { ...onchain, totalUsd: 0 }, flows: { ...flows, net7dUsd: 40 } }, now },
  { exchange: { ...operating, ownTokens: [] }, reserves: { onchain: { ...onchain, cleanUsd: undefined, topTokens: undefined }, flows: { ...flows, net7dUsd: undefined } }, now },
  { exchange: { ...operating, affiliatedTokens: ['AF'] }, reserves: { onchain }, now },
  { exchange: { ...operating, affiliatedTokens: ['AF'] }, reserves: { onchain: thin }, now },
  { exchange: { ...operating, affiliatedTokens: ['AF'] }, reserves: { onchain: { ...onchain, topTokens: undefined } }, now },
  {
    exchange: {
      ...operating,
      status: { kind: 'collapsed', checkedOn: '2026-12-04', date: '2025-01-10', history: 'It stopped paying out and filed for bankruptcy.', source: 'https://x.example/news' },
      incidents: [
        { kind: 'hack', date: '2025-01-01', summary: 'Hot wallets drained.', source: 'https://x.example/hack' },
        { kind: 'withdrawal-halt', date: '2025-01-05', summary: 'Withdrawals paused.', source: 'https://x.example/halt' },
        { kind: 'insolvency', date: '2025-01-10', summary: 'Filed for bankruptcy.', source: 'https://x.example/ch11' },
      ],
    },
    reserves: {},
    now,
  },
  { exchange: { ...operating, status: { kind: 'closed', checkedOn: '2026-12-04', date: '2024-12-01', history: 'Wound down its business.', source: 'https://x.example/closed' } }, reserves: {}, now },
];
const reserves = bundledSnapshot().exchanges as Record<string, RiskReserves | undefined>;
const reasons: RiskReason[] = [
  ...cases.flatMap((input) => gradeExchange(input).reasons),
  ...exchanges.flatMap((exchange) => gradeExchange({ exchange, reserves: reserves[exchange.id], now: new Date('2026-11-25T12:00:00Z') }).reasons),
];

/** A message as a pattern: its words as written, each placeholder any text. */
function template(message: string): RegExp {
  const parts = message.split(/\$[1-9]/).map((part) => part.replace(/\$\$/g, '$').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^]*?')}`);
}

describe('verdict reasons in words', () => {
  test('the model reaches every reason code in these cases, so each is checked below', () => {
    const reached = new Set(reasons.map((reason) => reason.code));
    expect(REASON_CODES.filter((code) => !reached.has(code))).toEqual([]);
  });

  test('a reason carries a code and figures, never a sentence: no free text but the registry’s own notes and names', () => {
    const fields = new Set(['metric', 'code', 'value', 'threshold', 'thresholdId', 'effect', 'source', 'asOf', 'params']);
    for (const reason of reasons) {
      for (const field of Object.keys(reason)) expect(fields, `${reason.code}: ${field}`).toContain(field);
      const { note, exchange, ...params } = reason.params ?? {};
      // Codes, dates, symbols, URLs and numbers: nothing with a space in it.
      for (const value of [reason.metric, reason.code, reason.value, reason.source, reason.asOf, ...Object.values(params).flat()]) {
        if (typeof value === 'string') expect(value, reason.code).not.toMatch(/\s/);
      }
      if (exchange !== undefined) expect(exchanges.map((entry) => entry.name).concat(operating.name), reason.code).toContain(exchange);
      if (note !== undefined) expect(reason.code, note).toMatch(/^(status\.(collapsed|closed)|incident\.)/);
    }
  });

  test('every code has its sentence in every locale, and every sentence the code can add', () => {
    const extra = ['reason_hhiRange', 'reason_unlisted', 'reason_lineBelow', 'reason_lineCaution', 'reason_lineDanger', 'reason_tokensNone', 'reason_porNoneUncheckedUndated'];
    for (const locale of locales) {
      const words = messages(locale);
      for (const key of [...Object.values(REASON_KEYS), ...extra]) expect(words[key]?.message.trim(), `${locale}:${key}`).toBeTruthy();
    }
  });

  test.each(locales)('in %s every reason is its own messages.json sentence, filled in, with nothing left over', (locale) => {
    const words = messages(locale);
    const t = translateFrom(words);
    for (const reason of reasons) {
      const text = reasonText(reason, t, locale.replace('_', '-'), now);
      const key =
        reason.code === 'hhi' && reason.params?.hhiLow !== undefined
          ? 'reason_hhiRange'
          : reason.code === 'por.none-unchecked' && reason.value === undefined
            ? 'reason_porNoneUncheckedUndated'
            : REASON_KEYS[reason.code];
      expect(text, `${locale}:${reason.code}`).toMatch(template(words[key]?.message ?? '∅'));
      expect(text, `${locale}:${reason.code}`).not.toMatch(/undefined|NaN|porMethod_|shareText_|\(\)|（）|^\s|\s$/);
    }
  });

  test('English reads as the model’s findings, with the figures', () => {
    const t = translateFrom(messages('en'));
    const say = (code: RiskReason['code']) => reasons.filter((reason) => reason.code === code).map((reason) => reasonText(reason, t, 'en', now));
    expect(say('status.operating')).toContain('Example Exchange is operating; no closure or collapse is on record.');
    expect(say('status.collapsed')).toContain('Example Exchange collapsed on Jan 10, 2025: It stopped paying out and filed for bankruptcy.');
    expect(say('flow-7d.out')).toContain('Over 7 days $150 left net (13% of assets leaving; 10% or more looks like a run).');
    expect(say('own-token.share')).toContain("30% of reserves are in the exchange's own tokens (XT). At or above the 25% danger line.");
    expect(say('ratio-major')).toContain('Lowest reserve ratio among major assets: ETH at 97% (below 100% is a shortfall, below 95% is danger).');
    expect(say('por.overdue')).toContain(
      'The newest proof of reserves we found when we last checked (Feb 28, 2025) describes Nov 1, 2024, 119 days earlier (published monthly); a report counts as overdue after 62 days.',
    );
    expect(say('leverage')).toContain('Open interest is 1.70× clean assets (shown, not graded; 1× or more is flagged).');
  });

  test.each(locales)('in %s money that came in net names no share of assets leaving (that share is 0 then), only the line a run crosses', (locale) => {
    const t = translateFrom(messages(locale));
    const tag = locale.replace('_', '-');
    const inflow: RiskReason = { metric: 'outflow-7d.share', code: 'flow-7d.in', value: 0, threshold: 0.1, thresholdId: 'outflow-7d.share.caution', effect: 'ok', params: { netUsd: 2e9 } };
    for (const reason of [inflow, { ...inflow, code: 'flow-30d.in' as const }]) {
      const text = reasonText(reason, t, tag, now);
      expect(text, `${locale}:${reason.code}`).not.toMatch(new RegExp(`(?<![\\d.,])${new Intl.NumberFormat(tag, { style: 'percent' }).format(0)}(?!\\d)`, 'u'));
      expect(text, `${locale}:${reason.code}`).toContain(new Intl.NumberFormat(tag, { style: 'percent' }).format(0.1));
    }
    if (locale === 'en') expect(reasonText(inflow, t, 'en', now)).toBe('Over 7 days $2B came in net, so no assets left net (a run looks like 10% or more leaving).');
  });

  test('a reserve ratio is written to at most hundredths, and one short of 100 % never reads as 100 %', () => {
    const t = translateFrom(messages('en'));
    const ratio = reasons.find((reason) => reason.code === 'ratio-major');
    if (ratio === undefined) throw new Error('no ratio-major reason in the fixture');
    const say = (value: number) => reasonText({ ...ratio, value }, t, 'en', now);
    expect(say(0.99996)).toContain('ETH at 99.99% (');
    expect(say(1.0045)).toContain('ETH at 100.45% (');
    expect(say(1.09)).toContain('ETH at 109% (');
  });

  test('other languages: figures in the locale, the registry’s notes quoted as untranslated English', () => {
    const t = translateFrom(messages('sv'));
    const share: RiskReason = { metric: 'own-token.share', code: 'own-token.share', value: 0.399, threshold: 0.25, effect: 'danger', params: { tokens: ['FTT'] } };
    expect(reasonText(share, t, 'sv', now)).toBe('39,9\u00a0% av reserverna ligger i börsens egna tokens (FTT). På eller över farogränsen 25\u00a0%.');
    const collapsed = reasons.find((reason) => reason.code === 'status.collapsed');
    expect(collapsed && reasonText(collapsed, t, 'sv', now)).toBe('Example Exchange kollapsade 10 jan. 2025: Inte översatt, på engelska: ”It stopped paying out and filed for bankruptcy.”');
  });

  test("a list of tokens is joined as the reader's language joins a list", () => {
    const share: RiskReason = { metric: 'own-token.share', code: 'own-token.share', value: 0.2, threshold: 0.1, effect: 'caution', params: { tokens: ['BNB', 'FDUSD', 'WBETH'] } };
    expect(reasonText(share, translateFrom(messages('en')), 'en', now)).toContain("the exchange's own tokens (BNB, FDUSD, and WBETH)");
    expect(reasonText(share, translateFrom(messages('de')), 'de', now)).toContain('(BNB, FDUSD und WBETH)');
    expect(reasonText(share, translateFrom(messages('tr')), 'tr', now)).toContain('(BNB, FDUSD ve WBETH)');
    expect(reasonText(share, translateFrom(messages('zh_CN')), 'zh-CN', now)).toContain('（BNB、FDUSD和WBETH）');
  });

  test('wording reasons again builds no Intl formatter: each kind is built once per locale (the exchange page waits on these words, issue 16)', () => {
    const t = translateFrom(messages('de'));
    for (const reason of reasons) reasonText(reason, t, 'de', now);
    const built = [vi.spyOn(Intl, 'NumberFormat'), vi.spyOn(Intl, 'DateTimeFormat'), vi.spyOn(Intl, 'RelativeTimeFormat'), vi.spyOn(Intl, 'ListFormat')];
    try {
      const again = reasons.map((reason) => reasonText(reason, t, 'de', now));
      expect(again).toHaveLength(reasons.length);
      for (const spy of built) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of built) spy.mockRestore();
    }
  });
});
