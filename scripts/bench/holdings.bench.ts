/**
 * Watched-address balances: RPC requests `readAddressBalances` sends for N addresses × M tokens
 * (natives, balances and each token's decimals in Multicall3 requests, plus eth_chainId and
 * eth_blockNumber) against a naive reader that sends one request per balance, both on the same
 * local anvil chain (spawned and stopped here) in the same run, with the answers compared.
 */
import { createPublicClient, createTestClient, erc20Abi, formatUnits, http, type Address } from 'viem';
import { deployMulticall3, deployTestToken, setTestTokenBalance, startAnvil } from '../../lib/chain/test-anvil';
import { readAddressBalances } from '../../lib/holdings/read-address-balances';
import type { BenchReport, BenchRow } from './report';

const SHAPES: readonly (readonly [addresses: number, tokens: number])[] = [
  [1, 4],
  [5, 4],
  [20, 4],
  [50, 8],
  [200, 4],
];
const ANVIL_CHAIN_ID = 31337;

function address(seed: number): Address {
  return `0x${seed.toString(16).padStart(40, '0')}` as Address;
}

/** One request per balance: eth_getBalance for natives, eth_call balanceOf for tokens, at one block. */
async function naiveRead(url: string, holders: Address[], tokens: Address[]) {
  let requests = 0;
  const client = createPublicClient({ transport: http(url, { retryCount: 0, onFetchRequest: () => void (requests += 1) }) });
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  requests = 0; // count balance reads only: the naive figure is one per balance
  const amounts: string[] = [];
  for (const holder of holders) {
    amounts.push(formatUnits(await client.getBalance({ address: holder, blockNumber }), 18));
    for (const token of tokens) {
      amounts.push(formatUnits(await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder], blockNumber }), 6));
    }
  }
  return { requests, amounts };
}

export async function bench(): Promise<BenchReport> {
  const chain = await startAnvil();
  try {
    await deployMulticall3(chain.url);
    const test = createTestClient({ mode: 'anvil', transport: http(chain.url) });
    const maxAddresses = Math.max(...SHAPES.map(([n]) => n));
    const maxTokens = Math.max(...SHAPES.map(([, m]) => m));
    const holders = Array.from({ length: maxAddresses }, (_, i) => address(0x20000 + i));
    const tokens = Array.from({ length: maxTokens }, (_, i) => address(0xb0000 + i));
    for (const token of tokens) await deployTestToken(chain.url, token, 6);
    for (const [i, holder] of holders.entries()) {
      await test.setBalance({ address: holder, value: BigInt(i + 1) * 10n ** 16n });
      for (const [j, token] of tokens.entries()) await setTestTokenBalance(chain.url, token, holder, BigInt((i + 1) * (j + 1)) * 10_000n);
    }
    await test.mine({ blocks: 1 });

    const rows: BenchRow[] = [];
    let allAgree = true;
    let worstRatio = Number.POSITIVE_INFINITY;
    for (const [n, m] of SHAPES) {
      const someHolders = holders.slice(0, n);
      const someTokens = tokens.slice(0, m);
      // Decimals are not given: they are read on-chain in the same requests, as in the extension.
      const tokenParams = someTokens.map((token, i) => ({ symbol: `T${i}`, address: token }));
      let start = performance.now();
      const result = await readAddressBalances({ rpcUrl: chain.url, chainId: ANVIL_CHAIN_ID, addresses: someHolders, tokens: tokenParams });
      const multicallMs = performance.now() - start;
      start = performance.now();
      const naive = await naiveRead(chain.url, someHolders, someTokens);
      const naiveMs = performance.now() - start;
      const agree = result.complete && result.balances.length === naive.amounts.length && result.balances.every((balance, i) => Number(balance.amount) === Number(naive.amounts[i]));
      allAgree &&= agree;
      const ratio = naive.requests / result.rpcRequests;
      worstRatio = Math.min(worstRatio, ratio);
      rows.push({
        name: `${n} addresses × (native + ${m} tokens) = ${n * (m + 1)} balances`,
        value: `${result.rpcRequests} calls vs ${naive.requests} naive (${ratio.toFixed(1)}x fewer; ${multicallMs.toFixed(0)} ms vs ${naiveMs.toFixed(0)} ms)${agree ? '' : ' — ANSWERS DIFFER'}`,
      });
      if (naive.requests !== result.naiveRequests) allAgree = false;
    }
    rows.push({ name: 'fewest requests saved over the shapes above (naive ÷ multicall)', value: `${worstRatio.toFixed(1)}x`, goal: '≥ 1.5x even for one address', met: worstRatio >= 1.5 });
    rows.push({ name: 'same balances both ways, naive count as reported', value: allAgree ? 'yes' : 'NO', goal: 'yes', met: allAgree });
    return { title: 'Watched-address balances (readAddressBalances vs one request per balance, local anvil)', rows };
  } finally {
    await chain.stop();
  }
}
