import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { InclusionProofChecked } from '../../lib/proofs/types';
import { verifyInclusionProof } from '../../lib/proofs/verify-inclusion-proof';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { page } from '../test-dom';
import { ProofResult } from './ProofResult';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (locale: string) => translateFrom(localeMessages(locale));
const checked = async (name: string) => {
  const result = await verifyInclusionProof({ file: readFileSync(join(import.meta.dirname, '../../tests/fixtures/proofs', name), 'utf8') });
  if (!result.ok) throw new Error(`${name} did not check: ${result.failure.code}`);
  return result;
};

function draw(result: InclusionProofChecked, locale: string) {
  const { root, $ } = page();
  render(
    <I18nContext.Provider value={{ t: words(locale.replace('-', '_')), locale }}>
      <ProofResult result={result} />
    </I18nContext.Provider>,
    root,
  );
  /** The leaf table's amount cell of `asset`. */
  const leafAmount = (asset: string) => [...($('proof-leaf')?.querySelectorAll('tbody tr') ?? [])].find((row) => row.querySelector('th')?.textContent === asset)?.querySelector('td');
  const sums = () => [...root.querySelectorAll('[data-testid="proof-path"] td.sums')];
  return { root, leafAmount, sums };
}

afterEach(() => vi.unstubAllGlobals());

describe("ProofResult: the proof's amounts are written as the reader writes numbers", () => {
  test('in German the leaf and the path sums take the decimal comma and grouped thousands; the text as written stays in the title', async () => {
    const { root, leafAmount, sums } = draw(await checked('okx-v1-example.json'), 'de');
    const usdt = leafAmount('USDT');
    expect(usdt?.textContent).toBe('19.398,33550812');
    expect(usdt?.getAttribute('title')).toBe('19398.33550812');
    expect(usdt?.getAttribute('class')).toBe('num');
    expect(leafAmount('ETH')?.textContent).toBe('0,99908176');
    expect(sums()[0]?.textContent).toBe('BTC 1,000069, ETH 0,99908176 und USDT 19.398,33558094');
    expect(sums()[0]?.getAttribute('title')).toBe('BTC 1.000069, ETH 0.99908176, USDT 19398.33558094');
    render(null, root);
  });

  test('every digit stays as written, trailing zeros included', async () => {
    const { root, leafAmount } = draw(await checked('bybit-40.json'), 'de');
    expect(leafAmount('DOT')?.textContent).toBe('7,16384740');
    render(null, root);
  });

  test('an amount in an exponent spelling is written out in full; a zero in one stays hidden with the other zeros', async () => {
    const okx = await checked('okx-v1-example.json');
    const { root, leafAmount, sums } = draw(
      {
        ...okx,
        leaf: { ...okx.leaf, balances: { BTC: '1.0E-7', ETH: '0E-8', USDT: '+2.5E+3' } },
        path: okx.path.slice(0, 1).map((step) => ({ ...step, nodeBalances: { BTC: '1.5E-7', ETH: '0E-8' } })),
      },
      'en',
    );
    expect(leafAmount('BTC')?.textContent).toBe('0.00000010');
    expect(leafAmount('BTC')?.getAttribute('title')).toBe('1.0E-7');
    expect(leafAmount('USDT')?.textContent).toBe('2,500');
    expect(leafAmount('ETH')).toBeUndefined();
    expect(sums()[0]?.textContent).toBe('BTC 0.00000015');
    render(null, root);
  });

  test('the hidden zeros are counted in the plural form their number takes: one asset, two assets', async () => {
    const okx = await checked('okx-v1-example.json');
    const zerosLine = (balances: Record<string, string>, locale: string) => {
      const { root } = draw({ ...okx, leaf: { ...okx.leaf, balances } }, locale);
      const line = [...root.querySelectorAll('[data-testid="proof-leaf"] p.muted')].map((p) => p.textContent).join('');
      render(null, root);
      return line;
    };
    expect(zerosLine({ BTC: '1', ETH: '0' }, 'en')).toBe('1 asset at zero not shown.');
    expect(zerosLine({ BTC: '1', ETH: '0', USDT: '0.00' }, 'en')).toBe('2 assets at zero not shown.');
    expect(zerosLine({ BTC: '1', ETH: '0' }, 'es')).toBe('No se muestra 1 activo en cero.');
    expect(zerosLine({ BTC: '1', ETH: '0' }, 'fr')).toBe('1 actif à zéro masqué.');
    expect(zerosLine({ BTC: '1', ETH: '0', USDT: '0' }, 'de')).toBe('2 Vermögenswerte mit Saldo null ausgeblendet.');
  });
});

test('in Chinese no line puts a space after a full-width mark: the audit follows the format’s "。", the hash its "：", directly', async () => {
  for (const name of ['okx-v1-example.json', 'bybit-40.json', 'bitget-2025.json']) {
    const result = await checked(name);
    const { root } = draw(result, 'zh-CN');
    const lines = [...root.querySelectorAll('p, li')].map((line) => line.textContent ?? '');
    if (result.snapshotId !== undefined) expect(lines.join('\n'), name).toContain('文件中标注的审计');
    expect(lines.flatMap(chineseSentenceProblems), name).toEqual([]);
    render(null, root);
  }
});
