import * as v from 'valibot';
import { addDecimal, formatFixed, parseDecimal, truncateDecimal, type Decimal } from './decimal';
import { addSameAssets, walkMerkleSumPath, type AssetSums, type WalkResult } from './merkle-sum';
import { balancesRecord, decimalText, hex64, pathArray, positiveInt, problem, schemaFailure, smallText } from './schema';
import type { ProofBalances, ProofFailure, ProofRunOptions } from './types';

/**
 * Bybit concatenates balances in the declaration order of a Java enum whose ids never change
 * meaning, only names (EOS→A at 12, FTM→S at 14, MATIC→POL at 16, BIT→MNT at 5, RNDR→RENDER at 38).
 * Read from bybit-exchange/merkle-proof src/main/java/com/bybit/merkle/generic/Asset*.java,
 * commit 3f0e2da (2026-07-23).
 */
const BYBIT_ASSET_IDS: Readonly<Record<string, number>> = {
  AGLA: 1,
  APT: 2,
  ATOM: 3,
  AVAX: 4,
  BIT: 5,
  MNT: 5,
  BTC: 6,
  BUSD: 7,
  DAI: 8,
  DOGE: 9,
  DOT: 10,
  DYDX: 11,
  EOS: 12,
  A: 12,
  ETH: 13,
  FTM: 14,
  S: 14,
  LTC: 15,
  MATIC: 16,
  POL: 16,
  SOL: 17,
  USDC: 18,
  USDT: 19,
  XRP: 20,
  SHIB: 21,
  OP: 22,
  SAND: 23,
  LDO: 24,
  LINK: 25,
  COMP: 26,
  UNI: 27,
  MANA: 28,
  CRV: 29,
  BLUR: 30,
  SUSHI: 31,
  PEPE: 32,
  WLD: 33,
  BEAM: 34,
  AGI: 35,
  FET: 36,
  IMX: 37,
  RNDR: 38,
  RENDER: 38,
  GALA: 39,
  APEX: 40,
  SHRAP: 41,
  USDE: 42,
  GRAM: 43,
  XAUT: 44,
  HYPE: 45,
  STABLE: 46,
  ENA: 47,
  ARB: 48,
  ASTER: 49,
  ONDO: 50,
  AAVE: 51,
  USD1: 52,
};

/** The first Bybit format: four fixed fields, with USDT and USDC kept to 4 decimals in sums. */
const LEGACY_ORDER = ['BTC', 'ETH', 'USDT', 'USDC'] as const;
const LEGACY_SCALE: Readonly<Record<string, number>> = { BTC: 8, ETH: 8, USDT: 4, USDC: 4 };

const bybitBalances = balancesRecord(decimalText);

const BybitProofSchema = v.object({
  self: v.object({
    auditId: v.optional(v.union([v.string(), v.number()])),
    userHash: smallText,
    nonce: v.optional(v.string()),
    hash: hex64,
    balance: bybitBalances,
    type: v.picklist([1, 2], problem('leaf-side')),
    height: v.optional(positiveInt),
  }),
  path: pathArray(
    v.object({
      auditId: v.optional(v.union([v.string(), v.number()])),
      hash: hex64,
      balance: bybitBalances,
      type: v.picklist([1, 2, 3, 4], problem('node-type')),
      height: positiveInt,
    }),
  ),
});

export function looksLikeBybit(file: unknown): boolean {
  const self = (file as { self?: Record<string, unknown> } | null)?.self;
  return typeof self === 'object' && self !== null && ('userHash' in self || 'balance' in self);
}

interface BybitLayout {
  variant: string;
  order: string[];
  scaleOf(asset: string): number;
}

