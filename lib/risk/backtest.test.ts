import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { gradeExchange, type GradeExchangeParameters, type RiskReserves } from './grade';

/**
 * Historical cases rebuilt from public reports, each figure with the URL it was read from and
 * the date it describes. docs/risk-model.md ("Backtest") explains each case; the figures here
 * are the published ones, not rounded or filled in: what a report did not say stays absent.
 */

const SOURCES = {
  alamedaBalanceSheet: 'https://www.coindesk.com/business/2022/11/02/divisions-in-sam-bankman-frieds-crypto-empire-blur-on-his-trading-titan-alamedas-balance-sheet',
  alamedaFttTotal: 'https://coinpaper.com/675/leaked-ftx-balance-sheet-deepens-discord-between-sbf-and-cz',
  ftxWithdrawals: 'https://www.nasdaq.com/articles/crypto-exchange-ftx-saw-%246-bln-in-withdrawals-in-72-hours-ceo-message-to-staff',
  cryptoComShib: 'https://www.akilligundem.com/crypto-coms-preliminary-glimpse-of-token-reserves-reveals-20-in-shiba-inu-coin/?ajax=1',
  cryptoComStablecoins: 'https://www.blockhead.co/2022/11/14/crypto-com-favours-the-shib-as-fud-ensues-post-ftx/',
  huobiTrx: 'https://www.bnnbloomberg.ca/sec-case-against-crypto-mogul-sun-stirs-questions-over-huobi-1.1899372',
  binanceNansenBnb: 'https://altszn.com/cryptoquant-verifies-binances-reserves-reports-no-ftx-like-behavior',
  binanceOutflowWeek: 'https://coinspaidmedia.com/news/binance-faces-fud-effect-and-loses-liquidity',
  binanceMerkleBtc: 'https://www.cointime.com/news/binance-publishes-official-merkle-treebased-proof-of-reserves-for-btc-holdings-67137',
  huobiMerkleAugust: 'https://thedefiant.io/news/press-releases/merkel-tree-based-proof-of-reserves-data-released-with-new-assets-stusdt-and-steth',
} as const;

const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
const grade = (exchange: GradeExchangeParameters['exchange'], reserves: RiskReserves, now: string) => gradeExchange({ exchange, reserves, now: at(now) });

