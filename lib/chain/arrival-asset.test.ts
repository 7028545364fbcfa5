import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalAsset, readTokenDecimals } from './arrival-asset';
import { deployTestToken, freePort, startAnvil, type LocalChain } from './test-anvil';

const USDC_ETHEREUM = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

describe('arrivalAsset', () => {
  it('watches the native coin, a sourced token, and nothing it would have to guess', () => {
    expect(arrivalAsset({ chainId: 1, nativeAsset: 'ETH', asset: 'ETH' })).toEqual({ kind: 'native' });
    expect(arrivalAsset({ chainId: 1, nativeAsset: 'ETH', asset: 'USDC' })).toMatchObject({ kind: 'token', address: USDC_ETHEREUM });
    expect(arrivalAsset({ chainId: 1, nativeAsset: 'ETH', asset: 'SHIB' })).toBeUndefined();
    expect(arrivalAsset({ chainId: 8453, nativeAsset: 'ETH', asset: 'USDT' })).toBeUndefined();
  });
});

describe('readTokenDecimals on a local anvil', () => {
  let chain: LocalChain;
  beforeAll(async () => {
    chain = await startAnvil();
    await deployTestToken(chain.url, USDC_ETHEREUM, 6);
  }, 40_000);
  afterAll(async () => {
    await chain?.stop();
  });

  it('reads the contract’s own decimals, and says undefined instead of throwing', async () => {
    expect(await readTokenDecimals({ rpcUrl: chain.url, address: USDC_ETHEREUM })).toBe(6);
    expect(await readTokenDecimals({ rpcUrl: chain.url, address: '0x000000000000000000000000000000000000dEaD' })).toBeUndefined();
    expect(await readTokenDecimals({ rpcUrl: `http://127.0.0.1:${await freePort()}`, address: USDC_ETHEREUM, timeoutMs: 2000 })).toBeUndefined();
  });
});
