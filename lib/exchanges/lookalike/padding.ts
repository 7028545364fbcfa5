/**
 * A brand padded with stray letters, digits or a short token: how typosquats stretch a name that is
 * also an ordinary word, told apart from a real product that says what it is.
 */
import { brandsNamed, type BrandIndex } from '../brand-index';
import { isMixedScript } from '../skeleton';
import type { Evidence, Label } from './types';

/** Two-letter tokens that make a common word a product name rather than a lure (`gemini-ai`). */
const productSuffixes: ReadonlySet<string> = new Set(['ai', 'js', 'go', 'ui', 'ml', 'vr', 'ar', 'tv', 'hq', 'db', 'os', 'io', 'gg', 'uk', 'us', 'eu']);

/** Product suffixes that are also a country (`kraken-us-in`). */
const countryCodes: ReadonlySet<string> = new Set(['us', 'uk', 'eu']);

/**
 * `kraken-ix`, `v-kraken`: a common-word brand of six letters or more beside a one- or two-letter
 * token, as the whole registrable name, is how typosquats pad a name; a real product says what it is.
 */
export function strayShortToken(label: Label, brand: string, favoured: boolean): boolean {
  if (label.tokens.length > 2) return languageCodes(label, brand);
  if (label.tokens.length !== 2) return false;
  // The other token as written (skeletons fold `ai` to something else).
  const other = label.tokens[0] === brand ? label.rawTokens[1]! : label.tokens[1] === brand ? label.rawTokens[0]! : undefined;
  if (other === undefined) return false;
  // `482913-gemini`: a number of three digits or more, the way throwaway hosts are numbered.
  if (other.length >= 3 && /^\d+$/.test(other)) return true;
  // On an ending where throwaway hosts cluster (`luno-xy.cc`), four-letter common words too.
  if (brand.length < (favoured ? 4 : 6)) return false;
  return other.length <= 2 && /^[a-z]+$/.test(other) && !productSuffixes.has(other);
}

/**
 * `krakenz.top`, `coinexp.top`, `geminiop.cc`: a brand of five letters or more with one to four
 * stray letters or digits glued after it (or one or two before it), as a token of the registrable
 * name. The caller asks for it on an ending where throwaway hosts cluster (`favouredEndings`) or
 * beside a telling bait word (`krakeni-logins`).
 */
export function paddedBrand(label: Label, brands: BrandIndex): Evidence | undefined {
  for (let i = 0; i < label.tokens.length; i++) {
    const token = label.tokens[i]!;
    for (let cut = 1; cut <= 4 && token.length - cut >= 5; cut++) {
      const entry = brandsNamed(brands, token, 0, token.length - cut)?.[0];
      if (entry) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
    for (let cut = 1; cut <= 2 && token.length - cut >= 5; cut++) {
      const entry = brandsNamed(brands, token, cut)?.[0];
      if (entry) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
  }
  return undefined;
}

/**
 * `kraken-fr-en`, `kraken-pt-br`: a common-word brand of six letters or more beside two or more
 * two-letter tokens, the way a language or country is written into a copied site's address. Product
 * suffixes (`gemini-ai-ml`) are not languages.
 */
function languageCodes(label: Label, brand: string): boolean {
  if (brand.length < 6 || label.tokens.length > 4) return false;
  let seen = false;
  for (let i = 0; i < label.tokens.length; i++) {
    if (label.tokens[i] === brand && !seen) {
      seen = true;
      continue;
    }
    const raw = label.rawTokens[i]!;
    if (raw.length !== 2 || !/^[a-z]{2}$/.test(raw) || (productSuffixes.has(raw) && !countryCodes.has(raw))) return false;
  }
  return seen;
}
