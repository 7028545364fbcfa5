import * as v from 'valibot';
import { hexToBigInt, isAddress, isAddressEqual, recoverAddress, slice, type Address, type Hex } from 'viem';
import { WARNING_LIST_LIMITS, WarningListEnvelopeSchema, describeWarningListIssue, hashWarningList, type WarningList } from './warning-list';

/** What the subscriber already trusts from this URL; a new list must not go backwards from it. */
export interface HeldWarningList {
  sequence: number;
  /** `hashWarningList` of the held list, to tell "same list again" from "same number, new content". */
  hash: Hex;
}

export type WarningListRejection = 'too-large' | 'malformed' | 'bad-signature' | 'wrong-signer' | 'expired' | 'rollback' | 'not-yet-valid';

export interface VerifyWarningListParameters {
  /** The fetched document: the raw text, or JSON already parsed. */
  body: unknown;
  /** The maintainer address the user subscribed with. */
  expectedSigner: Address;
  held?: HeldWarningList | undefined;
  now: Date;
  /** Defaults to `WARNING_LIST_LIMITS.maxBytes`. */
  maxBytes?: number | undefined;
}

export type VerifyWarningListReturnType =
  | {
      ok: true;
      list: WarningList;
      signer: Address;
      hash: Hex;
      /** Kept with the list, so a stored copy can be verified again when it is read back. */
      signature: Hex;
      /** The held list came back unchanged (same sequence, same content). */
      unchanged: boolean;
    }
  | {
      ok: false;
      code: WarningListRejection;
      /** Plain words for the line under the subscription in the options page. */
      reason: string;
    };

/**
 * A list issued a few minutes "in the future" is usually the maintainer's clock, not an attack;
 * more than this is refused so a list cannot be pre-dated to outlive its successor.
 */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Checks a fetched warning list: size, shape, EIP-712 signature by `expectedSigner`, dates,
 * and that it does not go back from the list held. Never throws: every fault is a value the
 * UI can show next to the subscription.
 */
export async function verifyWarningList({ body, expectedSigner, held, now, maxBytes = WARNING_LIST_LIMITS.maxBytes }: VerifyWarningListParameters): Promise<VerifyWarningListReturnType> {
  try {
    return await verify({ body, expectedSigner, held, now, maxBytes });
  } catch (error) {
    // Everything expected is caught where it happens; this is the promise that nothing escapes.
    return reject('malformed', `The list could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}

async function verify({
  body,
  expectedSigner,
  held,
  now,
  maxBytes,
}: Required<Pick<VerifyWarningListParameters, 'body' | 'expectedSigner' | 'now'>> & {
  maxBytes: number;
  held: HeldWarningList | undefined;
}): Promise<VerifyWarningListReturnType> {
  if (!isAddress(expectedSigner, { strict: false })) {
    return reject('wrong-signer', `The subscription's signer "${String(expectedSigner).slice(0, 60)}" is not an Ethereum address.`);
  }

  const parsed = readBody(body, maxBytes);
  if (!parsed.ok) return parsed;

  const envelope = v.safeParse(WarningListEnvelopeSchema, parsed.value);
  if (!envelope.success) {
    return reject('malformed', `The list is malformed: ${describeWarningListIssue(envelope.issues, 'envelope')}.`);
  }
  const { list, signature } = envelope.output;

  // The EIP-712 digest is the slow part (about 20 ms for 50 full entries), so it is computed once
  // and serves both the signature check and the rollback check.
  const hash = hashWarningList(list);
  const signer = await signerOf(hash, signature as Hex);
  if (signer === undefined) return reject('bad-signature', 'The signature is not valid: it does not decode to any signer, or it is the high-s twin of one (EIP-2).');
  if (!isAddressEqual(signer, expectedSigner)) {
    // A changed byte and a different key look the same from here: the signature recovers to some other address.
    return reject('wrong-signer', `The list is not signed by the maintainer you subscribed to (expected ${expectedSigner}, got ${signer}). It may have been altered or re-signed by someone else.`);
  }

  const nowMs = now.getTime();
  if (Date.parse(list.issued) - CLOCK_SKEW_MS > nowMs) {
    return reject('not-yet-valid', `The list says it was issued on ${list.issued}, which is in the future. Check your computer's clock.`);
  }
  if (Date.parse(list.expires) <= nowMs) {
    return reject('expired', `The list expired on ${list.expires}; its maintainer has not published a newer one.`);
  }

  // `held` comes back from storage, so it is read defensively: a corrupt hash must not throw or pass.
  if (held !== undefined && Number.isSafeInteger(held.sequence)) {
    if (list.sequence < held.sequence) {
      return reject('rollback', `The list is older than the one already held (number ${list.sequence}, held number ${held.sequence}); an old copy may be being replayed.`);
    }
    if (list.sequence === held.sequence && hash.toLowerCase() !== String(held.hash).toLowerCase()) {
      return reject('rollback', `The list has the same number (${list.sequence}) as the one already held but different content; a maintainer must raise the number for every change.`);
    }
  }

  return { ok: true, list, signer, hash, signature: signature as Hex, unchanged: held !== undefined && list.sequence === held.sequence };
}

/** Half the secp256k1 group order: an s above it is the malleable twin of a valid signature (EIP-2). */
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/**
 * The address that signed `hash`, or `undefined` when the 65-byte signature does not decode or
 * uses the high-s form: each signature has exactly one accepted encoding, as Ethereum
 * transactions have since EIP-2, so a list cannot come back byte-different yet "verified".
 */
export async function signerOf(hash: Hex, signature: Hex): Promise<Address | undefined> {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) return undefined;
  if (hexToBigInt(slice(signature, 32, 64)) > HALF_ORDER) return undefined;
  try {
    return await recoverAddress({ hash, signature });
  } catch {
    return undefined;
  }
}

type ReadBodyResult = { ok: true; value: unknown } | Extract<VerifyWarningListReturnType, { ok: false }>;

function readBody(body: unknown, maxBytes: number): ReadBodyResult {
  if (typeof body === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte, so a long string is refused before it is encoded.
    if (body.length > maxBytes || new TextEncoder().encode(body).length > maxBytes) return tooLarge(maxBytes);
    try {
      return { ok: true, value: JSON.parse(body) as unknown };
    } catch (error) {
      return reject('malformed', `The list is not JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    }
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch {
    return reject('malformed', 'The list is not plain JSON data.');
  }
  if (text === undefined) return reject('malformed', 'The list is empty.');
  if (new TextEncoder().encode(text).length > maxBytes) return tooLarge(maxBytes);
  return { ok: true, value: body };
}

function tooLarge(maxBytes: number) {
  return reject('too-large', `The list is larger than ${Math.floor(maxBytes / 1024)} KiB, the most a warning list may be.`);
}

function reject(code: WarningListRejection, reason: string): Extract<VerifyWarningListReturnType, { ok: false }> {
  return { ok: false, code, reason };
}
