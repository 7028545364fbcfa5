import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from './sign-warning-list';
import { verifyWarningList, type VerifyWarningListReturnType } from './verify-warning-list';
import messages from '../../public/_locales/en/messages.json';
import { translateFrom } from '../words/translate-from';
import { warningListFailureWithDetail } from '../words/warning-list-words';

/** A refusal in the English the options page and `radar warnings verify` show; '' for a pass. */
const words = (result: VerifyWarningListReturnType) => (result.ok ? '' : warningListFailureWithDetail(result.failure, translateFrom(messages), 'en'));
import { WARNING_LIST_LIMITS, WarningListError, hashWarningList, type WarningList } from './warning-list';

const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const now = new Date('2026-11-25T10:00:00Z');

function sampleList(overrides: Partial<WarningList> = {}): WarningList {
  return {
    name: 'Test warnings',
    sequence: 7,
    issued: '2026-11-20T00:00:00Z',
    expires: '2026-12-20T00:00:00Z',
    entries: [
      {
        exchange: 'ftx',
        severity: 'danger',
        title: 'FTX is in bankruptcy',
        body: 'FTX filed for Chapter 11 on 2022-11-11.\nDo not deposit.',
        sources: ['https://time.com/6232772/ftx-goes-bankrupt/'],
        published: '2026-11-20T00:00:00Z',
        expires: '2027-11-20T00:00:00Z',
      },
      {
        exchange: 'binance',
        severity: 'info',
        title: 'Example note',
        body: 'A plain note.',
        sources: ['https://example.org/a', 'https://example.org/b'],
        published: '2026-11-21T00:00:00Z',
        expires: '2026-12-01T00:00:00Z',
      },
    ],
    ...overrides,
  };
}

async function signed(list: WarningList = sampleList(), privateKey = key) {
  return (await signWarningList({ list, privateKey })).envelope;
}

