import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_BAD_LIMITS } from '../../lib/exchanges/known-bad';
import { metamaskSource, polkadotSource, scamsnifferSource } from '../../lib/feed/known-bad-lists';
import { assembleKnownBad, KNOWN_BAD_MAX_BYTES } from '../../lib/feed/known-bad-section';
import { raw, startLocalServer, type LocalServer } from '../../lib/reserves/local-server.testkit';
import { stableStringify } from '../../lib/reserves/stable-json';
import { offlineKnownBad, onlineKnownBad } from './known-bad';

const metamaskText = readFileSync(createRequire(import.meta.url).resolve('eth-phishing-detect/src/config.json'), 'utf8');

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    '/metamask': raw(200, metamaskText, { 'content-type': 'application/json' }),
    '/polkadot': raw(503, 'Service Unavailable'),
    '/scamsniffer': raw(200, JSON.stringify(['gemini-claims-desk.example', 'weather.example']), { 'content-type': 'text/plain' }),
    // A valid config and a valid list, each padded with white space: over MetaMask's cap, and over
    // it but under ScamSniffer's, which is the larger.
    '/metamask-large': raw(200, `${metamaskText}${' '.repeat(metamaskSource.maxBytes)}`),
    '/scamsniffer-large': raw(200, `["gemini-claims-desk.example"${' '.repeat(metamaskSource.maxBytes)}]`),
  });
});
afterAll(() => server.close());

/** The lists' fixed URLs, answered by the local server: no request leaves the machine. */
function localFetch(routes: Record<string, string>) {
  return (input: string, init?: RequestInit) => fetch(server.url(routes[input] ?? '/missing'), init);
}
const local = localFetch({ [metamaskSource.url]: '/metamask', [polkadotSource.url]: '/polkadot', [scamsnifferSource.url]: '/scamsniffer' });

describe('onlineKnownBad', () => {
  it('reads each list from its URL with the hash of the text, records it, and says which failed', async () => {
    const lines: string[] = [];
    const recordDir = mkdtempSync(join(tmpdir(), 'known-bad-'));
    const before = new Date().toISOString();
    const outcomes = await onlineKnownBad({ fetch: local, log: (line) => lines.push(line), recordDir });
    expect(Object.keys(outcomes)).toEqual(['metamask', 'polkadot', 'scamsniffer']);
    const metamask = outcomes.metamask!;
    expect(metamask.ok).toBe(true);
    if (!metamask.ok) return;
    expect(metamask.list).toMatchObject({ id: 'metamask', url: metamaskSource.url, sha256: createHash('sha256').update(metamaskText, 'utf8').digest('hex') });
    expect(metamask.list.fetchedAt >= before).toBe(true);
    expect(readFileSync(join(recordDir, 'known-bad', 'metamask.json'), 'utf8')).toBe(metamaskText);
    expect(outcomes.polkadot).toEqual({ ok: false, reason: expect.stringMatching(/^polkadot\{\.js\} phishing: .*503/) });
    expect(outcomes.scamsniffer).toMatchObject({ ok: true, listed: 2, list: { id: 'scamsniffer', name: 'ScamSniffer scam-database', hosts: [['gemini-claims-desk.example', 'gemini']] } });
    expect(lines).toEqual([`metamask: kept ${metamask.list.hosts.length} of 13752 listed hosts`, expect.stringMatching(/^polkadot: failed: /), 'scamsniffer: kept 1 of 2 listed hosts']);
  });

  it("refuses an answer over its list's own cap in plain words, and the section keeps the copy held", async () => {
    const fetchLarge = localFetch({ [metamaskSource.url]: '/metamask-large', [polkadotSource.url]: '/polkadot', [scamsnifferSource.url]: '/scamsniffer-large' });
    const outcomes = await onlineKnownBad({ fetch: fetchLarge, log: () => {} });
    expect(outcomes.metamask).toEqual({ ok: false, reason: 'MetaMask eth-phishing-detect: raw.githubusercontent.com sent more than 16 MB; the answer was refused' });
    // As large an answer is within ScamSniffer's cap.
    expect(outcomes.scamsniffer).toMatchObject({ ok: true, list: { hosts: [['gemini-claims-desk.example', 'gemini']] } });

    const now = new Date();
    const earlier = new Date(now.getTime() - 86_400_000).toISOString();
    const held = {
      id: 'metamask',
      name: metamaskSource.name,
      url: metamaskSource.url,
      fetchedAt: earlier,
      sha256: 'a'.repeat(64),
      hosts: [['binance-harbor-desk.example', 'binance']] as [string, string][],
    };
    const { section, report } = assembleKnownBad({ outcomes, previous: { lists: [held] }, now });
    expect(section?.lists.find((list) => list.id === 'metamask')).toEqual(held);
    expect(report.failed).toEqual(['metamask', 'polkadot']);
    expect(report.lists.metamask).toEqual({
      from: 'kept',
      hosts: 1,
      fetchedAt: earlier,
      notes: [`failed: MetaMask eth-phishing-detect: raw.githubusercontent.com sent more than 16 MB; the answer was refused; the copy read ${earlier} is kept`],
    });
  });
});

describe('offlineKnownBad', () => {
  const { outcomes, newest } = offlineKnownBad();

  it('reads the three recordings, each as its list', () => {
    expect(Object.keys(outcomes)).toEqual(['metamask', 'polkadot', 'scamsniffer']);
    expect(Object.values(outcomes).map((outcome) => (outcome.ok ? [outcome.list.id, outcome.listed, outcome.list.hosts.length, outcome.list.fetchedAt] : outcome.reason))).toEqual([
      ['metamask', 13_752, 1_348, '2024-12-09T00:00:00.000Z'],
      ['polkadot', 54_863, 343, '2026-02-03T20:16:51.000Z'],
      ['scamsniffer', 165_446, 1_844, '2024-03-30T03:05:19.000Z'],
    ]);
    const scamsniffer = outcomes.scamsniffer;
    // SHA-256 of the raw text, as tests/fixtures/known-bad/README.md gives it.
    expect(scamsniffer?.ok && scamsniffer.list.sha256).toBe('85d0ad0e203d670e8bc36bc2123a9e230fb77e31de7d552fb88a56909227e2ce');
    expect(newest).toBe('2026-02-03T20:16:51.000Z');
  });

  it('the three lists, read on one day, make a section within its byte budget', () => {
    const now = new Date('2026-12-04T06:00:00.000Z');
    const day = new Date(now.getTime() - 3_600_000).toISOString();
    const sameDay = Object.fromEntries(Object.entries(outcomes).map(([id, outcome]) => [id, outcome.ok ? { ...outcome, list: { ...outcome.list, fetchedAt: day } } : outcome]));
    const { section, report } = assembleKnownBad({ outcomes: sameDay, previous: undefined, now });
    expect(report.overBudget).toEqual([]);
    expect(section?.lists.map((list) => list.id)).toEqual(['metamask', 'polkadot', 'scamsniffer']);
    const hosts = section!.lists.reduce((sum, list) => sum + list.hosts.length, 0);
    expect(hosts).toBe(1_348 + 343 + 1_844);
    expect(hosts).toBeLessThan(KNOWN_BAD_LIMITS.maxHosts);
    // 265,189 bytes when measured, a quarter of the budget.
    expect(new TextEncoder().encode(stableStringify(section)).length).toBeLessThan(KNOWN_BAD_MAX_BYTES);
  });
});
