import type { ReasonCode, RiskReason } from '../risk/reason';
import { cardReasonKey } from '../view/card-reasons';
import type { ExchangeView } from '../view/exchange-view';
import { formatAge, formatCount, formatDate, formatFixed, formatList, formatRatio, formatShare, formatUsd } from './format';
import type { MessageKey, Translate } from './translate-from';
import { notTranslatedQuote } from './text-language';

/**
 * A verdict reason in the reader's language, English included: the model returns a code and
 * figures (lib/risk/reason.ts), and each code has one sentence in messages.json. Numbers, money
 * and dates go through Intl; the registry's own notes (an exchange's history, an incident
 * summary) stay in English, said so in other languages.
 */
export function reasonText(reason: RiskReason, t: Translate, locale: string, now: Date): string {
  const words = new ReasonWords(reason, t, locale, now);
  const [key, substitutions] = words.sentence();
  const sentence = t(key, substitutions);
  const line = LINED.has(reason.code) ? words.line() : '';
  if (line === '') return sentence;
  // Chinese full stops carry their own space.
  return /[。！？]$/.test(sentence) ? `${sentence}${line}` : `${sentence} ${line}`;
}

/** The view with its reasons worded (`reasonWords`), for a page that carries no wording code. */
export function withReasonWords(view: ExchangeView, t: Translate, locale: string, now: Date): ExchangeView {
  return { ...view, reasonWords: Object.fromEntries(view.verdict.reasons.map((reason) => [cardReasonKey(reason), reasonText(reason, t, locale, now)])) };
}

/** The message key of each code: every code has one, in every locale (lib/words/reason-text.test.ts). */
export const REASON_KEYS: Readonly<Record<ReasonCode, MessageKey>> = {
  'future-dated.por': 'reason_futureDated_por',
  'future-dated.onchain': 'reason_futureDated_onchain',
  'future-dated.flows': 'reason_futureDated_flows',
  'status.operating': 'reason_statusOperating',
  'status.collapsed': 'reason_statusCollapsed',
  'status.closed': 'reason_statusClosed',
  'incident.hack': 'reason_incident_hack',
  'incident.withdrawal-halt': 'reason_incident_withdrawal_halt',
  'incident.insolvency': 'reason_incident_insolvency',
  'por.missing': 'reason_porMissing',
  'por.none-unchecked': 'reason_porNoneUnchecked',
  'por.method': 'reason_porMethod',
  'por.overdue': 'reason_porOverdue',
  'por.unchecked': 'reason_porUnchecked',
  'por.fresh': 'reason_porFresh',
  'por.undated': 'reason_porUndated',
  'ratio-major.missing': 'reason_ratioMajorMissing',
  'ratio-major': 'reason_ratioMajor',
  'ratio-any.missing': 'reason_ratioAnyMissing',
  'ratio-any': 'reason_ratioAny',
  'onchain.missing': 'reason_onchainMissing',
  'onchain.old': 'reason_onchainOld',
  'onchain.unchecked': 'reason_onchainUnchecked',
  'onchain.zero': 'reason_onchainZero',
  leverage: 'reason_leverage',
  'own-token.unknown': 'reason_ownTokenUnknown',
  'own-token.share': 'reason_ownTokenShare',
  'own-affiliated.floor': 'reason_ownAffiliatedFloor',
  'own-affiliated.unknown': 'reason_ownAffiliatedUnknown',
  'own-affiliated.share': 'reason_ownAffiliatedShare',
  'breakdown-missing': 'reason_noBreakdown',
  'breakdown-thin.top': 'reason_thinBreakdown_top',
  'breakdown-thin.minor': 'reason_thinBreakdown_minor',
  'breakdown-thin.hhi': 'reason_thinBreakdown_hhi',
  'top-asset.share': 'reason_topAsset',
  'minor-asset.share': 'reason_minorAsset',
  hhi: 'reason_hhi',
  'stablecoin.share': 'reason_stablecoins',
  'flows.old': 'reason_flowsOld',
  'flows.unchecked': 'reason_flowsUnchecked',
  'flow-7d.missing': 'reason_flowMissing_7d',
  'flow-30d.missing': 'reason_flowMissing_30d',
  'flow-7d.no-total': 'reason_flowNoTotal_7d',
  'flow-30d.no-total': 'reason_flowNoTotal_30d',
  'flow-7d.out': 'reason_flowOut_7d',
  'flow-30d.out': 'reason_flowOut_30d',
  'flow-7d.in': 'reason_flowIn_7d',
  'flow-30d.in': 'reason_flowIn_30d',
};

