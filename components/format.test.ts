import { describe, expect, test } from 'vitest';
import { formatAge, formatDate, formatPercent, formatSignedUsd, formatUsd } from './format';

const now = new Date('2026-11-25T12:00:00Z');

describe('format', () => {
  test('ages read as a person says them, in the reader’s language', () => {
    expect(formatAge('2026-10-14', now, 'en')).toBe('42 days ago');
    expect(formatAge('2026-10-14', now, 'sv')).toBe('för 42 dagar sedan');
    expect(formatAge('2026-11-25T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatAge('2025-04-01', now, 'en')).toBe('20 months ago');
    expect(formatAge('2022-11-11', now, 'en')).toBe('4 years ago');
    expect(formatAge('not a date', now, 'en')).toBe('');
  });

  test('numbers and money follow the locale', () => {
    expect(formatPercent(0.4, 'en')).toBe('40.0%');
    expect(formatPercent(0.4, 'sv')).toBe('40,0\u00a0%');
    expect(formatUsd(67_650_000_000, 'en')).toBe('$67.65B');
    expect(formatSignedUsd(-1_229_000_000, 'en')).toBe('-$1.23B');
    expect(formatDate('2025-04-01', 'en')).toBe('Apr 1, 2025');
  });
});
