import * as v from 'valibot';
import { getPublicSuffix } from 'tldts';
import { ExchangeIdSchema } from './exchange-id';

/**
 * Known-bad hosts: sites that public phishing lists (MetaMask's eth-phishing-detect,
 * polkadot{.js}'s phishing list, ScamSniffer's scam-database) name, kept to those that imitate a registry exchange. A signal
 * apart from the classifier, which judges by rules alone (issue 21): it comes with the signed feed
 * (the snapshot's `knownBad`, docs/feed.md), so a host any list has caught is warned about within
 * the hour the feed picks it up, whatever the rules make of its name.
 */

export const KNOWN_BAD_LIMITS = {
  maxLists: 8,
  /** All lists together. The recorded lists tie about 3,500 hosts to an exchange; seven times that is refused. */
  maxHosts: 25_000,
  maxNameLength: 80,
  maxUrlLength: 500,
  /**
   * A list read longer ago than this is not used: lists take names off again (a site cleaned up,
   * a wrong listing), and an old copy would go on warning about them. Our copy's age, not the list's fault.
   */
  maxAgeDays: 30,
  /**
   * A list dated further ahead of the reader's clock than this is not used, and a held section so
   * dated gives way to any other: a wrong clock at the builder must not pin a copy that never ages.
   */
  maxAheadMs: 24 * 60 * 60_000,
} as const;

const ListIdSchema = v.pipe(v.string('a list id must be text'), v.regex(/^[a-z][a-z\d-]{0,39}$/, 'a list id is a lowercase letter, then up to 39 more letters, digits or dashes'));

/**
 * A hostname as browsers show it: lowercase ASCII (Unicode names in punycode), two labels or
 * more, each 1–63 letters, digits, hyphens or underscores, 253 characters at most; the ending
 * starts with a letter, as every top-level domain does (so no IP address).
 */
export const KnownBadHostSchema = v.pipe(
  v.string('a host must be text'),
  v.maxLength(253, 'a host is at most 253 characters'),
  v.regex(/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z](?:[a-z\d-]{0,61}[a-z\d])?$/, 'a host is lowercase labels of letters, digits and hyphens, joined by dots'),
);

export const KnownBadListSchema = v.object({
  id: ListIdSchema,
  /** How the list is named to the reader, a proper name that reads in any language: "MetaMask eth-phishing-detect". */
  name: v.pipe(v.string('a list name must be text'), v.minLength(1, 'a list name cannot be empty'), v.maxLength(KNOWN_BAD_LIMITS.maxNameLength, 'a list name is too long')),
  /** The address the builder read the list from. */
  url: v.pipe(
    v.string('a list URL must be text'),
    v.maxLength(KNOWN_BAD_LIMITS.maxUrlLength, 'a list URL is too long'),
    v.url('a list URL must be a URL'),
    v.startsWith('https://', 'a list URL must be https'),
  ),
  /** When the builder read it: the moment every host below is vouched for. */
  fetchedAt: v.pipe(v.string('fetchedAt must be text'), v.isoTimestamp('fetchedAt must be an ISO timestamp')),
  /** SHA-256 of the list's raw text, as read. */
  sha256: v.pipe(v.string('sha256 must be text'), v.regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits')),
  /** Each listed host with the registry exchange it imitates. */
  hosts: v.pipe(v.array(v.tuple([KnownBadHostSchema, ExchangeIdSchema])), v.maxLength(KNOWN_BAD_LIMITS.maxHosts, 'a list holds too many hosts')),
});
export type KnownBadList = v.InferOutput<typeof KnownBadListSchema>;

export const KnownBadSchema = v.pipe(
  v.object({
    lists: v.pipe(v.array(KnownBadListSchema), v.maxLength(KNOWN_BAD_LIMITS.maxLists, 'too many lists')),
  }),
  v.check((section) => new Set(section.lists.map((list) => list.id)).size === section.lists.length, 'two lists share an id'),
  v.check((section) => section.lists.reduce((sum, list) => sum + list.hosts.length, 0) <= KNOWN_BAD_LIMITS.maxHosts, 'the lists hold too many hosts together'),
);
export type KnownBad = v.InferOutput<typeof KnownBadSchema>;

/** Where a host was found: the exchange it imitates and the list that names it. */
export interface Listing {
  /** The host or parent domain the list names. */
  listed: string;
  exchange: string;
  list: { id: string; name: string; url: string; fetchedAt: string };
}

/** When a list was read, in ms (any ISO offset), or NaN. */
const readAt = (list: { fetchedAt: string }) => Date.parse(list.fetchedAt);

/** The list was read no more than `maxAgeDays` ago and not ahead of `now` by more than `maxAheadMs`. */
export function usableAt(list: { fetchedAt: string }, now: Date): boolean {
  const age = now.getTime() - readAt(list);
  return age <= KNOWN_BAD_LIMITS.maxAgeDays * 86_400_000 && age >= -KNOWN_BAD_LIMITS.maxAheadMs;
}

/** The newest reading of the section: the latest `fetchedAt` of its lists, in ms (-Infinity for none). */
export function knownBadAsOf(section: KnownBad | undefined): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const list of section?.lists ?? []) if (readAt(list) > newest) newest = readAt(list);
  return newest;
}

