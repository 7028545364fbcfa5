import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, http, pad, parseEther, type Hex } from 'viem';
import { checkArrival, watchArrival, watchBalance, type ArrivalUpdate } from './arrival';
import { freePort, startAnvil, type LocalChain } from './test-anvil';

/**
 * Runs against a real local anvil node (loopback only). The ERC-20 is a hand-assembled
 * contract, not compiled Solidity: it answers `balanceOf(address)` (selector 0x70a08231)
 * with the storage slot keyed by the address, and reverts on any other call.
 *
 *   00 6000        PUSH1 0      ; calldata word 0
 *   02 35          CALLDATALOAD
 *   03 60e0        PUSH1 224
 *   05 1c          SHR          ; selector
 *   06 6370a08231  PUSH4 balanceOf(address)
 *   0b 14          EQ
 *   0c 6013        PUSH1 0x13
 *   0e 57          JUMPI
 *   0f 6000 80 fd  REVERT(0, 0)
 *   13 5b          JUMPDEST
 *   14 6004 35     CALLDATALOAD(4)  ; the owner address
 *   17 54          SLOAD            ; balance stored at slot = owner
 *   18 6000 52     MSTORE(0, balance)
 *   1b 6020 6000 f3 RETURN(0, 32)
 */
const BALANCE_OF_ONLY_TOKEN: Hex = '0x60003560e01c6370a0823114601357600080fd5b6004355460005260206000f3';

const watched = '0x000000000000000000000000000000000000beef';
const token = '0x00000000000000000000000000000000000070ce';

let anvil: LocalChain;
let rpcUrl: string;
let testClient: ReturnType<typeof createTestClient>;

