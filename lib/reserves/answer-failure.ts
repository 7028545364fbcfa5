import * as v from 'valibot';

/**
 * Why an answer that did arrive was not used, as a code and figures; worded where it is shown by
 * lib/words/answer-failure.ts. `answer` (not `reason` or `code`) keeps it apart from a fetch
 * failure and a feed refusal in the source state.
 */
export type AnswerFailure =
  /** The answer's structure is not what the reader expects (the exact spot goes to the log). */
  | { answer: 'wrong-shape' }
  /** Reading the answer threw something unexpected (the error goes to the log). */
  | { answer: 'unreadable' }
  /** The answer describes `answerAt`, before `heldAt`, the newest reading already held (ISO moments). */
  | { answer: 'older'; answerAt: string; heldAt: string }
  /** No tracked exchange has reserve figures in the answer. */
  | { answer: 'empty' }
  /** No coin asked for has a usable price: each one either missing from the answer or refused. */
  | { answer: 'no-price'; skipped: { symbol: string; problem: SkippedPriceProblem }[] };

export type SkippedPriceProblem = 'missing' | 'refused';

const Moment = v.pipe(v.string(), v.maxLength(40));
/** A failure as it comes back from storage: read back only when its figures fit. */
export const AnswerFailureSchema = v.variant('answer', [
  v.object({ answer: v.picklist(['wrong-shape', 'unreadable', 'empty']) }),
  v.object({ answer: v.literal('older'), answerAt: Moment, heldAt: Moment }),
  v.object({
    answer: v.literal('no-price'),
    skipped: v.pipe(v.array(v.object({ symbol: v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,15}$/)), problem: v.picklist(['missing', 'refused']) })), v.maxLength(50)),
  }),
]);

export function readAnswerFailure(value: unknown): AnswerFailure | undefined {
  const parsed = v.safeParse(AnswerFailureSchema, value);
  return parsed.success ? (parsed.output as AnswerFailure) : undefined;
}
