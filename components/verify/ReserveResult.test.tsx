import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ReserveBalanceFailure } from '../../lib/chain/balance-failure';
import { enteredFigure, type CheckReservesReturnType } from '../../lib/chain/reserves-check';
import { getExchange } from '../../lib/exchanges/registry';
import type { ExchangeReserves } from '../../lib/reserves/schema';
import { buildExchangeView } from '../../lib/view/exchange-view';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { page } from '../test-dom';
import { okxEthereumTarget as target } from './verify.testkit';
import { ReserveResult } from './ReserveResult';
import { chineseBracketProblems } from '../../lib/words/chinese-brackets.testkit';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('en'));

const result: CheckReservesReturnType = {
  complete: true,
  blockNumber: '21000000',
  chainId: 1,
  balances: [{ address: target.addresses[0]!, symbol: 'ETH', amount: '12.5' }],
  totals: { ETH: '12.5' },
  comparisons: [{ symbol: 'ETH', onChain: '12.5', missingReads: 0 }],
  rpcRequests: 2,
  naiveRequests: 2,
} as CheckReservesReturnType;

const POR = 'https://www.okx.com/proof-of-reserves/report';
const TOTAL = 'https://api.llama.fi/cexs';
const BREAKDOWN = 'https://api.llama.fi/protocol/okx';
const COINS = 'https://api.llama.fi/protocol/okx#tokens';

const REPORT: NonNullable<ExchangeReserves['por']> = { method: 'merkle-liabilities', cadence: 'monthly', liabilitiesIncluded: true, asOf: '2026-08-01', checkedAt: '2026-08-10', source: POR };

function draw(onchain: NonNullable<ExchangeReserves['onchain']>, words = t, locale = 'en', read = result, por = REPORT) {
  const exchange = getExchange('okx');
  if (exchange === undefined) throw new Error('no okx in the registry');
  const reserves: ExchangeReserves = { por, onchain };
  const view = buildExchangeView({ exchange, reserves, now: new Date('2026-08-12T00:00:00Z') });
  const { root, $ } = page();
  render(
    <I18nContext.Provider value={{ t: words, locale }}>
      <ReserveResult target={target} result={read} view={view} heldLoaded={true} />
    </I18nContext.Provider>,
    root,
  );
  const links = (testId: string) => [...($(testId)?.querySelectorAll('a') ?? [])];
  return { root, $, links };
}

const onchain = { totalUsd: 20_000_000_000, cleanUsd: 19_000_000_000, source: TOTAL, asOf: '2026-08-10' };

afterEach(() => vi.unstubAllGlobals());

test('in Chinese the chain id is an aside in full-width parentheses, with no space before', () => {
  const chinese = translateFrom(localeMessages('zh_CN'));
  const { $ } = draw(onchain, chinese, 'zh-CN');
  expect($('reserves-block')?.textContent).toMatch(/\uff08[^\uff09]*1\uff09$/);
  expect(chineseBracketProblems($('reserves-block')?.textContent ?? '')).toEqual([]);
});

test("names the assets no read answered as a list in the reader's language", () => {
  const unanswered: CheckReservesReturnType = {
    ...result,
    complete: false,
    balances: [...result.balances, { address: target.addresses[0]!, symbol: 'USDT' }, { address: target.addresses[0]!, symbol: 'USDC' }],
  } as CheckReservesReturnType;
  const chinese = translateFrom(localeMessages('zh_CN'));
  expect(draw(onchain, chinese, 'zh-CN', unanswered).$('reserves-unanswered')?.textContent).toContain('USDT\u3001USDC');
  expect(draw(onchain, t, 'en', unanswered).$('reserves-unanswered')?.textContent).toContain('USDT, USDC');
});

