import { decodedBody } from '../exchanges/brand-target';
import { commonWords, distinctiveBrands, leadingBrands } from '../exchanges/lookalike/brand-words';
import { affixContext } from '../exchanges/lookalike/context';

/**
 * Whether a brand the brand rule found in a listed host stands in it as the brand. The brand rule
 * looks in the whole name with dots and hyphens taken out, which ties phishing of other kinds to an
 * exchange: a bank's name ending in `lbank`, `bitcoin-revolution`, `coin-express`, `cryptocompany`,
 * `powerbridgemining`, `capgeminiworld`. The list still calls those hosts phishing; only the exchange
 * they are said to imitate is wrong, and a warning would send the reader to that exchange.
 *
 * - A distinctive coined brand (Binance, Coinbase, KuCoin…; brand-words.ts) stands wherever the
 *   brand rule found it, split by hyphens or dots included (`co-in-base`, `bin.ance`).
 * - Any other brand must be found within one label (hyphens and underscores between its letters
 *   allowed: `celsi-us`), and what is glued before it there must be what the classifier reads beside
 *   a brand (`affixContext`: nothing, digits, a filler such as `my`, a bait or crypto word), or one or
 *   two stray letters (`ckraken`). After it, a common word (Kraken, Gemini) may carry anything
 *   (`krakenaclougin`); a coined name that other words contain (LBank, BlockFi, Crypto.com's
 *   `cryptocom`, Bitso) only the same (`blockfix`, `cryptocompany`, `bitsoft` are not the brand).
 * - A brand that begins other words (Revolut, CoinEx, Paribu, eToro) does not stand where the
 *   letters after it carry on into one of those words (`revolution`, `coinexpress`, `coinexchange`).
 */
export function brandStands(host: string, brand: string): boolean {
  if (distinctiveBrands.has(brand)) return true;
  const labels = decodedBody(host).split('.');
  const split = new RegExp([...brand].join('[-_]*'), 'g');
  const rests = leadingBrands.get(brand);
  for (const label of labels) {
    for (const found of label.matchAll(split)) {
      const start = found.index;
      const end = start + found[0].length;
      const before = /[a-z0-9]*$/.exec(label.slice(0, start))?.[0] ?? '';
      const after = /^[a-z0-9]*/.exec(label.slice(end))?.[0] ?? '';
      // The letters glued after the brand, as a word would carry on (`coinexpress`, and `coin-express`, where the brand rule found `coin-ex`).
      if (rests?.some((rest) => rest.length > 0 && after.startsWith(rest)) === true) continue;
      // A common word (Kraken, Gemini) or a brand that begins words, glued to anything after it in a
      // listed host, is the brand (`krakenaclougin`, `coinexmkt`); before it, only what the classifier
      // reads beside a brand.
      if (glued(before, false) && (commonWords.has(brand) || rests !== undefined || glued(after, true))) return true;
    }
  }
  return false;
}

function glued(affix: string, isSuffix: boolean): boolean {
  return affix.length <= 2 || affixContext(affix, isSuffix).ok;
}
