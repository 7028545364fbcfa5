import { expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { InclusionProofResult, ProofFormat } from './types';

/**
 * Merkle-sum trees built from each exchange's documented algorithm, and the proof files they
 * give, for the property and tamper tests of verifyInclusionProof.
 */
export const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const fixed8 = (units: bigint) => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(9, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -8)}.${digits.slice(-8)}`;
};
export const trimmed = (units: bigint) => (units === 0n ? '0' : fixed8(units).replace(/0+$/, '').replace(/\.$/, ''));

export interface BuiltNode {
  hash: string;
  sums: bigint[];
}

export interface TreeSpec {
  assets: string[];
  leafHash(index: number, amounts: bigint[]): string;
  parentHash(left: BuiltNode, right: BuiltNode, sums: bigint[], levelFromLeaves: number, depth: number): string;
  /** Bitget pads an odd level with a copy of the last node's hash and zero sums. */
  pad?: boolean;
}

export function buildTree(spec: TreeSpec, leaves: bigint[][]) {
  const levels: BuiltNode[][] = [leaves.map((amounts, i) => ({ hash: spec.leafHash(i, amounts), sums: amounts }))];
  let depth = 0;
  for (let n = leaves.length; n > 1; n = Math.ceil(n / 2)) depth += 1;
  while (levels[levels.length - 1]!.length > 1) {
    const below = levels[levels.length - 1]!;
    if (below.length % 2 === 1) {
      if (!spec.pad) throw new Error('builder: OKX and Bybit trees here are full');
      below.push({ hash: below[below.length - 1]!.hash, sums: spec.assets.map(() => 0n) });
    }
    const above: BuiltNode[] = [];
    for (let i = 0; i < below.length; i += 2) {
      const left = below[i]!;
      const right = below[i + 1]!;
      const sums = left.sums.map((x, k) => x + right.sums[k]!);
      above.push({ hash: spec.parentHash(left, right, sums, levels.length, depth), sums });
    }
    levels.push(above);
  }
  return { levels, depth, root: levels[levels.length - 1]![0]! };
}

export function siblingsOf(levels: BuiltNode[][], leafIndex: number) {
  const out: { node: BuiltNode; siblingIsLeft: boolean; padding: boolean }[] = [];
  let index = leafIndex;
  for (let level = 0; level < levels.length - 1; level++) {
    const row = levels[level]!;
    const siblingIndex = index ^ 1;
    out.push({
      node: row[siblingIndex]!,
      siblingIsLeft: siblingIndex < index,
      padding: siblingIndex === row.length - 1 && row.length > 1 && row[siblingIndex]!.hash === row[index]!.hash && siblingIndex > index,
    });
    index >>= 1;
  }
  return out;
}

export const OKX_ASSETS = ['BTC', 'ETH', 'USDT'];
export function buildOkxProof(leaves: bigint[][], leafIndex: number) {
  const nonce = (i: number) => sha(`nonce-${i}`);
  const balances = (amounts: bigint[]) => Object.fromEntries(OKX_ASSETS.map((asset, k) => [asset, trimmed(amounts[k]!)]));
  const tree = buildTree(
    {
      assets: OKX_ASSETS,
      leafHash: (i, amounts) => sha(nonce(i) + JSON.stringify(balances(amounts))),
      parentHash: (l, r, sums, levelFromLeaves) => sha(l.hash + r.hash + sums.map(trimmed).join('') + String(levelFromLeaves + 1)),
    },
    leaves,
  );
  const leaf = tree.levels[0]![leafIndex]!;
  const path = siblingsOf(tree.levels, leafIndex).map(({ node, siblingIsLeft }, level) => ({
    balances: balances(node.sums),
    type: siblingIsLeft ? 1 : 2,
    hash: node.hash,
    height: level + 1,
  }));
  path.push({ balances: balances(tree.root.sums), type: 3, hash: tree.root.hash, height: tree.depth + 1 });
  return {
    root: tree.root.hash,
    file: { self: { balances: balances(leaf.sums), type: leafIndex % 2 === 0 ? 1 : 2, nonce: nonce(leafIndex), hash: leaf.hash, height: 1 }, path },
  };
}

// Enum order per the Bybit asset table (ids 6, 13, 18, 19); the file writes them shuffled on purpose.
export const BYBIT_ASSETS = ['BTC', 'ETH', 'USDC', 'USDT', 'SOL'];
export const BYBIT_ENUM_ORDER = ['BTC', 'ETH', 'SOL', 'USDC', 'USDT'];
export function buildBybitProof(leaves: bigint[][], leafIndex: number) {
  const userHash = (i: number) => sha(`user-${i}`);
  const inEnumOrder = (amounts: bigint[]) => BYBIT_ENUM_ORDER.map((asset) => fixed8(amounts[BYBIT_ASSETS.indexOf(asset)]!));
  const balance = (amounts: bigint[]) => Object.fromEntries(BYBIT_ASSETS.map((asset, k) => [asset, fixed8(amounts[k]!)]));
  const tree = buildTree(
    {
      assets: BYBIT_ASSETS,
      leafHash: (i, amounts) => sha(userHash(i) + inEnumOrder(amounts).join('')),
      parentHash: (l, r, sums, levelFromLeaves) => sha(l.hash + r.hash + inEnumOrder(sums).join('') + String(levelFromLeaves + 1)),
    },
    leaves,
  );
  const leaf = tree.levels[0]![leafIndex]!;
  const path = siblingsOf(tree.levels, leafIndex).map(({ node, siblingIsLeft }, level) => ({
    type: siblingIsLeft ? 1 : 2,
    hash: node.hash,
    height: level + 1,
    balance: balance(node.sums),
  }));
  path.push({ type: 3, hash: tree.root.hash, height: tree.depth + 1, balance: balance(tree.root.sums) });
  return {
    root: tree.root.hash,
    file: { self: { auditId: 'test', type: leafIndex % 2 === 0 ? 1 : 2, hash: leaf.hash, height: 1, nonce: 'n', userHash: userHash(leafIndex), balance: balance(leaf.sums) }, path },
  };
}

// java.util.HashMap iteration order of these four keys, as Bitget's published 2025 sample shows.
export const BITGET_ASSETS = ['BTC', 'ETH', 'USDT', 'USDC'];
export function buildBitgetProof(leaves: bigint[][], leafIndex: number) {
  const uid = (i: number) => sha(`uid-${i}`);
  const nonce = (i: number) => sha(`bitget-nonce-${i}`);
  const json = (amounts: bigint[]) => JSON.stringify(Object.fromEntries(BITGET_ASSETS.map((asset, k) => [asset, trimmed(amounts[k]!)])));
  const tree = buildTree(
    {
      assets: BITGET_ASSETS,
      pad: true,
      leafHash: (i, amounts) => sha(`${uid(i)},${nonce(i)},${json(amounts)}`).slice(0, 16),
      // Leaves sit at level depth+1 and the root at level 1.
      parentHash: (l, r, sums, levelFromLeaves, depth) => sha(`${l.hash}${r.hash},${json(sums)},${depth + 1 - levelFromLeaves}`).slice(0, 16),
    },
    leaves,
  );
  const leaf = tree.levels[0]![leafIndex]!;
  const balances = (amounts: bigint[]) => Object.fromEntries(BITGET_ASSETS.map((asset, k) => [asset, trimmed(amounts[k]!)]));
  const path: Record<string, unknown>[] = siblingsOf(tree.levels, leafIndex).map(({ node, siblingIsLeft, padding }, level) => ({
    auditId: 'Au-test',
    balances: balances(node.sums),
    level: tree.depth + 1 - level,
    merkelLeaf: node.hash,
    role: padding ? 0 : siblingIsLeft ? 1 : 2,
  }));
  path.push({ auditId: 'Au-test', balances: balances(tree.root.sums), level: 1, merkelLeaf: tree.root.hash });
  return {
    root: tree.root.hash,
    file: {
      path,
      self: { auditId: 'Au-test', balances: balances(leaf.sums), encryptUid: uid(leafIndex), level: tree.depth + 1, merkelLeaf: leaf.hash, nonce: nonce(leafIndex), role: leafIndex % 2 === 0 ? 1 : 2 },
    },
  };
}

export type BuiltProof = { root: string; file: { self: Record<string, unknown>; path: Record<string, unknown>[] } };
export const builders: Record<ProofFormat, { build: (leaves: bigint[][], leafIndex: number) => BuiltProof; assets: number; fullOnly: boolean }> = {
  'okx-v1': { build: buildOkxProof, assets: 3, fullOnly: true },
  bybit: { build: buildBybitProof, assets: 5, fullOnly: true },
  bitget: { build: buildBitgetProof, assets: 4, fullOnly: false },
};

export const amountArb = fc.bigInt({ min: 0n, max: 10n ** 14n });
export function treeArb(format: ProofFormat) {
  const { assets, fullOnly } = builders[format];
  const leafCount = fullOnly ? fc.integer({ min: 1, max: 4 }).map((d) => 2 ** d) : fc.integer({ min: 2, max: 13 });
  return leafCount.chain((n) => fc.tuple(fc.array(fc.array(amountArb, { minLength: assets, maxLength: assets }), { minLength: n, maxLength: n }), fc.nat({ max: n - 1 })));
}

export function expectNotVerified(result: InclusionProofResult) {
  // "Not verified" means: a failure, or a consistent path whose root differs from the published one.
  if (result.ok) expect(result.verdict).not.toBe('verified');
  expect(result.ok && result.verdict === 'verified').toBe(false);
}

/** Every place a hashed value lives in a built proof file, as a path of keys. */
export function hashedFields(format: ProofFormat, file: { self: Record<string, unknown>; path: Record<string, unknown>[] }): (string | number)[][] {
  const balanceKey = format === 'bybit' ? 'balance' : 'balances';
  const hashKey = format === 'bitget' ? 'merkelLeaf' : 'hash';
  const identity = format === 'okx-v1' ? ['nonce'] : format === 'bybit' ? ['userHash'] : ['encryptUid', 'nonce'];
  const fields: (string | number)[][] = [['self', hashKey], ...identity.map((key) => ['self', key])];
  for (const asset of Object.keys(file.self[balanceKey] as object)) fields.push(['self', balanceKey, asset]);
  file.path.forEach((node, i) => {
    fields.push(['path', i, hashKey]);
    for (const asset of Object.keys(node[balanceKey] as object)) fields.push(['path', i, balanceKey, asset]);
  });
  return fields;
}

export function getAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
export function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** Replaces one character by a *different value*: another digit, or another hex digit (case alone is not a change). */
export function changeChar(text: string, position: number, pick: number): string {
  const char = text[position]!;
  const pool = /[0-9]/.test(char) && !/^[0-9a-f]{16,}$/i.test(text) ? '0123456789' : '0123456789abcdef';
  const choices = [...pool].filter((c) => c !== char.toLowerCase());
  return text.slice(0, position) + choices[pick % choices.length]! + text.slice(position + 1);
}
