import { describe, expect, it } from 'vitest';
import { parseSettings } from '../settings';
import { EXPORT_FORMAT, EXPORT_VERSION, MAX_IMPORT_BYTES, exportData, importData, type ImportDataReturnType } from './export-data';
import messages from '../../public/_locales/en/messages.json';
import { importFailureText } from '../words/import-failure';
import { translateFrom } from '../words/translate-from';
import { parseHoldingsState, type HoldingsState } from './model';

/** A refusal in the English the options page shows; '' for a file that imports. */
const words = (result: ImportDataReturnType) => (result.ok ? '' : importFailureText(result.failure, translateFrom(messages)));

const NOW = Date.parse('2026-11-25T10:00:00Z');
const state: HoldingsState = parseHoldingsState({
  holdings: [
    { id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'btc', amount: 0.4, updatedAt: NOW },
    { id: 'h2', kind: 'fiat', custodian: 'binance', currency: 'eur', value: 2000, updatedAt: NOW },
    { id: 'h3', kind: 'asset', custodian: 'self', asset: 'BTC', amount: 1.2, updatedAt: NOW },
  ],
  addresses: [{ id: 'a1', address: '0x00000000000000000000000000000000000A11cE', label: 'Ledger', chainIds: [1, 42161] }],
  goal: { selfShareTarget: 0.8 },
  limits: { currency: 'EUR', default: { maxShare: 0.25 }, exchanges: { kraken: { cap: 5000 } } },
  history: [{ day: '2026-11-24', selfShare: 0.35 }],
});

function file(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...JSON.parse(exportData({ state, now: NOW })), ...overrides });
}

