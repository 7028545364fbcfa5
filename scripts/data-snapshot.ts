/**
 * `npm run data:snapshot`: rebuilds the on-chain part of data/snapshot.json (totals, flows,
 * token and chain breakdown) from live DefiLlama, keeping every curated PoR block as it is.
 * The output is byte-for-byte reproducible for the same answers: keys sorted, two-space JSON.
 *
 * Offline, or when DefiLlama answers garbage, it changes nothing and exits non-zero with a
 * sentence saying why.
 *
 * Options: --out <path> (default data/snapshot.json), --no-breakdown (skip /protocol calls).
 * Environment: RESERVE_RADAR_DEFILLAMA_BASE points the requests at a mirror of the same API
 * (tests use a local server); the figures are still DefiLlama's, so `source` keeps the public URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exchanges as registry } from '../lib/exchanges/registry';
import type { ExchangeDefinition } from '../lib/exchanges/types';
import { cexsToReserves, DEFILLAMA_CEXS_URL, defillamaProtocolUrl, protocolToBreakdown } from '../lib/reserves/defillama';
import { DataSourceError } from '../lib/reserves/errors';
import { fetchSource, type FetchLike } from '../lib/reserves/fetch-source';
import type { ExchangeReserves, Snapshot } from '../lib/reserves/schema';
import { parseSnapshot } from '../lib/reserves/snapshot';
import { stableStringify } from '../lib/reserves/stable-json';

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
  if (!fetched.ok) return { ok: false, message: `cannot read ${cexsUrl}: ${fetched.message}` };

  let converted;
  try {
    converted = cexsToReserves({ body: fetched.body, asOf: now.toISOString(), exchanges: params.exchanges, source: DEFILLAMA_CEXS_URL });
  } catch (error) {
    if (error instanceof DataSourceError) return { ok: false, message: `${error.shortMessage}: ${error.details}` };
    throw error;
  }
  for (const { name, reason } of converted.rejected) log(`skipped DefiLlama entry ${name}: ${reason}`);
  if (Object.keys(converted.reserves).length === 0) {
    return { ok: false, message: `${cexsUrl} has no figures for any exchange in the registry` };
  }

  const exchanges: Record<string, ExchangeReserves> = {};
  // PoR is curated and stays; a live reading replaces on-chain totals and flows of the
  // exchanges it covers, and a dated figure for one it does not cover is kept.
  for (const [id, reserves] of Object.entries(held.exchanges)) exchanges[id] = { ...reserves };
  for (const exchange of params.exchanges) {
    const live = converted.reserves[exchange.id];
    if (live === undefined) continue;
    const entry: ExchangeReserves = { ...(exchanges[exchange.id] ?? {}) };
    if (live.flows !== undefined) entry.flows = live.flows;
    if (live.onchain !== undefined) {
      entry.onchain = live.onchain;
      if (params.breakdown && exchange.defillamaSlug !== undefined) {
        const protocolUrl = `${base}/protocol/${encodeURIComponent(exchange.defillamaSlug)}`;
        const answer = await fetchSource({ url: protocolUrl, fetch: params.fetch, timeoutMs, maxBytes: 30 * 1024 * 1024 });
        if (!answer.ok) {
          log(`no breakdown for ${exchange.id}: ${answer.message}`);
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

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const defaultPath = fileURLToPath(new URL('../data/snapshot.json', import.meta.url));
  const out = outIndex === -1 ? defaultPath : argv[outIndex + 1];
  if (out === undefined) {
    process.stderr.write('data:snapshot: --out needs a path\n');
    return 2;
  }
  let held: Snapshot;
  try {
    const parsed = parseSnapshot(JSON.parse(readFileSync(out, 'utf8')));
    if (!parsed.ok) {
      process.stderr.write(`data:snapshot: ${out} is not a valid snapshot (${parsed.reason}); fix it by hand first\n`);
      return 2;
    }
    held = parsed.snapshot;
  } catch (error) {
    process.stderr.write(`data:snapshot: cannot read ${out} (${error instanceof Error ? error.message : String(error)})\n`);
    return 2;
  }
  const base = (process.env.RESERVE_RADAR_DEFILLAMA_BASE ?? PUBLIC_BASE).replace(/\/+$/, '');
  const result = await buildSnapshot({
    held,
    fetch: globalThis.fetch,
    base,
    now: new Date(),
    exchanges: registry,
    breakdown: !argv.includes('--no-breakdown'),
    log: (line) => process.stderr.write(`data:snapshot: ${line}\n`),
  });
  if (!result.ok) {
    process.stderr.write(`data:snapshot: refused: ${result.message}. ${out} was left unchanged.\n`);
    return 1;
  }
  writeFileSync(out, stableStringify(result.snapshot));
  const measured = Object.values(result.snapshot.exchanges).filter((reserves) => reserves.onchain !== undefined).length;
  process.stdout.write(`data:snapshot: wrote ${out} (${measured} exchanges with on-chain figures)\n`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
