import type { Browser } from 'wxt/browser';
import { getExchange } from '@/lib/exchanges/registry';
import { pageStateFor } from '@/lib/view/page-state';
import { markNudgeShown, updateSettings } from '@/utils/settings';
import { writeTabState } from '@/utils/tab-states';
import type { PageHandlers } from '@/utils/messaging';
import type { BackgroundContext } from './context';
import type { ExchangeView } from '@/lib/view/exchange-view';
import type { Language, Settings } from '@/lib/settings';
import { loadBalanceNudge } from './holdings';
import { ensureFirstPaint, rebuildFirstPaint } from './first-paint';
import { chosenWords, i18nFor, pageWordsFor } from './words';
import { withReasonWords } from '@/lib/words/reason-text';
import { openGuide } from './guide';
import { deletedSince, deleteMark } from './delete-everything';
import { pillDecision, rememberTold, viewMark } from './told-views';

/**
 * What the exchange-page scripts may ask. They run beside a page we do not trust, so each
 * answer is about the sender's own page (its URL comes from the browser) and each write is one
 * the pill's own controls make.
 */
export function createPageHandlers(context: BackgroundContext): PageHandlers<Browser.runtime.MessageSender> {
  return {
    async 'page-state'(_request, sender) {
      // The URL comes from the browser, not from the page, so a page cannot claim to be another site.
      const url = sender.url ?? sender.tab?.url;
      // A frame's page is not its tab's: only the top page's report is kept for the tab.
      const tabId = tabOfTopPage(sender);
      // Taken before anything is read: after a "Delete everything" since, the tab's address and state are not kept.
      const asked = deleteMark();
      if (tabId !== undefined) context.markReported(tabId);
      // Settings are read here, beside the state, so the page's script makes one round trip.
      const [state, settings, seen, nudgeFor] = await Promise.all([context.stateForUrl(url), context.heldSettings(), context.heldNudgeSeen(), loadBalanceNudge(context.heldHoldings)]);
      // The page is waiting to draw its pill; the badge and the bookkeeping can follow.
      if (tabId !== undefined) {
        void context
          .rememberUrl(tabId, url, undefined, asked)
          // The check and the write in one step (delete-everything.ts).
          .then(() => (deletedSince(asked) ? undefined : Promise.all([context.showBadge(tabId, state, asked), writeTabState(tabId, state)])))
          .catch((error: unknown) => console.warn('[reserve-radar] tab bookkeeping after an answer:', error));
      }
      const balanceNudge = state.kind === 'exchange' ? await nudgeFor(state.view.id, state.view.verdict.level, settings.language, asked) : undefined;
      // The page's script carries no wording code, so the card's reasons come worded by the
      // background. Only where the card opens at once with this answer (danger, the setting on) do
      // they come with it; otherwise the page asks for them right after (`page-card`), and the pill
      // waits for none of it: wording them costs a new process its first Intl use.
      const worded = state.kind === 'exchange' && opensByItself(state.view, settings) ? { ...state, view: await wordedView(state.view, settings.language) } : state;
      const withBalance = balanceNudge === undefined || worded.kind !== 'exchange' ? worded : { ...worded, balanceNudge };
      // After the answer: the stored first paint for the next page, if it is missing or old, and what the tab got (open-tabs.ts
      // tells it again only when that changes).
      // The moment the page decides its pill for (it does so as the answer comes).
      const now = Date.now();
      if (state.kind === 'exchange') {
        setTimeout(() => void ensureFirstPaint(context), 0);
        if (tabId !== undefined)
          setTimeout(
            () =>
              void viewMark(state, settings.language, balanceNudge, pillDecision(state, settings, seen, balanceNudge, now))
                .then((mark) => rememberTold(tabId, mark, asked))
                .catch((error: unknown) => console.warn('[reserve-radar] what the tab got not kept:', error)),
            0,
          );
      }
      // The words travel with the answer in the chosen language too, so the page never redraws the
      // stored first paint in another language than the one the user picked.
      const words = state.kind !== 'exchange' ? undefined : await chosenWords(settings.language, asked).catch(() => undefined);
      return pageStateFor({ state: withBalance, settings, seen, words });
    },
    async 'nudge-shown'(request) {
      if (getExchange(request.exchangeId) === undefined) return undefined;
      await markNudgeShown(request.exchangeId);
      // The next page may load before the storage listener's rebuild: it is done before answering.
      await rebuildFirstPaint(context);
      return undefined;
    },
    async 'nudge-corner'(request) {
      // Only the user moves the pill by message (a drag, or "Move to another corner"): from now on their corner wins.
      await updateSettings({ corner: request.corner, cornerChosen: true });
      await rebuildFirstPaint(context);
      return undefined;
    },
    async 'nudge-snooze'(request) {
      if (getExchange(request.exchangeId) === undefined) return undefined;
      await updateSettings(({ snoozes }) => ({ snoozes: { ...snoozes, [request.exchangeId]: request.snooze } }));
      await rebuildFirstPaint(context);
      return undefined;
    },
    'open-guide': openGuide,
    // In the language the page asks for, not the setting read now: a page wording itself after a change of the setting
    // (or before it heard of one) gets one language's words, never another's under its pill's.
    'page-words': (request) => pageWordsFor(request.language),
    async 'page-here'(_request, sender) {
      // Asked by the background (`askTabUrl`): the tab's address, as the browser gives it, kept if it is an exchange's own.
      const tabId = tabOfTopPage(sender);
      if (tabId === undefined) return undefined;
      const asked = deleteMark();
      context.markReported(tabId);
      await context.rememberUrl(tabId, sender.url ?? sender.tab?.url, undefined, asked);
      return undefined;
    },
    async 'page-card'(_request, sender) {
      // The sender's own page again, its URL from the browser: the view page-state gives, worded.
      const [state, { language }] = await Promise.all([context.stateForUrl(sender.url ?? sender.tab?.url), context.heldSettings()]);
      return state.kind === 'exchange' ? wordedView(state.view, language) : undefined;
    },
  };
}

/** The sender's tab when it is the tab's top page (frame 0, or a browser that gives no frame); a frame's gives none. */
function tabOfTopPage(sender: Browser.runtime.MessageSender): number | undefined {
  return sender.frameId === undefined || sender.frameId === 0 ? sender.tab?.id : undefined;
}

/** The card opens by itself with the answer (lib/view/nudge-policy.ts): it needs its words at once. */
function opensByItself(view: ExchangeView, settings: Pick<Settings, 'autoExpandOnDanger'>): boolean {
  return settings.autoExpandOnDanger && view.verdict.level === 'danger';
}

async function wordedView(view: ExchangeView, language: Language): Promise<ExchangeView> {
  const { t, locale } = await i18nFor(language);
  return withReasonWords(view, t, locale, new Date());
}
