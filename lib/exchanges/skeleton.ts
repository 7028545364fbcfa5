/**
 * A "skeleton" in the sense of Unicode TR39 §4: two strings that look alike to a person get the
 * same skeleton. Only the part that matters for hostnames is kept: Cyrillic, Greek and Latin
 * letters that render like ASCII letters, accents, and the digit and letter-pair tricks phishers
 * use in ASCII names (0→o, 1→l, rn→m, vv→w). Brands and hostnames go through the same function,
 * so a skeleton is only ever compared with another skeleton, never shown to a person.
 */

/**
 * Prototypes follow TR39 confusables.txt where it has one; a few entries (к, м, т, п, г, β) are
 * not in TR39 but are what phishing names use in lowercase sans-serif fonts.
 */
const confusables: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  ь: 'b',
  б: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  ҽ: 'e',
  ɡ: 'g',
  ԍ: 'g',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'i',
  ӏ: 'l',
  ј: 'j',
  к: 'k',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  т: 't',
  ц: 'u',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  ү: 'y',
  ʏ: 'y',
  ԑ: 'e',
  ɩ: 'i',
  // Greek
  α: 'a',
  β: 'b',
  ϲ: 'c',
  δ: 'd',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  ϱ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  ς: 's',
  ϳ: 'j',
  μ: 'u',
  // Latin letters that are not decomposable accents
  ı: 'i',
  ł: 'l',
  ƚ: 'l',
  ɫ: 'l',
  ȷ: 'j',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ø: 'o',
  ɵ: 'o',
  ƀ: 'b',
  ꞵ: 'b',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ɑ: 'a',
  ɒ: 'a',
  ʋ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ᴢ: 'z',
  ꜱ: 's',
  ɢ: 'g',
  ĸ: 'k',
  // ASCII digits that pass for letters
  '0': 'o',
  '1': 'l',
};

/** Letters a skeleton folds together because fonts make them hard to tell apart in a URL bar. */
const asciiFolds: Record<string, string> = { i: 'l' };

function foldChar(char: string): string {
  const prototype = confusables[char] ?? char;
  return asciiFolds[prototype] ?? prototype;
}

const combiningMarks = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The skeleton of an ASCII label, or `undefined` for any other: the folds of `skeleton` in one scan
 * of char codes, copying the runs between folded letters. Most labels of every page take this path.
 */
export function asciiSkeleton(label: string): string | undefined {
  let folded = '';
  let from = 0;
  // Whether `rn` or `vv` is written: the single-letter folds never make or break such a pair.
  let pairs = false;
  let previous = 0;
  for (let i = 0; i < label.length; i++) {
    const code = label.charCodeAt(i);
    if (code >= 0x80) return undefined;
    if (code === 0x30 || code === 0x31 || code === 0x69) {
      folded += label.slice(from, i) + (code === 0x30 ? 'o' : 'l');
      from = i + 1;
    } else if ((code === 0x6e && previous === 0x72) || (code === 0x76 && previous === 0x76)) {
      pairs = true;
    }
    previous = code;
  }
  folded = from === 0 ? label : folded + label.slice(from);
  if (!pairs) return folded;
  if (folded.includes('rn')) folded = folded.replaceAll('rn', 'm');
  if (folded.includes('vv')) folded = folded.replaceAll('vv', 'w');
  return folded;
}

/** Folds a hostname label (already lowercase and decoded from Punycode) to its skeleton. */
export function skeleton(label: string): string {
  const ascii = asciiSkeleton(label);
  if (ascii !== undefined) return ascii;
  const source = label.normalize('NFKD').replace(combiningMarks, '').toLowerCase();
  let folded = '';
  for (const char of source) folded += foldChar(char);
  // Pairs are folded after single letters, so "rn" written with a Cyrillic р still becomes "m".
  if (folded.includes('rn')) folded = folded.replaceAll('rn', 'm');
  if (folded.includes('vv')) folded = folded.replaceAll('vv', 'w');
  return folded;
}

/**
 * The skeleton of an ASCII label without the letter-pair folds (`rn` stays `rn`): where folding
 * `rn` to `m` hides a typo (`kuciorn` → `kuclom`), the typo rules try this spelling too.
 */
export function skeletonKeepingPairs(label: string): string {
  return label.replaceAll('0', 'o').replaceAll('1', 'l').replaceAll('i', 'l');
}

export type ScriptsOfLabelReturnType = { latin: boolean; cyrillic: boolean; greek: boolean; other: boolean };

/** Which scripts the letters of a label come from; digits and hyphens count as none. */
export function scriptsOfLabel(label: string): ScriptsOfLabelReturnType {
  const scripts = { latin: false, cyrillic: false, greek: false, other: false };
  for (const char of label) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) {
      scripts.latin = true;
    } else if (code >= 0x400 && code <= 0x52f) {
      scripts.cyrillic = true;
    } else if (code >= 0x370 && code <= 0x3ff) {
      scripts.greek = true;
    } else if (code >= 0x80) {
      scripts.other = true;
    }
  }
  return scripts;
}

/** A label mixing Latin with Cyrillic or Greek letters: legitimate names almost never do. */
export function isMixedScript(label: string): boolean {
  let ascii = true;
  for (let i = 0; i < label.length && ascii; i++) ascii = label.charCodeAt(i) < 0x80;
  if (ascii) return false;
  const scripts = scriptsOfLabel(label);
  return scripts.latin && (scripts.cyrillic || scripts.greek);
}
