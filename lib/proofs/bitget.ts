import * as v from 'valibot';
import { addDecimal, compareDecimal, formatJavaToString, formatTrimmed, parseDecimal, parseJavaDecimal, type Decimal } from './decimal';
import { walkMerkleSumPath, type AssetSums, type WalkResult } from './merkle-sum';
import { JsonNumberText } from './input';
import { balancesRecord, hex16, pathArray, positiveInt, problem, schemaFailure, smallText } from './schema';
import type { ProofBalances, ProofRunOptions } from './types';

const amount = v.union([v.pipe(v.string(), v.regex(/^-?\d{1,60}(?:\.\d{1,40})?$/)), v.pipe(v.number(), v.finite()), v.instance(JsonNumberText)], problem('amount'));

const BitgetProofSchema = v.object({
  self: v.object({
    auditId: v.optional(v.string()),
    encryptUid: smallText,
    nonce: smallText,
    merkelLeaf: hex16,
    balances: balancesRecord(amount),
    level: positiveInt,
    role: v.picklist([0, 1, 2, 3], problem('node-role')),
  }),
  path: pathArray(
    v.object({
      auditId: v.optional(v.string()),
      merkelLeaf: hex16,
      balances: balancesRecord(amount),
      level: positiveInt,
      role: v.optional(v.picklist([0, 1, 2, 3], problem('node-role'))),
    }),
  ),
});

export function looksLikeBitget(file: unknown): boolean {
  const self = (file as { self?: Record<string, unknown> } | null)?.self;
  return typeof self === 'object' && self !== null && ('merkelLeaf' in self || 'encryptUid' in self);
}

function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Bitget serialises balances from a java.util.HashMap, so the JSON key order is the map's
 * iteration order: by bucket (spread hash & (capacity − 1)), then by insertion within a bucket.
 * Capacity starts at 16 and doubles whenever the size passes three quarters of it.
 */
export function javaHashMapOrder(insertionOrder: readonly string[]): string[] {
  let capacity = 16;
  while (insertionOrder.length > capacity * 0.75) capacity *= 2;
  const bucket = (key: string) => {
    const h = javaStringHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return insertionOrder
    .map((key, index) => ({ key, index, bucket: bucket(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
}

type Amount = string | number | JsonNumberText;

/** Parent balances are an exact BigDecimal sum, keys in the order a HashMap fed left-then-right yields. */
function addBitget(current: AssetSums, sibling: AssetSums, siblingSide: 'left' | 'right'): AssetSums {
  const [left, right] = siblingSide === 'left' ? [sibling, current] : [current, sibling];
  const sums = new Map<string, Decimal>(left);
  for (const [asset, value] of right) {
    const previous = sums.get(asset);
    sums.set(asset, previous === undefined ? value : addDecimal(previous, value));
  }
  return javaHashMapOrder([...sums.keys()]).map((asset) => [asset, sums.get(asset)!] as const);
}

/** Leaf and parents as Bitget's BgMerkleValidator builds them; see docs/merkle-proofs.md. */
export async function verifyBitgetProof(file: unknown, options: ProofRunOptions = {}): Promise<WalkResult> {
  const parsed = v.safeParse(BitgetProofSchema, file);
  if (!parsed.success) return { ok: false, format: 'bitget', failure: schemaFailure(parsed.issues) };
  const { self, path } = parsed.output;
  const first = path[0]!;
  if (first.role === self.role) return { ok: false, format: 'bitget', step: 1, failure: { code: 'same-side' } };

  const all = [self.balances, ...path.map((node) => node.balances)];
  const values = all.flatMap((balances) => Object.values(balances));
  // Until late 2025 Bitget wrote amounts as JSON numbers and hashed BigDecimal.toString(); since then as
  // strings with trailing zeros stripped. A file mixing both is neither.
  const quoted = values.every((value) => typeof value === 'string');
  if (!quoted && values.some((value) => typeof value === 'string')) {
    return { ok: false, format: 'bitget', failure: { code: 'mixed-amounts' } };
  }
  const variant = quoted ? 'bitget-2025' : 'bitget-2022';
  const toDecimal = (value: Amount): Decimal | undefined => (typeof value === 'string' ? parseDecimal(value) : parseJavaDecimal(value instanceof JsonNumberText ? value.text : String(value)));
  const formatAmount = quoted ? formatTrimmed : formatJavaToString;
  const toSums = (balances: Record<string, Amount>): AssetSums | undefined => {
    const sums: [string, Decimal][] = [];
    for (const asset of javaHashMapOrder(Object.keys(balances))) {
      const parsedAmount = toDecimal(balances[asset]!);
      if (parsedAmount === undefined) return undefined;
      sums.push([asset, parsedAmount]);
    }
    return sums;
  };
  const json = (sums: AssetSums) => `{${sums.map(([asset, value]) => (quoted ? `"${asset}":"${formatAmount(value)}"` : `"${asset}":${formatAmount(value)}`)).join(',')}}`;
  const display = (sums: AssetSums): ProofBalances => Object.fromEntries(sums.map(([asset, value]) => [asset, formatAmount(value)]));

  const leafSums = toSums(self.balances);
  if (leafSums === undefined) return { ok: false, format: 'bitget', failure: { code: 'leaf-not-decimal' } };
  const siblings = [];
  for (const [i, node] of path.slice(0, -1).entries()) {
    if (node.level !== self.level - i) {
      return { ok: false, format: 'bitget', step: i + 1, failure: { code: 'node-level', node: i + 1, found: node.level, expected: self.level - i } };
    }
    const sums = toSums(node.balances);
    if (sums === undefined) return { ok: false, format: 'bitget', step: i + 1, failure: { code: 'node-not-decimal', node: i + 1 } };
    // Bitget reads every side, the first included, from the sibling's own role: 1 is left, anything else right.
    siblings.push({ hash: node.merkelLeaf, balances: display(sums), sums, side: (node.role === 1 ? 'left' : 'right') as 'left' | 'right' });
  }
  const root = path[path.length - 1]!;
  return walkMerkleSumPath(
    {
      format: 'bitget',
      variant,
      ...(self.auditId === undefined ? {} : { snapshotId: self.auditId }),
      leafPreimage: `${self.encryptUid},${self.nonce},${json(leafSums)}`,
      leafHash: self.merkelLeaf,
      leafSums,
      leafBalances: display(leafSums),
      siblings,
      root: {
        hash: root.merkelLeaf,
        balances: Object.fromEntries(Object.entries(root.balances).map(([k, value]) => [k, value instanceof JsonNumberText ? value.text : String(value)])),
        height: root.level,
      },
      hashLength: 16,
      heightAt: (index) => self.level - index,
      add: addBitget,
      formatSums: display,
      parentPreimage: (left, right, sums, level) => `${left}${right},${json(sums)},${level}`,
      rootBalancesMatch: (computed, written) =>
        Object.keys(written).length === computed.length &&
        computed.every(([asset, value]) => {
          const other = written[asset] === undefined ? undefined : parseJavaDecimal(written[asset]);
          return other !== undefined && compareDecimal(other, value) === 0;
        }),
    },
    options,
  );
}
