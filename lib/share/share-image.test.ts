import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { translateFrom, type Messages } from '../words/translate-from';
import { layoutShareImage, paintShareImage, shareImageAlt, shareImageContent, SHARE_IMAGE_WIDTH, type ShareImageContext } from './share-image';
import { wrap } from './wrap-lines';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import de from '../../public/_locales/de/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { frenchSpacingProblems } from '../words/french-spacing.testkit';
import { chineseBracketProblems } from '../words/chinese-brackets.testkit';
import { reasonText } from '../words/reason-text';
import { formatDate } from '../words/format';
import { levelWords } from '../words/level-words';
import { localeTag } from '../locales';

const now = new Date('2025-11-01T00:00:00Z');
const t = translateFrom(en as Messages);

function viewOf(id: string, at = now) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no exchange ${id}`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now: at });
}

/** Text is 0.5 em wide per character: enough to exercise wrapping without a browser. */
function fakeContext() {
  const calls: { op: string; args: unknown[]; font: string; fillStyle: string }[] = [];
  const state = { font: '10px sans-serif', fillStyle: '#000000', textBaseline: 'alphabetic', textAlign: 'left' };
  const size = () => Number(/(\d+)px/.exec(state.font)?.[1] ?? 10);
  const record =
    (op: string) =>
    (...args: unknown[]) =>
      void calls.push({ op, args, font: state.font, fillStyle: state.fillStyle });
  const context = {
    get font() {
      return state.font;
    },
    set font(value: string) {
      state.font = value;
    },
    get fillStyle() {
      return state.fillStyle;
    },
    set fillStyle(value: string) {
      state.fillStyle = value;
    },
    get textBaseline() {
      return state.textBaseline;
    },
    set textBaseline(value: string) {
      state.textBaseline = value;
    },
    get textAlign() {
      return state.textAlign;
    },
    set textAlign(value: string) {
      state.textAlign = value;
    },
    measureText: (text: string) => ({ width: text.length * size() * 0.5 }),
    fillText: record('fillText'),
    fillRect: record('fillRect'),
    beginPath: record('beginPath'),
    arc: record('arc'),
    fill: record('fill'),
    roundRect: record('roundRect'),
  } as unknown as ShareImageContext;
  return { context, calls };
}

describe('shareImageContent', () => {
  test('a collapsed exchange: level, grade, the collapse with its date, and the source domains', () => {
    const view = viewOf('ftx');
    const content = shareImageContent({ view, now, t, locale: 'en-US' });
    expect(content.name).toBe('FTX');
    expect(content.level).toBe(view.verdict.level);
    expect(content.grade).toBe(view.verdict.grade);
    // As the card's chip says it: FTX's figures are gone with it, so its danger is incomplete.
    expect(content.levelLabel).toBe('Danger · incomplete');
    // FTX published no report: the day we looked is no figure's date, so no figure dates the header.
    expect(content.shared).toBe('Shared Nov 1, 2025 with Reserve Radar');
    const alert = content.sections[0]?.lines[0];
    expect(alert?.style).toBe('alert');
    expect(alert?.text).toContain('Nov 11, 2022');
    expect(content.sourceDomains.length).toBeGreaterThan(0);
    for (const domain of content.sourceDomains) expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  test('every figure carries its date: PoR ratios with their report date, on-chain total and flows with theirs', () => {
    const view = viewOf('binance');
    const content = shareImageContent({ view, now, t, locale: 'en-US' });
    const lines = content.sections.flatMap((section) => section.lines.map((line) => line.text));
    expect(view.por?.asOf).toBe('2026-04-01');
    expect(lines).toContain('Reserve ratios: BTC 100.03%');
    const okx = shareImageContent({ view: viewOf('okx'), now, t, locale: 'en-US' }).sections.flatMap((section) => section.lines.map((line) => line.text));
    expect(okx.find((line) => line.startsWith('Reserve ratios'))).toMatch(/^Reserve ratios: BTC 109%, ETH 101%, /);
    expect(lines).toContain('as of Apr 1, 2026');
    expect(lines.some((line) => line.startsWith('Total on-chain assets: $139.68B (as of Aug 10, 2026)'))).toBe(true);
    expect(lines.some((line) => line.includes('24 hours: +$4.4M') && line.endsWith('(as of Aug 10, 2026)'))).toBe(true);
  });

  test('the largest asset: dated by the breakdown it comes from; from a thin list a floor with no name; from an empty list, or a floor of nothing, unknown', () => {
    const exchange = getExchange('binance');
    if (exchange === undefined) throw new Error('no binance');
    const totals = { totalUsd: 100, cleanUsd: 95, source: 'https://api.llama.fi/cexs', asOf: '2025-10-30', breakdownSource: 'https://api.llama.fi/protocol/binance', breakdownAsOf: '2025-10-20' };
    const largest = (topTokens: { symbol: string; usd: number }[]) => {
      const view = buildExchangeView({ exchange, reserves: { onchain: { ...totals, topTokens } }, now });
      return shareImageContent({ view, now, t, locale: 'en-US' })
        .sections.flatMap((section) => section.lines.map((line) => line.text))
        .filter((line) => line.startsWith('Largest asset'));
    };
    expect(largest([{ symbol: 'BTC', usd: 60 }])).toEqual(['Largest asset (BTC): 60% (as of Oct 20, 2025)']);
    expect(largest([{ symbol: 'BTC', usd: 20 }])).toEqual(['Largest asset: at least 20% (as of Oct 20, 2025)']);
    // Nothing named, or a floor of nothing: unknown, as on the card, never left out nor 0 %.
    expect(largest([])).toEqual(['Largest asset: Unknown (as of Oct 20, 2025)']);
    expect(largest([{ symbol: 'BTC', usd: 0 }])).toEqual(['Largest asset: Unknown (as of Oct 20, 2025)']);
  });

  test('source domains are cleaned and without repeats', () => {
    const view = viewOf('binance');
    const dirty = { ...view, porUrl: 'https://www.binance.com/en/proof-of-reserves?utm_source=x&ref=abc' };
    const content = shareImageContent({ view: dirty, now, t, locale: 'en-US' });
    expect(content.sourceDomains).toContain('binance.com');
    expect(new Set(content.sourceDomains).size).toBe(content.sourceDomains.length);
    expect(content.sources).toBe(`Sources: ${content.sourceDomains.join(', ')}`);
  });

  test("the reasons are the card's lead reasons: the caution behind the verdict before what is unknown", () => {
    const later = new Date('2026-11-25T10:00:00Z');
    const view = viewOf('binance', later);
    expect(view.verdict.level).toBe('caution');
    expect(view.verdict.reasons.filter((reason) => reason.effect === 'unknown').length).toBeGreaterThan(3);
    const german = translateFrom(de as Messages);
    const content = shareImageContent({ view, now: later, t: german, locale: 'de' });
    const why = content.sections.find((section) => section.heading === german('cardWhy'));
    const ownToken = view.verdict.reasons.find((reason) => reason.code === 'own-token.share');
    expect(ownToken?.effect).toBe('caution');
    expect(why?.lines[0]?.text).toBe(`• ${reasonText(ownToken!, german, 'de', later)}`);
  });

  test('the proof-of-reserves line gives its snapshot date as the reader writes dates', () => {
    const lines = (messages: Messages, locale: string) =>
      shareImageContent({ view: viewOf('binance'), now, t: translateFrom(messages), locale }).sections.flatMap((section) => section.lines.map((line) => line.text));
    expect(lines(de as Messages, 'de')).toContain('Kryptografischer Nachweis aller Kundenguthaben (zk-Beweis), Snapshot 01.04.2026');
    expect(lines(zhCN as Messages, 'zh-CN')).toContain('涵盖客户余额的密码学证明（zk 证明），快照 2026年4月1日');
  });

  test("lists in the picture are joined as the reader's language joins them", () => {
    const later = new Date('2026-11-25T10:00:00Z');
    const sourced = shareImageContent({ view: viewOf('binance', later), now: later, t: translateFrom(zhCN as Messages), locale: 'zh-CN' });
    expect(sourced.sourceDomains.length).toBeGreaterThan(1);
    expect(sourced.sources).toContain(sourced.sourceDomains.join('、'));
    const content = shareImageContent({ view: viewOf('kraken'), now, t: translateFrom(zhCN as Messages), locale: 'zh-CN' });
    const lines = content.sections.flatMap((section) => section.lines.map((line) => line.text));
    const ratios = lines.find((line) => line.startsWith(`${translateFrom(zhCN as Messages)('reserveRatios')}：`));
    expect(ratios).toMatch(/BTC [^,]+、/);
  });

  test('Swedish words and numbers', () => {
    const content = shareImageContent({ view: viewOf('kraken'), now, t: translateFrom(sv as Messages), locale: 'sv' });
    const lines = content.sections.flatMap((section) => section.lines.map((line) => line.text));
    expect(content.shared).toBe(`Delat ${new Intl.DateTimeFormat('sv', { dateStyle: 'medium', timeZone: 'UTC' }).format(now)} med Reserve Radar · uppgifter daterade 31 mars 2025`);
    expect(lines.some((line) => /^Reservkvoter: BTC 114,9\s%/.test(line))).toBe(true);
  });

  test('French: the labels and values the picture joins keep their mark on the line, as the French messages do', () => {
    const french = translateFrom(fr as Messages);
    for (const id of ['ftx', 'kraken', 'binance']) {
      const view = viewOf(id);
      const content = shareImageContent({ view, now, t: french, locale: 'fr' });
      const texts = [content.shared, content.sources, content.footnote, ...content.sections.flatMap((section) => [section.heading ?? '', ...section.lines.map((line) => line.text)])];
      // The collapse's history is data kept in English (and said so): its own colons are English.
      const ours = texts.map((text) => (view.status.kind === 'operating' ? text : text.replace(view.status.history, 'x')));
      expect(ours.filter((text) => /\u00a0: |\u202f/.test(text)).length, id).toBeGreaterThan(1);
      for (const text of ours) expect(frenchSpacingProblems(text), `${id}: ${text}`).toEqual([]);
    }
  });
});

/** The texts a painted picture shows, in the order drawn. */
function drawnTexts(content: ReturnType<typeof shareImageContent>): string[] {
  const { context, calls } = fakeContext();
  paintShareImage(context, layoutShareImage({ context, content }).operations);
  return calls.filter((call) => call.op === 'fillText').map((call) => call.args[0] as string);
}

describe('what the picture claims: the grade as complete as it is, the dates its figures describe', () => {
  // The walk-through's day: Binance's report describes Apr 1, its on-chain figures and flows Aug 10.
  const day = new Date('2026-12-06T12:00:00Z');

  test('the chip says "incomplete" as the card\'s chip does, and the picture draws it so', () => {
    const view = viewOf('binance', day);
    expect(view.verdict).toMatchObject({ level: 'caution', incomplete: true });
    const content = shareImageContent({ view, now: day, t, locale: 'en-US' });
    expect(content.levelLabel).toBe('Caution · incomplete');
    expect(content.levelLabel).toBe(levelWords(view.verdict, t));
    expect(drawnTexts(content)).toContain('Caution · incomplete');
  });

  test("the header says the day it was shared and the span of its figures' dates, never that it was checked that day", () => {
    const content = shareImageContent({ view: viewOf('binance', day), now: day, t, locale: 'en-US' });
    expect(content.shared).toBe('Shared Dec 6, 2026 with Reserve Radar · figures dated Apr 1, 2026 to Aug 10, 2026');
    const drawn = drawnTexts(content);
    expect(drawn).toContain(content.shared);
    // "Not checked since …" in a reason is our own copy's age, said as such; nothing says the figures were checked that day.
    expect(drawn.filter((line) => /checked/i.test(line) && line.includes('Dec 6, 2026'))).toEqual([]);
  });

  test('one date when every figure shown has it; no date when none is shown', () => {
    // Kraken: its report's figures alone, all of one day.
    expect(shareImageContent({ view: viewOf('kraken', day), now: day, t, locale: 'en-US' }).shared).toBe('Shared Dec 6, 2026 with Reserve Radar · figures dated Mar 31, 2025');
    // FTX publishes no report and has no on-chain figures or flows: nothing shown is a figure.
    expect(shareImageContent({ view: viewOf('ftx', day), now: day, t, locale: 'en-US' }).shared).toBe('Shared Dec 6, 2026 with Reserve Radar');
    const exchange = getExchange('binance');
    if (exchange === undefined) throw new Error('no binance');
    const bare = buildExchangeView({ exchange, reserves: undefined, now: day });
    expect(shareImageContent({ view: bare, now: day, t, locale: 'en-US' }).shared).toBe('Shared Dec 6, 2026 with Reserve Radar');
    // A complete verdict has no qualifier to carry.
    expect(shareImageContent({ view: { ...bare, verdict: { ...bare.verdict, level: 'ok', grade: 'A', incomplete: false } }, now: day, t, locale: 'en-US' }).levelLabel).toBe(t('level_ok'));
  });

  test('in every language: the qualifier of the card, both dates as the reader writes dates, and its punctuation', () => {
    const root = join(import.meta.dirname, '../..');
    const folders = readdirSync(join(root, 'public/_locales'));
    expect(folders).toHaveLength(8);
    const view = viewOf('binance', day);
    for (const folder of folders) {
      const words = translateFrom(JSON.parse(readFileSync(join(root, 'public/_locales', folder, 'messages.json'), 'utf8')) as Messages);
      const locale = localeTag(folder);
      const content = shareImageContent({ view, now: day, t: words, locale });
      expect(content.levelLabel, folder).toBe(words('levelIncomplete', words('level_caution')));
      for (const date of ['2026-12-06', '2026-04-01', '2026-08-10']) expect(content.shared, folder).toContain(formatDate(date, locale));
      expect(content.shared, folder).not.toMatch(/\$\d/);
      if (folder === 'fr') expect(frenchSpacingProblems(content.shared)).toEqual([]);
      if (folder === 'zh_CN') expect(chineseBracketProblems(content.shared)).toEqual([]);
    }
  });
});

describe('layoutShareImage and paintShareImage', () => {
  test('every line fits the width, the essentials are drawn, and the height grows with the content', () => {
    const { context, calls } = fakeContext();
    const content = shareImageContent({ view: viewOf('binance'), now, t, locale: 'en-US' });
    const layout = layoutShareImage({ context, content });
    expect(layout.width).toBe(SHARE_IMAGE_WIDTH);
    paintShareImage(context, layout.operations);
    const texts = calls.filter((call) => call.op === 'fillText');
    for (const call of texts) {
      const [text, x] = call.args as [string, number];
      const width = text.length * Number(/(\d+)px/.exec(call.font)?.[1]) * 0.5;
      expect(x + (x > SHARE_IMAGE_WIDTH / 2 ? 0 : width), text).toBeLessThanOrEqual(SHARE_IMAGE_WIDTH - 56 + 1);
      const y = call.args[2] as number;
      expect(y).toBeLessThan(layout.height);
    }
    const drawn = texts.map((call) => call.args[0] as string).join(' ');
    for (const expected of ['Binance', content.grade, content.levelLabel, 'as of Apr 1, 2026', 'BTC 100.03%', 'Aug 10, 2026', 'Sources:']) expect(drawn).toContain(expected);
    // The background is painted first, over the whole picture.
    expect(calls[0]).toMatchObject({ op: 'fillRect', args: [0, 0, SHARE_IMAGE_WIDTH, layout.height], fillStyle: '#ffffff' });

    const shorter = layoutShareImage({ context, content: { ...content, sections: content.sections.slice(0, 1) } });
    expect(shorter.height).toBeLessThan(layout.height);
  });
});

describe('Chinese in the picture', () => {
  test("a collapse's date and a figure's date are in full-width parentheses, with no space before", () => {
    const later = new Date('2026-11-25T10:00:00Z');
    for (const id of ['ftx', 'binance']) {
      const view = viewOf(id, later);
      const content = shareImageContent({ view, now: later, t: translateFrom(zhCN as Messages), locale: 'zh-CN' });
      const texts = content.sections.flatMap((section) => section.lines.map((line) => line.text));
      const ours = texts.map((text) => (view.status.kind === 'operating' ? text : text.replace(view.status.history, 'x')));
      expect(ours.filter((text) => text.includes('\uff08')).length, id).toBeGreaterThan(0);
      for (const text of ours) expect(chineseBracketProblems(text), `${id}: ${text}`).toEqual([]);
    }
  });

  test('lines are filled, as Chinese breaks between characters, and no line starts with a closing mark', () => {
    const later = new Date('2026-11-25T10:00:00Z');
    const chinese = translateFrom(zhCN as Messages);
    // A 26 px body font: a Chinese character or full-width mark is one em, anything else about half.
    const measure = (text: string) => [...text].reduce((width, character) => width + (/[\u2e80-\u9fff\uff00-\uffef]/.test(character) ? 26 : 14), 0);
    const width = SHARE_IMAGE_WIDTH - 2 * 56 - 36;
    let wrapped = 0;
    for (const id of ['ftx', 'binance', 'kraken']) {
      const content = shareImageContent({ view: viewOf(id, later), now: later, t: chinese, locale: 'zh-CN' });
      for (const { text } of content.sections.flatMap((section) => section.lines)) {
        const lines = wrap(text, width, measure);
        if (lines.length > 1) wrapped++;
        for (const line of lines) expect(line).not.toMatch(/^[\uff0c\u3002\uff1a\uff1b\uff09\u3001\uff01\uff1f]/);
        for (const line of lines.slice(0, -1)) expect(measure(line), `${line} | ${text}`).toBeGreaterThan(0.9 * width);
      }
    }
    expect(wrapped).toBeGreaterThan(2);
  });
});

test('an exchange that publishes no proof of reserves: "No proof of reserves published" and the day we looked, no snapshot', () => {
  const at = new Date('2026-12-04T12:00:00Z');
  const content = shareImageContent({ view: viewOf('coinbase', at), now: at, t, locale: 'en' });
  const por = content.sections.find((section) => section.heading === t('cardProofOfReserves'));
  expect(por?.lines.map((line) => line.text)).toEqual(['No proof of reserves published as of Dec 4, 2026']);
  // Looked at too long ago: the label says so, with the day once, as the card says it.
  const later = new Date('2027-12-10T12:00:00Z');
  const gemini = shareImageContent({ view: viewOf('gemini', later), now: later, t, locale: 'en' }).sections.find((section) => section.heading === t('cardProofOfReserves'));
  expect(gemini?.lines.map((line) => line.text)).toEqual(['No proof of reserves found when we last checked, on Dec 4, 2026']);
});

test('"none published" beside figures: the day we looked is said in its line, and the header dates only the figures', () => {
  const at = new Date('2026-12-04T12:00:00Z');
  const exchange = getExchange('binance');
  const snapshot = bundledSnapshot().exchanges;
  if (exchange === undefined || snapshot.binance === undefined || snapshot.coinbase?.por === undefined) throw new Error('no binance or coinbase');
  // Binance's on-chain figures and flows (Aug 10, 2026) under Coinbase's "none" record (period Dec 31, 2025, looked Dec 4, 2026).
  // Without Binance's kept reports: their trend is not Coinbase's.
  const { porHistory: _, ...binance } = snapshot.binance;
  const view = buildExchangeView({ exchange, reserves: { ...binance, por: snapshot.coinbase.por }, now: at });
  const content = shareImageContent({ view, now: at, t, locale: 'en-US' });
  expect(content.shared).toBe('Shared Dec 4, 2026 with Reserve Radar · figures dated Aug 10, 2026');
  const por = content.sections.find((section) => section.heading === t('cardProofOfReserves'));
  expect(por?.lines.map((line) => line.text)).toEqual(['No proof of reserves published as of Dec 4, 2026']);
});

test('the text alternative names the grade, and no grade when there is none (never "grade ?")', () => {
  const content = { name: 'OKX', levelLabel: 'Unknown', shared: 'Shared Dec 7, 2026 with Reserve Radar' };
  expect(shareImageAlt({ ...content, grade: '?' }, t)).toBe('OKX: Unknown. Shared Dec 7, 2026 with Reserve Radar');
  expect(shareImageAlt({ ...content, levelLabel: 'Caution', grade: 'C' }, t)).toBe('OKX: Caution, grade C. Shared Dec 7, 2026 with Reserve Radar');
});
