import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSnapshot } from '../reserves/snapshot';
import { initialSourceState } from '../reserves/schedule';
import { stableStringify } from '../reserves/stable-json';
import type { Snapshot } from '../reserves/schema';
import { startLocalServer, type LocalServer } from '../reserves/local-server.testkit';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';
import { signFeed } from './sign-feed';
import { refreshFeed } from './refresh-feed';
import { inProcessChainWork } from '../chain-work/in-process';
import { feedFailureText } from '../words/feed-failure';
import { english } from '../../scripts/radar/words/english';

const NOW = Date.parse('2026-12-05T00:00:00Z');
let body = '';
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({
    '/feed.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', etag: '"install-42"', 'last-modified': 'Thu, 03 Dec 2026 00:00:00 GMT' }).end(body),
  });
});
afterAll(() => server.close());

/** A feed whose Kraken report is newer than the bundled one. */
async function feed(sequence: number, asOf = '2026-11-30', knownBad?: Snapshot['knownBad']): Promise<string> {
  const base = bundledSnapshot();
  const kraken = base.exchanges.kraken!;
  const snapshot: Snapshot = {
    ...base,
    ...(knownBad === undefined ? {} : { knownBad }),
    generatedAt: '2026-12-04T06:00:00.000Z',
    exchanges: { ...base.exchanges, kraken: { ...kraken, por: { ...kraken.por!, asOf, snapshotDate: asOf, checkedAt: '2026-12-04' } } },
  };
  const { envelope } = await signFeed({ snapshot, name: 'Reserve Radar PoR feed', sequence, issued: '2026-12-04T06:00:00Z', expires: '2026-12-11T06:00:00Z', privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

const refresh = (held: Snapshot, heldFeed?: { sequence: number; hash: `0x${string}` }) =>
  refreshFeed({
    fetch: globalThis.fetch,
    url: server.url('/feed.json'),
    signers: [TEST_FEED_SIGNER],
    held,
    heldFeed,
    state: initialSourceState(),
    now: NOW,
    random: () => 0,
    verify: inProcessChainWork.verifyFeed,
  });

describe('refreshFeed, against a real local server', () => {
  it('takes a signed feed, newest wins, and remembers its number', async () => {
    body = await feed(3);
    const result = await refresh(bundledSnapshot());
    expect(result.outcome).toMatchObject({ kind: 'updated', changed: expect.arrayContaining(['kraken.por']) });
    expect(result.snapshot.exchanges.kraken!.por).toMatchObject({ asOf: '2026-11-30', checkedAt: '2026-12-04' });
    expect(result.heldFeed?.sequence).toBe(3);
    expect(result.state.status).toBe('fresh');
  });

  it('asks the same for everyone: no validators, no cookies, even after an answer that carried an ETag', async () => {
    body = await feed(3);
    server.requests.length = 0;
    const first = await refresh(bundledSnapshot());
    await refreshFeed({
      fetch: globalThis.fetch,
      url: server.url('/feed.json'),
      signers: [TEST_FEED_SIGNER],
      held: first.snapshot,
      heldFeed: first.heldFeed,
      state: first.state,
      now: NOW + 3_600_000,
      verify: inProcessChainWork.verifyFeed,
    });
    expect(server.requests).toHaveLength(2);
    for (const { headers } of server.requests) {
      expect(headers['if-none-match']).toBeUndefined();
      expect(headers['if-modified-since']).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });

  it('keeps the last good data on a rollback, a tampered figure or garbage, and says why', async () => {
    body = await feed(5);
    const good = await refresh(bundledSnapshot());
    const cases: [string, RegExp][] = [
      [await feed(4, '2026-12-01'), /The feed is number 4, older than number 5, which Reserve Radar already has/],
      [(await feed(6)).replace('"2026-11-30"', '"2026-12-02"'), /changed after signing/],
      ['<html>maintenance</html>', /not in a form Reserve Radar can read/],
    ];
    for (const [text, reason] of cases) {
      body = text;
      const result = await refresh(good.snapshot, good.heldFeed);
      expect(result.snapshot).toBe(good.snapshot);
      expect(result.heldFeed).toEqual(good.heldFeed);
      expect(result.outcome.kind).toBe('failed');
      // Stored as a code with figures, and worded as the Data sources row words it.
      expect(result.state.lastFeedFailure).toEqual(result.outcome.kind === 'failed' ? result.outcome.error : undefined);
      expect(feedFailureText(result.state.lastFeedFailure!, english.t, english.locale)).toMatch(reason);
      expect(result.state.status).toBe('failing');
    }
  });

  it('an older report in a newer feed does not replace a newer one held', async () => {
    body = await feed(9, '2026-12-01');
    const newer = await refresh(bundledSnapshot());
    body = await feed(10, '2026-10-31');
    const result = await refresh(newer.snapshot, newer.heldFeed);
    expect(result.snapshot.exchanges.kraken!.por!.asOf).toBe('2026-12-01');
    expect(result.heldFeed?.sequence).toBe(10);
  });

  // A made-up list, not a recording: what is tested is that the signed section travels.
  const section = (host: string) => ({
    lists: [
      { id: 'one', name: 'A phishing list', url: 'https://lists.example/one.json', fetchedAt: '2026-12-04T05:00:00.000Z', sha256: 'b'.repeat(64), hosts: [[host, 'kraken']] as [string, string][] },
    ],
  });

  it('hands on the known-bad hosts a verified feed carries, and none from a feed changed after signing', async () => {
    const knownBad = section('quiet-harbor-rewards.com');
    body = await feed(11, '2026-11-30', knownBad);
    const taken = await refresh(bundledSnapshot());
    expect(taken.outcome.kind).toBe('updated');
    expect(taken.knownBad).toEqual(knownBad);
    body = (await feed(12, '2026-11-30', knownBad)).replace('quiet-harbor-rewards.com', 'quiet-harbor-rewardz.com');
    const refused = await refresh(taken.snapshot, taken.heldFeed);
    expect(refused.outcome.kind).toBe('failed');
    expect(refused.knownBad).toBeUndefined();
    body = await feed(13);
    expect((await refresh(taken.snapshot, taken.heldFeed)).knownBad).toBeUndefined();
  });

  it('a section this version cannot read costs only the section: the feed and its figures are taken', async () => {
    body = await feed(14, '2026-12-02', section('Not A Host'));
    const result = await refresh(bundledSnapshot());
    expect(result.outcome.kind).toBe('updated');
    expect(result.snapshot.exchanges.kraken!.por!.asOf).toBe('2026-12-02');
    expect(result.knownBad).toBeUndefined();
  });
});
