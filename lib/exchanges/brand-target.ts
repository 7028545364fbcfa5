/**
 * The brand rule that ties a listed phishing host to the registry exchange it imitates: the corpus
 * builders (tests/fixtures/domains) select by it, and the feed builder keeps a known-bad list's
 * hosts by it (lib/feed/known-bad-lists.ts). Never lib/exchanges/classify.ts: the hosts the rules
 * miss are the point of both. After Punycode decoding and accent stripping, (a) a registry brand
 * of five letters or more appears anywhere in the host, (b) a shorter brand is a whole dot-,
 * hyphen- or underscore-separated token, or (c) a token of five letters or more is at most two
 * edits from a brand of six letters or more, unless it is one of the reviewed real names below.
 * Returns the registry id it imitates.
 */
import { getPublicSuffix } from 'tldts';
import { exchanges } from './registry';
import { editDistance } from './edit-distance';
import { decodeIdnLabel } from './punycode';

/** Near-words that are real names, reviewed: any candidate found only through them is dropped. */
export const otherNames = new Set(['github', 'finance', 'block', 'yobit', 'bitmain', 'coinomi', 'bithomp']);

/** Where the near-word points at a different exchange than the closest brand (reviewed). */
export const targetFixes: Record<string, string> = { bittrex: 'bittrex', bitterx: 'bittrex', bitmex: 'bitmex', pionex: 'pionex', poionlex: 'poloniex', bitrex: 'bittrex', coinex: 'coinex' };

const brandToExchange = new Map<string, string>();
for (const exchange of exchanges) {
  for (const token of exchange.brandTokens) brandToExchange.set(token.toLowerCase().replace(/[^a-z0-9]/g, ''), exchange.id);
  for (const domain of exchange.domains) {
    const name = domain.split('.')[0]!;
    // `crypto` (crypto.com) and `bt` (bt.cx) are words, not names, in other hosts.
    if (name.length >= 3 && name !== 'crypto' && !brandToExchange.has(name)) brandToExchange.set(name, exchange.id);
  }
}

/** Every brand word the rule looks for, with the registry id it names. */
export const brandWords: ReadonlyMap<string, string> = brandToExchange;

/** How the brand rule tied a host to an exchange: the brand inside (a, b) or a near-word token (c). */
export interface BrandMatch {
  id: string;
  via: 'brand' | 'near';
  /** The brand found (a, b), or the token within two edits of one (c). */
  word: string;
}

export function brandTarget(host: string): string | undefined {
  return brandMatch(host)?.id;
}

/** The name left of the public ending, Punycode decoded and accents stripped, dots kept. */
export function decodedBody(host: string): string {
  const suffix = getPublicSuffix(host) ?? '';
  return host
    .slice(0, host.length - suffix.length - 1)
    .split('.')
    .map(decodeIdnLabel)
    .join('.')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export function brandMatch(host: string): BrandMatch | undefined {
  const decoded = decodedBody(host);
  const tokens = decoded.split(/[.\-_]/);
  const joined = decoded.replace(/[.\-_]/g, '');
  for (const [brand, id] of brandToExchange) if (brand.length >= 5 && joined.includes(brand)) return { id, via: 'brand', word: brand };
  for (const [brand, id] of brandToExchange) if (brand.length < 5 && tokens.includes(brand)) return { id, via: 'brand', word: brand };
  for (const token of tokens) {
    if (token.length < 5 || otherNames.has(token)) continue;
    if (targetFixes[token]) return { id: brandToExchange.get(targetFixes[token]!) ?? targetFixes[token]!, via: 'near', word: token };
    for (const [brand, id] of brandToExchange) {
      if (brand.length >= 6 && editDistance({ a: token, b: brand, max: 2 }) <= 2) return { id, via: 'near', word: token };
    }
  }
  return undefined;
}
