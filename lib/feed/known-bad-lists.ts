import * as v from 'valibot';
import { getPublicSuffix } from 'tldts';
import { buildDomainIndex } from '../exchanges/brand-index';
import { brandMatch, brandWords, targetFixes } from '../exchanges/brand-target';
import { editDistance } from '../exchanges/edit-distance';
import { KnownBadHostSchema, type KnownBadList } from '../exchanges/known-bad';
import { exactMatch } from '../exchanges/lookalike/domains';
import { exchanges } from '../exchanges/registry';
import { brandStands } from './known-bad-tie';
import { describeIssues } from '../reserves/schema';
import type { RawAnswer } from './adapters/types';

/**
 * The public phishing lists the feed's known-bad section is read from (docs/feed.md, "Known-bad
 * hosts"), each turned into a `KnownBadList`: the listed hosts that imitate a registry exchange,
 * by the brand rule (lib/exchanges/brand-target.ts, never `classify`: the hosts the rules miss are
 * the point), less anything an exchange owns, a public ending, or the list's own allow entries
 * cover. Pure: the build fetches the text (scripts/feed/inputs.ts) and hands it here.
 */

/** Why a listed entry is left out of the feed. */
export type KnownBadDrop = 'not-a-host' | 'repeated' | 'public-suffix' | 'official' | 'allowed' | 'no-exchange' | 'other-word' | 'inside-word';

export type KnownBadOutcome = { ok: true; list: KnownBadList; listed: number; dropped: Partial<Record<KnownBadDrop, number>> } | { ok: false; reason: string };

type ReadReturnType = { ok: true; listed: readonly unknown[]; allowed: (host: string) => boolean } | { ok: false; reason: string };

export interface KnownBadSource {
  id: string;
  /** How the list is named to the reader. */
  name: string;
  url: string;
  /** The largest answer read (`fetchSource`'s cap): larger is refused as it streams in, and the copy held stays. */
  maxBytes: number;
  /** The listed entries and a test for the list's own allow entries, or why the answer cannot be read. */
  read(body: unknown): ReadReturnType;
}

const Entries = (name: string) => v.array(v.unknown(), `${name} must be a list`);

/** eth-phishing-detect's src/config.json: blocked hosts, allowed hosts, and the fuzzy matcher's targets and distance. */
const MetaMaskConfigSchema = v.object({
  version: v.number('version must be a number'),
  tolerance: v.number('tolerance must be a number'),
  fuzzylist: Entries('fuzzylist'),
  whitelist: Entries('whitelist'),
  blacklist: v.pipe(Entries('blacklist'), v.minLength(1, 'the blacklist is empty')),
});

/** polkadot{.js}'s all.json: denied hosts, and the hosting services whose own root must never be denied. */
const PolkadotListSchema = v.object({
  allow: Entries('allow'),
  deny: v.pipe(Entries('deny'), v.minLength(1, 'the deny list is empty')),
});

/** The cap for MetaMask's and polkadot's lists: larger than any PoR answer (polkadot's is 1.4 MB in 2026); a list ten times that is refused. */
const LIST_MAX_BYTES = 16 * 1024 * 1024;

/**
 * ScamSniffer's domains.json grows daily: 2.2 MB in the oldest commit its history keeps (2023-12-02), 4.2 MB on
 * 2024-03-30 (165,446 entries, the recording), its size since then not known here. A cap near the
 * others' would soon refuse a sound answer and leave the list's copy to age out; 64 MiB is some
 * fifteen times the recorded size and still bounds what one answer may cost the build's memory.
 */
const SCAMSNIFFER_MAX_BYTES = 64 * 1024 * 1024;

export const metamaskSource: KnownBadSource = {
  id: 'metamask',
  name: 'MetaMask eth-phishing-detect',
  url: 'https://raw.githubusercontent.com/MetaMask/eth-phishing-detect/main/src/config.json',
  maxBytes: LIST_MAX_BYTES,
  read(body) {
    const parsed = v.safeParse(MetaMaskConfigSchema, body);
    if (!parsed.success) return { ok: false, reason: `it is not eth-phishing-detect's config (${describeIssues(parsed.issues)})` };
    // The detector passes a host that is a whitelisted domain or a subdomain of one, whatever the blacklist says.
    const whitelist = new Set(strings(parsed.output.whitelist));
    return { ok: true, listed: parsed.output.blacklist, allowed: (host) => selfOrParent(host).some((name) => whitelist.has(name)) };
  },
};

