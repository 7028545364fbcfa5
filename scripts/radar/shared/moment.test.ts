import { describe, expect, it } from 'vitest';
import { parseMoment, utcMoment } from './moment';

describe('parseMoment', () => {
  it('reads a day as its start in UTC, and a moment with its zone', () => {
    expect(parseMoment('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseMoment('2026-12-04T06:00:00Z')?.toISOString()).toBe('2026-12-04T06:00:00.000Z');
    expect(parseMoment('2026-12-04T06:00Z')?.toISOString()).toBe('2026-12-04T06:00:00.000Z');
    expect(parseMoment('2026-12-04T06:00:00.123+02:00')?.toISOString()).toBe('2026-12-04T04:00:00.123Z');
  });

  it('refuses days that are not on the calendar, times out of range, moments without a zone and loose text', () => {
    for (const value of [
      '2025-02-29',
      '2025-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-11-25T24:00:00Z',
      '2025-11-25T06:60:00Z',
      '2025-11-25T06:00:00',
      '2025-11-25T06:00:00+25:00',
      '5',
      '2025-1-1',
      'yesterday',
      '',
      ' 2025-11-25',
    ]) {
      expect(parseMoment(value), value).toBeUndefined();
    }
  });
});

describe('utcMoment', () => {
  it('writes a moment in UTC with its Z, a day as a day, and anything without a zone as it came', () => {
    expect(utcMoment('2026-12-05T11:40:00Z')).toBe('2026-12-05T11:40:00Z');
    expect(utcMoment('2026-12-05T20:40:00+09:00')).toBe('2026-12-05T11:40:00Z');
    expect(utcMoment('2026-12-05T11:40:00.250Z')).toBe('2026-12-05T11:40:00.250Z');
    expect(utcMoment('2026-12-05')).toBe('2026-12-05');
    // Read in this machine's clock, it would name a different moment on every machine.
    expect(utcMoment('2026-12-05T11:40:00')).toBe('2026-12-05T11:40:00');
    expect(utcMoment('soon')).toBe('soon');
  });
});