describe('ReserveResult: sources open beside the result, never in its place', () => {
  test('every source link of the comparison opens a new tab and tells the source nothing about this page', () => {
    const { root, links } = draw({
      ...onchain,
      byChain: { Ethereum: 5_000_000_000 },
      breakdownSource: BREAKDOWN,
      breakdownAsOf: '2026-08-09',
      tokenAmounts: { source: COINS, asOf: '2026-08-09', chains: { Ethereum: { at: '2026-08-09T00:00:00.000Z', amounts: { ETH: 12 } } } },
    });
    const all = [...links('reserves-published'), ...links('reserves-defillama'), ...links('reserves-llama')];
    expect(all.map((link) => link.getAttribute('href'))).toEqual([POR, TOTAL, BREAKDOWN, COINS]);
    for (const link of all) {
      expect(link.getAttribute('target'), link.getAttribute('href') ?? '').toBe('_blank');
      expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    }
    render(null, root);
  });

  test('the DefiLlama total links its own source, the per-chain figure from another answer links that one, each after its own figure', () => {
    const { root, $, links } = draw({ ...onchain, byChain: { Ethereum: 5_000_000_000 }, breakdownSource: BREAKDOWN, breakdownAsOf: '2026-08-09' });
    const line = $('reserves-defillama');
    expect(links('reserves-defillama').map((link) => link.getAttribute('href'))).toEqual([TOTAL, BREAKDOWN]);
    // The total's link comes before the per-chain sentence, the breakdown's after it.
    const text = line?.textContent ?? '';
    expect(text.indexOf('api.llama.fi')).toBeLessThan(text.indexOf('On Ethereum'));
    render(null, root);
  });

  test('one source for both figures, or no per-chain figure: one link, to the source of what is shown', () => {
    const same = draw({ ...onchain, byChain: { Ethereum: 5_000_000_000 } });
    expect(same.links('reserves-defillama').map((link) => link.getAttribute('href'))).toEqual([TOTAL]);
    render(null, same.root);
    // The breakdown is from elsewhere but has no figure for this chain: only the total is shown, so only its source.
    const noChain = draw({ ...onchain, byChain: { Arbitrum: 1_000_000_000 }, breakdownSource: BREAKDOWN, breakdownAsOf: '2026-08-09' });
    expect(noChain.links('reserves-defillama').map((link) => link.getAttribute('href'))).toEqual([TOTAL]);
    render(null, noChain.root);
  });
});

test('in Chinese no line of the comparison puts a space after a full-width mark (a link or the next sentence follows it directly)', () => {
  const chinese = translateFrom(localeMessages('zh_CN'));
  const full = {
    ...onchain,
    byChain: { Ethereum: 5_000_000_000 },
    breakdownSource: BREAKDOWN,
    breakdownAsOf: '2026-08-09',
    tokenAmounts: { source: COINS, asOf: '2026-08-09', chains: { Ethereum: { at: '2026-08-09T00:00:00.000Z', amounts: { ETH: 12 } } } },
  };
  // Its own source for the per-chain figure (a link between the two sentences), and one source for both.
  for (const figures of [full, { ...full, breakdownSource: TOTAL }]) {
    const { root } = draw(figures, chinese, 'zh-CN');
    const lines = [...root.querySelectorAll('p, li')].map((line) => line.textContent ?? '');
    expect(lines.join('\n')).toContain('Ethereum 上');
    expect(lines.flatMap(chineseSentenceProblems)).toEqual([]);
    render(null, root);
  }
});

test('a record saying no proof of reserves is published shows no report and no snapshot day, even one an older feed wrote', () => {
  const none: NonNullable<ExchangeReserves['por']> = {
    method: 'none',
    cadence: 'unknown',
    liabilitiesIncluded: false,
    asOf: '2026-07-15',
    snapshotDate: '2026-07-15',
    checkedAt: '2026-08-10',
    source: POR,
  };
  const text = draw(onchain, t, 'en', result, none).$('reserves-published')?.textContent ?? '';
  expect(text).toContain(t('verifyReservesNoPublished', target.exchangeName));
  expect(text).not.toContain(t('verifyReservesPublishedSummary', [target.exchangeName, 'Jul 15, 2026']));
  expect(text).not.toContain('Jul 15, 2026');
});

