import { describe, expect, it } from 'vitest';
import { baselineAtPress } from './test-baseline';

const now = new Date('2026-12-05T12:10:00Z');
const read = (units: string, checkedAt: string) => ({ units, checkedAt });

describe('baselineAtPress', () => {
  it('takes a fresh read that never rose as the baseline', () => {
    expect(baselineAtPress({ latest: read('5', '2026-12-05T12:09:58Z'), lowest: read('5', '2026-12-05T12:01:00Z'), now, maxAgeMs: 90_000 })).toEqual({ kind: 'baseline', units: '5' });
    // A fall is spending, not a test: measured from the balance now.
    expect(baselineAtPress({ latest: read('3', '2026-12-05T12:09:58Z'), lowest: read('3', '2026-12-05T12:09:58Z'), now, maxAgeMs: 90_000 })).toEqual({ kind: 'baseline', units: '3' });
  });

  it('asks about any rise since the lowest read, dust included, instead of taking it in', () => {
    expect(baselineAtPress({ latest: read('10000000000000001', '2026-12-05T12:09:58Z'), lowest: read('1', '2026-12-05T12:01:00Z'), now, maxAgeMs: 90_000 })).toEqual({
      kind: 'ask',
      from: '1',
      to: '10000000000000001',
      increase: 10000000000000000n,
      since: '2026-12-05T12:01:00Z',
    });
    expect(baselineAtPress({ latest: read('1', '2026-12-05T12:09:58Z'), lowest: read('0', '2026-12-05T12:01:00Z'), now, maxAgeMs: 90_000 })).toMatchObject({ kind: 'ask', increase: 1n });
  });

  it('has no baseline without a read, or when the last good read is older than allowed', () => {
    expect(baselineAtPress({ latest: null, lowest: null, now, maxAgeMs: 90_000 })).toEqual({ kind: 'none' });
    expect(baselineAtPress({ latest: read('5', '2026-12-05T12:08:29Z'), lowest: read('5', '2026-12-05T12:08:29Z'), now, maxAgeMs: 90_000 })).toEqual({ kind: 'none' });
    expect(baselineAtPress({ latest: read('9', '2026-12-05T11:00:00Z'), lowest: read('5', '2026-12-05T10:00:00Z'), now, maxAgeMs: 90_000 })).toEqual({ kind: 'none' });
    expect(baselineAtPress({ latest: read('5', 'not a date'), lowest: null, now, maxAgeMs: 90_000 })).toEqual({ kind: 'none' });
  });
});
