/**
 * The hourly refresh path: parse + validate + merge of a real-size `/cexs` body, as a multiple
 * of a plain `JSON.parse` of the same text measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exchanges } from '../../lib/exchanges/registry';
import { cexsToReserves } from '../../lib/reserves/defillama';
import { mergeReserves } from '../../lib/reserves/merge';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { opsPerSecond, type BenchReport } from './report';

export async function bench(): Promise<BenchReport> {
  const text = readFileSync(fileURLToPath(new URL('../../tests/fixtures/defillama/cexs.json', import.meta.url)), 'utf8');
  const held = bundledSnapshot();
  const entries = (JSON.parse(text) as { cexs: unknown[] }).cexs.length;
  let sink = 0;

  const parseOnly = opsPerSecond(() => {
    sink += (JSON.parse(text) as { cexs: unknown[] }).cexs.length;
  });
  const full = opsPerSecond(() => {
    const converted = cexsToReserves({ body: JSON.parse(text), asOf: '2026-08-10T12:00:00.000Z', exchanges });
    const merged = mergeReserves({ held, incoming: converted.reserves, generatedAt: '2026-08-10T12:00:00.000Z' });
    sink += merged.changed.length;
  });
  if (sink < 0) throw new Error('unreachable');

  const ratio = parseOnly / full;
  return {
    title: `reserves: /cexs refresh (${entries} entries, ${(text.length / 1024).toFixed(1)} kB)`,
    rows: [
      { name: 'JSON.parse alone', value: `${(1e6 / parseOnly).toFixed(1)} µs per body` },
      { name: 'parse + validate + merge', value: `${(1e6 / full).toFixed(1)} µs per body` },
      { name: 'cost over JSON.parse', value: `${ratio.toFixed(2)}x`, goal: '≤ 3x', met: ratio <= 3 },
    ],
  };
}
