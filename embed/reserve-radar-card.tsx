/**
 * `<reserve-radar-card exchange="kraken">`: the extension's exchange card as a custom element
 * for wallet onboarding pages. Same components, same lib code, the bundled snapshot; it runs
 * no fetch, sets no cookie and reads nothing from the host page but its own attributes.
 */
import { render } from 'preact';
import { ExchangeCard } from '../components/ExchangeCard';
import { I18nContext, ReasonWordsContext, translateFrom, type I18n, type Messages } from '../utils/i18n';
import { reasonText } from '../lib/words/reason-text';
import { formatDate } from '../lib/words/format';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { buildExchangeView } from '../lib/view/exchange-view';
import css from '../components/card.css?inline';
import en from '../public/_locales/en/messages.json';
import sv from '../public/_locales/sv/messages.json';
import { embedLanguageFor, findEmbedExchange, type EmbedLanguage } from './embed-options';

export const RESERVE_RADAR_CARD_TAG = 'reserve-radar-card';

const messages: Record<EmbedLanguage, Messages> = { en, sv };

/*
 * `all: initial` on the host and again on the wrapper: the host page can still place and size
 * the element, but no inherited colour, font or spacing of the page reaches the card.
 */
const EMBED_CSS = `
:host { all: initial; display: block; }
:host([hidden]) { display: none; }
.rr-embed { all: initial; display: block; }
.rr-embed > .rr-theme { display: block; background: var(--bg); border: 1px solid var(--border); border-radius: 12px; padding: 14px 16px; box-sizing: border-box; text-align: left; }
.rr-embed .embed-footer { margin: 10px 0 0; font-size: 11px; color: var(--muted); }
.rr-embed .embed-problem { margin: 0; }
`;

function Problem({ text }: { text: string }) {
  return (
    <p class="embed-problem" role="alert" data-testid="embed-problem">
      {text}
    </p>
  );
}

function EmbeddedCard({ exchangeAttribute, nowAttribute, i18n }: { exchangeAttribute: string | null; nowAttribute: string | null; i18n: I18n }) {
  const { t } = i18n;
  const snapshot = bundledSnapshot();
  if (exchangeAttribute === null || exchangeAttribute.trim() === '') return <Problem text={t('embedNoExchange')} />;
  const exchange = findEmbedExchange(exchangeAttribute);
  if (exchange === undefined) return <Problem text={t('embedUnknownExchange', exchangeAttribute.trim().slice(0, 80))} />;
  const now = nowAttribute === null || nowAttribute.trim() === '' ? new Date() : new Date(nowAttribute.trim());
  if (Number.isNaN(now.getTime())) return <Problem text={t('embedBadNow', (nowAttribute ?? '').trim().slice(0, 80))} />;
  const view = buildExchangeView({ exchange, reserves: snapshot.exchanges[exchange.id], now });
  return (
    <>
      <ExchangeCard view={view} headingLevel={2} idPrefix={`rr-${exchange.id}`} />
      <p class="embed-footer" data-testid="embed-footer">
        {t('embedFooter', formatDate(snapshot.generatedAt, i18n.locale))}
      </p>
    </>
  );
}

/** The element's class, exported for `instanceof` checks and for subclassing in tests. */
export class ReserveRadarCardElement extends HTMLElement {
  static observedAttributes = ['exchange', 'lang', 'now'];

  readonly #root: ShadowRoot;
  readonly #mount: HTMLDivElement;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${css}\n${EMBED_CSS}`;
    const wrapper = document.createElement('div');
    wrapper.className = 'rr-embed';
    this.#mount = document.createElement('div');
    this.#mount.className = 'rr-theme';
    wrapper.append(this.#mount);
    this.#root.append(style, wrapper);
  }

  connectedCallback(): void {
    this.#draw();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#draw();
  }

  disconnectedCallback(): void {
    render(null, this.#mount);
  }

  #draw(): void {
    const { language, locale } = embedLanguageFor({
      attribute: this.getAttribute('lang'),
      navigatorLanguage: typeof navigator === 'undefined' ? undefined : navigator.language,
    });
    this.#mount.lang = language;
    const i18n: I18n = { t: translateFrom(messages[language]), locale };
    render(
      <I18nContext.Provider value={i18n}>
        <ReasonWordsContext.Provider value={reasonText}>
          <EmbeddedCard exchangeAttribute={this.getAttribute('exchange')} nowAttribute={this.getAttribute('now')} i18n={i18n} />
        </ReasonWordsContext.Provider>
      </I18nContext.Provider>,
      this.#mount,
    );
  }
}

// A page may load the bundle twice (two widgets, a bundler and a script tag); the second load is a no-op.
if (typeof customElements !== 'undefined' && customElements.get(RESERVE_RADAR_CARD_TAG) === undefined) {
  customElements.define(RESERVE_RADAR_CARD_TAG, ReserveRadarCardElement);
}
