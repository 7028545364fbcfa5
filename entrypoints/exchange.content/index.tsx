import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { exchangeMatchPatterns } from '@/lib/exchanges/classify';
import type { TabState } from '@/lib/view/exchange-view';
import { I18nContext, type Translate } from '@/components/i18n';
import { Pill } from '@/components/Pill';
import './style.css';

const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

export default defineContentScript({
  // Exchange domains only, generated from the registry: the extension sees no other site.
  matches: exchangeMatchPatterns(),
  cssInjectionMode: 'ui',
  async main(ctx) {
    let state = await requestState();
    if (state?.kind !== 'exchange') return;
    const ui = await mountPill(ctx, state);
    // Exchanges are single-page apps: the background learns each in-app navigation too.
    ctx.addEventListener(window, 'wxt:locationchange', async () => {
      state = await requestState();
      if (state?.kind !== 'exchange') ui.remove();
    });
  },
});

async function requestState(): Promise<TabState | undefined> {
  try {
    return (await browser.runtime.sendMessage({ type: 'page-state' })) as TabState;
  } catch {
    // The extension was reloaded or updated under this page: stay silent.
    return undefined;
  }
}

async function mountPill(ctx: ContentScriptContext, state: Extract<TabState, { kind: 'exchange' }>) {
  const ui = await createShadowRootUi(ctx, {
    name: 'reserve-radar-pill',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      const close = () => ui.remove();
      render(
        <I18nContext.Provider value={t}>
          <Pill view={state.view} onClose={close} />
        </I18nContext.Provider>,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container !== undefined) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
