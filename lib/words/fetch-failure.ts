import type { FetchFailure, FetchFailureReason } from '../reserves/fetch-source';
import type { MessageKey, Translate } from './translate-from';

/** One message per kind of failure; `network` has two, for a connection and for an answer that broke off. */
export const FETCH_FAILURE_KEYS: Record<FetchFailureReason, MessageKey> = {
  timeout: 'fetchFailTimeout',
  http: 'fetchFailHttp',
  network: 'fetchFailNetwork',
  'too-large': 'fetchFailTooLarge',
  'invalid-json': 'fetchFailNotJson',
  'not-modified': 'fetchFailNotModified',
  aborted: 'fetchFailAborted',
};

const MIB = 1024 * 1024;

/**
 * Why a source gave no answer, in the reader's language, as a clause that fits after a colon:
 * the options page's Data sources rows, the holdings price and rate lines, the warning-list
 * "could not be fetched" sentence, and the command line in English.
 */
export function fetchFailureText(failure: FetchFailure, t: Translate): string {
  switch (failure.reason) {
    case 'timeout':
      return t('fetchFailTimeout', [failure.host, String(Math.round(failure.timeoutMs / 100) / 10)]);
    case 'http':
      return t('fetchFailHttp', [failure.host, String(failure.status)]);
    case 'network': {
      const text = t(failure.stage === 'body' ? 'fetchFailBrokeOff' : 'fetchFailNetwork', failure.host);
      return failure.detail === undefined ? text : `${text} (${failure.detail})`;
    }
    case 'too-large':
      // Limits are whole mebibytes or kibibytes; the larger unit reads better ("5 MB" rather than "5120 kB").
      return failure.maxBytes >= MIB && failure.maxBytes % MIB === 0
        ? t('fetchFailTooLargeMb', [failure.host, String(failure.maxBytes / MIB)])
        : t('fetchFailTooLarge', [failure.host, String(Math.round(failure.maxBytes / 1024))]);
    case 'invalid-json':
      return t('fetchFailNotJson', failure.host);
    case 'not-modified':
      return t('fetchFailNotModified', failure.host);
    case 'aborted':
      return t('fetchFailAborted', failure.host);
  }
}
