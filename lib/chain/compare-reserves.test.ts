import fc from 'fast-check';
import { formatUnits, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { TokenAmounts } from '../reserves/schema';
import { compareWithDefillama, decimalFromNumber, defillamaSymbolCandidates } from './compare-reserves';
import { defillamaAmountKeys } from './reserve-chains';
import type { ReserveComparison } from './reserves-check';

const SOURCE = 'https://api.llama.fi/protocol/okx';
const AT = '2026-08-10T00:00:00.000Z';
const llama = (chains: TokenAmounts['chains']): TokenAmounts => ({ source: SOURCE, asOf: '2026-08-10', chains });
const counted = (symbol: string, onChain: string, missingReads = 0): ReserveComparison => ({ symbol, onChain, missingReads });

describe('defillamaSymbolCandidates', () => {
  it('matches by symbol, case-insensitively; Polygon’s own POL also answers to MATIC; wrapped and bridged coins never match', () => {
    expect(defillamaSymbolCandidates({ symbol: 'usdt', native: false })).toEqual(['USDT']);
    expect(defillamaSymbolCandidates({ symbol: 'POL', native: true })).toEqual(['POL', 'MATIC']);
    expect(defillamaSymbolCandidates({ symbol: 'POL', native: false })).toEqual(['POL']);
    expect(defillamaSymbolCandidates({ symbol: 'ETH', native: true })).not.toContain('WETH');
  });

  it('the kept DefiLlama keys cover every chain a published list is on, natives included', () => {
    const keys = defillamaAmountKeys();
    expect(keys.Ethereum).toEqual(['ETH', 'OKB', 'USDC', 'USDT']);
    expect(keys.Polygon).toEqual(['MATIC', 'POL', 'USDC', 'USDT']);
    expect(keys.Arbitrum).toEqual(['ETH', 'USDT']);
  });
});

describe('decimalFromNumber', () => {
  it('writes exponents out and keeps the digits DefiLlama sent', () => {
    expect(decimalFromNumber(1.5e-7)).toBe('0.00000015');
    expect(decimalFromNumber(1e21)).toBe('1000000000000000000000');
    expect(decimalFromNumber(9500000000.125)).toBe('9500000000.125');
    expect(decimalFromNumber(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
    expect(decimalFromNumber(0)).toBe('0');
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('always reads back as the same number (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e18, noNaN: true }), (value) => {
        const text = decimalFromNumber(value);
        expect(text).toMatch(/^\d+(\.\d*[1-9])?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('compareWithDefillama', () => {
  const base = {
    symbols: ['ETH', 'USDT', 'USDC', 'OKB'],
    nativeSymbol: 'ETH',
    chain: 'Ethereum',
    amounts: llama({ Ethereum: { at: AT, amounts: { ETH: 3.25, usdt: 1200.5, OKB: 7 } }, Polygon: { at: AT, amounts: { USDC: 1 } } }),
  };
  const complete = {
    complete: true,
    blockNumber: '12345',
    comparisons: [counted('ETH', '3.5'), counted('USDT', '1244.56789'), counted('USDC', '5'), counted('OKB', '0')],
  };

  it('gives the exact difference in coins and percent per coin, with the block and DefiLlama’s point', () => {
    const out = compareWithDefillama({ ...base, result: complete });
    expect(out).toMatchObject({ status: 'complete', blockNumber: '12345', chain: 'Ethereum', source: SOURCE, at: AT });
    expect(out.rows).toEqual([
      { symbol: 'ETH', status: 'compared', onChain: '3.5', missingReads: 0, defillamaSymbol: 'ETH', defillama: '3.25', difference: '0.25', differencePercent: '7.69' },
      { symbol: 'USDT', status: 'compared', onChain: '1244.56789', missingReads: 0, defillamaSymbol: 'usdt', defillama: '1200.5', difference: '44.06789', differencePercent: '3.67' },
      // USDC is on DefiLlama's Polygon, not its Ethereum: unknown, not zero.
      { symbol: 'USDC', status: 'no-defillama', onChain: '5', missingReads: 0 },
      { symbol: 'OKB', status: 'compared', onChain: '0', missingReads: 0, defillamaSymbol: 'OKB', defillama: '7', difference: '-7', differencePercent: '-100' },
    ]);
  });

  it('a partial read is marked partial as a whole, and each row whose own reads did not all answer', () => {
    const partial = { ...complete, complete: false, comparisons: [counted('ETH', '3.5', 1), counted('USDT', '1244.56789')] };
    const out = compareWithDefillama({ ...base, result: partial });
    expect(out.status).toBe('partial');
    expect(out.rows.map((row) => [row.symbol, row.status])).toEqual([
      ['ETH', 'partial'],
      // Every USDT read answered: its count is exact, a full comparison even in a partial check.
      ['USDT', 'compared'],
      ['USDC', 'no-onchain'],
      ['OKB', 'no-onchain'],
    ]);
    expect(out.rows[3]).toMatchObject({ defillama: '7' });
    expect(out.rows[3]?.difference).toBeUndefined();
  });

  it('is unknown without a DefiLlama point for the chain, without held amounts, or without a block', () => {
    expect(compareWithDefillama({ ...base, chain: 'Arbitrum', result: complete }).status).toBe('unknown');
    expect(compareWithDefillama({ ...base, chain: 'Arbitrum', result: complete }).rows.every((row) => row.status === 'no-defillama')).toBe(true);
    const none = compareWithDefillama({ ...base, amounts: undefined, result: complete });
    expect(none.status).toBe('unknown');
    expect(none.source).toBeUndefined();
    const failed = compareWithDefillama({ ...base, result: { complete: false, comparisons: [] } });
    expect(failed.status).toBe('unknown');
    expect(failed.blockNumber).toBeUndefined();
  });

  it('Polygon: POL matches MATIC; both in one point is ambiguous and stays unknown', () => {
    const polygon = { symbols: ['POL'], nativeSymbol: 'POL', chain: 'Polygon', result: { complete: true, blockNumber: '1', comparisons: [counted('POL', '10')] } };
    expect(compareWithDefillama({ ...polygon, amounts: llama({ Polygon: { at: AT, amounts: { MATIC: 8 } } }) }).rows[0]).toMatchObject({
      status: 'compared',
      defillamaSymbol: 'MATIC',
      difference: '2',
    });
    expect(compareWithDefillama({ ...polygon, amounts: llama({ Polygon: { at: AT, amounts: { MATIC: 8, POL: 2 } } }) }).rows[0]).toMatchObject({ status: 'ambiguous' });
    // WETH is not the native coin.
    const eth = { symbols: ['ETH'], nativeSymbol: 'ETH', chain: 'Ethereum', result: { complete: true, blockNumber: '1', comparisons: [counted('ETH', '1')] } };
    expect(compareWithDefillama({ ...eth, amounts: llama({ Ethereum: { at: AT, amounts: { WETH: 1 } } }) }).rows[0]?.status).toBe('no-defillama');
  });

  it('difference + DefiLlama = on-chain exactly, its sign is the sign of the gap, percent is 0 only when equal (property)', () => {
    const decimalsArb = fc.integer({ min: 0, max: 18 });
    fc.assert(
      fc.property(decimalsArb, fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.double({ min: 0, max: 1e15, noNaN: true }), (decimals, raw, amount) => {
        const onChain = formatUnits(raw, decimals);
        const out = compareWithDefillama({
          symbols: ['X'],
          nativeSymbol: 'ETH',
          chain: 'Ethereum',
          amounts: llama({ Ethereum: { at: AT, amounts: { X: amount } } }),
          result: { complete: true, blockNumber: '7', comparisons: [counted('X', onChain)] },
        });
        const row = out.rows[0]!;
        expect(row.status).toBe('compared');
        // Wide enough for every digit either side can have (a double's smallest is 5e-324).
        const scale = 400;
        const sum = parseUnits(row.difference!, scale) + parseUnits(row.defillama!, scale);
        expect(sum).toBe(parseUnits(onChain, scale));
        const gap = parseUnits(onChain, scale) - parseUnits(decimalFromNumber(amount), scale);
        expect(Math.sign(Number(parseUnits(row.difference!, scale)))).toBe(gap === 0n ? 0 : gap > 0n ? 1 : -1);
        if (amount === 0) expect(row.differencePercent).toBeUndefined();
        else if (gap === 0n) expect(row.differencePercent).toBe('0');
      }),
    );
  });

  it('an incomplete result never yields a complete comparison, nor a row with a read missing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ symbol: fc.constantFrom('ETH', 'USDT', 'OKB'), missing: fc.nat(3) }), { maxLength: 3 }), (rows) => {
        const comparisons = rows.map((row) => counted(row.symbol, '1', row.missing));
        const out = compareWithDefillama({ ...base, result: { complete: false, blockNumber: '1', comparisons } });
        expect(out.status).not.toBe('complete');
        expect(out.rows.some((row) => row.status === 'compared' && row.missingReads > 0)).toBe(false);
        expect(out.rows.some((row) => row.status === 'partial' && row.missingReads === 0)).toBe(false);
      }),
    );
  });
});
