import * as v from 'valibot';
import { hashTypedData, type Hex } from 'viem';
import { BaseError } from '../errors';
import { isWellFormedTag } from '../locales';
import { EXCHANGE_ID_MAX_LENGTH, ExchangeIdSchema } from '../exchanges/exchange-id';

/**
 * The signed community warning list: format, caps and the EIP-712 typed data it is signed as.
 * The spec a maintainer follows is docs/warning-lists.md; change both together.
 *
 * Every field of `list` is inside the signed typed data, and `v.strictObject` refuses keys the
 * signature does not cover, so nothing a reader sees can be added or changed after signing.
 */

/** Caps keep a hostile or broken list from filling storage or the page; docs/warning-lists.md repeats them. */
export const WARNING_LIST_LIMITS = {
  /** Whole envelope, UTF-8 bytes. */
  maxBytes: 256 * 1024,
  maxEntries: 200,
  maxNameLength: 80,
  maxTitleLength: 120,
  maxBodyLength: 1000,
  maxSourcesPerEntry: 5,
  maxUrlLength: 500,
  maxExchangeIdLength: EXCHANGE_ID_MAX_LENGTH,
  /** BCP 47 asks implementations to handle tags of at least 35 characters; none needs more. */
  maxLangLength: 35,
} as const;

export const WARNING_SEVERITIES = ['danger', 'caution', 'info'] as const;
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/**
 * EIP-712 domain. No `chainId` or `verifyingContract`: the list is an off-chain document, valid
 * on no chain in particular, and nothing on chain ever checks it. `name` and `version` keep a
 * signature over a list from being valid for any other typed-data message.
 */
export const WARNING_LIST_DOMAIN = { name: 'Reserve Radar Warning List', version: '1' } as const;

/** EIP-712 types; the primary type is `WarningList`. Field order is part of the hash. */
export const WARNING_LIST_TYPES = {
  WarningList: [
    { name: 'name', type: 'string' },
    { name: 'sequence', type: 'uint64' },
    { name: 'issued', type: 'string' },
    { name: 'expires', type: 'string' },
    { name: 'entries', type: 'Warning[]' },
  ],
  Warning: [
    { name: 'exchange', type: 'string' },
    { name: 'severity', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'body', type: 'string' },
    { name: 'sources', type: 'string[]' },
    { name: 'published', type: 'string' },
    { name: 'expires', type: 'string' },
  ],
} as const;

/**
 * The types of a list that says its language (`lang`). A separate type string, so the signature
 * covers `lang` while lists signed before it existed keep their hash; one list cannot match both.
 */
export const WARNING_LIST_TYPES_WITH_LANG = {
  ...WARNING_LIST_TYPES,
  WarningList: [WARNING_LIST_TYPES.WarningList[0], { name: 'lang', type: 'string' }, ...WARNING_LIST_TYPES.WarningList.slice(1)],
} as const;

export const WARNING_LIST_PRIMARY_TYPE = 'WarningList';

/**
 * One spelling per moment (`2026-11-25T09:30:00Z`, UTC, whole seconds) so a date reads the same
 * in the wallet's signing prompt, in the file and in the extension.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function isRealTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (match === null) return false;
  const date = new Date(value);
  // Date.parse rolls 2026-02-30 over to March; a round trip catches it.
  return !Number.isNaN(date.getTime()) && date.toISOString().replace('.000Z', 'Z') === value;
}

/** A signed document's moment, one spelling each; the PoR feed's header uses it too. */
export const SignedTimestampSchema = v.pipe(v.string('a date must be text'), v.check(isRealTimestamp, 'a date must be a real UTC moment written like 2026-11-25T09:30:00Z'));

/**
 * Unpaired UTF-16 surrogates are turned into U+FFFD when hashed, so two different strings would
 * carry the same signature; they are refused. Control characters and bidirectional overrides
 * are refused because they can make displayed text differ from what was signed-off in review.
 */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function plainText(label: string, maxLength: number, allowNewlines: boolean) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.check((value) => value.isWellFormed(), `${label} contains broken Unicode`),
    v.check((value) => !FORBIDDEN_CHARACTERS.test(value), `${label} contains control or text-direction characters`),
    v.check((value) => allowNewlines || !/[\n\t]/.test(value), `${label} must be a single line`),
    v.check((value) => value.trim().length > 0, `${label} cannot be empty`),
    v.maxLength(maxLength, `${label} is longer than ${maxLength} characters`),
  );
}

/**
 * A well-formed Unicode locale identifier with an ISO 639 language first: the identifier also
 * allows 5–8 letters there, so `English` would pass as a tag that names no language.
 */
function isLanguageTag(value: string): boolean {
  return /^[a-z]{2,3}(-|$)/i.test(value) && isWellFormedTag(value);
}

/**
 * The language the list's text is written in, as a BCP 47 tag (`de`, `pt-BR`). Kept as signed:
 * a tag is compared case-blind where it is used, so no rewriting is needed to read it.
 */
const LanguageTag = v.pipe(
  v.string('lang must be text'),
  v.maxLength(WARNING_LIST_LIMITS.maxLangLength, `lang is longer than ${WARNING_LIST_LIMITS.maxLangLength} characters`),
  v.check(isLanguageTag, "lang must be a language tag such as 'de', 'en' or 'pt-BR'"),
);

