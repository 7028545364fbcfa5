import { describe, expect, test } from 'vitest';
import type { PorAttestation } from '../reserves/schema';
import type { RiskReason } from '../risk/reason';
import { porChecked } from './por-checked';

const none: PorAttestation = { method: 'none', cadence: 'quarterly', liabilitiesIncluded: false, asOf: '2025-09-30', source: 'https://www.sec.gov/r32' };
const NOW = new Date('2026-12-07T12:00:00Z');
const unchecked: RiskReason = { metric: 'por.checked', code: 'por.none-unchecked', value: '2025-09-30', effect: 'unknown' };

describe('porChecked: the day we looked, and whether the verdict calls it too long ago', () => {
  test('"publishes none" without a por.checked reason: the day we looked, not late', () => {
    expect(porChecked({ por: { ...none, checkedAt: '2026-02-12' }, reasons: [], now: NOW })).toEqual({ day: '2026-02-12', late: false });
  });

  test('the verdict’s por.checked reason decides it is late, with the day it names', () => {
    expect(porChecked({ por: { ...none, checkedAt: '2026-02-12' }, reasons: [{ ...unchecked, value: '2026-02-12' }], now: NOW })).toEqual({ day: '2026-02-12', late: true });
  });

  test('a "none" record without a day we looked after its date has no day: its date is a source\'s, never "none as of" it', () => {
    expect(porChecked({ por: none, reasons: [], now: NOW }).day).toBeUndefined();
    expect(porChecked({ por: none, reasons: [unchecked], now: NOW })).toEqual({ day: undefined, late: true });
    expect(porChecked({ por: { ...none, checkedAt: '2025-09-30' }, reasons: [], now: NOW }).day).toBeUndefined();
    expect(porChecked({ por: { ...none, method: 'merkle-liabilities' }, reasons: [], now: NOW }).day).toBeUndefined();
  });
});

test('a check day after today is not a day we looked: the card says no day, as the reasons do', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  expect(porChecked({ por: { ...none, checkedAt: '2026-12-09' }, reasons: [], now }).day).toBeUndefined();
  expect(porChecked({ por: { ...none, checkedAt: '2026-12-07' }, reasons: [], now }).day).toBe('2026-12-07');
});
