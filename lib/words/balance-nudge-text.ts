import type { BalanceNudgeReason } from '../holdings/balance-nudge';
import type { Translate } from './translate-from';

/**
 * The pill's first line for a balance reason: which of the user's limits is crossed, never the
 * figures. The line sits on the exchange's own page, the party the user keeps these figures
 * from; a fixed sentence per reason leaves nothing to read out of its text or its size.
 */
export function balanceNudgeText(reason: BalanceNudgeReason, t: Translate): string {
  switch (reason.kind) {
    case 'over-cap':
      return t('balanceOverCap');
    case 'over-share':
      return t('balanceOverShare');
    case 'risky-exchange':
      return t(`balanceRisky_${reason.level}`);
  }
}
