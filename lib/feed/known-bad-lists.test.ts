import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { buildDomainIndex } from '../exchanges/brand-index';
import { brandMatch } from '../exchanges/brand-target';
import { KnownBadListSchema, knownBadIndex } from '../exchanges/known-bad';
import { exactMatch } from '../exchanges/lookalike/domains';
import { exchanges } from '../exchanges/registry';
import type { RawAnswer } from './adapters/types';
import { describeDrops, exchangeOf, hostOf, type KnownBadOutcome, type KnownBadSource, knownBadSources, metamaskSource, polkadotSource, readKnownBadList, scamsnifferSource } from './known-bad-lists';

const require = createRequire(import.meta.url);
/** eth-phishing-detect 1.2.0's config, the devDependency pinned in package-lock.json. */
const metamaskText = readFileSync(require.resolve('eth-phishing-detect/src/config.json'), 'utf8');
/** polkadot-js/phishing all.json at f35b682 (tests/fixtures/known-bad/README.md). */
const polkadotText = gunzipSync(readFileSync(fileURLToPath(new URL('../../tests/fixtures/known-bad/polkadot-all.f35b682.json.gz', import.meta.url)))).toString('utf8');
/** scamsniffer/scam-database blacklist/domains.json at 7269c9f7 (tests/fixtures/known-bad/README.md). */
const scamsnifferText = gunzipSync(readFileSync(fileURLToPath(new URL('../../tests/fixtures/known-bad/scamsniffer-domains.7269c9f7.json.gz', import.meta.url)))).toString('utf8');
const metamask = JSON.parse(metamaskText) as { whitelist: string[]; blacklist: string[] };
const polkadot = JSON.parse(polkadotText) as { allow: string[]; deny: string[] };
const scamsniffer = JSON.parse(scamsnifferText) as string[];