describe('signWarningList / verifyWarningList', () => {
  it('round-trips a signed list given as text or as parsed JSON', async () => {
    const envelope = await signed();
    for (const body of [JSON.stringify(envelope), JSON.parse(JSON.stringify(envelope)) as unknown]) {
      const result = await verifyWarningList({ body, expectedSigner: signer, now });
      expect(result).toEqual({ ok: true, list: sampleList(), signer, hash: hashWarningList(sampleList()), signature: envelope.signature, unchanged: false });
    }
  });

  it('accepts the expected signer in any letter case', async () => {
    const result = await verifyWarningList({ body: await signed(), expectedSigner: signer.toLowerCase() as `0x${string}`, now });
    expect(result.ok).toBe(true);
  });

  it('reports a list it already holds as unchanged', async () => {
    const list = sampleList();
    const result = await verifyWarningList({ body: await signed(list), expectedSigner: signer, now, held: { sequence: 7, hash: hashWarningList(list) } });
    expect(result).toMatchObject({ ok: true, unchanged: true });
  });

  it('accepts a higher sequence than the one held', async () => {
    const result = await verifyWarningList({
      body: await signed(sampleList({ sequence: 8 })),
      expectedSigner: signer,
      now,
      held: { sequence: 7, hash: hashWarningList(sampleList()) },
    });
    expect(result).toMatchObject({ ok: true, unchanged: false });
  });

  it('rejects a list signed by another key as wrong-signer, naming both addresses', async () => {
    const otherKey = generatePrivateKey();
    const result = await verifyWarningList({ body: await signed(sampleList(), otherKey), expectedSigner: signer, now });
    expect(result).toMatchObject({ ok: false, code: 'wrong-signer' });
    if (result.ok) return;
    expect(words(result)).toContain(signer);
    expect(words(result)).toContain(privateKeyToAccount(otherKey).address);
  });

  it('rejects a signature that decodes to no signer as bad-signature', async () => {
    const envelope = await signed();
    const garbage = { ...envelope, signature: `0x${'00'.repeat(64)}1b` };
    const result = await verifyWarningList({ body: garbage, expectedSigner: signer, now });
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses the high-s twin of a valid signature (one accepted encoding per signature, EIP-2)', async () => {
    const envelope = await signed();
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const r = envelope.signature.slice(2, 66);
    const s = BigInt(`0x${envelope.signature.slice(66, 130)}`);
    const v = Number.parseInt(envelope.signature.slice(130), 16);
    // (r, n - s) with the other parity recovers the same address: the malleable twin.
    const twin = `0x${r}${(n - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as const;
    expect(await verifyWarningList({ body: envelope, expectedSigner: signer, now })).toMatchObject({ ok: true });
    expect(await verifyWarningList({ body: { ...envelope, signature: twin }, expectedSigner: signer, now })).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('rejects a changed entry after signing', async () => {
    const envelope = await signed();
    const tampered = structuredClone(envelope);
    tampered.list.entries[0]!.severity = 'info';
    const result = await verifyWarningList({ body: tampered, expectedSigner: signer, now });
    expect(result).toMatchObject({ ok: false, code: 'wrong-signer' });
  });

  it('rejects an unsigned extra field instead of ignoring it', async () => {
    const envelope = await signed();
    const extra = structuredClone(envelope) as unknown as { list: { entries: Record<string, unknown>[] } };
    extra.list.entries[0]!['link'] = 'https://evil.example/';
    const result = await verifyWarningList({ body: extra, expectedSigner: signer, now });
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
    if (!result.ok) expect(words(result)).toMatch(/warning 1 \(ftx\)/);
  });

  it('rejects an expired list and a list issued in the future', async () => {
    const body = await signed();
    expect(await verifyWarningList({ body, expectedSigner: signer, now: new Date('2026-12-20T00:00:00Z') })).toMatchObject({
      ok: false,
      code: 'expired',
    });
    const early = await verifyWarningList({ body, expectedSigner: signer, now: new Date('2026-11-19T23:00:00Z') });
    expect(early).toMatchObject({ ok: false, code: 'not-yet-valid' });
    // Five minutes of clock skew are tolerated.
    expect((await verifyWarningList({ body, expectedSigner: signer, now: new Date('2026-11-19T23:57:00Z') })).ok).toBe(true);
  });

  it('rejects a lower sequence than the one held, and the same sequence with different content', async () => {
    const held = { sequence: 7, hash: hashWarningList(sampleList()) };
    const older = await verifyWarningList({ body: await signed(sampleList({ sequence: 6 })), expectedSigner: signer, now, held });
    expect(older).toMatchObject({ ok: false, code: 'rollback' });
    if (!older.ok) expect(words(older)).toMatch(/The list is number 6, but a list numbered 7 was already accepted from this address/);
    const sameNumber = await verifyWarningList({ body: await signed(sampleList({ name: 'Renamed' })), expectedSigner: signer, now, held });
    expect(sameNumber).toMatchObject({ ok: false, code: 'rollback' });
    if (!sameNumber.ok) expect(words(sameNumber)).toMatch(/still has number 7, the number of a list already accepted from this address/);
  });

  it('treats a held record with a corrupt hash as different content rather than throwing', async () => {
    const held = { sequence: 7, hash: undefined } as unknown as { sequence: number; hash: `0x${string}` };
    const result = await verifyWarningList({ body: await signed(), expectedSigner: signer, now, held });
    expect(result).toMatchObject({ ok: false, code: 'rollback' });
  });

  it('rejects a body over the size cap before parsing it', async () => {
    const body = JSON.stringify(await signed());
    const result = await verifyWarningList({ body, expectedSigner: signer, now, maxBytes: body.length - 1 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    const padded = body.replace('{', `{${' '.repeat(WARNING_LIST_LIMITS.maxBytes)}`);
    expect(await verifyWarningList({ body: padded, expectedSigner: signer, now })).toMatchObject({ ok: false, code: 'too-large' });
    // Multi-byte text counts in bytes, not characters.
    const wide = JSON.stringify({ pad: 'é'.repeat(600) });
    expect(await verifyWarningList({ body: wide, expectedSigner: signer, now, maxBytes: 1000 })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('names the entry and the reason for a malformed entry', async () => {
    const envelope = await signed();
    const cases: [(list: Record<string, unknown>[]) => void, RegExp][] = [
      [(e) => (e[1]!['sources'] = ['http://example.org/']), /warning 2 \(binance\), source 1: a source must be an https URL/],
      [(e) => (e[0]!['severity'] = 'critical'), /warning 1 \(ftx\), severity: severity must be 'info', 'caution' or 'danger'/],
      [(e) => (e[0]!['body'] = 'x'.repeat(1001)), /warning 1 \(ftx\), body: body is longer than 1000 characters/],
      [(e) => (e[0]!['title'] = 'two\nlines'), /title must be a single line/],
      [(e) => (e[0]!['title'] = 'evil \u202e text'), /control or text-direction characters/],
      [(e) => (e[0]!['body'] = 'broken \ud800 text'), /broken Unicode/],
      [(e) => (e[0]!['published'] = '2026-02-30T00:00:00Z'), /published: a date must be a real UTC moment/],
      [(e) => (e[0]!['expires'] = '2020-01-01T00:00:00Z'), /warning 1 \(ftx\): a warning must expire after it is published/],
      [(e) => (e[0]!['exchange'] = 'Binance.com'), /exchange must be a registry id/],
      [(e) => (e[0]!['sources'] = []), /needs at least one source/],
    ];
    for (const [mutate, expected] of cases) {
      const bad = structuredClone(envelope) as unknown as { list: { entries: Record<string, unknown>[] } };
      mutate(bad.list.entries);
      const result = await verifyWarningList({ body: bad, expectedSigner: signer, now });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe('malformed');
      expect(words(result)).toMatch(expected);
    }
  });

  it('refuses too many entries', async () => {
    const envelope = await signed();
    const many = structuredClone(envelope);
    many.list.entries = Array.from({ length: WARNING_LIST_LIMITS.maxEntries + 1 }, () => envelope.list.entries[0]!);
    const result = await verifyWarningList({ body: many, expectedSigner: signer, now });
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
    if (!result.ok) expect(words(result)).toMatch(/at most 200 warnings/);
  });

  it('rejects text that is not JSON, and a non-address expected signer, without throwing', async () => {
    expect(await verifyWarningList({ body: '{"list":', expectedSigner: signer, now })).toMatchObject({ ok: false, code: 'malformed' });
    expect(await verifyWarningList({ body: await signed(), expectedSigner: '0x1234' as `0x${string}`, now })).toMatchObject({
      ok: false,
      code: 'wrong-signer',
    });
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(await verifyWarningList({ body: circular, expectedSigner: signer, now })).toMatchObject({ ok: false, code: 'malformed' });
    expect(await verifyWarningList({ body: undefined, expectedSigner: signer, now })).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('refuses to sign a malformed list or a bad key, with a one-line shortMessage', async () => {
    await expect(signWarningList({ list: { ...sampleList(), sequence: -1 }, privateKey: key })).rejects.toThrow(WarningListError);
    await expect(signWarningList({ list: sampleList(), privateKey: '0x1234' })).rejects.toMatchObject({
      shortMessage: 'The signing key is not a private key',
    });
    await expect(signWarningList({ list: sampleList(), privateKey: `0x${'f'.repeat(64)}` })).rejects.toThrow(WarningListError);
  });

  it('verifies the sample fixture signed with anvil test account #0', async () => {
    // Anvil's account #0 is a publicly known development key; it stands for no real maintainer.
    const body = readFileSync(new URL('../../tests/fixtures/warning-lists/sample.signed.json', import.meta.url), 'utf8');
    const result = await verifyWarningList({ body, expectedSigner: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', now });
    expect(result).toMatchObject({ ok: true, signer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' });
    const unsigned = JSON.parse(readFileSync(new URL('../../tests/fixtures/warning-lists/sample.list.json', import.meta.url), 'utf8')) as unknown;
    if (result.ok) expect(result.list).toEqual(unsigned);
  });
});

describe('verifyWarningList properties', () => {
  // Only text the schema accepts, so a property run never fails for a reason other than the one it tests.
  const text = (max: number) =>
    fc
      .string({ minLength: 1, maxLength: max, unit: 'grapheme' })
      .filter((s) => s.length <= max && s.trim().length > 0 && !/[\n\t\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s));

  /** Each mutation yields a list that still passes the schema but differs in exactly one signed field. */
  const mutations: ((list: WarningList, pick: number, replacement: string) => WarningList)[] = [
    (list, _pick, replacement) => ({ ...list, name: list.name === replacement ? `${replacement}!` : replacement }),
    (list, pick) => ({ ...list, sequence: list.sequence + 1 + (pick % 1000) }),
    (list) => ({ ...list, issued: '2026-11-19T00:00:00Z' }),
    (list) => ({ ...list, expires: '2026-12-21T00:00:00Z' }),
    (list, pick) => ({ ...list, entries: list.entries.filter((_, index) => index !== pick % list.entries.length) }),
    (list, pick) => ({ ...list, entries: [...list.entries, list.entries[pick % list.entries.length]!] }),
    // Order is signed too; with nothing to reorder, dropping an entry is the change instead.
    (list) => (JSON.stringify(list.entries) === JSON.stringify([...list.entries].reverse()) ? { ...list, entries: list.entries.slice(1) } : { ...list, entries: [...list.entries].reverse() }),
    (list, pick, replacement) => editEntry(list, pick, (entry) => ({ ...entry, title: entry.title === replacement ? `${replacement}!` : replacement })),
    (list, pick, replacement) => editEntry(list, pick, (entry) => ({ ...entry, body: `${entry.body}${replacement}` })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, severity: entry.severity === 'danger' ? 'caution' : entry.severity === 'caution' ? 'info' : 'danger' })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, exchange: `${entry.exchange}x` })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, sources: [...entry.sources, 'https://example.org/extra'].slice(-5) })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, sources: entry.sources.map((s) => `${s}x`) })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, published: '2026-11-19T00:00:01Z' })),
    (list, pick) => editEntry(list, pick, (entry) => ({ ...entry, expires: '2028-01-01T00:00:00Z' })),
  ];

  function editEntry(list: WarningList, pick: number, edit: (entry: WarningList['entries'][number]) => WarningList['entries'][number]): WarningList {
    const at = pick % list.entries.length;
    return { ...list, entries: list.entries.map((entry, index) => (index === at ? edit(entry) : entry)) };
  }

  const entryArb = fc.record({
    exchange: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    severity: fc.constantFrom('info' as const, 'caution' as const, 'danger' as const),
    title: text(120),
    body: text(400),
    sources: fc.array(
      fc.webUrl({ validSchemes: ['https'] }).filter((url) => url.length <= 400 && !/\s/.test(url)),
      { minLength: 1, maxLength: 4 },
    ),
    published: fc.constant('2026-11-20T00:00:00Z'),
    expires: fc.constant('2027-11-20T00:00:00Z'),
  });
  const listArb = fc.record({
    name: text(60),
    sequence: fc.integer({ min: 0, max: 1_000_000 }),
    issued: fc.constant('2026-11-20T00:00:00Z'),
    expires: fc.constant('2026-12-20T00:00:00Z'),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 4 }),
  });

  it('any single change to the content of a signed list fails verification', async () => {
    await fc.assert(
      fc.asyncProperty(listArb, fc.nat({ max: mutations.length - 1 }), fc.nat(), text(40), async (list, which, pick, replacement) => {
        const { envelope } = await signWarningList({ list, privateKey: key });
        const mutated = mutations[which]!(envelope.list, pick, replacement);
        const result = await verifyWarningList({ body: { list: mutated, signature: envelope.signature }, expectedSigner: signer, now });
        expect(result.ok).toBe(false);
        // The unchanged envelope still verifies, so the failure is the mutation's doing.
        expect((await verifyWarningList({ body: envelope, expectedSigner: signer, now })).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('never throws on random JSON or random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), async (body) => {
        const result = await verifyWarningList({ body, expectedSigner: signer, now });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(words(result).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('never throws on a signed list with random values put at random places', async () => {
    const envelope = await signed();
    const paths = [['list', 'name'], ['list', 'sequence'], ['list', 'entries'], ['list', 'entries', 0], ['list', 'entries', 0, 'sources'], ['signature'], ['list']];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, value) => {
        const body = structuredClone(envelope) as unknown as Record<string | number, unknown>;
        let target = body;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path.at(-1)!] = value;
        const result = await verifyWarningList({ body, expectedSigner: signer, now });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