/** The hosts of a section, looked up; built once per section the background holds. */
export interface KnownBadIndex {
  /**
   * The listing for a host, from a list read within `maxAgeDays` of `now`: the host itself, or a
   * parent domain of it down to the registrable domain (a list names `evil.example`; the page is
   * `login.evil.example`), never a public ending. Of two lists naming a host, the one read later
   * answers. Needs the public-suffix list (`publicSuffixReady`, as `classify` does).
   */
  find(host: string, now: Date): Listing | undefined;
}

export function knownBadIndex(section: KnownBad | undefined): KnownBadIndex {
  const byHost = new Map<string, Listing>();
  for (const { id, name, url, fetchedAt, hosts } of section?.lists ?? []) {
    const list = { id, name, url, fetchedAt };
    for (const [host, exchange] of hosts) {
      const held = byHost.get(host);
      if (held === undefined || readAt(held.list) < readAt(list)) byHost.set(host, { listed: host, exchange, list });
    }
  }
  return {
    find(host, now) {
      if (byHost.size === 0) return undefined;
      const name = host.toLowerCase().replace(/\.$/, '');
      const suffix = getPublicSuffix(name, { allowPrivateDomains: true });
      if (!suffix || suffix.length >= name.length) return undefined;
      // From the host up to the label left of the public ending.
      for (let at = 0; at >= 0 && name.length - at > suffix.length; at = name.indexOf('.', at) + 1 || -1) {
        const found = byHost.get(at === 0 ? name : name.slice(at));
        if (found && usableAt(found.list, now)) return found;
      }
      return undefined;
    },
  };
}

/** A stored or received section, checked like any input: a damaged one is none at all, never a partial one. */
export function readKnownBad(value: unknown): KnownBad | undefined {
  const parsed = v.safeParse(KnownBadSchema, value);
  return parsed.success ? parsed.output : undefined;
}

/**
 * Which section to hold: the one a verified feed brought when it was read later than what is held
 * (a feed whose builder kept an older copy of every list does not take back a newer one, and the
 * same section sent again is not stored again), or when what is held is dated ahead of `now`.
 */
export function newerKnownBad(held: KnownBad | undefined, incoming: KnownBad | undefined, now: Date): KnownBad | undefined {
  if (incoming === undefined) return held;
  if (held === undefined) return incoming;
  if (knownBadAsOf(held) > now.getTime() + KNOWN_BAD_LIMITS.maxAheadMs) return incoming;
  return knownBadAsOf(incoming) > knownBadAsOf(held) ? incoming : held;
}
