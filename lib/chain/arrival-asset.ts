import { createPublicClient, erc20Abi, http, type Address } from 'viem';
import { holdingTokensFor } from '../holdings/holding-tokens';
import { pause, type ArrivalErrorCode } from './arrival';
import { rpcUrlProblem } from './rpc-url';

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
  /** When given, the endpoint must report this chain id: the same contract address on another chain is another contract. */
  chainId?: number | undefined;
  address: Address;
  timeoutMs?: number;
}

export type ReadTokenDecimalsReturnType = { decimals: number; error: null } | { decimals: null; error: ArrivalErrorCode };

/** The token's own `decimals()`, read rather than typed in; a failure comes back as the code the guide words. Never throws. */
export async function readTokenDecimals({ rpcUrl, chainId, address, timeoutMs = 10_000 }: ReadTokenDecimalsParameters): Promise<ReadTokenDecimalsReturnType> {
  if (rpcUrlProblem(rpcUrl) !== undefined) return { decimals: null, error: 'bad-rpc-url' };
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: timeoutMs }) });
  let served: number;
  try {
    served = await client.getChainId();
  } catch {
    return { decimals: null, error: 'rpc-unreachable' };
  }
  if (chainId !== undefined && served !== chainId) return { decimals: null, error: 'wrong-chain' };
  try {
    const decimals = await client.readContract({ address, abi: erc20Abi, functionName: 'decimals' });
    if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 36) return { decimals, error: null };
  } catch {
    // Not a token here (no code, a revert): the same answer as a nonsensical value.
  }
  return { decimals: null, error: 'bad-token' };
}

export interface WaitForTokenDecimalsParameters extends ReadTokenDecimalsParameters {
  /** Time between tries. */
  pollMs: number;
  signal?: AbortSignal;
  /** Each failed try, with its reason. */
  onError?: (code: ArrivalErrorCode) => void;
}

/** Reads the decimals again every `pollMs` until it succeeds; undefined only when `signal` aborts first. Never rejects. */
export async function waitForTokenDecimals({ pollMs, signal, onError, ...read }: WaitForTokenDecimalsParameters): Promise<number | undefined> {
  while (!signal?.aborted) {
    const result = await readTokenDecimals(read);
    if (signal?.aborted) break;
    if (result.error === null) return result.decimals;
    onError?.(result.error);
    await pause(pollMs, signal);
  }
  return undefined;
}
