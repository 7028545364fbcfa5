import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseSnapshot } from '../lib/reserves/snapshot';
import { stableStringify } from '../lib/reserves/stable-json';

/**
 * The build's check of the bundled snapshot (wxt.config.ts): the file must validate, and
 * validating it must change nothing (the worker then takes those bytes as they are); the build
 * fails otherwise. Returns the SHA-256 (hex) of the file's UTF-8 text, which the service worker
 * compares with what it ships (lib/reserves/bundled-digest.ts).
 */
export function validatedSnapshotDigest(text: string): string {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new Error(`data/snapshot.json is not JSON: ${(error as Error).message}`);
  }
  const parsed = parseSnapshot(input);
  if (!parsed.ok) throw new Error(`data/snapshot.json does not validate: ${parsed.reason}`);
  if (stableStringify(parsed.snapshot) !== stableStringify(input)) throw new Error('data/snapshot.json: validation changes it (a key the schema does not know?); fix the file');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function validatedSnapshotFileDigest(path: string): string {
  return validatedSnapshotDigest(readFileSync(path, 'utf8'));
}
