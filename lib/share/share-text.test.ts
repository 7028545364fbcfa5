import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as v from 'valibot';
import english from '../../public/_locales/en/messages.json';
import swedish from '../../public/_locales/sv/messages.json';
import german from '../../public/_locales/de/messages.json';
import french from '../../public/_locales/fr/messages.json';
import chinese from '../../public/_locales/zh_CN/messages.json';
import { frenchSpacingProblems } from '../words/french-spacing.testkit';
import { chineseBracketProblems } from '../words/chinese-brackets.testkit';
import { chineseSentenceProblems } from '../words/chinese-sentences.testkit';
import { cleanUrl } from './summary';
import { exchanges, getExchange } from '../exchanges/registry';
import { gradeExchange } from '../risk/grade';
import { SnapshotSchema } from '../reserves/schema';
import { buildExchangeView, type ExchangeView } from '../view/exchange-view';
import { reasonText } from '../words/reason-text';
import { translateFrom } from '../words/translate-from';
import { shareText, type ShareTextParameters } from './share-text';
import { formatDate, formatPercent, formatSignedUsd, formatUsd } from '../words/format';
import { localeTag } from '../locales';
import { localeMessages } from '../../utils/locale-files.testkit';

const snapshot = v.parse(SnapshotSchema, JSON.parse(readFileSync(new URL('../../data/snapshot.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-25T10:00:00Z');
const en = translateFrom(english);
const sv = translateFrom(swedish);

/** The English card, as the tests before the move read it. */
const shareSummary = (parameters: Omit<ShareTextParameters, 't'>) => shareText({ t: en, ...parameters });

/** The day after our review of the "none" records (their `checked`), for what is said as of that day. */
const afterReview = new Date('2026-12-05T10:00:00Z');

function realCase(id: string, at = now) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no registry entry ${id}`);
  const reserves = snapshot.exchanges[id];
  return { view: buildExchangeView({ exchange, reserves, now: at }), verdict: gradeExchange({ exchange, reserves, now: at }) };
}

const URL_IN_TEXT = /https?:\/\/[^\s,()“”]+[^\s,().“”]/g;

describe('shareText', () => {
  it('states every figure of a real exchange with its date and source', () => {
    const { view, verdict } = realCase('binance');
    const { text, title, headline, links } = shareSummary({ view, verdict, now });
    expect(title).toBe('Binance on Reserve Radar');
    expect(text.split('\n')[0]).toBe('Binance: proof-of-reserves and risk card, shared Nov 25, 2026 with Reserve Radar · figures dated Apr 1, 2026 to Aug 10, 2026');
    expect(text).toContain(`Verdict: `);
    expect(text).toContain(`grade ${verdict.grade}`);
    expect(text).toMatch(
      /Proof of reserves: cryptographic proof of all customer balances \(zk proof\), published monthly, balances taken Apr 1, 2026 \(as of Apr 1, 2026, we last checked on May 5, 2026, https:\/\/www\.binance\.com\/en\/proof-of-reserves\)/,
    );
    expect(text).toContain('Reserve ratios: BTC 100.03%');
    // OKX publishes whole percents: the text writes them whole, never "109.00%".
    expect(shareSummary({ ...realCase('okx'), now }).text).toContain('Reserve ratios: BTC 109%, DOGE 101%, ETH 101%, OKB 100%');
    expect(text).toContain("On-chain assets: $139.68B total, $118.72B without the exchange's own tokens (as of Aug 10, 2026, https://api.llama.fi/cexs");
    expect(text).toContain('Net flows (positive = onto the exchange): 24 h +$4.4M, 7 days +$475.61M, 30 days +$175.78M (as of Aug 10, 2026');
    expect(text).toContain('Check your own balance: https://github.com/binance/zkmerkle-proof-of-solvency');
    // Uncut: the headline ends with the day it is shared and its source link, whole.
    expect(headline.endsWith(' · shared Nov 25, 2026 https://www.binance.com/en/proof-of-reserves')).toBe(true);
    expect(headline).toMatch(
      /^Binance · grade . \(.+\) · PoR: cryptographic proof of all customer balances \(zk proof\), as of Apr 1, 2026, we last checked on May 5, 2026 · shared Nov 25, 2026 https:\/\//,
    );
    // Every link in the text is listed, and every listed link is clean.
    for (const url of text.match(URL_IN_TEXT) ?? []) expect(links).toContain(url);
    for (const url of links) expect(cleanUrl(url)).toBe(url);
  });

  it('an exchange that publishes no proof of reserves: "none published", with the day we looked and the source; no balances taken', () => {
    const coinbase = realCase('coinbase', afterReview);
    const { text, headline } = shareSummary({ ...coinbase, now: afterReview });
    expect(text).toContain('Proof of reserves: none published as of Dec 4, 2026 (https://www.sec.gov/Archives/edgar/data/1679788/000167978826000015/R94.htm)');
    expect(text).not.toMatch(/balances taken|no proof of reserves, published quarterly/);
    // The reason for "none" is dated by the day we looked, not by the filing that is its source (Dec 31, 2025).
    expect(text).toMatch(/- Proof-of-reserves method: no proof of reserves .*\(as of Dec 4, 2026, https:\/\/www\.sec\.gov\//);
    expect(text).not.toContain('Dec 31, 2025');
    expect(headline).toMatch(/ · PoR: none published as of Dec 4, 2026 · shared Dec 5, 2026 /);
    // The day we looked is no figure's date: with no figure shown, the heading names no figure dates.
    expect(text.split('\n')[0]).toBe('Coinbase: proof-of-reserves and risk card, shared Dec 5, 2026 with Reserve Radar');
    // Looked at over a year ago: the day is ours, said as ours, as the card and the reasons say it.
    const gemini = realCase('gemini', new Date('2027-12-10T10:00:00Z'));
    expect(shareSummary({ ...gemini, now: new Date('2027-12-10T10:00:00Z') }).text).toContain('Proof of reserves: none found when we last checked, on Dec 4, 2026 (https://www.sec.gov/');
    const zh = shareText({ ...coinbase, now: afterReview, t: translateFrom(chinese), locale: 'zh-CN' }).text;
    expect(zh).toContain(`储备金证明：截至 ${formatDate('2026-12-04', 'zh-CN')} 未发布 https://www.sec.gov/`);
  });

  it('"none published" beside figures: the heading dates the figures, not the day we looked', () => {
    const exchange = getExchange('binance');
    const { binance, coinbase } = snapshot.exchanges;
    if (exchange === undefined || binance === undefined || coinbase?.por === undefined) throw new Error('no binance or coinbase');
    // Binance's on-chain figures and flows (Aug 10, 2026) under Coinbase's "none" record (period Dec 31, 2025, looked Dec 4, 2026).
    const reserves = { ...binance, por: coinbase.por };
    const { text } = shareSummary({ view: buildExchangeView({ exchange, reserves, now: afterReview }), verdict: gradeExchange({ exchange, reserves, now: afterReview }), now: afterReview });
    expect(text.split('\n')[0]).toBe('Binance: proof-of-reserves and risk card, shared Dec 5, 2026 with Reserve Radar · figures dated Aug 10, 2026');
    expect(text).toContain('Proof of reserves: none published as of Dec 4, 2026 (https://www.sec.gov/');
  });

  it("lists the cause of the verdict first, in the card's order: danger and caution before what is unknown", () => {
    const { view, verdict } = realCase('binance');
    const de = translateFrom(german);
    const { text } = shareText({ view, verdict, now, t: de, locale: 'de-DE' });
    const cautions = verdict.reasons.filter((reason) => reason.effect === 'caution' || reason.effect === 'danger');
    const unknowns = verdict.reasons.filter((reason) => reason.effect === 'unknown');
    // Binance at this moment: Caution for its own token, and several unknowns (the missing breakdown is one of them).
    expect(verdict.level).toBe('caution');
    expect(cautions.map((reason) => reason.code)).toContain('own-token.share');
    expect(unknowns.length).toBeGreaterThanOrEqual(3);
    const lineOf = (reason: (typeof verdict.reasons)[number]) => text.indexOf(`- ${reasonText(reason, de, 'de-DE', now)}`);
    for (const reason of cautions) {
      expect(lineOf(reason)).toBeGreaterThan(0);
      for (const unknown of unknowns) if (lineOf(unknown) >= 0) expect(lineOf(reason)).toBeLessThan(lineOf(unknown));
    }
    expect(text).toContain('- 15\u00a0% der Reserven liegen in eigenen Token der Börse (BNB).');
  });

  it('gives a collapsed exchange its date, history and source', () => {
    const { view, verdict } = realCase('ftx');
    const { text, headline } = shareSummary({ view, verdict, now });
    // FTX's figures are gone with it: the status alone is danger, and the verdict says it is incomplete.
    expect(verdict).toMatchObject({ level: 'danger', incomplete: true });
    expect(text).toContain('Verdict: danger, incomplete (some figures missing or out of date), grade F');
    expect(text).toContain('Status: collapsed on Nov 11, 2022. After a run on deposits');
    expect(text).toContain('https://time.com/6232772/ftx-goes-bankrupt/');
    expect(text).toMatch(/Incidents:\n- Nov 11, 2022 insolvency: FTX Group/);
    expect(headline).toMatch(/^FTX · grade F \(danger · incomplete\) · collapsed Nov 11, 2022 · shared Nov 25, 2026 https:\/\/time\.com\//);
  });

  it('French: every label and value it joins keeps the mark on the line of its word, as the French messages do', () => {
    const fr = translateFrom(french);
    for (const id of ['ftx', 'binance', 'kraken']) {
      const { view, verdict } = realCase(id);
      const { text, headline } = shareText({ view, verdict, now, t: fr, locale: 'fr' });
      // The data's English (a history, an incident's summary, a note) is quoted as English, its colons English too.
      const english = [view.status.kind === 'operating' ? '' : view.status.history, view.por?.note ?? '', ...view.incidents.map((incident) => incident.summary)].filter((part) => part !== '');
      const quoted = english.reduce((rest, part) => rest.split(part.replace(/\s+/g, ' ').trim()).join('x'), `${text}\n${headline}`);
      // The grade "?" (not graded) is a symbol in a letter's place, not a question mark.
      const ours = verdict.grade === '?' ? quoted.replace(/ \?(?=\s|$)/g, ' X') : quoted;
      for (const line of ours.split('\n')) expect(frenchSpacingProblems(line), `${id}: ${line}`).toEqual([]);
    }
    expect(shareText({ ...realCase('ftx'), now, t: fr, locale: 'fr' }).text).toMatch(/\n- 11 nov\. 2022 insolvabilité\u00a0: Non traduit/);
  });

  it("Chinese: a figure's date and source in full-width parentheses, every part joined by a full-width comma", () => {
    const zh = translateFrom(chinese);
    for (const id of ['ftx', 'binance', 'kraken']) {
      const { view, verdict } = realCase(id);
      const { text } = shareText({ view, verdict, now, t: zh, locale: 'zh-CN' });
      // The data's English (a history, an incident's summary, a note) is quoted as English, its parentheses English too.
      const english = [view.status.kind === 'operating' ? '' : view.status.history, view.por?.note ?? '', ...view.incidents.map((incident) => incident.summary)].filter((part) => part !== '');
      const ours = english.reduce((rest, part) => rest.split(part.replace(/\s+/g, ' ').trim()).join('x'), text);
      for (const line of ours.split('\n')) expect(chineseBracketProblems(line), `${id}: ${line}`).toEqual([]);
      // Parts it joins are joined by the full-width comma.
      expect(ours).not.toContain(', ');
    }
    expect(shareText({ ...realCase('binance'), now, t: zh, locale: 'zh-CN' }).text).toMatch(/\uff08[^\uff08\uff09]+\uff09 https:\/\/\S+\n/);
  });

  it('Chinese: no line puts a space after a full-width mark, save before a link; the status is followed directly by its history', () => {
    const zh = translateFrom(chinese);
    for (const id of ['ftx', 'mt-gox', 'celsius', 'binance', 'okx', 'bybit', 'kraken']) {
      const { text } = shareText({ ...realCase(id), now, t: zh, locale: 'zh-CN' });
      for (const line of text.split('\n')) expect(chineseSentenceProblems(line), `${id}: ${line}`).toEqual([]);
    }
    expect(shareText({ ...realCase('ftx'), now, t: zh, locale: 'zh-CN' }).text).toMatch(/\n状态：于 [^\n]+崩盘。未翻译/);
  });

  it('Chinese: links are the links in the text, and no link touches a full-width mark another app would take into it', () => {
    const zh = translateFrom(chinese);
    for (const id of ['ftx', 'binance', 'kraken']) {
      const { view, verdict } = realCase(id);
      const { text, links } = shareText({ view, verdict, now, t: zh, locale: 'zh-CN' });
      expect(links.length).toBeGreaterThan(0);
      for (const url of text.match(URL_IN_TEXT) ?? []) expect(links).toContain(url);
      for (const url of links) expect(cleanUrl(url)).toBe(url);
      // A link ends at a space or a line's end, as linkers that run to the next space need.
      expect(text).not.toMatch(/https?:\/\/\S*[\u3000-\u303f\uff00-\uffef]/);
    }
  });

  it('Chinese: every link starts after a space or at the start of its line, for apps that link only a link set apart', () => {
    const zh = translateFrom(chinese);
    for (const { id } of exchanges) {
      if (snapshot.exchanges[id] === undefined) continue;
      const { view, verdict } = realCase(id);
      const { text, headline } = shareText({ view, verdict, now, t: zh, locale: 'zh-CN' });
      const glued = [...`${text}\n${headline}`.matchAll(/(?<!\s|^)https?:\/\//gm)].map(({ index, input }) => input.slice(Math.max(0, index - 12), index + 12));
      expect(glued, id).toEqual([]);
    }
  });

  it('a link in free text ends at a full-width mark', () => {
    const { view, verdict } = realCase('binance');
    if (view.por === undefined) throw new Error('binance has a proof of reserves');
    const noted: ExchangeView = { ...view, por: { ...view.por, note: '见 https://example.com/page）。又见（https://example.org/a，https://example.net/b、完' } };
    const { links } = shareText({ view: noted, verdict, now, t: translateFrom(chinese), locale: 'zh-CN' });
    expect(links).toEqual(expect.arrayContaining(['https://example.com/page', 'https://example.org/a', 'https://example.net/b']));
    for (const url of links) expect(url).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
  });

  it('strips tracking parameters from every link it shares', () => {
    const { view, verdict } = realCase('binance');
    const tracked: ExchangeView = {
      ...view,
      porUrl: 'https://www.binance.com/en/proof-of-reserves?utm_source=twitter&ref=ABC123',
      incidents: [{ kind: 'hack', date: '2019-05-07', summary: 'Test incident.', source: 'https://example.org/news?id=9&fbclid=xyz&gclid=1' }],
      ...(view.por === undefined ? {} : { por: { ...view.por, source: `${view.por.source}?utm_medium=social` } }),
    };
    const { text, links, headline } = shareSummary({ view: tracked, verdict, now });
    expect(text).not.toMatch(/utm_|fbclid|gclid|ref=/);
    expect(headline).not.toMatch(/utm_|fbclid|gclid|ref=/);
    expect(text).toContain('https://www.binance.com/en/proof-of-reserves\n');
    expect(links).toContain('https://example.org/news?id=9');
  });

  it('cleans links that sit inside free text, such as a report note', () => {
    const { view, verdict } = realCase('kraken');
    const noted: ExchangeView = {
      ...view,
      ...(view.por === undefined ? {} : { por: { ...view.por, note: 'Per the announcement (https://example.org/post?utm_source=x&id=1&fbclid=y).' } }),
    };
    const { text, links } = shareSummary({ view: noted, verdict, now });
    expect(text).toContain('Note: Per the announcement (https://example.org/post?id=1).');
    expect(links).toContain('https://example.org/post?id=1');
    expect(text).not.toMatch(/utm_|fbclid/);
  });

  it('says unknown for what is not known and leaves a non-web link out', () => {
    const exchange = getExchange('binance')!;
    const view: ExchangeView = { ...buildExchangeView({ exchange, reserves: undefined, now }), porUrl: 'javascript:alert(1)' };
    const { text, links, headline } = shareSummary({ view, now });
    expect(text).toContain('Proof of reserves: unknown (no report on record)');
    // The view's own verdict is used when none is passed; with no reserves it cannot vouch for
    // anything: every figure, the flows included, is missing, so the verdict is unknown.
    // No grade, so none is named: a stray "?" means nothing away from the card.
    expect(text.split('\n')).toContain('Verdict: unknown (figures missing or out of date)');
    expect(text).not.toContain('grade');
    expect(text).not.toContain('javascript');
    // As the card's sections say "Unknown": said so, with no figure made up, rather than left out.
    expect(text.split('\n')).toEqual(expect.arrayContaining(['On-chain assets: unknown', 'Net flows: unknown']));
    expect(headline).toBe('Binance · unknown · PoR: unknown · shared Nov 25, 2026');
    expect(links.every((url) => url.startsWith('https://'))).toBe(true);
  });

  it('says incomplete beside the level only when a figure is missing, and unknown alone when nothing else is known', () => {
    const exchange = getExchange('binance')!;
    const view = buildExchangeView({ exchange, reserves: undefined, now });
    const reasons = [{ metric: 'por', code: 'por.missing' as const, effect: 'unknown' as const }];
    const say = (verdict: NonNullable<Parameters<typeof shareSummary>[0]['verdict']>) => shareSummary({ view, verdict, now });
    const danger = say({ level: 'danger', grade: 'F', incomplete: true, reasons });
    expect(danger.text).toContain('Verdict: danger, incomplete (some figures missing or out of date), grade F');
    expect(danger.headline).toContain('grade F (danger · incomplete)');
    const caution = say({ level: 'caution', grade: 'D', incomplete: true, reasons });
    expect(caution.text).toContain('Verdict: caution, incomplete (some figures missing or out of date), grade D');
    expect(caution.headline).toContain('grade D (caution · incomplete)');
    const complete = say({ level: 'caution', grade: 'C', incomplete: false, reasons: [] });
    expect(complete.text).toContain('Verdict: caution, grade C');
    expect(complete.text).not.toContain('incomplete');
    expect(complete.headline).toContain('grade C (caution)');
    const unknown = say({ level: 'unknown', grade: '?', incomplete: true, reasons });
    expect(unknown.text.split('\n')).toContain('Verdict: unknown (figures missing or out of date)');
    expect(unknown.headline).not.toContain('grade');
  });

  it('writes every figure as the card does and every date as the reader writes dates, in every language', () => {
    const folders = readdirSync(new URL('../../public/_locales/', import.meta.url));
    expect(folders).toHaveLength(8);
    for (const folder of folders) {
      const t = translateFrom(localeMessages(folder));
      const locale = localeTag(folder);
      const { view, verdict } = realCase('binance');
      const { text } = shareText({ view, verdict, now, t, locale });
      const { por, onchain, flows } = view;
      if (por === undefined || onchain === undefined || flows?.net24hUsd === undefined) throw new Error('binance has a report, on-chain figures and flows');
      // The card's formatters (components/ExchangeCard.tsx): the same figure reads the same in the card, its text and its picture.
      for (const figure of [formatUsd(onchain.totalUsd, locale), formatSignedUsd(flows.net24hUsd, locale), formatPercent(por.reserveRatios?.BTC ?? 0, locale, 2)])
        expect(text, folder).toContain(figure);
      expect(text, folder).toContain(t('shareText_asOf', formatDate(por.asOf, locale)));
      // The header: the day it is shared, then the dates its figures describe, oldest first.
      const header = text.split('\n')[0] ?? '';
      const dates = [now.toISOString(), por.asOf, onchain.asOf].map((date) => header.indexOf(formatDate(date, locale)));
      expect(dates.every((at) => at >= 0) && dates[0]! < dates[1]! && dates[1]! < dates[2]!, `${folder}: ${header}`).toBe(true);
      for (const id of Object.keys(snapshot.exchanges)) {
        if (getExchange(id) === undefined) continue;
        const other = realCase(id);
        const shared = shareText({ ...other, now, t, locale });
        // No ISO day in the reader's sentences; a link keeps what it has, and the data's English notes are quoted as written.
        const notes = [other.view.status.kind === 'operating' ? '' : other.view.status.history, other.view.por?.note ?? '', ...other.view.incidents.map((incident) => incident.summary)];
        const ours = notes.filter((note) => note !== '').reduce((rest, note) => rest.split(note.replace(/\s+/g, ' ').trim()).join('x'), `${shared.text}\n${shared.headline}`);
        const prose = ours.replace(/https?:\/\/\S+/g, '');
        expect(prose, `${folder} ${id}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
  });

  it('formats numbers in the given locale and falls back on a bad tag', () => {
    const { view } = realCase('binance');
    const german = shareSummary({ view, now, locale: 'de-DE' }).text;
    expect(german).toMatch(/BTC 100,03\s%/);
    const fallback = shareSummary({ view, now, locale: 'not a locale!!' }).text;
    expect(fallback).toContain('BTC 100.03%');
  });

  it('is the same text for the same inputs, for every exchange in the snapshot', () => {
    for (const id of Object.keys(snapshot.exchanges)) {
      if (getExchange(id) === undefined) continue;
      const { view, verdict } = realCase(id);
      const first = shareSummary({ view, verdict, now });
      expect(shareSummary({ view: structuredClone(view), verdict: structuredClone(verdict), now })).toEqual(first);
      // Uncut: every headline keeps the day it is shared and ends with its whole source link (headline-link.test.ts checks every language).
      expect(first.headline).toMatch(/ · shared Nov 25, 2026 https:\/\/\S+$/);
      expect(first.links).toContain(first.headline.split(' ').at(-1));
      for (const url of first.text.match(URL_IN_TEXT) ?? []) expect(first.links).toContain(url);
      for (const url of first.links) expect(cleanUrl(url)).toBe(url);
    }
  });

  it("speaks Swedish, keeps the data's English notes quoted and said to be untranslated, and words the reasons from their facts", () => {
    const { view, verdict } = realCase('ftx', afterReview);
    const { text, title, headline } = shareText({ view, verdict, now: afterReview, t: sv, locale: 'sv' });
    expect(title).toBe('FTX på Reserve Radar');
    // FTX published no report and has no figure shown, so the heading names no figure dates.
    expect(text.split('\n')[0]).toBe('FTX: reservbevis och riskkort, delat 5 dec. 2026 med Reserve Radar');
    expect(text).toContain('Reservbevis: inget publicerat per 4 dec. 2026 (https://time.com/6232772/ftx-goes-bankrupt/)');
    expect(text).toContain('Bedömning: fara, ofullständig (vissa uppgifter saknas eller är inaktuella), betyg F');
    const history = view.status.kind === 'operating' ? '' : view.status.history;
    expect(text).toContain(`Status: kollapsade 11 nov. 2022. Inte översatt, på engelska: ”${history}” (https://time.com/6232772/ftx-goes-bankrupt/)`);
    expect(text).toMatch(/Händelser:\n- 11 nov\. 2022 insolvens: Inte översatt, på engelska: ”FTX Group/);
    // No reason is in English: each is worded from the Swedish messages.
    for (const reason of verdict.reasons) if (reason.effect !== 'ok') expect(text).not.toContain(reasonText(reason, en, 'en', now));
    expect(headline).toMatch(/^FTX · betyg F \(fara · ofullständig\) · kollapsade 11 nov\. 2022 · delat 5 dec\. 2026 https:\/\/time\.com\//);
    expect(text).toContain('Uppgifterna är som de publicerats av de länkade källorna');
  });
});

describe('an operating exchange', () => {
  it('the status line claims only what our list records, never that the exchange operates today', () => {
    const text = shareSummary({ ...realCase('binance'), now }).text;
    expect(text).not.toContain('Status: operating');
    expect(text).toContain('Status: Reserve Radar’s list, last reviewed on Dec 4, 2026, records no closure or collapse');
  });
});
