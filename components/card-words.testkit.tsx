import { render } from 'preact';
import type { ExchangeView } from '../lib/view/exchange-view';
import { reasonText } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../utils/i18n';
import { ExchangeCard } from './ExchangeCard';
import { page } from './test-dom';

export interface CardWordsOptions {
  messages: Messages;
  locale: string;
  /** The quoted data to leave out (inside `[data-source-words]`): the words a source wrote, not the card's own. */
  quoted: string;
}

/** The card's own words in one language: every block's text and every accessible name, the data it quotes left out. */
export function cardWords(view: ExchangeView, { messages, locale, quoted }: CardWordsOptions): string[] {
  const { root } = page();
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages), locale }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  for (const words of root.querySelectorAll(`[data-source-words] ${quoted}`)) words.textContent = 'x';
  const blocks = [...root.querySelectorAll('p, li, summary, h2, h3, h4, dt, dd, th, td')].map((block) => block.textContent ?? '');
  const names = [...root.querySelectorAll('[aria-label], [title]')].flatMap((element) => [element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '']);
  return [...blocks, ...names].filter((text) => text.trim() !== '');
}
