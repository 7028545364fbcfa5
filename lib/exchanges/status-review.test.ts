import { describe, expect, it } from 'vitest';
import { exchanges } from './registry';
import { statusReviewedOn } from './status-review';

describe('the day the registry’s statuses were reviewed', () => {
  it('is a calendar day', () => {
    expect(statusReviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(statusReviewedOn))).toBe(false);
  });

  it('is not before any closure, collapse or incident the registry records: those were on the list when it was reviewed', () => {
    const dates = exchanges.flatMap((exchange) => [...(exchange.status.kind === 'operating' ? [] : [exchange.status.date]), ...(exchange.incidents ?? []).map((incident) => incident.date)]);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date <= statusReviewedOn, date).toBe(true);
  });
});
