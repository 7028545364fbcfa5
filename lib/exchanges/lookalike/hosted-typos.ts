/**
 * Brands written another way beside a login on free hosting of any kind, developer platforms too
 * (`pages.dev`, `netlify.app`). A project there is named after the software it tries (`gemini-chat`), not
 * after a misspelled brand beside a login, so there a typo counts with bait beside it however sloppily
 * written, though it would not alone.
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { editDistance } from '../edit-distance';
import { isMixedScript } from '../skeleton';
import { soundsAlike } from './typo';
import { baitWords } from './bait-words';
import { courseHostList, nearMissWords, pageKitWords } from './brand-words';
import { faintContext } from './context';
import { endingAfterGeneric, movedLetters, sloppyBait } from './hosted';
import type { Evidence, Label } from './types';

const none: readonly BrandEntry[] = [];
const courseHosts: ReadonlySet<string> = new Set(courseHostList);
const plain = /^[a-z]+$/;

/** Brands of six letters or more, by skeleton length; built once per index. */
const targetsByIndex = new WeakMap<BrandIndex, BrandEntry[][]>();

function targetsOf(brands: BrandIndex): BrandEntry[][] {
  let byLength = targetsByIndex.get(brands);
  if (byLength === undefined) {
    byLength = [];
    const seen = new Set<string>();
    for (const list of brands.byToken.values()) {
      const entry = list[0]!;
      if (entry.skeleton.length < 6 || entry.base !== undefined || seen.has(entry.skeleton)) continue;
      seen.add(entry.skeleton);
      (byLength[entry.skeleton.length] ??= []).push(entry);
    }
    targetsByIndex.set(brands, byLength);
  }
  return byLength;
}

/** From the last letter kept of a brand cut short: that letter, perhaps once more, then vowels only. */
const trailing = /^([a-z])\1?[aeiouy]{0,3}$/;

/** A vowel, `y` among them. */
const vowel = /^[aeiouy]$/;

/** Whether `written` is `said` with one vowel put in (`blokefi`, `blokfiu`). */
function vowelAdded(written: string, said: string): boolean {
  if (written.length !== said.length + 1) return false;
  for (let k = 0; k < written.length; k++) if (vowel.test(written[k]!) && written.slice(0, k) + written.slice(k + 1) === said) return true;
  return false;
}

/** Whether every letter of `written` is in `brand`, in order: letters only dropped (`rbnhood`, `cnbase`). */
function lettersDropped(written: string, brand: string): boolean {
  let at = 0;
  for (let i = 0; i < brand.length && at < written.length; i++) if (brand.charCodeAt(i) === written.charCodeAt(at)) at++;
  return at === written.length;
}

/**
 * How many letters `written` is from the brand when it is the brand written another way: split by hyphens
 * (0), one letter off with its first letter kept or said alike (`kucoi`, `krnken`, `cucoin`, `koinbse`), or
 * one or two letters dropped with its first letter kept (`rbnhood`, `cnbase`; two only from eight letters or
 * more), or, in a brand of eight letters or more, two letters off with its first and last kept (`rubinhod`). The brand cut short (`block` for
 * `blockfi`) is not; nor are other changes of two letters, which make ordinary words (`bitkit`, `blocky`,
 * `cryptoroom`).
 */
function isBait(word: string | undefined): boolean {
  return word !== undefined && baitWords.has(word) && !faintContext.has(word);
}

