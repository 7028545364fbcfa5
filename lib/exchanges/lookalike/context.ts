/**
 * Bait and crypto words beside a brand: which token of a label is one, which is the most telling,
 * and whether what is glued to a brand inside one token is bait.
 */
import { beginsWord, type BrandEntry } from '../brand-index';
import { baitWords, cryptoWords } from './bait-words';
import { withinOneEdit } from './typo';
import type { Label } from './types';

export function contextsOf(label: Label): (string | undefined)[] {
  label.contexts ??= label.rawTokens.map(tokenContext);
  return label.contexts;
}

/**
 * A token's bait or crypto word: the token itself, a bait word after `my`, `your`, `get`, `the` (`myaccount`), or
 * two bait words run together, the first of five letters or more (`activitylog`, `loginhelp`; not `carefree`). Not a word with other letters before it, which makes other words (`supermarket`,
 * `shareholder`, `determining`), nor after it (`accessories`, `careers`), nor bait run into a crypto word
 * (`livestock`).
 */
function tokenContext(token: string): string | undefined {
  const plain = contextWord(token);
  if (plain !== undefined) return plain;
  // `myaccount`, `yourwallet`: a bait word after the words that make a phrase of it.
  for (const filler of fillerPrefixes) if (token.length > filler.length + 3 && token.startsWith(filler) && baitWords.has(token.slice(filler.length))) return token.slice(filler.length);
  if (token.length < 7) return undefined;
  // By the word that ends the token, looked up by its last two letters: most tokens end in none.
  for (const word of baitByTail.get(pairKey(token, token.length - 2)) ?? noWords) {
    if (!token.endsWith(word) || token.length - word.length < 5) continue;
    const first = token.slice(0, token.length - word.length);
    if (baitWords.has(first)) return first;
  }
  return undefined;
}

/**
 * A misspelled bait or crypto word as a token of the label other than `skip` (`ftx-acoounts`). Asked
 * only once a brand is found with no bait spelled right: the check costs more than a set look-up.
 */
export function misspelledBait(label: Label, skip: number): string | undefined {
  for (let j = 0; j < label.rawTokens.length; j++) {
    if (j === skip) continue;
    const word = misspelledContext(label.rawTokens[j]!);
    if (word !== undefined) return word;
  }
  return undefined;
}

/** The most telling bait or crypto word among a label's tokens. */
export function contextOf(label: Label): string | undefined {
  return bestContext(contextsOf(label), -1);
}

/** The first bait word among a label's tokens that is not faint (`login`, not `www`); crypto words do not count. */
export function tellingBait(label: Label): string | undefined {
  for (const word of contextsOf(label)) if (word !== undefined && baitWords.has(word) && !faintContext.has(word)) return word;
  return undefined;
}

/** Bait that only counts when nothing better is there: `www-kraken` is bait, but weaker than `login`. */
export const faintContext: ReadonlySet<string> = new Set(['www', 'com', 'net', 'org', 'io', 'web', 'app']);

export function bestContext(words: readonly (string | undefined)[], skip: number): string | undefined {
  let faint: string | undefined;
  for (let j = 0; j < words.length; j++) {
    const word = words[j];
    if (j === skip || word === undefined) continue;
    if (!faintContext.has(word)) return word;
    faint ??= word;
  }
  return faint;
}

/** `vww-kraken`, `wvvw-kraken`, `mwww-kraken`: a mistyped www is still a prefix pretending to be a URL. */
const wwwLike = /^(?:[vw]{3,4}|[a-z]www|www[a-z])$/;

/** Bait and crypto words in one set: one look-up for the usual answer, no. */
const contextWords: ReadonlySet<string> = new Set([...baitWords, ...cryptoWords]);

export function contextWord(token: string): string | undefined {
  if (contextWords.has(token)) return token;
  if (token.length <= 4 && token.includes('w') && wwwLike.test(token)) return 'www';
  let end = token.length;
  while (end > 0 && token.charCodeAt(end - 1) >= 0x30 && token.charCodeAt(end - 1) <= 0x39) end--;
  const trimmed = end === token.length ? token : token.slice(0, end);
  if (trimmed !== token && trimmed !== '' && contextWords.has(trimmed)) return trimmed;
  if (trimmed.length > 3 && trimmed.endsWith('s')) {
    const singular = trimmed.slice(0, -1);
    if (contextWords.has(singular)) return singular;
  }
  return undefined;
}

/** Bait and crypto words of six letters or more, by length: a typo keeps the length within one. */
const longContextByLength: string[][] = [];
for (const word of [...baitWords, ...cryptoWords]) if (word.length >= 6) (longContextByLength[word.length] ??= []).push(word);

