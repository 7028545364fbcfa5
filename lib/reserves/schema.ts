import * as v from 'valibot';

/**
 * Schemas for everything the extension believes about an exchange's reserves. Every block
 * carries the URL it was read from (`source`) and the date it describes (`asOf`), so a view
 * can show provenance next to every figure. Data from outside (bundled file, live feeds,
 * imports) is parsed through these before anything reads it.
 */

export const IsoDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2024-09-01'),
  v.check((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date'),
);
export const UrlSchema = v.pipe(v.string(), v.url('a source must be a URL'), v.startsWith('https://', 'a source must be an https URL'));
const Usd = v.pipe(v.number(), v.finite(), v.minValue(0, 'a dollar value cannot be negative'));
const SignedUsd = v.pipe(v.number(), v.finite());
/** A reserve ratio as a fraction: 1.0684 means reserves were 106.84 % of customer balances. */
const Ratio = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100, 'a reserve ratio above 10 000 % is not believable'));
const Symbol = v.pipe(v.string(), v.minLength(1), v.maxLength(20));

const Provenance = {
  source: UrlSchema,
  asOf: IsoDateSchema,
};

export const PorMethodSchema = v.picklist([
  'zk-proof',
  'merkle-liabilities',
  'auditor-attestation',
  'wallet-list',
  'none',
]);
export type PorMethod = v.InferOutput<typeof PorMethodSchema>;

export const CadenceSchema = v.picklist(['daily', 'weekly', 'monthly', 'quarterly', 'irregular', 'unknown']);
export type Cadence = v.InferOutput<typeof CadenceSchema>;

export const PorAttestationSchema = v.object({
  method: PorMethodSchema,
  cadence: CadenceSchema,
  /** Tickers covered by the report, or a count where the report gives only a count. */
  assetsCovered: v.optional(v.union([v.array(Symbol), v.pipe(v.number(), v.integer(), v.minValue(0))])),
  liabilitiesIncluded: v.boolean(),
  attestor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** The moment the balances were taken. */
  snapshotDate: v.optional(IsoDateSchema),
  publishedDate: v.optional(IsoDateSchema),
  reserveRatios: v.optional(v.record(Symbol, Ratio)),
  customerLiabilities: v.optional(v.record(Symbol, v.pipe(v.number(), v.finite(), v.minValue(0)))),
  merkleRoot: v.optional(v.pipe(v.string(), v.regex(/^(0x)?[0-9a-fA-F]{16,128}$/))),
  verifier: v.optional(UrlSchema),
  /** Plain words on anything a reader should know (e.g. "no report published"). */
  note: v.optional(v.pipe(v.string(), v.maxLength(500))),
  ...Provenance,
});
export type PorAttestation = v.InferOutput<typeof PorAttestationSchema>;

export const TokenValueSchema = v.object({ symbol: Symbol, usd: Usd });

export const OnchainAssetsSchema = v.pipe(
  v.object({
    totalUsd: Usd,
    /** Total less the exchange's own tokens (DefiLlama's `cleanAssetsTvl`). */
    cleanUsd: Usd,
    ownTokenUsd: v.optional(Usd),
    topTokens: v.optional(v.array(TokenValueSchema)),
    byChain: v.optional(v.record(v.pipe(v.string(), v.maxLength(60)), Usd)),
    /** Open interest over clean assets, where DefiLlama publishes it. */
    leverage: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
    ...Provenance,
  }),
  v.check((assets) => assets.cleanUsd <= assets.totalUsd * 1.0001, 'clean assets cannot exceed total assets'),
);
export type OnchainAssets = v.InferOutput<typeof OnchainAssetsSchema>;

export const FlowsSchema = v.object({
  net24hUsd: v.optional(SignedUsd),
  net7dUsd: v.optional(SignedUsd),
  net30dUsd: v.optional(SignedUsd),
  ...Provenance,
});
export type Flows = v.InferOutput<typeof FlowsSchema>;

export const ExchangeReservesSchema = v.object({
  por: v.optional(PorAttestationSchema),
  onchain: v.optional(OnchainAssetsSchema),
  flows: v.optional(FlowsSchema),
});
export type ExchangeReserves = v.InferOutput<typeof ExchangeReservesSchema>;

export const SnapshotSchema = v.object({
  version: v.literal(1),
  /** When this document was assembled (ISO timestamp); a newer one never loses to an older. */
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  exchanges: v.record(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)), ExchangeReservesSchema),
});
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;
