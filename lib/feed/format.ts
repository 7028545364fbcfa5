import * as v from 'valibot';
import { hashTypedData, keccak256, stringToBytes, type Hex } from 'viem';
import { SnapshotSchema, type Snapshot } from '../reserves/schema';
import { stableStringify } from '../reserves/stable-json';
import { SignedTimestampSchema } from '../community/warning-list';

/**
 * The signed proof-of-reserves feed: a snapshot of every exchange's reserves (the same model the
 * extension holds), behind a small header that an EIP-712 signature covers. The header names the
 * snapshot by the keccak-256 of its canonical JSON (`stableStringify`), so the signature covers
 * every figure without a typed-data schema as large as the model. docs/feed.md is the spec.
 */

export const FEED_LIMITS = {
  /** Whole document, UTF-8 bytes: today's feed is about 60 kB; five times that is refused. */
  maxBytes: 2 * 1024 * 1024,
  maxNameLength: 80,
} as const;

/** No chain: the feed is an off-chain document; name and version keep its signatures apart from any other typed data. */
export const FEED_DOMAIN = { name: 'Reserve Radar PoR Feed', version: '1' } as const;

export const FEED_TYPES = {
  Feed: [
    { name: 'name', type: 'string' },
    { name: 'sequence', type: 'uint64' },
    { name: 'issued', type: 'string' },
    { name: 'expires', type: 'string' },
    { name: 'contentHash', type: 'bytes32' },
  ],
} as const;

export const FeedHeaderSchema = v.pipe(
  v.strictObject({
    name: v.pipe(v.string('name must be text'), v.minLength(1, 'name cannot be empty'), v.maxLength(FEED_LIMITS.maxNameLength, 'name is too long')),
    sequence: v.pipe(
      v.number('sequence must be a number'),
      v.integer('sequence must be a whole number'),
      v.minValue(0, 'sequence cannot be negative'),
      v.maxValue(Number.MAX_SAFE_INTEGER, 'sequence is too large'),
    ),
    issued: SignedTimestampSchema,
    expires: SignedTimestampSchema,
    contentHash: v.pipe(v.string('contentHash must be text'), v.regex(/^0x[0-9a-f]{64}$/, 'contentHash must be 0x followed by 64 lowercase hex digits')),
  }),
  v.check((header) => header.issued < header.expires, 'a feed must expire after it is issued'),
);
export type FeedHeader = v.InferOutput<typeof FeedHeaderSchema>;

/**
 * The envelope as it travels. `snapshot` is checked only loosely here (an object); its full schema
 * runs after the signature, so that a forged document costs a hash and no schema walk.
 */
export const FeedEnvelopeSchema = v.strictObject({
  feed: FeedHeaderSchema,
  snapshot: v.record(v.string(), v.unknown(), 'snapshot must be an object'),
  signature: v.pipe(v.string('signature must be text'), v.regex(/^0x[0-9a-fA-F]{130}$/, 'signature must be 65 bytes of hex (0x followed by 130 hex digits)')),
});

export interface FeedEnvelope {
  feed: FeedHeader;
  snapshot: Snapshot;
  signature: Hex;
}

/** The snapshot's canonical text: what `contentHash` names. */
export function canonicalSnapshot(snapshot: unknown): string {
  return stableStringify(snapshot);
}

export function snapshotHash(snapshot: unknown): Hex {
  return keccak256(stringToBytes(canonicalSnapshot(snapshot)));
}

export function feedTypedData(header: FeedHeader) {
  return {
    domain: FEED_DOMAIN,
    types: FEED_TYPES,
    primaryType: 'Feed',
    message: { ...header, sequence: BigInt(header.sequence), contentHash: header.contentHash as Hex },
  } as const;
}

export function hashFeedHeader(header: FeedHeader): Hex {
  return hashTypedData(feedTypedData(header));
}

export { SnapshotSchema };