function oneEditFromContext(token: string): string | undefined {
  for (let length = token.length - 1; length <= token.length + 1; length++) {
    for (const word of longContextByLength[length] ?? noWords) if (withinOneEdit(token, word)) return word;
  }
  return undefined;
}

const noWords: readonly string[] = [];

/**
 * `acoounts`, `strettto`, `xchange`: a bait or crypto word of six letters or more one letter off, or
 * its plural so. Short words are left out: one letter turns them into other words (`logs`, `cain`).
 */
function misspelledContext(token: string): string | undefined {
  if (token.length < 6) return undefined;
  return oneEditFromContext(token) ?? (token.length >= 7 && token.endsWith('s') ? oneEditFromContext(token.slice(0, -1)) : undefined);
}

/** Words put before a brand to make a phrase (`mygeminiclaims`, `getgeminiearn`): they count only with bait after the brand. */
const fillerPrefixes: ReadonlySet<string> = new Set(['my', 'your', 'get', 'the']);

/** What sits around a brand inside one token: nothing, digits, a plural s, or a bait word (perhaps padded or misspelled). */
export function affixContext(affix: string, isSuffix: boolean): { ok: boolean; bait: string | undefined; digitsOnly: boolean; filler?: boolean } {
  if (affix === '') return { ok: true, bait: undefined, digitsOnly: false };
  if (/^\d+$/.test(affix)) return { ok: true, bait: undefined, digitsOnly: true };
  if (isSuffix && affix === 's') return { ok: true, bait: undefined, digitsOnly: false };
  if (!isSuffix && fillerPrefixes.has(affix)) return { ok: true, bait: undefined, digitsOnly: false, filler: true };
  const stripped = affix.replace(/^\d+/, '');
  const word = contextWord(affix) ?? contextWord(stripped) ?? twoContextWords(stripped) ?? fuzzyBait(stripped) ?? framingWord(stripped);
  return { ok: word !== undefined, bait: word, digitsOnly: false };
}

/**
 * `contactsupport-gemini`, `webwallet-robinhood`, `supportcenter-gemini`: beside a brand written whole in its own token, another
 * token of the label made of a lure's word and `support`, `wallet` or `secure`, or of a help or claim word and a place help
 * is found. Closed lists on both sides: other words make other things of them (`lifesupport`, `leatherwallet`,
 * `homesecure`, `servicenow`, `eventcenter`, `recoverycentre`, `securityhub`).
 */
export function compoundBeside(label: Label, skip: number): string | undefined {
  for (let j = 0; j < label.rawTokens.length; j++) {
    if (j === skip || label.rawTokens[j]!.length < 7) continue;
    const token = label.rawTokens[j]!;
    const word = compoundOf(token) ?? (token.endsWith('s') ? compoundOf(token.slice(0, -1)) : undefined);
    if (word !== undefined) return word;
  }
  return undefined;
}

function compoundOf(token: string): string | undefined {
  for (const word of lureEnds) {
    if (!token.endsWith(word)) continue;
    const first = token.slice(0, token.length - word.length);
    if (lureHeads.has(first) || (first.endsWith('s') && lureHeads.has(first.slice(0, -1)))) return word;
  }
  for (const place of helpPlaces) {
    if (!token.endsWith(place)) continue;
    const first = token.slice(0, token.length - place.length);
    if (helpHeads.has(first)) return first;
  }
  return undefined;
}

const lureEnds: readonly string[] = ['support', 'wallet', 'secure'];
/** Words before `support`, `wallet`, `secure` that make a lure's phrase of them (contact support, web wallet, info secure). */
const lureHeads: ReadonlySet<string> = new Set([
  'contact',
  'connect',
  'call',
  'live',
  'chat',
  'customer',
  'client',
  'member',
  'account',
  'help',
  'info',
  'tech',
  'web',
  'online',
  'crypto',
  'official',
  'vip',
  'priority',
  'kunden',
  'cold',
  'hot',
  'trust',
  'digital',
  'hardware',
  'mobile',
  'multi',
  'login',
  'verify',
]);
const helpPlaces: readonly string[] = ['center', 'centre', 'portal', 'process', 'vault', 'hub', 'desk', 'page'];
/** Help and claim words before a place (support centre, account hub, claim process); not service, event, access, safety, recovery, security, wallet (WalletHub). */
const helpHeads: ReadonlySet<string> = new Set([
  'support',
  'help',
  'verification',
  'verify',
  'validation',
  'confirmation',
  'account',
  'login',
  'signin',
  'claim',
  'refund',
  'compensation',
  'withdrawal',
  'airdrop',
  'reward',
  'unlock',
  'destek',
  'soporte',
  'suporte',
]);

