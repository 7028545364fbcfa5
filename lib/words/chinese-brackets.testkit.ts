/**
 * Parentheses in Chinese, as tests check them: Chinese text takes the full-width （…）, which carry
 * their own spacing, so no space goes before "（". ASCII parentheses stay only inside a run of Latin
 * text: around Latin or figures, after a Latin word, as a name with its version, "OKX (v1)"
 * (docs/languages.md, "Chinese punctuation"); a lone one is a join split across pieces of text.
 * Data kept in English is English, and is not checked here: take it out of the text before.
 */
const CHINESE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Where `text` (Chinese as a reader sees it) breaks the rule, each as the parenthesis with a few
 * characters around it; empty when it follows it.
 */
export function chineseBracketProblems(text: string): string[] {
  const problems: string[] = [];
  const report = (at: number) => problems.push(text.slice(Math.max(0, at - 8), at + 8));
  for (const group of text.matchAll(/\(([^()]*)\)?/g)) {
    const at = group.index ?? 0;
    const before = text.slice(0, at).trimEnd().at(-1) ?? '';
    if (before === '' || CHINESE.test(before) || CHINESE.test(group[1] ?? '') || !group[0].endsWith(')')) report(at);
  }
  for (const group of text.matchAll(/\)/g)) {
    const at = group.index ?? 0;
    if (!text.slice(0, at).includes('(')) report(at);
  }
  for (const space of text.matchAll(/\s\uff08/g)) report(space.index ?? 0);
  return problems;
}
