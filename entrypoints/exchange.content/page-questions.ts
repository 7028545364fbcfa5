import type { Language } from '@/lib/settings';
import type { I18n } from '@/utils/i18n';
import type { ExchangeView } from '@/lib/view/exchange-view';
import { i18nWithWords } from '@/utils/translate';
import type { TabBalanceNudge } from './decide';
import type { MountedNudge } from './mounted-nudge';
import { browserWords, type PageWordsLoader } from './words';

/** A same-exchange `page-state` answer, as far as drawing it over matters. */
export interface SameExchangeAnswer {
  view: ExchangeView;
  balanceNudge?: TabBalanceNudge | undefined;
}

/** That answer's `nudge`: its language and the pill's own words in it. */
export interface AnswerWords {
  settings: { language: Language };
  words?: Record<string, string> | undefined;
}

/**
 * The page's `page-state` questions, numbered, and the language of the words on screen. Answers can come back out of
 * order (a worker woken twice, one answer slower to build), so only the latest question's answer may change what is
 * drawn: an older one never sets the language back.
 */
export function pageQuestions([, orNone]: PageWordsLoader) {
  let latest = 0;
  const page = {
    /** The language the words on screen are in. */
    language: 'auto' as Language,
    ask: () => ++latest,
    latest: (question: number) => question === latest,
    /**
     * A language's words, for the pill being mounted or the lines left by a closed one: its language is the one reached
     * only when they came, and only for the latest question; words that did not come are the browser's, and the next
     * answer asks again.
     */
    async reach(question: number, language: Language): Promise<I18n> {
      const all = await orNone(language);
      if (all && question === latest) page.language = language;
      return all ?? browserWords();
    },
    /**
     * The same exchange answered again: its view drawn over in place (a no-op when nothing changed), in the answer's
     * language's words when that changed, the answer's own pill words over them. Nothing while a pill is being mounted
     * (it asks again once mounted) or after a newer question was asked (its answer does it). Words that did not come
     * (`undefined`) leave the words on screen, and their language as the one reached, so the next answer asks again.
     */
    async again(question: number, state: SameExchangeAnswer, nudge: AnswerWords, mounted: () => Pick<MountedNudge, 'refresh'> | undefined) {
      const before = mounted();
      const next = nudge.settings.language;
      const all = before === undefined || next === page.language ? undefined : await orNone(next);
      if (before === undefined || before !== mounted() || question !== latest) return;
      if (all) page.language = next;
      before.refresh(state.view, state.balanceNudge, all && i18nWithWords(nudge.words ?? {}, all));
    },
  };
  return page;
}