/** Shares judged against a line: their sentence is followed by where the share stands. */
const LINED: ReadonlySet<ReasonCode> = new Set(['own-token.share', 'own-affiliated.share', 'top-asset.share', 'minor-asset.share', 'hhi']);

type Sentence = [MessageKey, string[]];

class ReasonWords {
  constructor(
    private readonly reason: RiskReason,
    private readonly t: Translate,
    private readonly locale: string,
    private readonly now: Date,
  ) {}

  sentence(): Sentence {
    const { reason } = this;
    const p = reason.params ?? {};
    const key = REASON_KEYS[reason.code];
    switch (reason.code) {
      case 'future-dated.por':
      case 'future-dated.onchain':
      case 'future-dated.flows':
        return [key, [this.date(String(reason.value ?? '')), this.date(p.gradedOn)]];
      case 'status.operating':
        return [key, [p.exchange ?? '']];
      case 'status.collapsed':
      case 'status.closed':
        return [key, [p.exchange ?? '', this.date(p.date), this.note(p.note)]];
      case 'incident.hack':
      case 'incident.withdrawal-halt':
      case 'incident.insolvency':
        return [key, [this.date(p.date), this.age(p.date), this.count(p.windowDays), this.note(p.note)]];
      case 'por.none-unchecked':
        return typeof reason.value === 'string' ? [key, [this.date(reason.value)]] : ['reason_porNoneUncheckedUndated', []];
      case 'por.method':
        // The method's name as it reads after the sentence's colon: lower case where the language writes so, unlike the card's label.
        return [key, [this.t(`reason_porMethodName_${String(reason.value).replace(/-/g, '_')}` as MessageKey), this.count(p.strength), this.count(reason.threshold)]];
      case 'por.overdue':
        return [key, [this.date(p.checkedAt), this.date(p.describes), this.count(reason.value), this.cadence(), this.count(p.allowedDays)]];
      case 'por.unchecked':
        return [key, [this.date(p.checkedAt), this.date(p.describes), this.cadence()]];
      case 'por.fresh':
        return [key, [this.date(p.describes), this.age(p.describes), this.cadence(), this.count(p.allowedDays), this.date(p.checkedAt)]];
      case 'ratio-major':
        return [key, [p.asset ?? '', this.ratio(reason.value), this.share(p.caution), this.share(p.danger)]];
      case 'ratio-any':
        return [key, [p.asset ?? '', this.ratio(reason.value), this.share(p.caution)]];
      case 'onchain.old':
      case 'flows.old':
        return [key, [this.date(reason.asOf), this.age(reason.asOf), this.count(reason.threshold)]];
      case 'onchain.unchecked':
      case 'flows.unchecked':
        return [key, [this.date(p.checkedAt), this.count(reason.threshold)]];
      case 'leverage':
        return [key, [this.fixed(reason.value), this.count(reason.threshold)]];
      case 'own-token.unknown':
      case 'own-affiliated.unknown':
        return [key, [this.tokens(p.tokens)]];
      case 'own-token.share':
      case 'own-affiliated.share':
        return [key, [this.share(reason.value), this.tokens(p.tokens)]];
      case 'own-affiliated.floor':
        return [key, [this.share(p.listedShare), this.tokens(p.tokens), this.share(p.unlistedShare)]];
      case 'breakdown-thin.top':
        if (p.asset === undefined) return ['reason_thinBreakdown_topNone', [this.itemised(), this.share(reason.threshold)]];
        return [key, [this.itemised(), this.share(reason.threshold), this.share(p.listedShare), p.asset]];
      case 'breakdown-thin.minor':
        return [key, [this.itemised(), this.share(reason.threshold)]];
      case 'breakdown-thin.hhi':
        return [key, [this.itemised(), this.share(reason.threshold), this.fixed(p.hhiHigh)]];
      case 'top-asset.share':
        return [key, [p.asset ?? '', this.share(reason.value)]];
      case 'minor-asset.share':
        return p.asset === undefined ? ['reason_minorAssetNone', []] : [key, [p.asset, this.share(reason.value)]];
      case 'hhi':
        return p.hhiLow === undefined ? [key, [this.fixed(reason.value)]] : ['reason_hhiRange', [this.fixed(reason.value), this.fixed(p.hhiLow)]];
      case 'stablecoin.share':
        return [key, [this.share(reason.value)]];
      case 'flow-7d.out':
      case 'flow-30d.out':
      case 'flow-7d.in':
      case 'flow-30d.in':
        return [key, [formatUsd(Math.abs(p.netUsd ?? 0), this.locale), this.share(reason.value), this.share(reason.threshold)]];
      default:
        // Codes whose sentence names no figure.
        return [key, []];
    }
  }

