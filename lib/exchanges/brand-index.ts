/**
 * The lookup tables `classify` runs on, built once from the registry. Kept apart from the
 * exchange files: these are judgement calls about words (which brand tokens are too common to be
 * evidence, which words phishers pair with a brand), not facts about an exchange.
 */
import { getDomainWithoutSuffix, getPublicSuffix } from 'tldts';
import type { ExchangeDefinition } from './types';
import { skeleton } from './skeleton';
import { collapseRepeats } from './edit-distance';

/**
 * Words phishing hosts put next to a brand to sound official or urgent. Seen in the
 * eth-phishing-detect blacklist entries of tests/fixtures/domains/phishing.txt.
 */
export const baitWords: ReadonlySet<string> = new Set([
  'login',
  'log',
  'logon',
  'signin',
  'signup',
  'sign',
  'auth',
  'oauth',
  'authenticate',
  'authentication',
  'verify',
  'verification',
  'verified',
  'validate',
  'validation',
  'confirm',
  'confirmation',
  'support',
  'help',
  'helpdesk',
  'helpcenter',
  'service',
  'care',
  'contact',
  'desk',
  'ticket',
  'assist',
  'assistant',
  'airdrop',
  'giveaway',
  'give',
  'gift',
  'claim',
  'bonus',
  'reward',
  'promo',
  'promotion',
  'event',
  'drop',
  'free',
  'win',
  'winner',
  'lottery',
  'prize',
  'receive',
  'double',
  'refund',
  'compensation',
  'wallet',
  'secure',
  'security',
  'safe',
  'safety',
  'protect',
  'protection',
  'account',
  'update',
  'upgrade',
  'unlock',
  'unblock',
  'locked',
  'suspend',
  'suspended',
  'recover',
  'recovery',
  'restore',
  'sync',
  'connect',
  'pay',
  'payment',
  'withdraw',
  'withdrawal',
  'deposit',
  'kyc',
  'official',
  'online',
  'www',
  'web',
  'app',
  'portal',
  'dashboard',
  'session',
  'access',
  'alert',
  'notice',
  'migrate',
  'migration',
  'activate',
  'activation',
  'team',
  'live',
  'mining',
  'staking',
  'stake',
  'earn',
  'com',
  'net',
  'org',
  'io',
  'check',
  'transaction',
  'fund',
  '2fa',
  'partner',
  'logn',
  'lgin',
  'ligin',
  'sigin',
  'acess',
  'suport',
  // Misspelled bait and the words of claims, repayment and compliance scams (FTX claims, "AML checks").
  'loggin',
  'signon',
  'airdop',
  'airdrp',
  'aidrop',
  'repayment',
  'repay',
  'distribution',
  'aml',
  'amlcheck',
  'verifiy',
  'verfy',
  'suppport',
  'servise',
  'helpline',
  'hotline',
  // the claims process of a failed exchange (FTX, Celsius, BlockFi) and the agents that run it
  'declaration',
  'settlement',
  'customer',
  'client',
  'case',
  'debtor',
  'creditor',
  'bankruptcy',
  'restructuring',
  'restructure',
  'noticing',
  'kroll',
  'stretto',
  // listings, votes and compliance notices
  'listing',
  'vote',
  'report',
  'compliance',
  'register',
  'registration',
]);

/** Words that put a host in a crypto context; a common-word brand needs one of these or a bait word. */
export const cryptoWords: ReadonlySet<string> = new Set([
  'crypto',
  'btc',
  'eth',
  'usdt',
  'usdc',
  'coin',
  'token',
  'nft',
  'defi',
  'exchange',
  'trade',
  'trading',
  'trader',
  'bitcoin',
  'ethereum',
  'web3',
  'dex',
  'cex',
  'swap',
  'p2p',
  'futures',
  'spot',
  'margin',
  'pro',
  'global',
  'market',
  'markets',
  'chain',
  'ledger',
  'vault',
  'invest',
  'investment',
  'yield',
  'forex',
  'ico',
  'ido',
  'ieo',
  'sto',
  'bnb',
  'trx',
  'tron',
  'xrp',
  'neo',
  'ltc',
  'doge',
  'usd',
  'otc',
  'vip',
  'dapp',
]);