function lettersOff(written: string, split: boolean, brand: string, coined: boolean): number | undefined {
  // Split in the plural only for a coined brand: a common word's plural split is a place or a name (`robin-hoods-bay`).
  if (written === brand || (split && coined && written === `${brand}s`)) return split ? 0 : undefined;
  // The brand cut short by one letter, in a brand of seven letters or more (`blockf`); by more it is another word (`block`).
  if (!split && brand.length >= 7 && written.length === brand.length - 1 && brand.startsWith(written)) return 1;
  // A coined brand whole with one letter after it (`blockfie`); a common word so is another name (`krakend`).
  if (!split && coined && written.length === brand.length + 1 && written.startsWith(brand)) return 1;
  // `blockfee`, `blockffe`, `blockfiee`: a coined brand of seven letters or more cut short by its last letter, then one to
  // three vowels, the letter before the cut perhaps written twice first; one letter off when as long as the brand (`blockfu`).
  if (!split && coined && brand.length >= 7 && written.length <= brand.length + 2 && written.startsWith(brand.slice(0, -1)) && trailing.test(written.slice(brand.length - 2)))
    return written.length === brand.length ? 1 : 2;
  // The brand cut short otherwise, or whole with more letters after it: padding, judged elsewhere.
  if (split || brand.startsWith(written) || brand.endsWith(written) || written.startsWith(brand)) return undefined;
  const first = written.charCodeAt(0);
  const brandFirst = brand.charCodeAt(0);
  if (first !== brandFirst && !soundsAlike(first, brandFirst)) return undefined;
  const respelled = first === brandFirst ? written : String.fromCharCode(brandFirst) + written.slice(1);
  if (respelled === brand) return 1;
  // A first letter said alike and one more change only in a brand of seven letters or more (`corbin` is not `korbit`).
  const distance = editDistance({ a: respelled, b: brand, max: 1 });
  if (distance === 1 && (first === brandFirst || brand.length >= 7)) return first === brandFirst ? 1 : 2;
  if (first !== brandFirst) return undefined;
  // Two letters dropped only from a brand of eight letters or more (`debit` is not `deribit`).
  const dropped = brand.length - written.length;
  if ((dropped === 1 || (dropped === 2 && brand.length >= 8)) && lettersDropped(written, brand)) return dropped;
  if (coined && brand.length >= 7 && written.startsWith(brand.slice(0, 3))) {
    // `blokfie`, `blokefi`, `blokfis`, `blokif`: the brand's `ck` said as one `k`, then a vowel put in, a letter put
    // after it or two letters swapped (none changed, none dropped: Polish `bloki`; no consonant within: Danish `blokfri`).
    const folded = brand.indexOf('ck');
    if (folded > 0 && !written.includes('ck')) {
      const said = brand.slice(0, folded) + brand.slice(folded + 1);
      const added = written.length === said.length + 1 && (written.startsWith(said) || vowelAdded(written, said));
      if (written !== said && (written.length === said.length || added) && movedLetters(written, said, 1) === 1) return 2;
    }
  }
  // `rubinhod`: two letters off in a brand of eight letters or more, its first and last letters (and the ending after a generic word, `crypto` + `com`) kept.
  const ending = endingAfterGeneric(brand);
  if (brand.length < 8 || written.charCodeAt(written.length - 1) !== brand.charCodeAt(brand.length - 1) || (ending !== undefined && !written.endsWith(ending))) return undefined;
  return editDistance({ a: written, b: brand, max: 2 }) === 2 ? 2 : undefined;
}

function lenientTarget(entry: BrandEntry, written: string, kitOnly: boolean): boolean {
  const brand = entry.token;
  if (entry.leading !== undefined || brand.length < 7 || written.charCodeAt(0) !== brand.charCodeAt(0) || written.length < brand.length - 1) return false;
  if (!kitOnly) return true;
  // Beside page words alone, not a generic word and its ending (`coinhone` / `coinone`), nor the brand and a consonant
  // (`blockfit`; `blockfie` is kept), nor a letter changed before the last (`blockui`, jQuery's BlockUI, is not
  // `blockfi`), nor a consonant for the last (`blockfs`, `blockfx` are projects; `blockfu`, `blockfy` are not), but the
  // letter before it written twice (`blockff`, the brand cut short as in `blockffe`).
  if (endingAfterGeneric(brand) !== undefined) return false;
  if (written.length === brand.length + 1 && written.startsWith(brand)) return vowel.test(written.slice(-1));
  if (written.length !== brand.length || editDistance({ a: written, b: brand, max: 1 }) !== 1) return true;
  return written.slice(0, -1) === brand.slice(0, -1) && (vowel.test(written.slice(-1)) || written.at(-1) === written.at(-2));
}

/**
 * `secure-kucoi-nlogin.pages.dev`, `rubinhod-login.pages.dev`, `koinbse-login.pages.dev`,
 * `ro-bin-hood-login.pages.dev`: on free hosting, a token (or two or three short ones run together, spelling
 * the brand) that is a brand of six letters or more written another way (`lettersOff`), beside a bait word however
 * sloppily written in another token (`www`, `app`, `web` are too faint).
 */
