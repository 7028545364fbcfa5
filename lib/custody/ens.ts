import { createPublicClient, http } from 'viem';
import { mainnet } from 'viem/chains';
import { getEnsAddress, normalize } from 'viem/ens';
import { rpcUrlProblem } from '../chain/rpc-url';

/**
 * ENS names live on Ethereum mainnet, whatever network the withdrawal uses. Resolving one
 * sends the name to the RPC endpoint, so the UI calls this only when the user asks, and
 * always shows the resolved 0x address for comparison with the wallet screen.
 *
 * The endpoint must say it serves chain 1 (as the reserve check and the arrival check
 * require): the same registry contracts on a test network or a fork can point a name anywhere.
 * Offchain lookups (CCIP-Read, EIP-3668) are off: a resolver could otherwise send the name,
 * and the user's address, to any gateway URL it names, and have that gateway's answer taken.
 */

export type ResolveEnsNameErrorCode = 'bad-name' | 'not-found' | 'wrong-chain' | 'resolve-failed';

export interface ResolveEnsNameParameters {
  name: string;
  /** An Ethereum mainnet JSON-RPC endpoint. */
  rpcUrl: string;
  timeoutMs?: number;
}

export interface ResolveEnsNameReturnType {
  /** The normalised name that was looked up (ENSIP-15), or the input when it could not be normalised. */
  name: string;
  /** Checksummed address, or null when the name does not resolve. */
  address: string | null;
  /** What went wrong, as a code the guide words (`ens…` messages). */
  error: { code: ResolveEnsNameErrorCode } | null;
}

/** Looks up the address an ENS name points to. Never throws. */
export async function resolveEnsName({ name, rpcUrl, timeoutMs = 10_000 }: ResolveEnsNameParameters): Promise<ResolveEnsNameReturnType> {
  let normalized: string;
  try {
    normalized = normalize(name.trim());
  } catch {
    return { name, address: null, error: { code: 'bad-name' } };
  }
  if (!normalized.endsWith('.eth')) return { name: normalized, address: null, error: { code: 'bad-name' } };
  // Callers pass only usable endpoints; checked here too, so a name never travels unencrypted to another computer.
  if (rpcUrlProblem(rpcUrl) !== undefined) return { name: normalized, address: null, error: { code: 'resolve-failed' } };
  try {
    const client = createPublicClient({ chain: mainnet, transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 0 }), ccipRead: false });
    const chainId = await client.getChainId();
    if (chainId !== mainnet.id) {
      return { name: normalized, address: null, error: { code: 'wrong-chain' } };
    }
    const address = await getEnsAddress(client, { name: normalized });
    if (address === null) return { name: normalized, address: null, error: { code: 'not-found' } };
    return { name: normalized, address, error: null };
  } catch {
    return { name: normalized, address: null, error: { code: 'resolve-failed' } };
  }
}
