import * as v from 'valibot';
import { CadenceSchema, describeIssues, IsoDateSchema, PorMethodSchema, POR_HISTORY_LENGTH, UrlSchema } from '../reserves/schema';
import { ExchangeIdSchema } from '../exchanges/exchange-id';

/**
 * A reviewed PoR file (`data/por/<id>.json`): what a person read in an exchange's own
 * publication, for exchanges that publish only pages or PDFs, and as the method, cadence and
 * older history of those an adapter reads. data/por/README.md is the format for editors.
 */

const TickerSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(20));
const Fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100, 'a reserve ratio above 10 000 % is not believable'));
const Amount = v.pipe(v.number(), v.finite(), v.minValue(0, 'an amount cannot be negative'));
const Dollars = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e13, 'a dollar value above $10 trillion is not believable'));

export const ReviewedReportSchema = v.pipe(
  v.strictObject({
    asOf: IsoDateSchema,
    published: v.optional(IsoDateSchema),
    source: UrlSchema,
    attestor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    reserveRatios: v.optional(v.record(TickerSchema, Fraction)),
    totalReserveRatio: v.optional(Fraction),
    customerLiabilities: v.optional(v.record(TickerSchema, Amount)),
    reserves: v.optional(v.record(TickerSchema, Amount)),
    liabilitiesUsd: v.optional(Dollars),
    reservesUsd: v.optional(Dollars),
    assetsCovered: v.optional(v.union([v.array(TickerSchema), v.pipe(v.number(), v.integer(), v.minValue(0))])),
    /** The source gives no date for this report: `asOf` is only the day it was entered, never shown, never a balance day. */
    undated: v.optional(v.literal(true)),
    /** Plain words for users (the card, the verify page, the shared text): what the report covers, who attested, what is missing. */
    note: v.optional(v.pipe(v.string(), v.maxLength(500))),
    /** For maintainers, never shown and never in the feed: how the report was found and read (addresses of copies, file names, commits, method names). */
    provenance: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
  v.check((report) => report.published === undefined || report.asOf <= report.published, 'a report cannot be published before its snapshot was taken'),
);
export type ReviewedReport = v.InferOutput<typeof ReviewedReportSchema>;

export const ReviewedFileSchema = v.pipe(
  v.strictObject({
    exchange: ExchangeIdSchema,
    method: PorMethodSchema,
    cadence: CadenceSchema,
    verifier: v.optional(UrlSchema),
    liabilitiesIncluded: v.optional(v.boolean()),
    checked: IsoDateSchema,
    reports: v.pipe(v.array(ReviewedReportSchema), v.minLength(1, 'a reviewed file needs at least one report'), v.maxLength(POR_HISTORY_LENGTH, `at most ${POR_HISTORY_LENGTH} reports`)),
  }),
  v.check((file) => file.reports.every((report, index) => index === 0 || file.reports[index - 1]!.asOf > report.asOf), 'reports must be newest first, one per date'),
  v.check((file) => file.reports.every((report) => report.asOf <= file.checked), '"checked" cannot be before the newest report'),
  v.check(
    (file) => file.method !== 'none' || file.reports.every((report) => report.reserveRatios === undefined && report.totalReserveRatio === undefined && report.customerLiabilities === undefined),
    'an exchange without proof of reserves cannot have published reserve ratios',
  ),
);
export type ReviewedFile = v.InferOutput<typeof ReviewedFileSchema>;

export type ParseReviewedFileReturnType = { ok: true; file: ReviewedFile } | { ok: false; reason: string };

export function parseReviewedFile(input: unknown, name: string): ParseReviewedFileReturnType {
  const parsed = v.safeParse(ReviewedFileSchema, input);
  if (!parsed.success) return { ok: false, reason: `${name}: ${describeIssues(parsed.issues)}` };
  if (`${parsed.output.exchange}.json` !== name.split('/').at(-1)) return { ok: false, reason: `${name}: "exchange" must be the file's name (${parsed.output.exchange})` };
  return { ok: true, file: parsed.output };
}
