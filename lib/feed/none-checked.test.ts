import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReviewedFile } from './reviewed';

/**
 * A "none" record is said as "no proof of reserves published as of <checked>", so its `checked` must
 * be the day we looked (data/por/README.md), never a source's date: not earlier than any day its
 * reports, notes, provenance or source addresses mention, and after the period each report covers.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const month = (name: string): string => String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/** The earliest day each date in the text can stand for: "late 2022" counts from 1 Jan 2022. */
function mentionedDays(text: string): string[] {
  const days: string[] = [];
  for (const m of text.matchAll(/\b(\d{4})[-/](\d{2})[-/](\d{2})\b/g)) days.push(`${m[1]}-${m[2]}-${m[3]}`);
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2}) ${MONTH_WORD} (\\d{4})\\b`, 'gi'))) {
    days.push(`${m[3]}-${month(m[2] as string)}-${(m[1] as string).padStart(2, '0')}`);
  }
  for (const m of text.matchAll(new RegExp(`\\b${MONTH_WORD} (\\d{4})\\b`, 'gi'))) days.push(`${m[2]}-${month(m[1] as string)}-01`);
  for (const m of text.matchAll(/\b(19|20)(\d{2})\b/g)) days.push(`${m[1]}${m[2]}-01-01`);
  return days;
}

const dir = join(import.meta.dirname, '../../data/por');
const noneFiles = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const parsed = parseReviewedFile(JSON.parse(readFileSync(join(dir, name), 'utf8')), name);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.file;
  })
  .filter((file) => file.method === 'none');

describe('a "none" record is checked on the day we looked', () => {
  test('reads the days a text mentions', () => {
    const days = mentionedDays('a blog post from about late 2022, a check on 24 May 2014 (see /2023/03/01/), September 2025');
    expect(days).toEqual(expect.arrayContaining(['2014-05-24', '2022-01-01', '2023-03-01', '2025-09-01']));
  });

  test.each(noneFiles.map((file) => [file.exchange, file] as const))('%s', (_, file) => {
    expect(file.reports.length).toBeGreaterThan(0);
    for (const report of file.reports) {
      const texts = [report.note ?? '', report.provenance ?? '', report.source, report.published ?? ''];
      const latest = [report.asOf, ...texts.flatMap(mentionedDays)].sort().at(-1) ?? report.asOf;
      expect(file.checked >= latest, `checked ${file.checked} is before ${latest}, a day the report of ${report.asOf} mentions`).toBe(true);
      expect(file.checked > report.asOf, `checked ${file.checked} is not after the period the report of ${report.asOf} covers`).toBe(true);
    }
  });
});
