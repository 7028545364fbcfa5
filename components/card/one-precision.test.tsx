import { render } from 'preact';
import { expect, test } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { shareImageContent } from '../../lib/share/share-image';
import { buildExchangeView } from '../../lib/view/exchange-view';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { effectsOnNextTask, page } from '../test-dom';
import { localeMessages } from '../../utils/locale-files.testkit';

// One figure, one precision: Binance's own-token share reads the same in its reason, the details' bar and the share image.

effectsOnNextTask();

const now = new Date('2026-12-04T12:00:00Z');
const messages = (folder: string) => localeMessages(folder);

test.each([
  ['en', 'en', '15%'],
  ['fr', 'fr', '15\u00a0%'],
  ['de', 'de', '15\u00a0%'],
])('%s: the own-token share reads the same in the reason, the bar and the picture', (folder, locale, expected) => {
  const exchange = getExchange('binance');
  if (exchange === undefined) throw new Error('no binance');
  const view = buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges.binance, now });
  const t = translateFrom(messages(folder));
  const { root, $ } = page();
  render(
    <I18nContext.Provider value={{ t, locale }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  expect(root.querySelector('[data-metric="own-token.share"]')?.textContent).toContain(expected);
  expect($('bar-own-token')?.textContent).toBe(`${t('shareOwnToken')}${expected}`);
  const picture = shareImageContent({ view, now, t, locale }).sections.flatMap((section) => section.lines.map((line) => line.text));
  const own = picture.find((line) => line.startsWith(t('shareOwnToken')));
  expect(own).toMatch(new RegExp(`${expected}$`));
  render(null, root);
});
