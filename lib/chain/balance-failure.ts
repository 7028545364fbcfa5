/** Why one balance read gave no amount: a code, which the verify page words in the reader's language. */
export type ReserveBalanceFailure = 'not-read' | 'call-failed' | 'no-decimals' | 'not-a-balance';

const LOG_WORDS: Readonly<Record<ReserveBalanceFailure, string>> = {
  'not-read': 'Not read: the check stopped before this balance.',
  'call-failed': 'The contract call failed',
  'no-decimals': 'The token did not say how many decimals it has.',
  'not-a-balance': 'The contract answered something that is not a balance.',
};

/** The same in English for logs and the command line, with the chain's own account of a failed call. */
export function balanceFailureLog(failure: ReserveBalanceFailure, callError?: string): string {
  return callError === undefined ? LOG_WORDS[failure] : `${LOG_WORDS[failure]}: ${callError}`;
}
