import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { SnapshotSchema } from '../reserves/schema';
import { buildExchangeView } from '../view/exchange-view';
import { chineseSentenceProblems } from '../words/chinese-sentences.testkit';
import { formatDate } from '../words/format';
import { frenchSpacingProblems } from '../words/french-spacing.testkit';
import { translateFrom } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';
import { localeMessages } from '../../utils/locale-files.testkit';

const snapshot = v.parse(SnapshotSchema, JSON.parse(readFileSync(new URL('../../data/snapshot.json', import.meta.url), 'utf8')));
const LOCALES = [
  ['en', 'en'],
  ['de', 'de'],
  ['es', 'es'],
  ['fr', 'fr'],
  ['pt_BR', 'pt-BR'],
  ['sv', 'sv'],
  ['tr', 'tr'],
  ['zh_CN', 'zh-CN'],
] as const;
const words = (folder: string) => translateFrom(localeMessages(folder));
// Shared months after the review: the line must carry the day the entry's status was checked, not the day it is shared.
const now = new Date('2027-03-15T10:00:00Z');
const exchange = getExchange('binance')!;
const view = buildExchangeView({ exchange, reserves: snapshot.exchanges.binance, now });
const statusLine = (text: string, label: string) => text.split('\n').find((line) => line.startsWith(label)) ?? '';

describe('the shared status line of an operating exchange', () => {
  it.each(LOCALES)('%s: says the day our list was last checked, not the day it is shared', (folder, locale) => {
    const t = words(folder);
    const label = t('shareText_statusOperating', '').split(/[:：]/)[0]!;
    const line = statusLine(shareText({ view, now, t, locale }).text, label);
    expect(line).not.toBe('');
    expect(line).toContain(formatDate(exchange.status.checkedOn, locale));
    expect(line).not.toContain(formatDate(now.toISOString().slice(0, 10), locale));
    if (folder === 'fr') expect(frenchSpacingProblems(line)).toEqual([]);
    if (folder === 'zh_CN') expect(chineseSentenceProblems(line)).toEqual([]);
  });

  it('English words', () => {
    const line = statusLine(shareText({ view, now, t: words('en'), locale: 'en' }).text, 'Status');
    expect(line).toBe('Status: Reserve Radar’s list, last reviewed on Dec 4, 2026, records no closure or collapse');
  });

  it('bybit-eu’s share status line says its own day', () => {
    const bybitEu = getExchange('bybit-eu')!;
    const euView = buildExchangeView({ exchange: bybitEu, reserves: snapshot.exchanges['bybit-eu'], now });
    const line = statusLine(shareText({ view: euView, now, t: words('en'), locale: 'en' }).text, 'Status');
    expect(line).toBe('Status: Reserve Radar’s list, last reviewed on Dec 6, 2026, records no closure or collapse');
  });

  it.each(LOCALES)('%s: the share picture carries no status line for an operating exchange, so no undated one', (folder, locale) => {
    const t = words(folder);
    // A checked day no figure of the snapshot carries: if the picture said the status, it would show this day or the label.
    const marked = buildExchangeView({ exchange: { ...exchange, status: { kind: 'operating', checkedOn: '2026-11-30' } }, reserves: snapshot.exchanges.binance, now });
    const label = t('shareText_statusOperating', '').split(/[:：]/)[0]!;
    const picture = shareImageContent({ view: marked, now, t, locale });
    const lines = picture.sections.flatMap((section) => section.lines.map((line) => line.text));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(formatDate('2026-11-30', locale)) || line.includes(label))).toEqual([]);
  });
});
