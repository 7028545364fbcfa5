import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exchanges } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { gradeExchange } from '../risk/grade';
import { formatDate } from './format';
import { reasonText } from './reason-text';
import { translateFrom, type Messages } from './translate-from';

// The auditor's case: the feed unreachable, the bundled snapshot's DefiLlama figures of
// 2026-08-10 held on 2026-12-05. Their age is our copy's, so it is said as ours, once each.
const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const messages = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const now = new Date('2026-12-05T12:00:00Z');
const binance = exchanges.find((entry) => entry.id === 'binance')!;
const verdict = gradeExchange({ exchange: binance, reserves: bundledSnapshot().exchanges.binance, now });

/** A message as a pattern: its words as written, each placeholder any text. */
function template(message: string | undefined): RegExp {
  const parts = (message ?? '∅').split(/\$[1-9]/).map((part) => part.replace(/\$\$/g, '$').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^]*?')}`);
}

describe('Binance’s held DefiLlama figures, months old because we could not refresh them', () => {
  test.each(locales)('in %s: no sentence twice, and on-chain and flows each say "not checked since" the day we read them', (locale) => {
    const words = messages(locale);
    const tag = locale.replace('_', '-');
    const texts = verdict.reasons.map((reason) => reasonText(reason, translateFrom(words), tag, now));
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
    const day = formatDate('2026-08-10', tag);
    for (const key of ['reason_onchainUnchecked', 'reason_flowsUnchecked']) {
      const said = texts.filter((text) => template(words[key]?.message).test(text) && text.includes(day));
      expect(said, `${locale}:${key}`).toHaveLength(1);
    }
    for (const key of ['reason_onchainOld', 'reason_flowsOld']) {
      expect(
        texts.filter((text) => template(words[key]?.message).test(text)),
        `${locale}:${key}`,
      ).toEqual([]);
    }
  });

  test('English names our copy and the day, and blames neither DefiLlama nor the exchange', () => {
    const t = translateFrom(messages('en'));
    const texts = verdict.reasons.filter((reason) => reason.code === 'onchain.unchecked' || reason.code === 'flows.unchecked').map((reason) => reasonText(reason, t, 'en', now));
    expect(texts).toEqual([
      'Not checked since Aug 10, 2026: our copy of the on-chain figures is older than 7 days, so it cannot vouch for the exchange today.',
      'Not checked since Aug 10, 2026: our copy of the net flow figures is older than 7 days, so it says nothing about a run now.',
    ]);
  });
});

test('French says "Non vérifié" for what we have not re-read, as the PoR reasons do', () => {
  const t = translateFrom(messages('fr'));
  const texts = verdict.reasons.filter((reason) => reason.code === 'onchain.unchecked' || reason.code === 'flows.unchecked').map((reason) => reasonText(reason, t, 'fr', now));
  expect(texts).toHaveLength(2);
  for (const text of texts) expect(text.startsWith('Non vérifié depuis le ')).toBe(true);
});
