/**
 * How long the popup waits for the background's answer before it says there is none and offers
 * Try again. A Chrome service worker woken by the popup answers in well under a second (about
 * 0.2–0.5 s measured, first-visit and toolbar e2e), and even its slowest honest path, a restarted
 * browser whose held warning lists are checked again in a fresh offscreen document, takes a
 * second or two; 8 s leaves several times that for a loaded machine. It is short enough that the
 * words "Loading…" are not all a user reads while deciding whether to sign in, and well under the
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
