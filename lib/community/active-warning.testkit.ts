// A warning from a subscribed list, for tests: not a test file itself (vitest runs *.test.ts(x) only).
import type { ActiveWarning } from './active-warnings';

/** A caution about Binance from "A list" at lists.example.org, in force from November 2026 into 2027, with `over` put over it. */
export function listWarning(over: Partial<ActiveWarning> = {}): ActiveWarning {
  return {
    exchange: 'binance',
    severity: 'caution',
    title: 'Withdrawals slow',
    body: 'Reported by users.',
    sources: ['https://example.org/'],
    published: '2026-11-01T00:00:00Z',
    expires: '2027-01-01T00:00:00Z',
    listName: 'A list',
    listHost: 'lists.example.org',
    listSequence: 1,
    ...over,
  };
}
