import type { ExchangeStatus } from '../exchanges/types';
import type { Cadence, Flows, PorAttestation, PorMethod } from '../reserves/schema';
import type { AssetConcentrationReturnType, RiskOnchainAssets } from './concentration';
import type { NetFlowSharesReturnType } from './net-flows';
import type { PorFreshnessReturnType } from './por-freshness';
import type { ReserveCoverageReturnType } from './reserve-coverage';
import type { ThresholdId } from './thresholds';

/** Reserves as the model reads them: the snapshot's `ExchangeReserves` fits, and so do historical cases where the clean figure is unknown. */
export interface RiskReserves {
  por?: PorAttestation | undefined;
  onchain?: RiskOnchainAssets | undefined;
  flows?: Flows | undefined;
}

/** What a reason does to the level. `info` and `ok` never lower it; `unknown` means the figure is missing or too old to count. */
export type ReasonEffect = 'ok' | 'info' | 'caution' | 'danger' | 'unknown';

/**
 * Which sentence says the reason. The model returns codes and figures only; each code has one
 * message in every `public/_locales/<lang>/messages.json` (lib/words/reason-text.ts), so the
 * extension and the command line say the same words.
 */
export const REASON_CODES = [
  'future-dated.por',
  'future-dated.onchain',
  'future-dated.flows',
  'status.operating',
  'status.collapsed',
  'status.closed',
  'incident.hack',
  'incident.withdrawal-halt',
  'incident.insolvency',
  'por.missing',
  'por.none-unchecked',
  'por.method',
  'por.overdue',
  'por.unchecked',
  'por.fresh',
  'por.undated',
  'ratio-major.missing',
  'ratio-major',
  'ratio-any.missing',
  'ratio-any',
  'onchain.missing',
  'onchain.old',
  'onchain.unchecked',
  'onchain.zero',
  'leverage',
  'own-token.unknown',
  'own-token.share',
  'own-affiliated.floor',
  'own-affiliated.unknown',
  'own-affiliated.share',
  'breakdown-missing',
  'breakdown-thin.top',
  'breakdown-thin.minor',
  'breakdown-thin.hhi',
  'top-asset.share',
  'minor-asset.share',
  'hhi',
  'stablecoin.share',
  'flows.old',
  'flows.unchecked',
  'flow-7d.missing',
  'flow-30d.missing',
  'flow-7d.no-total',
  'flow-30d.no-total',
  'flow-7d.out',
  'flow-30d.out',
  'flow-7d.in',
  'flow-30d.in',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The facts a reason's sentence names beside its figure (`value`) and cut-off (`threshold`). */
export interface ReasonParams {
  /** The exchange's name, as the registry spells it. */
  exchange?: string;
  /** The day an event happened (closure, incident) or a set-aside block is dated. */
  date?: string;
  /** The day the verdict is for (future-dated figures). */
  gradedOn?: string;
  /** The registry's own note on the event (history, incident summary): data, kept in English. */
  note?: string;
  /** Days since the date the figure describes, and the days an incident counts for. */
  ageDays?: number;
  windowDays?: number;
  /** The date the report describes, the day we last checked it, and how often it comes. */
  describes?: string;
  checkedAt?: string;
  cadence?: Cadence;
  /** How many days a report stays fresh at its cadence. */
  allowedDays?: number;
  /** PoR method strength (0–4). */
  strength?: number;
  /** The asset or token a figure is about (lowest ratio, largest holding). */
  asset?: string;
  /** The caution and danger lines a reason names besides its threshold. */
  caution?: number;
  danger?: number;
  /** Token symbols (own, affiliated); empty when the exchange has none. */
  tokens?: readonly string[];
  /** Share of reserves not itemised in the breakdown. */
  unlistedShare?: number;
  /** The listed share of the largest holding (thin breakdown). */
  listedShare?: number;
  /** The bounds of the concentration index, where the reason's figure is not one of them. */
  hhiLow?: number;
  hhiHigh?: number;
  /** Net flow in dollars over the window: negative is money leaving. */
  netUsd?: number;
}

export interface RiskReason {
  /** Stable name of the figure (`own-token.share`, `por.method`…). */
  metric: string;
  /** Which sentence words it (lib/words/reason-text.ts). */
  code: ReasonCode;
  /** The figure itself; absent when the reason is that the figure is missing. */
  value?: number | string;
  /** The cut-off it was compared with, and that cut-off's id in lib/risk/thresholds.ts. */
  threshold?: number;
  thresholdId?: ThresholdId;
  effect: ReasonEffect;
  /** Where the figure came from and the date it describes. */
  source?: string;
  asOf?: string;
  /** A share read from one answer but taken of a total from another: where that total came from and its date. Only when they differ from `source`/`asOf`. */
  totalSource?: string;
  totalAsOf?: string;
  params?: ReasonParams;
}

export interface RiskMetrics {
  status: ExchangeStatus['kind'];
  recentIncidents: number;
  porMethod?: { method: PorMethod; strength: number };
  porFreshness?: PorFreshnessReturnType;
  reserveCoverage?: ReserveCoverageReturnType;
  onchainAgeDays?: number;
  concentration?: AssetConcentrationReturnType;
  /** Open interest over clean assets, as DefiLlama publishes it. */
  leverage?: number;
  netFlows?: NetFlowSharesReturnType;
}

/** Where a block of figures came from and the date it describes, carried by each reason it gives. */
export interface Provenance {
  source: string;
  asOf: string;
  totalSource?: string;
  totalAsOf?: string;
}
