/**
 * Brands on site builders: services where people who write no code make a landing page or a blog under a
 * shared domain, and choose the page's name. There a common-word brand (`kraken`, `gemini`, `robinhood`)
 * counts beside bait however sloppily written (a badly misspelled login too), and a typo of it counts
 * alone, unless a word beside it says what else the word names (`gemini-ai`, `kraken-rum`); and a coined
 * or mid-length brand (`blockfi`, `kucoin`, `cryptocom`) counts written another way. Developer platforms
 * (`vercel.app`, `github.io`, `pages.dev`) are left out: projects there are named after the software they
 * try (`gemini-chat`, `robinhood-clone`, `celsius-converter`).
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { editDistance } from '../edit-distance';
import { isMixedScript } from '../skeleton';
import { baitWords } from './bait-words';
import { genericTokens, nearMissWords, siteBuilderHosts } from './brand-words';
import { contextWord } from './context';
import { gluedOtherUse, isOtherUse } from './other-use';
import { commonWordIn } from './padding';
import { commonTypoBesideBait, withinOneEdit } from './typo';
import { coinedSaidAloud, spreadLogin } from './builder-typos';
import type { Evidence, Label } from './types';

/** Site builders and blog hosts (`siteBuilderHosts`, brand-words.ts), looked up. */
export const siteBuilders: ReadonlySet<string> = new Set(siteBuilderHosts);

const none: readonly BrandEntry[] = [];

/** Bait words of four letters or more (`help`, `login`, `account`): the ones a sloppy page maker misspells or pads. */
const baitToMisspell: readonly string[] = [...baitWords].filter((word) => word.length >= 4);

/**
 * Real words a letter or two from "login" that people name pages after (`gemini-logic`, `kraken-legion`,
 * `robinhood-logo`), and their plurals: never a misspelled login.
 */
const nearLoginWords: ReadonlySet<string> = new Set([
  'logo',
  'logic',
  'logical',
  'logit',
  'logix',
  'logan',
  'legion',
  'legit',
  'loge',
  'plugin',
  'slogan',
  'halogen',
  'leggin',
  'logger',
  'blog',
  // -logy and logic in other languages (`analogie`, `logik`, `relogio`), French lodging, and words that end like a misspelled login
  'ligen',
  'lgian',
  'logge',
  'yogi',
  'catalog',
  'lagic',
  'ligig',
  'lagir',
  'leogen',
  'logia',
  'logie',
  'logik',
  'logio',
  'logis',
]);

function isNearLoginWord(text: string): boolean {
  return nearLoginWords.has(text) || (text.endsWith('s') && nearLoginWords.has(text.slice(0, -1)));
}

/**
 * `logiiun`, `lojin`, `lgoinn`, `llgini`, `siliogin`, `logiica`: "login" badly misspelled, the way page
 * makers on site builders dodge filters. Up to three stray letters around a core that begins with `l`,
 * has a `g` (or `j`, `q`), and is two edits from "login" (one when stray letters are there too). Words
 * ending in -ing (`logging`, `loving`, `closing`) and the real words of `nearLoginWords` are left out.
 */
function mangledLogin(text: string): boolean {
  if (text.length < 4 || text.length > 10 || text.endsWith('ing') || text.endsWith('ings') || isNearLoginWord(text)) return false;
  for (let lead = 0; lead <= 3; lead++) {
    for (let trail = 0; lead + trail <= 3; trail++) {
      const core = text.slice(lead, text.length - trail);
      if (core.length < 4 || core.charCodeAt(0) !== 0x6c || !/[gjq]/.test(core) || isNearLoginWord(core)) continue;
      const max = lead + trail === 0 ? 2 : Math.min(1, 3 - lead - trail);
      if (editDistance({ a: core, b: 'login', max }) <= max) return true;
    }
  }
  return false;
}

/**
 * Bait however sloppily written, for a common word on a site builder: a bait or crypto word as it is, a
 * bait word with a letter dropped or added, four letters left either way (`logi`, `loginn`, `hellp`), a
 * bait word of five letters or more with up to three other letters before or after it (`loginusa`,
 * `usalogin`), a badly misspelled login (`mangledLogin`, `loginInside`), or a misspelled "exchange".
 */
