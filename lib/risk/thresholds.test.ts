import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { THRESHOLDS } from './thresholds';

const DOC = join(import.meta.dirname, '../../docs/risk-model.md');

/** The rows of the first markdown table under "## Thresholds". */
function docThresholdRows(markdown: string): string[][] {
  const section = markdown.split(/^## Thresholds\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('threshold table', () => {
  test('docs/risk-model.md and lib/risk/thresholds.ts carry the same table', () => {
    const rows = docThresholdRows(readFileSync(DOC, 'utf8'));
    expect(rows.length).toBe(THRESHOLDS.length);
    const fromDoc = rows.map(([id, effect, when, value, rationale, reference]) => ({
      id: id?.replace(/`/g, ''),
      effect,
      when,
      value: Number(value),
      rationale,
      reference,
    }));
    expect(fromDoc).toEqual(THRESHOLDS.map(({ id, effect, when, value, rationale, reference }) => ({ id, effect, when, value, rationale, reference })));
  });

  test('rows are unique, sourced and sane', () => {
    expect(new Set(THRESHOLDS.map((row) => row.id)).size).toBe(THRESHOLDS.length);
    for (const row of THRESHOLDS) {
      expect(row.reference).toMatch(/^https:\/\//);
      expect(row.rationale).not.toContain('|');
      expect(Number.isFinite(row.value) && row.value > 0).toBe(true);
    }
    const value = (id: string) => THRESHOLDS.find((row) => row.id === id)?.value;
    // A danger line must be stricter than the caution line beside it.
    expect(value('own-token.share.danger')!).toBeGreaterThan(value('own-token.share.caution')!);
    expect(value('own-affiliated.share.danger')!).toBeGreaterThan(value('own-affiliated.share.caution')!);
    expect(value('reserve-ratio.major.danger')!).toBeLessThan(value('reserve-ratio.major.caution')!);
  });
});
