import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CexsEntryProblem } from '../reserves/defillama';
import { CEXS_ENTRY_KEYS, cexsEntryName, cexsEntryProblemText } from './cexs-entry-problem';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const PROBLEMS: CexsEntryProblem[] = [
  { code: 'not-object' },
  { code: 'no-name' },
  { code: 'total-without-clean' },
  { code: 'clean-without-total' },
  { code: 'clean-above-total', clean: 20, total: 10 },
  { code: 'not-a-number', field: 'currentTvl', value: '"lots"' },
  { code: 'below-min', field: 'leverage', value: -1, min: 0 },
  { code: 'above-max', field: 'currentTvl', value: 1e20, max: 1e13 },
];

describe('/cexs entry refusal words', () => {
  test('every refusal has its clause in every locale, figures filled in', () => {
    expect(locales).toHaveLength(8);
    expect(PROBLEMS.map((problem) => problem.code).sort()).toEqual(Object.keys(CEXS_ENTRY_KEYS).sort());
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = PROBLEMS.map((problem) => cexsEntryProblemText(problem, t));
      for (const [i, text] of texts.entries()) {
        expect(text, `${locale}:${PROBLEMS[i]!.code}`).toMatch(/^[^$]+$/);
        for (const [name, figure] of Object.entries(PROBLEMS[i]!)) if (name !== 'code') expect(text, `${locale}:${PROBLEMS[i]!.code}`).toContain(String(figure));
      }
      expect(new Set(texts).size, locale).toBe(PROBLEMS.length);
      expect(cexsEntryName({ index: 3, problem: { code: 'no-name' } }, t), locale).toContain('3');
    }
  });

  test('lib/reserves/defillama.ts refuses entries with codes, not sentences', () => {
    const source = readFileSync(join(root, 'lib/reserves/defillama.ts'), 'utf8');
    expect(source).not.toMatch(/new EntryProblem\(\s*['`]/);
    expect(source).not.toMatch(/reason: ['`]/);
  });
});