export function sloppyBait(text: string): string | undefined {
  if (text.length < 3) return undefined;
  const plain = contextWord(text);
  if (plain !== undefined) return plain;
  if (isNearLoginWord(text)) return undefined;
  for (const word of baitToMisspell) {
    // Letters dropped or doubled, not changed: a changed letter makes other words (`cafe`, `logos`).
    if (text.length !== word.length && Math.min(text.length, word.length) >= 4 && withinOneEdit(text, word)) return word;
    // `loginusa`: a bait word of five letters or more and up to three other letters (not `accessories`, `careers`).
    if (word.length >= 5 && text.length > word.length && text.length <= word.length + 3 && (text.startsWith(word) || text.endsWith(word))) return word;
  }
  if (mangledLogin(text) || loginInside(text)) return 'login';
  return misspelledExchange(text) ? 'exchange' : undefined;
}

/** `exchngae`, `exchamige`, `iexcqhange`: "exchange" two letters off, perhaps after one stray letter. */
function misspelledExchange(text: string): boolean {
  if (text.length < 7 || text.length > 11) return false;
  const core = text.startsWith('ex') ? text : text.startsWith('ex', 1) ? text.slice(1) : undefined;
  return core !== undefined && editDistance({ a: core, b: 'exchange', max: 2 }) <= 2;
}

/** Whether letters at `at` begin the text or end it (one stray letter after them allowed): inside a word they are part of it (`elegance`, `intelligence`). */
function atEdge(text: string, at: number, length: number): boolean {
  return at === 0 || at + length >= text.length - 1;
}

/** `oogin`, `fogin`: "login" with its first letter changed. */
function oneChangedFromLogin(text: string, at: number): boolean {
  return text.charCodeAt(at) !== 0x6c && text.startsWith('ogin', at + 1);
}

/** Words that hold a near-login inside them (`catalogue`, `cologne`, `alignment`, `legend`, `logistics`, `religion`). */
export const holdsNearLogin: readonly string[] = [
  ...[...nearLoginWords].filter((word) => word !== 'loge'),
  'logue',
  'logement',
  'cologne',
  'align',
  'apolog',
  'eulog',
  'legend',
  'legi',
  'logist',
  'lodg',
  'long',
  'ligio',
];

/**
 * `owlloginn`, `dlugenn`, `logiusaia`, `oogin`: a misspelled login anywhere in letters glued to a brand, with
 * more stray letters around it than `mangledLogin` allows: four to six letters beginning with `l`, holding a
 * `g` (or `j`, `q`) followed by `i`, `e` or `y` (not `logarithm`, `logbook`, `elegant`), within two edits of
 * "login" (one for four letters), or "login" with its first letter changed, at the start or end of the letters; not after an `o`, nor in letters ending in -ing.
 */
function loginInside(text: string): boolean {
  if (text.length < 5 || text.length > 12 || text.endsWith('ing') || text.endsWith('ings')) return false;
  for (const word of holdsNearLogin) if (text.includes(word)) return false;
  for (let at = 0; at + 4 <= text.length; at++) {
    // After an `o` the letters are a science's (`technologies`, `astrologer`, `bologna`, `polygon`).
    if (at > 0 && text.charCodeAt(at - 1) === 0x6f) continue;
    // `oogin`, `fogin`: "login" with its first letter changed.
    if (at + 5 <= text.length && atEdge(text, at, 5) && oneChangedFromLogin(text, at)) return true;
    if (text.charCodeAt(at) !== 0x6c) continue;
    for (let length = 4; length <= 6 && at + length <= text.length; length++) {
      const core = text.slice(at, at + length);
      if (!atEdge(text, at, length) || !/[gjq][iey]/.test(core) || core.endsWith('ing')) continue;
      const max = length === 4 ? 1 : 2;
      if (editDistance({ a: core, b: 'login', max }) <= max) return true;
    }
  }
  return false;
}

/**
 * `kraken-signinn`, `krakenverif`, `loginusa-gemini`, `xxkrakenloginyy` on a site builder: a common-word brand
 * of six letters or more as a token, or glued anywhere inside one, of the site's name, beside bait
 * however sloppily written (`sloppyBait`), in another token or in the letters glued to it. Left alone
 * beside an other-use word (`gemini-ai-login` is somebody's AI tool). The whole name alone
 * (`kraken.wixsite.com`) is judged before this, by the free-hosting rule.
 */