/** Bait and crypto words of five letters or more, by their first two letters and by their last two. */
const framingByHead = new Map<number, string[]>();
const framingByTail = new Map<number, string[]>();
const pairKey = (text: string, at: number) => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);

/** Bait words by their last two letters. */
const baitByTail = new Map<number, string[]>();
for (const word of baitWords) {
  if (word.length < 2) continue;
  const tail = pairKey(word, word.length - 2);
  baitByTail.set(tail, [...(baitByTail.get(tail) ?? []), word]);
}
for (const word of [...baitWords, ...cryptoWords]) {
  if (word.length < 5) continue;
  const head = pairKey(word, 0);
  const tail = pairKey(word, word.length - 2);
  framingByHead.set(head, [...(framingByHead.get(head) ?? []), word]);
  framingByTail.set(tail, [...(framingByTail.get(tail) ?? []), word]);
}

/**
 * The context in the labels other than `skip` (`www` aside). For a common-word brand of six letters or
 * more in a subdomain (`long`), also a bait or crypto word at the edge of the registrable name, glued to
 * other letters (`kraken.quickexchange.net`, `robinhood.smartcrypto.org`).
 */
export function contextElsewhere(labels: readonly Label[], skip: number, long: boolean): string | undefined {
  for (let j = 0; j < labels.length; j++) {
    if (j === skip || labels[j]!.raw === 'www') continue;
    const word = contextOf(labels[j]!);
    if (word !== undefined) return word;
  }
  const last = labels.length - 1;
  if (!long || skip === last || labels[last]!.rawTokens.length !== 1) return undefined;
  return framingWord(labels[last]!.rawTokens[0]!);
}

/**
 * `krakenfuturesway`, `celsiusclaimstation`, `geminiandkroll`: a bait or crypto word of five letters or
 * more at the edge of what is glued to a brand (where the brand meets it, or at the far end), with
 * other letters on its outer side. Short words are left out: `earn` begins "earnest", `pro` "protein".
 */
function framingWord(affix: string): string | undefined {
  if (affix.length < 7) return undefined;
  for (const word of framingByHead.get(pairKey(affix, 0)) ?? noWords) if (affix.length > word.length && affix.startsWith(word)) return word;
  for (const word of framingByTail.get(pairKey(affix, affix.length - 2)) ?? noWords) if (affix.length > word.length && affix.endsWith(word)) return word;
  return undefined;
}

/** `walletapp` → `wallet`: an affix made of two bait or crypto words. */
function twoContextWords(affix: string): string | undefined {
  for (let split = 2; split <= affix.length - 2; split++) {
    const first = contextWord(affix.slice(0, split));
    if (first !== undefined && contextWord(affix.slice(split)) !== undefined) return first;
  }
  return undefined;
}

/** A bait word of four letters or more, or its plural; crypto words are left out (`pro`, `vip` are too short to pad). */
function baitOf(core: string): string | undefined {
  if (core.length < 4) return undefined;
  if (baitWords.has(core)) return core;
  const singular = core.endsWith('s') ? core.slice(0, -1) : undefined;
  return singular !== undefined && singular.length >= 4 && baitWords.has(singular) ? singular : undefined;
}

const longBait: readonly string[] = [...baitWords, ...cryptoWords].filter((word) => word.length >= 6);

/**
 * `xfund`, `sspaymentsd`, `paymewnt`: a bait word with one or two stray letters on either side, or
 * a bait word of six letters or more one letter off. Reached only when nothing plainer matched.
 */
function fuzzyBait(affix: string): string | undefined {
  if (affix.length < 5) return undefined;
  // Letters on both sides of a word ending in -ing make another word (`blogging` is not `loggin` padded; `loging` is).
  const ing = affix.endsWith('ing');
  for (let lead = 0; lead <= 2; lead++) {
    for (let trail = lead === 0 ? 1 : 0; trail <= (ing && lead > 0 ? 0 : 2); trail++) {
      const word = baitOf(affix.slice(lead, affix.length - trail));
      if (word !== undefined) return word;
    }
  }
  if (affix.length < 6) return undefined;
  for (const word of longBait) if (withinOneEdit(affix, word)) return word;
  return undefined;
}

/**
 * `revolution-support`, `coinexchange`: a brand that begins other words, carrying on into one by three letters or more
 * with no bait in the rest, is that word, not the brand padded or glued to bait. `coinexclaim`, `revolutionlogin` are not.
 */
export function carriesOn(entry: BrandEntry, rawToken: string): boolean {
  // `paribus` (ceteris paribus, the Paribus protocol): a brand whose plural is a word of its own is that word.
  if (rawToken === `${entry.token}s` && entry.leading?.includes('s') === true) return true;
  return beginsWord(entry, rawToken, 3) && affixContext(rawToken.slice(entry.token.length), true).bait === undefined;
}
