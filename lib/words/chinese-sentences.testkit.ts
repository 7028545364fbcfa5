/**
 * Sentences in Chinese, as tests check them: the full-width "。", "，", "：", "；", "！" and "？"
 * carry their own spacing, so what follows comes with no space, as the Chinese messages write it;
 * so do the closing brackets "）", "」", "』" and "】" before Chinese text (a " · " list joiner may follow them);
 * code that joins two sentences puts `joiners(locale).sentence` between them (lib/words/punctuation.ts).
 * A Chinese sentence ends with "。", never with a Latin "." after Chinese text: code that ends a
 * sentence after a piece it adds takes `fullStop(locale)`. A web address may follow the mark after
 * a space: the share text keeps its links apart so apps do not take the mark into the address.
 */
export function chineseSentenceProblems(text: string): string[] {
  const around = (index: number, length: number) => text.slice(Math.max(0, index - 8), index + length + 4);
  return [
    ...[...text.matchAll(/[\u3002\uff0c\uff1a\uff1b\uff01\uff1f]\s+(?!https?:\/\/)\S/gu)].map((found) => around(found.index ?? 0, found[0].length)),
    ...[...text.matchAll(/[\uff09\u300d\u300f\u3011]\s+[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu)].map((found) => around(found.index ?? 0, found[0].length)),
    ...[...text.matchAll(/[\p{Script=Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20]\.(?!\d)/gu)].map((found) => around(found.index ?? 0, found[0].length)),
  ];
}