const SourceUrl = v.pipe(
  v.string('a source must be text'),
  v.maxLength(WARNING_LIST_LIMITS.maxUrlLength, `a source URL is longer than ${WARNING_LIST_LIMITS.maxUrlLength} characters`),
  v.check((value) => value.isWellFormed() && !/\s/.test(value), 'a source URL cannot contain spaces or broken Unicode'),
  v.url('a source must be a URL'),
  v.startsWith('https://', 'a source must be an https URL'),
);

export const WarningEntrySchema = v.pipe(
  v.strictObject({
    exchange: ExchangeIdSchema,
    severity: v.picklist(WARNING_SEVERITIES, "severity must be 'info', 'caution' or 'danger'"),
    title: plainText('title', WARNING_LIST_LIMITS.maxTitleLength, false),
    body: plainText('body', WARNING_LIST_LIMITS.maxBodyLength, true),
    sources: v.pipe(
      v.array(SourceUrl, 'sources must be a list of URLs'),
      v.minLength(1, 'a warning needs at least one source'),
      v.maxLength(WARNING_LIST_LIMITS.maxSourcesPerEntry, `a warning can cite at most ${WARNING_LIST_LIMITS.maxSourcesPerEntry} sources`),
    ),
    published: SignedTimestampSchema,
    expires: SignedTimestampSchema,
  }),
  v.check((entry) => entry.published < entry.expires, 'a warning must expire after it is published'),
);
export type WarningEntry = v.InferOutput<typeof WarningEntrySchema>;

export const WarningListSchema = v.pipe(
  v.strictObject({
    name: plainText('name', WARNING_LIST_LIMITS.maxNameLength, false),
    /** Absent: the list does not say, and its text is shown as of unknown language. */
    lang: v.optional(LanguageTag),
    sequence: v.pipe(
      v.number('sequence must be a number'),
      v.integer('sequence must be a whole number'),
      v.minValue(0, 'sequence cannot be negative'),
      v.maxValue(Number.MAX_SAFE_INTEGER, 'sequence is too large'),
    ),
    issued: SignedTimestampSchema,
    expires: SignedTimestampSchema,
    entries: v.pipe(v.array(WarningEntrySchema, 'entries must be a list'), v.maxLength(WARNING_LIST_LIMITS.maxEntries, `a list can hold at most ${WARNING_LIST_LIMITS.maxEntries} warnings`)),
  }),
  v.check((list) => list.issued < list.expires, 'a list must expire after it is issued'),
);
export type WarningList = v.InferOutput<typeof WarningListSchema>;

export const WarningListEnvelopeSchema = v.strictObject({
  list: WarningListSchema,
  signature: v.pipe(v.string('signature must be text'), v.regex(/^0x[0-9a-fA-F]{130}$/, 'signature must be 65 bytes of hex (0x followed by 130 hex digits)')),
});
export type WarningListEnvelope = { list: WarningList; signature: Hex };

/** The typed data a list is signed as; both the signer and the verifier build it here. */
export function warningListTypedData(list: WarningList) {
  return {
    domain: WARNING_LIST_DOMAIN,
    types: list.lang === undefined ? WARNING_LIST_TYPES : WARNING_LIST_TYPES_WITH_LANG,
    primaryType: WARNING_LIST_PRIMARY_TYPE,
    message: {
      name: list.name,
      ...(list.lang === undefined ? {} : { lang: list.lang }),
      sequence: BigInt(list.sequence),
      issued: list.issued,
      expires: list.expires,
      entries: list.entries.map((entry) => ({ ...entry, sources: [...entry.sources] })),
    },
  } as const;
}

/** The EIP-712 digest: two lists with the same hash have the same signed content. */
export function hashWarningList(list: WarningList): Hex {
  return hashTypedData(warningListTypedData(list));
}

/**
 * The list itself, or a signing or parsing fault, said in one line for the UI (`shortMessage`)
 * with the detail for logs.
 */
export class WarningListError extends BaseError {
  override name = 'WarningListError';
  declare readonly details: string;
  /** `bad-key`: the signing key, not the list, is at fault. */
  readonly code: 'malformed-list' | 'bad-key';

  constructor(params: { shortMessage: string; details: string; code: 'malformed-list' | 'bad-key' }) {
    super(params.shortMessage, params.details);
    this.code = params.code;
  }
}

/**
 * Where a valibot issue sits, in words: `warning 3 (binance), sources 1: a source must be an https URL`.
 * Entry numbers count from 1 because the sentence is for people.
 */
export function describeWarningListIssue(issues: readonly v.BaseIssue<unknown>[], root: 'envelope' | 'list'): string {
  const issue = issues[0];
  if (issue === undefined) return 'the list is not valid';
  const path = (issue.path ?? []).map((item) => item.key);
  const keys = root === 'envelope' ? path : ['list', ...path];
  const words: string[] = [];
  let entryLabel: string | undefined;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    if (key === 'list' && index === 0) continue;
    if (key === 'entries' && typeof keys[index + 1] === 'number') {
      const position = keys[index + 1] as number;
      const entry = issue.path?.find((item) => item.key === position)?.value as { exchange?: unknown } | undefined;
      entryLabel = `warning ${position + 1}${typeof entry?.exchange === 'string' ? ` (${entry.exchange.slice(0, 40)})` : ''}`;
      words.push(entryLabel);
      index += 1;
      continue;
    }
    if (key === 'sources' && typeof keys[index + 1] === 'number') {
      words.push(`source ${(keys[index + 1] as number) + 1}`);
      index += 1;
      continue;
    }
    words.push(String(key));
  }
  return words.length === 0 ? issue.message : `${words.join(', ')}: ${issue.message}`;
}
