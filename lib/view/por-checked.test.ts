import { describe, expect, test } from 'vitest';
import type { PorAttestation } from '../reserves/schema';
import type { RiskReason } from '../risk/reason';
import { porChecked } from './por-checked';

const none: PorAttestation = { method: 'none', cadence: 'quarterly', liabilitiesIncluded: false, asOf: '2025-09-30', source: 'https://www.sec.gov/r32' };
const unchecked: RiskReason = { metric: 'por.checked', code: 'por.none-unchecked', value: '2025-09-30', effect: 'unknown' };

describe('porChecked: the day we looked, and whether the verdict calls it too long ago', () => {
  test('"publishes none" without a por.checked reason: the day we looked, not late', () => {
    expect(porChecked({ por: { ...none, checkedAt: '2026-02-12' }, reasons: [] })).toEqual({ day: '2026-02-12', late: false });
  });

  test('the verdict’s por.checked reason decides it is late, with the day it names', () => {
    expect(porChecked({ por: none, reasons: [unchecked] })).toEqual({ day: '2025-09-30', late: true });
  });

  test('a "none" record without a day of its own stands on its date, as the verdict reads it; a report without one has none', () => {
    expect(porChecked({ por: none, reasons: [] }).day).toBe('2025-09-30');
    expect(porChecked({ por: { ...none, method: 'merkle-liabilities' }, reasons: [] }).day).toBeUndefined();
  });
});
