/**
 * The lookup tables `classify` runs on, built once from the registry's brand tokens and domains.
 * The word lists they weigh brands by (lookalike/brand-words.ts, lookalike/bait-words.ts) are
 * judgement calls about words, not facts about an exchange, so they live apart from the exchange files.
 */
import { getDomainWithoutSuffix, getPublicSuffix } from 'tldts';
import type { ExchangeDefinition } from './types';
import { skeleton } from './skeleton';
import { collapseRepeats } from './edit-distance';
import { keyHeads, mayBeKey, mayStartKey, type KeyHeads } from './lookalike/key-heads';
import { commonWords, distinctiveBrands, genericTokens, leadingBrands } from './lookalike/brand-words';

/**
 * How much evidence a brand token needs. `long`: found anywhere inside a label and by typo.
 * `medium`: a whole token, a token made of the brand plus bait words, or a typo of the
 * registrable name. `weak`: short or common words, see `commonWords`.
 */
export type BrandStrength = 'long' | 'medium' | 'weak';

export interface BrandEntry {
  /** As written in the registry, lowercase (`binance`). */
  token: string;
  skeleton: string;
  collapsed: string;
  exchange: ExchangeDefinition;
  /** Lower is better: the exchange's first brand token outranks its later ones. */
  rank: number;
  strength: BrandStrength;
  /** Common words of four letters or fewer (`gate`, `luno`) are not even a lookalike as `gate.de`. */
  tldSwapAllowed: boolean;
  /** A coined name (see `distinctiveBrands`): found glued to anything. */
  distinctive: boolean;
  /** For a coined name found glued to anything at the start of a token, the rests of the words it begins, as written (see `leadingBrands`). */
  leading: readonly string[] | undefined;
  /**
   * For a name made of a common word and its ending (`krakencom` from kraken.com), the common word's
   * skeleton: a typo that keeps it whole (`krakenrum`, Kraken Rum's site) is that word padded, not a typo.
   */
  base: string | undefined;
}

export interface OfficialDomain {
  domain: string;
  exchange: ExchangeDefinition;
}

/** The official domains alone: enough for an exact match, and built without the public-suffix list. */
export interface DomainIndex {
  /** Official registrable domain → exchange. */
  byDomain: Map<string, ExchangeDefinition>;
  /** Most labels in an official domain (`coinone.co.kr` → 3): how far an exact match can reach. */
  maxDomainLabels: number;
  /** The first two letters of the official domains (see lookalike/key-heads.ts). */
  domainHeads: KeyHeads;
}

export interface BrandIndex extends DomainIndex {
  /** Brand skeleton → entries, best first. */
  byToken: Map<string, BrandEntry[]>;
  /** Skeleton with doubled letters collapsed → entries whose collapsed form differs from the brand. */
  byCollapsed: Map<string, BrandEntry[]>;
  /** The first two letters of the keys of `byToken` and `byCollapsed`. */
  tokenHeads: KeyHeads;
  /** Entries that may match a token by edit distance (long brands, and six-letter ones on the registrable name), by skeleton length. */
  typoByLength: BrandEntry[][];
  /** Entries of five letters or more by the key of their first three letters (see `trigramKey`), longest first. */
  byTrigram: Map<number, BrandEntry[]>;
  /** The first two letters of the entries in `byTrigram`. */
  trigramHeads: KeyHeads;
  /** Official domains by their first label (`binance` → binance.com, binance.me…). */
  domainsByName: Map<string, OfficialDomain[]>;
  /** The first two letters of the names in `domainsByName`. */
  nameHeads: KeyHeads;
  shortestBrand: number;
  /**
   * Brands of six letters or more that are common words (`kraken`) or coined (`kucoin`), by skeleton
   * length: the targets of the added-letter and beside-bait typo rules (lookalike/typo.ts).
   */
  insertTargets: BrandEntry[][];
  /** Distinctive brands shorter than five letters (`okx`, `mexc`), which the trigram index leaves out. */
  shortDistinctive: BrandEntry[];
}

