import { createPublicClient, erc20Abi, formatUnits, getAddress, http, isAddress, multicall3Abi, parseUnits, type Address, type ContractFunctionParameters, type PublicClient } from 'viem';
import { MULTICALL3_ADDRESS } from './reserve-addresses';
import { balanceFailure, balanceFailureLog, type CallAnswer, errorNames, keptAnswer, type ReserveBalanceFailure } from './balance-failure';
import { BaseError } from '../errors';
import { rpcUrlProblem } from './rpc-url';

/**
 * "Don't trust, verify" for reserves: read what published exchange wallets hold right now on an
 * EVM chain, through an RPC endpoint the user chose, and set it beside the exchange's own figure
 * and DefiLlama's. Natives and ERC-20s are all read through Multicall3 (`getEthBalance` for
 * natives), pinned to one block, so N addresses × M tokens cost a handful of requests.
 */

export type ReserveCheckErrorCode = 'bad-input' | 'bad-rpc-url' | 'rpc-unreachable' | 'rpc-timeout' | 'rpc-error' | 'wrong-chain' | 'no-multicall' | 'cancelled';

/** Why a reserve check stopped, as a code and figures; lib/words/reserve-check-failure.ts words it for the verify page. */
export type ReserveCheckFailure =
  | { code: 'cancelled' | 'rpc-timeout' | 'rpc-unreachable' | 'rpc-error' }
  | { code: 'no-multicall'; contract: string }
  | { code: 'bad-rpc-url'; problem: 'not-a-url' | 'scheme' }
  | { code: 'bad-input'; problem: 'address'; address: string }
  | { code: 'bad-input'; problem: 'token'; symbol: string; address: string }
  | { code: 'bad-input'; problem: 'no-addresses' }
  | { code: 'bad-input'; problem: 'too-many'; max: number }
  | { code: 'wrong-chain'; served: number; wanted: number };

/** viem-style error: the code for programs, `details` (the RPC's own account) for logs; the words are the page's. */
export class ReserveCheckError extends BaseError {
  override name = 'ReserveCheckError';
  readonly code: ReserveCheckErrorCode;
  readonly failure: ReserveCheckFailure;

  constructor(failure: ReserveCheckFailure, details?: string) {
    super(`reserve check failed: ${failure.code}`, details);
    this.code = failure.code;
    this.failure = failure;
  }

