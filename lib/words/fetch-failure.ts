import type { FetchFailure, FetchFailureReason } from '../reserves/fetch-source';
import { formatCount } from './format';
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
  'no-access': 'fetchFailNoAccess',
};

const MIB = 1024 * 1024;

/**
 * An HTTP refusal by what it means for the reader, the number kept after it: a 429 asks to wait,
 * a 5xx is the service's own trouble, a 404 or 410 has nothing at that address (the advice to check
 * it only for an address the user typed), another 4xx refused the request itself.
 */
function httpKey(status: number, typedAddress: boolean): MessageKey {
  if (status === 404 || status === 410) return typedAddress ? 'fetchFailHttpNotFoundTyped' : 'fetchFailHttpNotFound';
  if (status === 429) return 'fetchFailHttpTooOften';
  if (status >= 500 && status <= 599) return 'fetchFailHttpDown';
  if (status >= 400 && status <= 499) return 'fetchFailHttpRefused';
  return 'fetchFailHttp';
}

export interface FetchFailureTextOptions {
  /** The address is one the user typed (a warning list's): a 404 then says to check it. */
  typedAddress?: boolean;
}

/**
 * Why a source gave no answer, in the reader's language, as a clause that fits after a colon:
 * the options page's Data sources rows, the holdings price and rate lines, the warning-list
 * "could not be fetched" sentence, and the command line in English.
 *
 * Words only: the platform's own error text (`detail`) stays out. A browser's fetch says nothing a
 * user could act on ("Failed to fetch", "NetworkError when attempting to fetch resource.", the same
 * for every kind of network failure) and says it in English whatever the user's language.
 * `fetchFailureDetail` hands it over apart, for the command line's log.
 */
export function fetchFailureText(failure: FetchFailure, t: Translate, locale: string, { typedAddress = false }: FetchFailureTextOptions = {}): string {
  switch (failure.reason) {
    case 'timeout':
      return t('fetchFailTimeout', [failure.host, formatCount(Math.round(failure.timeoutMs / 100) / 10, locale)]);
    case 'http':
      return t(httpKey(failure.status, typedAddress), [failure.host, String(failure.status)]);
    case 'network':
      return t(failure.stage === 'body' ? 'fetchFailBrokeOff' : 'fetchFailNetwork', failure.host);
    case 'too-large':
      // Limits are whole mebibytes or kibibytes; the larger unit reads better ("5 MB" rather than "5120 kB").
      return failure.maxBytes >= MIB && failure.maxBytes % MIB === 0
        ? t('fetchFailTooLargeMb', [failure.host, formatCount(failure.maxBytes / MIB, locale)])
        : t('fetchFailTooLarge', [failure.host, formatCount(Math.round(failure.maxBytes / 1024), locale)]);
    case 'invalid-json':
      return t('fetchFailNotJson', failure.host);
    case 'not-modified':
      return t('fetchFailNotModified', failure.host);
    case 'aborted':
      return t('fetchFailAborted', failure.host);
    case 'no-access':
      return t('fetchFailNoAccess', failure.host);
  }
}

/** The platform's own error text for a network failure (English, as browsers and Node give it), when there is one. */
export function fetchFailureDetail(failure: FetchFailure): string | undefined {
  return failure.reason === 'network' ? failure.detail : undefined;
}

/** The clause with the platform's text after it: for the command line's English log, where an error code such as ECONNREFUSED helps. */
export function fetchFailureWithDetail(failure: FetchFailure, t: Translate, locale: string): string {
  const text = fetchFailureText(failure, t, locale);
  const detail = fetchFailureDetail(failure);
  return detail === undefined ? text : `${text} (${detail})`;
}
