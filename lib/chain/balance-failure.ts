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

/** The names along an error's cause chain, outermost first. */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    names.push(current.name);
    current = current.cause;
  }
  return names;
}

/** One call's answer in a Multicall3 request, as the check keeps it; `answered` when the call returned but too few bytes for its number. */
export type CallAnswer = { status: 'success'; result: unknown } | { status: 'failure'; error: string; answered: boolean };

/** What the check keeps of one of viem's multicall answers. */
export function keptAnswer(answer: { status: 'success'; result: unknown } | { status: 'failure'; error: Error }): CallAnswer {
  if (answer.status === 'success') return { status: 'success', result: answer.result };
  const error = (answer.error as { shortMessage?: string }).shortMessage ?? answer.error.message;
  return { status: 'failure', error, answered: errorNames(answer.error).includes('AbiDecodingDataSizeTooSmallError') };
}

/** Why a balance read gave no amount: never sent (the check stopped), the call failed, the token gave no decimals, or the answer is no balance. */
export function balanceFailure(answer: CallAnswer | undefined, decimals: number | undefined): ReserveBalanceFailure {
  if (answer === undefined) return 'not-read';
  if (answer.status === 'failure' && !answer.answered) return 'call-failed';
  return decimals === undefined ? 'no-decimals' : 'not-a-balance';
}
