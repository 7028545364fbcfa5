/**
 * Sentences in Chinese, as tests check them: the full-width "。", "！" and "？" carry their own
 * spacing, so the next sentence follows with no space, as the Chinese messages write it; code that
 * joins two sentences puts `joiners(locale).sentence` between them (lib/words/punctuation.ts).
 */
export function chineseSentenceProblems(text: string): string[] {
  return [...text.matchAll(/[\u3002\uff01\uff1f]\s+\S/gu)].map((found) => text.slice(Math.max(0, (found.index ?? 0) - 8), (found.index ?? 0) + found[0].length + 4));
}
