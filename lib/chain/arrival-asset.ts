import { createPublicClient, erc20Abi, http, type Address } from 'viem';
import { holdingTokensFor } from '../holdings/holding-tokens';

export interface ArrivalAssetParameters {
  chainId: number;
  nativeAsset: string;
  asset: string;
}

/** What to watch for a test withdrawal of `asset` on an EVM chain; undefined when we have no sourced contract for it. */
export type ArrivalAssetReturnType = { kind: 'native' } | { kind: 'token'; address: Address; source: string } | undefined;

/**
 * The native coin, or the ERC-20 contract from the sourced token table. A token we have no
 * contract for is not guessed at: the guide falls back to the explorer link.
 */
export function arrivalAsset({ chainId, nativeAsset, asset }: ArrivalAssetParameters): ArrivalAssetReturnType {
  if (asset === nativeAsset) return { kind: 'native' };
  const token = holdingTokensFor(chainId).find((candidate) => candidate.symbol === asset);
  return token === undefined ? undefined : { kind: 'token', address: token.address, source: token.source };
}

export interface ReadTokenDecimalsParameters {
  rpcUrl: string;
  address: Address;
  timeoutMs?: number;
}

/** The token's own `decimals()`, read rather than typed in; undefined when the read fails. Never throws. */
export async function readTokenDecimals({ rpcUrl, address, timeoutMs = 10_000 }: ReadTokenDecimalsParameters): Promise<number | undefined> {
  try {
    const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: timeoutMs }) });
    const decimals = await client.readContract({ address, abi: erc20Abi, functionName: 'decimals' });
    return Number.isInteger(decimals) && decimals >= 0 && decimals <= 36 ? decimals : undefined;
  } catch {
    return undefined;
  }
}
