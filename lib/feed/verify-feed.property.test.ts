/**
 * verifyFeed against tampered feeds: a real-size feed (the bundled snapshot, signed with the public
 * test key) is changed in each way an attacker or a broken mirror could change it, and every change
 * must be refused; the untampered feed must always be accepted. `npm run bench -- feed`
 * (scripts/bench/feed.bench.ts) runs the same kinds 100,000 times with a seeded generator.
 */
import fc from 'fast-check';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';
import { bundledSnapshot, bundledSnapshotProblem } from '../reserves/snapshot';
import { stableStringify } from '../reserves/stable-json';
import { feedTypedData, type FeedEnvelope, type FeedHeader } from './format';
import { signFeed } from './sign-feed';
import { FEED_NAME } from './trust';
import { verifyFeed, type HeldFeed } from './verify-feed';
import { atPath, walkJson, type JsonPath } from './tamper.testkit';

/** ~300 runs per kind, as the brief for the feed asks: enough to meet every branch, fast enough for `npm test`. */
const RUNS = { numRuns: 300 };
/** The clock difference verify-feed.ts tolerates on `issued` (CLOCK_SKEW_MS there, not exported). */
const SKEW_MS = 5 * 60_000;
const YEAR_MS = 365 * 86_400_000;
/** secp256k1's group order: a private key is a scalar in [1, N). */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const SIGNERS: readonly Address[] = [TEST_FEED_SIGNER];

const ISSUED = '2026-08-10T06:00:00Z';
const EXPIRES = '2026-08-17T06:00:00Z';
const issuedMs = Date.parse(ISSUED);
const expiresMs = Date.parse(EXPIRES);
const INSIDE = new Date(issuedMs + 3_600_000);

expect(bundledSnapshotProblem()).toBeUndefined();
const signed = await signFeed({ snapshot: bundledSnapshot(), name: FEED_NAME, sequence: 41, issued: ISSUED, expires: EXPIRES, privateKey: TEST_FEED_KEY });
const envelope: FeedEnvelope = signed.envelope;
/** The feed as published: the CLI writes `stableStringify` of the envelope. */
const text = stableStringify(envelope);

type Json = Record<string, unknown> | unknown[];
type Path = JsonPath;

const numberPaths: Path[] = [];
const objectPaths: Path[] = [];
walkJson(envelope.snapshot, ['snapshot'], numberPaths, objectPaths);

function copy(): Json {
  return structuredClone(envelope) as unknown as Json;
}

/** Accepted? The feed is checked as fetched text, unless a case hands over parsed JSON. */
async function accepted(body: unknown, now: Date = INSIDE, held?: HeldFeed) {
  return verifyFeed({ body, signers: SIGNERS, now, held });
}

function withSignatureByte(index: number, byte: number): string {
  const hex = envelope.signature;
  return JSON.stringify({ ...envelope, signature: `${hex.slice(0, 2 + index * 2)}${byte.toString(16).padStart(2, '0')}${hex.slice(4 + index * 2)}` });
}

/** An own property even for `__proto__`, which plain assignment would turn into a prototype change. */
function defineKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => `0x${Buffer.from(bytes).toString('hex')}` as Hex);
const wholeSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('verifyFeed: the untampered feed', () => {
  it('is accepted at any moment it is valid, as text or parsed, pretty or compact, over any older held feed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: issuedMs - SKEW_MS, max: expiresMs - 1 }),
        fc.constantFrom('published', 'compact', 'parsed'),
        fc.option(fc.oneof(fc.record({ sequence: fc.integer({ min: 0, max: envelope.feed.sequence - 1 }), hash: bytes32 }), fc.constant({ sequence: envelope.feed.sequence, hash: signed.hash }))),
        async (nowMs, form, held) => {
          const body = form === 'published' ? text : form === 'compact' ? JSON.stringify(envelope) : JSON.parse(text);
          const result = await accepted(body, new Date(nowMs), held ?? undefined);
          expect(result).toMatchObject({ ok: true, signer: TEST_FEED_SIGNER, hash: signed.hash });
        },
      ),
      RUNS,
    );
  }, 60_000);
});

