import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { badgeTitleText } from '../words/badge-title';
import { translateFrom } from '../words/translate-from';
import { type Badge, badgeFor, badgeMeaning, badgeOf, LEVEL_COLORS } from './badge';
import { buildExchangeView } from './exchange-view';
import { localeMessages } from '../../utils/locale-files.testkit';

const now = new Date('2026-11-25T12:00:00Z');

function exchangeState(id: string, reserves: Parameters<typeof buildExchangeView>[0]['reserves']) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return { kind: 'exchange' as const, host: exchange.domains[0] ?? '', view: buildExchangeView({ exchange, reserves, now }) };
}

const lookalike = {
  kind: 'lookalike' as const,
  host: 'binance-login.com',
  explanation: { code: 'tld-swap' as const, host: 'binance-login.com', brand: 'binance' },
  imitates: { id: 'binance', name: 'Binance', domain: 'binance.com', domains: ['binance.com'] },
};

const alert = {
  exchangeId: 'kraken',
  name: 'Kraken',
  phase: 'alert' as const,
  level: 'alert' as const,
  cause: 'outflow' as const,
  active: true,
  reasons: [],
  incomplete: false,
  sources: [],
  computedAt: now.toISOString(),
};

const kraken = exchangeState('kraken', undefined);
function withVerdict(verdict: Partial<typeof kraken.view.verdict>) {
  return { ...kraken, view: { ...kraken.view, verdict: { ...kraken.view.verdict, ...verdict } } };
}

