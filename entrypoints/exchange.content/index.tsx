import { hydrate, render } from 'preact';
import type { PageContext } from './page-context';
import { createShadowHost } from './shadow-host';
import type { ExchangeView } from '@/lib/view/exchange-view';
import { requestState, send } from './page-requests';
import { snoozeFor } from '@/lib/view/nudge-policy';
import { I18nContext, ReasonWordsWaitContext, type I18n } from '@/utils/i18n';
import { Pill } from '@/components/Pill';
import { i18nWithWords } from '@/utils/translate';
import { pageWordsLoader } from './words';
// Inlined at build time: the shadow root gets its styles without a fetch on every page load.
import cardCss from '@/components/card.css?inline';
import nudgeCss from './style.css?inline';
import { watchWithdrawalFields } from './withdrawal-watch';
import { CORNER_LOOKS_MS, documentProbe, freeCorner } from './corner-fit';
import { drawCollapsedPill, TAKE_OVER_EVENTS } from './first-paint';
import { readStored, takeEarlyAnswer, takeStoredView } from './first-state';
import { storedCard } from './stored-card';
import { drawStatusLine, STATUS_SHOWN_MS, snoozedStatusKey, type StatusKey, type StatusReword } from './status-line';
import { focusReturn } from './focus-return';
import { cardMayGiveWay, type PillOwner } from './give-way';
import { firstPaintFor, pillFace } from '@/lib/view/first-paint-view';
import { browser } from 'wxt/browser';
import { decisionFor, decisionFromStored, faceKey } from './decide';
import { tookStoredAnswer } from './stored-answer';
import { askCardWords, onScreen, onViewChanged, redrawPlain, reportWhenAsked } from './view-updates';
import { cardWords } from './card-words';
import { pageQuestions } from './page-questions';
import type { MountedNudge, MountNudgeParameters } from './mounted-nudge';

const HOST_TAG = 'reserve-radar-pill';

