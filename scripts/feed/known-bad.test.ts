import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metamaskSource, polkadotSource } from '../../lib/feed/known-bad-lists';
import { raw, startLocalServer, type LocalServer } from '../../lib/reserves/local-server.testkit';
import { onlineKnownBad } from './known-bad';

const metamaskText = readFileSync(createRequire(import.meta.url).resolve('eth-phishing-detect/src/config.json'), 'utf8');

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    '/metamask': raw(200, metamaskText, { 'content-type': 'application/json' }),
    '/polkadot': raw(503, 'Service Unavailable'),
  });
});
afterAll(() => server.close());

/** The lists' fixed URLs, answered by the local server: no request leaves the machine. */
const routes: Record<string, string> = { [metamaskSource.url]: '/metamask', [polkadotSource.url]: '/polkadot' };
const local = (input: string, init?: RequestInit) => fetch(server.url(routes[input] ?? '/missing'), init);

describe('onlineKnownBad', () => {
  it('reads each list from its URL with the hash of the text, records it, and says which failed', async () => {
    const lines: string[] = [];
    const recordDir = mkdtempSync(join(tmpdir(), 'known-bad-'));
    const before = new Date().toISOString();
    const outcomes = await onlineKnownBad({ fetch: local, log: (line) => lines.push(line), recordDir });
    expect(Object.keys(outcomes)).toEqual(['metamask', 'polkadot']);
    const metamask = outcomes.metamask!;
    expect(metamask.ok).toBe(true);
    if (!metamask.ok) return;
    expect(metamask.list).toMatchObject({ id: 'metamask', url: metamaskSource.url, sha256: createHash('sha256').update(metamaskText, 'utf8').digest('hex') });
    expect(metamask.list.fetchedAt >= before).toBe(true);
    expect(readFileSync(join(recordDir, 'known-bad', 'metamask.json'), 'utf8')).toBe(metamaskText);
    expect(outcomes.polkadot).toEqual({ ok: false, reason: expect.stringMatching(/^polkadot\{\.js\} phishing: .*503/) });
    expect(lines).toEqual([`metamask: kept ${metamask.list.hosts.length} of 13752 listed hosts`, expect.stringMatching(/^polkadot: failed: /)]);
  });
});
