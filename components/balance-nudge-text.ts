import type { BalanceNudgeReason } from '../lib/holdings/balance-nudge';
import { formatMoney, formatPercent } from './format';
import type { Translate } from './i18n';

/** The pill's first line for a balance reason, in the reader's words and number format. */
export function balanceNudgeText(reason: BalanceNudgeReason, t: Translate, locale: string): string {
  switch (reason.kind) {
    case 'over-cap':
      return t(reason.lowerBound ? 'balanceOverCapAtLeast' : 'balanceOverCap', [formatMoney(reason.value, reason.currency, locale), formatMoney(reason.cap, reason.currency, locale)]);
    case 'over-share':
      return t(reason.complete ? 'balanceOverShare' : 'balanceOverShareKnown', [formatPercent(reason.share, locale, 0), formatPercent(reason.maxShare, locale, 0)]);
    case 'risky-exchange':
      return reason.value === null ? t(`balanceRiskyUnknown_${reason.level}`) : t(`balanceRisky_${reason.level}`, formatMoney(reason.value, reason.currency, locale));
  }
}