export default defineContentScript({
  // Exchange domains only: wxt.config.ts fills this from the registry at build time, so the
  // registry stays out of this bundle. Nothing here matches any site until it does.
  matches: [],
  // Start at once, so the question to the background overlaps the page's own loading; the
  // pill hangs off <html>, which exists from the start.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  async main(ctx: PageContext) {
    // The pill waits for one answer (state and settings in one reply, no storage or schema code
    // here). exchange-ask.ts has usually asked already, before this script was evaluated; if
    // that got no answer (the background was starting), ask once more.
    const firstState = takeEarlyAnswer()?.then((state) => state ?? requestState()) ?? requestState();
    // The stored first paint (issue 16): drawn without waiting for a service worker that may be asleep.
    const storedView = takeStoredView() ?? readStored((key) => browser.storage.local.get(key));
    // What a copy of a previous version (reloaded or updated) drew goes first, its pill and its address warning: in
    // Firefox that copy died without a word, and the sheet that came back with this copy (shown.css) would show its elements again.
    for (const stale of document.querySelectorAll(`${HOST_TAG},reserve-radar-mismatch`)) stale.remove();
    const viewChanges = onViewChanged(ctx);
    reportWhenAsked(ctx);
    let shown: string | undefined;
    let ui: MountedNudge | undefined;
    // Which exchange the background says this page is: the withdrawal-field check compares with that exchange's guide.
    let pageExchange: string | undefined;
    void firstState.then((state) => {
      if (state?.kind === 'exchange') pageExchange = state.view.id;
    });
    // The card's and the warnings' words, in the language the pill was drawn in.
    const loader = pageWordsLoader();
    const [pageWords] = loader;
    const page = pageQuestions(loader);
    // Closed by the user: gone for this page, and neither the watcher below nor a fresher answer may bring it back.
    let dismissed = false;
    let restate: () => unknown = () => 0;
    const dismiss = (lingerMs = 0, wordsAgain?: StatusReword) => {
      dismissed = true;
      const leaving = ui;
      ui = undefined;
      restate = () => wordsAgain?.(() => pageWords(page.language));
      if (lingerMs > 0) ctx.setTimeout(() => leaving?.host.remove(), lingerMs);
      else leaving?.host.remove();
    };
    const remove = () => {
      ui?.host.remove();
      ui = undefined;
      shown = undefined;
    };

    const update = async (asked = requestState(), alreadyCounted = false): Promise<void> => {
      const question = page.ask();
      const state = await asked;
      // Asked again meanwhile: the newer question's answer counts, never an older one that came back later.
      if (!page.latest(question)) return;
      if (state?.kind === 'exchange') pageExchange = state.view.id;
      // Closed by the user: only the language is followed (reached when its words come), for the warning's and status line's words.
      if (dismissed) return void (state?.nudge && (await page.reach(question, state.nudge.settings.language)));
      if (state?.kind !== 'exchange' || state.nudge === undefined) return remove();
      // Same exchange (an in-app navigation, a change of its view or of the language): drawn over in place.
      if (shown === state.view.id) return page.again(question, state, state.nudge, () => ui);
      ui?.host.remove();
      ui = undefined;
      const { settings, words } = state.nudge;
      const decision = decisionFor(state);
      if (!decision.show || !ctx.isValid) return;
      shown = state.view.id;
      const full = page.reach(question, settings.language);
      if (decision.expanded || words === undefined) {
        // The card shows at once: it waits for every word. Asked again meanwhile (a change told while it waited): asked anew.
        const i18n = await full;
        if (!page.latest(question)) {
          if (shown === state.view.id) shown = undefined;
          return update(requestState(), alreadyCounted);
        }
        ui = mountNudge(ctx, {
          face: pillFace(state.view),
          view: state.view,
          i18n,
          corner: settings.corner,
          cornerChosen: settings.cornerChosen,
          expanded: decision.expanded,
          dismiss,
          balanceNudge: state.balanceNudge,
        });
      } else {
        // The collapsed pill needs only its own words, which came with the answer; the card (and
        // Preact, which takes the pill over) waits for the rest.
        const mounted = mountNudge(ctx, {
          face: pillFace(state.view),
          i18n: i18nWithWords(words),
          corner: settings.corner,
          cornerChosen: settings.cornerChosen,
          expanded: false,
          dismiss,
          balanceNudge: state.balanceNudge,
        });
        ui = mounted;
        void full.then((i18n) => mounted.complete(state.view, i18nWithWords(words, i18n)));
      }
      askCardWords(ui, state.view);
      if (!alreadyCounted) void send({ type: 'nudge-shown', exchangeId: state.view.id });
    };

    const stored = firstPaintFor({ stored: await storedView, host: location.hostname, now: Date.now(), ext: browser.runtime.getManifest().version });
    const storedDecision = stored === undefined ? undefined : decisionFromStored(stored);
    // A card that opens by itself needs its full view and words: stored too when it can be trusted, else the background's answer.
    const card = stored !== undefined && storedDecision?.expanded === true ? await storedCard(stored) : undefined;
    if (stored !== undefined && storedDecision !== undefined && (!storedDecision.expanded || card !== undefined) && ctx.isValid) {
      const { entry, settings, words } = stored;
      const first = page.ask();
      const drawnKey = faceKey({ decision: storedDecision, face: entry, corner: settings.corner, balanceNudge: entry.balanceNudge, language: settings.language, words });
      if (storedDecision.show) {
        shown = entry.id;
        const expanded = storedDecision.expanded;
        ui = mountNudge(ctx, { face: entry, i18n: i18nWithWords(words), ...card, corner: settings.corner, cornerChosen: settings.cornerChosen, expanded, dismiss, balanceNudge: entry.balanceNudge });
        void send({ type: 'nudge-shown', exchangeId: entry.id });
      }
      // The background's answer still counts: the same pill gets its full view (for the card), a
      // different one is drawn again (asked anew when a question was asked after it, `first`, whose answer may be newer).
      void firstState.then(async (state) => {
        const closed = () => dismissed;
        if (!ctx.isValid || (await tookStoredAnswer(page, first, state, drawnKey, words, () => ui, closed))) return;
        remove();
        await update(page.latest(first) ? Promise.resolve(state) : requestState(), storedDecision.show && state?.kind === 'exchange' && state.view.id === entry.id);
      });
    } else {
      await update(firstState);
    }
    // After the pill, in a task of its own so the page's parser goes first: the withdrawal-field check (a guide address is rarely set).
    let reword: () => unknown = () => 0;
    ctx.setTimeout(
      () =>
        void watchWithdrawalFields({ ctx, exchangeId: () => pageExchange, words: () => pageWords(page.language), ours: { elements: () => ui?.drawn() ?? [], makeRoom: () => ui?.collapse() } }).then(
          (drawAgain) => (reword = drawAgain),
        ),
      0,
    );
    // Each in-app navigation (exchanges are single-page apps), each notice of a changed view or language: asked again, the warning and a lingering status line worded in the page's language.
    const again = () =>
      void update()
        .then(() => reword())
        .then(() => restate());
    ctx.addEventListener(window, 'wxt:locationchange', again);
    viewChanges.ready(again);
    // Pages that rebuild their DOM can drop our element: put back, once, never twice; it hangs off <html>, so <html>'s own children are watched.
    const observer = new MutationObserver(() => {
      if (ui !== undefined && !ui.host.shadowHost.isConnected) ui.host.mount();
    });
    observer.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => observer.disconnect());
    // Chrome leaves this script orphaned when the extension is reloaded or removed; reading the context's validity notices it.
    const orphanCheck = setInterval(() => {
      if (ctx.isInvalid) clearInterval(orphanCheck);
    }, 1000);
  },
});

