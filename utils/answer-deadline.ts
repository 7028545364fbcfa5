/**
 * How long the popup waits for the background's answer before it says there is none and offers
 * Try again. A stopped Chrome service worker woken by a toolbar click answered in 0.6–0.8 s
 * (card or list drawn, on a loaded two-core machine); after a browser restart the first answer
 * also waits for an offscreen document to check the held warning lists again. 8 s leaves ten
 * times the measured wake-up for that and for a slower machine, yet is short enough that
 * "Loading…" is not all a user reads while deciding whether to sign in, and well under the
 * background's own 30 s deadline for offscreen work, the kind of call that can hang behind it.
 */
export const ANSWER_DEADLINE_MS = 8_000;

/** The background did not answer in time. Its answer may still come. */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
  readonly shortMessage = 'The background did not answer in time.';
  constructor(deadlineMs: number) {
    super(`the background did not answer within ${deadlineMs} ms`);
  }
}

/** The answer, or a rejection with `NoAnswerError` once `deadlineMs` have passed without one. */
export function withDeadline<T>(answer: Promise<T>, deadlineMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswerError(deadlineMs)), deadlineMs);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
