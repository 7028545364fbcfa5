import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createTestClient, getAddress, http, isAddress, type Address } from 'viem';
import { checkReserves, ReserveCheckError, type CheckReservesReturnType, type ReserveCheckErrorData } from './reserves-check';
import messages from '../../public/_locales/en/messages.json';
import { reserveCheckFailureText } from '../words/reserve-check-failure';
import { translateFrom } from '../words/translate-from';

/** A stop in the English the verify page shows; '' for none. */
const words = (error: ReserveCheckErrorData | undefined) => (error === undefined ? '' : reserveCheckFailureText(error.failure, translateFrom(messages)));
import { MULTICALL3_ADDRESS, reserveAddressLists, reserveTokens } from './reserve-addresses';
import {
  deployMulticall3,
  deployTestToken,
  MIXED_FAILURE_TOKEN_CODE,
  NO_DECIMALS_TOKEN_CODE,
  setTestTokenBalance,
  SHORT_BALANCE_TOKEN_CODE,
  startAnvil,
  type LocalChain,
  startCountingProxy,
  type CountingProxy,
} from './test-anvil';

const deribit = reserveAddressLists.find((list) => list.exchangeId === 'deribit')!;
const holders = deribit.addresses.slice(0, 12) as Address[];
const USDT = '0x00000000000000000000000000000000000A11cE' as Address;
const WBTC = '0x0000000000000000000000000000000000000B7c' as Address;
const NO_CODE = '0x0000000000000000000000000000000000000bAd' as Address;
const NO_DECIMALS = '0x00000000000000000000000000000000000DEC00' as Address;
const SHORT = '0x0000000000000000000000000000000000005407' as Address;
const MIXED = '0x000000000000000000000000000000000000F00d' as Address;

let chain: LocalChain;
let proxy: CountingProxy | undefined;
let multicallBlock: bigint;