export const polkadotSource: KnownBadSource = {
  id: 'polkadot',
  name: 'polkadot{.js} phishing',
  url: 'https://polkadot.js.org/phishing/all.json',
  maxBytes: LIST_MAX_BYTES,
  read(body) {
    const parsed = v.safeParse(PolkadotListSchema, body);
    if (!parsed.success) return { ok: false, reason: `it is not polkadot{.js}'s all.json (${describeIssues(parsed.issues)})` };
    // The list's own rule (its additions.spec.ts): never deny an allowed name itself, nor, for
    // `*.base`, the base or one label on it (each user's site root on that hosting service).
    const exact = new Set<string>();
    const wildcard = new Set<string>();
    for (const entry of strings(parsed.output.allow)) {
      if (entry.startsWith('*.')) wildcard.add(entry.slice(2));
      else exact.add(entry);
    }
    const allowed = (host: string): boolean => {
      if (exact.has(host) || wildcard.has(host)) return true;
      const dot = host.indexOf('.');
      return dot > 0 && wildcard.has(host.slice(dot + 1));
    };
    return { ok: true, listed: parsed.output.deny, allowed };
  },
};

/** ScamSniffer's blacklist/domains.json: a plain array of hosts, with no allow entries of its own. */
const ScamSnifferDomainsSchema = v.pipe(v.array(v.unknown(), 'the file must be a list of host names'), v.minLength(1, 'the list is empty'));

export const scamsnifferSource: KnownBadSource = {
  id: 'scamsniffer',
  name: 'ScamSniffer scam-database',
  url: 'https://raw.githubusercontent.com/scamsniffer/scam-database/main/blacklist/domains.json',
  maxBytes: SCAMSNIFFER_MAX_BYTES,
  read(body) {
    const parsed = v.safeParse(ScamSnifferDomainsSchema, body);
    if (!parsed.success) return { ok: false, reason: `it is not scam-database's domains.json (${describeIssues(parsed.issues)})` };
    return { ok: true, listed: parsed.output, allowed: () => false };
  },
};

/** The lists the feed reads. Where two name one host, the extension takes the one read later (`knownBadIndex`). */
export const knownBadSources: readonly KnownBadSource[] = [metamaskSource, polkadotSource, scamsnifferSource];

/**
 * Near-words one edit from a brand that name something else, found reading the recordings:
 * Cobinhood (an exchange of its own), Bitgert (a chain), bitgen, Orbit (a chain and its bridge),
 * coindex (unclear which it means); the English words voyage, voyages (Space ID's and Linea's
 * "Voyage" campaigns, not Voyager) and revolt (not Revolut); BlockAI (a project of its own, not BlockFi).
 */
export const otherWords: ReadonlySet<string> = new Set(['cobinhood', 'bitgert', 'bitgen', 'orbit', 'coindex', 'voyage', 'voyages', 'revolt', 'blockai']);

let officialIndex: ReturnType<typeof buildDomainIndex> | undefined;

