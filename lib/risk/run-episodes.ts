import type { Flows } from '../reserves/schema';
import type { OwnTokenSeries } from '../reserves/own-token-prices';
import { nextRunState, type RunState } from './run-episode';
import { evaluateRun, type RunEvaluation, type RunLevel, type RunWarning } from './run-signals';

/**
 * Real episodes for the run watch's backtest, each figure with the URL it was read from and the
 * moment it describes. Where a report gives a share or a price change rather than the figure,
 * the figure is worked out from it and the note says how. A reading is what the watch would have
 * seen at that moment, had it been running on these figures: DefiLlama did not track FTX, so
 * its readings are rebuilt from the reports, not recorded. docs/risk-model.md ("Run alert
 * backtest") carries the table `replayEpisode` produces, checked by `run-backtest.test.ts`.
 */

export const EPISODE_SOURCES = {
  ftxArkham: 'https://coindesk-coindesk-prod.cdn.arcpublishing.com/markets/2022/11/10/ftx-balances-tumbled-87-in-5-days-in-epic-crypto-deposit-run-data-shows/',
  ftx72Hours: 'https://www.nasdaq.com/articles/crypto-exchange-ftx-saw-%246-bln-in-withdrawals-in-72-hours-ceo-message-to-staff',
  ftxHalt: 'https://www.theblock.co/post/184315/ftx-effectively-paused-withdrawals-ceo-sam-bankman-fried-tells-employees',
  binanceDay: 'https://coindesk-coindesk-prod.cdn.arcpublishing.com/markets/2022/12/13/binance-withdrawals-surge-as-concerns-about-its-reserve-report-spook-traders/',
  binanceWeek: 'https://coinspaidmedia.com/news/binance-faces-fud-effect-and-loses-liquidity',
  binanceTotal: 'https://altszn.com/cryptoquant-verifies-binances-reserves-reports-no-ftx-like-behavior',
  cro: 'https://investing.com/news/cryptocurrency-news/cryptocom-native-token-plummets-as-ftx-collapse-fuels-contagion-fears-2942505',
  huobiAugust: 'https://www.coindesk.com/markets/2023/08/07/huobis-stablecoin-reserves-down-30-amid-reports-of-executive-arrests/',
  cexsRecorded: 'https://api.llama.fi/cexs',
} as const;

export interface RunReading {
  at: string;
  /** What the reading rests on, in words. */
  note: string;
  totalUsd?: number;
  flows?: Pick<Flows, 'net24hUsd' | 'net7dUsd'>;
  /** The source of `totalUsd` and `flows`. */
  source?: string;
  prices?: Record<string, OwnTokenSeries>;
  warnings?: RunWarning[];
}

export interface RunEpisode {
  id: string;
  name: string;
  exchange: string;
  ownTokens: readonly string[];
  /** When withdrawals stopped, when they did. */
  halt?: { at: string; source: string };
  readings: RunReading[];
}

const series = (symbol: string, source: string, points: [string, number][]): Record<string, OwnTokenSeries> => ({ [symbol]: { symbol, source, points: points.map(([at, usd]) => ({ at, usd })) } });

