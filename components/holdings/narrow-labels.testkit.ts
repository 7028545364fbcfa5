import { expect } from 'vitest';

/** The colon each language puts after a column name on a narrow screen (`joiners(locale).colon`). */
export const NARROW_COLONS = [
  ['en', ': '],
  ['fr', '\u00a0: '],
  ['zh_CN', '\uff1a'],
] as const;

/** Every cell's column name under `root` ends with `colon`, right after a letter (no space doubled before it). */
export function expectLabelsEndWith(root: ParentNode, locale: string, colon: string): void {
  const labels = [...root.querySelectorAll('td[data-label]')].map((cell) => cell.getAttribute('data-label') ?? '');
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label, locale).toMatch(new RegExp(`[^\\s\u00a0]${colon}$`));
}