/** One list's raw answer → the feed's list of hosts it names that imitate an exchange, or a plain reason. Never throws. */
export function readKnownBadList(source: KnownBadSource, answer: RawAnswer): KnownBadOutcome {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch (error) {
    return { ok: false, reason: `${source.name} is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const read = source.read(body);
  if (!read.ok) return { ok: false, reason: `${source.name}: ${read.reason}` };
  officialIndex ??= buildDomainIndex(exchanges);
  const dropped: Partial<Record<KnownBadDrop, number>> = {};
  const drop = (why: KnownBadDrop) => {
    dropped[why] = (dropped[why] ?? 0) + 1;
  };
  const seen = new Set<string>();
  const hosts: [string, string][] = [];
  for (const entry of read.listed) {
    const host = hostOf(entry);
    if (host === undefined) drop('not-a-host');
    else if (seen.has(host)) drop('repeated');
    else {
      seen.add(host);
      if (getPublicSuffix(host, { allowPrivateDomains: true }) === host) drop('public-suffix');
      else if (exactMatch(host, officialIndex) !== undefined) drop('official');
      else if (read.allowed(host)) drop('allowed');
      else {
        const tied = exchangeOf(host);
        if (tied === undefined) drop('no-exchange');
        else if (tied === false) drop('other-word');
        else if (tied === 'inside-word') drop('inside-word');
        else hosts.push([host, tied]);
      }
    }
  }
  hosts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const list: KnownBadList = { id: source.id, name: source.name, url: source.url, fetchedAt: answer.fetchedAt, sha256: answer.sha256, hosts };
  return { ok: true, list, listed: read.listed.length, dropped };
}

const dropWords: Record<KnownBadDrop, string> = {
  'not-a-host': 'not a hostname',
  repeated: 'listed again',
  'public-suffix': 'a public ending (a whole hosting service or domain ending)',
  official: "an exchange's official domain or a subdomain of one",
  allowed: "covered by the list's own allow entries",
  'no-exchange': 'naming no exchange of the registry',
  'other-word': 'only a word two letters off a brand, or a reviewed other name',
  'inside-word': "the brand's letters inside another word or name (a bank's name ending in lbank, bitcoin-revolution, coin-express, sites naming the Kraken darknet market)",
};

/** The drops in plain words, largest first: "12,253 naming no exchange of the registry; 2 not a hostname". */
export function describeDrops(dropped: Partial<Record<KnownBadDrop, number>>): string {
  const parts = (Object.entries(dropped) as [KnownBadDrop, number][]).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  return parts.length === 0 ? 'none' : parts.map(([why, count]) => `${count.toLocaleString('en-US')} ${dropWords[why]}`).join('; ');
}

/**
 * The registry id a listed host imitates, `false` when the brand rule found only a near-word that
 * is not a spelling of a brand, `inside-word` when the brand's letters are part of another word or name
 * (`brandStands`, ./known-bad-tie.ts), `undefined` when it found nothing. A brand standing in the host ties it;
 * a near-word does only one edit from a brand (`blnance`) or as a reviewed spelling: two edits
 * reach other words too often (`finances`, `balance`, `whitelist`, `gaming`).
 */
export function exchangeOf(host: string): string | false | 'inside-word' | undefined {
  const match = brandMatch(host);
  if (match === undefined) return undefined;
  if (match.via === 'brand') return brandStands(host, match.word) ? match.id : 'inside-word';
  if (otherWords.has(match.word)) return false;
  if (targetFixes[match.word] !== undefined) return match.id;
  for (const [brand, id] of brandWords) {
    if (id === match.id && brand.length >= 6 && editDistance({ a: match.word, b: brand, max: 1 }) <= 1) return match.id;
  }
  return false;
}

/** A listed entry as a browser shows the host: lowercase, no trailing dot, Unicode in Punycode; undefined when it is not one. */
export function hostOf(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  let host = entry.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  // Only a bare name goes through URL parsing, which would otherwise take a path or a port off.
  if (/[^\x20-\x7e]/.test(host) && !/[\s/?#@:\\%]/.test(host)) {
    try {
      host = new URL(`http://${host}/`).hostname;
    } catch {
      return undefined;
    }
  }
  return v.is(KnownBadHostSchema, host) ? host : undefined;
}

function strings(entries: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const entry of entries) if (typeof entry === 'string') out.push(entry.toLowerCase().replace(/\.$/, ''));
  return out;
}

/** `a.b.example.com` → itself, `b.example.com`, `example.com`, `com`. */
function selfOrParent(host: string): string[] {
  const names = [host];
  for (let at = host.indexOf('.'); at >= 0; at = host.indexOf('.', at + 1)) names.push(host.slice(at + 1));
  return names;
}