export const RUN_EPISODES: readonly RunEpisode[] = [
  {
    id: 'ftx-2022-11',
    name: 'FTX, November 2022',
    exchange: 'FTX',
    ownTokens: ['FTT'],
    halt: { at: '2022-11-08T11:37:00Z', source: EPISODE_SOURCES.ftxHalt },
    readings: [
      {
        at: '2022-11-07T06:00:00Z',
        note: 'Arkham: FTX held $8.4B on 5 November; Bankman-Fried: "roughly $5B of withdrawals on Sunday" (6 November, Bahamas time, over by 05:00 UTC). What was left: $3.4B.',
        totalUsd: 8_400_000_000 - 5_000_000_000,
        flows: { net24hUsd: -5_000_000_000, net7dUsd: -5_000_000_000 },
        source: EPISODE_SOURCES.ftxArkham,
      },
      {
        at: '2022-11-08T11:00:00Z',
        note: 'Reuters: "roughly $6b of net withdrawals" in the 72 hours before Tuesday morning; $8.4B less $6B left $2.4B. No split by day, so the 24-hour figure is missing.',
        totalUsd: 8_400_000_000 - 6_000_000_000,
        flows: { net7dUsd: -6_000_000_000 },
        source: EPISODE_SOURCES.ftx72Hours,
      },
      {
        at: '2022-11-10T16:00:00Z',
        note: 'CoinDesk: FTT traded between $22 and $26 from 1 October to 4 November and "had sunk to about $2" on 10 November (the low end, $22, is taken as the week\'s high).',
        prices: series('FTT', EPISODE_SOURCES.ftxArkham, [
          ['2022-11-04T00:00:00Z', 22],
          ['2022-11-10T16:00:00Z', 2],
        ]),
      },
    ],
  },
  {
    id: 'binance-2022-12',
    name: 'Binance, December 2022',
    exchange: 'Binance',
    ownTokens: ['BNB'],
    readings: [
      {
        at: '2022-12-13T00:20:00Z',
        note: 'CoinDesk, from Nansen: $902M of net outflows in 24 hours, against "ostensibly $64 billions of assets" (Arkham).',
        totalUsd: 64_000_000_000,
        flows: { net24hUsd: -902_000_000 },
        source: EPISODE_SOURCES.binanceDay,
      },
      {
        at: '2022-12-14T12:00:00Z',
        note: 'Nansen: $3.66B net out from 7 to 13 December (Ethereum and ERC-20 only); $60.4B held in the disclosed addresses on 14 December, so about $64B at the start of the week.',
        totalUsd: 60_400_000_000,
        flows: { net7dUsd: -3_660_311_347 },
        source: EPISODE_SOURCES.binanceWeek,
      },
    ],
  },
  {
    id: 'crypto-com-2022-11',
    name: 'Crypto.com, November 2022',
    exchange: 'Crypto.com',
    ownTokens: ['CRO'],
    readings: [
      {
        at: '2022-11-14T12:00:00Z',
        note: 'Investing.com: CRO "slumped 28% to $0.0557, halving in value over the past week" on Monday 14 November; the day-earlier and week-earlier prices are worked out from those two changes. No flow figure was reported.',
        prices: series('CRO', EPISODE_SOURCES.cro, [
          ['2022-11-07T12:00:00Z', 0.0557 * 2],
          ['2022-11-13T12:00:00Z', 0.0557 / 0.72],
          ['2022-11-14T12:00:00Z', 0.0557],
        ]),
      },
    ],
  },
  {
    id: 'huobi-2023-08',
    name: 'Huobi, August 2023',
    exchange: 'Huobi',
    ownTokens: ['HT'],
    readings: [
      {
        at: '2023-08-07T08:05:00Z',
        note: "CoinDesk: DefiLlama showed about $2.5B on Huobi; $49M of stablecoins withdrawn in the week (the only flow reported, so a floor for the whole week's outflow).",
        totalUsd: 2_500_000_000,
        flows: { net7dUsd: -49_000_000 },
        source: EPISODE_SOURCES.huobiAugust,
      },
    ],
  },
  {
    id: 'cexs-2026-08-10',
    name: 'DefiLlama /cexs, 10 August 2026',
    exchange: 'Bybit',
    ownTokens: ['BIT', 'MNT'],
    readings: [
      {
        at: '2026-08-10T06:20:12Z',
        note: 'The recorded /cexs row (tests/fixtures/defillama/recorded/): $13.07B, $27.3M out in 24 hours, $75.1M out in 7 days.',
        totalUsd: 13_073_538_118.423311,
        flows: { net24hUsd: -27_319_332.16195826, net7dUsd: -75_111_070.0 },
        source: EPISODE_SOURCES.cexsRecorded,
      },
    ],
  },
];

export interface ReplayedReading {
  at: string;
  evaluation: RunEvaluation;
  state: RunState;
  started: boolean;
}

