import { describe, expect, test } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import german from '../../public/_locales/de/messages.json';
import turkish from '../../public/_locales/tr/messages.json';
import chinese from '../../public/_locales/zh_CN/messages.json';
import { PorMethodSchema, type PorAttestation } from '../reserves/schema';
import { localeMessages } from '@/utils/locale-files.testkit';
import { translateFrom } from './translate-from';
import { porChecked } from '../view/por-checked';
import { porLabel } from './por-label';

const por = { method: 'zk-proof', snapshotDate: '2026-04-01' } as PorAttestation;

const NOW = new Date('2026-12-07T12:00:00Z');

/** The label as the card draws it: with the day `porChecked` made for the view on `now`. */
const labelOf = (record: PorAttestation | undefined, t: ReturnType<typeof translateFrom>, locale: string, now: Date) =>
  porLabel(record, t, locale, record && porChecked({ por: record, reasons: [], now }));

describe('porLabel', () => {
  test.each([
    ['en', english, 'Cryptographic proof of all customer balances (zk proof), snapshot Apr 1, 2026'],
    ['de', german, 'Kryptografischer Nachweis aller Kundenguthaben (zk-Beweis), Snapshot 01.04.2026'],
    ['tr', turkish, 'Müşteri bakiyelerini kapsayan kriptografik kanıt (zk kanıtı), anlık görüntü 1 Nis 2026'],
    ['zh-CN', chinese, '涵盖客户余额的密码学证明（zk 证明），快照 2026年4月1日'],
  ])('%s: the method and the snapshot date as the reader writes dates, joined in the language', (locale, messages, expected) => {
    expect(labelOf(por, translateFrom(messages), locale, NOW)).toBe(expected);
  });

  test('without a snapshot date, the method alone; without a report, unknown', () => {
    const de = translateFrom(german);
    expect(labelOf({ method: 'zk-proof' } as PorAttestation, de, 'de', NOW)).toBe('Kryptografischer Nachweis aller Kundenguthaben (zk-Beweis)');
    expect(labelOf(undefined, de, 'de', NOW)).toBe(de('porUnknown'));
  });

  test('an exchange that publishes none, without a day we looked: undated, never "as of" a source\'s date or the period we looked at', () => {
    const none = { method: 'none', snapshotDate: '2025-12-31', asOf: '2025-12-31' } as PorAttestation;
    expect(labelOf(none, translateFrom(english), 'en', NOW)).toBe('No proof of reserves');
    expect(labelOf({ ...none, checkedAt: '2025-12-31' }, translateFrom(english), 'en', NOW)).toBe('No proof of reserves');
    expect(labelOf(none, translateFrom(chinese), 'zh-CN', NOW)).not.toContain('2025');
  });

  test('with the day we looked, "none published" is said as of that day, never as a present fact about the exchange', () => {
    const none = { method: 'none', asOf: '2025-12-31', checkedAt: '2026-02-12' } as PorAttestation;
    expect(labelOf(none, translateFrom(english), 'en', NOW)).toBe('No proof of reserves published as of Feb 12, 2026');
    expect(labelOf(none, translateFrom(german), 'de', NOW)).toBe('Kein Reservenachweis veröffentlicht, Stand 12.02.2026');
    expect(labelOf(none, translateFrom(chinese), 'zh-CN', NOW)).toBe('截至 2026年2月12日 未发布储备金证明');
    // A report's label is its own snapshot's, whatever day we looked.
    expect(labelOf({ ...por, checkedAt: '2026-05-01' }, translateFrom(english), 'en', NOW)).toBe('Cryptographic proof of all customer balances (zk proof), snapshot Apr 1, 2026');
  });

  test.each(PorMethodSchema.options.filter((method) => method !== 'none'))('%s: worded by its own message', (method) => {
    const key = `porMethod_${method.replaceAll('-', '_')}` as keyof typeof english;
    expect(labelOf({ method } as PorAttestation, translateFrom(english), 'en', NOW)).toBe(english[key].message);
  });

  // The card opens its proof-of-reserves paragraph with the label, so it starts as a sentence does.
  const locales = ['en', 'sv', 'es', 'pt_BR', 'tr', 'de', 'fr', 'zh_CN'];
  test.each(locales)("%s: every method's label, as the card opens a paragraph with it, begins with a capital", (dir) => {
    const locale = dir.replace('_', '-');
    const t = translateFrom(localeMessages(dir));
    for (const method of PorMethodSchema.options) {
      for (const label of [labelOf({ method } as PorAttestation, t, locale, NOW), labelOf({ method, snapshotDate: '2026-04-01' } as PorAttestation, t, locale, NOW)]) {
        const first = label.charAt(0);
        expect(first, label).toBe(first.toLocaleUpperCase(locale));
      }
    }
  });
});

test('a check day after today is not said as the day "none" was true', () => {
  const none = { method: 'none', asOf: '2025-12-31', checkedAt: '2026-12-09' } as PorAttestation;
  expect(labelOf(none, translateFrom(english), 'en', new Date('2026-12-07T12:00:00Z'))).toBe('No proof of reserves');
  expect(labelOf(none, translateFrom(english), 'en', new Date('2026-12-09T12:00:00Z'))).toBe('No proof of reserves published as of Dec 9, 2026');
});
