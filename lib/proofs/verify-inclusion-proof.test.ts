import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { detectProofFormat, verifyInclusionProof } from './verify-inclusion-proof';
import type { InclusionProofResult, ProofFormat } from './types';
import messages from '../../public/_locales/en/messages.json';
import { proofFailureText } from '../words/proof-failure';
import { translateFrom } from '../words/translate-from';
import { builders, changeChar, expectNotVerified, getAt, hashedFields, setAt, sha, treeArb } from './proof-trees.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

/** A failure in the English the verify page and `radar verify-proof` show; '' for a pass. */
const words = (result: InclusionProofResult) => (result.ok ? '' : proofFailureText(result, translateFrom(messages)));

/** Decimal texts with their trailing fraction zeros dropped, everything else as it is: the same number compares equal however many zeros it was written with. */
const sameValues = (value: unknown): unknown =>
  typeof value === 'string' && /^-?\d+\.\d+$/.test(value)
    ? value.replace(/\.?0+$/, '')
    : Array.isArray(value)
      ? value.map(sameValues)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sameValues(inner)]))
        : value;

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/proofs/${name}`, import.meta.url), 'utf8');

const samples: { file: string; format: ProofFormat; variant: string; root: string; steps: number }[] = [
  { file: 'okx-v1-example.json', format: 'okx-v1', variant: 'okx-v1', root: 'ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d', steps: 23 },
  { file: 'bybit-40.json', format: 'bybit', variant: 'bybit-asset-table', root: '8837e3a902aa996279fdc3d70e38e46cd18232dfb614c515a25ba34778eb1765', steps: 3 },
  { file: 'bybit-40-v5.json', format: 'bybit', variant: 'bybit-asset-table', root: 'c91d5de0554f97244e4d9f8056fad70fa0cb2cdb23c290ec597a042645dcbc03', steps: 14 },
  { file: 'bitget-2025.json', format: 'bitget', variant: 'bitget-2025', root: '8eac815c495e6a67', steps: 26 },
  { file: 'bitget-2022.json', format: 'bitget', variant: 'bitget-2022', root: 'ffedeaf82363b23c', steps: 10 },
];

// ---------------------------------------------------------------------------------------------
// An independent tree builder, written from docs/merkle-proofs.md with node:crypto and integer
// amounts (1e-8 units), so the verifier is checked against the documented algorithm, not itself.
// ---------------------------------------------------------------------------------------------

describe("verifyInclusionProof on the exchanges' published sample files", () => {
  for (const sample of samples) {
    it(`${sample.file}: consistent, root ${sample.root.slice(0, 8)}…, verified against that root`, async () => {
      const text = fixture(sample.file);
      const alone = await verifyInclusionProof({ file: text });
      expect(alone).toMatchObject({ ok: true, format: sample.format, variant: sample.variant, computedRoot: sample.root, rootMatches: 'no-root-given', verdict: 'consistent-no-root' });
      if (!alone.ok) return;
      expect(alone.path).toHaveLength(sample.steps);
      expect(alone.path[alone.path.length - 1]!.nodeHash).toBe(sample.root);

      const published = await verifyInclusionProof({ file: text, expectedRoot: `0x${sample.root.toUpperCase()}` });
      expect(published).toMatchObject({ ok: true, rootMatches: true, verdict: 'verified' });

      const other = await verifyInclusionProof({ file: text, expectedRoot: sample.root.replace(/^./, (c) => (c === '0' ? '1' : '0')) });
      expect(other).toMatchObject({ ok: true, rootMatches: false, verdict: 'root-mismatch' });
    });
  }

  it("the audit id is not covered by the hashes: a changed one still verifies, so the page calls it the file's claim", async () => {
    const original = fixture('okx-v1-example.json');
    const changed = original.replace(/"auditId":\s*"499930592"/g, '"auditId": "123"');
    expect(changed).not.toBe(original);
    const result = await verifyInclusionProof({ file: changed, expectedRoot: samples[0]!.root });
    expect(result).toMatchObject({ ok: true, verdict: 'verified', snapshotId: '123' });
    const english = localeMessages('en');
    expect(english.verifyProofSnapshot?.message).toMatch(/not covered by the check/);
  });

  it('shows the leaf balances as the file states them', async () => {
    const result = await verifyInclusionProof({ file: fixture('okx-v1-example.json') });
    expect(result.ok && result.leaf).toEqual({
      hash: '461a101e9aa20e694e52cb95dae0d84d81787f532859f1385bae3f009926366c',
      balances: { BTC: '1.000069', ETH: '0.99908176', USDT: '19398.33550812' },
    });
    const bitget = await verifyInclusionProof({ file: JSON.parse(fixture('bitget-2025.json')) });
    expect(bitget.ok && bitget.leaf.balances).toEqual({ BTC: '0', ETH: '0', USDT: '0.00012635', USDC: '0' });
    expect(bitget.ok && bitget.snapshotId).toBe('Au2025111815');
  });

  it('accepts bytes (a dropped file) as well as text and parsed JSON', async () => {
    const bytes = new TextEncoder().encode(fixture('bybit-40.json'));
    expect(await verifyInclusionProof({ file: bytes })).toMatchObject({ ok: true, format: 'bybit' });
    expect(await verifyInclusionProof({ file: bytes.buffer })).toMatchObject({ ok: true, format: 'bybit' });
  });

  it('detects each format from its field names', () => {
    for (const sample of samples) expect(detectProofFormat(JSON.parse(fixture(sample.file)))).toBe(sample.format);
    expect(detectProofFormat({ self: {}, path: [] })).toBeUndefined();
  });

  it('refuses a file forced into the wrong format, in words', async () => {
    const result = await verifyInclusionProof({ file: fixture('okx-v1-example.json'), format: 'bybit' });
    expect(result).toMatchObject({ ok: false, format: 'bybit' });
    expect(result).toMatchObject({ failure: { code: 'schema' } });
    expect(words(result)).toMatch(/^Not a valid Bybit proof: /);
  });

  it('a Bitget 2022 file only verifies because number texts are kept: parsed JSON loses digits and fails closed', async () => {
    const result = await verifyInclusionProof({ file: JSON.parse(fixture('bitget-2022.json')) });
    expectNotVerified(result);
    expect(result.ok).toBe(false);
  });
});

describe('verifyInclusionProof against trees built from the documented algorithms', () => {
  for (const format of ['okx-v1', 'bybit', 'bitget'] as const) {
    it(`${format}: every leaf of random trees verifies against the builder's root`, async () => {
      await fc.assert(
        fc.asyncProperty(treeArb(format), async ([leaves, leafIndex]) => {
          const { file, root } = builders[format].build(leaves, leafIndex);
          const result = await verifyInclusionProof({ file: JSON.stringify(file), expectedRoot: root });
          expect(result).toMatchObject({ ok: true, format, computedRoot: root, verdict: 'verified' });
        }),
        { numRuns: 40 },
      );
    });

    it(`${format}: changing any hashed value (leaf balance or id, any path hash, any sum, the root) is never verified`, async () => {
      await fc.assert(
        fc.asyncProperty(treeArb(format), fc.nat(), fc.nat(), fc.nat(), async ([leaves, leafIndex], fieldPick, positionPick, charPick) => {
          const { file, root } = builders[format].build(leaves, leafIndex);
          const fields = hashedFields(format, file);
          const field = fields[fieldPick % fields.length]!;
          const original = String(getAt(file, field));
          const position = original.length === 0 ? 0 : positionPick % original.length;
          if (!/[0-9a-f]/i.test(original[position] ?? '')) return;
          setAt(file, field, changeChar(original, position, charPick));
          const result = await verifyInclusionProof({ file: JSON.stringify(file), expectedRoot: root });
          expectNotVerified(result);
          // The root hash itself is the only field whose change can leave the path consistent —
          // and then it must not match the published root. Every other change breaks the path.
          if (result.ok) expect(result.verdict).toBe('root-mismatch');
        }),
        { numRuns: 150 },
      );
    });

    it(`${format}: swapping a sibling's side, dropping a step or adding one fails`, async () => {
      await fc.assert(
        fc.asyncProperty(treeArb(format), fc.nat(), fc.constantFrom('swap', 'drop', 'duplicate'), async ([leaves, leafIndex], pick, change) => {
          const { file, root } = builders[format].build(leaves, leafIndex);
          const path = file.path as Record<string, unknown>[];
          const i = pick % (path.length - 1);
          const sideKey = format === 'bitget' ? 'role' : 'type';
          if (change === 'swap') {
            const node = i === 0 ? (file.self as Record<string, unknown>) : path[i]!;
            // Next to a padding node both children hash alike, so a side swap there changes nothing real.
            if (node[sideKey] === 0 || path[i]![sideKey] === 0) return;
            node[sideKey] = node[sideKey] === 1 ? 2 : 1;
            if (i === 0) path[0]![sideKey] = path[0]![sideKey] === 1 ? 2 : path[0]![sideKey] === 0 ? 0 : 1;
          } else if (change === 'drop') {
            path.splice(i, 1);
          } else {
            path.splice(i, 0, { ...path[i]! });
          }
          const result = await verifyInclusionProof({ file: JSON.stringify(file), expectedRoot: root });
          expectNotVerified(result);
        }),
        { numRuns: 80 },
      );
    });
  }

  it('a single flipped bit anywhere in a real file never yields a different verified result, and never throws', async () => {
    for (const sample of samples) {
      const text = fixture(sample.file);
      const bytes = new TextEncoder().encode(text);
      const original = await verifyInclusionProof({ file: text, expectedRoot: sample.root });
      if (!original.ok) throw new Error('sample must verify');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.nat({ max: 7 }), async (position, bit) => {
          const flipped = bytes.slice();
          flipped[position]! ^= 1 << bit;
          const result = await verifyInclusionProof({ file: flipped, expectedRoot: sample.root });
          if (result.ok && result.verdict === 'verified') {
            // Only a flip in an unhashed field (an audit id, a key we ignore, whitespace) may pass,
            // and then it must show what the untouched file shows. One such flip keeps the value:
            // a JSON number's last fraction zero turned into a space (`…230` → `…23 `), which Bitget's
            // 2022 files, whose sums are checked as numbers, then show without that zero.
            expect(sameValues(result.leaf)).toEqual(sameValues(original.leaf));
            expect(sameValues(result.path)).toEqual(sameValues(original.path));
            expect(result.computedRoot).toBe(original.computedRoot);
          }
        }),
        // The flip that once got through as a different-looking result (bitget-2022.json: a number's last zero to a space), run every time.
        { numRuns: 120, examples: [[1231, 4]] },
      );
    }
  });
});

