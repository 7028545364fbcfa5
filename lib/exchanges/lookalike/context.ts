/**
 * Bait and crypto words beside a brand: which token of a label is one, which is the most telling,
 * and whether what is glued to a brand inside one token is bait.
 */
import { baitWords, cryptoWords } from './bait-words';
import { withinOneEdit } from './typo';
import type { Label } from './types';

export function contextsOf(label: Label): (string | undefined)[] {
  label.contexts ??= label.rawTokens.map(contextWord);
  return label.contexts;
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

export function contextWord(token: string): string | undefined {
  if (baitWords.has(token) || cryptoWords.has(token)) return token;
  if (token.length <= 4 && token.includes('w') && wwwLike.test(token)) return 'www';
  let end = token.length;
  while (end > 0 && token.charCodeAt(end - 1) >= 0x30 && token.charCodeAt(end - 1) <= 0x39) end--;
  const trimmed = end === token.length ? token : token.slice(0, end);
  if (trimmed !== token && trimmed !== '' && (baitWords.has(trimmed) || cryptoWords.has(trimmed))) return trimmed;
  if (trimmed.length > 3 && trimmed.endsWith('s')) {
    const singular = trimmed.slice(0, -1);
    if (baitWords.has(singular) || cryptoWords.has(singular)) return singular;
  }
  return misspelledContext(trimmed);
}

const longContext: readonly string[] = [...baitWords, ...cryptoWords].filter((word) => word.length >= 6);

/**
 * `acoounts`, `strettto`, `xchange`: a bait or crypto word of six letters or more one letter off, or
 * its plural so. Short words are left out: one letter turns them into other words (`logs`, `cain`).
 */
function misspelledContext(token: string): string | undefined {
  if (token.length < 6) return undefined;
  const singular = token.endsWith('s') ? token.slice(0, -1) : undefined;
  for (const word of longContext) {
    if (withinOneEdit(token, word) || (singular !== undefined && singular.length >= 6 && withinOneEdit(singular, word))) return word;
  }
  return undefined;
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

const framingWords: readonly string[] = [...baitWords, ...cryptoWords].filter((word) => word.length >= 5);

/**
 * `krakenfuturesway`, `celsiusclaimstation`, `geminiandkroll`: a bait or crypto word of five letters or
 * more at the edge of what is glued to a brand (where the brand meets it, or at the far end), with
 * other letters on its outer side. Short words are left out: `earn` begins "earnest", `pro` "protein".
 */
function framingWord(affix: string): string | undefined {
  if (affix.length < 7) return undefined;
  for (const word of framingWords) {
    if (affix.length > word.length && (affix.startsWith(word) || affix.endsWith(word))) return word;
  }
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
  for (let lead = 0; lead <= 2; lead++) {
    for (let trail = lead === 0 ? 1 : 0; trail <= 2; trail++) {
      const word = baitOf(affix.slice(lead, affix.length - trail));
      if (word !== undefined) return word;
    }
  }
  if (affix.length < 6) return undefined;
  for (const word of longBait) if (withinOneEdit(affix, word)) return word;
  return undefined;
}
