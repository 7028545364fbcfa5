import { createPublicClient, erc20Abi, formatUnits, getAddress, http, isAddress, type PublicClient } from 'viem';
import { BaseError } from '../errors';
import { rpcUrlProblem } from './rpc-url';

/**
 * "Did my withdrawal arrive?" for EVM networks: read the receiving address's balance (native
 * coin or one ERC-20) and report when it rises above the balance seen before the withdrawal.
 * Only public reads; nothing about the user leaves the device except the address being
 * watched, sent to the RPC endpoint the user or the network table chose.
 */

export type ArrivalErrorCode = 'bad-address' | 'bad-token' | 'bad-baseline' | 'bad-rpc-url' | 'rpc-unreachable' | 'wrong-chain' | 'read-failed';

/** viem-style error: the code is what the guide words (lib/words/guide-text.ts, ARRIVAL_ERROR), `details` for logs. */
export class ArrivalError extends BaseError {
  override name = 'ArrivalError';
  readonly code: ArrivalErrorCode;

  constructor(code: ArrivalErrorCode, details?: string) {
    super(`balance check failed: ${code}`, details);
    this.code = code;
  }
}

export interface ArrivalToken {
  address: string;
  decimals: number;
}

export interface CheckArrivalParameters {
  rpcUrl: string;
  /** When given, the endpoint must report this chain id, so a mis-set RPC cannot fake an arrival. */
  chainId?: number | undefined;
  address: string;
  /** ERC-20 to watch; the native coin when omitted. */
  token?: ArrivalToken;
  /** Balance before the withdrawal, in base units (wei, token units) as a decimal string. */
  baseline: string;
  /** Decimals for formatting the native coin (18 on every EVM network in the table). */
  nativeDecimals?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** JSON-serialisable so the background can hand it to a page as is. Amounts are base-unit decimal strings. */
export interface ArrivalUpdate {
  status: 'waiting' | 'arrived' | 'error';
  baseline: string;
  balance: string | null;
  /** balance − baseline when positive, else "0". */
  increase: string;
  /** `increase` in whole units ("0.5"). */
  formattedIncrease: string;
  blockNumber: string | null;
  checkedAt: string;
  error: { code: ArrivalErrorCode } | null;
}

const clients = new Map<string, PublicClient>();

function clientFor(rpcUrl: string, timeoutMs: number): PublicClient {
  const key = `${rpcUrl}|${timeoutMs}`;
  let client = clients.get(key);
  if (client === undefined) {
    // No retries: the watcher polls again anyway, and a fast failure keeps the UI honest.
    client = createPublicClient({ transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 0 }) });
    clients.set(key, client);
  }
  return client;
}

function parseBaseUnits(value: string): bigint | undefined {
  return /^\d{1,78}$/.test(value) ? BigInt(value) : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as Error & { shortMessage?: string }).shortMessage ?? error.message;
  return String(error);
}

interface BalanceReading {
  balance: bigint;
  blockNumber: bigint;
}

export interface ReadBalanceParameters {
  rpcUrl: string;
  chainId?: number | undefined;
  address: string;
  token?: ArrivalToken;
  timeoutMs?: number;
}

/** Reads the current balance at one block. Throws `ArrivalError` (callers below turn it into a value). */
export async function readBalance({ rpcUrl, chainId, address, token, timeoutMs = 10_000 }: ReadBalanceParameters): Promise<BalanceReading> {
  // Strict: a mixed-case address with a wrong checksum is a typo, not something to watch.
  if (!isAddress(address)) throw new ArrivalError('bad-address');
  if (token !== undefined && (!isAddress(token.address) || !Number.isInteger(token.decimals) || token.decimals < 0 || token.decimals > 255)) {
    throw new ArrivalError('bad-token');
  }
  if (rpcUrlProblem(rpcUrl) !== undefined) throw new ArrivalError('bad-rpc-url');
  const owner = getAddress(address);
  const client = clientFor(rpcUrl, timeoutMs);
  let blockNumber: bigint;
  try {
    blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  } catch (error) {
    throw new ArrivalError('rpc-unreachable', describe(error));
  }
  if (chainId !== undefined) {
    const actual = await client.getChainId().catch((error: unknown) => {
      throw new ArrivalError('rpc-unreachable', describe(error));
    });
    if (actual !== chainId) {
      throw new ArrivalError('wrong-chain', `served chain ${actual}, wanted chain ${chainId}`);
    }
  }
  try {
    // Read at the block we just saw so balance and block number belong together.
    const balance =
      token === undefined
        ? await client.getBalance({ address: owner, blockNumber })
        : await client.readContract({ address: getAddress(token.address), abi: erc20Abi, functionName: 'balanceOf', args: [owner], blockNumber });
    return { balance, blockNumber };
  } catch (error) {
    throw new ArrivalError('read-failed', describe(error));
  }
}

