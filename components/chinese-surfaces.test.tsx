import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type ComponentChildren } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { createGuideState } from '../lib/custody/steps';
import { exchanges, getExchange } from '../lib/exchanges/registry';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { shareImageContent } from '../lib/share/share-image';
import { shareText } from '../lib/share/share-text';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { chineseSentenceProblems } from '../lib/words/chinese-sentences.testkit';
import { reasonText, withReasonWords } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../utils/i18n';
import { ExchangeCard } from './ExchangeCard';
import { Guide } from './guide/Guide';
import { Options } from './Options';
import { quietOptions } from './options/options.testkit';
import { framesOnNextTask, popupWith } from './popup.testkit';
import { effectsOnNextTask, page, settle } from './test-dom';
import { ReserveCheck } from './verify/ReserveCheck';
import { okxEthereumTarget } from './verify/verify.testkit';

// Every surface's main text drawn in Chinese and read as the Chinese messages are written: nothing
// follows "。", "，", "：" or "；" after a space, and no sentence ends with a Latin "." after Chinese
// (lib/words/chinese-sentences.testkit.ts). Data the page quotes in English (marked lang="en") is left out.

effectsOnNextTask();

const now = new Date('2026-12-04T12:00:00Z');
const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/zh_CN/messages.json'), 'utf8')) as Messages);
const locale = 'zh-CN';
const BLOCKS = 'p, li, summary, legend, label, button, h1, h2, h3, h4, dt, dd, th, td, figcaption';

function viewOf(id: string): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return withReasonWords(buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now }), t, locale, now);
}

/** The text of each block drawn, English quotes left out; `hidden` picks what a closed element keeps out of sight. */
async function drawnBlocks(node: ComponentChildren, hidden?: string): Promise<string[]> {
  const { root } = page();
  framesOnNextTask();
  render(
    <I18nContext.Provider value={{ t, locale }}>
      <ReasonWordsContext.Provider value={reasonText}>{node}</ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  await settle();
  for (const quoted of root.querySelectorAll('[lang="en"]')) quoted.textContent = 'x';
  if (hidden !== undefined) for (const element of root.querySelectorAll(hidden)) element.remove();
  const blocks = [...root.querySelectorAll(BLOCKS)].map((block) => block.textContent ?? '');
  render(null, root);
  vi.unstubAllGlobals();
  return blocks.filter((text) => text.trim() !== '');
}

const sayProblems = (texts: readonly string[]) => texts.flatMap((text) => chineseSentenceProblems(text).map((problem) => `${problem}  ⟵  ${text}`));

const none = () => Promise.resolve();
// Every exchange in the registry, with its bundled figures: each kind of record (a report, "none", a collapse) and note.
const views = exchanges.map((exchange) => viewOf(exchange.id));

describe('every surface in Chinese: full-width marks with no space after, no Latin full stop', () => {
  test('the card of every exchange, collapsed and open', async () => {
    for (const view of views) {
      const collapsed = await drawnBlocks(<ExchangeCard view={view} />, '[data-testid="card-details"] > :not(summary)');
      const open = await drawnBlocks(<ExchangeCard view={view} />);
      expect(open.length, view.id).toBeGreaterThan(collapsed.length);
      expect(sayProblems([...collapsed, ...open]), view.id).toEqual([]);
    }
  });

  test('the popup, on an exchange and with its list', async () => {
    const [binance] = views;
    const blocks = await drawnBlocks(popupWith({ tab: { kind: 'exchange', host: 'www.binance.com', view: binance! }, loadAll: () => Promise.resolve(views) }));
    expect(blocks.length).toBeGreaterThan(5);
    expect(sayProblems(blocks)).toEqual([]);
  });

  test('the verify page’s reserve check', async () => {
    const blocks = await drawnBlocks(
      <ReserveCheck
        targets={[{ ...okxEthereumTarget, readFrom: 'https://static.okx.com/reserves/wallets.json', note: 'Wallets listed by OKX.' }]}
        endpoints={{ chainRpcUrls: {} }}
        optionsUrl="chrome-extension://x/options.html"
        views={undefined}
        onRun={vi.fn()}
        now={now}
      />,
    );
    expect(sayProblems(blocks)).toEqual([]);
  });

  test('the guide’s first step', async () => {
    const blocks = await drawnBlocks(
      <Guide
        state={createGuideState(now)}
        book={[]}
        exchanges={[{ id: 'binance', name: 'Binance' }]}
        rpcUrl={undefined}
        ensRpcUrl={undefined}
        alerts={[]}
        drops={0}
        resetReason={null}
        ens={{ status: 'idle', name: '', address: null, errorCode: null }}
        watch={{ status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null }}
        onAction={() => undefined}
        onSaveAddress={none}
        onRemoveAddress={none}
        onResolveEns={() => undefined}
        rise={null}
        onTestSent={() => undefined}
        onTestRise={() => undefined}
        onOpenOptions={() => undefined}
      />,
    );
    expect(blocks.length).toBeGreaterThan(3);
    expect(sayProblems(blocks)).toEqual([]);
  });

  test('the options page, its headings and what they introduce', async () => {
    const blocks = await drawnBlocks(<Options {...quietOptions} now={now} />);
    expect(blocks.length).toBeGreaterThan(5);
    expect(sayProblems(blocks)).toEqual([]);
  });

  test('the shared text and picture of every exchange', () => {
    for (const view of views) {
      const shared = shareText({ view, now, t, locale });
      const picture = shareImageContent({ view, now, t, locale });
      const lines = [picture.shared, picture.levelLabel, ...picture.sections.flatMap((section) => [section.heading ?? '', ...section.lines.map((line) => line.text)])];
      expect(sayProblems([shared.title, shared.headline, ...shared.text.split('\n'), ...lines]), view.id).toEqual([]);
    }
  });
});
