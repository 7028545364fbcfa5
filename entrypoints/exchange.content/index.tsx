import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import type { TabState } from '@/lib/view/exchange-view';
import { I18nContext } from '@/components/i18n';
import { browserTranslate as t } from '@/utils/translate';
import { Pill } from '@/components/Pill';
import './style.css';


export default defineContentScript({
  // Exchange domains only: wxt.config.ts fills this from the registry at build time, so the
  // registry stays out of this bundle. Nothing here matches any site until it does.
  matches: [],
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
