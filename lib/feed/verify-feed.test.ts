import { describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { bundledSnapshot } from '../reserves/snapshot';
import { stableStringify } from '../reserves/stable-json';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';
import { FEED_LIMITS } from './format';
import { FeedSigningError, signFeed } from './sign-feed';
import { verifyFeed } from './verify-feed';

const issued = '2026-12-04T06:00:00Z';
const expires = '2026-12-11T06:00:00Z';
const now = new Date('2026-12-05T00:00:00Z');

async function signed(patch: Partial<Parameters<typeof signFeed>[0]> = {}) {
  const { envelope, hash } = await signFeed({ snapshot: bundledSnapshot(), name: 'Reserve Radar PoR feed', sequence: 7, issued, expires, privateKey: TEST_FEED_KEY, ...patch });
  return { text: stableStringify(envelope), envelope, hash };
}

describe('verifyFeed', () => {
  it('accepts a feed signed by a pinned key, and gives back the snapshot', async () => {
    const { text } = await signed();
    const result = await verifyFeed({ body: text, signers: [TEST_FEED_SIGNER], now });
    expect(result).toMatchObject({ ok: true, signer: TEST_FEED_SIGNER, unchanged: false });
    if (result.ok) expect(result.envelope.snapshot).toEqual(bundledSnapshot());
  });

  it('refuses each way a feed can be wrong, with its own code and words', async () => {
    const { text, envelope, hash } = await signed();
    const check = async (body: unknown, extra: Partial<Parameters<typeof verifyFeed>[0]> = {}) => verifyFeed({ body, signers: [TEST_FEED_SIGNER], now, ...extra });
    const changed = structuredClone(envelope) as { snapshot: { exchanges: Record<string, { por?: { asOf: string } }> } };
    changed.snapshot.exchanges.binance!.por!.asOf = '2026-12-01';
    expect(await check(changed)).toMatchObject({ ok: false, code: 'tampered' });
    const other = await signed({ privateKey: generatePrivateKey() });
    expect(await check(other.text)).toMatchObject({ ok: false, code: 'wrong-signer' });
    expect(await check(text, { now: new Date('2026-12-11T06:00:00Z') })).toMatchObject({ ok: false, code: 'expired' });
    expect(await check(text, { now: new Date('2026-12-04T05:00:00Z') })).toMatchObject({ ok: false, code: 'not-yet-valid' });
    expect(await check(text, { held: { sequence: 8, hash } })).toMatchObject({ ok: false, code: 'rollback', failure: { sequence: 7, held: 8 } });
    expect(await check(text, { held: { sequence: 7, hash: `0x${'1'.repeat(64)}` } })).toMatchObject({ ok: false, code: 'rollback', failure: { code: 'rollback', sequence: 7, held: 7 } });
    expect(await check(text, { held: { sequence: 7, hash } })).toMatchObject({ ok: true, unchanged: true });
    expect(await check('{"feed":')).toMatchObject({ ok: false, code: 'unreadable' });
    expect(await check({ ...envelope, extra: 1 })).toMatchObject({ ok: false, code: 'malformed', failure: { part: 'envelope', where: expect.any(String) } });
    expect(await check(text, { maxBytes: 1000 })).toEqual({ ok: false, code: 'too-large', failure: { code: 'too-large', maxKib: 0 } });
    expect(await check(text, { signers: [] })).toEqual({ ok: false, code: 'wrong-signer', failure: { code: 'wrong-signer' } });
  });

  it('refuses the malleable high-s twin of a valid signature', async () => {
    const { envelope } = await signed();
    const order = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const r = envelope.signature.slice(2, 66);
    const s = BigInt(`0x${envelope.signature.slice(66, 130)}`);
    const v = Number.parseInt(envelope.signature.slice(130), 16);
    const twin = `0x${r}${(order - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}`;
    expect(await verifyFeed({ body: { ...envelope, signature: twin }, signers: [TEST_FEED_SIGNER], now })).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('accepts any one of several pinned keys, so a key can be rotated', async () => {
    const next = generatePrivateKey();
    const { text } = await signed({ privateKey: next });
    expect(await verifyFeed({ body: text, signers: [TEST_FEED_SIGNER, privateKeyToAccount(next).address], now })).toMatchObject({ ok: true });
  });

  it('signing refuses what every reader would refuse', async () => {
    await expect(signed({ privateKey: '0x1234' })).rejects.toThrow(FeedSigningError);
    await expect(signed({ snapshot: { version: 2 } })).rejects.toThrow(/snapshot is not valid/);
    await expect(signed({ issued: expires, expires: issued })).rejects.toThrow(/header is not valid/);
    expect(FEED_LIMITS.maxBytes).toBeGreaterThan((await signed()).text.length * 4);
  });
});