describe('verifyFeed: tampered feeds are never accepted', () => {
  it('one figure changed anywhere in the snapshot', async () => {
    expect(numberPaths.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: numberPaths.length - 1 }), fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e15, max: 1e15, noNaN: true })), async (index, next) => {
        const path = numberPaths[index]!;
        // A value JSON writes the same way (-0 for 0) is no change to the signed text.
        fc.pre(JSON.stringify(next) !== JSON.stringify(atPath(envelope, path)));
        const tampered = copy();
        (atPath(tampered, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = next;
        expect(await accepted(JSON.stringify(tampered))).toMatchObject({ ok: false, code: 'tampered' });
      }),
      RUNS,
    );
  }, 60_000);

  it('one byte of the signature changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 255 }), async (index, byte) => {
        fc.pre(Number.parseInt(envelope.signature.slice(2 + index * 2, 4 + index * 2), 16) !== byte);
        expect((await accepted(withSignatureByte(index, byte))).ok).toBe(false);
      }),
      RUNS,
    );
  }, 60_000);

  it('signed by another key', async () => {
    await fc.assert(
      fc.asyncProperty(bytes32, async (key) => {
        fc.pre(BigInt(key) > 0n && BigInt(key) < N && key !== TEST_FEED_KEY);
        const signature = await privateKeyToAccount(key).signTypedData(feedTypedData(envelope.feed));
        expect(await accepted(JSON.stringify({ ...envelope, signature }))).toMatchObject({ ok: false, code: 'wrong-signer' });
      }),
      RUNS,
    );
  }, 60_000);

  it('rolled back: the reader holds a higher number, or the same number with other content', async () => {
    const higher = fc.record({ sequence: fc.integer({ min: envelope.feed.sequence + 1, max: Number.MAX_SAFE_INTEGER }), hash: bytes32 });
    const sameOther = bytes32.filter((hash) => hash !== signed.hash).map((hash) => ({ sequence: envelope.feed.sequence, hash }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(higher, sameOther), async (held) => {
        expect(await accepted(text, INSIDE, held)).toMatchObject({ ok: false, code: 'rollback' });
      }),
      RUNS,
    );
  }, 60_000);

  it('expired: now at or past expires', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10 * YEAR_MS }), async (late) => {
        expect(await accepted(text, new Date(expiresMs + late))).toMatchObject({ ok: false, code: 'expired' });
      }),
      RUNS,
    );
  }, 60_000);

  it('issued in the future, beyond the tolerated clock difference', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 * YEAR_MS }), async (early) => {
        expect(await accepted(text, new Date(issuedMs - SKEW_MS - early))).toMatchObject({ ok: false, code: 'not-yet-valid' });
      }),
      RUNS,
    );
  }, 60_000);

  it('one header field changed', async () => {
    const moment = fc.integer({ min: issuedMs - YEAR_MS, max: expiresMs + YEAR_MS }).map(wholeSecond);
    const change = fc.oneof(
      fc.record({ field: fc.constant('name' as const), value: fc.string({ minLength: 1, maxLength: 80 }) }),
      fc.record({ field: fc.constant('sequence' as const), value: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
      fc.record({ field: fc.constant('issued' as const), value: moment }),
      fc.record({ field: fc.constant('expires' as const), value: moment }),
      fc.record({ field: fc.constant('contentHash' as const), value: bytes32 }),
    );
    await fc.assert(
      fc.asyncProperty(change, async ({ field, value }) => {
        fc.pre(envelope.feed[field] !== value);
        const feed: FeedHeader = { ...envelope.feed, [field]: value };
        expect((await accepted(JSON.stringify({ ...envelope, feed }))).ok).toBe(false);
      }),
      RUNS,
    );
  }, 60_000);

  it('an extra key added: to the envelope, the header, or any object of the snapshot', async () => {
    const where = fc.oneof(fc.constant<Path>([]), fc.constant<Path>(['feed']), fc.constantFrom(...objectPaths));
    // Names an object walk or a prototype treats specially, besides arbitrary ones.
    const name = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'prototype', 'constructor', 'toString', 'hasOwnProperty', 'version', 'exchanges'));
    await fc.assert(
      fc.asyncProperty(where, name, fc.jsonValue(), async (path, key, value) => {
        const tampered = copy();
        const target = atPath(tampered, path) as Record<string, unknown>;
        fc.pre(!Object.hasOwn(target, key));
        defineKey(target, key, value);
        expect((await accepted(JSON.stringify(tampered))).ok).toBe(false);
      }),
      RUNS,
    );
  }, 60_000);

  it('random JSON garbage, as text or parsed', async () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue(),
      fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      // Cut before the closing brace: cutting only the trailing newline leaves the signed document.
      fc.nat({ max: text.trimEnd().length - 1 }).map((end) => text.slice(0, end)),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (body) => {
        expect((await accepted(body)).ok).toBe(false);
      }),
      RUNS,
    );
  }, 60_000);
});

/**
 * Tampered documents the random runs reach only by chance: each changes bytes the maintainer signed
 * while keeping what a lax reader would compute from them.
 */
describe('verifyFeed: tampered encodings of the same content', () => {
  it('refuses the signature with its recovery byte rewritten from 27/28 to 0/1 (recovers the same signer)', async () => {
    const v = Number.parseInt(envelope.signature.slice(130), 16);
    expect([27, 28]).toContain(v);
    expect((await accepted(withSignatureByte(64, v - 27))).ok).toBe(false);
  });

  it.each(['prototype', 'constructor', '__proto__'])('refuses a "%s" key added to the snapshot', async (key) => {
    const tampered = copy();
    defineKey(atPath(tampered, ['snapshot']) as object, key, { figures: 1 });
    expect((await accepted(JSON.stringify(tampered))).ok).toBe(false);
  });

  it('refuses a "__proto__" key added deep in the snapshot', async () => {
    const tampered = copy();
    defineKey(atPath(tampered, objectPaths.at(-1)!) as object, '__proto__', { figures: 1 });
    expect((await accepted(JSON.stringify(tampered))).ok).toBe(false);
  });
});