const FETCHED = '2026-02-03T20:16:51.000Z';
function answer(source: KnownBadSource, text: string): RawAnswer {
  return { name: source.id, url: source.url, text, fetchedAt: FETCHED, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
function read(source: KnownBadSource, body: unknown): KnownBadOutcome {
  return readKnownBadList(source, answer(source, typeof body === 'string' ? body : JSON.stringify(body)));
}
function ok(outcome: KnownBadOutcome): Extract<KnownBadOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}
const total = (dropped: Record<string, number | undefined>): number => Object.values(dropped).reduce<number>((sum, count) => sum + (count ?? 0), 0);
const official = buildDomainIndex(exchanges);

// Each recording read once: ScamSniffer's 165,446 entries take seconds.
const recorded = new Map<string, ReturnType<typeof ok>>();
function readRecording(source: KnownBadSource, text: string) {
  const outcome = recorded.get(source.id) ?? ok(readKnownBadList(source, answer(source, text)));
  recorded.set(source.id, outcome);
  return outcome;
}

// The counts tests/fixtures/known-bad/README.md gives, "What the builder makes of them".
describe.each([
  {
    source: metamaskSource,
    text: metamaskText,
    listed: metamask.blacklist,
    counts: { kept: 1_348, dropped: { 'no-exchange': 12_240, 'other-word': 130, 'inside-word': 16, allowed: 11, 'not-a-host': 7 } },
  },
  {
    source: polkadotSource,
    text: polkadotText,
    listed: polkadot.deny,
    counts: { kept: 343, dropped: { 'no-exchange': 53_290, repeated: 836, 'other-word': 333, 'inside-word': 44, 'public-suffix': 13, 'not-a-host': 4 } },
  },
  {
    source: scamsnifferSource,
    text: scamsnifferText,
    listed: scamsniffer,
    counts: { kept: 1_844, dropped: { 'no-exchange': 162_007, 'other-word': 1_518, 'inside-word': 45, repeated: 16, 'public-suffix': 13, 'not-a-host': 3 } },
  },
])('$source.id on its real recording', ({ source, text, listed, counts }) => {
  const outcome = readRecording(source, text);
  const kept = new Map(outcome.list.hosts);

  it('accounts for every listed entry: kept or dropped with a reason', () => {
    expect(outcome.listed).toBe(listed.length);
    expect(outcome.list.hosts.length + total(outcome.dropped)).toBe(listed.length);
    expect({ kept: outcome.list.hosts.length, dropped: outcome.dropped }).toEqual(counts);
    expect(kept.size).toBe(outcome.list.hosts.length);
    expect(outcome.list).toMatchObject({ id: source.id, url: source.url, fetchedAt: FETCHED, sha256: createHash('sha256').update(text, 'utf8').digest('hex') });
    expect(v.safeParse(KnownBadListSchema, outcome.list).success).toBe(true);
  });

  it('keeps only hosts the brand rule ties to that exchange, none official, none a public ending', () => {
    expect(outcome.list.hosts.length).toBeGreaterThan(100);
    const wrong = outcome.list.hosts.filter(([host, id]) => exchangeOf(host) !== id || brandMatch(host)?.id !== id).map(([host]) => host);
    expect(wrong).toEqual([]);
    expect(outcome.list.hosts.filter(([host]) => exactMatch(host, official) !== undefined)).toEqual([]);
    expect(outcome.list.hosts.filter(([host]) => getPublicSuffix(host, { allowPrivateDomains: true }) === host)).toEqual([]);
  });

  it("never flags an exchange's own site, through the extension's lookup", () => {
    const index = knownBadIndex({ lists: [outcome.list] });
    const lookup = (host: string) => index.find(host, new Date(FETCHED));
    expect(lookup(`login.${outcome.list.hosts[0]![0]}`)).toMatchObject({ listed: outcome.list.hosts[0]![0] });
    const flagged = exchanges
      .flatMap((exchange) => exchange.domains)
      .flatMap((domain) => [domain, `www.${domain}`])
      .filter((host) => lookup(host) !== undefined);
    expect(flagged).toEqual([]);
  });

  // Tens of thousands of brand look-ups: about 1 s alone, several on a loaded machine.
  it('drops every listed host that names no exchange', () => {
    const untied = listed.map(hostOf).filter((host): host is string => host !== undefined && brandMatch(host) === undefined);
    expect(untied.length).toBeGreaterThan(10_000);
    expect(untied.filter((host) => kept.has(host))).toEqual([]);
    // Less the untied ones dropped earlier for another reason (a public ending, allowed).
    const earlier = (outcome.dropped['public-suffix'] ?? 0) + (outcome.dropped.allowed ?? 0) + (outcome.dropped.official ?? 0);
    expect(outcome.dropped['no-exchange']).toBeLessThanOrEqual(new Set(untied).size);
    expect(outcome.dropped['no-exchange']).toBeGreaterThanOrEqual(new Set(untied).size - earlier);
  }, 30_000);
});

describe('MetaMask list', () => {
  const outcome = ok(read(metamaskSource, metamaskText));
  const kept = new Map(outcome.list.hosts);

  it('keeps hosts read in the recording, each with the exchange it imitates', () => {
    // Read in node_modules/eth-phishing-detect/src/config.json's blacklist.
    for (const host of ['account-bittrex.com', 'coinbasecloud.club']) expect(metamask.blacklist).toContain(host);
    expect(kept.get('account-bittrex.com')).toBe('bittrex');
    expect(kept.get('coinbasecloud.club')).toBe('coinbase');
  });

  it('drops what its own whitelist covers: a whitelisted domain and its subdomains', () => {
    expect(metamask.whitelist).toContain('updog.co');
    expect(metamask.blacklist).toContain('binance.updog.co');
    expect(brandMatch('binance.updog.co')?.id).toBe('binance');
    expect(kept.has('binance.updog.co')).toBe(false);
    const covered = metamask.blacklist.filter((host) => metamask.whitelist.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)));
    expect(outcome.dropped.allowed).toBe(covered.length);
  });

  it('drops near-words that are other words, keeps one-letter misspellings', () => {
    expect(exchangeOf('blnance-support.com')).toBe('binance');
    expect(exchangeOf('cobinhood.io')).toBe(false);
    expect(exchangeOf('finances-claim.xyz')).toBe(false);
    expect(kept.has('cobinhood.io')).toBe(false);
  });
});

describe('polkadot list', () => {
  const outcome = ok(read(polkadotSource, polkadotText));
  const kept = new Map(outcome.list.hosts);

  it('keeps hosts read in the recording, Unicode ones in Punycode', () => {
    for (const host of ['accountrestore-coinbase.com', 'acceounts-binarnce.com', 'airdrop-nexo.com']) expect(polkadot.deny).toContain(host);
    expect(kept.get('accountrestore-coinbase.com')).toBe('coinbase');
    expect(kept.get('acceounts-binarnce.com')).toBe('binance');
    expect(kept.get('airdrop-nexo.com')).toBe('nexo');
    expect(outcome.list.hosts.filter(([host]) => /[^\x20-\x7e]/.test(host))).toEqual([]);
    // Python's idna codec gives the same: 'aavè.com'.encode('idna') == b'xn--aav-8la.com'.
    expect(hostOf('aavè.com')).toBe('xn--aav-8la.com');
  });

  it('drops what its allow entries cover, by the list\u2019s own rule', () => {
    expect(polkadot.allow).toEqual(expect.arrayContaining(['*.fleek.co', 'on.fleek.co', 'timeweb.ru']));
    const edited = { ...polkadot, deny: [...polkadot.deny, 'timeweb.ru', 'binance.fleek.co', 'binance-login.app.on.fleek.co'] };
    const changed = ok(read(polkadotSource, edited));
    expect(changed.dropped.allowed).toBe((outcome.dropped.allowed ?? 0) + 2);
    expect(new Map(changed.list.hosts).get('binance-login.app.on.fleek.co')).toBe('binance');
    expect(new Map(changed.list.hosts).has('binance.fleek.co')).toBe(false);
  });
});