/**
 * Endings where cheap, throwaway registrations cluster: 17.7 % of the development half's phishing
 * hosts end in one of these, against 4.8 % of the legitimate hosts. On one of these a brand padded with a few
 * stray letters (`krakenz.top`, `coinexp.top`) is a lookalike; elsewhere a padded common word may be
 * another product (`krakend.io`).
 */
export const favouredEndings: ReadonlySet<string> = new Set([
  'top',
  'xyz',
  'icu',
  'cfd',
  'sbs',
  'vip',
  'cc',
  'live',
  'shop',
  'online',
  'site',
  'click',
  'buzz',
  'cyou',
  'bond',
  'lol',
  'fun',
  'cam',
  'rest',
  'pw',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'mobi',
  'club',
  'store',
  'biz',
  'work',
  'today',
  'life',
  'website',
  'space',
  'asia',
  'help',
  'support',
]);

/**
 * Brand tokens that are also ordinary words or names (`gate`, `gemini`, `kraken`): on their own
 * they say nothing, so they count only beside a bait or crypto word, as a whole registrable name
 * on another ending, or spelled with look-alike characters. Never by edit distance.
 */
export const commonWords: ReadonlySet<string> = new Set([
  'gate',
  'luno',
  'gemini',
  'kraken',
  'celsius',
  'voyager',
  'uphold',
  'liquid',
  'quadriga',
  'nexo',
  'phoenix',
  'bitcoin',
  'crypto',
  'coin',
  'exchange',
  'global',
  'one',
  'pro',
  'max',
  'independent',
  'reserve',
  'bullish',
  'strike',
  'river',
  'cash',
  'swan',
  'robinhood',
]);

/** Tokens too generic to name any one exchange; a registry file listing one is ignored for it. */
const genericTokens: ReadonlySet<string> = new Set([
  'crypto',
  'bitcoin',
  'coin',
  'coins',
  'exchange',
  'global',
  'pro',
  'one',
  'app',
  'com',
  'io',
  'trade',
  'wallet',
  'cex',
  'dex',
  'markets',
  'bank',
  'finance',
  'capital',
  'invest',
  'us',
  'uk',
  'eu',
]);

/**
 * Brand tokens that are coined words, found in no ordinary word or other site's name we know of
 * (`bybit`, `kucoin`, `okx`): anywhere in a host the exchange does not own, they are a warning on their
 * own, glued to anything (`bybitq`, `okxweb`, `binanceasia`). Kept short on purpose: a token goes here
 * only when the legitimate corpora show no other use of it.
 */
export const distinctiveBrands: ReadonlySet<string> = new Set([
  'binance',
  'coinbase',
  'kucoin',
  'bybit',
  'bitget',
  'okx',
  'okex',
  'mexc',
  'bitfinex',
  'huobi',
  'bitmex',
  'bitstamp',
  'bitvavo',
  'bitpanda',
  'poloniex',
  'bithumb',
  'upbit',
  'gateio',
  'bingx',
  'phemex',
  'pionex',
  'whitebit',
  'bitmart',
  'bitrue',
  'coindcx',
  'wazirx',
  'btcturk',
  'indodax',
  'deribit',
  'bitflyer',
  'coincheck',
]);

/**
 * Free hosting and site builders where anyone can publish under a shared domain: a brand on one of
 * these is never the exchange (exchanges publish on their own domains).
 */