test('one request, one wallet and one missing read are each said in the singular; more in the plural', () => {
  const french = translateFrom(localeMessages('fr'));
  const exchange = getExchange('okx');
  if (exchange === undefined) throw new Error('no okx in the registry');
  const view = buildExchangeView({ exchange, reserves: { por: REPORT, onchain }, now: new Date('2026-08-12T00:00:00Z') });
  const lines = (words: typeof t, locale: string, count: number) => {
    const read = { ...result, complete: false, rpcRequests: count, naiveRequests: 4, comparisons: [{ symbol: 'ETH', onChain: '12.5', missingReads: count }] } as CheckReservesReturnType;
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={{ t: words, locale }}>
        <ReserveResult target={{ ...target, addresses: Array.from({ length: count }, () => target.addresses[0]!) }} result={read} view={view} heldLoaded={true} />
      </I18nContext.Provider>,
      root,
    );
    const said = [
      $('reserves-total-partial')?.textContent,
      root.querySelector('details summary')?.textContent,
      [...root.querySelectorAll('p.muted')].map((p) => p.textContent).find((text) => text?.includes('(') && !text.includes('%')),
    ];
    render(null, root);
    return said;
  };
  expect(lines(t, 'en', 1)).toEqual(['at least (1 read missing)', 'Balances in 1 wallet', '1 request to your endpoint (one per balance would take 4).']);
  expect(lines(t, 'en', 2)).toEqual(['at least (2 reads missing)', 'Balances of each of the 2 wallets', '2 requests to your endpoint (one per balance would take 4).']);
  expect(lines(french, 'fr', 1)).toEqual(['au moins (1 lecture manquante)', 'Soldes de 1 portefeuille', "1 requête à votre point d'accès (une par solde en demanderait 4)."]);
});

test('a figure the user typed is shown with "date unknown", never today; a figure that came with its date shows that date', () => {
  const typed = { ...result, comparisons: [{ symbol: 'ETH', onChain: '12.5', missingReads: 0, published: '12', publishedDifference: '0.5', publishedDifferencePercent: '4.16' }] };
  const undated = draw(onchain, t, 'en', { ...typed, published: enteredFigure({ ETH: '12' }) }).$('reserves-published-date')?.textContent;
  expect(undated).toBe(t('reasonDateUnknown'));
  const dated = draw(onchain, t, 'en', { ...typed, published: { amounts: { ETH: '12' }, source: POR, date: '2026-08-01' } }).$('reserves-published-date')?.textContent;
  expect(dated).toBe(t('asOf', 'Aug 1, 2026'));
});

test('the figures the user typed carry no date: none came with them, and today is not the day they describe', () => {
  expect(enteredFigure({ ETH: '12' })).toEqual({ amounts: { ETH: '12' }, source: 'entered by the user' });
  expect(enteredFigure({ ETH: '12' })).not.toHaveProperty('date');
});

describe('ReserveResult: the figures the user typed', () => {
  const noUnitsHint = "Enter the exchange's own figures above to see the difference.";
  const compared = {
    ...result,
    published: enteredFigure({ ETH: '12' }),
    comparisons: [{ symbol: 'ETH', onChain: '12.5', missingReads: 0, published: '12', publishedDifference: '0.5', publishedDifferencePercent: '4.16' }],
  } as CheckReservesReturnType;
  const failed = {
    complete: false,
    balances: [],
    totals: {},
    comparisons: [],
    rpcRequests: 1,
    naiveRequests: 2,
    error: { code: 'rpc-unreachable', message: 'unreachable', failure: { code: 'rpc-unreachable' } },
    published: enteredFigure({ ETH: '12' }),
  } as unknown as CheckReservesReturnType;

  test('with no figures typed, the page says where to type them', () => {
    expect(draw(onchain).root.textContent).toContain(noUnitsHint);
  });

  test('once figures were typed and compared, the page no longer asks for them', () => {
    const { root, $ } = draw(onchain, t, 'en', compared);
    expect($('reserves-published-difference')?.textContent).toContain('0.5');
    expect(root.textContent).not.toContain(noUnitsHint);
    expect($('reserves-figures-not-compared')).toBeNull();
  });

  test('when the check fails, typed figures are said to be not compared, and nobody is asked to type them again', () => {
    const { root, $ } = draw(onchain, t, 'en', failed);
    expect(root.textContent).not.toContain(noUnitsHint);
    expect($('reserves-figures-not-compared')?.textContent).toBe(t('verifyReservesFiguresNotCompared'));
  });

  test('when the check was cancelled before any read answered, typed figures are said to be not compared because of the cancel, not a failure', () => {
    const cancelled = { ...failed, error: { code: 'cancelled', message: 'cancelled', failure: { code: 'cancelled' } } } as unknown as CheckReservesReturnType;
    const { $ } = draw(onchain, t, 'en', cancelled);
    expect($('reserves-status')?.textContent).toContain(t('verifyReservesCancelled'));
    expect($('reserves-figures-not-compared')?.textContent).toBe('The figures you entered were not compared, because the check was cancelled. They are still in the form above.');
    expect($('reserves-figures-not-compared')?.textContent).not.toContain('failed');
  });
});

