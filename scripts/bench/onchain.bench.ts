/**
 * On-chain reserve check: RPC requests and wall time of `checkReserves` (Multicall3, one
 * pinned block) against the naive reader (one eth_getBalance / eth_call per balance), both on
 * the same local anvil chain in the same run.
 */
import { createPublicClient, createTestClient, erc20Abi, http, type Address } from 'viem';
import { checkReserves } from '../../lib/chain/reserves-check';
import { deployMulticall3, deployTestToken, setTestTokenBalance, startAnvil } from '../../lib/chain/test-anvil';
import type { BenchReport } from './report';

const ADDRESSES = 50;
const TOKENS = 4;
const ROUNDS = 5;

function address(seed: number): Address {
  return `0x${seed.toString(16).padStart(40, '0')}` as Address;
}

/** What a reader without Multicall3 does: one request per balance. */
async function naiveTotals(url: string, holders: Address[], tokens: Address[]) {
  let requests = 0;
  const client = createPublicClient({ transport: http(url, { retryCount: 0, onFetchRequest: () => void (requests += 1) }) });
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  let native = 0n;
  const sums = tokens.map(() => 0n);
  for (const holder of holders) {
    native += await client.getBalance({ address: holder, blockNumber });
    for (const [i, token] of tokens.entries()) {
      sums[i]! += await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder], blockNumber });
    }
  }
  return { requests, native, sums };
}

export async function bench(): Promise<BenchReport> {
  const chain = await startAnvil();
  try {
    await deployMulticall3(chain.url);
    const test = createTestClient({ mode: 'anvil', transport: http(chain.url) });
    const holders = Array.from({ length: ADDRESSES }, (_, i) => address(0x10000 + i));
    const tokens = Array.from({ length: TOKENS }, (_, i) => address(0xa0000 + i));
    for (const token of tokens) await deployTestToken(chain.url, token, 6);
    for (const [i, holder] of holders.entries()) {
      await test.setBalance({ address: holder, value: BigInt(i + 1) * 10n ** 18n });
      for (const token of tokens) await setTestTokenBalance(chain.url, token, holder, BigInt(i + 1) * 1_000_000n);
    }
    await test.mine({ blocks: 1 });

    const tokenParams = tokens.map((token, i) => ({ symbol: `T${i}`, address: token, decimals: 6 }));
    // Warm both paths once (module loading, anvil caches), then time several rounds of each.
    await checkReserves({ rpcUrl: chain.url, addresses: holders, tokens: tokenParams });
    await naiveTotals(chain.url, holders, tokens);

    let multicallMs = 0;
    let naiveMs = 0;
    let multicallRequests = 0;
    let naiveRequests = 0;
    let agree = true;
    for (let round = 0; round < ROUNDS; round++) {
      let start = performance.now();
      const result = await checkReserves({ rpcUrl: chain.url, addresses: holders, tokens: tokenParams });
      multicallMs += performance.now() - start;
      multicallRequests = result.rpcRequests;
      start = performance.now();
      const naive = await naiveTotals(chain.url, holders, tokens);
      naiveMs += performance.now() - start;
      naiveRequests = naive.requests;
      agree &&= result.complete && result.totals.ETH === String(naive.native / 10n ** 18n) && tokens.every((_, i) => result.totals[`T${i}`] === String(naive.sums[i]! / 1_000_000n));
    }
    const balances = ADDRESSES * (TOKENS + 1);
    return {
      title: `On-chain reserve check (${ADDRESSES} addresses × (native + ${TOKENS} tokens) = ${balances} balances, local anvil)`,
      rows: [
        { name: 'RPC requests, multicall (incl. eth_blockNumber)', value: `${multicallRequests} calls` },
        { name: 'RPC requests, naive (one per balance, incl. eth_blockNumber)', value: `${naiveRequests} calls` },
        { name: 'requests saved (naive ÷ multicall)', value: `${(naiveRequests / multicallRequests).toFixed(1)}x`, goal: '≥ 20x', met: naiveRequests / multicallRequests >= 20 },
        { name: 'wall time, multicall (mean of 5)', value: `${(multicallMs / ROUNDS).toFixed(1)} ms` },
        { name: 'wall time, naive (mean of 5)', value: `${(naiveMs / ROUNDS).toFixed(1)} ms` },
        { name: 'speed-up (naive ÷ multicall wall time)', value: `${(naiveMs / multicallMs).toFixed(1)}x`, goal: '≥ 5x', met: naiveMs / multicallMs >= 5 },
        { name: 'same totals both ways', value: agree ? 'yes' : 'NO', goal: 'yes', met: agree },
      ],
    };
  } finally {
    await chain.stop();
  }
}