/** Three char codes below 256 packed in one number, or -1: a Map key that costs no allocation. */
export function trigramKey(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (!(a < 256 && b < 256 && c < 256)) return -1;
  return (a << 16) | (b << 8) | c;
}

/** `byToken.get(text.slice(start, end))`, cutting and hashing the text only when it may be a brand. */
export function brandsNamed(brands: BrandIndex, text: string, start = 0, end = text.length): BrandEntry[] | undefined {
  if (!mayBeKey(brands.tokenHeads, text, start, end)) return undefined;
  return brands.byToken.get(start === 0 && end === text.length ? text : text.slice(start, end));
}

/** `byCollapsed.get(text)`, hashing the text only when it may be a brand. */
export function brandsCollapsedTo(brands: BrandIndex, text: string): BrandEntry[] | undefined {
  return mayBeKey(brands.tokenHeads, text, 0, text.length) ? brands.byCollapsed.get(text) : undefined;
}

/**
 * Whether a token, as written, goes on past a brand at its start into a word the brand begins (`revolut` + `ion`,
 * `coinex` + `it`), by a word's rest of `minLength` letters or more. Written otherwise (digits, look-alike letters),
 * it is not one of those words.
 */
export function beginsWord(entry: BrandEntry, rawToken: string, minLength = 1): boolean {
  const at = entry.token.length;
  return rawToken.startsWith(entry.token) && entry.leading?.some((rest) => rest.length >= minLength && rawToken.startsWith(rest, at)) === true;
}

/** The shortest skeleton in `byTrigram`: a brand found there at `at` ends at `at + trigramBrandLength` or later. */
export const trigramBrandLength = 5;

/** The entries of `byTrigram` whose first three letters stand at `at` in `text` (three letters or more from `at`). */
export function brandsStartingAt(brands: BrandIndex, text: string, at: number): BrandEntry[] | undefined {
  if (!mayStartKey(brands.trigramHeads, text, at)) return undefined;
  const key = trigramKey(text, at);
  return key < 0 ? undefined : brands.byTrigram.get(key);
}

/**
 * Long brands that begin ordinary words or other sites' names (`revolut` → revolution,
 * `cryptocom` → cryptocompare, `blockfi` → blockfinance): matched as whole tokens only.
 */
const notInsideWords: ReadonlySet<string> = new Set(['revolut', 'cryptocom', 'blockfi', 'coinone']);