test('in a partial result, a row whose every read answered is exact, not "at least (0 reads missing)"', () => {
  const partial = {
    ...result,
    complete: false,
    comparisons: [
      { symbol: 'ETH', onChain: '12.5', missingReads: 0 },
      { symbol: 'USDT', onChain: '3', missingReads: 2 },
    ],
  } as CheckReservesReturnType;
  const { root } = draw(onchain, t, 'en', partial);
  const cell = (symbol: string) => root.querySelector(`[data-testid="reserves-total"][data-symbol="${symbol}"] td`)?.textContent ?? '';
  expect(cell('ETH')).not.toContain('at least');
  expect(cell('ETH')).not.toContain('0 reads');
  expect(cell('ETH')).toContain(t('verifyReservesAllRead'));
  expect(cell('USDT')).toContain('at least (2 reads missing)');
});

describe('ReserveResult: a figure typed for an asset no read answered', () => {
  const french = translateFrom(localeMessages('fr'));
  const chinese = translateFrom(localeMessages('zh_CN'));
  const wallet = target.addresses[0]!;
  /** ETH answered and compared; USDT and OKB have no total (why: `failures`, 'not-read' by default), so no comparison. */
  const partial = (typed: Record<string, string>, error?: 'cancelled', failures: Partial<Record<'USDT' | 'OKB', ReserveBalanceFailure>> = {}) =>
    ({
      ...result,
      complete: false,
      balances: [
        { address: wallet, symbol: 'ETH', amount: '12.5' },
        { address: wallet, symbol: 'USDT', error: 'log words', failure: failures.USDT ?? 'not-read' },
        { address: wallet, symbol: 'OKB', error: 'log words', failure: failures.OKB ?? 'not-read' },
      ],
      totals: { ETH: '12.5' },
      comparisons: [{ symbol: 'ETH', onChain: '12.5', missingReads: 0, ...(typed.ETH === undefined ? {} : { published: typed.ETH, publishedDifference: '0.5', publishedDifferencePercent: '4.16' }) }],
      published: enteredFigure(typed),
      ...(error === undefined ? {} : { error: { code: error, failure: { code: error } } }),
    }) as unknown as CheckReservesReturnType;

  test('the user is told, by name, which of their figures could not be compared', () => {
    const { $ } = draw(onchain, t, 'en', partial({ ETH: '12', OKB: '5' }));
    expect($('reserves-figures-unanswered')?.textContent).toBe('Your figure for OKB was not compared: none of its reads answered.');
    // ETH was compared, so it is not named; USDT was not typed, so it is not named either.
    expect($('reserves-published-difference')?.textContent).toContain('0.5');
  });

  test('two such figures are named as a list, in the plural, in the reader’s language', () => {
    const typed = { ETH: '12', OKB: '5', USDT: '7' };
    expect(draw(onchain, t, 'en', partial(typed)).$('reserves-figures-unanswered')?.textContent).toBe('Your figures for USDT, OKB were not compared: none of their reads answered.');
    const fr = draw(onchain, french, 'fr', partial(typed)).$('reserves-figures-unanswered')?.textContent ?? '';
    expect(fr).toBe("Vos chiffres pour USDT, OKB n'ont pas été comparés\u00a0: aucune de leurs lectures n'a répondu.");
    const zh = draw(onchain, chinese, 'zh-CN', partial(typed)).$('reserves-figures-unanswered')?.textContent ?? '';
    expect(zh).toContain('USDT\u3001OKB');
    expect(chineseSentenceProblems(zh)).toEqual([]);
  });

  test('on a cancelled check the figures are said to be left out because of the cancel, not because the chain gave no answer', () => {
    const { $ } = draw(onchain, t, 'en', partial({ ETH: '12', OKB: '5' }, 'cancelled'));
    expect($('reserves-figures-unanswered')?.textContent).toBe('Your figure for OKB was not compared: the check was cancelled before its reads answered.');
  });

  test('each figure is said to be left out for its own reason: never read (cancel), reads failed, or answers that are no amount', () => {
    const said = (error: 'cancelled' | undefined, failures: Partial<Record<'USDT' | 'OKB', ReserveBalanceFailure>>, words = t, locale = 'en') =>
      draw(onchain, words, locale, partial({ ETH: '12', OKB: '5', USDT: '7' }, error, failures)).$('reserves-figures-unanswered')?.textContent;
    // OKB's calls failed in a batch that answered; the user cancelled before USDT's batch was sent.
    expect(said('cancelled', { OKB: 'call-failed' })).toBe(
      'Your figure for USDT was not compared: the check was cancelled before its reads answered. Your figure for OKB was not compared: its reads failed.',
    );
    expect(said(undefined, { USDT: 'call-failed', OKB: 'call-failed' })).toBe('Your figures for USDT, OKB were not compared: their reads failed.');
    // Every balanceOf answered, but the token gave no decimals, or the answer was no balance: the reads did answer.
    expect(said(undefined, { USDT: 'no-decimals', OKB: 'not-a-balance' })).toBe("Your figures for USDT, OKB were not compared: their tokens' answers could not be read as amounts.");
    expect(said('cancelled', { USDT: 'call-failed', OKB: 'no-decimals' }, french, 'fr')).toBe(
      "Votre chiffre pour USDT n'a pas été comparé\u00a0: ses lectures ont échoué. Votre chiffre pour OKB n'a pas été comparé\u00a0: les réponses de son jeton ne se lisent pas comme des montants.",
    );
    const zh = said('cancelled', { OKB: 'call-failed' }, chinese, 'zh-CN') ?? '';
    expect(zh).toBe('您为 USDT 输入的数据未参与比较：检查在这些读取返回前已取消。您为 OKB 输入的数据未参与比较：该资产的读取均失败。');
    expect(chineseSentenceProblems(zh)).toEqual([]);
  });

  test('an asset whose wallets failed for different reasons is said to have more than one, not filed under one of them', () => {
    const other = `0x${'cd'.repeat(20)}`;
    /** USDT's and OKB's first wallet failed as `failures` says; OKB's second wallet answered something that is no balance. */
    const mixed = (
      error: 'cancelled' | undefined,
      failures: Partial<Record<'USDT' | 'OKB', ReserveBalanceFailure>>,
      second: Partial<Record<'USDT' | 'OKB', ReserveBalanceFailure>> = { OKB: 'not-a-balance' },
    ) => {
      const base = partial({ ETH: '12', OKB: '5', USDT: '7' }, error, failures);
      const more = Object.entries(second).map(([symbol, failure]) => ({ address: other, symbol, error: 'log words', failure }));
      return { ...base, balances: [...base.balances, ...more] } as unknown as CheckReservesReturnType;
    };
    const said = (read: CheckReservesReturnType, words = t, locale = 'en') => draw(onchain, words, locale, read).$('reserves-figures-unanswered')?.textContent;
    // OKB: one wallet's call failed, the other's answer is no balance. Neither "its reads failed" nor "not amounts" is true of all of them.
    expect(said(mixed(undefined, { USDT: 'call-failed', OKB: 'call-failed' }))).toBe(
      "Your figure for USDT was not compared: its reads failed. Your figure for OKB was not compared: its reads gave no amount, for more than one reason (each wallet's reason is shown with the balances below).",
    );
    // Cancelled after one of OKB's reads failed: the other was never sent, which is a second reason.
    expect(said(mixed('cancelled', { USDT: 'call-failed', OKB: 'call-failed' }, { OKB: 'not-read' }))).toBe(
      "Your figure for USDT was not compared: its reads failed. Your figure for OKB was not compared: its reads gave no amount, for more than one reason (each wallet's reason is shown with the balances below).",
    );
    // No decimals and no balance are one reason to the reader (the answers are no amounts): not mixed.
    expect(said(mixed(undefined, { USDT: 'call-failed', OKB: 'no-decimals' }))).toBe(
      "Your figure for USDT was not compared: its reads failed. Your figure for OKB was not compared: its token's answers could not be read as amounts.",
    );
    const both = mixed(undefined, { USDT: 'not-read', OKB: 'call-failed' }, { USDT: 'call-failed', OKB: 'not-a-balance' });
    expect(said(both)).toBe("Your figures for USDT, OKB were not compared: their reads gave no amount, for more than one reason (each wallet's reason is shown with the balances below).");
    expect(said(both, french, 'fr')).toBe(
      "Vos chiffres pour USDT, OKB n'ont pas été comparés\u00a0: leurs lectures n'ont donné aucun montant, pour plus d'une raison (la raison de chaque portefeuille figure avec les soldes ci-dessous).",
    );
    const zh = said(mixed(undefined, { USDT: 'call-failed', OKB: 'call-failed' }), chinese, 'zh-CN') ?? '';
    expect(zh).toBe('您为 USDT 输入的数据未参与比较：该资产的读取均失败。您为 OKB 输入的数据未参与比较：相关读取均未得到数量，原因不止一种（各钱包的原因见下方余额）。');
    expect(chineseSentenceProblems(zh)).toEqual([]);
    expect(chineseBracketProblems(zh)).toEqual([]);
  });

  test('with every typed figure compared, or none typed, nothing is said', () => {
    expect(draw(onchain, t, 'en', partial({ ETH: '12' })).$('reserves-figures-unanswered')).toBeNull();
    expect(draw(onchain, t, 'en', { ...partial({}), published: undefined } as unknown as CheckReservesReturnType).$('reserves-figures-unanswered')).toBeNull();
  });

  test('a run with no totals says its typed figures were not compared once, as a whole, not asset by asset', () => {
    // The block answered, then every read failed: no total, so the failed-check sentence speaks for all the figures.
    const none = {
      ...partial({ ETH: '12', OKB: '5' }, undefined, { USDT: 'call-failed', OKB: 'call-failed' }),
      balances: [{ address: wallet, symbol: 'ETH', failure: 'call-failed' }],
      totals: {},
      comparisons: [],
    };
    const { $ } = draw(onchain, t, 'en', { ...none, error: { code: 'rpc-error', failure: { code: 'rpc-error' } } } as unknown as CheckReservesReturnType);
    expect($('reserves-figures-not-compared')?.textContent).toBe(t('verifyReservesFiguresNotCompared'));
    expect($('reserves-figures-unanswered')).toBeNull();
  });
});

