import type { FeedFailure } from '../feed/verify-feed';
import { formatCount, formatMoment, type MomentFormat } from './format';
import { withDetail } from './punctuation';
import type { Translate } from './translate-from';

/**
 * Why the signed feed was refused, in the reader's language: the Data sources row of the feed on
 * the options page, and `radar feed verify` in English. Dates and sizes are written as the reader
 * writes them; the technical text some refusals carry (a field path, a platform error, both
 * English) stays out of the sentence and comes apart from `feedFailureDetail`. The command line
 * passes its own `moment`, so a maintainer's terminal and a CI log show one moment the same way.
 */
export function feedFailureText(failure: FeedFailure, t: Translate, locale: string, moment: MomentFormat = formatMoment): string {
  switch (failure.code) {
    case 'unreadable':
      return t('feedFailNotJson');
    case 'tampered':
      return t('feedFailTampered');
    case 'too-large':
      return t('feedFailTooLarge', formatCount(failure.maxKib, locale));
    case 'malformed':
      if (failure.part === 'read') return t('feedFailUnreadable');
      return t(failure.part === 'envelope' ? 'feedFailMalformed' : 'feedFailFigures');
    case 'bad-signature':
      return t(failure.problem === 'not-canonical' ? 'feedFailNotCanonical' : 'feedFailNoSigner');
    case 'wrong-signer':
      return failure.signer === undefined ? t('feedFailNoKey') : t('feedFailWrongSigner', failure.signer);
    case 'not-yet-valid':
      return t('feedFailNotYetValid', moment(failure.issued, locale));
    case 'expired':
      return t('feedFailExpired', moment(failure.expires, locale));
    case 'rollback':
      // Sequence numbers name a feed, as a version does: written as they are, never grouped.
      return failure.sequence === failure.held ? t('feedFailSameNumber', String(failure.sequence)) : t('feedFailRollback', [String(failure.sequence), String(failure.held)]);
    case 'unchecked':
      return t('feedFailUnchecked');
  }
}

/**
 * The English technical text of a refusal (where the feed is malformed, why it could not be checked, what is wrong
 * with its signature), for the command line or a log: the sentence says it in words a user knows.
 */
export function feedFailureDetail(failure: FeedFailure): string | undefined {
  if (failure.code === 'malformed' && failure.part !== 'read') return failure.where;
  if (failure.code === 'unchecked') return failure.why;
  if (failure.code === 'unreadable') return 'not JSON';
  if (failure.code === 'bad-signature')
    return failure.problem === 'not-canonical' ? 'the signature has a high s, or a recovery byte other than 27 or 28, so it is not canonical (EIP-2)' : 'the signature recovers no signer';
  return undefined;
}

/** The sentence with its technical text after it, for the command line, where a field path helps the maintainer. */
export function feedFailureWithDetail(failure: FeedFailure, t: Translate, locale: string, moment: MomentFormat = formatMoment): string {
  return withDetail(feedFailureText(failure, t, locale, moment), feedFailureDetail(failure));
}
