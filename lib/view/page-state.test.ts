import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../settings';
import type { ExchangeView, TabState } from './exchange-view';
import { pageStateFor } from './page-state';

const exchangeState = (id: string) => ({ kind: 'exchange', host: `www.${id}.com`, view: { id, name: id } as unknown as ExchangeView }) as const satisfies TabState;

describe('pageStateFor', () => {
  test('carries the nudge settings, with only this exchange’s snooze and last showing', () => {
    const settings = {
      ...defaultSettings,
      nudgePolicy: 'daily' as const,
      corner: 'top-left' as const,
      language: 'sv' as const,
      lookalikeProtection: true,
      rpcUrl: 'https://rpc.example.org',
      snoozes: { kraken: { until: 'time' as const, endsAt: 5 }, binance: { until: 'data-change' as const, fingerprint: 'x' } },
    };
    const state = pageStateFor({ state: exchangeState('kraken'), settings, seen: { kraken: 1000, binance: 2000 } });
    expect(state.kind).toBe('exchange');
    expect(state.nudge).toEqual({
      settings: { nudgePolicy: 'daily', autoExpandOnDanger: true, language: 'sv', corner: 'top-left', snoozes: { kraken: { until: 'time', endsAt: 5 } } },
      lastShownAt: 1000,
    });
    // Nothing about other exchanges, nor settings the pill does not use.
    expect(JSON.stringify(state.nudge)).not.toMatch(/binance|2000|rpc\.example|lookalike/);
  });

  test('an exchange never shown and never snoozed gets no date and no snoozes', () => {
    const state = pageStateFor({ state: exchangeState('kraken'), settings: defaultSettings, seen: {} });
    expect(state.nudge?.lastShownAt).toBeUndefined();
    expect(state.nudge?.settings.snoozes).toEqual({});
  });

  test('inherited names are not read as exchange ids', () => {
    const state = pageStateFor({ state: exchangeState('constructor'), settings: defaultSettings, seen: {} });
    expect(state.nudge?.settings.snoozes).toEqual({});
    expect(state.nudge?.lastShownAt).toBeUndefined();
  });

  test('the pill’s words go along, in the browser’s language or the chosen one', () => {
    const words = { close: 'Close' };
    expect(pageStateFor({ state: exchangeState('kraken'), settings: defaultSettings, seen: {}, words }).nudge?.words).toEqual(words);
    expect(pageStateFor({ state: exchangeState('kraken'), settings: { ...defaultSettings, language: 'sv' }, seen: {}, words: { close: 'Stäng' } }).nudge?.words).toEqual({ close: 'Stäng' });
  });

  test('pages that are not exchanges get their state unchanged, with no settings', () => {
    const notExchange: TabState = { kind: 'not-exchange' };
    expect(pageStateFor({ state: notExchange, settings: defaultSettings, seen: { kraken: 1 } })).toBe(notExchange);
  });
});