// The exchanges as they stood at the time: operating, their own tokens as documented then.
const ftxThen: GradeExchangeParameters['exchange'] = { id: 'ftx', name: 'FTX', ownTokens: ['FTT'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
const cryptoComThen: GradeExchangeParameters['exchange'] = { id: 'crypto-com', name: 'Crypto.com', ownTokens: ['CRO'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
const huobiThen: GradeExchangeParameters['exchange'] = { id: 'htx', name: 'Huobi', ownTokens: ['HT'], affiliatedTokens: ['TRX'], status: { kind: 'operating', checkedOn: '2026-12-04' } };

/**
 * Alameda's balance sheet at 30 June 2022 as CoinDesk reported it on 2 November 2022: $14.6B of
 * assets, of which $3.66B "unlocked FTT" and $2.16B "FTT collateral" ($5.82B FTT in all).
 * FTX published no reserve figures of its own, so this is the best public view of the FTX
 * group's assets at the time; the clean figure is total less FTT.
 */
const alamedaJune2022 = {
  totalUsd: 14_600_000_000,
  cleanUsd: 14_600_000_000 - (3_660_000_000 + 2_160_000_000),
  source: SOURCES.alamedaBalanceSheet,
  asOf: '2022-06-30',
  // The day the source put these figures out: old then already, so their age is the source's.
  checkedAt: '2022-11-02',
};

describe('backtest: FTX, November 2022', () => {
  test('the day after CoinDesk published the balance sheet, the FTT share alone is danger', () => {
    const verdict = grade(ftxThen, { onchain: alamedaJune2022 }, '2022-11-03');
    expect(verdict).toMatchObject({ level: 'danger', grade: 'F' });
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own).toMatchObject({ effect: 'danger', source: SOURCES.alamedaBalanceSheet, asOf: '2022-06-30' });
    expect(own?.value).toBeCloseTo(5.82 / 14.6, 4);
    // Four months old by then: it could never have vouched for FTX, and the verdict says so too.
    expect(verdict.reasons.some((reason) => reason.metric === 'onchain.age-days' && reason.effect === 'unknown')).toBe(true);
  });

  test('on 8 November, with $6B of net withdrawals in 72 hours and withdrawals paused, still danger, with the run flagged', () => {
    const exchange = {
      ...ftxThen,
      incidents: [{ kind: 'withdrawal-halt' as const, date: '2022-11-08', summary: 'Withdrawals at FTX.com "effectively paused".', source: SOURCES.ftxWithdrawals }],
    };
    // Bankman-Fried's note: flows were "mostly average" until the weekend, then "roughly $6b of
    // net withdrawals" in 72 hours; the 72 hours fall inside the 7-day window.
    const flows = { net7dUsd: -6_000_000_000, source: SOURCES.ftxWithdrawals, asOf: '2022-11-08' };
    const verdict = grade(exchange, { onchain: alamedaJune2022, flows }, '2022-11-08');
    expect(verdict.level).toBe('danger');
    expect(verdict.reasons.find((reason) => reason.metric === 'outflow-7d.share')).toMatchObject({ effect: 'caution', source: SOURCES.ftxWithdrawals });
    expect(verdict.reasons.find((reason) => reason.metric === 'incident.withdrawal-halt')).toMatchObject({ effect: 'caution', asOf: '2022-11-08' });
    expect(verdict.sources).toEqual(expect.arrayContaining([SOURCES.alamedaBalanceSheet, SOURCES.ftxWithdrawals]));
  });

  test("today the registry's FTX entry is danger on its status alone, even with no figures at all", () => {
    const ftx = getExchange('ftx');
    expect(ftx).toBeDefined();
    const verdict = gradeExchange({ exchange: ftx!, reserves: undefined, now: at('2026-11-25') });
    expect(verdict.level).toBe('danger');
    expect(verdict.reasons[0]).toMatchObject({ metric: 'status', value: 'collapsed' });
  });
});

describe('backtest: Crypto.com, 11–12 November 2022', () => {
  /**
   * The wallets Crypto.com shared with Nansen on 11 November 2022: $2.88B in all, $872M BTC,
   * $558M SHIB, $487M ETH, $1.5M DOGE (CoinDesk), $198M USDC and $148M USDT (Blockhead, from the
   * same dashboard). The reports name no CRO figure, so the own-token share is unknown.
   */
  const nansenWallets: RiskReserves = {
    por: {
      method: 'wallet-list',
      cadence: 'unknown',
      liabilitiesIncluded: false,
      note: 'Wallet addresses shared with Nansen ahead of an audited report.',
      source: SOURCES.cryptoComShib,
      asOf: '2022-11-11',
    },
    onchain: {
      totalUsd: 2_880_000_000,
      topTokens: [
        { symbol: 'BTC', usd: 872_000_000 },
        { symbol: 'SHIB', usd: 558_000_000 },
        { symbol: 'ETH', usd: 487_000_000 },
        { symbol: 'USDC', usd: 198_000_000 },
        { symbol: 'USDT', usd: 148_000_000 },
        { symbol: 'DOGE', usd: 1_500_000 },
      ],
      source: SOURCES.cryptoComShib,
      asOf: '2022-11-11',
    },
  };

  test('never ok: caution, incomplete (no CRO figure), with the SHIB share and the wallet-list-only PoR flagged', () => {
    const verdict = grade(cryptoComThen, nansenWallets, '2022-11-12');
    expect(verdict).toMatchObject({ level: 'caution', grade: 'D', incomplete: true });
    const minor = verdict.reasons.find((reason) => reason.metric === 'minor-asset.share');
    expect(minor).toMatchObject({ effect: 'caution', source: SOURCES.cryptoComShib, asOf: '2022-11-11' });
    expect(minor?.value).toBeCloseTo(558 / 2880, 4);
    expect(minor).toMatchObject({ code: 'minor-asset.share', params: { asset: 'SHIB' } });
    expect(verdict.reasons.find((reason) => reason.metric === 'por.method')).toMatchObject({ value: 'wallet-list', effect: 'caution' });
    expect(verdict.reasons.find((reason) => reason.metric === 'own-token.share')?.effect).toBe('unknown');
  });

  test('had the CRO share been published and small, the verdict would still have been caution, not ok; only the missing flows leave it incomplete', () => {
    const withClean = { ...nansenWallets, onchain: { ...nansenWallets.onchain!, cleanUsd: nansenWallets.onchain!.totalUsd } };
    const verdict = grade(cryptoComThen, withClean, '2022-11-12');
    expect(verdict).toMatchObject({ level: 'caution', grade: 'D', incomplete: true });
    expect(verdict.reasons.find((reason) => reason.metric === 'own-token.share')?.effect).toBe('ok');
    // No flow figures were reported: missing, not a caution, so they mark the verdict incomplete.
    expect(verdict.reasons.filter((reason) => reason.effect === 'unknown').map((reason) => reason.metric)).toEqual(['outflow-7d.share', 'outflow-30d.share']);
  });
});

describe('backtest: Huobi (HTX), 2023', () => {
  /**
   * Bloomberg, 23 March 2023: TRX was about 18 % of Huobi's reserves (DefiLlama), TRX and HT
   * together about 41 %; CryptoQuant put total reserves at $3.1B and $1.8B excluding the
   * exchange's native tokens (its "clean reserves", which leave out both HT and TRX).
   */
  const march2023: RiskReserves = {
    onchain: { totalUsd: 3_100_000_000, cleanUsd: 1_800_000_000, source: SOURCES.huobiTrx, asOf: '2023-03-23' },
  };

  test('March 2023: about 42 % of reserves in HT and TRX is danger', () => {
    const verdict = grade(huobiThen, march2023, '2023-03-23');
    expect(verdict).toMatchObject({ level: 'danger', grade: 'F' });
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own?.value).toBeCloseTo(1.3 / 3.1, 4);
    expect(own).toMatchObject({ effect: 'danger', source: SOURCES.huobiTrx, asOf: '2023-03-23' });
  });

  test('August 2023: Merkle ratios of 101–104 % alone do not make it ok', () => {
    const august: RiskReserves = {
      por: {
        method: 'merkle-liabilities',
        cadence: 'monthly',
        liabilitiesIncluded: true,
        reserveRatios: { USDT: 1.02, BTC: 1.01, ETH: 1.04, HT: 1.03, TRX: 1.03 },
        note: 'USDT includes stUSDT and ETH includes stETH, per the release.',
        source: SOURCES.huobiMerkleAugust,
        asOf: '2023-08-15',
      },
    };
    const verdict = grade(huobiThen, august, '2023-08-20');
    // No on-chain figures and no flow figures: both missing, not findings, and the known figures
    // (the Merkle ratios) are all ok, so unknown (?), incomplete — never ok.
    expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(verdict.reasons.some((reason) => reason.effect === 'caution' || reason.effect === 'danger')).toBe(false);
    expect(verdict.reasons.filter((reason) => reason.metric.startsWith('outflow-')).map((reason) => reason.effect)).toEqual(['unknown', 'unknown']);
    expect(verdict.reasons.find((reason) => reason.metric === 'reserve-ratio.major')).toMatchObject({ effect: 'ok', value: 1.01 });
    expect(verdict.reasons.find((reason) => reason.metric === 'onchain')?.effect).toBe('unknown');
  });
});

describe('backtest: Binance, December 2022', () => {
  /**
   * Nansen via Cointelegraph (reprinted by Altszn), 14–15 December 2022: $60.4B in Binance's
   * disclosed addresses, $6.2B of it BNB. Nansen, 7–13 December: $8.78B out, $5.12B in, $3.66B
   * net outflow (ETH and ERC-20 only). Binance's first Merkle PoR, snapshot 22 November 2022:
   * BTC only, reserve ratio 101 %.
   */
  const binanceThen: GradeExchangeParameters['exchange'] = { id: 'binance', name: 'Binance', ownTokens: ['BNB'], status: { kind: 'operating', checkedOn: '2026-12-04' } };
  const december: RiskReserves = {
    por: {
      method: 'merkle-liabilities',
      cadence: 'unknown',
      liabilitiesIncluded: true,
      assetsCovered: ['BTC'],
      reserveRatios: { BTC: 1.01 },
      source: SOURCES.binanceMerkleBtc,
      asOf: '2022-11-22',
    },
    onchain: { totalUsd: 60_400_000_000, cleanUsd: 60_400_000_000 - 6_200_000_000, source: SOURCES.binanceNansenBnb, asOf: '2022-12-14' },
    flows: { net7dUsd: -3_660_311_347, source: SOURCES.binanceOutflowWeek, asOf: '2022-12-13' },
  };

  test("caution: BNB just over a tenth of reserves, the week's outflow below the run line", () => {
    const verdict = grade(binanceThen, december, '2022-12-15');
    // One caution (BNB); the missing breakdown and 30-day flow are unknown, so C, incomplete.
    expect(verdict).toMatchObject({ level: 'caution', grade: 'C', incomplete: true });
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own).toMatchObject({ effect: 'caution', source: SOURCES.binanceNansenBnb });
    expect(own?.value).toBeCloseTo(6.2 / 60.4, 4);
    const week = verdict.reasons.find((reason) => reason.metric === 'outflow-7d.share');
    expect(week).toMatchObject({ effect: 'ok', asOf: '2022-12-13' });
    // Of what the addresses held when the week began: today's $60.4B plus what left.
    expect(week?.value).toBeCloseTo(3.660311347 / (60.4 + 3.660311347), 4);
    expect(verdict.reasons.find((reason) => reason.metric === 'reserve-ratio.major')).toMatchObject({ effect: 'ok', value: 1.01 });
  });
});
