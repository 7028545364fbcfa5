import type { GradeExchangeReturnType } from '../risk/grade';
import type { RiskLevel } from '../risk/order';
import type { MessageKey, Translate } from './translate-from';

/** The level's own message: `level_ok`, `level_caution`, `level_danger`, `level_unknown`. */
export const levelKey = (level: RiskLevel): MessageKey => `level_${level}`;

/**
 * The level in words, as the pill and the level chip say it. A caution or danger verdict with a
 * required figure missing (or our copy too old) says so: "Caution · incomplete", because the
 * level is only the worst the known figures support. "Unknown" needs no such word.
 */
export function levelWords(verdict: Pick<GradeExchangeReturnType, 'level' | 'incomplete'>, t: Translate): string {
  const word = t(levelKey(verdict.level));
  return saysIncomplete(verdict) ? t('levelIncomplete', word) : word;
}

/** Whether the verdict is said to be incomplete (`levelWords`, the card's verdict sentence): a caution or danger with a required figure missing. */
export function saysIncomplete({ level, incomplete }: Pick<GradeExchangeReturnType, 'level' | 'incomplete'>): boolean {
  return incomplete === true && (level === 'caution' || level === 'danger');
}