describe('badgeFor', () => {
  test('never looks good without data: nothing known is "?", and known cautions with a figure missing show their grade marked "?"', () => {
    // No data at all: every figure is missing, and a missing figure is unknown, never caution or ok.
    const state = exchangeState('kraken', undefined);
    expect(state.view.verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(badgeFor(state)).toEqual({ text: '?', color: LEVEL_COLORS.unknown });
    // Two real cautions (a wallet-list PoR, 20 % in SHIB) and no flow figures: the caution the known figures show, incomplete.
    const cautious = exchangeState('kraken', {
      por: { method: 'wallet-list', cadence: 'monthly', liabilitiesIncluded: false, source: 'https://www.kraken.com/proof-of-reserves', asOf: '2026-11-01' },
      onchain: {
        totalUsd: 1000,
        cleanUsd: 1000,
        topTokens: [
          { symbol: 'BTC', usd: 500 },
          { symbol: 'SHIB', usd: 200 },
          { symbol: 'ETH', usd: 200 },
          { symbol: 'USDT', usd: 100 },
        ],
        source: 'https://defillama.com/cex/kraken',
        asOf: '2026-11-24',
      },
    });
    expect(cautious.view.verdict).toMatchObject({ level: 'caution', grade: 'D', incomplete: true });
    expect(badgeFor(cautious)).toEqual({ text: 'D?', color: LEVEL_COLORS.caution });
  });

  test('marks a collapsed exchange as danger whatever its data, complete or not', () => {
    const state = exchangeState('ftx', undefined);
    expect(state.view.verdict.incomplete).toBe(true);
    expect(badgeFor(state)).toEqual({ text: 'F', color: LEVEL_COLORS.danger });
  });

  test('what the badge means, for its tooltip: no grade where it shows "?", the run alert over the grade, nothing where it is cleared', () => {
    expect(badgeMeaning({ kind: 'not-exchange' })).toBeUndefined();
    expect(badgeMeaning(lookalike)).toEqual({ kind: 'lookalike', imitates: 'Binance' });
    expect(badgeMeaning(withVerdict({ level: 'caution', grade: 'C', incomplete: true }))).toEqual({ kind: 'verdict', exchange: 'Kraken', level: 'caution', grade: 'C', incomplete: true });
    expect(badgeMeaning(withVerdict({ level: 'danger', grade: 'F', incomplete: true }))).toEqual({ kind: 'verdict', exchange: 'Kraken', level: 'danger', grade: 'F', incomplete: true });
    expect(badgeMeaning(withVerdict({ level: 'ok', grade: 'B', incomplete: false }))).toEqual({ kind: 'verdict', exchange: 'Kraken', level: 'ok', grade: 'B', incomplete: false });
    expect(badgeMeaning(withVerdict({ level: 'unknown', grade: '?', incomplete: true }))).toEqual({ kind: 'verdict', exchange: 'Kraken', level: 'unknown', incomplete: false });
    expect(badgeMeaning(withVerdict({ level: 'ok', grade: 'A', incomplete: true }))).toEqual({ kind: 'verdict', exchange: 'Kraken', level: 'unknown', incomplete: false });
    expect(badgeMeaning({ ...kraken, view: { ...kraken.view, runAlert: alert } })).toEqual({ kind: 'run-alert', exchange: 'Kraken', cause: 'outflow' });
    expect(badgeMeaning({ ...kraken, view: { ...kraken.view, runAlert: { ...alert, cause: 'warning-list' } } })).toEqual({ kind: 'run-alert', exchange: 'Kraken', cause: 'warning-list' });
  });

  test('an unknown verdict shows a grey "?" whatever grade it carries: the grade model gives unknown only "?", the badge does not rely on it', () => {
    for (const grade of ['A', 'B', 'C', 'D', 'F', '?'] as const) {
      for (const incomplete of [true, false]) {
        expect(badgeFor(withVerdict({ level: 'unknown', grade, incomplete })), `${grade}${incomplete ? ' incomplete' : ''}`).toEqual({ text: '?', color: LEVEL_COLORS.unknown });
      }
    }
  });
});

/** Every verdict the grade model gives (lib/risk/grade.ts: each level with its grades), complete and not. */
const VERDICTS = [
  { level: 'ok', grade: 'A' },
  { level: 'ok', grade: 'B' },
  { level: 'caution', grade: 'C' },
  { level: 'caution', grade: 'D' },
  { level: 'danger', grade: 'F' },
  { level: 'unknown', grade: '?' },
] as const;

/** The badge each of them shows, complete then incomplete: the letter, "?" marking a caution incomplete, and an incomplete ok shown as unknown. */
const SHOWN: { [V in (typeof VERDICTS)[number] as `${V['level']}/${V['grade']}`]: readonly [Badge, Badge] } = {
  'ok/A': [
    { text: 'A', color: LEVEL_COLORS.ok },
    { text: '?', color: LEVEL_COLORS.unknown },
  ],
  'ok/B': [
    { text: 'B', color: LEVEL_COLORS.ok },
    { text: '?', color: LEVEL_COLORS.unknown },
  ],
  'caution/C': [
    { text: 'C', color: LEVEL_COLORS.caution },
    { text: 'C?', color: LEVEL_COLORS.caution },
  ],
  'caution/D': [
    { text: 'D', color: LEVEL_COLORS.caution },
    { text: 'D?', color: LEVEL_COLORS.caution },
  ],
  'danger/F': [
    { text: 'F', color: LEVEL_COLORS.danger },
    { text: 'F', color: LEVEL_COLORS.danger },
  ],
  'unknown/?': [
    { text: '?', color: LEVEL_COLORS.unknown },
    { text: '?', color: LEVEL_COLORS.unknown },
  ],
};

describe('the badge for every kind of tab', () => {
  const base = kraken;
  const cases = VERDICTS.flatMap(({ level, grade }) =>
    [false, true].map((incomplete) => ({
      name: `${level}/${grade}${incomplete ? ' incomplete' : ''}`,
      verdict: { ...base.view.verdict, level, grade, incomplete },
      // tsc holds SHOWN to exactly one entry per verdict; the pair's link is lost in the destructuring.
      shown: SHOWN[`${level}/${grade}` as keyof typeof SHOWN][Number(incomplete)],
    })),
  );

  test('off exchanges nothing, on a lookalike a red "!"', () => {
    expect(badgeFor({ kind: 'not-exchange' })).toEqual({ text: '', color: LEVEL_COLORS.unknown });
    expect(badgeFor(lookalike)).toEqual({ text: '!', color: LEVEL_COLORS.danger });
  });

  test.each(cases)('$name: its own badge; under a run alert that is on, a red "!"; under a snoozed one, its own again', ({ verdict, shown }) => {
    expect(shown).toBeDefined();
    const state = { ...base, view: { ...base.view, verdict } };
    expect(badgeFor(state)).toEqual(shown);
    expect(badgeFor({ ...state, view: { ...state.view, runAlert: alert } })).toEqual({ text: '!', color: LEVEL_COLORS.danger });
    expect(badgeFor({ ...state, view: { ...state.view, runAlert: { ...alert, active: false, snoozedUntil: now.toISOString() } } })).toEqual(shown);
  });

  test('the tooltip explains the badge beside it: the letter it shows named as the grade, a "?" after it said as incomplete, no grade named for a lone "?"', () => {
    const t = translateFrom(localeMessages('en'));
    for (const { name, verdict } of cases) {
      const meaning = badgeMeaning({ ...base, view: { ...base.view, verdict } });
      if (meaning === undefined) throw new Error(`no meaning for ${name}`);
      const { text } = badgeOf(meaning);
      const title = badgeTitleText(meaning, t);
      const letter = text.replace('?', '');
      if (letter === '') expect(title, name).toBe('Reserve Radar: Kraken, Unknown');
      else expect(title, name).toContain(`grade ${letter},`);
      // "C?"/"D?", and an incomplete F, say "incomplete"; a complete verdict and a lone "?" never do.
      expect(title.includes('· incomplete'), name).toBe(verdict.incomplete && (verdict.level === 'caution' || verdict.level === 'danger'));
    }
    expect(badgeTitleText({ kind: 'lookalike', imitates: 'Binance' }, t)).toContain('Binance');
    expect(badgeOf({ kind: 'lookalike', imitates: 'Binance' })).toEqual({ text: '!', color: LEVEL_COLORS.danger });
  });
});
