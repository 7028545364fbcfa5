/**
 * DefiLlama's part of a feed build: on-chain totals, flows and, per exchange, the token and chain
 * breakdown, read live (or from a local mirror in tests) into a snapshot.
 */
import type { ExchangeDefinition } from '../../lib/exchanges/types';
import { cexsToReserves, DEFILLAMA_CEXS_URL, defillamaProtocolUrl, protocolToBreakdown } from '../../lib/reserves/defillama';
import { DataSourceError } from '../../lib/reserves/errors';
import { fetchSource, type FetchLike } from '../../lib/reserves/fetch-source';
import { markChecked, readingMoment } from '../../lib/reserves/refresh';
import { fetchFailureWithDetail } from '../../lib/words/fetch-failure';
import { cexsEntryName, cexsEntryProblemText } from '../../lib/words/cexs-entry-problem';
import { english } from '../radar/words/english';
import type { ExchangeReserves, Snapshot } from '../../lib/reserves/schema';
import { parseSnapshot } from '../../lib/reserves/snapshot';

export const PUBLIC_BASE = 'https://api.llama.fi';

export type BuildSnapshotParameters = {
  held: Snapshot;
  fetch: FetchLike;
  base: string;
  now: Date;
  exchanges: readonly ExchangeDefinition[];
  breakdown: boolean;
  log: (line: string) => void;
  timeoutMs?: number;
};
export type BuildSnapshotReturnType = { ok: true; snapshot: Snapshot } | { ok: false; message: string };

export async function buildSnapshot(params: BuildSnapshotParameters): Promise<BuildSnapshotReturnType> {
  const { held, base, now, log } = params;
  const timeoutMs = params.timeoutMs ?? 30_000;
  const cexsUrl = `${base}/cexs`;
  const fetched = await fetchSource({ url: cexsUrl, fetch: params.fetch, timeoutMs });
  if (!fetched.ok) return { ok: false, message: `cannot read ${cexsUrl}: ${fetchFailureWithDetail(fetched.failure, english.t, english.locale)}` };

  let converted;
  try {
    // Dated as the extension dates the same answer: by its Last-Modified when believable.
    converted = cexsToReserves({ body: fetched.body, asOf: readingMoment(fetched.lastModified, now.getTime()), exchanges: params.exchanges, source: DEFILLAMA_CEXS_URL });
  } catch (error) {
    if (error instanceof DataSourceError) return { ok: false, message: `${error.shortMessage}: ${error.details}` };
    throw error;
  }
  for (const entry of converted.rejected) log(`skipped DefiLlama entry ${cexsEntryName(entry, english.t)}: ${cexsEntryProblemText(entry.problem, english.t)}`);
  if (Object.keys(converted.reserves).length === 0) {
    return { ok: false, message: `${cexsUrl} has no figures for any exchange in the registry` };
  }

  const exchanges: Record<string, ExchangeReserves> = {};
  // PoR is curated and stays; a live reading replaces on-chain totals and flows of the
  // exchanges it covers, and a dated figure for one it does not cover is kept.
  for (const [id, reserves] of Object.entries(held.exchanges)) exchanges[id] = { ...reserves };
  const read = markChecked(converted.reserves, now.toISOString().slice(0, 10));
  for (const exchange of params.exchanges) {
    const live = read[exchange.id];
    if (live === undefined) continue;
    const entry: ExchangeReserves = { ...(exchanges[exchange.id] ?? {}) };
    if (live.flows !== undefined) entry.flows = live.flows;
    if (live.onchain !== undefined) {
      entry.onchain = live.onchain;
      if (params.breakdown && exchange.defillamaSlug !== undefined) {
        const protocolUrl = `${base}/protocol/${encodeURIComponent(exchange.defillamaSlug)}`;
        const answer = await fetchSource({ url: protocolUrl, fetch: params.fetch, timeoutMs, maxBytes: 30 * 1024 * 1024 });
        if (!answer.ok) {
          log(`no breakdown for ${exchange.id}: ${fetchFailureWithDetail(answer.failure, english.t, english.locale)}`);
        } else {
          try {
            const parts = protocolToBreakdown({ body: answer.body, slug: exchange.defillamaSlug });
            const fits = parts.topTokens.every((token) => token.usd <= live.onchain!.totalUsd * 1.0001);
            if (fits) {
              entry.onchain = {
                ...live.onchain,
                topTokens: parts.topTokens,
                byChain: parts.byChain,
                breakdownAsOf: parts.asOf,
                breakdownSource: defillamaProtocolUrl(exchange.defillamaSlug),
                ...(parts.tokenAmounts === undefined ? {} : { tokenAmounts: parts.tokenAmounts }),
              };
            } else log(`breakdown for ${exchange.id} does not fit inside its total; left out`);
          } catch (error) {
            if (!(error instanceof DataSourceError)) throw error;
            log(`no breakdown for ${exchange.id}: ${error.details}`);
          }
        }
      }
    }
    exchanges[exchange.id] = entry;
  }
  const parsed = parseSnapshot({ version: 1, generatedAt: now.toISOString(), exchanges });
  if (!parsed.ok) return { ok: false, message: `the rebuilt snapshot does not validate (${parsed.reason})` };
  return { ok: true, snapshot: parsed.snapshot };
}