function strengthOf(token: string): BrandStrength {
  if (token.length <= 4 || commonWords.has(token)) return 'weak';
  return token.length >= 7 && !notInsideWords.has(token) ? 'long' : 'medium';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compact(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Official domain → exchange, for the exact match every page of an exchange meets. The brand
 * index below needs the public-suffix list (tldts, which builds its lookup tables when first
 * used); this one does not, so a wake-up that only answers an exchange's own page never loads it.
 */
export function buildDomainIndex(exchanges: readonly ExchangeDefinition[]): DomainIndex {
  const byDomain = new Map<string, ExchangeDefinition>();
  let maxDomainLabels = 0;
  for (const exchange of exchanges) {
    for (const domain of exchange.domains) {
      const lower = domain.toLowerCase();
      // Keep the first claim: the meta-test reports a domain listed by two exchanges.
      if (!byDomain.has(lower)) byDomain.set(lower, exchange);
      maxDomainLabels = Math.max(maxDomainLabels, lower.split('.').length);
    }
  }
  return { byDomain, maxDomainLabels, domainHeads: keyHeads(byDomain.keys()) };
}

export function buildBrandIndex(exchanges: readonly ExchangeDefinition[]): BrandIndex {
  const index: BrandIndex = {
    ...buildDomainIndex(exchanges),
    byToken: new Map(),
    byCollapsed: new Map(),
    tokenHeads: keyHeads([]),
    typoByLength: [],
    byTrigram: new Map(),
    trigramHeads: keyHeads([]),
    domainsByName: new Map(),
    nameHeads: keyHeads([]),
    shortestBrand: Infinity,
    insertTargets: [],
    shortDistinctive: [],
  };
  const entries: BrandEntry[] = [];
  for (const exchange of exchanges) {
    const seen = new Set<string>();
    const tokens: string[] = [];
    const bases = new Map<string, string>();
    for (const raw of exchange.brandTokens) tokens.push(compact(raw));
    for (const domain of exchange.domains) {
      const lower = domain.toLowerCase();
      push(index.domainsByName, lower.split('.')[0]!, { domain: lower, exchange });
      // `gate` + `io` → `gateio`: the name people type when the bare word is too common.
      const name = getDomainWithoutSuffix(lower);
      const suffix = getPublicSuffix(lower);
      if (name && suffix && tokens.includes(name) && strengthOf(name) === 'weak') {
        const joined = compact(name + suffix);
        tokens.push(joined);
        bases.set(joined, skeleton(name));
      }
    }
    tokens.forEach((token, rank) => {
      if (token === '' || genericTokens.has(token) || seen.has(token)) return;
      seen.add(token);
      const strength = strengthOf(token);
      const tokenSkeleton = skeleton(token);
      entries.push({
        token,
        skeleton: tokenSkeleton,
        collapsed: collapseRepeats(tokenSkeleton),
        exchange,
        rank,
        strength,
        tldSwapAllowed: !(commonWords.has(token) && token.length <= 4),
        distinctive: distinctiveBrands.has(token),
        leading: leadingBrands.get(token),
        base: bases.get(token),
      });
    });
  }
  for (const entry of entries) {
    push(index.byToken, entry.skeleton, entry);
    push(index.byCollapsed, entry.collapsed, entry);
    // Never for common words (`kraken`) or brands that begin ordinary words (`cryptocom`), unless the words they begin are
    // known (`revolut`, whose `revolt` and `revolute` are near-miss words).
    if (entry.strength === 'long' || (entry.strength === 'medium' && entry.token.length >= 6 && (!notInsideWords.has(entry.token) || entry.leading !== undefined))) {
      (index.typoByLength[entry.skeleton.length] ??= []).push(entry);
    }
    if (entry.skeleton.length >= trigramBrandLength) {
      const key = trigramKey(entry.skeleton, 0);
      if (key >= 0) push(index.byTrigram, key, entry);
    }
    if (entry.skeleton.length >= 6 && (entry.strength === 'weak' || (entry.strength === 'medium' && entry.distinctive))) {
      (index.insertTargets[entry.skeleton.length] ??= []).push(entry);
    }
    index.shortestBrand = Math.min(index.shortestBrand, entry.skeleton.length);
    if (entry.distinctive && entry.skeleton.length < 5) index.shortDistinctive.push(entry);
  }
  const better = (a: BrandEntry, b: BrandEntry) => a.rank - b.rank;
  for (const list of index.byToken.values()) list.sort(better);
  for (const list of index.byCollapsed.values()) list.sort(better);
  // Longest first, so `binanceus` is found before `binance` inside `binanceus-login`.
  const longestFirst = (a: BrandEntry, b: BrandEntry) => b.skeleton.length - a.skeleton.length || a.rank - b.rank;
  for (const list of index.byTrigram.values()) list.sort(longestFirst);
  for (const list of index.typoByLength) list?.sort(better);
  for (const list of index.insertTargets) list?.sort(better);
  index.trigramHeads = keyHeads(entries.filter((entry) => entry.skeleton.length >= trigramBrandLength).map((entry) => entry.skeleton));
  index.nameHeads = keyHeads(index.domainsByName.keys());
  index.tokenHeads = keyHeads([...index.byToken.keys(), ...index.byCollapsed.keys()]);
  return index;
}