export const freeHosting: readonly string[] = [
  'pages.dev',
  'workers.dev',
  'vercel.app',
  'netlify.app',
  'web.app',
  'firebaseapp.com',
  'github.io',
  'gitlab.io',
  'blogspot.com',
  'herokuapp.com',
  'glitch.me',
  'repl.co',
  'replit.app',
  '000webhostapp.com',
  'wixsite.com',
  'weebly.com',
  'webflow.io',
  'surge.sh',
  'onrender.com',
  'fly.dev',
  'r2.dev',
  'square.site',
  'framer.app',
  'framer.website',
  'godaddysites.com',
  'mystrikingly.com',
  'notion.site',
  'gitbook.io',
  'wordpress.com',
  'translate.goog',
  'ipfs.io',
  'fleek.co',
  'on.fleek.co',
  'azurewebsites.net',
  'amplifyapp.com',
  'plesk.page',
];

/** Real words one edit away from a brand (`finance` / `binance`): never a typo of it. */
export const nearMissWords: ReadonlySet<string> = new Set(['finance', 'balance', 'bitmark', 'bithub', 'bitrix', 'coinzone', 'coingate']);

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
}

export interface OfficialDomain {
  domain: string;
  exchange: ExchangeDefinition;
}

export interface BrandIndex {
  /** Official registrable domain → exchange. */
  byDomain: Map<string, ExchangeDefinition>;
  /** Brand skeleton → entries, best first. */
  byToken: Map<string, BrandEntry[]>;
  /** Skeleton with doubled letters collapsed → entries whose collapsed form differs from the brand. */
  byCollapsed: Map<string, BrandEntry[]>;
  /** Entries that may match a token by edit distance (long brands, and six-letter ones on the registrable name), by skeleton length. */
  typoByLength: BrandEntry[][];
  /** Entries of five letters or more by the key of their first three letters (see `trigramKey`), longest first. */
  byTrigram: Map<number, BrandEntry[]>;
  /** Official domains by their first label (`binance` → binance.com, binance.me…). */
  domainsByName: Map<string, OfficialDomain[]>;
  /** Most labels in an official domain (`coinone.co.kr` → 3): how far an exact match can reach. */
  maxDomainLabels: number;
  shortestBrand: number;
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

export function buildBrandIndex(exchanges: readonly ExchangeDefinition[]): BrandIndex {
  const index: BrandIndex = {
    byDomain: new Map(),
    byToken: new Map(),
    byCollapsed: new Map(),
    typoByLength: [],
    byTrigram: new Map(),
    domainsByName: new Map(),
    maxDomainLabels: 0,
    shortestBrand: Infinity,
    shortDistinctive: [],
  };
  const entries: BrandEntry[] = [];
  for (const exchange of exchanges) {
    const seen = new Set<string>();
    const tokens: string[] = [];
    for (const raw of exchange.brandTokens) tokens.push(compact(raw));
    for (const domain of exchange.domains) {
      const lower = domain.toLowerCase();
      // Keep the first claim: the meta-test reports a domain listed by two exchanges.
      if (!index.byDomain.has(lower)) index.byDomain.set(lower, exchange);
      push(index.domainsByName, lower.split('.')[0]!, { domain: lower, exchange });
      index.maxDomainLabels = Math.max(index.maxDomainLabels, lower.split('.').length);
      // `gate` + `io` → `gateio`: the name people type when the bare word is too common.
      const name = getDomainWithoutSuffix(lower);
      const suffix = getPublicSuffix(lower);
      if (name && suffix && tokens.includes(name) && strengthOf(name) === 'weak') tokens.push(compact(name + suffix));
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
      });
    });
  }
  for (const entry of entries) {
    push(index.byToken, entry.skeleton, entry);
    push(index.byCollapsed, entry.collapsed, entry);
    // Never for common words (`kraken`) or brands that begin ordinary words (`revolut`/`revolt`).
    if (entry.strength === 'long' || (entry.strength === 'medium' && entry.token.length >= 6 && !notInsideWords.has(entry.token))) {
      (index.typoByLength[entry.skeleton.length] ??= []).push(entry);
    }
    if (entry.skeleton.length >= 5) {
      const key = trigramKey(entry.skeleton, 0);
      if (key >= 0) push(index.byTrigram, key, entry);
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
  return index;
}