describe('exportData / importData', () => {
  it('round-trips holdings, addresses, goal, limits, history, settings and address book', () => {
    const settings = { nudgePolicy: 'daily', rpcUrl: 'https://rpc.example.org' };
    const addressBook = [{ label: 'Ledger', network: 'ethereum', address: '0x00000000000000000000000000000000000A11cE' }];
    const text = exportData({ state, settings, addressBook, now: NOW });
    const result = importData(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.format).toBe(EXPORT_FORMAT);
    expect(result.data.exportedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(result.data.holdings).toEqual(state.holdings);
    expect(result.data.holdings[0]).toMatchObject({ asset: 'BTC' });
    expect(result.data.addresses).toEqual(state.addresses);
    expect(result.data.goal).toEqual({ selfShareTarget: 0.8 });
    expect(result.data.limits).toEqual(state.limits);
    expect(result.data.history).toEqual(state.history);
    expect(parseSettings(result.data.settings).nudgePolicy).toBe('daily');
    expect(result.data.addressBook).toEqual(addressBook);
  });

  it('never carries a card snooze whose time has passed; one still in force, or until the data changes, goes along', () => {
    const settings = parseSettings({
      snoozes: {
        kraken: { until: 'time', endsAt: NOW - 1 },
        okx: { until: 'time', endsAt: NOW },
        binance: { until: 'time', endsAt: NOW + 1 },
        bitstamp: { until: 'data-change', fingerprint: 'ok|A|2026-11-24|' },
      },
    });
    const exported = (JSON.parse(exportData({ state, settings, now: NOW })) as { settings: { snoozes: object } }).settings.snoozes;
    expect(exported).toEqual({ binance: { until: 'time', endsAt: NOW + 1 }, bitstamp: { until: 'data-change', fingerprint: 'ok|A|2026-11-24|' } });
  });

  it('drops keys it does not know instead of carrying them into storage', () => {
    const result = importData(file({ extra: { anything: 1 } }));
    expect(result.ok && 'extra' in result.data).toBe(false);
  });

  it.each([
    ['not JSON', '{"format": ', 'not-json', /not valid JSON/],
    ['an empty file', '', 'empty', /^The file is empty\.$/],
    ['a file of only spaces and line breaks', ' \n\t\n', 'empty', /^The file is empty\.$/],
    ['an array', '[]', 'wrong-format', /not a Reserve Radar export/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), 'wrong-format', /not a Reserve Radar export/],
    ['a newer version', file({ version: EXPORT_VERSION + 1 }), 'newer-version', /newer version/],
    ['no version', JSON.stringify({ ...JSON.parse(file()), version: undefined }), 'no-version', /^The file does not say which version of the Reserve Radar export format it uses\.$/],
    ['a version written as text', file({ version: '1' }), 'unknown-version', /^The file names a version of the Reserve Radar export format that this version of Reserve Radar does not know\.$/],
    ['a version of 0', file({ version: 0 }), 'unknown-version', /does not know/],
    ['a version that is not whole', file({ version: 1.5 }), 'unknown-version', /does not know/],
    ['a null version', file({ version: null }), 'no-version', /does not say which version/],
    [
      'a negative amount',
      file({ holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'BTC', amount: -1, updatedAt: NOW }] }),
      'invalid',
      /^The file has a value that is not valid: “Amount” in holding 1\.$/,
    ],
    ['a string amount', file({ holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'BTC', amount: '1', updatedAt: NOW }] }), 'invalid', /: “Amount” in holding 1\.$/],
    ['holdings that are not a list', file({ holdings: { a: 1 } }), 'invalid', /: “Your holdings”\.$/],
    ['a bad address', file({ addresses: [{ id: 'a', address: '0x123', chainIds: [] }] }), 'invalid', /: “Address” in watched address 1\.$/],
    ['a share above 100 %', file({ goal: { selfShareTarget: 1.5 } }), 'invalid', /: “Goal: share you hold yourself \(%\)”\.$/],
    ['a bad history day', file({ history: [{ day: 'yesterday', selfShare: 0.1 }] }), 'invalid', /: entry 1 in “Your self-custody share over time”\.$/],
    ['a missing list', JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-25T10:00:00.000Z' }), 'invalid', /: “Your holdings”\.$/],
  ])('refuses %s with a plain-words error', (_name, text, code, message) => {
    const result = importData(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe(code);
    expect(words(result)).toMatch(message);
    expect(words(result)).not.toContain('\n');
  });

  it.each([
    ['an RPC address without a scheme', { language: 'de', rpcUrl: 'rpc.example.org' }, ['settings', 'rpcUrl'], '“JSON-RPC address” in your settings'],
    ['an ftp endpoint for a chain', { chainRpcUrls: { '8453': 'ftp://x.org' } }, ['settings', 'chainRpcUrls', '8453'], '“Base endpoint” in your settings'],
    ['an unknown corner', { corner: 'middle' }, ['settings', 'corner'], 'your settings'],
    ['settings that are not an object', 'daily', ['settings'], 'your settings'],
  ])('refuses the whole file for one bad setting (%s), so nothing is written', (_name, settings, path, place) => {
    const result = importData(file({ settings }));
    expect(result).toMatchObject({ ok: false, failure: { code: 'invalid', path } });
    expect(words(result)).toBe(`The file has a value that is not valid: ${place}.`);
  });

  it('gives good settings back checked, with the defaults for what the file leaves out', () => {
    const result = importData(file({ settings: { nudgePolicy: 'daily', rpcUrl: ' https://rpc.example.org ', unknownSetting: true } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.settings).toEqual({ ...parseSettings({}), nudgePolicy: 'daily', rpcUrl: 'https://rpc.example.org' });
  });

  it("gives the user the field's place, and keeps the path and the schema's own account for logs", () => {
    const result = importData(file({ holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'BTC', amount: -1, updatedAt: NOW }] }));
    expect(result).toMatchObject({ ok: false, failure: { code: 'invalid', path: ['holdings', 0, 'amount'] }, details: expect.stringMatching(/^holdings\[0\]\.amount: .*bad-amount/) });
    expect(importData('[1, ')).toMatchObject({ ok: false, failure: { code: 'not-json' }, details: expect.any(String) });
  });

  it('refuses an oversized file before parsing it', () => {
    const big = file({ settings: { padding: 'x'.repeat(MAX_IMPORT_BYTES) } });
    const result = importData(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.code).toBe('too-large');
    // The limit is said as the verify page says its own (2,000,000 bytes both): in megabytes, in the reader's language.
    expect(words(result)).toBe('The file is larger than 2 MB; a Reserve Radar export is much smaller.');
    // Multi-byte characters count as bytes, not as UTF-16 units.
    const wide = file({ settings: { padding: '€'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 10) } });
    const wideResult = importData(wide);
    expect(wideResult.ok).toBe(false);
    if (!wideResult.ok) expect(wideResult.failure.code).toBe('too-large');
  });

  it('refuses a file nested deeper than any export', () => {
    // Spliced as text: building it as an object would overflow JSON.stringify in the test itself.
    const deep = file().replace(/^\{/, `{"settings": ${'['.repeat(5000)}1${']'.repeat(5000)},`);
    const result = importData(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.code).toBe('too-deep');
  });
});

