import type { ExchangeView } from '@/lib/view/exchange-view';
import type { ReasonWordsWait } from '@/utils/i18n';
import { keptWords } from './view-updates';

export interface CardWords {
  /** The view with its reasons worded (the `page-card` answer, or the current view with the words kept from the last one). */
  worded(): ExchangeView | undefined;
  /** What the card says while there are no words: still asking, or the question failed. */
  wait(): ReasonWordsWait;
  /** The view changed: the words on screen stay when they word all its reasons (and are in the language now shown, not `reworded`), else the card waits for new ones. */
  changed(view: ExchangeView, reworded?: boolean): void;
  /** A `page-card` question; `answered` runs when its answer has been taken in. */
  asked(answer: Promise<ExchangeView | undefined>): void;
}

/**
 * The card's reason words for one pill (one exchange, `exchangeId`), as `page-card` answers come in.
 * Only the answer to the latest question counts, and only while the view it was asked for is still
 * the one shown: answers can come back out of order (a worker woken twice), and words for an older
 * view would otherwise replace the newer view's on screen.
 */
export function cardWords(exchangeId: string, answered: () => void): CardWords {
  let worded: ExchangeView | undefined;
  let wait: ReasonWordsWait = 'loading';
  // Bumped by every question and every change of view: an answer counts when its number is still the latest.
  let latest = 0;
  return {
    worded: () => worded,
    wait: () => wait,
    changed(view, reworded) {
      latest++;
      const kept = reworded ? undefined : keptWords(worded?.reasonWords, view);
      worded = kept === undefined ? undefined : { ...view, reasonWords: kept };
      if (kept === undefined) wait = 'loading';
    },
    asked(answer) {
      const question = ++latest;
      void answer.then((view) => {
        if (question !== latest) return;
        if (view?.id === exchangeId && view.reasonWords !== undefined) worded = view;
        else wait = 'failed';
        answered();
      });
    },
  };
}
