import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { buildExchangeView } from '../../lib/view/exchange-view';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';

afterEach(() => vi.unstubAllGlobals());

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;

/** The levels of every heading in the card, title first, in document order. */
function headingLevels(headingLevel: 1 | 2) {
  const exchange = getExchange('kraken');
  if (exchange === undefined) throw new Error('no kraken in the registry');
  const view = buildExchangeView({ exchange, reserves: {}, now: new Date('2026-12-04T12:00:00Z') });
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages), locale: 'en' }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} headingLevel={headingLevel} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  const levels = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1)));
  render(null, root);
  return levels;
}

describe('ExchangeCard: the details sections sit one level under the card title', () => {
  for (const level of [1, 2] as const) {
    test(`a card titled at level ${level} has its sections at level ${level + 1}, so no level is skipped`, () => {
      const [title, ...sections] = headingLevels(level);
      expect(title).toBe(level);
      expect(sections.length).toBeGreaterThan(0);
      expect(new Set(sections)).toEqual(new Set([level + 1]));
    });
  }
});