export function commonWordOnBuilder(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  for (const raw of rawTokens) if (isOtherUse(raw)) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // What is glued to the brand is read as written (`logi`, whose skeleton is `logl`) where the two line up.
    const found = commonWordIn(token, brands);
    if (found === undefined) continue;
    const { entry, at } = found;
    const written = rawTokens[i]!.length === token.length ? rawTokens[i]! : token;
    const prefix = written.slice(0, at);
    const suffix = written.slice(at + entry.skeleton.length);
    if (gluedOtherUse(prefix, false) || gluedOtherUse(suffix, true)) return undefined;
    let bait = sloppyBait(prefix) ?? sloppyBait(suffix) ?? (spreadLogin(suffix) ? 'login' : undefined);
    for (let j = 0; j < rawTokens.length && bait === undefined; j++) if (j !== i) bait = sloppyBait(rawTokens[j]!);
    if (bait === undefined) return undefined;
    return { entry, kind: 'hosted', bait, distance: 0, mixedScripts: isMixedScript(rawTokens[i]!) };
  }
  return undefined;
}
/**
 * `krekan-docs`, `krakn-apps`, `the-kraaken` on a site builder: a common-word brand one letter off (or
 * two, keeping its first two letters and its last) as a token of the site's name. A product named after
 * the word spells it right, so other-use words do not excuse a misspelling.
 */
export function commonTypoOnBuilder(label: Label, brands: BrandIndex): Evidence | undefined {
  const typo = commonTypoBesideBait(label, undefined, brands);
  // The brand whole with a letter added (`krakend`, the API gateway) is padding, which wants bait (above).
  if (typo === undefined || label.tokens.some((token) => token.includes(typo.entry.skeleton))) return undefined;
  // Real words a letter from the brand (`voyage`).
  if (label.rawTokens.some((token) => nearMissWords.has(token))) return undefined;
  return typo;
}

/**
 * `koinbas-app`, `coinbazz`, `home-koinbasse` on a site builder: a token two letters
 * (or one) from a coined brand of eight letters or more, its first or last letter changed too. Off a
 * site builder, a two-letter typo must keep the brand's first and last letter (typo.ts); a builder is
 * context enough, and no ordinary word is two letters from `coinbase` or `bitfinex`.
 */
export function coinedTypoOnBuilder(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.length < 6 || nearMissWords.has(rawTokens[i]!)) continue;
    for (let length = Math.max(8, token.length - 2); length <= token.length + 2 && length < brands.typoByLength.length; length++) {
      for (const entry of brands.typoByLength[length] ?? none) {
        if (!entry.distinctive || entry.strength !== 'long') continue;
        const distance = editDistance({ a: token, b: entry.skeleton, max: 2 });
        if (distance >= 1 && distance <= 2) return { entry, kind: 'typo', bait: undefined, distance, mixedScripts: isMixedScript(rawTokens[i]!) };
      }
    }
  }
  return coinedSaidAloud(label, brands);
}

/** Coined and mid-length brands of six letters or more, by skeleton length (`blockfi`, `kucoin`, `cryptocom`); built once per index. */
const typoTargets = new WeakMap<BrandIndex, BrandEntry[][]>();

/**
 * For a brand made of a generic word and a short ending (`crypto` + `com`, `coin` + `ex`), the ending:
 * only it tells the brand from the word's other compounds (`cryptomom`, `cryptoroom`, `coined`), so a
 * typo must keep it.
 */
export function endingAfterGeneric(brand: string): string | undefined {
  for (let cut = 4; cut < brand.length; cut++) if (brand.length - cut <= 3 && genericTokens.has(brand.slice(0, cut))) return brand.slice(cut);
  return undefined;
}

function typoTargetsOf(brands: BrandIndex): BrandEntry[][] {
  let byLength = typoTargets.get(brands);
  if (byLength === undefined) {
    byLength = [];
    for (const list of brands.byToken.values()) {
      for (const entry of list) if (entry.strength !== 'weak' && entry.skeleton.length >= 6 && entry.base === undefined) (byLength[entry.skeleton.length] ??= []).push(entry);
    }
    typoTargets.set(brands, byLength);
  }
  return byLength;
}

