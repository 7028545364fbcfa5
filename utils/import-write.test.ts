import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHoldingsState } from '@/lib/holdings/model';
import { parseSettings } from '@/lib/settings';
import { translateFrom } from '@/utils/i18n';
import { saveHoldings, updateHoldings } from './holdings';
import { replaceAddressBook } from './guide-state';
import { updateSettings, watchSettings } from './settings';
import { writeImport, type ImportParts } from './import-write';
import { stubLocks } from './in-turn.testkit';
import { holdRead } from '@/entrypoints/background/background.testkit';
import { localeMessages } from './locale-files.testkit';

const KEYS = ['holdings', 'settings', 'addressBook'];
const NOW = Date.parse('2026-11-25T10:00:00Z');
const t = translateFrom(localeMessages('en'));

const before = {
  holdings: parseHoldingsState({ holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'BTC', amount: 0.4, updatedAt: NOW }], addresses: [], history: [] }),
  settings: { lookalikeProtection: true, language: 'de', rpcUrl: 'https://rpc.before.example' },
  addressBook: [{ label: 'Old', network: 'ethereum' as const, address: '0x00000000000000000000000000000000000A11cE', addedAt: '2026-11-01T00:00:00.000Z' }],
};
const imported: ImportParts = {
  holdings: parseHoldingsState({ holdings: [{ id: 'h9', kind: 'fiat', custodian: 'self', currency: 'EUR', value: 10, updatedAt: NOW }], addresses: [], history: [] }),
  settings: parseSettings({ nudgePolicy: 'off', rpcUrl: 'https://rpc.imported.example' }),
  addressBook: [{ label: 'New', network: 'ethereum', address: '0x000000000000000000000000000000000000bEEF', addedAt: '2026-11-20T00:00:00.000Z' }],
};

const stored = () => fakeBrowser.storage.local.get(KEYS);

/** Writes the browser refuses: a write touching one of these keys fails, writing nothing. */
let refusals: string[] = [];
/** Called as a write touching its key is asked for, before it is made; the write waits for what it answers. */
let onWrite: Record<string, (() => unknown) | undefined> = {};
function refuse(key: string): void {
  refusals.push(key);
}