describe('Bybit first format (BTC, ETH, USDT, USDC)', () => {
  // Sums keep 8, 8, 4 and 4 decimals and the leaf concatenates BTC, ETH, USDT, USDC in that order.
  const order = ['BTC', 'ETH', 'USDT', 'USDC'];
  const scales = [8, 8, 4, 4];
  const text = (units: bigint, scale: number) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  };
  // Amounts in 1e-8 units; USDT and USDC leaves carry 8 decimals, so sums really truncate.
  const leaves = [
    [150_000_000n, 1n, 123_456_789n, 5n],
    [7n, 0n, 99_999_999n, 99_999_999n],
    [0n, 42n, 1n, 1n],
    [3n, 3n, 3n, 3n],
  ];
  const sumText = (amounts: bigint[]) => amounts.map((units, k) => text(units / 10n ** BigInt(8 - scales[k]!), scales[k]!));
  const truncate = (amounts: bigint[]) => amounts.map((units, k) => (units / 10n ** BigInt(8 - scales[k]!)) * 10n ** BigInt(8 - scales[k]!));

  it('verifies a tree built with its rules, and fails with exact (untruncated) sums', async () => {
    const userHash = (i: number) => sha(`legacy-${i}`);
    const leafText = (amounts: bigint[]) => amounts.map((units) => text(units, 8));
    const leafHashes = leaves.map((amounts, i) => sha(userHash(i) + leafText(amounts).join('')));
    const parent = (l: string, r: string, a: bigint[], b: bigint[], height: number) => {
      const sums = truncate(a.map((x, k) => x + b[k]!));
      return { hash: sha(l + r + sumText(sums).join('') + String(height)), sums };
    };
    const p01 = parent(leafHashes[0]!, leafHashes[1]!, leaves[0]!, leaves[1]!, 2);
    const p23 = parent(leafHashes[2]!, leafHashes[3]!, leaves[2]!, leaves[3]!, 2);
    const root = parent(p01.hash, p23.hash, p01.sums, p23.sums, 3);
    const balance = (values: string[]) => Object.fromEntries(order.map((asset, k) => [asset, values[k]!]));
    const file = {
      self: { type: 2, hash: leafHashes[1], height: 1, userHash: userHash(1), balance: balance(leafText(leaves[1]!)) },
      path: [
        { type: 1, hash: leafHashes[0], height: 1, balance: balance(leafText(leaves[0]!)) },
        { type: 2, hash: p23.hash, height: 2, balance: balance(sumText(p23.sums)) },
        { type: 3, hash: root.hash, height: 3, balance: balance(sumText(root.sums)) },
      ],
    };
    const result = await verifyInclusionProof({ file, expectedRoot: root.hash });
    expect(result).toMatchObject({ ok: true, format: 'bybit', variant: 'bybit-btc-eth-usdt-usdc', verdict: 'verified' });
    expect(result.ok && result.path[0]!.nodeBalances).toEqual({ BTC: '1.50000007', ETH: '0.00000001', USDT: '2.2345', USDC: '1.0000' });

    const exact = structuredClone(file);
    exact.path[2]!.balance.USDT = text(
      leaves.reduce((sum, amounts) => sum + amounts[2]!, 0n),
      8,
    );
    expectNotVerified(await verifyInclusionProof({ file: exact, expectedRoot: root.hash }));
  });
});

