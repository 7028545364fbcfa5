import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { concat, createTestClient, encodeAbiParameters, encodeErrorResult, http, numberToHex, parseAbi, size, type Hex } from 'viem';
import { mainnet } from 'viem/chains';
import { resolveEnsName } from './ens';
import { freePort, startAnvil, type LocalChain } from '../chain/test-anvil';

/**
 * A local anvil node stands in for Ethereum mainnet. At mainnet's Universal Resolver address
 * we place a hand-assembled contract that answers every call with the same ABI-encoded
 * `(bytes result, address resolver)`, `result` being `abi.encode(target)`: enough to exercise
 * viem's real lookup path end to end without a mainnet fork.
 *
 *   61 LLLL  PUSH2 length      80 DUP1      60 0c PUSH1 12 (data offset)
 *   60 00    PUSH1 0           39 CODECOPY  60 00 PUSH1 0     f3 RETURN   then the data
 */
const target = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

function constantReturner(data: Hex, end: 'return' | 'revert' = 'return'): Hex {
  const length = numberToHex(size(data), { size: 2 }).slice(2);
  return concat([`0x61${length}80600c6000396000${end === 'return' ? 'f3' : 'fd'}`, data]);
}

const universalResolver = mainnet.contracts.ensUniversalResolver.address;

async function answerWith(url: string, address: Hex): Promise<void> {
  const testClient = createTestClient({ mode: 'anvil', transport: http(url) });
  const result = encodeAbiParameters([{ type: 'address' }], [address]);
  const answer = encodeAbiParameters([{ type: 'bytes' }, { type: 'address' }], [result, '0x0000000000000000000000000000000000001234']);
  await testClient.setCode({ address: universalResolver, bytecode: constantReturner(answer) });
}

let anvil: LocalChain;
let rpcUrl: string;

beforeAll(async () => {
  // ENS lives on Ethereum mainnet: the stand-in node says it is chain 1.
  anvil = await startAnvil({ chainId: 1 });
  rpcUrl = anvil.url;
}, 40_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('resolveEnsName', () => {
  it('reports a failed lookup as a value when no resolver answers', async () => {
    const result = await resolveEnsName({ name: 'nick.eth', rpcUrl });
    expect(result.address).toBeNull();
    expect(result.error!.code).toBe('resolve-failed');
  });

  it('returns the checksummed address the Universal Resolver answers, for the normalised name', async () => {
    await answerWith(rpcUrl, target);
    const resolved = await resolveEnsName({ name: ' Vitalik.ETH ', rpcUrl });
    expect(resolved).toEqual({ name: 'vitalik.eth', address: target, error: null });
  });

  it('refuses an endpoint that serves another chain (here Sepolia), whatever its resolver answers', async () => {
    const sepolia = await startAnvil({ chainId: 11_155_111 });
    try {
      await answerWith(sepolia.url, '0x000000000000000000000000000000000000dEaD');
      const resolved = await resolveEnsName({ name: 'vitalik.eth', rpcUrl: sepolia.url });
      expect(resolved.address).toBeNull();
      expect(resolved.error?.code).toBe('wrong-chain');
    } finally {
      await sepolia.stop();
    }
  });

  it('never follows an offchain lookup (CCIP-Read): the gateway the resolver names gets no request', async () => {
    const gatewayRequests: string[] = [];
    const gateway = createServer((request, response) => {
      gatewayRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: encodeAbiParameters([{ type: 'address' }], ['0x000000000000000000000000000000000000dEaD']) }));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    const offchain = await startAnvil({ chainId: 1 });
    try {
      const lookup = encodeErrorResult({
        abi: parseAbi(['error OffchainLookup(address sender, string[] urls, bytes callData, bytes4 callbackFunction, bytes extraData)']),
        errorName: 'OffchainLookup',
        args: [universalResolver, [`http://127.0.0.1:${port}/{sender}/{data}.json`], '0x1234', '0x12345678', '0x'],
      });
      const testClient = createTestClient({ mode: 'anvil', transport: http(offchain.url) });
      await testClient.setCode({ address: universalResolver, bytecode: constantReturner(lookup, 'revert') });
      const resolved = await resolveEnsName({ name: 'offchain.eth', rpcUrl: offchain.url });
      expect(resolved.address).toBeNull();
      expect(resolved.error?.code).toBe('resolve-failed');
      expect(gatewayRequests).toEqual([]);
    } finally {
      await offchain.stop();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });

  it('rejects names that cannot be normalised or are not .eth, without a request', async () => {
    expect((await resolveEnsName({ name: 'bad name.eth', rpcUrl: 'http://127.0.0.1:1' })).error!.code).toBe('bad-name');
    expect((await resolveEnsName({ name: 'example.com', rpcUrl: 'http://127.0.0.1:1' })).error!.code).toBe('bad-name');
  });

  it('sends nothing to a plain http endpoint on another computer', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    try {
      const result = await resolveEnsName({ name: 'nick.eth', rpcUrl: 'http://example.com' });
      expect(result).toEqual({ name: 'nick.eth', address: null, error: { code: 'resolve-failed' } });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('reports an unreachable endpoint as a value', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await resolveEnsName({ name: 'nick.eth', rpcUrl: closed, timeoutMs: 2_000 });
    expect(result.error!.code).toBe('resolve-failed');
  });
});
