import * as v from 'valibot';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { BaseError } from '../errors';
import { describeIssues, SnapshotSchema } from '../reserves/schema';
import { FeedHeaderSchema, hashFeedHeader, snapshotHash, feedTypedData, type FeedEnvelope } from './format';

export class FeedSigningError extends BaseError {
  override name = 'FeedSigningError';
}

export interface SignFeedParameters {
  snapshot: unknown;
  name: string;
  sequence: number;
  issued: string;
  expires: string;
  privateKey: string;
}

export interface SignFeedReturnType {
  envelope: FeedEnvelope;
  signer: Address;
  hash: Hex;
}

/**
 * Signs a snapshot as a feed. Refuses what every reader would refuse (an invalid snapshot or
 * header), so a maintainer never publishes a feed nobody accepts. viem signs with low `s`.
 */
export async function signFeed({ snapshot, name, sequence, issued, expires, privateKey }: SignFeedParameters): Promise<SignFeedReturnType> {
  const parsed = v.safeParse(SnapshotSchema, snapshot);
  if (!parsed.success) throw new FeedSigningError('The snapshot is not valid', describeIssues(parsed.issues));
  const header = v.safeParse(FeedHeaderSchema, { name, sequence, issued, expires, contentHash: snapshotHash(parsed.output) });
  if (!header.success) throw new FeedSigningError('The feed header is not valid', describeIssues(header.issues));
  if (!/^0x[0-9a-fA-F]{64}$/.test(privateKey)) {
    // The key never goes into the message: it may be almost right.
    throw new FeedSigningError('The signing key is not a private key', 'expected 0x followed by 64 hex digits');
  }
  let account: ReturnType<typeof privateKeyToAccount>;
  try {
    account = privateKeyToAccount(privateKey as Hex);
  } catch {
    throw new FeedSigningError('The signing key is not a private key', 'it is outside the secp256k1 range');
  }
  const signature = await account.signTypedData(feedTypedData(header.output));
  return { envelope: { feed: header.output, snapshot: parsed.output, signature }, signer: account.address, hash: hashFeedHeader(header.output) };
}
