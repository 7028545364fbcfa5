import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { CheckReservesReturnType, ReserveComparison } from '../../lib/chain/reserves-check';
import { formatDecimal } from '../../lib/words/format';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { localeMessages } from '../../utils/locale-files.testkit';
import { page } from '../test-dom';
import { okxEthereumTarget as target } from './verify.testkit';
import { ReserveResult } from './ReserveResult';

// A typed or DefiLlama figure that differs from the on-chain total by less than the token's smallest unit is said to differ
// by less than that unit, in plain words, not shown as a difference of two numbers that read alike; a difference of one unit or
// more keeps its figure, and two totals one unit apart never read alike.

const LOCALES = ['de', 'en', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN'] as const;
const words = (folder: string) => translateFrom(localeMessages(folder));
const tag = (folder: string) => folder.replace('_', '-');

function draw(folder: string, row: ReserveComparison) {
  const result = {
    complete: true,
    blockNumber: '21000000',
    chainId: 1,
    balances: [{ address: target.addresses[0]!, symbol: row.symbol, amount: row.onChain }],
    totals: { [row.symbol]: row.onChain },
    comparisons: [row],
    published: { amounts: { [row.symbol]: row.published ?? '' }, source: 'entered by the user' },
    rpcRequests: 1,
    naiveRequests: 1,
  } as CheckReservesReturnType;
  const { root, $ } = page();
  render(
    <I18nContext.Provider value={{ t: words(folder), locale: tag(folder) }}>
      <ReserveResult target={target} result={result} view={undefined} heldLoaded={true} />
    </I18nContext.Provider>,
    root,
  );
  const cells = [...($('reserves-totals')?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent ?? '');
  return { $, cells, unmount: () => render(null, root) };
}

// 1.5 WBTC on-chain (8 decimals); typed 1.500000001 and DefiLlama 1.499999999: a tenth of a unit either way.
const belowUnit: ReserveComparison = {
  symbol: 'WBTC',
  onChain: '1.5',
  missingReads: 0,
  published: '1.500000001',
  publishedDifference: '-0.000000001',
  publishedDifferencePercent: '0',
  publishedBelowUnit: '0.00000001',
  defillama: '1.499999999',
  defillamaDifference: '0.000000001',
  defillamaDifferencePercent: '0',
  defillamaBelowUnit: '0.00000001',
};

describe('a difference smaller than the token can hold', () => {
  for (const folder of LOCALES) {
    test(`${folder}: both columns say so in plain words, with the token and its smallest unit, and show no difference figure`, () => {
      const t = words(folder);
      const { $, cells, unmount } = draw(folder, belowUnit);
      const unit = formatDecimal('0.00000001', tag(folder));
      const said = t('verifyReservesBelowUnit', ['WBTC', unit]);
      expect(said).not.toBe('');
      expect($('reserves-published-difference')?.textContent).toBe(said);
      expect(cells[2]).toContain(said);
      for (const cell of cells.slice(1)) expect(cell).not.toMatch(/0[.,]000000001/);
      unmount();
    });
  }

  test('the words claim no more than is true: under one unit is not "the same" (1.500000009 is nearer 1.50000001 than 1.5)', () => {
    const said = words('en')('verifyReservesBelowUnit', ['WBTC', '0.00000001']);
    expect(said).toMatch(/less than the smallest amount of WBTC \(0\.00000001\)/);
    expect(said).not.toMatch(/same/i);
  });

  test('one unit or more is a difference: its figure is shown as before', () => {
    const t = words('en');
    const { $, unmount } = draw('en', { symbol: 'WBTC', onChain: '1.5', missingReads: 0, published: '1.49999999', publishedDifference: '0.00000001', publishedDifferencePercent: '0' });
    expect($('reserves-published-difference')?.textContent).toBe(t('verifyReservesDifference', ['0.00000001', '0']));
    unmount();
  });

  test('two totals one unit apart never read alike, in any language', () => {
    for (const folder of LOCALES) {
      const { cells, unmount } = draw(folder, { symbol: 'WBTC', onChain: '1.5', missingReads: 0, published: '1.50000001', publishedDifference: '-0.00000001', publishedDifferencePercent: '0' });
      const [onChain = '', typed = ''] = cells;
      // The typed cell is its figure, a space, then "(entered by you)".
      expect(typed.split(' ')[0], folder).not.toBe(onChain);
      unmount();
    }
  });
});