async function stubServer(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` };
}

beforeAll(async () => {
  chain = await startAnvil();
  multicallBlock = 0n;
  await deployMulticall3(chain.url);
  const test = createTestClient({ mode: 'anvil', transport: http(chain.url) });
  await deployTestToken(chain.url, USDT, 6);
  await deployTestToken(chain.url, WBTC, 8);
  await deployTestToken(chain.url, NO_DECIMALS, 6, NO_DECIMALS_TOKEN_CODE);
  await deployTestToken(chain.url, SHORT, 6, SHORT_BALANCE_TOKEN_CODE);
  await deployTestToken(chain.url, MIXED, 6, MIXED_FAILURE_TOKEN_CODE);
  await setTestTokenBalance(chain.url, MIXED, holders[0]!, 1_000_000n);
  for (const [i, holder] of holders.entries()) {
    await test.setBalance({ address: holder, value: BigInt(i + 1) * 10n ** 18n });
    await setTestTokenBalance(chain.url, USDT, holder, BigInt(i + 1) * 1_000_000n);
    await setTestTokenBalance(chain.url, WBTC, holder, BigInt(i) * 50_000_000n);
    await setTestTokenBalance(chain.url, NO_DECIMALS, holder, 1_000_000n);
    await setTestTokenBalance(chain.url, SHORT, holder, 1_000_000n);
  }
  await test.mine({ blocks: 1 });
  proxy = await startCountingProxy(chain.url);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await chain?.stop();
});

const tokens = [
  { symbol: 'USDT', address: USDT },
  { symbol: 'WBTC', address: WBTC },
];

describe('checkReserves against a local anvil chain', () => {
  it('sums natives and tokens of 12 addresses in 3 requests instead of 36, and compares with the given figures', async () => {
    proxy!.reset();
    const result = await checkReserves({
      rpcUrl: proxy!.url,
      chainId: 31337,
      addresses: holders,
      tokens,
      published: { amounts: { ETH: '78', USDT: '70', WBTC: '33' }, source: 'https://example.org/por', date: '2026-11-01' },
      defillama: { amounts: { ETH: '80.5' }, source: 'https://api.llama.fi/protocol/deribit', date: '2026-11-24' },
    });
    // 1+2+…+12 = 78 ETH and 78 USDT; WBTC 0.5 × (0+…+11) = 33.
    expect(result.totals).toEqual({ ETH: '78', USDT: '78', WBTC: '33' });
    expect(result.complete).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.chainId).toBe(31337);
    expect(Number(result.blockNumber)).toBeGreaterThan(1);
    expect(result.comparisons).toEqual([
      {
        symbol: 'ETH',
        onChain: '78',
        missingReads: 0,
        published: '78',
        publishedDifference: '0',
        publishedDifferencePercent: '0',
        defillama: '80.5',
        defillamaDifference: '-2.5',
        defillamaDifferencePercent: '-3.1',
      },
      { symbol: 'USDT', onChain: '78', missingReads: 0, published: '70', publishedDifference: '8', publishedDifferencePercent: '11.42' },
      { symbol: 'WBTC', onChain: '33', missingReads: 0, published: '33', publishedDifference: '0', publishedDifferencePercent: '0' },
    ]);
    // The figures come back whole, so a page can name one given for an asset that got no total.
    expect(result.published).toEqual({ amounts: { ETH: '78', USDT: '70', WBTC: '33' }, source: 'https://example.org/por', date: '2026-11-01' });
    expect(result.balances).toHaveLength(36);
    expect(result.balances[1]).toEqual({ address: getAddress(holders[0]!), symbol: 'USDT', token: USDT, raw: '1000000', amount: '1' });
    // eth_chainId, eth_blockNumber and one eth_call to Multicall3 (decimals included), counted on both sides.
    expect(result.rpcRequests).toBe(3);
    expect(proxy!.requests).toBe(3);
    expect(result.naiveRequests).toBe(36);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('splits into requests of callsPerRequest reads and reports progress after each', async () => {
    const seen: [number, number][] = [];
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders, tokens, callsPerRequest: 10, onProgress: ({ done, total }) => seen.push([done, total]) });
    // 2 decimals reads + 36 balances = 38 reads → 4 requests of ≤ 10, plus eth_blockNumber.
    expect(seen).toEqual([
      [10, 38],
      [20, 38],
      [30, 38],
      [38, 38],
    ]);
    expect(result.rpcRequests).toBe(5);
    expect(result.totals.ETH).toBe('78');
  });

  it('reads every balance at one pinned block', async () => {
    const test = createTestClient({ mode: 'anvil', transport: http(chain.url) });
    const before = await checkReserves({ rpcUrl: chain.url, addresses: [holders[0]!] });
    // anvil's cheatcodes edit the newest block's state, so seal the block we read first.
    await test.mine({ blocks: 1 });
    await test.setBalance({ address: holders[0]!, value: 999n * 10n ** 18n });
    await test.mine({ blocks: 1 });
    const pinned = await checkReserves({ rpcUrl: chain.url, addresses: [holders[0]!], blockNumber: BigInt(before.blockNumber!) });
    const latest = await checkReserves({ rpcUrl: chain.url, addresses: [holders[0]!] });
    await test.setBalance({ address: holders[0]!, value: 10n ** 18n });
    await test.mine({ blocks: 1 });
    expect(pinned.totals.ETH).toBe('1');
    expect(pinned.blockNumber).toBe(before.blockNumber);
    expect(latest.totals.ETH).toBe('999');
  });

  it('marks a result partial when a token cannot be read, and keeps the rest', async () => {
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 3), tokens: [...tokens, { symbol: 'GONE', address: NO_CODE, decimals: 18 }] });
    expect(result.complete).toBe(false);
    expect(result.error).toBeUndefined();
    // Nothing was read for GONE, so it has no total (not a misleading 0).
    expect(result.totals).toEqual({ ETH: '6', USDT: '6', WBTC: '1.5' });
    expect(result.comparisons.map((row) => row.symbol)).toEqual(['ETH', 'USDT', 'WBTC']);
    const gone = result.balances.filter((row) => row.symbol === 'GONE');
    expect(gone).toHaveLength(3);
    for (const row of gone) expect(row.error).toMatch(/^The contract call failed: /);
    // The page words why by the code, in the reader's language; the text stays for logs.
    for (const row of gone) expect(row.failure).toBe('call-failed');
  });

  it('a token that answers balanceOf but not decimals() has no total; its balances say no decimals', async () => {
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 2), tokens: [...tokens, { symbol: 'NODEC', address: NO_DECIMALS }] });
    expect(result.complete).toBe(false);
    expect(result.totals).toEqual({ ETH: '3', USDT: '3', WBTC: '0.5' });
    const rows = result.balances.filter((row) => row.symbol === 'NODEC');
    expect(rows.map((row) => [row.failure, row.error, row.raw])).toEqual([
      ['no-decimals', 'The token did not say how many decimals it has.', undefined],
      ['no-decimals', 'The token did not say how many decimals it has.', undefined],
    ]);
  });

  it('a contract whose balanceOf answers too few bytes for a number has no total; its balances say not a balance', async () => {
    // Decimals given, as the verify page's lists give them: only the answer itself is wrong.
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 2), tokens: [...tokens, { symbol: 'SHORT', address: SHORT, decimals: 6 }] });
    expect(result.complete).toBe(false);
    expect(result.totals).toEqual({ ETH: '3', USDT: '3', WBTC: '0.5' });
    const rows = result.balances.filter((row) => row.symbol === 'SHORT');
    expect(rows.map((row) => [row.failure, row.error])).toEqual([
      ['not-a-balance', 'The contract answered something that is not a balance.'],
      ['not-a-balance', 'The contract answered something that is not a balance.'],
    ]);
  });

  it('one asset’s reads can fail for different reasons, each balance saying its own', async () => {
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 3), tokens: [...tokens, { symbol: 'MIXED', address: MIXED, decimals: 6 }] });
    expect(result.totals.MIXED).toBeUndefined();
    // The first holder's balanceOf answers 16 bytes; the others' calls revert.
    expect(result.balances.filter((row) => row.symbol === 'MIXED').map((row) => row.failure)).toEqual(['not-a-balance', 'call-failed', 'call-failed']);
  });

  it('a typed or DefiLlama figure with more decimals than the token has is compared exactly, never rounded to the token’s decimals', async () => {
    // 3 holders: 6 USDT (6 decimals) and 1.5 WBTC (8 decimals) on-chain.
    const typed = { USDT: '5.0000001', WBTC: '1.500000001' };
    const defillama = { amounts: { WBTC: '1.499999999' }, source: 'https://api.llama.fi/protocol/deribit', date: '2026-11-24' };
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 3), tokens, published: { amounts: typed, source: 'entered by the user' }, defillama });
    expect(result.comparisons.filter((row) => row.symbol !== 'ETH')).toEqual([
      { symbol: 'USDT', onChain: '6', missingReads: 0, published: '5.0000001', publishedDifference: '0.9999999', publishedDifferencePercent: '19.99' },
      {
        symbol: 'WBTC',
        onChain: '1.5',
        missingReads: 0,
        published: '1.500000001',
        publishedDifference: '-0.000000001',
        publishedDifferencePercent: '0',
        // Less than one WBTC base unit (8 decimals) either way: the chain cannot hold the difference.
        publishedBelowUnit: '0.00000001',
        defillama: '1.499999999',
        defillamaDifference: '0.000000001',
        defillamaDifferencePercent: '0',
        defillamaBelowUnit: '0.00000001',
      },
    ]);
  });

  it('a figure exactly one token unit away, either way, is a real difference; an exact match with extra zeros is no difference', async () => {
    // 3 holders: 6 USDT (6 decimals) and 1.5 WBTC (8 decimals) on-chain.
    const check = (typed: Record<string, string>, llama: Record<string, string>) =>
      checkReserves({
        rpcUrl: chain.url,
        addresses: holders.slice(0, 3),
        tokens,
        published: { amounts: typed, source: 'entered by the user' },
        defillama: { amounts: llama, source: 'https://api.llama.fi/protocol/deribit', date: '2026-11-24' },
      });
    const oneUnit = await check({ USDT: '6.000001', WBTC: '1.49999999' }, { USDT: '5.999999', WBTC: '1.500000010' });
    const rows = oneUnit.comparisons.filter((row) => row.symbol !== 'ETH');
    // One base unit below and above: at the token's own decimals, and at 9 decimals for WBTC (one unit = 10 steps).
    expect(rows.map((row) => [row.symbol, row.publishedDifference, row.defillamaDifference])).toEqual([
      ['USDT', '-0.000001', '0.000001'],
      ['WBTC', '0.00000001', '-0.00000001'],
    ]);
    for (const row of rows) {
      expect(row).not.toHaveProperty('publishedBelowUnit');
      expect(row).not.toHaveProperty('defillamaBelowUnit');
    }
    const exact = await check({ WBTC: '1.5000000000' }, { WBTC: '1.50000001' });
    const wbtc = exact.comparisons.find((row) => row.symbol === 'WBTC');
    expect(wbtc).toMatchObject({ published: '1.5', publishedDifference: '0', defillamaDifference: '-0.00000001' });
    expect(wbtc).not.toHaveProperty('publishedBelowUnit');
    expect(wbtc).not.toHaveProperty('defillamaBelowUnit');
  });

  it('counts a wallet or a token listed twice once', async () => {
    const twice = [holders[0]!, holders[0]!.toLowerCase(), holders[1]!];
    const result = await checkReserves({ rpcUrl: chain.url, addresses: twice, tokens: [...tokens, { symbol: 'USDT', address: USDT.toLowerCase() }] });
    expect(result.totals).toEqual({ ETH: '3', USDT: '3', WBTC: '0.5' });
    expect(result.balances).toHaveLength(6);
    expect(result.naiveRequests).toBe(6);
  });

  it('a lower bound is marked: some reads of an asset failed', async () => {
    const result = await checkReserves({
      rpcUrl: chain.url,
      addresses: holders.slice(0, 2),
      tokens: [
        { symbol: 'USDT', address: USDT },
        { symbol: 'USDT', address: NO_CODE, decimals: 6 },
      ],
    });
    expect(result.complete).toBe(false);
    expect(result.comparisons.find((row) => row.symbol === 'USDT')).toEqual({ symbol: 'USDT', onChain: '3', missingReads: 2 });
  });

  it('stops when cancelled, returning what was read, marked partial', async () => {
    const controller = new AbortController();
    const result = await checkReserves({
      rpcUrl: chain.url,
      addresses: holders,
      tokens,
      callsPerRequest: 10,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 20) controller.abort();
      },
    });
    expect(result.complete).toBe(false);
    expect(result.error?.code).toBe('cancelled');
    expect(words(result.error)).toBe('The reserve check was cancelled.');
    expect(result.balances.filter((row) => row.raw !== undefined)).toHaveLength(18);
    expect(result.balances.filter((row) => row.error === 'Not read: the check stopped before this balance.')).toHaveLength(18);
    expect(result.balances.filter((row) => row.failure === 'not-read')).toHaveLength(18);
  });

  it('names a missing Multicall3 in plain words (the chain before it was deployed)', async () => {
    const result = await checkReserves({ rpcUrl: chain.url, addresses: holders.slice(0, 2), blockNumber: multicallBlock });
    expect(result.complete).toBe(false);
    expect(result.error?.code).toBe('no-multicall');
    expect(words(result.error)).toBe(`There is no Multicall3 contract at ${MULTICALL3_ADDRESS} on this chain at that block.`);
  });

  it('refuses an endpoint serving another chain', async () => {
    const result = await checkReserves({ rpcUrl: chain.url, chainId: 1, addresses: holders });
    expect(result.error?.code).toBe('wrong-chain');
    expect(words(result.error)).toBe('The RPC endpoint serves chain 31337, not chain 1.');
    expect(result.rpcRequests).toBe(1);
  });
});

describe('checkReserves errors, in plain words', () => {
  it('bad input sends nothing', async () => {
    for (const [parameters, code, message] of [
      [{ rpcUrl: 'not a url', addresses: holders }, 'bad-rpc-url', 'The RPC address is not a URL.'],
      [{ rpcUrl: 'ftp://127.0.0.1/', addresses: holders }, 'bad-rpc-url', 'The RPC address must start with https:// (or http:// for a node on this computer).'],
      // Plain http to another computer would carry the wallet list unencrypted.
      [{ rpcUrl: 'http://example.com/', addresses: holders }, 'bad-rpc-url', 'The RPC address must start with https:// (or http:// for a node on this computer).'],
      [{ rpcUrl: 'http://localhost@example.com/', addresses: holders }, 'bad-rpc-url', 'The RPC address must start with https:// (or http:// for a node on this computer).'],
      [{ rpcUrl: chain.url, addresses: ['0x1234'] }, 'bad-input', '“0x1234” is not an EVM address.'],
      [{ rpcUrl: chain.url, addresses: [] }, 'bad-input', 'No addresses to check.'],
      [{ rpcUrl: chain.url, addresses: Array.from({ length: 20_001 }, () => holders[0]!) }, 'bad-input', 'That is more than 20000 balances; check fewer addresses or tokens at a time.'],
      [{ rpcUrl: chain.url, addresses: holders, tokens: [{ symbol: 'X', address: 'nope' }] }, 'bad-input', 'The X contract “nope” is not an EVM address.'],
    ] as const) {
      const result: CheckReservesReturnType = await checkReserves(parameters);
      expect(result.error?.code).toBe(code);
      expect(words(result.error)).toBe(message);
      expect(result.rpcRequests).toBe(0);
      expect(result.complete).toBe(false);
    }
  });

  it('an endpoint that is down', async () => {
    const { server, url } = await stubServer(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await checkReserves({ rpcUrl: url, addresses: holders });
    expect(result.error?.code).toBe('rpc-unreachable');
    expect(words(result.error)).toBe('The RPC endpoint could not be reached.');
  });

  it('an endpoint that answers with a JSON-RPC error', async () => {
    const { server, url } = await stubServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id: 0, error: { code: -32005, message: 'rate limited' } }));
      });
    });
    try {
      const result = await checkReserves({ rpcUrl: url, addresses: holders });
      expect(result.error?.code).toBe('rpc-error');
      expect(words(result.error)).toBe('The RPC endpoint answered with an error.');
      expect(result.error?.details).toMatch(/rate limited|limit/i);
    } finally {
      server.close();
    }
  });

  it('an endpoint that never answers', async () => {
    const { server, url } = await stubServer(() => undefined);
    try {
      const result = await checkReserves({ rpcUrl: url, addresses: holders, timeoutMs: 200 });
      expect(result.error?.code).toBe('rpc-timeout');
      expect(words(result.error)).toBe('The RPC endpoint took too long to answer.');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('ReserveCheckError carries its code and figures, and details for logs', () => {
    const error = new ReserveCheckError({ code: 'rpc-error' }, 'HTTP 500');
    expect(words(error.toJSON())).toBe('The RPC endpoint answered with an error.');
    expect(error.message).toBe('reserve check failed: rpc-error\n\nDetails: HTTP 500');
    expect(error.toJSON()).toEqual({ code: 'rpc-error', failure: { code: 'rpc-error' }, details: 'HTTP 500' });
  });
});

describe('reserve address data', () => {
  it('every list and token is sourced, dated and well-formed', () => {
    for (const list of reserveAddressLists) {
      expect(list.addresses.length).toBeGreaterThan(0);
      for (const address of list.addresses) expect(isAddress(address, { strict: false })).toBe(true);
      expect(new Set(list.addresses.map((address) => address.toLowerCase())).size).toBe(list.addresses.length);
      expect(list.publishedAt).toMatch(/^https:\/\//);
      expect(list.readFrom).toMatch(/^https:\/\//);
      expect(list.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const token of reserveTokens) {
      expect(isAddress(token.address, { strict: false })).toBe(true);
      expect(token.source).toMatch(/^https:\/\//);
      expect(token.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
