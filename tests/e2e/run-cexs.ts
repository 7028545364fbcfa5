import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness';

/**
 * A `/cexs` answer with a run on Binance, for the browser tests: the recorded rows of
 * 10 August 2026 (tests/fixtures/defillama/recorded/) with Binance's flows changed so that a
 * quarter of its assets left in a day. Made up from a real answer for the test; not a reading.
 */
export function cexsWithRunOnBinance(): string {
  const recorded = JSON.parse(readFileSync(join(root, 'tests/fixtures/defillama/recorded/cexs-rows-trading-system-2026-08-10.json'), 'utf8')) as { cexs: Record<string, unknown>[] };
  const cexs = recorded.cexs.map((row) => {
    if (row.name !== 'Binance') return row;
    const total = row.currentTvl as number;
    // What left is a third of what is left: a quarter of what was there a day ago.
    return { ...row, inflows_24h: -total / 3, inflows_1w: -total / 3, inflows_1m: -total / 3 };
  });
  return JSON.stringify({ cexs });
}
