import type { SubscribeFailureCode, SubscriptionError, SubscriptionFailure, WarningSubscription } from '../community/subscription';
import { LIST_CHECK_EVERY_HOURS, MAX_SUBSCRIPTIONS, subscriptionHealth } from '../community/subscription';
import { readFetchFailure } from '../reserves/fetch-source';
import { fetchFailureText } from './fetch-failure';
import { formatCount, formatDateTime, formatMoment, type MomentFormat } from './format';
import { pluralText } from './plural';
import { fullStop, gapAfter, withDetail } from './punctuation';
import type { MessageKey, Translate } from './translate-from';

/** Why a subscription was not added, for the form on the options page. */
export const SUBSCRIBE_FAILURE_KEYS: Record<SubscribeFailureCode, MessageKey> = {
  'not-a-url': 'listsSubscribeNotAUrl',
  'not-https': 'listsSubscribeNotHttps',
  credentials: 'listsSubscribeCredentials',
  'url-too-long': 'listsSubscribeUrlTooLong',
  'signer-not-address': 'listsSubscribeSignerNotAddress',
  'signer-checksum': 'listsSubscribeSignerChecksum',
  'signer-unchecked': 'listsSubscribeSignerUnchecked',
  'already-subscribed': 'listsSubscribeAlready',
  'too-many': 'listsSubscribeTooMany',
};

/** How many subscribed lists Reserve Radar may not read, said where the user looks (popup, options). */
export function listsNotCheckedText(count: number, t: Translate, locale: string): string {
  return pluralText(count, { one: 'listsNotCheckedOne', other: 'listsNotChecked' }, t, locale, formatCount(count, locale));
}

export function subscribeFailureText(code: SubscribeFailureCode, t: Translate): string {
  if (code === 'too-many') return t(SUBSCRIBE_FAILURE_KEYS[code], String(MAX_SUBSCRIPTIONS));
  // Said only of a list whose latest check passed: one that failed is checked again instead.
  if (code === 'already-subscribed') return t(SUBSCRIBE_FAILURE_KEYS[code], String(LIST_CHECK_EVERY_HOURS));
  return t(SUBSCRIBE_FAILURE_KEYS[code]);
}

/**
 * Why a warning list was refused, in the reader's language: the options page shows it under the
 * subscription, and `radar warnings verify` prints it in English (scripts/radar/words/english.ts).
 * Dates and sizes are written as the reader writes them; the technical text some refusals carry
 * (where the list is malformed, why it could not be checked, both English) stays out of the
 * sentence and comes apart from `warningListFailureDetail`. The command line passes its own
 * `moment`, so a maintainer's terminal and a CI log show one moment the same way.
 */
export function warningListFailureText(failure: SubscriptionFailure, t: Translate, locale: string, moment: MomentFormat = formatMoment): string {
  switch (failure.code) {
    case 'too-large':
      return t('listsFailTooLarge', formatCount(failure.maxKib, locale));
    case 'malformed':
      if (failure.problem === 'shape') return t('listsFailShape');
      return t(failure.problem === 'not-json' ? 'listsFailNotJson' : failure.problem === 'not-plain' ? 'listsFailNotPlain' : failure.problem === 'empty' ? 'listsFailEmpty' : 'listsFailUnreadable');
    case 'bad-signature':
      return t(failure.stored === true ? 'listsFailStoredDropped' : 'listsFailBadSignature');
    case 'wrong-signer':
      return failure.got === undefined ? t('listsFailSignerNotAddress', failure.expected) : t('listsFailWrongSigner', [failure.expected, failure.got]);
    case 'not-yet-valid':
      return t('listsFailNotYetValid', moment(failure.issued, locale));
    case 'expired':
      return t('listsFailExpired', moment(failure.expires, locale));
    case 'rollback':
      // Sequence numbers name a list, as a version does: written as they are, never grouped.
      return failure.sequence === failure.held ? t('listsFailSameNumber', String(failure.sequence)) : t('listsFailRollback', [String(failure.sequence), String(failure.held)]);
    case 'unreachable': {
      // Read back from storage: the fetch's figures are worded only when they fit.
      const { code: _code, ...fetched } = failure;
      const read = readFetchFailure(fetched);
      return read === undefined ? t('listsFailCode') : t('listsFailUnreachable', fetchFailureText(read, t, locale, { typedAddress: true }));
    }
    case 'unchecked':
      return t('listsFailUnchecked');
  }
}

/**
 * The English technical text of a refusal (where the list is malformed, why it could not be checked, what is wrong
 * with its data or signature), for the command line or a log: the sentence says it in words a user knows.
 */
