import { decodedBody } from '../exchanges/brand-target';
import { commonWords, distinctiveBrands, leadingBrands } from '../exchanges/lookalike/brand-words';
import { affixContext } from '../exchanges/lookalike/context';

/**
 * Whether a brand the brand rule found in a listed host stands in it as the brand. The brand rule
 * looks in the whole name with dots and hyphens taken out, which ties phishing of other kinds to an
 * exchange: a bank's name ending in `lbank`, `bitcoin-revolution`, `coin-express`, `cryptocompany`,
 * `powerbridgemining`, `capgeminiworld`, `signup-bit…`. The list still calls those hosts phishing;
 * only the exchange they are said to imitate is wrong, and a warning would send the reader to that exchange.
 *
 * - A distinctive coined brand (Binance, Coinbase, KuCoin…; brand-words.ts) stands wherever the
 *   brand rule found it whole, glued to anything; split by hyphens or dots (`co-in-base`, `bin.ance`)
 *   only where it begins or ends a token: `signup-bit…` ends one word and begins another.
 * - Any other brand must be found within one label (hyphens and underscores between its letters
 *   allowed: `celsi-us`), and what is glued before it there must be what the classifier reads beside
 *   a brand (`affixContext`: nothing, digits, a filler such as `my`, a bait or crypto word), or one or
 *   two stray letters (`ckraken`), though not before a split brand (`al-lbank`), and only one before a
 *   brand made of an initial and a word (LBank: `allbank` is another name). After it, a common word
 *   (Kraken, Gemini) may carry anything (`krakenaclougin`); a coined name that other words contain
 *   only the same (`blockfix`, `cryptocompany`, `bitsoft` are not the brand).
 * - A brand that begins other words (Revolut, CoinEx, Paribu, eToro) does not stand where the
 *   letters after it carry on into one of those words (`revolution`, `coinexpress`, `coinexchange`).
 * - Kraken does not stand in a label that names the darknet: the darknet market of that name.
 *   Gate after a word and a hyphen stays Gate's (`kava-gate`, `star-gate` among them): a word
 *   before it is as often a phishing page's (`japan-gate`, `cash-gate`), and a warning naming the
 *   wrong exchange costs less than no warning.
 */
export function brandStands(host: string, brand: string): boolean {
  const body = decodedBody(host);
  if (distinctiveBrands.has(brand)) return distinctiveStands(body, brand);
  const common = commonWords.has(brand);
  const labels = body.split('.');
  const split = new RegExp([...brand].join('[-_]*'), 'g');
  const rests = leadingBrands.get(brand);
  for (const label of labels) {
    if (brand === darknetNamesake && darknetWords.test(label)) continue;
    for (const found of label.matchAll(split)) {
      const start = found.index;
      const end = start + found[0].length;
      const before = /[a-z0-9]*$/.exec(label.slice(0, start))?.[0] ?? '';
      const after = /^[a-z0-9]*/.exec(label.slice(end))?.[0] ?? '';
      // The letters glued after the brand, as a word would carry on (`coinexpress`, and `coin-express`, where the brand rule found `coin-ex`).
      if (rests?.some((rest) => rest.length > 0 && after.startsWith(rest)) === true) continue;
      const strays = found[0] !== brand ? 0 : initialBrands.has(brand) ? 1 : 2;
      // A common word (Kraken, Gemini) or a brand that begins words, glued to anything after it in a
      // listed host, is the brand (`krakenaclougin`, `coinexmkt`); before it, only what the classifier
      // reads beside a brand.
      if (glued(before, false, strays) && (common || rests !== undefined || glued(after, true, 2))) return true;
    }
  }
  return false;
}

/**
 * The Kraken market of the Russian darknet shares its name with the exchange, and lists catch the
 * sites that lead to it, named for the darknet in the same label (`kraken-site-darknet…`,
 * `kraken-onion`). Its numbered mirrors (`kraken11`) stay tied: a number beside a brand is as
 * common in phishing of the exchange (`kraken-24`).
 */
const darknetNamesake = 'kraken';
const darknetWords = /darknet|darkweb|onion/;

/** Brands made of an initial and a word (L + bank): more than one letter before one makes another name (`allbank`, a bank's). */
const initialBrands: ReadonlySet<string> = new Set(['lbank']);

/** A distinctive brand, whole anywhere, or split by separators where it begins or ends a token (`co-in-base…`, `…coin-base`). */
function distinctiveStands(body: string, brand: string): boolean {
  // Whether the character at `at` is a separator or beyond the name.
  const edge = (at: number) => at < 0 || at >= body.length || /[-_.]/.test(body[at] ?? '');
  for (const found of body.matchAll(new RegExp([...brand].join('[-_.]*'), 'g'))) {
    if (found[0] === brand || edge(found.index - 1) || edge(found.index + found[0].length)) return true;
  }
  return false;
}

/** Whether an affix glued to a brand is what the classifier reads beside one, or at most `strays` stray letters. */
function glued(affix: string, isSuffix: boolean, strays: number): boolean {
  return affix.length <= strays || affixContext(affix, isSuffix).ok;
}