test('why a balance has no figure is said in the reader’s language, not in the English of the log', () => {
  const french = translateFrom(localeMessages('fr'));
  const wallet = target.addresses[0]!;
  const read = {
    ...result,
    complete: false,
    balances: [
      { address: wallet, symbol: 'ETH', amount: '12.5' },
      { address: wallet, symbol: 'USDT', error: 'The contract call failed: execution reverted', failure: 'call-failed' },
      { address: wallet, symbol: 'OKB', error: 'Not read: the check stopped before this balance.', failure: 'not-read' },
      { address: wallet, symbol: 'USDC', error: 'The token did not say how many decimals it has.', failure: 'no-decimals' },
      { address: wallet, symbol: 'WBTC', error: 'The contract answered something that is not a balance.', failure: 'not-a-balance' },
    ],
  } as CheckReservesReturnType;
  const { $ } = draw(onchain, french, 'fr', read);
  const cells = [...($('reserves-balances')?.querySelectorAll('tbody tr td:last-child') ?? [])].map((cell) => cell.textContent);
  // One row per code: a message key given to the wrong code shows the wrong reason.
  expect(cells).toEqual([
    '12,5',
    "L'appel au contrat a échoué.",
    "Non lu\u00a0: la vérification s'est arrêtée avant ce solde.",
    "Le jeton n'a pas indiqué son nombre de décimales.",
    "Le contrat a répondu autre chose qu'un solde.",
  ]);
});
