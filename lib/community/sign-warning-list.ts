import * as v from 'valibot';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { WarningListError, WarningListSchema, describeWarningListIssue, hashWarningList, warningListTypedData, type WarningListEnvelope } from './warning-list';

export interface SignWarningListParameters {
  /** The unsigned list; checked against the same schema the verifier uses before it is signed. */
  list: unknown;
  privateKey: Hex;
}

export interface SignWarningListReturnType {
  envelope: WarningListEnvelope;
  signer: Address;
  hash: Hex;
}

/**
 * Signs a list as EIP-712 typed data. Throws `WarningListError` when the list would not pass
 * verification or the key is not a private key, so a maintainer never publishes a list that
 * every subscriber would refuse.
 */
export async function signWarningList({ list, privateKey }: SignWarningListParameters): Promise<SignWarningListReturnType> {
  const parsed = v.safeParse(WarningListSchema, list);
  if (!parsed.success) {
    throw new WarningListError({ shortMessage: 'The list is malformed', details: describeWarningListIssue(parsed.issues, 'list'), code: 'malformed-list' });
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(privateKey)) {
    // The key itself never goes into the message: it may be almost right.
    throw new WarningListError({ shortMessage: 'The signing key is not a private key', details: 'expected 0x followed by 64 hex digits', code: 'bad-key' });
  }
  let account: ReturnType<typeof privateKeyToAccount>;
  try {
    account = privateKeyToAccount(privateKey);
  } catch {
    throw new WarningListError({ shortMessage: 'The signing key is not a private key', details: 'it is outside the secp256k1 range', code: 'bad-key' });
  }
  const signature = await account.signTypedData(warningListTypedData(parsed.output));
  return { envelope: { list: parsed.output, signature }, signer: account.address, hash: hashWarningList(parsed.output) };
}
