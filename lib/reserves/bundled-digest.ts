import { EMPTY_SNAPSHOT, parseSnapshot } from './snapshot';
import type { Snapshot } from './schema';
import { sha256Hex } from '../proofs/sha256';

export interface CheckedBundledSnapshotParameters {
  /** The bundled file's text, as shipped. */
  text: string;
  /**
   * The SHA-256 (hex) of the text the build validated (`scripts/snapshot-digest.ts`, which fails
   * the build when the file does not validate or validation would change it); absent when no build
   * step vouched for it (unit tests).
   */
  validatedDigest: string | undefined;
}

/**
 * The bundled snapshot for the service worker's start (issue 16): validating it took about 4 ms
 * of every wake-up, to prove again what the build proved. The build validates the file and
 * records its SHA-256; here the shipped text is hashed and, when it is those same bytes, taken as
 * validated. Any other bytes (a damaged file) are validated in full, as before, and a file that
 * does not validate is never used: the empty snapshot (every exchange unknown) stands in.
 *
 * What the digest does not do: it sits in the same script as the text, so it cannot stand against
 * someone who can rewrite the extension's files; the check it replaces could not either (it sits
 * in that script too).
 */
export async function checkedBundledSnapshot({ text, validatedDigest }: CheckedBundledSnapshotParameters): Promise<Snapshot> {
  let input: unknown;
  try {
    if (validatedDigest !== undefined && (await sha256Hex(text)) === validatedDigest) return JSON.parse(text) as Snapshot;
    input = JSON.parse(text);
  } catch {
    return EMPTY_SNAPSHOT;
  }
  const parsed = parseSnapshot(input);
  return parsed.ok ? parsed.snapshot : EMPTY_SNAPSHOT;
}
