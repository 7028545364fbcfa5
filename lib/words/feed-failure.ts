import type { FeedFailure } from '../feed/verify-feed';
import type { Translate } from './translate-from';

/**
 * Why the signed feed was refused, in the reader's language: the Data sources row of the feed on
 * the options page, and `radar feed verify` in English.
 */
export function feedFailureText(failure: FeedFailure, t: Translate): string {
  switch (failure.code) {
    case 'unreadable':
      return t('feedFailNotJson');
    case 'tampered':
      return t('feedFailTampered');
    case 'too-large':
      return t('feedFailTooLarge', String(failure.maxKib));
    case 'malformed':
      if (failure.part === 'read') return t('feedFailUnreadable');
      return t(failure.part === 'envelope' ? 'feedFailMalformed' : 'feedFailFigures', failure.where);
    case 'bad-signature':
      return t(failure.problem === 'not-canonical' ? 'feedFailNotCanonical' : 'feedFailNoSigner');
    case 'wrong-signer':
      return failure.signer === undefined ? t('feedFailNoKey') : t('feedFailWrongSigner', failure.signer);
    case 'not-yet-valid':
      return t('feedFailNotYetValid', failure.issued);
    case 'expired':
      return t('feedFailExpired', failure.expires);
    case 'rollback':
      return failure.sequence === failure.held ? t('feedFailSameNumber', String(failure.sequence)) : t('feedFailRollback', [String(failure.sequence), String(failure.held)]);
    case 'unchecked':
      return t('feedFailUnchecked', failure.why);
  }
}
