/**
 * Every cut-off the risk model uses, in one table. docs/risk-model.md carries the same table
 * (a test parses it and fails when the two disagree), so a change here is a change there.
 *
 * `when` reads against the metric: `below` fires when the figure is below `value`,
 * `at-or-above` when it is at least `value`, `above` when it exceeds it, `within` when an event
 * is at most `value` days old. `parameter` rows are not cut-offs but lengths the model needs.
 */

export type ThresholdEffect = 'danger' | 'caution' | 'unknown' | 'info' | 'parameter';
export type ThresholdWhen = 'below' | 'at-or-above' | 'above' | 'within';

export interface ThresholdRow {
  id: string;
  effect: ThresholdEffect;
  when: ThresholdWhen;
  value: number;
  /** Why this number: one or two plain sentences, no `|` (it lives in a markdown table too). */
  rationale: string;
  /** Where the reasoning or the precedent comes from. */
  reference: string;
}

const DEFILLAMA_CEX = 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts';
const ALAMEDA_BALANCE_SHEET = 'https://www.coindesk.com/business/2022/11/02/divisions-in-sam-bankman-frieds-crypto-empire-blur-on-his-trading-titan-alamedas-balance-sheet';
const NIC_CARTER_POR = 'https://niccarter.info/proof-of-reserves/';
const HHI_DOJ = 'https://www.investopedia.com/video/play/herfindahlhirschman-index-hhi/';
const DEFILLAMA_COINS_API = 'https://github.com/DefiLlama/api-docs';
const FTX_72_HOURS = 'https://www.nasdaq.com/articles/crypto-exchange-ftx-saw-%246-bln-in-withdrawals-in-72-hours-ceo-message-to-staff';
const FTX_ARKHAM_BALANCES = 'https://coindesk-coindesk-prod.cdn.arcpublishing.com/markets/2022/11/10/ftx-balances-tumbled-87-in-5-days-in-epic-crypto-deposit-run-data-shows/';
const BINANCE_DEC_13 = 'https://coindesk-coindesk-prod.cdn.arcpublishing.com/markets/2022/12/13/binance-withdrawals-surge-as-concerns-about-its-reserve-report-spook-traders/';
const BINANCE_WORST_WEEK = 'https://coinspaidmedia.com/news/binance-faces-fud-effect-and-loses-liquidity';
const CRO_NOVEMBER_2022 = 'https://investing.com/news/cryptocurrency-news/cryptocom-native-token-plummets-as-ftx-collapse-fuels-contagion-fears-2942505';

