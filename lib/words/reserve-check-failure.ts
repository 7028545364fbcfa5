import { MULTICALL3_ADDRESS } from '../chain/reserve-addresses';
import type { ReserveCheckErrorCode, ReserveCheckFailure } from '../chain/reserves-check';
import { NO_READER_ANSWER } from '../holdings/address-readings';
import type { Translate } from './translate-from';

/** Why a reserve check stopped, in the reader's language (the verify page's reserve check). */
export function reserveCheckFailureText(failure: ReserveCheckFailure, t: Translate): string {
  switch (failure.code) {
    case 'cancelled':
      return t('verifyReservesFailCancelled');
    case 'rpc-timeout':
      return t('verifyReservesFailTimeout');
    case 'rpc-unreachable':
      return t('verifyReservesFailUnreachable');
    case 'rpc-error':
      return t('verifyReservesFailRpcError');
    case 'no-multicall':
      return t('verifyReservesFailNoMulticall', failure.contract);
    case 'bad-rpc-url':
      return t(failure.problem === 'scheme' ? 'verifyReservesFailScheme' : 'verifyReservesFailNotUrl');
    case 'wrong-chain':
      return t('verifyReservesFailWrongChain', [String(failure.served), String(failure.wanted)]);
    case 'bad-input':
      switch (failure.problem) {
        case 'address':
          return t('verifyReservesFailAddress', failure.address);
        case 'token':
          return t('verifyReservesFailToken', [failure.symbol, failure.address]);
        case 'no-addresses':
          return t('verifyReservesFailNoAddresses');
        case 'too-many':
          return t('verifyReservesFailTooMany', String(failure.max));
      }
  }
}

/**
 * A failed balance read as stored with a watched address's reading (its code only), as the line the
 * page shows for its chain; a code stored without the figures its sentence needs, or any other text,
 * is said as a read that failed, with no reason in brackets.
 */
export function readingFailedText(chain: string, error: string, t: Translate): string {
  const why = readingErrorText(error, t);
  return why === undefined ? t('holdingsReadingFailedPlain', chain) : t('holdingsReadingFailed', [chain, why]);
}

function readingErrorText(error: string, t: Translate): string | undefined {
  if (error === NO_READER_ANSWER) return t('holdingsReadingUnchecked');
  const code = error as ReserveCheckErrorCode;
  switch (code) {
    case 'cancelled':
    case 'rpc-timeout':
    case 'rpc-unreachable':
    case 'rpc-error':
      return reserveCheckFailureText({ code }, t);
    case 'no-multicall':
      return reserveCheckFailureText({ code, contract: MULTICALL3_ADDRESS }, t);
    case 'wrong-chain':
      return t('verifyReservesFailWrongChainAny');
    case 'bad-rpc-url':
      // Stored for an address that is no URL, one of another scheme, and plain http to a remote host alike.
      return t('verifyReservesFailRpcUnusable');
    default:
      // Stored without its figures, or text a version before kept (an exception's message may name the endpoint, key and all).
      return undefined;
  }
}
