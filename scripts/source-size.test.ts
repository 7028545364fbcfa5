import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lineCount, SOURCE_LINE_LIMIT, sourceSizeProblems } from './source-size';

/**
 * The hand-written files allowed over the limit, each with its reason: a data table may stay
 * long, code may not. None today. The test fails while a line names a file that is no longer
 * over the limit, so the list cannot go stale.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

const root = join(import.meta.dirname, '..');

const dirs: string[] = [];
function tree(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-source-size-'));
  dirs.push(dir);
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), 'export const line = 1;\n'.repeat(lines));
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('source file size', () => {
  test(`no hand-written .ts/.tsx file in this repository is over ${SOURCE_LINE_LIMIT} lines, but the named exceptions`, () => {
    const { tooLong, staleExceptions } = sourceSizeProblems(root, EXCEPTIONS);
    expect(tooLong, 'Split these at their seams, or name a data table in EXCEPTIONS with its reason').toEqual([]);
    expect(staleExceptions, 'These are within the limit (or gone): remove them from EXCEPTIONS').toEqual([]);
  });

  test('a file one line over the limit is named; the limit itself passes; dependencies and generated folders are not read', () => {
    const dir = tree({
      'lib/long.ts': SOURCE_LINE_LIMIT + 1,
      'components/Long.tsx': SOURCE_LINE_LIMIT + 5,
      'lib/fits.ts': SOURCE_LINE_LIMIT,
      'node_modules/dep/index.ts': 2000,
      '.wxt/types/imports.d.ts': 2000,
      '.output/chrome-mv3/background.ts': 2000,
      'data/table.json': 2000,
    });
    expect(sourceSizeProblems(dir, {})).toEqual({ tooLong: ['components/Long.tsx: 405 lines', 'lib/long.ts: 401 lines'], staleExceptions: [] });
  });

  test('an exception lets its file through, and one whose file fits (or is gone) is reported', () => {
    const dir = tree({ 'lib/table.ts': 900, 'lib/split.ts': 120 });
    expect(sourceSizeProblems(dir, { 'lib/table.ts': 'data', 'lib/split.ts': 'was long', 'lib/gone.ts': 'was long' })).toEqual({
      tooLong: [],
      staleExceptions: ['lib/split.ts', 'lib/gone.ts'],
    });
  });

  test('lines are counted as wc -l does, with a last line that has no newline counted too', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\nb\n')).toBe(3);
  });
});
