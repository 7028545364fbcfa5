import type { GradeExchangeReturnType } from '../risk/grade';
import type { RiskLevel } from '../risk/order';
import type { MessageKey, Translate } from './translate-from';

export const LEVEL_KEYS: Record<RiskLevel, MessageKey> = { ok: 'level_ok', caution: 'level_caution', danger: 'level_danger', unknown: 'level_unknown' };

/**
 * The level in words, as the pill and the level chip say it. A caution or danger verdict with a
 * required figure missing (or our copy too old) says so: "Caution · incomplete", because the
 * level is only the worst the known figures support. "Unknown" needs no such word.
 */
export function levelWords({ level, incomplete }: Pick<GradeExchangeReturnType, 'level' | 'incomplete'>, t: Translate): string {
  const word = t(LEVEL_KEYS[level]);
  return incomplete === true && (level === 'caution' || level === 'danger') ? t('levelIncomplete', word) : word;
}
