import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { KNOWN_BAD_LIMITS, readKnownBad, type KnownBad, type KnownBadList } from '../exchanges/known-bad';
import { exchanges } from '../exchanges/registry';
import { parseSnapshot } from '../reserves/snapshot';
import { buildFeedSnapshot } from './build';
import { KNOWN_BAD_SHRINK_LIMIT } from './checks';
import { type KnownBadOutcome, metamaskSource, readKnownBadList } from './known-bad-lists';
import { KNOWN_BAD_MAX_BYTES } from './known-bad-section';
import type { KnownBadAcceptance } from './known-bad-accepted';

const now = new Date('2026-12-04T06:00:00.000Z');
const READ = '2026-12-04T05:20:00.000Z';
const BEFORE = '2026-12-03T05:20:00.000Z';

const text = readFileSync(createRequire(import.meta.url).resolve('eth-phishing-detect/src/config.json'), 'utf8');
const metamask = readKnownBadList(metamaskSource, { name: 'config', url: metamaskSource.url, text, fetchedAt: READ, sha256: createHash('sha256').update(text).digest('hex') });

function list(id: string, count: number, fetchedAt: string, patch: Partial<KnownBadList> = {}, pad = ''): KnownBadList {
  const hosts: [string, string][] = Array.from({ length: count }, (_, index) => [`binance-${id}${pad}-${index}.example`, 'binance']);
  return { id, name: `${id} list`, url: `https://lists.example/${id}.json`, fetchedAt, sha256: 'b'.repeat(64), hosts, ...patch };
}
const read = (value: KnownBadList): KnownBadOutcome => ({ ok: true, list: value, listed: value.hosts.length, dropped: {} });
const failed = (reason: string): KnownBadOutcome => ({ ok: false, reason });

function build(knownBad: Record<string, KnownBadOutcome>, previousSection?: KnownBad, acceptedShrinks?: KnownBadAcceptance[]) {
  const previous = previousSection === undefined ? undefined : { version: 1 as const, generatedAt: BEFORE, exchanges: {}, knownBad: previousSection };
  const result = buildFeedSnapshot({ exchanges, reviewed: [], knownBad, now, ...(previous === undefined ? {} : { previous }), ...(acceptedShrinks === undefined ? {} : { acceptedShrinks }) });
  const parsed = parseSnapshot(result.snapshot);
  expect(parsed.ok ? 'valid' : parsed.reason).toBe('valid');
  return { section: readKnownBad(result.snapshot.knownBad), report: result.report.knownBad };
}