/**
 * Edits that move letters, not change them: letters dropped, added or swapped with a neighbour, at most
 * `max`; a changed letter counts as two (one dropped, one added). How `blokifi` is made from `blockfi`,
 * while a changed letter makes other names (`bitkit`, `blockui`).
 */
export function movedLetters(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1]!;
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 2));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/**
 * `blocfki`, `cryptcom-app`, `kuconi` on a site builder: a token of six letters or more one letter dropped,
 * added or swapped from a coined or mid-length brand of six letters or more, its first three letters as
 * written kept. Beside bait however sloppily written, also one letter changed (`blockfe-secure`), or, in a
 * brand of seven letters or more, two moved with the brand's last letter kept (`blokifi-sso`). Off a site
 * builder a mid-length brand wants its first and last letter on the registrable name (typo.ts); a
 * builder's page name is chosen by whoever made it. Real words this shape makes (`revolt`, `bitset`,
 * `blocksi`, `coinage`) are in `nearMissWords`.
 */
export function brandTypoOnBuilder(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  const targets = typoTargetsOf(brands);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const raw = rawTokens[i]!;
    // Five letters are too few: a six-letter brand cut short is another word (`pheme`, `bitme`).
    if (token.length < 6 || nearMissWords.has(raw)) continue;
    let bait: string | null | undefined = null;
    for (let length = Math.max(6, token.length - 2); length <= token.length + 2 && length < targets.length; length++) {
      for (const entry of targets[length] ?? none) {
        const brand = entry.skeleton;
        if (brand === token || raw.charCodeAt(0) !== entry.token.charCodeAt(0) || !raw.startsWith(entry.token.slice(0, 3))) continue;
        const ending = endingAfterGeneric(entry.token);
        if (ending !== undefined && !raw.endsWith(ending)) continue;
        const distance = editDistance({ a: token, b: brand, max: 2 });
        if (distance > 2) continue;
        const moved = movedLetters(token, brand, 2);
        // The whole brand with one letter after it is often a word or name of its own (`blockfit`,
        // `revolute`, `korbitz`): that shape counts only beside bait.
        const appended = token.length === brand.length + 1 && token.startsWith(brand);
        if (distance === 1 && moved === 1 && !appended) return { entry, kind: 'typo', bait: undefined, distance, mixedScripts: isMixedScript(raw) };
        // Two letters moved only in a brand of seven letters or more: in six, three are left of the brand's own (`bitest`, `bitget`).
        if (distance === 2 && (moved > 2 || length < 7 || token.length < length - 1 || token.charCodeAt(token.length - 1) !== brand.charCodeAt(length - 1))) continue;
        // Bait in another token, looked for once per token.
        if (bait === null) {
          bait = undefined;
          for (let j = 0; j < rawTokens.length && bait === undefined; j++) if (j !== i) bait = sloppyBait(rawTokens[j]!);
        }
        if (bait !== undefined) return { entry, kind: 'typo', bait, distance, mixedScripts: isMixedScript(raw) };
      }
    }
  }
  return undefined;
}

/**
 * `blockfilugin`, `cryptocomlogen` on a site builder: a brand that begins other words (`blockfinder`,
 * `cryptocompare`), so found inside a token only with bait around it, glued to bait however sloppily
 * written, with nothing else beside it in that token.
 */
export function brandGluedOnBuilder(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  const targets = typoTargetsOf(brands);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const written = rawTokens[i]!.length === token.length ? rawTokens[i]! : token;
    for (let length = Math.min(token.length - 1, targets.length - 1); length >= 6; length--) {
      for (const entry of targets[length] ?? none) {
        const at = token.indexOf(entry.skeleton);
        if (at < 0) continue;
        const prefix = written.slice(0, at);
        const suffix = written.slice(at + length);
        const before = prefix === '' ? undefined : sloppyBait(prefix);
        const after = suffix === '' ? undefined : sloppyBait(suffix);
        if ((prefix !== '' && before === undefined) || (suffix !== '' && after === undefined)) continue;
        return { entry, kind: 'hosted', bait: after ?? before, distance: 0, mixedScripts: isMixedScript(rawTokens[i]!) };
      }
    }
  }
  return undefined;
}
