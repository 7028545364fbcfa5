import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reserveAddressLists } from '../chain/reserve-addresses';
import { bundledSnapshot } from '../reserves/snapshot';
import { parseReviewedFile } from './reviewed';

/**
 * A PoR `note` is shown to users (the card, the verify page, the shared text): plain words on what
 * the report covers, who attested, what is missing. How we found it (API method names, repositories,
 * commits, file names, what our stored copies hold) is for maintainers and goes in `provenance`,
 * which the feed does not carry.
 */
const MAINTAINER_MARKERS: readonly [string, RegExp][] = [
  ['a method or field name (camelCase)', /\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/],
  ['a repository', /repositor(y|ies)|\bgithub\b/i],
  ['a commit', /\bcommits?\b|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b/],
  ['a file name', /\.(zip|json|py|mdx?|csv|pdf|ya?ml)\b/i],
  ['our stored copies', /\bour (stored|copies|sources)\b|\bour copy\b(?! of the file)|\bstored (copy|copies|text|page|sources)\b|\bthe copy we read\b/i],
  // "we have not read its figures" is the user's caveat on a report dated by its file name alone.
  ['what we did not read', /\bwe did not read\b|\bnot read\b(?! its figures)/i],
  ['reposts', /\breposts?\b|\breposted\b/i],
  ['source tiers', /\btier-?[12]\b/i],
  ['a recording', /\brecorded (on|in)\b|\bendpoints?\b/i],
  ['an audit id', /\baudit id\b|\bAu\d{6,}\b/i],
  ['an ISO day', /\b\d{4}-\d{2}-\d{2}\b/],
];

function markersIn(text: string): string[] {
  return MAINTAINER_MARKERS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

const dir = join(import.meta.dirname, '../../data/por');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const parsed = parseReviewedFile(JSON.parse(readFileSync(join(dir, name), 'utf8')), name);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.file;
  });

describe('notes shown to users carry no maintainer provenance', () => {
  test('the markers catch what they are for', () => {
    expect(markersIn('as served by the public endpoints (queryTotalReserveAmount) and recorded on 5 Oct 2026 in the public repository ronfi/cex-reserves')).toEqual(
      expect.arrayContaining(['a method or field name (camelCase)', 'a repository', 'a recording']),
    );
    expect(markersIn('We did not read the PDF; por_csv_2026090800_V1.zip, commit e4fac9f')).toEqual(expect.arrayContaining(['what we did not read', 'a file name', 'a commit']));
    expect(markersIn('not found in our stored copies; seen only on reposts')).toEqual(expect.arrayContaining(['our stored copies', 'reposts']));
    expect(markersIn('Total reserve ratio 131%; BTC, ETH and USDT (including stETH and BTC-TRC20) as of 29 Sep 2026.')).toEqual([]);
  });

  test.each(files.map((file) => [file.exchange, file] as const))('%s: every report note', (_, file) => {
    for (const report of file.reports) if (report.note !== undefined) expect(markersIn(report.note), `${file.exchange} ${report.asOf}: ${report.note}`).toEqual([]);
  });

  test('the bundled snapshot and the reserve address lists', () => {
    for (const [id, reserves] of Object.entries(bundledSnapshot().exchanges)) {
      const note = reserves.por?.note;
      if (note !== undefined) expect(markersIn(note), `${id}: ${note}`).toEqual([]);
    }
    for (const list of reserveAddressLists) if (list.note !== undefined) expect(markersIn(list.note), `${list.exchangeId}: ${list.note}`).toEqual([]);
  });

  test('a note is short: a sentence or three, not the review', () => {
    for (const file of files) for (const report of file.reports) expect(report.note?.length ?? 0, `${file.exchange} ${report.asOf}`).toBeLessThanOrEqual(450);
  });

  test('a note keeps the caveats its provenance has: a file-name date and unread figures are said so; no claim rests on an unnamed review', () => {
    for (const file of files) {
      for (const report of file.reports) {
        const note = report.note ?? '';
        if (/we did not read the pdf/i.test(report.provenance ?? '')) expect(note, `${file.exchange} ${report.asOf}`).toContain('we have not read its figures');
        if (/file name's day is taken|named for/i.test(report.provenance ?? '')) expect(note, `${file.exchange} ${report.asOf}`).toContain('dated by its file name');
        expect(note, `${file.exchange} ${report.asOf}`).not.toMatch(/\ba public review\b/i);
      }
    }
  });

  test('a note claims no more than its source: a help article without figures is said as such', () => {
    const poloniex = files.find((file) => file.exchange === 'poloniex');
    expect(poloniex?.reports[0]?.note).toContain('The help article gives no figures');
    expect(poloniex?.reports[0]?.note).not.toContain('No figures are published');
  });

  test("notes say whose word and which copy: the wallet list is our copy, Gate's per-coin ratios are left out here, not hidden, the month is named", () => {
    const note = (id: string, asOf: string) => files.find((file) => file.exchange === id)?.reports.find((report) => report.asOf === asOf)?.note ?? '';
    expect(note('bitfinex', '2022-12-12')).toContain('in our copy of the file, last changed 12 Dec 2022');
    for (const report of files.find((file) => file.exchange === 'gate')?.reports ?? []) expect(report.note ?? '').not.toMatch(/are not shown/);
    expect(note('binance', '2022-11-22')).toMatch(/^Decrypt reports/);
    expect(note('mexc', '2025-11-26')).not.toContain('this month');
    expect(note('mexc', '2025-11-26')).toContain('November 2025');
  });

  test('the reserve address lists carry no provenance: it is a comment in the source, never compiled into the bundle', () => {
    for (const list of reserveAddressLists) expect(Object.keys(list), list.exchangeId).not.toContain('provenance');
  });
});
