import * as v from 'valibot';
import { ExchangeIdSchema } from '../exchanges/exchange-id';

/**
 * Schemas for everything the extension believes about an exchange's reserves. Every block
 * carries the URL it was read from (`source`) and the date it describes (`asOf`), so a view
 * can show provenance next to every figure. Data from outside (bundled file, live feeds,
 * imports) is parsed through these before anything reads it.
 *
 * Versioning: the document carries `version`. Version 1 is the only one so far; fields added
 * since it was first written are all optional, so every version-1 document ever produced
 * still parses. A breaking change gets `version: 2` and a migration in `snapshot.ts`.
 */

export const IsoDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2024-09-01'),
  v.check((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date'),
);
export const UrlSchema = v.pipe(v.string(), v.url('a source must be a URL'), v.startsWith('https://', 'a source must be an https URL'));
/** A moment, `2025-11-25T09:30:00.000Z`; used where a calendar day is too coarse to order two readings. */
export const IsoTimestampSchema = v.pipe(v.string(), v.isoTimestamp('a moment must be an ISO timestamp'));

/**
 * No exchange has ever held more than a few hundred billion dollars; ten trillion is far
 * above any real figure and far below anything a unit bug (cents, wei) would produce.
 */
export const MAX_BELIEVABLE_USD = 1e13;

const Usd = v.pipe(
  v.number('a dollar value must be a number'),
  v.finite('a dollar value must be a finite number'),
  v.minValue(0, 'a dollar value cannot be negative'),
  v.maxValue(MAX_BELIEVABLE_USD, 'a dollar value above $10 trillion is not believable'),
);
const SignedUsd = v.pipe(
  v.number('a flow must be a number'),
  v.finite('a flow must be a finite number'),
  v.minValue(-MAX_BELIEVABLE_USD, 'a flow beyond $10 trillion is not believable'),
  v.maxValue(MAX_BELIEVABLE_USD, 'a flow beyond $10 trillion is not believable'),
);
/** A reserve ratio as a fraction: 1.0684 means reserves were 106.84 % of customer balances. */
const Ratio = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100, 'a reserve ratio above 10 000 % is not believable'));
const TickerSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(20));

const Provenance = {
  source: UrlSchema,
  asOf: IsoDateSchema,
};

const AssetAmounts = v.record(TickerSchema, v.pipe(v.number(), v.finite(), v.minValue(0, 'an asset amount cannot be negative')));
const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lowercase hex digits'));

/** Figures of one report beyond the ratios: reserves in units of each asset, and dollar totals. */
const ReportFigures = {
  /** Reserves per asset, in units of that asset, where published. */
  reserves: v.optional(AssetAmounts),
  /** Reserves summed in dollars, where published. */
  reservesUsd: v.optional(Usd),
};

/**
 * When we last confirmed what a record says, apart from the date it describes: `checkedAt` is
 * the day the feed builder last read the exchange's publication (or a person reviewed it), so
 * an old report read yesterday is the exchange's delay, and a report we have not read since is
 * ours. `fetchedAt` and `sha256` tie a machine-read record to the raw answer it came from.
 */
const Checked = {
  checkedAt: v.optional(IsoDateSchema),
  fetchedAt: v.optional(IsoTimestampSchema),
  sha256: v.optional(Sha256),
};

/**
 * The day we last read the source's answer for a block of DefiLlama figures. `asOf` is what the
 * answer describes; a later `checkedAt` means the source still served those figures that day, so
 * their age is the source's. Absent, the day of `asOf` stands in: an old block is then our copy's
 * age (docs/risk-model.md, "Whose staleness it is").
 */
const CopyChecked = {
  checkedAt: v.optional(IsoDateSchema),
};
/** Nobody reads figures before the day they describe: such a `checkedAt` is a bad document, refused whole. */
const readAfterAsOf = <T extends { asOf: string; checkedAt?: string | undefined }>() =>
  v.check<T, string>((block) => block.checkedAt === undefined || block.checkedAt >= block.asOf, 'figures cannot be read before the day they describe (checkedAt is earlier than asOf)');

export const PorMethodSchema = v.picklist(['zk-proof', 'merkle-liabilities', 'auditor-attestation', 'wallet-list', 'none']);
export type PorMethod = v.InferOutput<typeof PorMethodSchema>;

export const CadenceSchema = v.picklist(['daily', 'weekly', 'monthly', 'quarterly', 'irregular', 'unknown']);
export type Cadence = v.InferOutput<typeof CadenceSchema>;

