/**
 * Bait and crypto words beside a brand: which token of a label is one, which is the most telling,
 * and whether what is glued to a brand inside one token is bait.
 */
import { baitWords, cryptoWords } from './bait-words';
import type { Label } from './types';

export function contextsOf(label: Label): (string | undefined)[] {
  label.contexts ??= label.rawTokens.map(contextWord);
  return label.contexts;
}

/** The most telling bait or crypto word among a label's tokens. */
export function contextOf(label: Label): string | undefined {
  return bestContext(contextsOf(label), -1);
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
  return undefined;
}

/** What sits around a brand inside one token: nothing, digits, a plural s, or a bait word. */
export function affixContext(affix: string, isSuffix: boolean): { ok: boolean; bait: string | undefined; digitsOnly: boolean } {
  if (affix === '') return { ok: true, bait: undefined, digitsOnly: false };
  if (/^\d+$/.test(affix)) return { ok: true, bait: undefined, digitsOnly: true };
  if (isSuffix && affix === 's') return { ok: true, bait: undefined, digitsOnly: false };
  const stripped = affix.replace(/^\d+/, '');
  const word = contextWord(affix) ?? contextWord(stripped) ?? twoContextWords(stripped);
  return { ok: word !== undefined, bait: word, digitsOnly: false };
}

/** `walletapp` → `wallet`: an affix made of two bait or crypto words. */
function twoContextWords(affix: string): string | undefined {
  for (let split = 2; split <= affix.length - 2; split++) {
    const first = contextWord(affix.slice(0, split));
    if (first !== undefined && contextWord(affix.slice(split)) !== undefined) return first;
  }
  return undefined;
}