function mountNudge(ctx: PageContext, { face, view: initialView, i18n: initialI18n, corner: initialCorner, cornerChosen, expanded, dismiss, balanceNudge }: MountNudgeParameters): MountedNudge {
  let corner = initialCorner;
  // Moved off the page's own widget once, or placed by the user: the pill stays put from then on.
  let settled = cornerChosen;
  let view = initialView;
  let i18n = initialI18n;
  // Words a change of language brought (`refresh`), which a later `complete` with the first answer's words must not undo.
  let reworded: I18n | undefined;
  const setWords = (all: I18n) => {
    i18n = all;
    if (container !== undefined) container.lang = all.locale;
  };
  // The page-card answers: the same exchange's view, newer than the one above, its reasons worded.
  const words = cardWords(face.id, () => {
    if (owner === 'preact') draw();
  });
  // A view from a change (`refresh`), which a later `complete` with the first answer's view must not undo.
  let fresh: ExchangeView | undefined;
  // 'drawn': plain nodes from drawCollapsedPill; 'preact': Preact owns the container.
  let owner: PillOwner = 'none';
  // Preact was asked for before the full view arrived (a touch on the stored first paint).
  let wanted = false;
  // A trusted click on the stored first paint's toggle before the full view came: the card opens when it comes.
  let openWhenReady = false;
  // The page's element the user left for the pill: where focus goes back to when the pill goes.
  const focusBack = focusReturn(() => ui.shadowHost);
  // Closed or snoozed: nothing draws the pill again.
  let gone = false;
  // How many times the card was closed to make room for the address-mismatch warning.
  let collapses = 0;
  /**
   * The pill goes (closed or snoozed). Focus goes back to where the user was on the page; when
   * there was nowhere (nothing focused, or that element can no longer take focus), a short status
   * line in the pill's corner says what happened, read out by screen readers, then goes too.
   */
  const leave = (key: StatusKey) => {
    gone = true;
    // Said only with every word there (`locale`); every language's file has every key (lib/words/messages.test.ts).
    if (focusBack.giveBack() || container === undefined || i18n.locale === '') return dismiss();
    if (owner === 'drawn') container.replaceChildren();
    owner = 'preact';
    dismiss(STATUS_SHOWN_MS, drawStatusLine(ctx, container, { corner, i18n, key, name: face.name }));
  };
  const pill = (full: ExchangeView) => (
    <I18nContext.Provider value={i18n}>
      <ReasonWordsWaitContext.Provider value={words.wait()}>
        <Pill
          view={words.worded() ?? full}
          corner={corner}
          // Drawn afresh, collapsed, when the card gives way to the address warning: the user is typing in the page's field then, so no focus of ours is lost.
          key={collapses}
          initiallyExpanded={collapses === 0 && (expanded || openWhenReady)}
          openedByUser={openWhenReady}
          onClose={() => leave('pillClosedStatus')}
          onCornerChange={(next) => {
            corner = next;
            settled = true;
            draw();
            void send({ type: 'nudge-corner', corner: next });
          }}
          onSnooze={(choice) => {
            void send({ type: 'nudge-snooze', exchangeId: full.id, snooze: snoozeFor(choice, full, Date.now()) });
            leave(snoozedStatusKey(full));
          }}
          onWithdraw={() => void send({ type: 'open-guide', exchangeId: full.id })}
          balanceNudge={balanceNudge}
        />
      </ReasonWordsWaitContext.Provider>
    </I18nContext.Provider>
  );
  let container: HTMLElement | undefined;
  // Clicks on the plain nodes while the full view is on its way (the worker was asleep): only
  // trusted ones count, as on the pill itself.
  const early = (event: Event) => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    if (event.target.closest('[data-testid="pill-close"]') !== null) leave('pillClosedStatus');
    else if (event.target.closest('[data-testid="pill-toggle"]') !== null) openWhenReady = true;
  };
  const draw = () => {
    if (container === undefined || gone) return;
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
  /**
   * A default corner the page already uses for something of its own that stays on screen (a
   * support-chat button) gives way to a free corner, for this page only (not saved). Looked at a
   * few times while the page's widgets load, each look bounded (corner-fit.ts); never while the
   * card is open or the pointer or focus is on the pill, never after a move, never over the user's
   * own choice.
   */
  const fitCorner = () => {
    if (settled || gone || container === undefined || !ui.shadowHost.isConnected) return;
    const nudge = container.querySelector<HTMLElement>('.nudge');
    const root = container.getRootNode() as ShadowRoot;
    if (nudge === null || nudge.querySelector('.panel') !== null || nudge.matches(':hover') || (root.activeElement !== null && nudge.contains(root.activeElement))) return;
    const { width, height } = nudge.getBoundingClientRect();
    const next = freeCorner({ preferred: corner, size: { width, height }, probe: documentProbe(ui.shadowHost) });
    if (next === corner) return;
    settled = true;
    corner = next;
    if (owner === 'preact') draw();
    else {
      // The first paint's plain nodes: the same class and attribute <Pill> gives, so Preact takes them over as they are.
      nudge.className = `rr-theme nudge nudge--${next}`;
      nudge.dataset.corner = next;
    }
  };
  const ui = createShadowHost({
    ctx,
    name: HOST_TAG,
    css: `${cardCss}\n${nudgeCss}`,
    onMount(mounted) {
      container = mounted;
      focusBack.watch(mounted);
      // The page's own lang says nothing about our words: screen readers read them in theirs
      // (known once every word is there; the pill's own few words come without it).
      if (i18n.locale !== '') mounted.lang = i18n.locale;
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
  if (!cornerChosen) {
    ctx.requestAnimationFrame(() => ctx.setTimeout(fitCorner, 0));
    for (const delay of CORNER_LOOKS_MS) ctx.setTimeout(fitCorner, delay);
  }
  return {
    host: ui,
    drawn: () => {
      const nudge = ui.shadowHost.isConnected ? container?.querySelector('.nudge') : null;
      return nudge === null || nudge === undefined ? [] : [nudge];
    },
    collapse() {
      if (!cardMayGiveWay(owner, container)) return;
      collapses++;
      draw();
    },
    refresh(full, balance, all) {
      // The same view and balance line on screen in the same words (a data refresh that changed nothing for this exchange): nothing is drawn or asked again.
      if (!all && onScreen(full, balance) === onScreen(fresh ?? view, balanceNudge)) return;
      // Newer than any view still on its way to `complete`; its reasons are worded again, the words on screen kept meanwhile when they fit (in the language shown).
      view = fresh = full;
      balanceNudge = balance;
      // Reasons worded in another locale go; a setting that resolves to the locale shown (`auto` → `en`) keeps them.
      words.changed(full, !!all && all.locale !== i18n.locale);
      if (all) setWords((reworded = all));
      if (owner === 'preact') draw();
      else if (owner === 'drawn' && container !== undefined) redrawPlain(container, { face: pillFace(full), corner, balanceNudge, t: i18n.t });
      askCardWords(this, full);
    },
    complete(full, all) {
      view = fresh ?? full;
      setWords(reworded ?? all);
      // An open card drawn from storage shows the background's view from now on.
      if ((wanted && owner === 'drawn') || owner === 'preact') draw();
    },
    reasons: (asked) => words.asked(asked),
  };
}
