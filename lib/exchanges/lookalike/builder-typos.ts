/**
 * Brands written further off on site builders, where a page maker names the page: a login spread through letters glued
 * to a common word, and a coined brand said aloud (`c`, `k`, `q` as one letter) beside bait.
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { editDistance } from '../edit-distance';
import { baitWords } from './bait-words';
import { nearMissWords } from './brand-words';
import { faintContext } from './context';
import { holdsNearLogin, sloppyBait } from './hosted';
import type { Evidence, Label } from './types';

const none: readonly BrandEntry[] = [];

/**
 * Words that hold a spread login, beside those of `holdsNearLogin`: `logician`, `plugin`, `clogginess`, `lumbaginous`,
 * `plugging`, `pagina` (page), Dutch `poging` (attempt) and `teloorgang`, German `Fluginfo`, `plombagine` (graphite), `peluginoso`,
 * `Loliginidae` (squids).
 */
const spreadWords: readonly string[] = ['logici', 'plugin', 'plugg', 'plogg', 'clogg', 'umbag', 'pagin', 'poging', 'loorg', 'flugin', 'ombagin', 'elugin', 'lolig'];

/** Word endings a spread login ends in: -ing and its Scandinavian forms (`ploggingen`, `slogingar`), Catalan verbs in -egin (`bloquegin`). */
const wordEnding = /(?:ing(?:s|en[es]?|er|ar|ane|a)?|egin)$/;

/** "login" with letters spread through it: perhaps one stray letter, `l` (or `ll`), `o` or `u`, up to three letters but `n`, `gi`, perhaps `e` or `i`, `n`. */
const spread = /^[a-z]?ll?[ou][a-mo-z]{0,3}gi[ei]?n/;

/**
 * `lopoginn`, `ludfdginus`, `ilouggin`, `eloginede`: "login" with letters spread through it (`spread`), at the start of
 * the letters glued after a common word on a site builder (one stray letter before it at most: Turkish `doludizgin`).
 * Not in words of the endings of `wordEnding` (`lounging`, `bloquegin`), nor in the words of `spreadWords`.
 */
export function spreadLogin(text: string): boolean {
  if (text.length < 5 || text.length > 12 || wordEnding.test(text) || !spread.test(text)) return false;
  for (const word of spreadWords) if (text.includes(word)) return false;
  // Read at call time: hosted.ts imports this module, and so is not evaluated yet when this one is.
  for (const word of holdsNearLogin) if (text.includes(word)) return false;
  return true;
}

/** Words one letter from a coined brand said aloud (`quoin`, a cornerstone, is `kukoin` less a letter). */
const saidWords: ReadonlySet<string> = new Set(['quoin', 'quoins']);

/** `c`, `k` and `q` read as one letter: `kukoen` and `qucoin` are `kucoin` said aloud. */
function saidAloud(text: string): string {
  return text.replace(/[cq]/g, 'k');
}

/**
 * `kukoen-login`, `qucoinn-logon`: on a site builder, a token one letter from a coined brand of six letters or more that
 * begins with a `c` or `k` sound, once `c`, `k` and `q` are read as one letter, both beginning with one (not `bitcut`
 * for Bitkub), keeping the brand's `o`, beside bait however sloppily written.
 */
export function coinedSaidAloud(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  if (tokens.length < 2) return undefined;
  let login = -1;
  for (let j = 0; j < rawTokens.length && login < 0; j++) if (baitWords.has(sloppyBait(rawTokens[j]!) ?? '') && !faintContext.has(rawTokens[j]!)) login = j;
  if (login < 0) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const raw = rawTokens[i]!;
    if (i === login || raw.length < 5 || !/^[a-z]+$/.test(raw) || nearMissWords.has(raw) || saidWords.has(raw)) continue;
    const said = saidAloud(raw);
    for (let length = Math.max(6, raw.length - 1); length <= raw.length + 1 && length < brands.insertTargets.length; length++) {
      for (const entry of brands.insertTargets[length] ?? none) {
        const brand = entry.token;
        if (entry.strength === 'weak' || entry.leading !== undefined || brand === raw || said.charCodeAt(0) !== 0x6b || saidAloud(brand).charCodeAt(0) !== 0x6b) continue;
        // The brand's `o` kept: `kukin`, `kuklin`, `cuquin` are names.
        if (brand.includes('o') && !raw.includes('o')) continue;
        if (editDistance({ a: said, b: saidAloud(brand), max: 1 }) <= 1) return { entry, kind: 'typo', bait: sloppyBait(rawTokens[login]!), distance: 2, mixedScripts: false };
      }
    }
  }
  return undefined;
}
