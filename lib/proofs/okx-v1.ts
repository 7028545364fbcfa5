import * as v from 'valibot';
import { addDecimal, formatTrimmed, parseDecimal, truncateDecimal, type Decimal } from './decimal';
import { addSameAssets, walkMerkleSumPath, type AssetSums, type SumMismatch, type WalkResult } from './merkle-sum';
import { decimalText, hex64, pathArray, positiveInt, problem, schemaFailure, smallText } from './schema';
import type { ProofBalances, ProofRunOptions } from './types';

/** OKX v1 hashes exactly these three, in this order (docs/merkle-proofs.md). */
const OKX_ASSETS = ['BTC', 'ETH', 'USDT'] as const;

const okxBalances = v.strictObject({ BTC: decimalText, ETH: decimalText, USDT: decimalText }, problem('okx-balances'));

const OkxV1ProofSchema = v.object({
  self: v.object({
    auditId: v.optional(v.union([v.string(), v.number()])),
    nonce: smallText,
    hash: hex64,
    balances: okxBalances,
    type: v.picklist([1, 2], problem('leaf-side')),
    height: v.optional(positiveInt),
  }),
  path: pathArray(
    v.object({
      auditId: v.optional(v.union([v.string(), v.number()])),
      hash: hex64,
      balances: okxBalances,
      type: v.picklist([1, 2, 3, 4], problem('node-type')),
      height: positiveInt,
    }),
  ),
});

/** Shape test used by auto-detection: `self.nonce` + `balances` (plural) is OKX's signature. */
export function looksLikeOkxV1(file: unknown): boolean {
  const self = (file as { self?: Record<string, unknown> } | null)?.self;
  return typeof self === 'object' && self !== null && 'nonce' in self && 'balances' in self && !('encryptUid' in self) && !('merkelLeaf' in self);
}

function toSums(balances: ProofBalances): AssetSums {
  return OKX_ASSETS.map((asset) => [asset, parseDecimal(balances[asset] ?? '') as Decimal] as const);
}

/** Go shopspring/decimal: sum, RoundDown(8), String() without trailing zeros. */
function addOkx(a: AssetSums, b: AssetSums): AssetSums | SumMismatch {
  return addSameAssets(a, b, (_asset, x, y) => truncateDecimal(addDecimal(x, y), 8));
}

function formatOkx(sums: AssetSums): ProofBalances {
  return Object.fromEntries(sums.map(([asset, amount]) => [asset, formatTrimmed(amount)]));
}

/** Leaf and parents as OKX's v1 MerkleValidator builds them; see docs/merkle-proofs.md. */
export async function verifyOkxV1Proof(file: unknown, options: ProofRunOptions = {}): Promise<WalkResult> {
  const parsed = v.safeParse(OkxV1ProofSchema, file);
  if (!parsed.success) return { ok: false, format: 'okx-v1', failure: schemaFailure(parsed.issues) };
  const { self, path } = parsed.output;
  const first = path[0]!;
  if (first.type === self.type) return { ok: false, format: 'okx-v1', step: 1, failure: { code: 'same-side' } };
  for (const [i, node] of path.entries()) {
    if (node.height !== i + 1) {
      return { ok: false, format: 'okx-v1', step: i + 1, failure: { code: 'node-height', node: i + 1, found: node.height, expected: i + 1 } };
    }
  }
  const root = path[path.length - 1]!;
  const siblings = path.slice(0, -1).map((node, i) => ({
    hash: node.hash,
    balances: node.balances,
    sums: toSums(node.balances),
    // The first sibling's side follows from the leaf's own type; later ones carry their own.
    side: (i === 0 ? (self.type === 1 ? 'right' : 'left') : node.type === 1 ? 'left' : 'right') as 'left' | 'right',
  }));
  const balancesJson = `{"BTC":"${self.balances.BTC}","ETH":"${self.balances.ETH}","USDT":"${self.balances.USDT}"}`;
  return walkMerkleSumPath(
    {
      format: 'okx-v1',
      variant: 'okx-v1',
      ...(self.auditId === undefined ? {} : { snapshotId: String(self.auditId) }),
      leafPreimage: `${self.nonce}${balancesJson}`,
      leafHash: self.hash,
      leafSums: toSums(self.balances),
      leafBalances: { ...self.balances },
      siblings,
      root: { hash: root.hash, balances: root.balances, height: root.height },
      hashLength: 64,
      heightAt: (index) => index + 1,
      add: addOkx,
      formatSums: formatOkx,
      parentPreimage: (left, right, sums, height) => `${left}${right}${sums.map(([, amount]) => formatTrimmed(amount)).join('')}${height}`,
      rootBalancesMatch: (computed, written) => computed.every(([asset, amount]) => written[asset] === formatTrimmed(amount)),
    },
    options,
  );
}