export function warningListFailureDetail(failure: SubscriptionFailure): string | undefined {
  if (failure.code === 'malformed' && failure.problem === 'shape') return failure.where;
  if (failure.code === 'unchecked') return failure.why;
  if (failure.code === 'malformed' && failure.problem === 'not-json') return 'not JSON';
  if (failure.code === 'malformed' && failure.problem === 'not-plain') return 'not plain JSON data';
  if (failure.code === 'bad-signature' && failure.stored !== true) return 'the signature recovers no signer, or is the high-s twin of one (EIP-2)';
  return undefined;
}

/** The sentence with its technical text after it, for the command line, where the place a list is malformed helps its maintainer. */
export function warningListFailureWithDetail(failure: SubscriptionFailure, t: Translate, locale: string, moment: MomentFormat = formatMoment): string {
  return withDetail(warningListFailureText(failure, t, locale, moment), warningListFailureDetail(failure));
}

/** Failures whose sentence needs no figure: said so when stored without them. */
const FIGURELESS_KEYS: Readonly<Record<string, MessageKey>> = {
  'bad-signature': 'listsFailBadSignature',
  malformed: 'listsFailUnreadable',
  unchecked: 'listsFailUnchecked',
};

/**
 * A failure as stored: its figures when they read back, else the sentence its code needs no figure
 * for, else that the check failed, ended as a sentence. The code itself is the program's word, not the reader's.
 */
function errorText(error: SubscriptionError, t: Translate, locale: string): string {
  return ended(failureClause(error, t, locale), locale);
}

/** A sentence ends with its mark before the next one follows: the fetch failures are clauses, worded without one. */
function ended(text: string, locale: string): string {
  return /[.!?\u3002\uff01\uff1f][”»"]?$/u.test(text) ? text : `${text}${fullStop(locale)}`;
}

function failureClause(error: SubscriptionError, t: Translate, locale: string): string {
  if (error.failure !== undefined) return warningListFailureText(error.failure, t, locale);
  return t(Object.hasOwn(FIGURELESS_KEYS, error.code) ? FIGURELESS_KEYS[error.code]! : 'listsFailCode');
}

export interface SubscriptionLineParameters {
  state: WarningSubscription;
  now: Date;
  /** The reader's locale, for the times in the line. */
  locale: string;
}

/** The line the options page shows under a subscription: how it stands, and the list in use. */
export function subscriptionLine(parameters: SubscriptionLineParameters, t: Translate): string {
  return subscriptionLineMarked(parameters, t).message;
}

/**
 * The line and where the list's own name starts in it, so the page can mark the name with the
 * list's language: the translation is worded with a stand-in for the name, found again after,
 * so its place is known in every language, whatever quotes or order the translation uses.
 */
export function subscriptionLineMarked({ state, now, locale }: SubscriptionLineParameters, t: Translate): { message: string; nameAt?: number } {
  const good = state.lastGood;
  const when = (iso: string) => formatDateTime(iso, locale);
  const count = good === undefined ? 0 : good.list.entries.length;
  // Sentences join as the language joins them: no space after a Chinese "。" (gapAfter).
  const held = (before: string, after = ''): { message: string; nameAt?: number } => {
    const lead = before === '' ? '' : `${before}${gapAfter(before, locale)}`;
    const worded =
      good === undefined
        ? t('listsStateNoneVerified')
        : t('listsStateUsing', [
            NAME,
            String(good.sequence),
            pluralText(count, { one: 'listsStateOneWarning', other: 'listsStateWarnings' }, t, locale, formatCount(count, locale)),
            when(good.verifiedAt),
          ]);
    const at = worded.indexOf(NAME);
    const shown = good === undefined ? worded : worded.replace(NAME, () => good.list.name);
    const message = `${lead}${shown}${after === '' ? '' : `${gapAfter(shown, locale)}${after}`}`;
    return at < 0 ? { message } : { message, nameAt: lead.length + at };
  };
  switch (subscriptionHealth({ state, now })) {
    case 'expired': {
      const expired = t('listsStateExpired', good === undefined ? '' : when(good.list.expires));
      return { message: state.lastError === undefined ? expired : `${expired}${gapAfter(expired, locale)}${t('listsStateExpiredFailed', errorText(state.lastError, t, locale))}` };
    }
    case 'never-checked':
      return { message: t('listsStateNeverChecked') };
    default:
      if (state.lastError !== undefined) return held(t('listsStateFailed', [when(state.lastError.at), errorText(state.lastError, t, locale)]));
      return held('', t('listsStateLastChecked', state.lastCheck == null ? '' : when(state.lastCheck)));
  }
}

/** Stands in for the list's name while the line is worded (private use: in no message of ours). */
const NAME = '\uE000';
