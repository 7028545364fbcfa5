import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReviewedFile } from './reviewed';

/**
 * A cadence sets how long a report counts as fresh and is said to users ("published monthly"), so each
 * reviewed file's cadence must have its basis written down: one row per exchange in the cadence table
 * of data/por/SOURCES-M.md, `| id | cadence | basis |`, with the same cadence as the file and a basis
 * that is not empty. Changing a cadence without saying why then fails here.
 */
const dir = join(import.meta.dirname, '../../data/por');
const tablePath = join(dir, 'SOURCES-M.md');

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const parsed = parseReviewedFile(JSON.parse(readFileSync(join(dir, name), 'utf8')), name);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.file;
  });

/** The table's rows, by exchange id: `| \`id\` | \`cadence\` | basis |`. */
function cadenceRows(text: string): Map<string, { cadence: string; basis: string }> {
  const rows = new Map<string, { cadence: string; basis: string }>();
  for (const m of text.matchAll(/^\| `([a-z0-9-]+)` \| `([a-z]+)` \| (.*)\|\s*$/gm)) {
    rows.set(m[1] as string, { cadence: m[2] as string, basis: (m[3] as string).trim() });
  }
  return rows;
}

describe('every reviewed cadence has its basis recorded', () => {
  test('reads a table row', () => {
    expect(cadenceRows('| `gate` | `unknown` | no schedule stated |\n')).toEqual(new Map([['gate', { cadence: 'unknown', basis: 'no schedule stated' }]]));
  });

  test.each(files.map((file) => [file.exchange, file.cadence] as const))('%s (%s) has a row with the same cadence and a basis', (id, cadence) => {
    expect(existsSync(tablePath)).toBe(true);
    const row = cadenceRows(readFileSync(tablePath, 'utf8')).get(id);
    expect(row?.cadence).toBe(cadence);
    expect(row?.basis.length ?? 0).toBeGreaterThan(20);
  });
});
