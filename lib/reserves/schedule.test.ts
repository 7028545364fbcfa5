import { describe, expect, it } from 'vitest';
import { backoffMs, CEXS_POLICY, initialSourceState, isDue, onStartup, PROTOCOL_POLICY, recordFailure, recordSuccess, statusAt, type SourceState } from './schedule';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-08-10T12:00:00.000Z');
const noJitter = (): number => 0;
const fullJitter = (): number => 0.999;

describe('schedule', () => {
  it('starts as never and is due at once', () => {
    const state = initialSourceState();
    expect(state.status).toBe('never');
    expect(isDue({ state, now: T0 })).toBe(true);
    expect(statusAt({ state, policy: CEXS_POLICY, now: T0 })).toBe('never');
  });

  it('schedules hourly plus jitter after a success and keeps validators', () => {
    const state = recordSuccess({ state: initialSourceState(), policy: CEXS_POLICY, now: T0, random: noJitter, etag: '"a"' });
    expect(state).toMatchObject({ status: 'fresh', failures: 0, etag: '"a"', lastSuccess: '2026-08-10T12:00:00.000Z' });
    expect(Date.parse(state.nextAttemptAt) - T0).toBe(HOUR);
    const jittered = recordSuccess({ state, policy: CEXS_POLICY, now: T0, random: fullJitter });
    expect(Date.parse(jittered.nextAttemptAt) - T0).toBeGreaterThan(HOUR);
    expect(Date.parse(jittered.nextAttemptAt) - T0).toBeLessThan(HOUR + CEXS_POLICY.jitterMs);
    expect(jittered.etag).toBe('"a"');
    expect(isDue({ state, now: T0 + HOUR - 1 })).toBe(false);
    expect(isDue({ state, now: T0 + HOUR })).toBe(true);
  });

  it('uses a slower interval for /protocol', () => {
    const state = recordSuccess({ state: initialSourceState(), policy: PROTOCOL_POLICY, now: T0, random: noJitter });
    expect(Date.parse(state.nextAttemptAt) - T0).toBe(6 * HOUR);
  });

  it('backs off exponentially after failures, capped', () => {
    const delays = [1, 2, 3, 4, 20].map((n) => backoffMs(CEXS_POLICY, n, noJitter));
    expect(delays.slice(0, 4)).toEqual([2, 4, 8, 16].map((m) => m * 60_000));
    expect(delays[4]).toBe(CEXS_POLICY.backoffMaxMs);
    let state = recordSuccess({ state: initialSourceState(), policy: CEXS_POLICY, now: T0, random: noJitter });
    state = recordFailure({ state, policy: CEXS_POLICY, now: T0 + HOUR, random: noJitter, error: { reason: 'http', host: 'api.llama.fi', status: 500 } });
    expect(state).toMatchObject({ failures: 1, lastFetchFailure: { reason: 'http', status: 500 }, status: 'fresh', lastSuccess: '2026-08-10T12:00:00.000Z' });
    state = recordFailure({ state, policy: CEXS_POLICY, now: T0 + 7 * HOUR, random: noJitter, error: { answer: 'empty' } });
    expect(state).toMatchObject({ failures: 2, status: 'failing', lastAnswerFailure: { answer: 'empty' } });
    expect(state.lastFetchFailure).toBeUndefined();
    expect(Date.parse(state.nextAttemptAt) - (T0 + 7 * HOUR)).toBe(4 * 60_000);
    const recovered = recordSuccess({ state, policy: CEXS_POLICY, now: T0 + 8 * HOUR, random: noJitter });
    expect(recovered.failures).toBe(0);
    expect(recovered.lastAnswerFailure).toBeUndefined();
  });

  it('drops the English sentence older versions stored as lastError, keeping only the code', () => {
    const old = { ...initialSourceState(), lastError: 'the answer has no reserve figures for any tracked exchange, so it was not used' } as SourceState;
    const state = recordFailure({ state: old, policy: CEXS_POLICY, now: T0, random: noJitter, error: { answer: 'empty' } });
    expect(state).not.toHaveProperty('lastError');
    expect(state.lastAnswerFailure).toEqual({ answer: 'empty' });
  });

  it('turns fresh data stale with time, and failing when nothing ever arrived', () => {
    const state = recordSuccess({ state: initialSourceState(), policy: CEXS_POLICY, now: T0, random: noJitter });
    expect(statusAt({ state, policy: CEXS_POLICY, now: T0 + 6 * HOUR })).toBe('fresh');
    expect(statusAt({ state, policy: CEXS_POLICY, now: T0 + 6 * HOUR + 1 })).toBe('stale');
    const failed = recordFailure({ state: initialSourceState(), policy: CEXS_POLICY, now: T0, random: noJitter, error: { answer: 'wrong-shape' } });
    expect(failed.status).toBe('failing');
  });

  it('refreshes at startup only when the data is older than the interval, keeping a pending backoff', () => {
    const state = recordSuccess({ state: initialSourceState(), policy: CEXS_POLICY, now: T0, random: fullJitter });
    expect(onStartup({ state, policy: CEXS_POLICY, now: T0 + 2 * HOUR }).nextAttemptAt).toBe(new Date(T0 + 2 * HOUR).toISOString());
    expect(onStartup({ state, policy: CEXS_POLICY, now: T0 + 10 * 60_000 }).nextAttemptAt).toBe(new Date(T0 + HOUR).toISOString());
    expect(onStartup({ state: initialSourceState(), policy: CEXS_POLICY, now: T0 }).nextAttemptAt).toBe(new Date(T0).toISOString());
    const failing = recordFailure({ state, policy: CEXS_POLICY, now: T0 + 2 * HOUR, random: noJitter, error: { answer: 'unreadable' } });
    expect(onStartup({ state: failing, policy: CEXS_POLICY, now: T0 + 2 * HOUR + 1000 }).nextAttemptAt).toBe(failing.nextAttemptAt);
  });
});