describe('ScamSniffer list', () => {
  const outcome = readRecording(scamsnifferSource, scamsnifferText);
  const kept = new Map(outcome.list.hosts);

  it('is one of the lists the feed reads, last, with a cap of its own above the others', () => {
    expect(knownBadSources.map((source) => source.id)).toEqual(['metamask', 'polkadot', 'scamsniffer']);
    expect(scamsnifferSource.maxBytes).toBeGreaterThan(10 * scamsnifferText.length);
    expect(metamaskSource.maxBytes).toBeLessThan(scamsnifferSource.maxBytes);
  });

  it('keeps hosts read in the recording, each with the exchange it imitates', () => {
    for (const host of ['claims-investvoyager.com', 'airdrop-binance.net', 'invest-krakenshares.digital']) expect(scamsniffer).toContain(host);
    expect(kept.get('claims-investvoyager.com')).toBe('voyager');
    expect(kept.get('airdrop-binance.net')).toBe('binance');
    expect(kept.get('invest-krakenshares.digital')).toBe('kraken');
  });

  it('counts an entry written again with a trailing dot once, and drops what is no hostname', () => {
    expect(scamsniffer).toEqual(expect.arrayContaining(['pixelslands.com', 'pixelslands.com.', 'chromewebdata', 'ad']));
    const listedSet = new Set(scamsniffer);
    expect(outcome.dropped.repeated).toBe(scamsniffer.filter((entry) => entry.endsWith('.') && listedSet.has(entry.slice(0, -1))).length);
  });

  it('takes any list of host names, with nothing of its own allowed', () => {
    const small = ok(read(scamsnifferSource, ['gemini-claims-desk.example', 'weather.example', 'pages.dev']));
    expect(small.list.hosts).toEqual([['gemini-claims-desk.example', 'gemini']]);
    expect(small.dropped).toEqual({ 'no-exchange': 1, 'public-suffix': 1 });
  });
});

describe('readKnownBadList on bad input', () => {
  it('refuses what is not JSON, or not the list, in plain words', () => {
    expect(read(metamaskSource, '<html>rate limited</html>')).toEqual({ ok: false, reason: expect.stringMatching(/^MetaMask eth-phishing-detect is not JSON \(/) });
    expect(read(metamaskSource, { version: 2, tolerance: 2, fuzzylist: [], whitelist: [], blacklist: 'binance-harbor-desk.example' })).toEqual({
      ok: false,
      reason: "MetaMask eth-phishing-detect: it is not eth-phishing-detect's config (blacklist: blacklist must be a list)",
    });
    expect(read(polkadotSource, { allow: [], deny: [] })).toEqual({ ok: false, reason: "polkadot{.js} phishing: it is not polkadot{.js}'s all.json (deny: the deny list is empty)" });
    expect(read(polkadotSource, [])).toMatchObject({ ok: false, reason: expect.stringContaining("it is not polkadot{.js}'s all.json") });
    expect(read(scamsnifferSource, { domains: ['binance-harbor-desk.example'] })).toEqual({
      ok: false,
      reason: "ScamSniffer scam-database: it is not scam-database's domains.json (the file must be a list of host names)",
    });
    expect(read(scamsnifferSource, [])).toEqual({ ok: false, reason: "ScamSniffer scam-database: it is not scam-database's domains.json (the list is empty)" });
  });

  it('drops bad entries one by one and keeps the rest', () => {
    const deny = [
      'binance login.com',
      42,
      'binance-harbor-desk.example/path',
      'BINANCE-VERIFY.example.',
      'binance-verify.example',
      'binance.com',
      'accounts.binance.com',
      'pages.dev',
      'kraken-support.net',
      'weather.example',
    ];
    const outcome = ok(read(polkadotSource, { allow: [], deny }));
    expect(outcome.list.hosts).toEqual([
      ['binance-verify.example', 'binance'],
      ['kraken-support.net', 'kraken'],
    ]);
    expect(outcome.dropped).toEqual({ 'not-a-host': 3, repeated: 1, official: 2, 'public-suffix': 1, 'no-exchange': 1 });
    expect(describeDrops(outcome.dropped)).toBe(
      "3 not a hostname; 2 an exchange's official domain or a subdomain of one; 1 listed again; 1 a public ending (a whole hosting service or domain ending); 1 naming no exchange of the registry",
    );
  });
});
