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

/** The table's rows, in order: `| \`id\` | \`cadence\` | basis |`. */
function cadenceRows(text: string): { id: string; cadence: string; basis: string }[] {
  return [...text.matchAll(/^\| `([a-z0-9-]+)` \| `([a-z]+)` \| (.*)\|\s*$/gm)].map((m) => ({
    id: m[1] as string,
    cadence: m[2] as string,
    basis: (m[3] as string).trim(),
  }));
}

/** Ids that have more than one row: a second row would hide or contradict the first. */
function repeatedIds(rows: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  return rows.map((row) => row.id).filter((id) => seen.has(id) || !seen.add(id));
}

const tableRows = () => (existsSync(tablePath) ? cadenceRows(readFileSync(tablePath, 'utf8')) : []);

describe('every reviewed cadence has its basis recorded', () => {
  test('reads a table row and finds a repeated id', () => {
    const rows = cadenceRows('| `gate` | `unknown` | no schedule stated |\n| `okx` | `monthly` | x |\n| `gate` | `daily` | y |\n');
    expect(rows[0]).toEqual({ id: 'gate', cadence: 'unknown', basis: 'no schedule stated' });
    expect(repeatedIds(rows)).toEqual(['gate']);
  });

  test('each exchange has exactly one row, and the table names exactly the exchanges that have a file', () => {
    const rows = tableRows();
    expect(repeatedIds(rows)).toEqual([]);
    expect(rows.map((row) => row.id).sort()).toEqual(files.map((file) => file.exchange).sort());
  });

  test.each(files.map((file) => [file.exchange, file.cadence] as const))('%s (%s) has a row with the same cadence and a basis', (id, cadence) => {
    expect(existsSync(tablePath)).toBe(true);
    const row = tableRows().find((candidate) => candidate.id === id);
    expect(row?.cadence).toBe(cadence);
    expect(row?.basis.length ?? 0).toBeGreaterThan(20);
  });
});
