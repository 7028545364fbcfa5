import { beforeEach, expect, test, vi } from 'vitest';

/** Every call into the public-suffix list (tldts), which the build loads on first use (issue 16). */
const suffixCalls = vi.hoisted(() => [] as string[]);
vi.mock('tldts', async (importOriginal) => {
  const tldts = await importOriginal<typeof import('tldts')>();
  return {
    ...tldts,
    getPublicSuffix: (...args: Parameters<typeof tldts.getPublicSuffix>) => {
      suffixCalls.push('getPublicSuffix');
      return tldts.getPublicSuffix(...args);
    },
    getDomainWithoutSuffix: (...args: Parameters<typeof tldts.getDomainWithoutSuffix>) => {
      suffixCalls.push('getDomainWithoutSuffix');
      return tldts.getDomainWithoutSuffix(...args);
    },
  };
});

beforeEach(() => {
  vi.resetModules();
  suffixCalls.length = 0;
});

test("an exchange's own hosts are classified without the public-suffix list; any other host uses it", async () => {
  const { classify } = await import('./classify');
  expect(classify('www.binance.com').exchange?.id).toBe('binance');
  expect(classify('coinone.co.kr').exchange?.id).toBe('coinone');
  expect(classify('BINANCE.COM.').verdict).toBe('exchange');
  expect(suffixCalls).toEqual([]);
  expect(classify('binance-login.com').verdict).toBe('lookalike');
  expect(suffixCalls).toContain('getPublicSuffix');
});

test('a host that only ends like an official domain still goes through the list', async () => {
  const { classify } = await import('./classify');
  expect(classify('binance.com.evil.io').verdict).toBe('lookalike');
  expect(suffixCalls).toContain('getPublicSuffix');
});
