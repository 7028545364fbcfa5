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
import { readStored, takeEarlyAnswer, takeStoredView } from './first-state';
import { firstPaintFor, pillFace, type FirstPaint, type PillFace } from '@/lib/view/first-paint-view';
import { PILL_WORDS } from '@/components/pill-words';
import { browser } from 'wxt/browser';
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
    // The stored first paint (issue 16): drawn without waiting for a service worker that may be asleep.
    const storedView = takeStoredView() ?? readStored((key) => browser.storage.local.get(key));
    // A copy left by a previous version of the extension (reloaded or updated) goes first.
    for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    let shown: string | undefined;
    let ui: MountedNudge | undefined;
    let language: Language = 'auto';
    // Closed by the user: gone for this page, and neither the watcher below nor a fresher answer may bring it back.
    let dismissed = false;
    const dismiss = () => {
      dismissed = true;
      ui?.host.remove();
      ui = undefined;
    };
    const remove = () => {
      ui?.host.remove();
      ui = undefined;
      shown = undefined;
    };

    const update = async (asked = requestState(), alreadyCounted = false) => {
      const state = await asked;
      if (state?.kind !== 'exchange' || state.nudge === undefined) return remove();
      // Same exchange after an in-app navigation: the pill stays as it is.
      if (shown === state.view.id) return;
      ui?.host.remove();
      ui = undefined;
      const { settings, words } = state.nudge;
      language = settings.language;
      const decision = decisionFor(state);
      if (!decision.show || !ctx.isValid) return;
      shown = state.view.id;
      // The background sends the pill's words in the chosen language too: the redraw keeps the language of the first paint.
      const i18n = words !== undefined ? i18nWithWords(words, settings.language) : await loadI18n(settings.language);
      ui = mountNudge(ctx, { face: pillFace(state.view), view: state.view, i18n, corner: settings.corner, expanded: decision.expanded, dismiss, balanceNudge: state.balanceNudge });
      if (!alreadyCounted) void send({ type: 'nudge-shown', exchangeId: state.view.id });
    };

    const stored = firstPaintFor({ stored: await storedView, host: location.hostname, now: Date.now(), ext: browser.runtime.getManifest().version });
    const storedDecision = stored === undefined ? undefined : decisionFromStored(stored);
    // An expanded card needs the full view: only the background has it, so that case waits as before.
    if (stored !== undefined && storedDecision !== undefined && !storedDecision.expanded && ctx.isValid) {
      const { entry, settings, words } = stored;
      language = settings.language;
      const drawnKey = faceKey({ decision: storedDecision, face: entry, corner: settings.corner, balanceNudge: entry.balanceNudge, language, words });
      if (storedDecision.show) {
        shown = entry.id;
        ui = mountNudge(ctx, { face: entry, i18n: i18nWithWords(words, language), corner: settings.corner, expanded: false, dismiss, balanceNudge: entry.balanceNudge });
        void send({ type: 'nudge-shown', exchangeId: entry.id });
      }
      // The background's answer still counts: the same pill gets its full view (for the card), a
      // different one is drawn again.
      void firstState.then(async (state) => {
        if (dismissed || !ctx.isValid) return;
        if (state?.kind === 'exchange' && state.nudge !== undefined) {
          const decision = decisionFor(state);
          const { settings: fresh, words: freshWords } = state.nudge;
          const freshKey = faceKey({ decision, face: pillFace(state.view), corner: fresh.corner, balanceNudge: state.balanceNudge, language: fresh.language, words: freshWords ?? words });
          if (freshKey === drawnKey) {
            if (ui !== undefined) ui.complete(state.view, freshWords !== undefined || fresh.language === 'auto' ? i18nWithWords(freshWords ?? words, fresh.language) : await loadI18n(fresh.language));
            return;
          }
        }
        remove();
        await update(Promise.resolve(state), storedDecision.show && state?.kind === 'exchange' && state.view.id === entry.id);
      });
    } else {
      await update(firstState);
    }
    // After the pill, never before it, and in a task of its own so the page's parser goes first:
    // the withdrawal-field check (a guide address is rarely set).
    ctx.setTimeout(() => void watchWithdrawalFields({ ctx, language: () => language }), 0);
    // Exchanges are single-page apps: each in-app navigation is checked again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void (dismissed ? undefined : update()));
    // Pages that rebuild their DOM can drop our element; put it back, once, never twice. It
    // hangs directly off <html>, so watching <html>'s own children is enough (and cheap).
    const observer = new MutationObserver(() => {
      if (ui !== undefined && !ui.host.shadowHost.isConnected) ui.host.mount();
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

/** Whether and how the pill shows, from the background's answer. */
function decisionFor(state: Extract<PageState, { kind: 'exchange' }>) {
  const { settings, lastShownAt } = state.nudge ?? { settings: undefined };
  if (settings === undefined) return { show: false, expanded: false };
  // Over the user's own cap or share counts under "caution or worse" too; a risky-exchange
  // message already rides on a caution-or-worse level.
  const overOwnLimit = state.balanceNudge !== undefined && state.balanceNudge.kind !== 'risky-exchange';
  return nudgeDecision({ settings, view: state.view, lastShownAt, now: Date.now(), overOwnLimit, runAlert: state.view.runAlert?.active === true });
}

/** The same decision from the stored first paint: the same policy, the same snooze, the same clock. */
function decisionFromStored({ entry, settings }: FirstPaint) {
  const overOwnLimit = entry.balanceNudge !== undefined && entry.balanceNudge.kind !== 'risky-exchange';
  return nudgeDecision({
    settings: { ...settings, snoozes: entry.snooze === undefined ? {} : { [entry.id]: entry.snooze } },
    view: { id: entry.id, verdict: { level: entry.level }, fingerprint: entry.fingerprint },
    lastShownAt: entry.lastShownAt,
    now: Date.now(),
    overOwnLimit,
    runAlert: entry.run === true,
  });
}

/** Everything the collapsed pill shows, as one string: equal keys draw the same pill. */
function faceKey({ decision, face, corner, balanceNudge, language, words }: { decision: { show: boolean; expanded: boolean }; face: PillFace; corner: Corner; balanceNudge?: TabBalanceNudge; language: Language; words: Record<string, string> }): string {
  const { id, name, level, grade, incomplete, warnings, run } = face;
  return JSON.stringify([decision.show, decision.expanded, id, name, level, grade, incomplete, warnings, run === true, corner, balanceNudge?.kind ?? '', balanceNudge?.text ?? '', language, PILL_WORDS.map((key) => words[key] ?? '')]);
}

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

interface MountNudgeParameters {
  face: PillFace;
  /** The full view, for the card; from the stored first paint it comes later, with the background's answer. */
  view?: ExchangeView;
  i18n: I18n;
  corner: Corner;
  expanded: boolean;
  dismiss: () => void;
  balanceNudge?: TabBalanceNudge;
}

interface MountedNudge {
  host: ShadowHost;
  /** The full view and words arrived: Preact may take the drawn nodes over. */
  complete(view: ExchangeView, i18n: I18n): void;
}

function mountNudge(ctx: ContentScriptContext, { face, view: initialView, i18n: initialI18n, corner: initialCorner, expanded, dismiss, balanceNudge }: MountNudgeParameters): MountedNudge {
  let corner = initialCorner;
  let view = initialView;
  let i18n = initialI18n;
  // 'drawn': plain nodes from drawCollapsedPill; 'preact': Preact owns the container.
  let owner: 'none' | 'drawn' | 'preact' = 'none';
  // Preact was asked for before the full view arrived (a touch on the stored first paint).
  let wanted = false;
  // A trusted click on the stored first paint's toggle before the full view came: the card opens when it comes.
  let openWhenReady = false;
  const pill = (full: ExchangeView) => (
    <I18nContext.Provider value={i18n}>
      <Pill
        view={full}
        corner={corner}
        initiallyExpanded={expanded || openWhenReady}
        onClose={dismiss}
        onCornerChange={(next) => {
          corner = next;
          draw();
          void send({ type: 'nudge-corner', corner: next });
        }}
        onSnooze={(choice) => {
          void send({ type: 'nudge-snooze', exchangeId: full.id, snooze: snoozeFor(choice, full, Date.now()) });
          dismiss();
        }}
        onWithdraw={() => void send({ type: 'open-guide', exchangeId: full.id })}
        balanceNudge={balanceNudge}
      />
    </I18nContext.Provider>
  );
  let container: HTMLElement | undefined;
  // Clicks on the plain nodes while the full view is on its way (the worker was asleep): only
  // trusted ones count, as on the pill itself.
  const early = (event: Event) => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    if (event.target.closest('[data-testid="pill-close"]') !== null) dismiss();
    else if (event.target.closest('[data-testid="pill-toggle"]') !== null) openWhenReady = true;
  };
  const draw = () => {
    if (container === undefined) return;
    if (view === undefined) {
      if (!wanted) container.addEventListener('click', early, true);
      wanted = true;
      return;
    }
    container.removeEventListener('click', early, true);
    // Opened meanwhile: drawn afresh (hydrating would keep the collapsed nodes' state).
    if (owner === 'drawn' && !openWhenReady) hydrate(pill(view), container);
    else {
      if (owner === 'drawn') container.replaceChildren();
      render(pill(view), container);
    }
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
      drawCollapsedPill(mounted, { face, corner, balanceNudge, t: i18n.t });
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
  return {
    host: ui,
    complete(full, words) {
      view = full;
      i18n = words;
      if (wanted && owner === 'drawn') draw();
    },
  };
}

/** Caught on the way down (capture), before the pill's own handlers, which must exist by then. */
const TAKE_OVER_EVENTS = ['pointerdown', 'focusin', 'keydown', 'click'] as const;