  /** Where a share stands against its line, and (concentration index) how much of reserves the list leaves out. */
  line(): string {
    const { reason } = this;
    const limit = reason.code === 'hhi' ? this.fixed(reason.threshold) : this.share(reason.threshold);
    const key: MessageKey = reason.effect === 'danger' ? 'reason_lineDanger' : reason.effect === 'caution' ? 'reason_lineCaution' : 'reason_lineBelow';
    const unlisted = reason.code === 'hhi' && reason.params?.unlistedShare !== undefined ? this.t('reason_unlisted', this.share(reason.params.unlistedShare)) : '';
    const said = this.t(key, limit);
    if (unlisted === '') return said;
    return /[。！？]$/.test(unlisted) ? `${unlisted}${said}` : `${unlisted} ${said}`;
  }

  private date(iso: string | undefined): string {
    return iso === undefined ? '' : formatDate(iso, this.locale);
  }

  private age(iso: string | undefined): string {
    return iso === undefined ? '' : formatAge(iso, this.now, this.locale, this.t);
  }

  private count(value: number | string | undefined): string {
    return typeof value === 'number' ? formatCount(value, this.locale) : '';
  }

  /** Two decimals, as the concentration index and leverage are read ("0.31", "1.25"). */
  private fixed(value: number | string | undefined): string {
    return typeof value === 'number' ? formatFixed(value, this.locale) : '';
  }

  /** Shares read well to a tenth of a percent. */
  private share(value: number | string | undefined): string {
    return typeof value === 'number' ? formatShare(value, this.locale) : '';
  }

  /** Reserve ratios as precise as the report, to hundredths (100.99 % is not 101 %). */
  private ratio(value: number | string | undefined): string {
    return typeof value === 'number' ? formatRatio(value, this.locale) : '';
  }

  private itemised(): string {
    return this.share(1 - (this.reason.params?.unlistedShare ?? 1));
  }

  private tokens(symbols: readonly string[] | undefined): string {
    return symbols === undefined || symbols.length === 0 ? this.t('reason_tokensNone') : formatList(symbols, this.locale);
  }

  private cadence(): string {
    const cadence = this.reason.params?.cadence ?? 'unknown';
    return this.t(`shareText_cadence_${cadence}`);
  }

  /** The registry's note, in English as its source wrote it; other languages say so. */
  private note(text: string | undefined): string {
    if (text === undefined) return '';
    return notTranslatedQuote(text, 'en', this.t, this.locale);
  }
}