export const PorAttestationSchema = v.pipe(
  v.object({
    method: PorMethodSchema,
    cadence: CadenceSchema,
    /** Tickers covered by the report, or a count where the report gives only a count. */
    assetsCovered: v.optional(v.union([v.array(TickerSchema), v.pipe(v.number(), v.integer(), v.minValue(0))])),
    liabilitiesIncluded: v.boolean(),
    attestor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    /** The moment the balances were taken. */
    snapshotDate: v.optional(IsoDateSchema),
    /**
     * The source gives no date for the report: `asOf` then only orders the record and no surface shows it,
     * there is no `snapshotDate` nor `checkedAt`, and its age is unknown, never the exchange's delay.
     */
    undated: v.optional(v.literal(true)),
    publishedDate: v.optional(IsoDateSchema),
    reserveRatios: v.optional(v.record(TickerSchema, Ratio)),
    /** One ratio over all covered assets, where the exchange publishes one (Gate, Bitget). */
    totalReserveRatio: v.optional(Ratio),
    /** Customer balances summed in dollars, where published. */
    liabilitiesUsd: v.optional(Usd),
    /** Customer balances per asset, in units of that asset (BTC, not dollars). */
    customerLiabilities: v.optional(v.record(TickerSchema, v.pipe(v.number(), v.finite(), v.minValue(0, 'a customer balance cannot be negative')))),
    merkleRoot: v.optional(v.pipe(v.string(), v.regex(/^(0x)?[0-9a-fA-F]{16,128}$/))),
    verifier: v.optional(UrlSchema),
    /** Plain words on anything a reader should know (e.g. "no report published"). */
    note: v.optional(v.pipe(v.string(), v.maxLength(500))),
    ...ReportFigures,
    ...Checked,
    ...Provenance,
  }),
  v.check((por) => por.snapshotDate === undefined || por.publishedDate === undefined || por.snapshotDate <= por.publishedDate, 'a report cannot be published before its snapshot was taken'),
  v.check((por) => por.undated !== true || (por.snapshotDate === undefined && por.checkedAt === undefined), 'an undated report has no snapshot date and no day checked'),
  v.check(
    (por) => por.method !== 'none' || (por.reserveRatios === undefined && por.customerLiabilities === undefined && por.totalReserveRatio === undefined),
    'an exchange without proof of reserves cannot have published reserve ratios',
  ),
);
export type PorAttestation = v.InferOutput<typeof PorAttestationSchema>;

export const TokenValueSchema = v.object({ symbol: TickerSchema, usd: Usd });
export type TokenValue = v.InferOutput<typeof TokenValueSchema>;

/** Rounding in the source can put a part a hair above its whole; more than this is a real contradiction. */
const TOLERANCE = 1.0001;

/**
 * A token amount in whole coins (521000.5 BTC, not dollars). The bound is far above any real
 * holding of the coins the reserve check reads and far below what a wei-for-ether unit bug gives.
 */
export const MAX_BELIEVABLE_TOKEN_AMOUNT = 1e18;
const TokenAmount = v.pipe(
  v.number('a token amount must be a number'),
  v.finite('a token amount must be a finite number'),
  v.minValue(0, 'a token amount cannot be negative'),
  v.maxValue(MAX_BELIEVABLE_TOKEN_AMOUNT, 'a token amount above 10^18 coins is not believable'),
);
const ChainName = v.pipe(v.string(), v.minLength(1), v.maxLength(60));

/**
 * DefiLlama's newest per-chain token AMOUNTS (`chainTvls[chain].tokens` of `/protocol/<slug>`),
 * kept only for the chains and coins the on-chain reserve check can read, so the check can be
 * compared in coins rather than dollars. Each chain carries the moment of its own point: chains
 * are refreshed apart and their newest points can differ. A chain or coin absent here is unknown.
 */
export const TokenAmountsSchema = v.object({
  source: UrlSchema,
  /** Day of the newest point over all chains. */
  asOf: IsoDateSchema,
  chains: v.record(
    ChainName,
    v.object({
      /** The moment of the point (its `date`, seconds since 1970, as an ISO timestamp). */
      at: IsoTimestampSchema,
      amounts: v.record(TickerSchema, TokenAmount),
    }),
  ),
});
export type TokenAmounts = v.InferOutput<typeof TokenAmountsSchema>;

