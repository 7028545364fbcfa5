import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concat, createTestClient, encodeAbiParameters, http, numberToHex, size, type Hex } from 'viem';
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

function constantReturner(data: Hex): Hex {
  const length = numberToHex(size(data), { size: 2 }).slice(2);
  return concat([`0x61${length}80600c6000396000f3`, data]);
}

let anvil: LocalChain;
let rpcUrl: string;

beforeAll(async () => {
  anvil = await startAnvil();
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
    const testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
    const result = encodeAbiParameters([{ type: 'address' }], [target]);
    const answer = encodeAbiParameters([{ type: 'bytes' }, { type: 'address' }], [result, '0x0000000000000000000000000000000000001234']);
    await testClient.setCode({ address: mainnet.contracts.ensUniversalResolver.address, bytecode: constantReturner(answer) });
    const resolved = await resolveEnsName({ name: ' Vitalik.ETH ', rpcUrl });
    expect(resolved).toEqual({ name: 'vitalik.eth', address: target, error: null });
  });

  it('rejects names that cannot be normalised or are not .eth, without a request', async () => {
    expect((await resolveEnsName({ name: 'bad name.eth', rpcUrl: 'http://127.0.0.1:1' })).error!.code).toBe('bad-name');
    expect((await resolveEnsName({ name: 'example.com', rpcUrl: 'http://127.0.0.1:1' })).error!.code).toBe('bad-name');
  });

  it('reports an unreachable endpoint as a value', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await resolveEnsName({ name: 'nick.eth', rpcUrl: closed, timeoutMs: 2_000 });
    expect(result.error!.code).toBe('resolve-failed');
  });
});
