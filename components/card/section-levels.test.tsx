import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import type { ActiveWarning } from '../../lib/community/active-warnings';
import { buildExchangeView, type BuildExchangeViewParameters } from '../../lib/view/exchange-view';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { localeMessages } from '../../utils/locale-files.testkit';

afterEach(() => vi.unstubAllGlobals());

const messages = localeMessages('en');

const now = new Date('2026-12-04T12:00:00Z');
// A warning as a subscribed list gives it, from a test list (the card only words it): it draws the warnings section.
const warning: ActiveWarning = {
  exchange: 'bitfinex',
  severity: 'caution',
  title: 'Withdrawals slow',
  body: 'Users report withdrawals taking days.',
  published: '2026-12-01T00:00:00Z',
  expires: '2027-01-01T00:00:00Z',
  sources: ['https://example.org/bitfinex'],
  listName: 'Unit test list',
  listHost: 'lists.example.org',
  listSequence: 1,
};

/** The cards drawn: one with no data, and the sections drawn only sometimes (incidents from the registry, warnings, lists unread). */
const cards: { name: string; exchangeId: string; warnings?: BuildExchangeViewParameters['warnings']; sections: string[] }[] = [
  { name: 'no data', exchangeId: 'kraken', sections: [] },
  { name: 'incidents and a warning', exchangeId: 'bitfinex', warnings: [warning], sections: ['card-incidents', 'card-warnings'] },
  { name: 'warning lists unread', exchangeId: 'bitfinex', warnings: 'unread', sections: ['card-warnings'] },
];

/** The levels of every heading in the card, title first, in document order, and the sections drawn. */
function headingLevels(headingLevel: 1 | 2, { exchangeId, warnings }: (typeof cards)[number]) {
  const exchange = getExchange(exchangeId);
  if (exchange === undefined) throw new Error(`no ${exchangeId} in the registry`);
  const view = buildExchangeView({ exchange, reserves: {}, now, ...(warnings === undefined ? {} : { warnings }) });
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
  const drawn = [...root.querySelectorAll('[data-testid^="card-"]')].map((element) => element.getAttribute('data-testid'));
  render(null, root);
  return { levels, drawn };
}

describe('ExchangeCard: the details sections sit one level under the card title', () => {
  for (const level of [1, 2] as const) {
    test.each(cards)(`$name: a card titled at level ${level} has every section at level ${level + 1}, so no level is skipped`, (card) => {
      const { levels, drawn } = headingLevels(level, card);
      const [title, ...sections] = levels;
      expect(title).toBe(level);
      expect(sections.length).toBeGreaterThan(0);
      expect(new Set(sections)).toEqual(new Set([level + 1]));
      for (const section of card.sections) expect(drawn).toContain(section);
    });
  }
});