beforeAll(async () => {
  anvil = await startAnvil();
  rpcUrl = anvil.url;
  testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  await testClient.setCode({ address: token, bytecode: BALANCE_OF_ONLY_TOKEN });
}, 40_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('checkArrival (native coin)', () => {
  it('waits while the balance is at the baseline and reports the rise', async () => {
    await testClient.setBalance({ address: watched, value: parseEther('1') });
    const before = await checkArrival({ rpcUrl, chainId: 31337, address: watched, baseline: parseEther('1').toString() });
    expect(before).toMatchObject({ status: 'waiting', balance: parseEther('1').toString(), increase: '0', error: null });

    await testClient.setBalance({ address: watched, value: parseEther('1.25') });
    const after = await checkArrival({ rpcUrl, chainId: 31337, address: watched, baseline: parseEther('1').toString() });
    expect(after).toMatchObject({ status: 'arrived', increase: parseEther('0.25').toString(), formattedIncrease: '0.25', error: null });
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });

  it('does not call a fall in balance an arrival', async () => {
    await testClient.setBalance({ address: watched, value: parseEther('0.5') });
    const result = await checkArrival({ rpcUrl, address: watched, baseline: parseEther('1').toString() });
    expect(result).toMatchObject({ status: 'waiting', increase: '0' });
  });
});

describe('checkArrival (ERC-20)', () => {
  it('reads balanceOf from the token and reports the rise in token units', async () => {
    await testClient.setStorageAt({ address: token, index: pad(watched), value: pad('0x0f4240') }); // 1.000000 at 6 decimals
    const before = await checkArrival({ rpcUrl, address: watched, token: { address: token, decimals: 6 }, baseline: '1000000' });
    expect(before).toMatchObject({ status: 'waiting', balance: '1000000' });
    await testClient.setStorageAt({ address: token, index: pad(watched), value: pad('0x2dc6c0') }); // 3.000000
    const after = await checkArrival({ rpcUrl, address: watched, token: { address: token, decimals: 6 }, baseline: '1000000' });
    expect(after).toMatchObject({ status: 'arrived', balance: '3000000', increase: '2000000', formattedIncrease: '2' });
  });

  it('reports a contract that is not an ERC-20 as a read failure, not an arrival', async () => {
    const result = await checkArrival({ rpcUrl, address: watched, token: { address: '0x0000000000000000000000000000000000000001', decimals: 6 }, baseline: '0' });
    expect(result.status).toBe('error');
    expect(result.error!.code).toBe('read-failed');
  });
});

describe('errors come back as values', () => {
  it('refuses an endpoint serving another chain', async () => {
    const result = await checkArrival({ rpcUrl, chainId: 1, address: watched, baseline: '0' });
    expect(result.status).toBe('error');
    expect(result.error).toEqual({ code: 'wrong-chain' });
  });

  it('names bad input and an unreachable endpoint', async () => {
    expect((await checkArrival({ rpcUrl, address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', baseline: '0' })).error!.code).toBe('bad-address');
    // Mixed case with a wrong checksum is a typo.
    expect((await checkArrival({ rpcUrl, address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', baseline: '0' })).error!.code).toBe('bad-address');
    expect((await checkArrival({ rpcUrl: 'ftp://x', address: watched, baseline: '0' })).error!.code).toBe('bad-rpc-url');
    // Plain http only to this computer: the watched address would otherwise travel unencrypted.
    expect((await checkArrival({ rpcUrl: 'http://example.com', address: watched, baseline: '0' })).error!.code).toBe('bad-rpc-url');
    expect((await checkArrival({ rpcUrl: 'http://127.0.0.1.example.com:8545', address: watched, baseline: '0' })).error!.code).toBe('bad-rpc-url');
    expect((await checkArrival({ rpcUrl, address: watched, baseline: '-5' })).error!.code).toBe('bad-baseline');
    const closed = `http://127.0.0.1:${await freePort()}`;
    expect((await checkArrival({ rpcUrl: closed, address: watched, baseline: '0', timeoutMs: 2_000 })).error!.code).toBe('rpc-unreachable');
  });
});

describe('watchArrival', () => {
  it('resolves when funds rise above the baseline it was given', async () => {
    const address = '0x000000000000000000000000000000000000cafe';
    await testClient.setBalance({ address, value: parseEther('2') });
    const updates: ArrivalUpdate[] = [];
    const watching = watchArrival({
      rpcUrl,
      chainId: 31337,
      address,
      baseline: parseEther('2').toString(),
      pollMs: 50,
      onUpdate: (update) => {
        updates.push(update);
        // Fund once the watcher has seen the old balance twice.
        if (updates.length === 2) void testClient.setBalance({ address, value: parseEther('2.5') });
      },
    });
    const result = await watching;
    expect(result.status).toBe('arrived');
    expect(result.update).toMatchObject({ baseline: parseEther('2').toString(), increase: parseEther('0.5').toString(), formattedIncrease: '0.5' });
    expect(updates[0]).toMatchObject({ status: 'waiting', baseline: parseEther('2').toString() });
    expect(updates.at(-1)!.status).toBe('arrived');
  }, 20_000);

  it('sees a test that landed before the watch started, measured from the balance read before it', async () => {
    const address = '0x000000000000000000000000000000000000cab1';
    await testClient.setBalance({ address, value: 0n });
    const before = await checkArrival({ rpcUrl, address, baseline: '0' });
    await testClient.setBalance({ address, value: parseEther('0.01') });
    const result = await watchArrival({ rpcUrl, address, baseline: before.balance!, pollMs: 50 });
    expect(result.status).toBe('arrived');
    expect(result.update).toMatchObject({ increase: parseEther('0.01').toString() });
  }, 20_000);

  it('keeps polling through errors and stops promptly on abort', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const controller = new AbortController();
    const updates: ArrivalUpdate[] = [];
    const watching = watchArrival({ rpcUrl: closed, address: watched, baseline: '0', pollMs: 20, timeoutMs: 1_000, signal: controller.signal, onUpdate: (u) => updates.push(u) });
    while (updates.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const result = await watching;
    expect(result.status).toBe('aborted');
    expect(updates.every((u) => u.status === 'error' && u.error!.code === 'rpc-unreachable')).toBe(true);
  }, 20_000);
});

describe('watchBalance (before the withdrawal)', () => {
  it('reads again after a refused connection, and follows the balance once the node is up', async () => {
    const port = await freePort();
    const address = '0x000000000000000000000000000000000000ca5e';
    const controller = new AbortController();
    const updates: ArrivalUpdate[] = [];
    let late: LocalChain | undefined;
    const watching = watchBalance({ rpcUrl: `http://127.0.0.1:${port}`, chainId: 31337, address, pollMs: 50, timeoutMs: 2_000, signal: controller.signal, onUpdate: (update) => updates.push(update) });
    try {
      while (updates.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(updates.map((update) => update.error?.code)).toEqual(['rpc-unreachable', 'rpc-unreachable']);
      // The node comes up where the watch has been knocking.
      late = await startAnvil({ port });
      const lateClient = createTestClient({ mode: 'anvil', transport: http(late.url) });
      await lateClient.setBalance({ address, value: parseEther('0.5') });
      while (updates.at(-1)?.balance !== parseEther('0.5').toString()) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(updates.at(-1)).toMatchObject({ status: 'waiting', balance: parseEther('0.5').toString(), baseline: parseEther('0.5').toString(), increase: '0', error: null });
      // A deposit before the withdrawal (dust, say) becomes part of the baseline, not an arrival.
      await lateClient.setBalance({ address, value: parseEther('0.5') + 1n });
      while (updates.at(-1)?.balance !== (parseEther('0.5') + 1n).toString()) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(updates.at(-1)).toMatchObject({ status: 'waiting', baseline: (parseEther('0.5') + 1n).toString(), increase: '0' });
    } finally {
      controller.abort();
      await watching;
      await late?.stop();
    }
    expect(updates.some((update) => update.status === 'arrived')).toBe(false);
  }, 40_000);

  it('names an endpoint on another chain, and stops on abort', async () => {
    const controller = new AbortController();
    const updates: ArrivalUpdate[] = [];
    const watching = watchBalance({ rpcUrl, chainId: 1, address: watched, pollMs: 20, signal: controller.signal, onUpdate: (update) => updates.push(update) });
    while (updates.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await watching;
    expect(updates.every((update) => update.status === 'error' && update.error?.code === 'wrong-chain')).toBe(true);
  }, 20_000);
});
