import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { arrivalAsset, readTokenDecimals, waitForTokenDecimals } from './arrival-asset';
import type { ArrivalErrorCode } from './arrival';
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

  it('reads the contract’s own decimals, and names what went wrong instead of throwing', async () => {
    expect(await readTokenDecimals({ rpcUrl: chain.url, chainId: 31337, address: USDC_ETHEREUM })).toEqual({ decimals: 6, error: null });
    expect(await readTokenDecimals({ rpcUrl: chain.url, address: '0x000000000000000000000000000000000000dEaD' })).toEqual({ decimals: null, error: 'bad-token' });
    expect(await readTokenDecimals({ rpcUrl: chain.url, chainId: 1, address: USDC_ETHEREUM })).toEqual({ decimals: null, error: 'wrong-chain' });
    expect(await readTokenDecimals({ rpcUrl: `http://127.0.0.1:${await freePort()}`, address: USDC_ETHEREUM, timeoutMs: 2000 })).toEqual({ decimals: null, error: 'rpc-unreachable' });
  });

  it('sends nothing to a plain http endpoint on another computer', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    try {
      expect(await readTokenDecimals({ rpcUrl: 'http://example.com', chainId: 1, address: USDC_ETHEREUM })).toEqual({ decimals: null, error: 'bad-rpc-url' });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('tries again until the endpoint is up and the contract answers', async () => {
    const port = await freePort();
    const errors: ArrivalErrorCode[] = [];
    let late: LocalChain | undefined;
    const waiting = waitForTokenDecimals({
      rpcUrl: `http://127.0.0.1:${port}`,
      chainId: 31337,
      address: USDC_ETHEREUM,
      pollMs: 50,
      timeoutMs: 2000,
      onError: (code) => {
        errors.push(code);
        // Refused twice, then a node without the token, then the token.
        if (errors.length === 2) void startAnvil({ port }).then((started) => (late = started));
        if (errors.includes('bad-token') && late !== undefined) void deployTestToken(late.url, USDC_ETHEREUM, 6);
      },
    });
    try {
      expect(await waiting).toBe(6);
    } finally {
      await late?.stop();
    }
    expect(errors.slice(0, 2)).toEqual(['rpc-unreachable', 'rpc-unreachable']);
    expect(errors).toContain('bad-token');
  }, 40_000);

  it('deploys the test token so that a reader between its requests sees no contract or the whole token, never decimals 0', async () => {
    // A proxy that, after each deploy request reaches the node and before it answers, reads the token's decimals.
    const seen: (number | null)[] = [];
    const address = '0x00000000000000000000000000000000000beef1';
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const answer = await fetch(chain.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
        const text = await answer.text();
        seen.push((await readTokenDecimals({ rpcUrl: chain.url, address })).decimals);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as { port: number }).port;
      await deployTestToken(`http://127.0.0.1:${port}`, address, 6);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
    expect(seen.at(-1)).toBe(6);
    expect(seen.every((decimals) => decimals === null || decimals === 6)).toBe(true);
  });

  it('gives up only when told to', async () => {
    const controller = new AbortController();
    const waiting = waitForTokenDecimals({ rpcUrl: chain.url, address: '0x000000000000000000000000000000000000dEaD', pollMs: 20, signal: controller.signal, onError: () => controller.abort() });
    expect(await waiting).toBeUndefined();
  });
});