function update(status: ArrivalUpdate['status'], baseline: bigint, decimals: number, reading: BalanceReading | null, error: ArrivalError | null): ArrivalUpdate {
  const increase = reading !== null && reading.balance > baseline ? reading.balance - baseline : 0n;
  return {
    status,
    baseline: baseline.toString(),
    balance: reading === null ? null : reading.balance.toString(),
    increase: increase.toString(),
    formattedIncrease: formatUnits(increase, decimals),
    blockNumber: reading === null ? null : reading.blockNumber.toString(),
    checkedAt: new Date().toISOString(),
    error: error === null ? null : { code: error.code },
  };
}

/** One check: has the balance risen above `baseline`? Never throws; problems come back as `status: 'error'`. */
export async function checkArrival(parameters: CheckArrivalParameters): Promise<ArrivalUpdate> {
  const decimals = parameters.token?.decimals ?? parameters.nativeDecimals ?? 18;
  const baseline = parseBaseUnits(parameters.baseline);
  if (baseline === undefined) {
    return update('error', 0n, Number.isInteger(decimals) ? decimals : 18, null, new ArrivalError('bad-baseline'));
  }
  try {
    const reading = await readBalance(parameters);
    return update(reading.balance > baseline ? 'arrived' : 'waiting', baseline, decimals, reading, null);
  } catch (error) {
    const arrivalError = error instanceof ArrivalError ? error : new ArrivalError('read-failed', describe(error));
    return update('error', baseline, Number.isInteger(decimals) && decimals >= 0 ? decimals : 18, null, arrivalError);
  }
}

export interface WatchArrivalParameters extends CheckArrivalParameters {
  /** Time between checks. */
  pollMs?: number;
  signal?: AbortSignal;
  onUpdate?: (update: ArrivalUpdate) => void;
}

export type WatchArrivalReturnType = { status: 'arrived'; update: ArrivalUpdate } | { status: 'aborted'; update: ArrivalUpdate | null };

/** Waits `ms`, or less when `signal` aborts. Never rejects. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function pollInterval(pollMs: number | undefined): number {
  return pollMs !== undefined && Number.isFinite(pollMs) && pollMs > 0 ? pollMs : 15_000;
}

/**
 * Polls until the balance rises above the baseline or `signal` aborts. The baseline is
 * required: a read taken after the withdrawal was sent may already hold it, and would make
 * the watch wait for good. Transient RPC failures are reported through `onUpdate` and polling
 * goes on; the promise only settles on arrival or abort, and never rejects.
 */
export async function watchArrival({ pollMs, signal, onUpdate, ...check }: WatchArrivalParameters): Promise<WatchArrivalReturnType> {
  let last: ArrivalUpdate | null = null;
  while (!signal?.aborted) {
    last = await checkArrival(check);
    if (signal?.aborted) break;
    onUpdate?.(last);
    if (last.status === 'arrived') return { status: 'arrived', update: last };
    await pause(pollInterval(pollMs), signal);
  }
  return { status: 'aborted', update: last };
}

export interface WatchBalanceParameters extends Omit<CheckArrivalParameters, 'baseline'> {
  /** Time between reads, also after a failed one. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Each read: `status: 'waiting'` with `baseline` = `balance`, or `status: 'error'`. */
  onUpdate: (update: ArrivalUpdate) => void;
}

/**
 * Before a withdrawal: reads the balance every `pollMs` until `signal` aborts, so the
 * baseline an arrival is measured from is never older than one interval and a failed read
 * is tried again. Settles only on abort; never rejects.
 */
export async function watchBalance({ pollMs, signal, onUpdate, ...read }: WatchBalanceParameters): Promise<void> {
  while (!signal?.aborted) {
    const reading = await checkArrival({ ...read, baseline: '0' });
    if (signal?.aborted) break;
    onUpdate(reading.status === 'error' || reading.balance === null ? reading : { ...reading, status: 'waiting', baseline: reading.balance, increase: '0', formattedIncrease: '0' });
    await pause(pollInterval(pollMs), signal);
  }
}