  /** What a result carries: plain data a page can store or post. */
  toJSON(): ReserveCheckErrorData {
    return { code: this.code, failure: this.failure, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export interface ReserveCheckErrorData {
  code: ReserveCheckErrorCode;
  failure: ReserveCheckFailure;
  details?: string;
}

export interface ReserveCheckToken {
  symbol: string;
  address: string;
  /** Read on-chain with `decimals()` when omitted. */
  decimals?: number;
}

/** A figure to compare with, per asset symbol, in whole units (e.g. `"1234.5"` ETH). */
export interface ReserveFigure {
  amounts: Record<string, string>;
  source: string;
  /** The date the figure describes; absent when nobody said (a figure the user typed): never today's date in its place. */
  date?: string;
}

/** The figures the user typed from the exchange's report: they came with no date, so they carry none. */
export function enteredFigure(amounts: Record<string, string>): ReserveFigure {
  return { amounts, source: 'entered by the user' };
}

export interface ReserveCheckProgress {
  /** Balance reads finished (successfully or not). */
  done: number;
  total: number;
}

export interface CheckReservesParameters {
  rpcUrl: string;
  /** When given, the endpoint must report this chain id. */
  chainId?: number;
  addresses: readonly string[];
  tokens?: readonly ReserveCheckToken[];
  /** Symbol of the chain's own coin; `ETH` when omitted. */
  nativeSymbol?: string;
  /** Pin the reads to this block; the latest block when omitted. */
  blockNumber?: bigint;
  /** Reads per Multicall3 request. */
  callsPerRequest?: number;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  published?: ReserveFigure;
  defillama?: ReserveFigure;
  onProgress?: (progress: ReserveCheckProgress) => void;
  signal?: AbortSignal;
}

export interface ReserveBalance {
  address: Address;
  symbol: string;
  /** The token contract; absent for the native coin. */
  token?: Address;
  /** Base units (wei) as a decimal string; absent when the read failed. */
  raw?: string;
  /** Whole units as a decimal string. */
  amount?: string;
  /** Why `amount` is absent, for the page to word; `error` says it in English, for logs. */
  failure?: ReserveBalanceFailure;
  error?: string;
}

export interface ReserveComparison {
  symbol: string;
  onChain: string;
  /** Reads for this asset that failed: the on-chain figure is then a lower bound. */
  missingReads: number;
  published?: string;
  /** onChain − published, in whole units. */
  publishedDifference?: string;
  /** (onChain − published) / published, in percent with two decimals. */
  publishedDifferencePercent?: string;
  /**
   * The token's smallest unit (0.00000001 for 8 decimals), present when the difference is not zero but smaller than it:
   * the figure has more decimals than the token, and the chain could hold no amount between the two.
   */
  publishedBelowUnit?: string;
  defillama?: string;
  defillamaDifference?: string;
  defillamaDifferencePercent?: string;
  /** As `publishedBelowUnit`, for DefiLlama's figure. */
  defillamaBelowUnit?: string;
}

export interface CheckReservesReturnType {
  /** True when every read answered; false means totals are lower bounds or missing. */
  complete: boolean;
  chainId?: number;
  /** The block all reads were made at, as a decimal string. */
  blockNumber?: string;
  balances: ReserveBalance[];
  totals: Record<string, string>;
  comparisons: ReserveComparison[];
  /** HTTP requests made to the RPC endpoint. */
  rpcRequests: number;
  /** Balances a one-request-per-balance reader would need (eth_getBalance / eth_call each). */
  naiveRequests: number;
  error?: ReserveCheckErrorData;
  /** The figures compared with, amounts included: an asset given a figure but left without a total is named on the page. */
  published?: ReserveFigure;
  defillama?: ReserveFigure;
}

/** A copy of a figure, for the result; an undated figure stays undated. */
function figureCopy({ amounts, source, date }: ReserveFigure): ReserveFigure {
  return date === undefined ? { amounts: { ...amounts }, source } : { amounts: { ...amounts }, source, date };
}

const DEFAULT_CALLS_PER_REQUEST = 400;
const MAX_READS = 20_000;

/** Errors viem builds for one failed call inside a successful Multicall3 request. */
const PER_CALL_ERRORS = new Set(['ContractFunctionRevertedError', 'AbiDecodingZeroDataError', 'RawContractError']);

/** Turns whatever viem or fetch threw into one plain-words error. */
export function toReserveCheckError(error: unknown, signal?: AbortSignal): ReserveCheckError {
  if (error instanceof ReserveCheckError) return error;
  if (signal?.aborted) return new ReserveCheckError({ code: 'cancelled' });
  const details = error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error);
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? `${error.message} ${String((error as { details?: string }).details ?? '')}` : details;
  if (name === 'TimeoutError' || /timed out|timeout/i.test(text)) {
    return new ReserveCheckError({ code: 'rpc-timeout' }, details);
  }
  if (/returned no data|is not a contract|zero data/i.test(text)) {
    return new ReserveCheckError({ code: 'no-multicall', contract: MULTICALL3_ADDRESS }, details);
  }
  if (name === 'HttpRequestError' || /fetch failed|ECONNREFUSED|ENOTFOUND|network/i.test(text)) {
    return new ReserveCheckError({ code: 'rpc-unreachable' }, details);
  }
  return new ReserveCheckError({ code: 'rpc-error' }, details);
}

function percent(difference: bigint, base: bigint): string | undefined {
  if (base === 0n) return undefined;
  // Two decimals, rounded toward zero, from exact integers.
  const basisPoints = (difference * 10_000n) / base;
  return formatUnits(basisPoints, 2);
}

function compare(symbol: string, onChain: bigint, decimals: number, missingReads: number, published?: ReserveFigure, defillama?: ReserveFigure): ReserveComparison {
  const out: ReserveComparison = { symbol, onChain: formatUnits(onChain, decimals), missingReads };
  for (const [key, figure] of [
    ['published', published],
    ['defillama', defillama],
  ] as const) {
    const text = figure?.amounts[symbol];
    if (text === undefined) continue;
    // Compared at the finer of the token's decimals and the figure's own: a figure with more decimals than the
    // token has is compared as given, never rounded to the token's (parseUnits would round 1.1234567 to 1.123457).
    const scale = Math.max(decimals, text.split('.')[1]?.length ?? 0);
    let value: bigint;
    try {
      value = parseUnits(text, scale);
    } catch {
      continue;
    }
    const difference = onChain * 10n ** BigInt(scale - decimals) - value;
    out[key] = formatUnits(value, scale);
    out[`${key}Difference`] = formatUnits(difference, scale);
    const pct = percent(difference, value);
    if (pct !== undefined) out[`${key}DifferencePercent`] = pct;
    const unit = 10n ** BigInt(scale - decimals);
    if (difference !== 0n && difference < unit && -difference < unit) out[`${key}BelowUnit`] = formatUnits(1n, decimals);
  }
  return out;
}

interface Read {
  address: Address;
  symbol: string;
  token?: Address;
  decimalsIndex?: number;
  contract: ContractFunctionParameters;
}

/**
 * Reads the native and token balances of `addresses`, sums them per asset and compares the
 * sums with the given figures. Never rejects: failures come back as `error` (and `complete: false`)
 * with whatever was read before them.
 */
export async function checkReserves(parameters: CheckReservesParameters): Promise<CheckReservesReturnType> {
  let rpcRequests = 0;
  const tokens = parameters.tokens ?? [];
  const nativeSymbol = parameters.nativeSymbol ?? 'ETH';
  const base: CheckReservesReturnType = {
    complete: false,
    balances: [],
    totals: {},
    comparisons: [],
    rpcRequests: 0,
    naiveRequests: new Set(parameters.addresses.map((address) => address.toLowerCase())).size * (1 + new Set(tokens.map((token) => token.address.toLowerCase())).size),
    ...(parameters.published === undefined ? {} : { published: figureCopy(parameters.published) }),
    ...(parameters.defillama === undefined ? {} : { defillama: figureCopy(parameters.defillama) }),
  };
  const fail = (error: ReserveCheckError, partial: Partial<CheckReservesReturnType> = {}): CheckReservesReturnType => ({
    ...base,
    ...partial,
    complete: false,
    rpcRequests,
    error: error.toJSON(),
  });

  // Input first: nothing is sent for a list with a typo in it.
  const urlProblem = rpcUrlProblem(parameters.rpcUrl);
  if (urlProblem !== undefined) return fail(new ReserveCheckError({ code: 'bad-rpc-url', problem: urlProblem === 'not-a-url' ? 'not-a-url' : 'scheme' }));
  const url = new URL(parameters.rpcUrl);
  const badAddress = parameters.addresses.find((address) => !isAddress(address, { strict: false }));
  if (badAddress !== undefined) return fail(new ReserveCheckError({ code: 'bad-input', problem: 'address', address: badAddress }));
  const badToken = tokens.find((token) => !isAddress(token.address, { strict: false }));
  if (badToken !== undefined) return fail(new ReserveCheckError({ code: 'bad-input', problem: 'token', symbol: badToken.symbol, address: badToken.address }));
  if (parameters.addresses.length === 0) return fail(new ReserveCheckError({ code: 'bad-input', problem: 'no-addresses' }));
  if (parameters.addresses.length * (1 + tokens.length) > MAX_READS) {
    return fail(new ReserveCheckError({ code: 'bad-input', problem: 'too-many', max: MAX_READS }));
  }
  const callsPerRequest = Math.max(1, Math.floor(parameters.callsPerRequest ?? DEFAULT_CALLS_PER_REQUEST));
  if (parameters.signal?.aborted) return fail(new ReserveCheckError({ code: 'cancelled' }));

  const client: PublicClient = createPublicClient({
    transport: http(url.toString(), {
      retryCount: 0,
      timeout: parameters.timeoutMs ?? 20_000,
      ...(parameters.signal === undefined ? {} : { fetchOptions: { signal: parameters.signal } }),
      onFetchRequest: () => {
        rpcRequests += 1;
      },
    }),
  });

  let chainId: number | undefined;
  let blockNumber: bigint | undefined;
  try {
    if (parameters.chainId !== undefined) {
      chainId = await client.getChainId();
      if (chainId !== parameters.chainId) {
        return fail(new ReserveCheckError({ code: 'wrong-chain', served: chainId, wanted: parameters.chainId }), { chainId });
      }
    }
    blockNumber = parameters.blockNumber ?? (await client.getBlockNumber({ cacheTime: 0 }));
  } catch (error) {
    return fail(toReserveCheckError(error, parameters.signal), chainId === undefined ? {} : { chainId });
  }

  // A wallet listed twice must not be counted twice; the same contract listed twice neither.
  const addresses = [...new Set(parameters.addresses.map((address) => getAddress(address)))];
  const seenTokens = new Set<string>();
  const tokenList = tokens.map((token) => ({ ...token, address: getAddress(token.address) })).filter((token) => !seenTokens.has(token.address) && seenTokens.add(token.address));
  const reads: Read[] = [];
  const decimalsReads: { tokenIndex: number; contract: ContractFunctionParameters }[] = [];
  tokenList.forEach((token, tokenIndex) => {
    if (token.decimals === undefined) decimalsReads.push({ tokenIndex, contract: { address: token.address, abi: erc20Abi, functionName: 'decimals' } });
  });
  for (const address of addresses) {
    reads.push({ address, symbol: nativeSymbol, contract: { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getEthBalance', args: [address] } });
    for (const token of tokenList) {
      reads.push({ address, symbol: token.symbol, token: token.address, contract: { address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [address] } });
    }
  }

  const all: ContractFunctionParameters[] = [...decimalsReads.map((read) => read.contract), ...reads.map((read) => read.contract)];
  const results: (CallAnswer | undefined)[] = new Array(all.length).fill(undefined);
  let stopped: ReserveCheckError | undefined;
  for (let start = 0; start < all.length; start += callsPerRequest) {
    if (parameters.signal?.aborted) {
      stopped = new ReserveCheckError({ code: 'cancelled' });
      break;
    }
    const chunk = all.slice(start, start + callsPerRequest);
    try {
      const answers = await client.multicall({
        contracts: chunk,
        allowFailure: true,
        blockNumber,
        multicallAddress: MULTICALL3_ADDRESS,
        // We chunk ourselves, so progress and cancelling work between requests.
        batchSize: 0,
      });
      // With allowFailure viem reports a failed *request* as every call failing with one shared error.
      const first = answers[0];
      if (
        first !== undefined &&
        first.status === 'failure' &&
        answers.every((answer) => answer.status === 'failure' && answer.error === first.error) &&
        (answers.length > 1 || !errorNames(first.error).some((name) => PER_CALL_ERRORS.has(name)))
      ) {
        stopped = toReserveCheckError(first.error, parameters.signal);
        break;
      }
      answers.forEach((answer, i) => {
        results[start + i] = keptAnswer(answer);
      });
    } catch (error) {
      stopped = toReserveCheckError(error, parameters.signal);
      break;
    }
    parameters.onProgress?.({ done: Math.min(start + chunk.length, all.length), total: all.length });
  }

  const decimalsOf = tokenList.map((token) => token.decimals);
  decimalsReads.forEach((read, i) => {
    const answer = results[i];
    if (answer?.status === 'success' && typeof answer.result === 'number') decimalsOf[read.tokenIndex] = answer.result;
  });
  const decimalsBySymbol = new Map<string, number | undefined>([[nativeSymbol, 18]]);
  tokenList.forEach((token, i) => {
    decimalsBySymbol.set(token.symbol, decimalsOf[i]);
  });

  const sums = new Map<string, bigint>();
  const missing = new Map<string, number>();
  const balances: ReserveBalance[] = reads.map((read, i) => {
    const answer = results[decimalsReads.length + i];
    const decimals = decimalsBySymbol.get(read.symbol);
    const entry: ReserveBalance = { address: read.address, symbol: read.symbol, ...(read.token === undefined ? {} : { token: read.token }) };
    if (answer?.status === 'success' && typeof answer.result === 'bigint' && decimals !== undefined) {
      sums.set(read.symbol, (sums.get(read.symbol) ?? 0n) + answer.result);
      return { ...entry, raw: answer.result.toString(), amount: formatUnits(answer.result, decimals) };
    }
    missing.set(read.symbol, (missing.get(read.symbol) ?? 0) + 1);
    const failure = balanceFailure(answer, decimals);
    return { ...entry, failure, error: balanceFailureLog(failure, failure === 'call-failed' && answer?.status === 'failure' ? answer.error : undefined) };
  });

  const symbols = [nativeSymbol, ...new Set(tokenList.map((token) => token.symbol))];
  const totals: Record<string, string> = {};
  const comparisons: ReserveComparison[] = [];
  for (const symbol of symbols) {
    const decimals = decimalsBySymbol.get(symbol);
    const sum = sums.get(symbol);
    // Unknown stays unknown: an asset none of whose reads answered gets no total at all, not 0.
    if (decimals === undefined || sum === undefined) continue;
    totals[symbol] = formatUnits(sum, decimals);
    comparisons.push(compare(symbol, sum, decimals, missing.get(symbol) ?? 0, parameters.published, parameters.defillama));
  }

  const complete = stopped === undefined && missing.size === 0;
  return {
    ...base,
    complete,
    ...(chainId === undefined ? {} : { chainId }),
    blockNumber: blockNumber.toString(),
    balances,
    totals,
    comparisons,
    rpcRequests,
    ...(stopped === undefined ? {} : { error: stopped.toJSON() }),
  };
}