export function typoBesideBaitOnHosting(label: Label, brands: BrandIndex, coinedOnly = false): Evidence | undefined {
  const { tokens, rawTokens } = label;
  if (tokens.length < 2) return undefined;
  const baits = rawTokens.map((raw) => sloppyBait(raw));
  // Bait, not crypto words: a developer's `corbin-portfolio` or `debit-wallet` names no exchange. `cdn` is bait here,
  // where phishing kits name their pages after content delivery (`sso--<brand>--cdn`), and not on a domain of its own.
  const bait = baits.find(isBait) ?? (rawTokens.includes('cdn') ? 'cdn' : undefined);
  // A phishing kit's page words (`docs`, `nav`, `home`, `en`) beside a coined brand written another way: no project
  // misspells the coined name it documents. Beside a common word's typo they are a project's pages (`krakn-docs`).
  const kit = bait === undefined ? rawTokens.find((raw) => pageKitWords.has(raw)) : undefined;
  if (bait === undefined && kit === undefined) return undefined;
  const targets = targetsOf(brands);
  for (let i = 0; i < tokens.length; i++) {
    let written = '';
    for (let j = i; j < tokens.length && j < i + 3; j++) {
      if (baits[j] !== undefined || (j > i && tokens[j]!.length > 5)) break;
      // Plain letters are compared as written (`krnken`, whose skeleton folds `rn` to `m`), with the brand as written.
      written += plain.test(rawTokens[j]!) ? rawTokens[j]! : tokens[j]!;
      if (written.length < 5 || nearMissWords.has(written)) continue;
      for (let length = Math.max(6, written.length - 2); length <= written.length + 2 && length < targets.length; length++) {
        for (const entry of targets[length] ?? none) {
          const brand = plain.test(written) ? entry.token : entry.skeleton;
          // `kucoi-nlogin`: the hyphen moved into the brand, its last letters beginning the next token, a bait word as written the rest of it.
          const next = plain.test(written) ? rawTokens[j + 1] : tokens[j + 1];
          const tail = brand.slice(written.length);
          const moved = next !== undefined && brand.length > written.length && brand.startsWith(written) && next.startsWith(tail) && isBait(next.slice(tail.length));
          const coined = entry.strength !== 'weak';
          // Page words alone, or a course host: a coined brand of seven letters or more that begins no other word, its
          // first letter as written, at most one letter dropped (`chinone`, `revolu`, `wazirs`, `coibas` are words). A
          // course host's bait is held as page words are: course names are products (`crinone`, `blockui`, `blockfit`).
          if ((coinedOnly || bait === undefined) && (!coined || !lenientTarget(entry, written, coinedOnly || bait === undefined))) continue;
          const distance = moved ? 0 : lettersOff(written, j > i, brand, coined);
          if (distance !== undefined) return { entry, kind: distance === 0 ? 'hyphenated' : 'typo', bait: bait ?? kit, distance, mixedScripts: isMixedScript(rawTokens[i]!) };
        }
      }
    }
  }
  return undefined;
}

/**
 * `help-blockfe-docs.teachable.com`: on an online-course host (`courseHosts`), a coined brand written another way
 * beside bait or a kit's page words, as on free hosting. Coined brands only: course names hold common words
 * (`gemini.thinkific.com` is an astrology course), so there the other rules read a host as on any other domain.
 */
export function coinedTypoOnCourse(host: string, labels: readonly Label[], brands: BrandIndex): Evidence | undefined {
  if (labels.length < 2) return undefined;
  const course = `${labels[labels.length - 1]!.raw}.${host.slice(host.lastIndexOf('.') + 1)}`;
  if (!courseHosts.has(course)) return undefined;
  const evidence = typoBesideBaitOnHosting(labels[labels.length - 2]!, brands, true);
  if (evidence !== undefined) {
    evidence.kind = evidence.kind === 'typo' ? 'hosted-typo' : 'hosted';
    evidence.hosting = course;
  }
  return evidence;
}
