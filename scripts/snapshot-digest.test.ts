import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatedSnapshotDigest } from './snapshot-digest';
import { checkedBundledSnapshot } from '../lib/reserves/bundled-digest';
import { EMPTY_SNAPSHOT, parseSnapshot } from '../lib/reserves/snapshot';
import { sha256Hex } from '../lib/proofs/sha256';

const text = readFileSync(join(import.meta.dirname, '../data/snapshot.json'), 'utf8');

describe('the bundled snapshot, validated when built and hashed when the worker starts (issue 16)', () => {
  test('the build vouches for the shipped file with the digest the worker computes', async () => {
    expect(validatedSnapshotDigest(text)).toBe(await sha256Hex(text));
  });

  test('the build fails on a file that does not validate, or that validation would change', () => {
    expect(() => validatedSnapshotDigest('{')).toThrow(/not JSON/);
    const input = JSON.parse(text) as { exchanges: Record<string, unknown> };
    expect(() => validatedSnapshotDigest(JSON.stringify({ ...input, version: 'two' }))).toThrow(/does not validate/);
    expect(() => validatedSnapshotDigest(JSON.stringify({ ...input, extra: 1 }))).toThrow(/changes it/);
  });

  test('the worker takes the vouched bytes as validated, and the same snapshot as full validation gives', async () => {
    const checked = await checkedBundledSnapshot({ text, validatedDigest: validatedSnapshotDigest(text) });
    const parsed = parseSnapshot(JSON.parse(text));
    expect(parsed.ok && checked).toEqual(parsed.ok && parsed.snapshot);
  });

  test('other bytes are validated in full: a damaged file is never used', async () => {
    const digest = validatedSnapshotDigest(text);
    const damaged = text.replace('"version": 1', '"version": "one"');
    expect(damaged).not.toBe(text);
    expect(await checkedBundledSnapshot({ text: damaged, validatedDigest: digest })).toBe(EMPTY_SNAPSHOT);
    expect(await checkedBundledSnapshot({ text: text.slice(0, 100), validatedDigest: digest })).toBe(EMPTY_SNAPSHOT);
    // No build step vouched (unit tests): validated here.
    expect((await checkedBundledSnapshot({ text, validatedDigest: undefined })).exchanges.binance).toBeDefined();
  });
});
