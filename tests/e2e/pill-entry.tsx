/**
 * Test-only entry: draws the exchange page's pill and card on a plain page with the content
 * script's own shadow host and styles, in a language the test picks, so the card's layout can be
 * measured in Chromium in Swedish as well as English. Built by card.e2e.ts.
 */
import { render } from 'preact';
import type { PageContext } from '../../entrypoints/exchange.content/page-context';
import { Pill, type Corner } from '../../components/Pill';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { withReasonWords } from '../../lib/words/reason-text';
import type { ExchangeView } from '../../lib/view/exchange-view';
import cardCss from '../../components/card.css?inline';
import nudgeCss from '../../entrypoints/exchange.content/style.css?inline';
import { createShadowHost } from '../../entrypoints/exchange.content/shadow-host';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';

interface PillHarness {
  mount(view: ExchangeView, language: 'en' | 'sv', corner: Corner): void;
}

const harness: PillHarness = {
  mount(view, language, initialCorner) {
    let corner = initialCorner;
    // The host needs only the context's "invalidated" hook, which never fires on this page.
    // Worded as the background words it for the exchange page, whose script carries no wording code.
    const t = translateFrom((language === 'sv' ? sv : en) as Messages);
    const worded = withReasonWords(view, t, language, new Date());
    const ctx = { onInvalidated: () => () => undefined } as unknown as PageContext;
    const draw = (container: HTMLElement) =>
      render(
        <I18nContext.Provider value={{ t, locale: language }}>
          <Pill
            view={worded}
            corner={corner}
            initiallyExpanded={true}
            onClose={() => undefined}
            onCornerChange={(next) => {
              corner = next;
              draw(container);
            }}
            onSnooze={() => undefined}
            onWithdraw={() => undefined}
          />
        </I18nContext.Provider>,
        container,
      );
    createShadowHost({ ctx, name: 'reserve-radar-pill', css: `${cardCss}\n${nudgeCss}`, onMount: draw, onRemove: (container) => render(null, container) }).mount();
  },
};

(globalThis as unknown as { pillHarness: PillHarness }).pillHarness = harness;
