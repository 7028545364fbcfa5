import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestClient, getAddress, http, isAddress, type Address } from 'viem';
import { deployMulticall3, deployTestToken, setTestTokenBalance, startAnvil, type LocalChain, startCountingProxy, type CountingProxy } from '../chain/test-anvil';
import { holdingChainIds, holdingTokens } from './holding-tokens';
import { readAddressBalances } from './read-address-balances';
import { custodyShares } from './valuation';

const ANVIL_CHAIN_ID = 31337;
const USDT = '0x00000000000000000000000000000000000A11cE' as Address;
const USDC = '0x0000000000000000000000000000000000000C0c' as Address;
const WBTC = '0x0000000000000000000000000000000000000B7c' as Address;
const NO_CODE = '0x0000000000000000000000000000000000000bAd' as Address;
const holders = Array.from({ length: 8 }, (_, i) => getAddress(`0x${(0x5e1f0000 + i).toString(16).padStart(40, '0')}`));
const tokens = [
  { symbol: 'USDT', address: USDT },
  { symbol: 'USDC', address: USDC },
  { symbol: 'WBTC', address: WBTC },
];

let chain: LocalChain;
let proxy: CountingProxy | undefined;

beforeAll(async () => {
  chain = await startAnvil();
  await deployMulticall3(chain.url);
  const test = createTestClient({ mode: 'anvil', transport: http(chain.url) });
  await deployTestToken(chain.url, USDT, 6);
  await deployTestToken(chain.url, USDC, 6);
  await deployTestToken(chain.url, WBTC, 8);
  for (const [i, holder] of holders.entries()) {
    await test.setBalance({ address: holder, value: BigInt(i + 1) * 10n ** 17n }); // 0.1 × (i + 1) ETH
    await setTestTokenBalance(chain.url, USDT, holder, BigInt(i + 1) * 1_500_000n); // 1.5 × (i + 1)
    await setTestTokenBalance(chain.url, USDC, holder, BigInt(i) * 1_000_000n); // holder 0 has none
    await setTestTokenBalance(chain.url, WBTC, holder, 25_000_000n); // 0.25 each
  }
  await test.mine({ blocks: 1 });
  proxy = await startCountingProxy(chain.url);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await chain?.stop();
});