export interface ReplayEpisodeReturnType {
  readings: ReplayedReading[];
  peak: RunLevel;
  /** The first reading that began an alert episode. */
  firstAlertAt?: string;
  /** Hours from the first alert to the halt; negative when the alert came after it. */
  leadHours?: number;
  /** How many alert episodes began (at most one notification each). */
  alerts: number;
}

/** The episode's readings, in order, through the same evaluation and episode logic the extension runs. */
export function replayEpisode(episode: RunEpisode): ReplayEpisodeReturnType {
  let state: RunState | undefined;
  const readings: ReplayedReading[] = [];
  for (const reading of episode.readings) {
    const observedAt = reading.at;
    const source = reading.source ?? EPISODE_SOURCES.cexsRecorded;
    const asOf = observedAt.slice(0, 10);
    const evaluation = evaluateRun({
      exchange: { ownTokens: episode.ownTokens },
      reserves: {
        ...(reading.totalUsd === undefined ? {} : { onchain: { totalUsd: reading.totalUsd, source, asOf, observedAt } }),
        ...(reading.flows === undefined ? {} : { flows: { ...reading.flows, source, asOf, observedAt } }),
      },
      prices: reading.prices,
      warnings: reading.warnings,
      now: new Date(observedAt),
    });
    const next = nextRunState({ held: state, evaluation, now: new Date(observedAt) });
    state = next.state;
    readings.push({ at: observedAt, evaluation, state, started: next.started });
  }
  const rank = { calm: 0, caution: 1, alert: 2 } as const;
  const peak = readings.reduce<RunLevel>((worst, { evaluation }) => (rank[evaluation.level] > rank[worst] ? evaluation.level : worst), 'calm');
  const firstAlertAt = readings.find((reading) => reading.started)?.at;
  const leadHours = firstAlertAt === undefined || episode.halt === undefined ? undefined : Math.round(((Date.parse(episode.halt.at) - Date.parse(firstAlertAt)) / 3_600_000) * 10) / 10;
  return { readings, peak, alerts: readings.filter((reading) => reading.started).length, ...(firstAlertAt === undefined ? {} : { firstAlertAt }), ...(leadHours === undefined ? {} : { leadHours }) };
}

export interface BacktestSummary {
  episodes: number;
  readings: number;
  alerts: number;
  /** Alerts that came before withdrawals stopped. */
  timely: number;
  /** Alerts at an exchange that kept paying out. */
  falseAlarms: number;
  /** Halts with no alert before them. */
  missed: number;
}

export function summarizeBacktest(episodes: readonly RunEpisode[] = RUN_EPISODES): BacktestSummary {
  const summary: BacktestSummary = { episodes: episodes.length, readings: 0, alerts: 0, timely: 0, falseAlarms: 0, missed: 0 };
  for (const episode of episodes) {
    const replay = replayEpisode(episode);
    summary.readings += replay.readings.length;
    summary.alerts += replay.alerts;
    if (episode.halt === undefined) summary.falseAlarms += replay.alerts;
    else if (replay.leadHours !== undefined && replay.leadHours > 0) summary.timely += 1;
    else summary.missed += 1;
  }
  return summary;
}

/**
 * The backtest as the markdown table docs/risk-model.md carries (`radar replay --table` prints
 * it; `run-backtest.test.ts` fails when the two differ).
 */
export function backtestTable(episodes: readonly RunEpisode[] = RUN_EPISODES): string {
  const lines = ['| episode | readings | worst reading | first alert | withdrawals stopped | warning ahead |', '|---|---|---|---|---|---|'];
  for (const episode of episodes) {
    const replay = replayEpisode(episode);
    const lead = replay.leadHours === undefined ? '—' : replay.leadHours > 0 ? `${replay.leadHours} h` : `none (${-replay.leadHours} h late)`;
    lines.push(`| ${episode.name} | ${replay.readings.length} | ${replay.peak} | ${replay.firstAlertAt ?? 'none'} | ${episode.halt?.at ?? 'no'} | ${lead} |`);
  }
  return lines.join('\n');
}