describe('hostile files', () => {
  const hostile: [string, string][] = [
    ['__proto__ at the top', file().replace(/^\{/, '{"__proto__": {"polluted": "yes"},')],
    ['__proto__ inside settings', file({}).replace(/^\{/, '{"settings": {"theme": {"__proto__": {"polluted": "yes"}}},')],
    [
      'constructor.prototype inside a holding',
      file({ holdings: [{ id: 'h', kind: 'asset', custodian: 'kraken', asset: 'BTC', amount: 1, updatedAt: NOW, constructor: { prototype: { polluted: 'yes' } } }] }),
    ],
    ['prototype inside the address book', file({ addressBook: [{ label: 'x', prototype: { polluted: 'yes' } }] })],
    ['__proto__ inside limits.exchanges', file().replace('"exchanges":{', '"exchanges":{"__proto__":{"cap":1,"polluted":"yes"},')],
  ];

  it.each(hostile)('refuses %s, names the key, and pollutes nothing', (_name, text) => {
    expect(text).toMatch(/__proto__|constructor|prototype/);
    const result = importData(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.code).toBe('hostile-key');
      expect(words(result)).toMatch(/“(__proto__|constructor|prototype)”/);
      expect(words(result)).not.toMatch(/\w\[\d+\]|\w\.\w/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a prototype key in the file pollutes nothing even when the caller spreads what it got back', () => {
    for (const [, text] of hostile) {
      const result = importData(text);
      Object.assign({}, result);
      JSON.parse(text, (_key, value: unknown) => value);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importData: what this version does not know, said as such', () => {
  const holdings = (extra: Record<string, unknown>) => JSON.parse(file()).holdings.concat([{ id: 'h9', updatedAt: NOW, asset: 'BTC', amount: 1, kind: 'asset', custodian: 'self', ...extra }]);
  it('a holding on an exchange this version does not know is refused, placed by its position, its id not repeated', () => {
    const result = importData(file({ holdings: holdings({ custodian: 'newexchange-2027' }) }));
    expect(result).toMatchObject({ ok: false, failure: { code: 'unknown-exchange', path: ['holdings', 3] } });
    expect(words(result)).toBe(
      'The file has a holding on an exchange this version of Reserve Radar does not know: holding 4. Update the extension to import this file, or remove that holding from it.',
    );
  });
  it('a holding of a kind this version does not know says so, not that "Record as" is wrong', () => {
    const result = importData(file({ holdings: holdings({ kind: 'nft' }) }));
    expect(result).toMatchObject({ ok: false, failure: { code: 'unknown-kind', path: ['holdings', 3] } });
    expect(words(result)).toBe('The file has a kind of holding this version of Reserve Radar does not know: holding 4. Update the extension to import this file, or remove that holding from it.');
  });
  it('a bad day in the history is placed by its entry', () => {
    const result = importData(
      file({
        history: [
          { day: '2026-11-24', selfShare: 0.3 },
          { day: '2026-13-45', selfShare: 0.4 },
        ],
      }),
    );
    expect(words(result)).toBe('The file has a value that is not valid: entry 2 in “Your self-custody share over time”.');
  });
});