describe('readAddressBalances against a local anvil chain', () => {
  it('reads 8 addresses × (native + 3 tokens) in 3 requests instead of 32, decimals included', async () => {
    proxy!.reset();
    const result = await readAddressBalances({ rpcUrl: proxy!.url, chainId: ANVIL_CHAIN_ID, addresses: holders, tokens });
    expect(result.error).toBeUndefined();
    expect(result.complete).toBe(true);
    expect(result.naiveRequests).toBe(8 * 4);
    // eth_chainId, eth_blockNumber, one Multicall3 eth_call carrying 3 decimals() + 32 balance reads.
    expect(result.rpcRequests).toBe(3);
    expect(proxy!.requests).toBe(result.rpcRequests);
    expect(result.balances).toHaveLength(32);
    const of = (holder: number, symbol: string) => result.balances.find((b) => b.address === holders[holder] && b.symbol === symbol)?.amount;
    expect(of(0, 'ETH')).toBe('0.1');
    expect(of(7, 'ETH')).toBe('0.8');
    expect(of(2, 'USDT')).toBe('4.5');
    expect(of(0, 'USDC')).toBe('0');
    expect(of(5, 'USDC')).toBe('5');
    expect(of(3, 'WBTC')).toBe('0.25');
    expect(result.balances.every((b) => b.chainId === ANVIL_CHAIN_ID && isAddress(b.address))).toBe(true);
  });

  it('turns non-zero balances into self-custody positions the valuation sums', async () => {
    const result = await readAddressBalances({ rpcUrl: chain.url, chainId: ANVIL_CHAIN_ID, addresses: holders, tokens });
    // holder 0's USDC is 0 and is left out; the other 31 balances are positions.
    expect(result.positions).toHaveLength(31);
    expect(result.positions.every((p) => p.custodian === 'self' && p.amount > 0)).toBe(true);
    const wbtc = result.positions.filter((p) => p.asset === 'WBTC').reduce((sum, p) => sum + p.amount, 0);
    expect(wbtc).toBeCloseTo(2);
    const shares = custodyShares({
      positions: [...result.positions, { custodian: 'kraken', asset: 'WBTC', amount: 2 }],
      prices: { fetchedAt: 0, prices: { WBTC: { usd: 100, asOf: '2026-11-25T00:00:00.000Z', source: 'https://coins.llama.fi/prices/current/coingecko:wrapped-bitcoin' } }, fiat: {} },
    });
    // Only WBTC has a price: self 2 WBTC vs kraken 2 WBTC; ETH, USDT, USDC are unknown, not 0.
    expect(shares.self.share).toBeCloseTo(0.5);
    expect(shares.complete).toBe(false);
    expect(shares.self.unknownPositions).toBe(23);
  });

  it('marks a token that does not answer as unread, keeps the rest, and says the result is incomplete', async () => {
    const result = await readAddressBalances({ rpcUrl: chain.url, chainId: ANVIL_CHAIN_ID, addresses: holders.slice(0, 2), tokens: [...tokens, { symbol: 'BAD', address: NO_CODE }] });
    expect(result.complete).toBe(false);
    const bad = result.balances.filter((b) => b.symbol === 'BAD');
    expect(bad).toHaveLength(2);
    expect(bad.every((b) => b.amount === undefined && typeof b.error === 'string')).toBe(true);
    expect(result.positions.some((p) => p.asset === 'BAD')).toBe(false);
    expect(result.balances.find((b) => b.address === holders[1] && b.symbol === 'USDT')?.amount).toBe('3');
  });

  it('refuses an endpoint that serves another chain, before reading any balance', async () => {
    proxy!.reset();
    const result = await readAddressBalances({ rpcUrl: proxy!.url, chainId: 1, addresses: holders });
    expect(result.error?.code).toBe('wrong-chain');
    expect(result.error?.failure).toEqual({ code: 'wrong-chain', served: 31337, wanted: 1 });
    expect(result.balances).toHaveLength(0);
    expect(proxy!.requests).toBe(1);
  });

  it('sends nothing to a plain http endpoint on another computer', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    try {
      const result = await readAddressBalances({ rpcUrl: 'http://example.com', chainId: 1, addresses: ['0x000000000000000000000000000000000000dEaD'] });
      expect(result.error?.code).toBe('bad-rpc-url');
      expect(result.rpcRequests).toBe(0);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('sends nothing for a list with a bad address', async () => {
    proxy!.reset();
    const result = await readAddressBalances({ rpcUrl: proxy!.url, chainId: ANVIL_CHAIN_ID, addresses: ['0x1234'], tokens });
    expect(result.error?.code).toBe('bad-input');
    expect(proxy!.requests).toBe(0);
  });
});

describe('holdingTokens', () => {
  it('covers Ethereum and at least two other chains, with a checksummed address and a source for each token', () => {
    expect(holdingChainIds).toContain(1);
    expect(holdingChainIds.length).toBeGreaterThanOrEqual(3);
    for (const token of holdingTokens) {
      expect(getAddress(token.address)).toBe(token.address);
      expect(token.source).toMatch(/^https:\/\//);
      expect(token.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const keys = holdingTokens.map((token) => `${token.chainId}:${token.symbol}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the default table and the network table native symbol when none are given', async () => {
    // Anvil is chain 31337, which the table does not cover: only the native coin is read, named ETH.
    const result = await readAddressBalances({ rpcUrl: chain.url, chainId: ANVIL_CHAIN_ID, addresses: holders.slice(0, 1) });
    expect(result.balances.map((b) => [b.symbol, b.amount])).toEqual([['ETH', '0.1']]);
  });
});
