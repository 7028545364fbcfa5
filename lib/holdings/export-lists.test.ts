import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { MAX_SUBSCRIPTIONS } from '../community/subscription';
import { importFailureText } from '../words/import-failure';
import { translateFrom } from '../words/translate-from';
import { EXPORT_VERSION, exportData, importData, type ImportDataReturnType } from './export-data';
import { parseHoldingsState } from './model';

/** The warning-list subscriptions an export carries and an import checks, as the subscribe form checks them. */

const words = (result: ImportDataReturnType) => (result.ok ? '' : importFailureText(result.failure, translateFrom(messages)));
const NOW = Date.parse('2026-11-25T10:00:00Z');
const state = parseHoldingsState({});
const SIGNER = '0x00000000000000000000000000000000000A11cE';
const lists = [
  { url: 'https://lists.example.org/warnings.json', expectedSigner: SIGNER },
  { url: 'https://other.example.net/list.json', expectedSigner: '0x000000000000000000000000000000000000b0b0' },
];

function file(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...JSON.parse(exportData({ state, now: NOW })), ...overrides });
}

describe('warning lists in the export file', () => {
  it('carries each list by its address and maintainer only, in a newer format version', () => {
    const exported = JSON.parse(exportData({ state, warningLists: lists, now: NOW })) as Record<string, unknown>;
    expect(EXPORT_VERSION).toBe(2);
    expect(exported.version).toBe(2);
    expect(exported.warningLists).toEqual(lists);
  });

  it('round-trips the lists, each written as the subscribe form would keep it', () => {
    const result = importData(exportData({ state, warningLists: [{ url: ' https://lists.example.org/warnings.json#top ', expectedSigner: SIGNER.toLowerCase() }], now: NOW }));
    expect(words(result)).toBe('');
    if (!result.ok) return;
    expect(result.data.warningLists).toEqual([{ url: 'https://lists.example.org/warnings.json', expectedSigner: SIGNER }]);
  });

  it('a file made before lists were carried still imports, and leaves the lists alone', () => {
    const old = JSON.parse(file()) as Record<string, unknown>;
    delete old.warningLists;
    const result = importData(JSON.stringify({ ...old, version: 1 }));
    expect(words(result)).toBe('');
    if (result.ok) expect(result.data.warningLists).toBeUndefined();
  });

  it.each([
    [
      'an address that is not https',
      [{ url: 'http://lists.example.org/w.json', expectedSigner: SIGNER }],
      'Nothing was changed. Warning list 1 in the file cannot be added. The list address must start with https://.',
    ],
    [
      'a maintainer that is not an address',
      [lists[0], { url: 'https://b.example.org/w.json', expectedSigner: '0x1234' }],
      "Warning list 2 in the file cannot be added. The maintainer's address must be an Ethereum address: 0x followed by 40 hex digits.",
    ],
    [
      'a user name in the address',
      [{ url: 'https://me:pw@lists.example.org/w.json', expectedSigner: SIGNER }],
      'Warning list 1 in the file cannot be added. The list address must not contain a user name or password.',
    ],
    ['the same list twice', [lists[0], { ...lists[0], url: `${lists[0]!.url}#again` }], 'Warning list 2 in the file has the same address as one before it.'],
    ['a list without its maintainer', [{ url: lists[0]!.url }], 'The file has a value that is not valid: warning list 1 in “Community warning lists”.'],
    ['lists that are not a list', { url: lists[0]!.url }, 'The file has a value that is not valid: “Community warning lists”.'],
  ])('refuses %s, saying where and why', (_name, warningLists, said) => {
    const result = importData(file({ warningLists }));
    expect(result.ok).toBe(false);
    expect(`Nothing was changed. ${words(result)}`).toContain(said);
  });

  it(`refuses more lists than the ${MAX_SUBSCRIPTIONS} Reserve Radar keeps`, () => {
    const many = Array.from({ length: MAX_SUBSCRIPTIONS + 1 }, (_, i) => ({ url: `https://l${i}.example.org/w.json`, expectedSigner: SIGNER }));
    const result = importData(file({ warningLists: many }));
    expect(words(result)).toBe(`The file has more than ${MAX_SUBSCRIPTIONS} warning lists, the most Reserve Radar keeps.`);
    expect(words(importData(file({ warningLists: many.slice(0, MAX_SUBSCRIPTIONS) })))).toBe('');
  });

  it('never takes the sites opened anyway from a file, even when one names them', () => {
    const result = importData(file({ allowedLookalikes: ['examp1e-exchange.com'], warningLists: lists }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.data)).not.toContain('allowedLookalikes');
  });
});
