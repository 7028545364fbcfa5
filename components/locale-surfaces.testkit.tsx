// Every surface the user reads, drawn in one language, for the tests of that language's writing rules: not a test
// file itself (vitest runs *.test.ts(x) only). A file that draws with it calls effectsOnNextTask() (./test-dom).
import { render, type ComponentChildren } from 'preact';
import { vi } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import { createGuideState } from '../lib/custody/steps';
import { exchanges, getExchange } from '../lib/exchanges/registry';
import type { ExchangeReserves } from '../lib/reserves/schema';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { shareImageContent } from '../lib/share/share-image';
import { shareText } from '../lib/share/share-text';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { reasonText, withReasonWords } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom } from '../utils/i18n';
import { localeMessages } from '../utils/locale-files.testkit';
import { ExchangeCard } from './ExchangeCard';
import { Guide } from './guide/Guide';
import { quietGuide } from './guide/guide.testkit';
import { WhereToClick } from './guide/WhereToClick';
import { Options } from './Options';
import { quietOptions } from './options/options.testkit';
import { framesOnNextTask, popupWith } from './popup.testkit';
import { page, settle } from './test-dom';
import { ReserveCheck } from './verify/ReserveCheck';
import { okxEthereumTarget } from './verify/verify.testkit';

/** The moment every surface is drawn at. */
export const SURFACES_NOW = new Date('2026-12-04T12:00:00Z');
/** The day the surfaces' own dated figures carry (a reserve list, a source's bundled copy, a withdrawal page): a first of the month. */
export const SURFACES_DAY = '2026-12-01';
/** The block elements whose text a reader meets as one piece. */
const BLOCKS = 'p, li, summary, legend, label, button, h1, h2, h3, h4, dt, dd, th, td, figcaption';

/** What a surface drew: each block's text (empty ones left out) and all of the text at once. */
export interface Drawn {
  blocks: string[];
  text: string;
}

/**
 * The surfaces in the language of a messages folder (`zh_CN`, `fr`): `t` and `locale`, the views, each surface as
 * an element to `draw`, and the shared text and picture as lines.
 */
export function localeSurfaces(folder: string) {
  const messages = localeMessages(folder);
  const t = translateFrom(messages);
  const locale = folder.replace('_', '-');
  const now = SURFACES_NOW;

  /** The view of a registry exchange, from its bundled figures unless `reserves` is given. */
  function viewOf(id: string, { reserves = bundledSnapshot().exchanges[id], warnings = [] }: { reserves?: ExchangeReserves | undefined; warnings?: readonly ActiveWarning[] } = {}): ExchangeView {
    const exchange = getExchange(id);
    if (exchange === undefined) throw new Error(`no ${id} in the registry`);
    return buildExchangeView({ exchange, reserves, now, warnings });
  }

  /** Every exchange in the registry with its bundled figures, reasons worded as the background words them: each kind of record (a report, "none", a collapse) and note. */
  const everyExchange = () => exchanges.map((exchange) => withReasonWords(viewOf(exchange.id), t, locale, now));

  /**
   * Draws `node` in this language and reads it once effects and frames have run. Data the page quotes in English
   * (`lang="en"`) is blanked; `hidden` picks what a closed element keeps out of sight, to leave out.
   */
  async function draw(node: ComponentChildren, hidden?: string): Promise<Drawn> {
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
    const blocks = [...root.querySelectorAll(BLOCKS)].map((block) => block.textContent ?? '').filter((text) => text.trim() !== '');
    const text = root.textContent ?? '';
    render(null, root);
    vi.unstubAllGlobals();
    return { blocks, text };
  }

  const surfaces = {
    card: (view: ExchangeView) => <ExchangeCard view={view} />,
    /** The popup on the first of `views`' exchanges, with `views` as its list. */
    popup: (views: readonly ExchangeView[]) => popupWith({ tab: { kind: 'exchange', host: 'www.binance.com', view: views[0]! }, loadAll: () => Promise.resolve([...views]) }),
    /** The verify page's reserve check, its one list of wallets dated SURFACES_DAY. */
    reserveCheck: () => (
      <ReserveCheck
        targets={[{ ...okxEthereumTarget, asOf: SURFACES_DAY, readFrom: 'https://static.okx.com/reserves/wallets.json', note: 'Wallets listed by OKX.' }]}
        endpoints={{ chainRpcUrls: {} }}
        optionsUrl="chrome-extension://x/options.html"
        views={undefined}
        onRun={vi.fn()}
        now={now}
      />
    ),
    /** The guide's first step. */
    guide: () => <Guide {...quietGuide(createGuideState(now))} exchanges={[{ id: 'binance', name: 'Binance' }]} />,
    /** The guide's "where to click" for an exchange whose withdrawal page was seen on SURFACES_DAY. */
    whereToClick: () => (
      <WhereToClick
        exchange={{
          id: 'example',
          name: 'Example',
          withdrawal: {
            page: { status: 'deep-link', url: 'https://www.example.test/withdraw', source: 'https://help.example.test/withdraw', asOf: SURFACES_DAY, dated: 'seen' },
            whitelist: { status: 'unknown' },
            newAddressLock: { status: 'unknown' },
            networkFees: { status: 'unknown' },
          },
        }}
        asset={null}
      />
    ),
    /** The options page, its one source never fetched and bundled on SURFACES_DAY. */
    options: () => (
      <Options
        {...quietOptions}
        sources={[{ id: 'cexs', group: 'cexs', url: 'https://api.llama.fi/cexs', status: 'never', bundledAt: '2026-12-04T00:00:00.000Z', bundledDays: { from: SURFACES_DAY, to: SURFACES_DAY } }]}
        now={now}
      />
    ),
  };

  /** The shared text (title, headline, each line) and the shared picture's lines (headings included) of `view`. */
  function shared(view: ExchangeView): { text: string[]; picture: string[] } {
    const words = shareText({ view, now, t, locale });
    const image = shareImageContent({ view, now, t, locale });
    return {
      text: [words.title, words.headline, ...words.text.split('\n')],
      picture: [image.shared, image.levelLabel, ...image.sections.flatMap((section) => [section.heading ?? '', ...section.lines.map((line) => line.text)])],
    };
  }

  return { messages, t, locale, now, viewOf, everyExchange, draw, surfaces, shared };
}
