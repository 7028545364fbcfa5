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

/**
 * Why a list was refused, as a code and its figures; lib/words/warning-list-words.ts words it for
 * the options page and `radar warnings verify`. `where` (a malformed shape) names the field in the
 * list's own terms, for its maintainer.
 */
export type WarningListFailure =
  | { code: 'too-large'; maxKib: number }
  | { code: 'malformed'; problem: 'not-json' | 'not-plain' | 'empty' | 'unreadable' }
  | { code: 'malformed'; problem: 'shape'; where: string }
  /** `stored`: the copy held in storage failed its check again and was dropped. */
  | { code: 'bad-signature'; stored?: true }
  /** `got` is absent when the subscription's own signer is not an address. */
  | { code: 'wrong-signer'; expected: string; got?: string }
  | { code: 'not-yet-valid'; issued: string }
  | { code: 'expired'; expires: string }
  /** `sequence === held`: the same number with other content. */
  | { code: 'rollback'; sequence: number; held: number };

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
      failure: WarningListFailure;
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
  } catch {
    // Everything expected is caught where it happens; this is the promise that nothing escapes.
    return reject({ code: 'malformed', problem: 'unreadable' });
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
    return reject({ code: 'wrong-signer', expected: String(expectedSigner).slice(0, 60) });
  }

  const parsed = readBody(body, maxBytes);
  if (!parsed.ok) return parsed;

  const envelope = v.safeParse(WarningListEnvelopeSchema, parsed.value);
  if (!envelope.success) {
    return reject({ code: 'malformed', problem: 'shape', where: describeWarningListIssue(envelope.issues, 'envelope') });
  }
  const { list, signature } = envelope.output;

  // The EIP-712 digest is the slow part (about 20 ms for 50 full entries), so it is computed once
  // and serves both the signature check and the rollback check.
  const hash = hashWarningList(list);
  const signer = await signerOf(hash, signature as Hex);
  if (signer === undefined) return reject({ code: 'bad-signature' });
  if (!isAddressEqual(signer, expectedSigner)) {
    // A changed byte and a different key look the same from here: the signature recovers to some other address.
    return reject({ code: 'wrong-signer', expected: expectedSigner, got: signer });
  }

  const nowMs = now.getTime();
  if (Date.parse(list.issued) - CLOCK_SKEW_MS > nowMs) {
    return reject({ code: 'not-yet-valid', issued: list.issued });
  }
  if (Date.parse(list.expires) <= nowMs) {
    return reject({ code: 'expired', expires: list.expires });
  }

  // `held` comes back from storage, so it is read defensively: a corrupt hash must not throw or pass.
  if (held !== undefined && Number.isSafeInteger(held.sequence)) {
    if (list.sequence < held.sequence) {
      return reject({ code: 'rollback', sequence: list.sequence, held: held.sequence });
    }
    if (list.sequence === held.sequence && hash.toLowerCase() !== String(held.hash).toLowerCase()) {
      return reject({ code: 'rollback', sequence: list.sequence, held: held.sequence });
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
    } catch {
      return reject({ code: 'malformed', problem: 'not-json' });
    }
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch {
    return reject({ code: 'malformed', problem: 'not-plain' });
  }
  if (text === undefined) return reject({ code: 'malformed', problem: 'empty' });
  if (new TextEncoder().encode(text).length > maxBytes) return tooLarge(maxBytes);
  return { ok: true, value: body };
}

function tooLarge(maxBytes: number) {
  return reject({ code: 'too-large', maxKib: Math.floor(maxBytes / 1024) });
}

function reject(failure: WarningListFailure): Extract<VerifyWarningListReturnType, { ok: false }> {
  return { ok: false, code: failure.code, failure };
}
