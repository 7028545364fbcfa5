import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { shareText } from '../share/share-text';
import { buildExchangeView } from '../view/exchange-view';
import { reasonText } from '../words/reason-text';
import { translateFrom } from '../words/translate-from';
import { localeMessages } from '../../utils/locale-files.testkit';

// Without a per-token breakdown the gap is ours (none came with the totals, or its fetch failed): one
// reason says so, in our words, citing no answer that never gave it, and it does not crowd the shared reasons.

const now = new Date('2026-11-25T10:00:00Z');
const folders = readdirSync(join(import.meta.dirname, '../../public/_locales'));
const messages = (folder: string) => localeMessages(folder);

/** Binance as bundled: totals from /cexs, no breakdown. */
function binance() {
  const exchange = getExchange('binance');
  const reserves = bundledSnapshot().exchanges.binance;
  if (exchange === undefined || reserves?.onchain === undefined) throw new Error('no binance record');
  expect(reserves.onchain.topTokens).toBeUndefined();
  return buildExchangeView({ exchange, reserves, now });
}

describe('no per-token breakdown', () => {
  test('one unknown reason, with no source or date: the totals answer never gave a breakdown', () => {
    const missing = binance().verdict.reasons.filter((reason) => reason.code.startsWith('breakdown-missing'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ effect: 'unknown' });
    expect(missing[0]?.source).toBeUndefined();
    expect(missing[0]?.asOf).toBeUndefined();
  });

  test.each(folders)('%s: said once, as what we hold, not as a fact about the exchange', (folder) => {
    const view = binance();
    const t = translateFrom(messages(folder));
    const locale = folder.replace('_', '-');
    const words = view.verdict.reasons.map((reason) => reasonText(reason, t, locale, now));
    const said = words.filter((text) => text === t('reason_noBreakdown'));
    expect(said).toHaveLength(1);
    if (folder === 'en') expect(said[0]).toMatch(/^We hold no per-token breakdown/);
  });

  test('the shared text says it once, without the totals link, and names the other reasons', () => {
    const view = binance();
    const t = translateFrom(messages('en'));
    const { text } = shareText({ view, verdict: view.verdict, now, t, locale: 'en' });
    const lines = text.split('\n').filter((line) => line.includes('per-token breakdown'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/https?:|as of/);
    expect(text).not.toMatch(/and \d+ more reasons?/);
  });
});
