import type { RunReason } from '../risk/run-signals';
import { formatDate, formatMoment, formatShare, formatUsd, sourceSite } from './format';
import { notTranslatedQuote } from './text-language';
import type { Translate } from './translate-from';

/**
 * The run watch's reasons in words, without Preact, so the background's notification says the
 * same sentence the popup does.
 */
function lineWords(reason: RunReason, t: Translate, locale: string): string {
  if (reason.threshold === undefined || reason.effect === 'calm') return '';
  return t(reason.effect === 'alert' ? 'runLineAlert' : 'runLineCaution', formatShare(reason.threshold, locale, 0));
}

/** One sentence per signal, in the reader's language, with the figures; a signal that could not be read says so. */
export function runReasonText(reason: RunReason, t: Translate, locale: string): string {
  if (reason.effect === 'unknown' && reason.signal !== 'combined') return runUnreadText(reason, t);
  // Written as the card writes shares (formatShare), so one outflow reads alike on every surface.
  const share = reason.value === undefined ? '' : formatShare(reason.value, locale);
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
      // Plain text carries no `lang`: a title in another language than the reader's says so in words.
      return t('runReasonWarning', [reason.listName ?? '', notTranslatedQuote(reason.title ?? '', reason.listLang, t, locale)]);
    case 'combined':
      return t('runReasonCombined');
  }
}

/**
 * The reason as a system notification says it: the sentence, then the host the figures came from
 * (a notification carries no link) and the moment they describe, to the minute on the reader's
 * clock (`formatMoment`), since a notification stays on screen long after "this minute" has passed. The popup names the same
 * host through `sourceSite`. A warning-list entry says the day it was listed and the source it cites.
 */
export function runNotificationText(reason: RunReason, t: Translate, locale: string): string {
  const sentence = notificationSentence(reason, t, locale);
  if (reason.source === undefined || reason.observedAt === undefined) return sentence;
  // A warning-list entry has no figures: its moment is the day it was listed, its source the link it cites.
  if (reason.signal === 'warning-list') return t('runNotificationListed', [sentence, sourceSite(reason.source), formatDate(reason.observedAt, locale)]);
  return t('runNotificationReason', [sentence, sourceSite(reason.source), formatMoment(reason.observedAt, locale)]);
}

/**
 * An outflow as a banner says it, short enough not to be cut: the amount and its share; the base and
 * the alert line are in the popup. Other signals say the popup's sentence.
 */
function notificationSentence(reason: RunReason, t: Translate, locale: string): string {
  const outflow = reason.signal === 'outflow-24h' || reason.signal === 'outflow-7d';
  if (!outflow || reason.effect === 'unknown' || reason.value === undefined) return runReasonText(reason, t, locale);
  return t(reason.signal === 'outflow-24h' ? 'runNotificationOutflow24h' : 'runNotificationOutflow7d', [formatUsd(reason.outflowUsd ?? 0, locale), formatShare(reason.value, locale)]);
}

/**
 * What a run notification says: the worst reason at alert now, with its source and moment. "Both
 * at once" has no figure of its own, so the two readings behind it follow, each with theirs.
 * Undefined when no reason is at alert now (the episode settling, or only at caution): a
 * notification then would announce a run the figures no longer show.
 */
export function runNotificationMessage(reasons: readonly RunReason[], t: Translate, locale: string): string | undefined {
  const worst = reasons.find((reason) => reason.effect === 'alert');
  if (worst === undefined) return undefined;
  if (worst.signal !== 'combined') return runNotificationText(worst, t, locale);
  const flows = reasons.find((reason) => (reason.signal === 'outflow-24h' || reason.signal === 'outflow-7d') && reason.effect === 'caution');
  const token = reasons.find((reason) => reason.signal === 'own-token-fall' && reason.effect === 'caution');
  const sentence = runReasonText(worst, t, locale);
  if (flows === undefined || token === undefined) return sentence;
  return t('runNotificationCombined', [sentence, runNotificationText(flows, t, locale), runNotificationText(token, t, locale)]);
}

/** A signal that could not be read: its figure is missing or too old, or the warning lists could not be checked. */
export function runUnreadText(reason: RunReason, t: Translate): string {
  if (reason.signal === 'warning-list') return t('warningListsUnread');
  if (reason.signal === 'own-token-fall') return t('runUnreadOwnToken', reason.symbol ?? t('reason_tokensNone'));
  return t(reason.signal === 'outflow-24h' ? 'runUnreadFlows24h' : 'runUnreadFlows7d');
}
