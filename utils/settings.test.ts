import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, markNudgeShown, nudgeSeen, replaceSettings, resetSettings, updateSettings } from './settings';
import { defaultSettings, parseSettings } from '@/lib/settings';

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;

describe('settings changed from several places at once', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('two overlapping changes of different fields both stay (options page and background)', async () => {
    await Promise.all([updateSettings({ nudgePolicy: 'off' }), updateSettings({ corner: 'top-left', cornerChosen: true })]);
    expect(await stored()).toMatchObject({ nudgePolicy: 'off', corner: 'top-left', cornerChosen: true });
  });

  test('many overlapping changes: every one is in storage at the end', async () => {
    const ids = ['binance', 'kraken', 'coinbase', 'okx', 'bybit'];
    await Promise.all([
      ...ids.map((id, index) => updateSettings((current) => ({ snoozes: { ...current.snoozes, [id]: { until: 'time', endsAt: 1_000 + index } } }))),
      updateSettings({ language: 'de' }),
      updateSettings({ autoExpandOnDanger: false }),
    ]);
    const settings = await getSettings();
    expect(Object.keys(settings.snoozes).sort()).toEqual([...ids].sort());
    expect(settings.language).toBe('de');
    expect(settings.autoExpandOnDanger).toBe(false);
  });

  test('a change made from what it read sees every change asked before it', async () => {
    const seen: string[] = [];
    await Promise.all([
      updateSettings({ nudgePolicy: 'daily' }),
      updateSettings((current) => {
        seen.push(current.nudgePolicy);
        return {};
      }),
    ]);
    expect(seen).toEqual(['daily']);
  });

  test('a change that answers nothing writes nothing: a reset stays a reset', async () => {
    await updateSettings({ lookalikeProtection: true });
    await Promise.all([resetSettings(), updateSettings((current) => (current.lookalikeProtection ? { lookalikeProtection: false } : undefined))]);
    expect(await stored()).toBeUndefined();
    expect(await getSettings()).toEqual(defaultSettings);
  });

  test('a change asked before a replace or a reset does not write the old settings back over it', async () => {
    await updateSettings({ language: 'fr' });
    const imported = parseSettings({ nudgePolicy: 'off' });
    await Promise.all([updateSettings({ autoExpandOnDanger: false }), replaceSettings(imported)]);
    expect(await getSettings()).toEqual(imported);
    await Promise.all([updateSettings({ corner: 'top-right' }), resetSettings()]);
    expect(await stored()).toBeUndefined();
  });

  test('a change storage refuses rejects, and the next one still runs', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let refuse = true;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (refuse) {
        refuse = false;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return set(items);
    });
    const results = await Promise.allSettled([updateSettings({ nudgePolicy: 'off' }), updateSettings({ corner: 'top-left' })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(await stored()).toMatchObject({ corner: 'top-left' });
  });
});

describe('the pill’s last-shown times, from tabs at once', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('each exchange shown at the same moment keeps its time', async () => {
    await Promise.all([markNudgeShown('binance', 1), markNudgeShown('kraken', 2), markNudgeShown('coinbase', 3)]);
    expect(await nudgeSeen.getValue()).toEqual({ binance: 1, kraken: 2, coinbase: 3 });
  });
});
