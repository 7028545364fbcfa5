import { describe, expect, it } from 'vitest';
import type { KnownBadList } from '../exchanges/known-bad';
import { acceptanceFor, parseKnownBadAccepted, type KnownBadAcceptance } from './known-bad-accepted';

const entry = { list: 'polkadot', hosts: 300, checked: '2026-12-05', why: 'the list removed old entries; the answer is whole' };

function answer(hosts: number, fetchedAt: string, id = 'polkadot'): KnownBadList {
  return { id, name: 'a list', url: 'https://lists.example/a.json', fetchedAt, sha256: 'c'.repeat(64), hosts: Array.from({ length: hosts }, (_, index) => [`binance-${index}.example`, 'binance']) };
}

describe('parseKnownBadAccepted', () => {
  it('reads the entries', () => {
    expect(parseKnownBadAccepted({ comment: 'x', accepted: [entry] })).toEqual({ ok: true, accepted: [entry] });
    expect(parseKnownBadAccepted({ accepted: [] })).toEqual({ ok: true, accepted: [] });
  });

  it.each([
    [{ ...entry, list: 'nosuchlist' }, /list must be one of metamask, polkadot, scamsniffer/],
    [{ ...entry, hosts: 0 }, /hosts must be at least 1/],
    [{ ...entry, hosts: 2.5 }, /hosts must be a whole number/],
    [{ ...entry, checked: '5 Dec 2026' }, /a date must look like 2024-09-01/],
    [{ ...entry, why: '  ' }, /why must say what the person checked/],
  ])('refuses %j in plain words', (bad, reason) => {
    const parsed = parseKnownBadAccepted({ accepted: [bad] });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('refuses a file that is not the list of entries', () => {
    expect(parseKnownBadAccepted([entry])).toMatchObject({ ok: false });
    expect(parseKnownBadAccepted({ accepted: entry })).toMatchObject({ ok: false, reason: expect.stringMatching(/accepted must be a list/) });
  });
});

describe('acceptanceFor', () => {
  const accepted: KnownBadAcceptance[] = [entry];

  it('lets through an answer of that list at or above the floor, read on the day checked or the 30 days after', () => {
    expect(acceptanceFor(accepted, answer(300, '2026-12-05T00:00:00.000Z'))).toBe(entry);
    expect(acceptanceFor(accepted, answer(340, '2027-01-04T23:59:59.000Z'))).toBe(entry);
  });

  it('not one below the floor, read before the check or after the 30 days, or of another list', () => {
    expect(acceptanceFor(accepted, answer(299, '2026-12-06T00:00:00.000Z'))).toBeUndefined();
    expect(acceptanceFor(accepted, answer(340, '2026-12-04T23:59:59.000Z'))).toBeUndefined();
    expect(acceptanceFor(accepted, answer(340, '2027-01-05T00:00:00.000Z'))).toBeUndefined();
    expect(acceptanceFor(accepted, answer(340, '2026-12-06T00:00:00.000Z', 'metamask'))).toBeUndefined();
  });
});