describe('the known-bad section of a build', () => {
  it("publishes this run's lists, with what was read and dropped in the report", () => {
    expect(metamask.ok).toBe(true);
    if (!metamask.ok) return;
    const { section, report } = build({ metamask, polkadot: read(list('polkadot', 3, READ)) });
    expect(section?.lists.map((entry) => entry.id)).toEqual(['metamask', 'polkadot']);
    expect(section?.lists[0]).toEqual(metamask.list);
    expect(report.lists.metamask).toMatchObject({ from: 'read', hosts: metamask.list.hosts.length, fetchedAt: READ });
    expect(report.lists.metamask!.notes).toEqual([
      `read 13,752 entries, kept ${metamask.list.hosts.length.toLocaleString('en-US')}; dropped 12,240 naming no exchange of the registry; 130 only a word two letters off a brand, or a reviewed other name; 16 the brand's letters inside another word or name (a bank's name ending in lbank, bitcoin-revolution, coin-express, sites naming the Kraken darknet market); 11 covered by the list's own allow entries; 7 not a hostname`,
    ]);
    expect(report).toMatchObject({ failed: [], held: [] });
  });

  it('publishes no section when no list answered and none was held', () => {
    const { section, report } = build({ metamask: failed('the list answered HTTP 503') });
    expect(section).toBeUndefined();
    expect(report.failed).toEqual(['metamask']);
    expect(report.lists.metamask).toEqual({ from: 'none', notes: ['failed: the list answered HTTP 503; there is no earlier copy'] });
  });

  it("keeps the previous feed's copy of a list that failed this run, and of one not read at all", () => {
    const held = list('metamask', 10, BEFORE);
    const other = list('other', 4, BEFORE);
    const { section, report } = build({ metamask: failed('the list answered HTTP 503'), polkadot: read(list('polkadot', 5, READ)) }, { lists: [held, other] });
    expect(section?.lists).toEqual([held, list('polkadot', 5, READ), other]);
    expect(report.failed).toEqual(['metamask']);
    expect(report.lists.metamask).toEqual({ from: 'kept', hosts: 10, fetchedAt: BEFORE, notes: [`failed: the list answered HTTP 503; the copy read ${BEFORE} is kept`] });
    expect(report.lists.other).toMatchObject({ from: 'kept', notes: [`not read this run; the copy read ${BEFORE} is kept`] });
  });

  it('holds a list that shrank below half of the copy held, and takes one at half', () => {
    const held = list('metamask', 100, BEFORE);
    const shrunk = build({ metamask: read(list('metamask', 100 * KNOWN_BAD_SHRINK_LIMIT - 1, READ)) }, { lists: [held] });
    expect(shrunk.section?.lists).toEqual([held]);
    expect(shrunk.report.held).toEqual(['metamask']);
    expect(shrunk.report.lists.metamask!.notes[0]).toBe(
      `held for review: it ties 49 hosts to an exchange against 100 in the copy held (limit: 50 % of it) (answer read ${READ}, SHA-256 ${'b'.repeat(64)}); the copy read ${BEFORE} is kept`,
    );
    const half = build({ metamask: read(list('metamask', 100 * KNOWN_BAD_SHRINK_LIMIT, READ)) }, { lists: [held] });
    expect(half.section?.lists[0]?.hosts).toHaveLength(50);
    expect(half.report.held).toEqual([]);
  });

  it('takes a shrunken answer a person accepted, down to the floor they set and within 30 days of their check', () => {
    const held = [list('metamask', 100, BEFORE), list('polkadot', 100, BEFORE)];
    const shrunk = { metamask: read(list('metamask', 20, READ)), polkadot: read(list('polkadot', 20, READ)) };
    const accept = (hosts: number, checked: string): KnownBadAcceptance[] => [{ list: 'metamask', hosts, checked, why: 'checked by hand' }];
    const taken = build(shrunk, { lists: held }, accept(18, '2026-12-04'));
    expect(taken.section?.lists).toEqual([list('metamask', 20, READ), held[1]]);
    expect(taken.report.held).toEqual(['polkadot']);
    expect(taken.report.lists.metamask).toMatchObject({
      from: 'read',
      hosts: 20,
      notes: [
        'it ties 20 hosts to an exchange against 100 in the copy held (limit: 50 % of it); taken, as data/known-bad-accepted.json accepts down to 18 hosts (checked 2026-12-04)',
        expect.stringMatching(/^read 20 entries, kept 20/),
      ],
    });
    // A half-served answer below the floor, an answer read before the check, or a check older than 30 days: held.
    expect(build(shrunk, { lists: held }, accept(21, '2026-12-04')).report.held).toEqual(['metamask', 'polkadot']);
    expect(build(shrunk, { lists: held }, accept(18, '2026-12-05')).report.held).toEqual(['metamask', 'polkadot']);
    expect(build(shrunk, { lists: held }, accept(18, '2026-11-03')).report.held).toEqual(['metamask', 'polkadot']);
    expect(build(shrunk, { lists: held }, accept(18, '2026-11-04')).report.held).toEqual(['polkadot']);
  });

  it('keeps the copy held when the list answers an older one', () => {
    const held = list('metamask', 10, READ);
    const { section, report } = build({ metamask: read(list('metamask', 12, BEFORE)) }, { lists: [held] });
    expect(section?.lists).toEqual([held]);
    expect(report.lists.metamask!.notes[0]).toMatch(/^the answer was read 2026-12-03T05:20:00.000Z, before the copy held/);
  });

  it('leaves out a copy older than the extension uses', () => {
    const old = new Date(now.getTime() - (KNOWN_BAD_LIMITS.maxAgeDays + 1) * 86_400_000).toISOString();
    const { section, report } = build({ metamask: failed('timeout') }, { lists: [list('metamask', 10, old)] });
    expect(section).toBeUndefined();
    expect(report.lists.metamask).toMatchObject({ from: 'none', notes: [expect.stringContaining('failed: timeout'), expect.stringMatching(/more than 30 days old.*left out$/)] });
  });

  it('refuses a list over the caps and keeps the copy held', () => {
    const held = list('metamask', 10, BEFORE);
    const { section, report } = build(
      { metamask: read(list('metamask', KNOWN_BAD_LIMITS.maxHosts + 1, READ)), bad: read(list('bad', 1, READ, { hosts: [['binance login.example', 'binance']] })) },
      { lists: [held] },
    );
    expect(section?.lists).toEqual([held]);
    expect(report.failed).toEqual(['metamask', 'bad']);
    expect(report.lists.metamask!.notes[0]).toBe(`refused: hosts: a list holds too many hosts; the copy read ${BEFORE} is kept`);
    expect(report.lists.bad!.notes[0]).toMatch(/^refused: hosts\.0\.0: a host is lowercase labels/);
  });

  it('a list that grew past the budget costs only itself, whichever its place', () => {
    const previous: KnownBad = { lists: [list('metamask', 6_000, BEFORE), list('polkadot', 1_000, BEFORE), list('scamsniffer', 2_000, BEFORE)] };
    // Each made-up host takes some 85 bytes of the section: 12,000 alone nearly fill it.
    const grown = build({ metamask: read(list('metamask', 11_800, READ)), polkadot: read(list('polkadot', 1_000, READ)), scamsniffer: read(list('scamsniffer', 2_000, READ)) }, previous);
    expect(grown.section?.lists).toEqual([list('metamask', 6_000, BEFORE), list('polkadot', 1_000, READ), list('scamsniffer', 2_000, READ)]);
    expect(grown.report.overBudget).toEqual(['metamask']);
    expect(grown.report.lists.metamask).toMatchObject({
      from: 'kept',
      hosts: 6_000,
      notes: [expect.stringMatching(/^read/), expect.stringMatching(new RegExp(`^does not fit the section: .*; the copy read ${BEFORE} is kept$`))],
    });
  });

  it('the list that grew most is the one held back, whatever its place', () => {
    const previous: KnownBad = { lists: [list('metamask', 6_000, BEFORE), list('polkadot', 2_000, BEFORE)] };
    // MetaMask grows by 70 %; polkadot keeps its 2,000 hosts, each name 20 letters longer. Either new copy fits beside the other's held one; both do not.
    const grownFirst = build({ metamask: read(list('metamask', 10_300, READ)), polkadot: read(list('polkadot', 2_000, READ, {}, 'x'.repeat(20))) }, previous);
    expect(grownFirst.section?.lists).toEqual([list('metamask', 6_000, BEFORE), list('polkadot', 2_000, READ, {}, 'x'.repeat(20))]);
    expect(grownFirst.report.overBudget).toEqual(['metamask']);
  });

  it('a held copy that no longer fits gives way to a new copy that does', () => {
    const previous: KnownBad = { lists: [list('metamask', 7_000, BEFORE), list('polkadot', 7_000, BEFORE)] };
    const { section, report } = build({ metamask: failed('timeout'), polkadot: read(list('polkadot', 3_600, READ)) }, previous);
    expect(section?.lists).toEqual([list('metamask', 7_000, BEFORE), list('polkadot', 3_600, READ)]);
    expect(report.overBudget).toEqual([]);
    expect(report.lists.polkadot).toMatchObject({ from: 'read', hosts: 3_600 });
  });

  it('weighs an answer against the held copy only while that copy is young enough to use', () => {
    const old = new Date(now.getTime() - (KNOWN_BAD_LIMITS.maxAgeDays + 1) * 86_400_000).toISOString();
    const { section, report } = build({ metamask: read(list('metamask', 10, READ)) }, { lists: [list('metamask', 100, old)] });
    expect(section?.lists).toEqual([list('metamask', 10, READ)]);
    expect(report.held).toEqual([]);
    expect(report.lists.metamask).toMatchObject({ from: 'read', hosts: 10, notes: [expect.stringMatching(/^read 10 entries/)] });
  });

  it('held copies that no longer fit together: the later ones are left out, never published over the budget', () => {
    const previous: KnownBad = { lists: [list('metamask', 7_000, BEFORE), list('polkadot', 7_000, BEFORE)] };
    const { section, report } = build({ metamask: failed('timeout'), polkadot: failed('timeout') }, previous);
    expect(section?.lists).toEqual([list('metamask', 7_000, BEFORE)]);
    expect(report.overBudget).toEqual(['polkadot']);
    expect(report.lists.polkadot).toEqual({
      from: 'none',
      notes: [`failed: timeout; the copy read ${BEFORE} is kept`, expect.stringMatching(/^does not fit the section: the section would take .*; left out$/)],
    });
  });

  it('fits lists in order: one that grew past the budget beside the others goes back to its held copy, and the others still go in', () => {
    const previous: KnownBad = { lists: [list('metamask', 10, BEFORE), list('polkadot', 10, BEFORE)] };
    // Each made-up host takes some 85 bytes of the section: one such list fits the budget, two do not.
    const half = 7_000;
    const grown = build({ metamask: read(list('metamask', half, READ)), polkadot: read(list('polkadot', half + 200, READ)), scamsniffer: read(list('scamsniffer', 3, READ)) }, previous);
    expect(grown.section?.lists).toEqual([list('metamask', half, READ), list('polkadot', 10, BEFORE), list('scamsniffer', 3, READ)]);
    expect(grown.report.overBudget).toEqual(['polkadot']);
    expect(grown.report.lists.polkadot).toEqual({
      from: 'kept',
      hosts: 10,
      fetchedAt: BEFORE,
      notes: [
        expect.stringMatching(/^read/),
        expect.stringMatching(new RegExp(`^does not fit the section: the section would take [\\d,]+ bytes, more than 1,048,576 \\(half the feed's limit\\); the copy read ${BEFORE} is kept$`)),
      ],
    });
  });

  it('leaves out a list too large for the feed when it has no held copy that fits, and publishes the rest', () => {
    const long = (index: number): [string, string] => [`binance-${'x'.repeat(50)}.${'y'.repeat(60)}.${'z'.repeat(60)}.h${index}.example`, 'binance'];
    const big = Math.ceil(KNOWN_BAD_MAX_BYTES / 200);
    const large = build({ metamask: read(list('metamask', 0, READ, { hosts: Array.from({ length: big }, (_, index) => long(index)) })) });
    expect(large.report.failed).toEqual([]);
    expect(large.report.overBudget).toEqual(['metamask']);
    expect(large.section).toBeUndefined();
    expect(large.report.lists.metamask!.notes[1]).toMatch(/^does not fit the section: the section would take [\d,]+ bytes, more than 1,048,576 \(half the feed's limit\); left out$/);

    const beside = build({ polkadot: read(list('polkadot', 5, READ)), metamask: read(list('metamask', 0, READ, { hosts: Array.from({ length: big }, (_, index) => long(index)) })) });
    expect(beside.section?.lists).toEqual([list('polkadot', 5, READ)]);
    expect(beside.report.lists.metamask).toMatchObject({ from: 'none' });
  });

  it('a list that does not fit falls back only to a held copy the extension would use, and lists together stay within the host cap', () => {
    const stale = list('extra', 5, new Date(now.getTime() - (KNOWN_BAD_LIMITS.maxAgeDays + 35) * 86_400_000).toISOString());
    const fresh = list('metamask', 10, BEFORE);
    // MetaMask's new copy grew less than the extra list's first one, so it goes in and the extra list does not fit.
    const { section, report } = build({ metamask: read(list('metamask', 6_500, READ)), extra: read(list('extra', 7_000, READ)) }, { lists: [fresh, stale] });
    expect(section).toEqual({ lists: [list('metamask', 6_500, READ)] });
    expect(report.lists.extra).toMatchObject({ from: 'none', notes: [expect.stringMatching(/^read/), expect.stringMatching(/^does not fit the section: the section would take .*; left out$/)] });
    // Short hosts reach the host cap before the byte budget.
    const short = (id: string, count: number): KnownBadList => list(id, 0, READ, { hosts: Array.from({ length: count }, (_, index) => [`b${index}.${id.slice(0, 2)}.io`, 'binance']) });
    const many = build({ metamask: read(short('metamask', 13_000)), polkadot: read(short('polkadot', 13_000)) });
    expect(many.section?.lists.map((entry) => entry.id)).toEqual(['metamask']);
    expect(many.report.lists.polkadot!.notes[1]).toBe('does not fit the section: the lists hold too many hosts together; left out');
  });

  it('an answer dated ahead of the build is refused, and a held copy so dated is left out', () => {
    const ahead = new Date(now.getTime() + 3 * 86_400_000).toISOString();
    const fromAhead = build({ metamask: read(list('metamask', 10, ahead)) }, { lists: [list('metamask', 10, BEFORE)] });
    expect(fromAhead.report.failed).toEqual(['metamask']);
    expect(fromAhead.section?.lists[0]?.fetchedAt).toBe(BEFORE);
    const heldAhead = build({ metamask: failed('timeout') }, { lists: [list('metamask', 10, ahead)] });
    expect(heldAhead.section).toBeUndefined();
  });
});