describe('verifyInclusionProof on bad input', () => {
  const okx = () => JSON.parse(fixture('okx-v1-example.json')) as { self: Record<string, unknown>; path: Record<string, unknown>[] };

  it.each([
    ['empty text', '', /empty/],
    ['not JSON', '{"self": ', /not valid JSON/],
    ['a JSON array', '[]', /JSON object/],
    ['a number', 42, /JSON object/],
    ['null', null, /JSON object/],
    ['an unknown shape', '{"proof": 1}', /does not look like/],
    ['invalid UTF-8 bytes', new Uint8Array([0xff, 0xfe, 0x00]), /not text/],
    ['an oversized file', 'x'.repeat(2_000_001), /larger than/],
    ['deep nesting', '{"self":'.repeat(50) + '1' + '}'.repeat(50), /nested/],
  ])('%s gives a plain reason', async (_name, file, reason) => {
    const result = await verifyInclusionProof({ file });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.unreadable === true).toBe(!/does not look like/.test(String(reason)));
    expect(words(result)).toMatch(reason);
  });

  it('names the field that is wrong', async () => {
    const file = okx();
    (file.path[3] as Record<string, unknown>).hash = 'abc';
    const result = await verifyInclusionProof({ file });
    expect(result).toMatchObject({ ok: false, failure: { code: 'schema', field: 'path.3.hash', problem: 'hash-hex64' } });
    expect(words(result)).toBe('Not a valid OKX v1 proof: path.3.hash: A hash must be 64 hex characters.');
    const balances = okx();
    (balances.self as Record<string, Record<string, unknown>>).balances!.BTC = 1.5;
    expect(words(await verifyInclusionProof({ file: balances }))).toMatch(/self\.balances\.BTC: A balance must be written as text/);
    const extra = okx();
    (extra.self as Record<string, Record<string, unknown>>).balances!.USDC = '1';
    expect(words(await verifyInclusionProof({ file: extra }))).toMatch(/exactly BTC, ETH and USDT/);
  });

  it('refuses a path longer than any real tree, and a truncated one', async () => {
    const long = okx();
    long.path = Array.from({ length: 65 }, () => long.path[0]!);
    expect(words(await verifyInclusionProof({ file: long }))).toMatch(/longer than 64/);
    const short = okx();
    short.path = short.path.slice(0, 1);
    expect(words(await verifyInclusionProof({ file: short }))).toMatch(/too short/);
    const cut = okx();
    cut.path = cut.path.slice(0, -1);
    expect(words(await verifyInclusionProof({ file: cut }))).toMatch(/does not lead to the root/);
    const middle = okx();
    middle.path.splice(5, 1);
    expect(await verifyInclusionProof({ file: middle })).toMatchObject({ ok: false, step: 6 });
  });

  it('refuses a published root of the wrong length for the format', async () => {
    const result = await verifyInclusionProof({ file: fixture('bitget-2025.json'), expectedRoot: 'ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d' });
    expect(result).toMatchObject({ ok: false, failure: { code: 'root-length', length: 16 } });
    expect(words(result)).toBe('The published root you gave has the wrong length for Bitget: it should be 16 hex characters.');
  });

  it('never throws and never verifies on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.json(), fc.string()), fc.option(fc.constantFrom('okx-v1', 'bybit', 'bitget', 'nope')), async (file, format) => {
        const result = await verifyInclusionProof({ file, ...(format === null ? {} : { format: format as ProofFormat }) });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyInclusionProof for a page: progress and cancel', () => {
  it('reports progress from the leaf to the root', async () => {
    const seen: [number, number][] = [];
    const result = await verifyInclusionProof({ file: fixture('bitget-2025.json'), onProgress: ({ done, total }) => seen.push([done, total]) });
    expect(result.ok).toBe(true);
    expect(seen[0]).toEqual([1, 27]);
    expect(seen[seen.length - 1]).toEqual([27, 27]);
    expect(seen.map(([done]) => done)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const result = await verifyInclusionProof({
      file: fixture('okx-v1-example.json'),
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 3) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, format: 'okx-v1', cancelled: true, failure: { code: 'cancelled' } });
    expect(words(result)).toBe('Verification was cancelled.');
  });

  it('returns plain data a page can store or post', async () => {
    const result = await verifyInclusionProof({ file: fixture('bybit-40.json') });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