describe('writeImport: all or nothing in storage', () => {
  test('the holdings before and imported are real, different holdings (a state the schema refuses would read as empty)', () => {
    expect(before.holdings.holdings.map((holding) => holding.id)).toEqual(['h1']);
    expect(imported.holdings.holdings.map((holding) => holding.id)).toEqual(['h9']);
  });

  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    refusals = [];
    onWrite = {};
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      for (const key of Object.keys(items)) await onWrite[key]?.();
      const refused = refusals.find((key) => Object.hasOwn(items, key));
      if (refused !== undefined) throw new Error(`QUOTA_BYTES quota exceeded (${refused})`);
      return set(items);
    });
    await saveHoldings(before.holdings);
    await updateSettings(before.settings);
    await replaceAddressBook(before.addressBook);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('every part written when the browser takes them all', async () => {
    expect(await writeImport(imported)).toEqual({ ok: true });
    expect(await stored()).toEqual({ holdings: imported.holdings, settings: imported.settings, addressBook: imported.addressBook });
  });

  test('a card snooze whose time has passed by the import is not stored: importing an old file does not bring it back', async () => {
    const now = Date.now();
    const snoozes = { kraken: { until: 'time', endsAt: now - 60_000 }, binance: { until: 'time', endsAt: now + 60_000 }, okx: { until: 'data-change', fingerprint: 'ok|A||' } };
    expect(await writeImport({ ...imported, settings: parseSettings({ snoozes }) })).toEqual({ ok: true });
    expect((await stored()).settings).toMatchObject({ snoozes: { binance: snoozes.binance, okx: snoozes.okx } });
    expect((await stored()).settings).not.toHaveProperty('snoozes.kraken');
  });

  test('settings are replaced in one write: a watcher sees the imported settings, never none between', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    await writeImport(imported);
    stop();
    expect(seen).toEqual([imported.settings]);
  });

  test('storage hears the import as one change of all its parts: no moment holds imported holdings beside the settings before', async () => {
    const changes: string[][] = [];
    const heard = (change: Record<string, unknown>) => changes.push(Object.keys(change).sort());
    fakeBrowser.storage.local.onChanged.addListener(heard);
    await writeImport(imported);
    fakeBrowser.storage.local.onChanged.removeListener(heard);
    expect(changes).toEqual([['addressBook', 'holdings', 'settings']]);
  });

  test('a page closed while the import is written leaves storage as it was, never part imported', async () => {
    const was = await stored();
    let settingsReached = false;
    // The options page goes away as the settings are being written: that write, and anything after it, does not come while the page is gone.
    let back = () => {};
    const gone = new Promise<void>((resolve) => (back = resolve));
    onWrite.settings = () => {
      settingsReached = true;
      return gone;
    };
    const importing = writeImport(imported);
    try {
      await vi.waitFor(() => expect(settingsReached).toBe(true));
      expect(await stored()).toEqual(was);
    } finally {
      // Only so the import gives back its turns for the next test.
      back();
      await importing;
    }
  });

  test('settings refused: nothing written, holdings included, and "Nothing was changed" is true', async () => {
    const was = await stored();
    refuse('settings');
    const result = await writeImport(imported);
    expect(await stored()).toEqual(was);
    expect(result).toEqual({ ok: false, reason: 'dataFailNotSaved' });
    expect(t('dataImportFailed', t(result.ok ? 'dataFailUnexpected' : result.reason))).toBe('Nothing was changed. The browser could not store the imported data.');
  });

  test('address book refused: holdings and settings not written either', async () => {
    const was = await stored();
    refuse('addressBook');
    expect(await writeImport(imported)).toEqual({ ok: false, reason: 'dataFailNotSaved' });
    expect(await stored()).toEqual(was);
  });

  test('a history point asked for as a refused import writes the holdings stays', async () => {
    refuse('addressBook');
    let historyPoint: Promise<unknown> | undefined;
    // The background records a history point as the import's holdings are being written.
    onWrite.holdings = () => {
      onWrite.holdings = undefined;
      historyPoint = updateHoldings((state) => ({ ...state, history: [...state.history, { day: '2026-11-25', selfShare: 0.5 }] }));
    };
    expect(await writeImport(imported)).toEqual({ ok: false, reason: 'dataFailNotSaved' });
    await historyPoint;
    expect(await stored()).toEqual({ holdings: { ...before.holdings, history: [{ day: '2026-11-25', selfShare: 0.5 }] }, settings: parseSettings(before.settings), addressBook: before.addressBook });
  });

  test('a history point already in its turn as the import starts stays when the import is refused', async () => {
    refuse('addressBook');
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const historyPoint = updateHoldings(async (state) => {
      await gate;
      return { ...state, history: [...state.history, { day: '2026-11-25', selfShare: 0.5 }] };
    });
    const importing = writeImport(imported);
    open();
    await historyPoint;
    expect(await importing).toEqual({ ok: false, reason: 'dataFailNotSaved' });
    expect((await stored()).holdings).toEqual({ ...before.holdings, history: [{ day: '2026-11-25', selfShare: 0.5 }] });
  });

  test('an import that succeeds while a history point is between its read and its write: the imported holdings stay', async () => {
    const asked = stubLocks();
    // The background's read of the holdings answers only at open(): it has read the holdings before the import.
    const { reached, open } = holdRead('holdings');
    const historyPoint = updateHoldings((state) => ({ ...state, history: [...state.history, { day: '2026-11-25', selfShare: 0.5 }] }));
    await vi.waitFor(() => expect(reached()).toBe(true));
    let importAnswered = false;
    const importing = writeImport(imported).then((result) => {
      importAnswered = true;
      return result;
    });
    // The import waits for the holdings' turn the history point holds (or, were it to take none, has written).
    await vi.waitFor(() => expect(asked.filter((name) => name === 'reserve-radar:local:holdings').length === 2 || importAnswered).toBe(true));
    open();
    expect(await importing).toEqual({ ok: true });
    await historyPoint;
    expect(await stored()).toEqual({ holdings: imported.holdings, settings: imported.settings, addressBook: imported.addressBook });
  });
});
