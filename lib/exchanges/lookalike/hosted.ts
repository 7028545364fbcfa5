/**
 * Common-word brands (`kraken`, `gemini`, `robinhood`) on site builders: services where people who
 * write no code make a landing page or a blog under a shared domain. There a common word counts beside
 * bait however sloppily written, and a typo of it counts alone, unless a word beside it says what else
 * the word names (`gemini-ai`, `kraken-rum`). Developer platforms (`vercel.app`, `github.io`, `pages.dev`) are left out: projects there are named
 * after the software they try (`gemini-chat`, `robinhood-clone`, `celsius-converter`).
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { editDistance } from '../edit-distance';
import { isMixedScript } from '../skeleton';
import { baitWords } from './bait-words';
import { nearMissWords, siteBuilderHosts } from './brand-words';
import { contextWord } from './context';
import { commonTypoBesideBait, withinOneEdit } from './typo';
import type { Evidence, Label } from './types';

/** Site builders and blog hosts (`siteBuilderHosts`, brand-words.ts), looked up. */
export const siteBuilders: ReadonlySet<string> = new Set(siteBuilderHosts);

/**
 * Words that say a common word names something other than an exchange: AI products, software, games,
 * drinks, the sky and the sea, temperature, travel. Beside one of these a common-word brand on a site
 * builder is left alone (`gemini-ai-guide`, `kraken-rum-cocktails`, `voyager-travels`).
 */
const otherUseWords: readonly string[] = [
  'ai',
  'gpt',
  'chat',
  'chatbot',
  'bot',
  'llm',
  'prompt',
  'bard',
  'google',
  'api',
  'sdk',
  'js',
  'cli',
  'clone',
  'game',
  'gaming',
  'rpg',
  'rum',
  'beer',
  'brew',
  'brewing',
  'brewery',
  'cocktail',
  'recipe',
  'robotics',
  'robot',
  'zodiac',
  'horoscope',
  'astrology',
  'nasa',
  'space',
  'mission',
  'probe',
  'squid',
  'octopus',
  'monster',
  'converter',
  'temperature',
  'weather',
  'travel',
  'cooler',
];
const otherUseSet: ReadonlySet<string> = new Set(otherUseWords);

function isOtherUse(word: string): boolean {
  return otherUseSet.has(word) || (word.length > 3 && word.endsWith('s') && otherUseSet.has(word.slice(0, -1)));
}

/** Whether letters glued to a brand begin (after it) or end (before it) with an other-use word: `geminiaitools`, `krakengames`. */
function gluedOtherUse(affix: string, isSuffix: boolean): boolean {
  if (affix === '') return false;
  for (const word of otherUseWords) {
    if (word.length < 3 && affix !== word) continue;
    if (isSuffix ? affix.startsWith(word) : affix.endsWith(word)) return true;
  }
  return false;
}

const none: readonly BrandEntry[] = [];

/** Bait words of four letters or more (`help`, `login`, `account`): the ones a sloppy page maker misspells or pads. */
const baitToMisspell: readonly string[] = [...baitWords].filter((word) => word.length >= 4);

/**
 * Bait however sloppily written, for a common word on a site builder: a bait or crypto word as it is, a
 * bait word with a letter dropped or added, four letters left either way (`logi`, `loginn`, `hellp`), or a
 * bait word of five letters or more with up to three other letters before or after it (`loginusa`, `usalogin`).
 */
function sloppyBait(text: string): string | undefined {
  if (text.length < 3) return undefined;
  const plain = contextWord(text);
  if (plain !== undefined) return plain;
  for (const word of baitToMisspell) {
    // Letters dropped or doubled, not changed: a changed letter makes other words (`cafe`, `logos`).
    if (text.length !== word.length && Math.min(text.length, word.length) >= 4 && withinOneEdit(text, word)) return word;
    // `loginusa`: a bait word of five letters or more and up to three other letters (not `accessories`, `careers`).
    if (word.length >= 5 && text.length > word.length && text.length <= word.length + 3 && (text.startsWith(word) || text.endsWith(word))) return word;
  }
  return undefined;
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
    const written = rawTokens[i]!.length === token.length ? rawTokens[i]! : token;
    for (let length = Math.min(token.length, brands.insertTargets.length - 1); length >= 6; length--) {
      for (const entry of brands.insertTargets[length] ?? none) {
        if (entry.strength !== 'weak') continue;
        const at = token.indexOf(entry.skeleton);
        if (at < 0) continue;
        const prefix = written.slice(0, at);
        const suffix = written.slice(at + length);
        if (gluedOtherUse(prefix, false) || gluedOtherUse(suffix, true)) return undefined;
        let bait = sloppyBait(prefix) ?? sloppyBait(suffix);
        for (let j = 0; j < rawTokens.length && bait === undefined; j++) if (j !== i) bait = sloppyBait(rawTokens[j]!);
        if (bait === undefined) return undefined;
        return { entry, kind: 'hosted', bait, distance: 0, mixedScripts: isMixedScript(rawTokens[i]!) };
      }
    }
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
  return undefined;
}