export const THRESHOLDS = [
  {
    id: 'reserve-ratio.major.danger',
    effect: 'danger',
    when: 'below',
    value: 0.95,
    rationale: 'The exchange itself reports holding less than 95 % of what customers own in BTC, ETH, USDT or USDC: a self-admitted shortfall in an asset most customers hold.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'reserve-ratio.major.caution',
    effect: 'caution',
    when: 'below',
    value: 1,
    rationale: 'Any shortfall in a major asset, however small, means not every customer could withdraw it at once.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'reserve-ratio.any.caution',
    effect: 'caution',
    when: 'below',
    value: 1,
    rationale: 'A shortfall in any published asset is a shortfall; minor assets get caution, not danger, because fewer customers hold them.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'por.method.caution',
    effect: 'caution',
    when: 'below',
    value: 2,
    rationale: 'Strength 2 is an auditor attestation. A wallet list (1) shows assets without liabilities and proves nothing about solvency; no report (0) proves less.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'por.method.grade-a',
    effect: 'parameter',
    when: 'at-or-above',
    value: 3,
    rationale: 'Grade A needs a report each customer can check against their own balance (Merkle tree with liabilities, or a zk proof).',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'por.stale.cadences',
    effect: 'caution',
    when: 'above',
    value: 2,
    rationale: "One missed report can be a delay; a report older than two of the exchange's own cadences means it stopped publishing or we stopped seeing it.",
    reference: NIC_CARTER_POR,
  },
  {
    id: 'por.none.recheck-days',
    effect: 'unknown',
    when: 'above',
    value: 365,
    rationale: 'That an operating exchange publishes no proof of reserves is a fact about the day we checked; a year later it may have started, so an older "none" is our gap, not a finding.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'por.recheck-days',
    effect: 'unknown',
    when: 'above',
    value: 92,
    rationale:
      "Our own check of a published report counts for a quarter, the longest cadence any exchange states, whatever the exchange's cadence: older, a newer report may exist that we have not seen, so the gap is ours.",
    reference: NIC_CARTER_POR,
  },
  { id: 'por.cadence-days.daily', effect: 'parameter', when: 'within', value: 1, rationale: 'Length of one daily cadence.', reference: NIC_CARTER_POR },
  { id: 'por.cadence-days.weekly', effect: 'parameter', when: 'within', value: 7, rationale: 'Length of one weekly cadence.', reference: NIC_CARTER_POR },
  { id: 'por.cadence-days.monthly', effect: 'parameter', when: 'within', value: 31, rationale: 'Length of one monthly cadence (the longest month).', reference: NIC_CARTER_POR },
  { id: 'por.cadence-days.quarterly', effect: 'parameter', when: 'within', value: 92, rationale: 'Length of one quarterly cadence (the longest quarter).', reference: NIC_CARTER_POR },
  {
    id: 'por.cadence-days.irregular',
    effect: 'parameter',
    when: 'within',
    value: 183,
    rationale: 'An exchange with no stated cadence (or one we do not know) is held to half a year, so two cadences make a year.',
    reference: NIC_CARTER_POR,
  },
  {
    id: 'own-token.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.1,
    rationale: "A tenth of reserves in the exchange's own token is value that falls exactly when customers want out.",
    reference: ALAMEDA_BALANCE_SHEET,
  },
  {
    id: 'own-token.share.danger',
    effect: 'danger',
    when: 'at-or-above',
    value: 0.25,
    rationale: 'A quarter or more in its own token; FTX/Alameda had about 40 % in FTT days before it failed.',
    reference: ALAMEDA_BALANCE_SHEET,
  },
  {
    id: 'own-affiliated.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.1,
    rationale: "Tokens of firms tied to the exchange's owners fall with the exchange too, so they count with its own token.",
    reference: 'https://www.bnnbloomberg.ca/sec-case-against-crypto-mogul-sun-stirs-questions-over-huobi-1.1899372',
  },
  {
    id: 'own-affiliated.share.danger',
    effect: 'danger',
    when: 'at-or-above',
    value: 0.25,
    rationale: 'Same cut-off as the own token alone: the risk is the same whichever affiliate issued the token.',
    reference: 'https://www.bnnbloomberg.ca/sec-case-against-crypto-mogul-sun-stirs-questions-over-huobi-1.1899372',
  },
  {
    id: 'top-asset.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.75,
    rationale: "Three quarters of reserves in one asset leaves the exchange exposed to that one asset's market and chain.",
    reference: HHI_DOJ,
  },
  {
    id: 'minor-asset.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.15,
    rationale: 'A single asset other than BTC, ETH and dollar stablecoins above 15 % of reserves; Crypto.com held about 20 % in SHIB in November 2022.',
    reference: 'https://www.blockhead.co/2022/11/14/crypto-com-favours-the-shib-as-fud-ensues-post-ftx/',
  },
  {
    id: 'hhi.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.5,
    rationale: 'The US Justice Department calls a market above 0.25 highly concentrated, but a normal book (BTC, USDT, ETH leading) is near that already; 0.5 is what two equal assets give.',
    reference: HHI_DOJ,
  },
  {
    id: 'breakdown.unlisted.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.5,
    rationale:
      'When half of reserves or more are not itemised, the top-ten list describes the minority of the book: the rest could be one large holding or more of a listed one, so the list cannot show that the largest holding, a minor token or the concentration index is low.',
    reference: DEFILLAMA_CEX,
  },
  {
    id: 'leverage.info',
    effect: 'info',
    when: 'at-or-above',
    value: 1,
    rationale: "Open interest larger than clean assets is worth showing, but customers' positions are not the exchange's debts, so it does not move the level.",
    reference: DEFILLAMA_CEX,
  },
  // Outflow shares are of what was held when the window began (now plus what left), the usual
  // sense of "x % left" and the run watch's base: 0.1 is a tenth of the week's starting assets.
  {
    id: 'outflow-7d.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.1,
    rationale: "A tenth of assets leaving in a week is a run in progress; Binance's worst week of December 2022 was $3.66B net out of about $64B (under 6 %).",
    reference: 'https://coinspaidmedia.com/news/binance-faces-fud-effect-and-loses-liquidity',
  },
  {
    id: 'outflow-30d.share.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.2,
    rationale: 'A fifth of assets leaving in a month is a slow run even when no single week looks alarming.',
    reference: 'https://www.nasdaq.com/articles/crypto-exchange-ftx-saw-%246-bln-in-withdrawals-in-72-hours-ceo-message-to-staff',
  },
  {
    id: 'onchain.max-age-days',
    effect: 'unknown',
    when: 'above',
    value: 7,
    rationale: 'FTX went from a leaked balance sheet to bankruptcy in nine days; on-chain figures older than a week cannot vouch for anything.',
    reference: ALAMEDA_BALANCE_SHEET,
  },
  {
    id: 'flows.max-age-days',
    effect: 'caution',
    when: 'above',
    value: 7,
    rationale: 'A flow figure older than a week says nothing about a run happening now.',
    reference: DEFILLAMA_CEX,
  },
  {
    id: 'incident.hack.window-days',
    effect: 'caution',
    when: 'within',
    value: 180,
    rationale: 'A hack in the last six months: losses and fixes may still be unfolding.',
    reference: 'https://cryptonews.com/news/htx-huobi-global-to-resume-deposits-and-withdrawals-after-13-6-million-exploit.htm',
  },
  {
    id: 'incident.withdrawal-halt.window-days',
    effect: 'caution',
    when: 'within',
    value: 180,
    rationale: 'A withdrawal halt in the last six months: the exchange has recently been unable or unwilling to pay out.',
    reference: 'https://www.nasdaq.com/articles/crypto-exchange-ftx-saw-%246-bln-in-withdrawals-in-72-hours-ceo-message-to-staff',
  },
  {
    id: 'incident.insolvency.window-days',
    effect: 'danger',
    when: 'within',
    value: 365,
    rationale: 'An insolvency in the last year: customers may not be paid in full whatever the exchange says now.',
    reference: 'https://time.com/6232772/ftx-goes-bankrupt/',
  },
  // Run watch (lib/risk/run-signals.ts): hourly signals that money is leaving an exchange fast.
  // Shares are of the assets at the start of the window (what is there now plus what left).
  {
    id: 'run.outflow-24h.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.05,
    rationale: "A twentieth of assets leaving in a day is unusual; the day of 12 to 13 December 2022 that alarmed Binance's users was $902M of about $64B, 1.4 %.",
    reference: BINANCE_DEC_13,
  },
  {
    id: 'run.outflow-24h.alert',
    effect: 'danger',
    when: 'at-or-above',
    value: 0.15,
    rationale: 'Nearly a sixth of assets gone in one day is a run: FTX lost about $5B of $8.4B on the Sunday before it stopped paying out.',
    reference: FTX_ARKHAM_BALANCES,
  },
  {
    id: 'run.outflow-7d.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.05,
    rationale: "Set so that Binance's worst week of December 2022 ($3.66B net out of about $64B) reads as caution, which is what it was.",
    reference: BINANCE_WORST_WEEK,
  },
  {
    id: 'run.outflow-7d.alert',
    effect: 'danger',
    when: 'at-or-above',
    value: 0.2,
    rationale: 'A fifth of assets gone in a week: FTX saw about $6B of net withdrawals in 72 hours before withdrawals stopped.',
    reference: FTX_72_HOURS,
  },
  {
    id: 'run.own-token-fall.caution',
    effect: 'caution',
    when: 'at-or-above',
    value: 0.25,
    rationale: "The exchange's own token a quarter below its 7-day high: holders are selling what the exchange's fortunes back. CRO halved in the week after FTX failed; Crypto.com kept paying out.",
    reference: CRO_NOVEMBER_2022,
  },
  {
    id: 'run.own-token-fall.alert',
    effect: 'danger',
    when: 'at-or-above',
    value: 0.6,
    rationale: 'Below the halving CRO survived and above the fall FTT took as FTX failed ($22 to $26 through October, about $2 on 10 November). Two cases only, so the line is a judgement, not a fit.',
    reference: FTX_ARKHAM_BALANCES,
  },
  {
    id: 'run.flows.max-age-hours',
    effect: 'unknown',
    when: 'above',
    value: 6,
    rationale: 'Flows are read hourly; a flow figure more than six hours old says nothing about a run now and counts as missing (the same line that marks the /cexs source stale).',
    reference: DEFILLAMA_CEX,
  },
  {
    id: 'run.prices.max-age-hours',
    effect: 'unknown',
    when: 'above',
    value: 6,
    rationale: 'An own-token price more than six hours old counts as missing; a run moves faster than that.',
    reference: DEFILLAMA_COINS_API,
  },
  {
    id: 'run.settle-hours',
    effect: 'parameter',
    when: 'within',
    value: 24,
    rationale: 'An alert ends once a full day has passed with every signal that raised it known and below its caution line: the 24-hour window itself then shows calm, so one episode gives one alert.',
    reference: FTX_72_HOURS,
  },
  {
    id: 'run.snooze-days',
    effect: 'parameter',
    when: 'within',
    value: 7,
    rationale: "Snoozing an exchange's alerts lasts a week, the longest window the run watch reads.",
    reference: DEFILLAMA_CEX,
  },
] as const satisfies readonly ThresholdRow[];

export type ThresholdId = (typeof THRESHOLDS)[number]['id'];

const byId = new Map<string, ThresholdRow>(THRESHOLDS.map((row) => [row.id, row]));

export function thresholdRow(id: ThresholdId): ThresholdRow {
  // Every ThresholdId is a row of THRESHOLDS, so the lookup cannot miss.
  return byId.get(id) as ThresholdRow;
}

export function thresholdValue(id: ThresholdId): number {
  return thresholdRow(id).value;
}
