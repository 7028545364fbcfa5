import { expect, test } from 'vitest';
import { parseHoldingsState } from '@/lib/holdings/model';
import { importedResult } from './import-result';

test('the import counts the days of history the chart draws: a day that could not be valued is no recorded day', () => {
  const state = parseHoldingsState({
    holdings: [{ id: 'h1', kind: 'fiat', custodian: 'self', currency: 'EUR', value: 10, updatedAt: Date.parse('2026-12-05T10:00:00Z') }],
    addresses: [],
    history: [
      { day: '2026-12-05', selfShare: 0.4 },
      { day: '2026-12-06', selfShare: null },
      { day: '2026-12-07', selfShare: 0.5 },
    ],
  });
  expect(importedResult(state, undefined)).toEqual({ ok: true, holdings: 1, addresses: 0, history: 2, unusedRpcUrls: [] });
});
