import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { KNOWN_BAD_LIMITS, KnownBadSchema, knownBadAsOf, knownBadIndex, newerKnownBad, readKnownBad, type KnownBad, type KnownBadList } from './known-bad';

// Hosts here are made up; none is copied from a phishing list.
const now = new Date('2026-12-05T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function list(id: string, hosts: [string, string][], fetchedAt = daysAgo(1)): KnownBadList {
  return { id, name: `${id} phishing list`, url: `https://lists.example/${id}.json`, fetchedAt, sha256: 'a'.repeat(64), hosts };
}

const section = (...lists: KnownBadList[]): KnownBad => ({ lists });

describe('KnownBadSchema', () => {
  test('takes a section of lists with hosts tied to exchanges', () => {
    expect(v.safeParse(KnownBadSchema, section(list('one', [['quiet-harbor-rewards.com', 'kraken']]))).success).toBe(true);
  });

  test.each([
    ['an IP address', '192.0.2.7'],
    ['capital letters', 'Quiet-Harbor.com'],
    ['a space', 'quiet harbor.com'],
    ['one label', 'localhost'],
    ['a trailing dot', 'quiet-harbor.com.'],
    ['a label over 63 characters', `${'a'.repeat(64)}.com`],
  ])('refuses a host with %s', (_, host) => {
    expect(v.safeParse(KnownBadSchema, section(list('one', [[host, 'kraken']]))).success).toBe(false);
  });

  test('refuses two lists with one id, a plain-http URL and a broken digest', () => {
    expect(readKnownBad(section(list('one', []), list('one', [])))).toBeUndefined();
    expect(readKnownBad(section({ ...list('one', []), url: 'http://lists.example/one.json' }))).toBeUndefined();
    expect(readKnownBad(section({ ...list('one', []), sha256: 'xyz' }))).toBeUndefined();
  });

  test('a field a later builder adds is dropped, not a reason to refuse the section', () => {
    expect(readKnownBad({ lists: [{ ...list('one', [['quiet-harbor-rewards.com', 'kraken']]), licence: 'Apache-2.0' }], note: 'x' })).toEqual(
      section(list('one', [['quiet-harbor-rewards.com', 'kraken']])),
    );
  });

  test('refuses more hosts than the cap, across lists together', () => {
    const half = Math.ceil(KNOWN_BAD_LIMITS.maxHosts / 2) + 1;
    const hosts = (prefix: string) => Array.from({ length: half }, (_, i): [string, string] => [`${prefix}${i}.example`, 'kraken']);
    expect(readKnownBad(section(list('one', hosts('a')), list('two', hosts('b'))))).toBeUndefined();
    expect(readKnownBad(section(list('one', hosts('a'))))).toBeDefined();
  });
});

describe('knownBadIndex', () => {
  const index = knownBadIndex(
    section(
      list('one', [
        ['quiet-harbor-rewards.com', 'kraken'],
        ['evil.pages.dev', 'coinbase'],
        ['pages.dev', 'coinbase'],
      ]),
    ),
  );

  test('finds a listed host, and its subdomains through it', () => {
    expect(index.find('quiet-harbor-rewards.com', now)).toMatchObject({ listed: 'quiet-harbor-rewards.com', exchange: 'kraken', list: { id: 'one' } });
    expect(index.find('login.www.quiet-harbor-rewards.com', now)?.listed).toBe('quiet-harbor-rewards.com');
    expect(index.find('QUIET-HARBOR-REWARDS.COM.', now)?.listed).toBe('quiet-harbor-rewards.com');
  });

  test('a site under a shared hosting ending is found, the ending itself never', () => {
    expect(index.find('login.evil.pages.dev', now)?.listed).toBe('evil.pages.dev');
    expect(index.find('someone-else.pages.dev', now)).toBeUndefined();
    expect(index.find('pages.dev', now)).toBeUndefined();
  });

  test('a name that only ends like a listed one, or contains it, is not listed', () => {
    expect(index.find('notquiet-harbor-rewards.com', now)).toBeUndefined();
    expect(index.find('quiet-harbor-rewards.com.example.org', now)).toBeUndefined();
  });

  test('a list read longer ago than the limit is not used; a fresh list naming a parent still is', () => {
    const old = list('old', [['login.quiet-harbor-rewards.com', 'kraken']], daysAgo(KNOWN_BAD_LIMITS.maxAgeDays + 1));
    const fresh = list('fresh', [['quiet-harbor-rewards.com', 'gemini']], daysAgo(2));
    expect(knownBadIndex(section(old)).find('login.quiet-harbor-rewards.com', now)).toBeUndefined();
    expect(knownBadIndex(section(old, fresh)).find('login.quiet-harbor-rewards.com', now)).toMatchObject({ listed: 'quiet-harbor-rewards.com', list: { id: 'fresh' } });
    expect(knownBadIndex(section(old)).find('login.quiet-harbor-rewards.com', new Date(Date.parse(old.fetchedAt) + 86_400_000))?.list.id).toBe('old');
  });

  test('of two lists naming one host, the one read later answers', () => {
    const earlier = list('earlier', [['quiet-harbor-rewards.com', 'kraken']], daysAgo(3));
    const later = list('later', [['quiet-harbor-rewards.com', 'gemini']], daysAgo(1));
    expect(knownBadIndex(section(earlier, later)).find('quiet-harbor-rewards.com', now)?.list.id).toBe('later');
    expect(knownBadIndex(section(later, earlier)).find('quiet-harbor-rewards.com', now)?.list.id).toBe('later');
  });

  test('no section, no listing', () => {
    expect(knownBadIndex(undefined).find('quiet-harbor-rewards.com', now)).toBeUndefined();
  });
});

describe('newerKnownBad', () => {
  const older = section(list('one', [], daysAgo(3)));
  const newer = section(list('one', [], daysAgo(1)));

  test('the section read later is held, whichever arrives', () => {
    expect(newerKnownBad(older, newer, now)).toBe(newer);
    expect(newerKnownBad(newer, older, now)).toBe(newer);
    expect(newerKnownBad(undefined, older, now)).toBe(older);
    expect(newerKnownBad(older, undefined, now)).toBe(older);
    expect(knownBadAsOf(newer)).toBe(Date.parse(daysAgo(1)));
    expect(knownBadAsOf(undefined)).toBe(Number.NEGATIVE_INFINITY);
  });

  test('a section dated ahead of the clock gives way to any other, and is not used', () => {
    const ahead = section(list('one', [['quiet-harbor-rewards.com', 'kraken']], new Date(now.getTime() + 3 * 86_400_000).toISOString()));
    const today = section(list('one', [], daysAgo(0)));
    expect(newerKnownBad(ahead, today, now)).toBe(today);
    expect(knownBadIndex(ahead).find('quiet-harbor-rewards.com', now)).toBeUndefined();
    // An hour ahead is a clock's drift: used.
    const drift = section(list('one', [['quiet-harbor-rewards.com', 'kraken']], new Date(now.getTime() + 3_600_000).toISOString()));
    expect(knownBadIndex(drift).find('quiet-harbor-rewards.com', now)).toBeDefined();
  });

  test('moments are compared as moments, whatever offset they are written with', () => {
    const eastern = section(list('one', [], '2026-12-04T20:00:00+10:00'));
    const utc = section(list('one', [], '2026-12-04T11:00:00Z'));
    expect(newerKnownBad(eastern, utc, now)).toBe(utc);
    expect(newerKnownBad(utc, eastern, now)).toBe(utc);
  });
});