function layoutFor(balances: ProofBalances): BybitLayout {
  const keys = Object.keys(balances);
  if (keys.length === LEGACY_ORDER.length && LEGACY_ORDER.every((asset) => keys.includes(asset))) {
    return { variant: 'bybit-btc-eth-usdt-usdc', order: [...LEGACY_ORDER], scaleOf: (asset) => LEGACY_SCALE[asset] ?? 8 };
  }
  if (keys.every((asset) => asset in BYBIT_ASSET_IDS)) {
    const order = [...keys].sort((a, b) => BYBIT_ASSET_IDS[a]! - BYBIT_ASSET_IDS[b]!);
    return { variant: 'bybit-asset-table', order, scaleOf: () => 8 };
  }
  // An asset newer than our table: Bybit writes files in its enum order, so the file's own order is the best guess.
  // A wrong guess can only make the check fail, never pass.
  return { variant: 'bybit-file-order', order: keys, scaleOf: () => 8 };
}

/** Leaf and parents as Bybit's MerkleProofValidator builds them; see docs/merkle-proofs.md. */
export async function verifyBybitProof(file: unknown, options: ProofRunOptions = {}): Promise<WalkResult> {
  const parsed = v.safeParse(BybitProofSchema, file);
  if (!parsed.success) return { ok: false, format: 'bybit', failure: schemaFailure(parsed.issues) };
  const { self, path } = parsed.output;
  const first = path[0]!;
  if (first.type === self.type) return { ok: false, format: 'bybit', step: 1, failure: { code: 'same-side' } };
  if (new Set(Object.keys(self.balance).map((asset) => BYBIT_ASSET_IDS[asset] ?? asset)).size !== Object.keys(self.balance).length) {
    return { ok: false, format: 'bybit', failure: { code: 'asset-twice' } };
  }
  const layout = layoutFor(self.balance);
  /** `node` is the 1-based path node, undefined for the leaf. */
  const toSums = (balances: ProofBalances, node: number | undefined): AssetSums | ProofFailure => {
    const sums: [string, Decimal][] = [];
    for (const asset of layout.order) {
      const amount = balances[asset];
      if (amount === undefined) return node === undefined ? { code: 'leaf-missing-balance', asset } : { code: 'node-missing-balance', node, asset };
      sums.push([asset, parseDecimal(amount)!]);
    }
    if (Object.keys(balances).length !== layout.order.length) return node === undefined ? { code: 'leaf-extra-assets' } : { code: 'node-extra-assets', node };
    return sums;
  };
  const siblings = [];
  for (const [i, node] of path.slice(0, -1).entries()) {
    const sums = toSums(node.balance, i + 1);
    if ('code' in sums) return { ok: false, format: 'bybit', step: i + 1, failure: sums };
    const side: 'left' | 'right' = i === 0 ? (self.type === 1 ? 'right' : 'left') : node.type === 1 ? 'left' : 'right';
    siblings.push({ hash: node.hash, balances: node.balance, sums, side });
  }
  const leafSums = toSums(self.balance, undefined);
  if ('code' in leafSums) return { ok: false, format: 'bybit', failure: leafSums };
  const root = path[path.length - 1]!;
  const format = (sums: AssetSums): ProofBalances => Object.fromEntries(sums.map(([asset, amount]) => [asset, formatFixed(amount)]));
  return walkMerkleSumPath(
    {
      format: 'bybit',
      variant: layout.variant,
      ...(self.auditId === undefined ? {} : { snapshotId: String(self.auditId) }),
      // The leaf hashes the balances as written; only sums are re-formatted.
      leafPreimage: `${self.userHash}${layout.order.map((asset) => self.balance[asset]).join('')}`,
      leafHash: self.hash,
      leafSums,
      leafBalances: { ...self.balance },
      siblings,
      root: { hash: root.hash, balances: root.balance, height: root.height },
      hashLength: 64,
      heightAt: (index) => index + 1,
      add: (a, b) => addSameAssets(a, b, (asset, x, y) => truncateDecimal(addDecimal(x, y), layout.scaleOf(asset))),
      formatSums: format,
      parentPreimage: (left, right, sums, height) => `${left}${right}${sums.map(([, amount]) => formatFixed(amount)).join('')}${height}`,
      rootBalancesMatch: (computed, written) => Object.keys(written).length === computed.length && computed.every(([asset, amount]) => written[asset] === formatFixed(amount)),
    },
    options,
  );
}
