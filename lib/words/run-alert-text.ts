import type { RunReason } from '../risk/run-signals';
import { formatPercent, formatUsd } from './format';
import type { Translate } from './translate-from';

/**
 * The run watch's reasons in words, without Preact, so the background's notification says the
 * same sentence the popup does.
 */
function lineWords(reason: RunReason, t: Translate, locale: string): string {
  if (reason.threshold === undefined || reason.effect === 'calm') return '';
  return t(reason.effect === 'alert' ? 'runLineAlert' : 'runLineCaution', formatPercent(reason.threshold, locale, 0));
}

/** One sentence per signal, in the reader's language, with the figures; a signal that could not be read says so. */
export function runReasonText(reason: RunReason, t: Translate, locale: string): string {
  if (reason.effect === 'unknown' && reason.signal !== 'warning-list' && reason.signal !== 'combined') return runUnreadText(reason, t);
  const share = reason.value === undefined ? '' : formatPercent(reason.value, locale);
  switch (reason.signal) {
    case 'outflow-24h':
    case 'outflow-7d':
      return t(reason.signal === 'outflow-24h' ? 'runReasonOutflow24h' : 'runReasonOutflow7d', [
        formatUsd(reason.outflowUsd ?? 0, locale),
        share,
        formatUsd(reason.baseUsd ?? 0, locale),
        lineWords(reason, t, locale),
      ]);
    case 'own-token-fall':
      return t('runReasonOwnToken', [reason.symbol ?? '', share, lineWords(reason, t, locale)]);
    case 'warning-list':
      return t('runReasonWarning', [reason.listName ?? '', reason.title ?? '']);
    case 'combined':
      return t('runReasonCombined');
  }
}

/** A signal that could not be read: its figure is missing or too old. */
export function runUnreadText(reason: RunReason, t: Translate): string {
  if (reason.signal === 'own-token-fall') return t('runUnreadOwnToken', reason.symbol ?? t('reason_tokensNone'));
  return t(reason.signal === 'outflow-24h' ? 'runUnreadFlows24h' : 'runUnreadFlows7d');
}
