import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ExchangeDefinition } from '../exchanges/types';
import { cexsToReserves } from './defillama';
import { FlowsSchema, OnchainAssetsSchema } from './schema';
import { cexsEntryProblemText } from '../words/cexs-entry-problem';
import { english } from '../../scripts/radar/words/english';

const registry: ExchangeDefinition[] = ['Binance', 'Bybit', 'Kraken'].map((name) => ({
  id: name.toLowerCase(),
  name,
  domains: [`${name.toLowerCase()}.com`],
  brandTokens: [name.toLowerCase()],
  ownTokens: [],
  defillamaSlug: name.toLowerCase(),
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  sources: [`https://${name.toLowerCase()}.com/`],
  testUrls: { match: [], noMatch: [] },
}));

const anyFigure = fc.oneof(fc.double(), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(null), fc.constant(undefined), fc.string(), fc.boolean());
const entry = fc.record(
  {
    name: fc.oneof(fc.constantFrom('Binance', 'bybit', 'KRAKEN', 'Other'), fc.string(), fc.constant(null)),
    slug: fc.oneof(fc.constantFrom('binance', 'Bybit', 'kraken'), fc.string(), fc.constant(null)),
    coinSymbol: fc.oneof(fc.constant('BNB'), fc.constant(null)),
    currentTvl: anyFigure,
    cleanAssetsTvl: anyFigure,
    inflows_24h: anyFigure,
    inflows_1w: anyFigure,
    inflows_1m: anyFigure,
    leverage: anyFigure,
  },
  { requiredKeys: [] },
);

describe('cexsToReserves on arbitrary entries', () => {
  it('never throws for a { cexs: [...] } body, and every block it builds passes the schema', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, fc.anything()), { maxLength: 12 }), (cexs) => {
        const out = cexsToReserves({ body: { cexs }, asOf: '2026-08-10', exchanges: registry });
        for (const reserves of Object.values(out.reserves)) {
          if (reserves.onchain !== undefined) expect(v.safeParse(OnchainAssetsSchema, reserves.onchain).success).toBe(true);
          if (reserves.flows !== undefined) expect(v.safeParse(FlowsSchema, reserves.flows).success).toBe(true);
        }
        expect(out.rejected.every((r) => cexsEntryProblemText(r.problem, english.t).length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