export const OnchainAssetsSchema = v.pipe(
  v.object({
    totalUsd: Usd,
    /** Total less the exchange's own tokens (DefiLlama's `cleanAssetsTvl`). */
    cleanUsd: Usd,
    ownTokenUsd: v.optional(Usd),
    /** Largest holdings first, from the latest `tokensInUsd` point of DefiLlama's `/protocol/<slug>`. */
    topTokens: v.optional(v.array(TokenValueSchema)),
    byChain: v.optional(v.record(v.pipe(v.string(), v.maxLength(60)), Usd)),
    /**
     * `topTokens` and `byChain` come from a slower source (`/protocol/<slug>`) than the totals
     * (`/cexs`), so they carry their own date and URL; absent means the block's `asOf`/`source`.
     */
    breakdownAsOf: v.optional(IsoDateSchema),
    breakdownSource: v.optional(UrlSchema),
    /** Per-chain coin amounts from `/protocol/<slug>`, with their own date and URL. */
    tokenAmounts: v.optional(TokenAmountsSchema),
    /** Open interest over clean assets, where DefiLlama publishes it. */
    leverage: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1000, 'a leverage above 1000× is not believable'))),
    /** When a live reading was taken; orders two readings of the same day. */
    observedAt: v.optional(IsoTimestampSchema),
    ...CopyChecked,
    ...Provenance,
  }),
  v.check((assets) => assets.cleanUsd <= assets.totalUsd * TOLERANCE, 'clean assets cannot exceed total assets'),
  v.check((assets) => assets.ownTokenUsd === undefined || assets.ownTokenUsd <= assets.totalUsd * TOLERANCE, 'own-token value cannot exceed total assets'),
  v.check((assets) => assets.topTokens === undefined || assets.topTokens.every((token) => token.usd <= assets.totalUsd * TOLERANCE), 'a single token cannot be worth more than total assets'),
  readAfterAsOf(),
);
export type OnchainAssets = v.InferOutput<typeof OnchainAssetsSchema>;

/** Net flows in dollars; positive means value moved onto the exchange. */
export const FlowsSchema = v.pipe(
  v.object({
    net24hUsd: v.optional(SignedUsd),
    net7dUsd: v.optional(SignedUsd),
    net30dUsd: v.optional(SignedUsd),
    observedAt: v.optional(IsoTimestampSchema),
    ...CopyChecked,
    ...Provenance,
  }),
  readAfterAsOf(),
);
export type Flows = v.InferOutput<typeof FlowsSchema>;

/** The most reports kept per exchange: a year of monthly reports, enough to see a trend. */
export const POR_HISTORY_LENGTH = 12;

/** One past report, for the trend of customer liabilities and of each asset's ratio. */
export const PorReportSchema = v.object({
  reserveRatios: v.optional(v.record(TickerSchema, Ratio)),
  totalReserveRatio: v.optional(Ratio),
  liabilitiesUsd: v.optional(Usd),
  customerLiabilities: v.optional(AssetAmounts),
  ...ReportFigures,
  fetchedAt: v.optional(IsoTimestampSchema),
  sha256: v.optional(Sha256),
  ...Provenance,
});
export type PorReport = v.InferOutput<typeof PorReportSchema>;

export const PorHistorySchema = v.pipe(
  v.array(PorReportSchema),
  v.maxLength(POR_HISTORY_LENGTH, `at most ${POR_HISTORY_LENGTH} past reports are kept`),
  v.check((reports) => reports.every((report, index) => index === 0 || reports[index - 1]!.asOf > report.asOf), 'past reports must be newest first, one per date'),
);

/**
 * The feed builder's check of a claim against the chain: the reserves an exchange's report
 * claims, per asset, beside the coins DefiLlama counts in the exchange's published wallets.
 * Both sides carry their own date; they rarely describe the same day, and the view says so.
 */
export const PorCheckSchema = v.object({
  /** The report's date and URL (the claim). */
  claimAsOf: IsoDateSchema,
  claimSource: UrlSchema,
  assets: v.record(
    TickerSchema,
    v.object({
      claimed: v.pipe(v.number(), v.finite(), v.minValue(0)),
      onchain: v.pipe(v.number(), v.finite(), v.minValue(0)),
      /** onchain − claimed, in units of the asset. */
      difference: v.pipe(v.number(), v.finite()),
    }),
  ),
  /** The on-chain side's date and URL. */
  ...Provenance,
});
export type PorCheck = v.InferOutput<typeof PorCheckSchema>;

export const ExchangeReservesSchema = v.object({
  por: v.optional(PorAttestationSchema),
  porCheck: v.optional(PorCheckSchema),
  /** The latest reports, newest first; the first is the one `por` describes. */
  porHistory: v.optional(PorHistorySchema),
  onchain: v.optional(OnchainAssetsSchema),
  flows: v.optional(FlowsSchema),
});
export type ExchangeReserves = v.InferOutput<typeof ExchangeReservesSchema>;

export const SnapshotSchema = v.object({
  version: v.literal(1),
  /** When this document was assembled (ISO timestamp); a newer one never loses to an older. */
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  exchanges: v.record(ExchangeIdSchema, ExchangeReservesSchema),
  /**
   * Hosts public phishing lists name as imitating an exchange: the feed carries it, the bundled file
   * may not. Checked on its own (`readKnownBad`, lib/exchanges/known-bad.ts) where it is used, so a
   * section this version cannot read costs only the section, never the reserve figures beside it.
   */
  knownBad: v.optional(v.unknown()),
});
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;

/** The one line a person can read about why a document was refused: the first issue and where it is. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (first === undefined) return 'invalid data';
  const path = v.getDotPath(first);
  return path === null ? first.message : `${path}: ${first.message}`;
}
