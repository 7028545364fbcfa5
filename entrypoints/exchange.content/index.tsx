import { hydrate, render } from 'preact';
import type { ContentScriptContext } from '#imports';
import { createShadowHost, type ShadowHost } from './shadow-host';
import type { ExchangeView } from '@/lib/view/exchange-view';
import type { PageState } from '@/lib/view/page-state';
import type { PageRequest, RequestInput } from '@/lib/messages';
import type { Response } from '@/utils/messaging';
import { send as sendOrThrow } from '@/utils/send';

type TabBalanceNudge = Extract<PageState, { kind: 'exchange' }>['balanceNudge'];
import { nudgeDecision, snoozeFor } from '@/lib/view/nudge-policy';
import type { I18n } from '@/components/i18n';
import { I18nContext } from '@/components/i18n';
import { Pill, type Corner } from '@/components/Pill';
import { i18nWithWords, loadI18n } from '@/utils/translate';
// Inlined at build time: the shadow root gets its styles without a fetch on every page load.
import cardCss from '@/components/card.css?inline';
import nudgeCss from './style.css?inline';
import { watchWithdrawalFields } from './withdrawal-watch';
import { drawCollapsedPill } from './first-paint';
import { takeEarlyAnswer } from './first-state';
import type { Language } from '@/lib/settings';

const HOST_TAG = 'reserve-radar-pill';

export default defineContentScript({
  // Exchange domains only: wxt.config.ts fills this from the registry at build time, so the
  // registry stays out of this bundle. Nothing here matches any site until it does.
  matches: [],
  // Start at once, so the question to the background overlaps the page's own loading; the
  // pill hangs off <html>, which exists from the start.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx) {
    // The pill waits for one answer (state and settings in one reply, no storage or schema code
    // here). exchange-ask.ts has usually asked already, before this script was evaluated; if
    // that got no answer (the background was starting), ask once more.
    const firstState = takeEarlyAnswer()?.then((state) => state ?? requestState()) ?? requestState();
    // A copy left by a previous version of the extension (reloaded or updated) goes first.
    for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    let shown: string | undefined;
    let ui: ShadowHost | undefined;
    let language: Language = 'auto';
    // Closed by the user: gone for this page, and the watcher below must not bring it back.
    const dismiss = () => {
      ui?.remove();
      ui = undefined;
    };

    const update = async (asked = requestState()) => {
      const state = await asked;
      if (state?.kind !== 'exchange' || state.nudge === undefined) {
        ui?.remove();
        ui = undefined;
        shown = undefined;
        return;
      }
      // Same exchange after an in-app navigation: the pill stays as it is.
      if (shown === state.view.id) return;
      ui?.remove();
      const { settings, lastShownAt, words } = state.nudge;
      language = settings.language;
      // Over the user's own cap or share counts under "caution or worse" too; a risky-exchange
      // message already rides on a caution-or-worse level.
      const overOwnLimit = state.balanceNudge !== undefined && state.balanceNudge.kind !== 'risky-exchange';
      const decision = nudgeDecision({ settings, view: state.view, lastShownAt, now: Date.now(), overOwnLimit });
      if (!decision.show || !ctx.isValid) return;
      shown = state.view.id;
      const i18n = settings.language === 'auto' && words !== undefined ? i18nWithWords(words) : await loadI18n(settings.language);
      ui = mountNudge(ctx, state.view, i18n, settings.corner, decision.expanded, dismiss, state.balanceNudge);
      void send({ type: 'nudge-shown', exchangeId: state.view.id });
    };

    await update(firstState);
    // After the pill, never before it, and in a task of its own so the page's parser goes first:
    // the withdrawal-field check (a guide address is rarely set).
    ctx.setTimeout(() => void watchWithdrawalFields({ ctx, language: () => language }), 0);
    // Exchanges are single-page apps: each in-app navigation is checked again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void update());
    // Pages that rebuild their DOM can drop our element; put it back, once, never twice. It
    // hangs directly off <html>, so watching <html>'s own children is enough (and cheap).
    const observer = new MutationObserver(() => {
      if (ui !== undefined && !ui.shadowHost.isConnected) ui.mount();
    });
    observer.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => observer.disconnect());
    // When the extension is reloaded or removed, Chrome leaves this script orphaned and tells it
    // nothing; reading the context's validity notices (runtime.id is gone) and removes the pill.
    const orphanCheck = setInterval(() => {
      if (ctx.isInvalid) clearInterval(orphanCheck);
    }, 1000);
  },
});

/** The page-facing requests only: the background refuses the others from this script. */
async function send<T extends PageRequest['type']>(request: RequestInput<T>): Promise<Response<T> | undefined> {
  try {
    return await sendOrThrow(request);
  } catch {
    // The extension was reloaded or updated under this page: stay silent.
    return undefined;
  }
}

async function requestState(): Promise<PageState | undefined> {
  return send({ type: 'page-state' });
}

function mountNudge(ctx: ContentScriptContext, view: ExchangeView, i18n: I18n, initialCorner: Corner, expanded: boolean, dismiss: () => void, balanceNudge?: TabBalanceNudge): ShadowHost {
  let corner = initialCorner;
  // 'drawn': plain nodes from drawCollapsedPill; 'preact': Preact owns the container.
  let owner: 'none' | 'drawn' | 'preact' = 'none';
  const pill = () => (
    <I18nContext.Provider value={i18n}>
      <Pill
        view={view}
        corner={corner}
        initiallyExpanded={expanded}
        onClose={dismiss}
        onCornerChange={(next) => {
          corner = next;
          draw();
          void send({ type: 'nudge-corner', corner: next });
        }}
        onSnooze={(choice) => {
          void send({ type: 'nudge-snooze', exchangeId: view.id, snooze: snoozeFor(choice, view, Date.now()) });
          dismiss();
        }}
        onWithdraw={() => void send({ type: 'open-guide', exchangeId: view.id })}
        balanceNudge={balanceNudge}
      />
    </I18nContext.Provider>
  );
  let container: HTMLElement | undefined;
  const draw = () => {
    if (container === undefined) return;
    if (owner === 'drawn') hydrate(pill(), container);
    else render(pill(), container);
    owner = 'preact';
  };
  const ui = createShadowHost({
    ctx,
    name: HOST_TAG,
    css: `${cardCss}\n${nudgeCss}`,
    onMount(mounted) {
      container = mounted;
      // Put back after the page dropped it: the nodes are still in the container.
      if (owner !== 'none') return;
      if (expanded) return draw();
      // Collapsed (the usual case): plain nodes now, for the first paint; Preact takes them over
      // after that paint, or at once when the user reaches for the pill.
      drawCollapsedPill(mounted, { view, corner, balanceNudge, t: i18n.t });
      owner = 'drawn';
      const takeOver = () => {
        for (const type of TAKE_OVER_EVENTS) mounted.removeEventListener(type, takeOver, true);
        if (owner === 'drawn') draw();
      };
      for (const type of TAKE_OVER_EVENTS) mounted.addEventListener(type, takeOver, true);
      ctx.requestAnimationFrame(() => ctx.setTimeout(takeOver, 0));
    },
    onRemove(mounted) {
      render(null, mounted);
      owner = 'none';
    },
  });
  ui.mount();
  return ui;
}

/** Caught on the way down (capture), before the pill's own handlers, which must exist by then. */
const TAKE_OVER_EVENTS = ['pointerdown', 'focusin', 'keydown', 'click'] as const;
