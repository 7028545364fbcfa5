import type { AnswerFailure, SkippedPriceProblem } from '../reserves/answer-failure';
import type { MomentFormat } from './format';
import { joiners } from './punctuation';
import type { MessageKey, Translate } from './translate-from';

export const ANSWER_FAILURE_KEYS: Record<AnswerFailure['answer'], MessageKey> = {
  'wrong-shape': 'answerFailWrongShape',
  unreadable: 'answerFailUnreadable',
  older: 'answerFailOlder',
  empty: 'answerFailEmpty',
  'no-price': 'answerFailNoPrice',
};

export const SKIPPED_PRICE_KEYS: Record<SkippedPriceProblem, MessageKey> = {
  missing: 'answerSkipMissing',
  refused: 'answerSkipRefused',
};

/**
 * Why an answer that arrived was not used, in the reader's language, as a clause that fits after
 * a colon: the options page's Data sources rows, and `radar status` in English. `moment` writes its
 * moments and has no default, so each caller says how: the pages `formatMoment` (the reader's
 * clock), the command line `english.moment` (UTC, the same on every machine).
 */
export function answerFailureText(failure: AnswerFailure, t: Translate, locale: string, moment: MomentFormat): string {
  switch (failure.answer) {
    case 'wrong-shape':
    case 'unreadable':
    case 'empty':
      return t(ANSWER_FAILURE_KEYS[failure.answer]);
    case 'older':
      return t('answerFailOlder', [moment(failure.answerAt, locale), moment(failure.heldAt, locale)]);
    case 'no-price':
      return t('answerFailNoPrice', failure.skipped.map(({ symbol, problem }) => t(SKIPPED_PRICE_KEYS[problem], symbol)).join(joiners(locale).semicolon));
  }
}
