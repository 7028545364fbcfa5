import type { RiskReason } from '../risk/grade';
import { formatAge, formatDate, formatPercent, formatUsd } from './format';
import type { MessageKey, Translate } from './translate-from';

/**
 * A verdict reason in the reader's language. The risk model writes its reasons as English
 * sentences; other languages get the same facts from the reason's structured fields (metric,
 * figure, threshold, effect), built from translated labels, with numbers through Intl.
 */
export function reasonText(reason: RiskReason, t: Translate, locale: string, now: Date): string {
  if (locale.toLowerCase().startsWith('en')) return reason.message;
  const family = reason.metric.startsWith('incident.') ? 'incident' : reason.metric;
  const label = t(LABELS[family] ?? 'reasonLabel_other');
  const effect = t(EFFECTS[reason.effect]);
  if (reason.value === undefined) return `${label}: ${t('reasonMissing')} (${effect})`;
  const value = formatValue(reason, t, locale, now);
  const threshold = reason.threshold === undefined ? '' : ` (${t('reasonThreshold', formatNumber(reason.metric, reason.threshold, locale, t))})`;
  return `${label}: ${value}${threshold} — ${effect}`;
}

const EFFECTS: Record<RiskReason['effect'], MessageKey> = {
  ok: 'level_ok',
  info: 'reasonInfo',
  caution: 'level_caution',
  danger: 'level_danger',
  unknown: 'level_unknown',
};

const LABELS: Record<string, MessageKey> = {
  status: 'reasonLabel_status',
  incident: 'reasonLabel_incident',
  por: 'cardProofOfReserves',
  'por.method': 'reasonLabel_por_method',
  'por.age-days': 'reasonLabel_por_age',
  'por.checked': 'reasonLabel_por_checked',
  'reserve-ratio.major': 'reasonLabel_ratio_major',
  'reserve-ratio.any': 'reasonLabel_ratio_any',
  onchain: 'cardConcentration',
  'onchain.total': 'reasonLabel_onchain_total',
  'onchain.age-days': 'reasonLabel_onchain_age',
  leverage: 'reasonLabel_leverage',
  'own-token.share': 'shareOwnToken',
  'own-affiliated.share': 'reasonLabel_own_affiliated',
  'stablecoin.share': 'shareStablecoins',
  'top-asset.share': 'reasonLabel_top_asset',
  'minor-asset.share': 'reasonLabel_minor_asset',
  hhi: 'reasonLabel_hhi',
  'outflow-7d.share': 'reasonLabel_outflow_7d',
  'outflow-30d.share': 'reasonLabel_outflow_30d',
  'future-dated': 'reasonLabel_future',
};

function formatValue(reason: RiskReason, t: Translate, locale: string, now: Date): string {
  const { metric, value } = reason;
  if (typeof value === 'string') {
    if (metric === 'por.method') return t(`porMethod_${value.replace(/-/g, '_')}` as MessageKey) || value;
    if (metric === 'status') return t(value === 'operating' ? 'reasonOperating' : value === 'collapsed' ? 'statusCollapsed' : 'statusClosed');
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return `${formatDate(value, locale)} (${formatAge(value, now, locale)})`;
    return value;
  }
  if (value === undefined) return '';
  if (metric.startsWith('incident.') && reason.asOf !== undefined) return `${formatDate(reason.asOf, locale)} (${formatAge(reason.asOf, now, locale)})`;
  return formatNumber(metric, value, locale, t);
}

function formatNumber(metric: string, value: number, locale: string, t: Translate): string {
  if (metric.endsWith('.share') || metric.startsWith('reserve-ratio') || metric === 'hhi') return formatPercent(value, locale);
  if (metric.endsWith('age-days') || metric === 'por.checked' || metric.startsWith('incident.')) return t('reasonDays', new Intl.NumberFormat(locale).format(value));
  if (metric === 'onchain.total') return formatUsd(value, locale);
  if (metric === 'leverage') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}×`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
