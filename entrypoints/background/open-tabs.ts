import { browser } from 'wxt/browser';
import { REPORT_PAGE, VIEW_CHANGED } from '@/lib/view/tab-push';
import { tabStateReady } from '@/lib/view/tab-state';
import { writeTabState } from '@/utils/tab-states';
import type { BackgroundContext } from './context';
import { getSettings, nudgeSeen } from '@/utils/settings';
import { deletedSince, deleteMark } from './delete-everything';
import { loadBalanceNudge } from './holdings';
import { pillDecision, rememberTold, toldMarks, viewMark } from './told-views';

/**
 * The view of an exchange changed while its pages are open (a run alert started, ended or was
 * snoozed; new data), or the language setting did: each open exchange tab gets its badge and
 * tooltip again, and its pill is told to ask for its state again (in the new language, it words
 * itself again), but only when what it draws changed since it last got it (`viewMark`, told-views.ts): a refresh that
 * brought nothing new wakes no tab's script. The tabs are the ones our content script reported (kept in
 * session storage, so a restarted worker still knows them); no `tabs` permission is needed to
 * badge them or to message our own script in them.
 *
 * Every other open tab the background does not know (ids only: they need no `tabs` permission) is asked
 * to report its page (`report-page`): after "Delete everything" forgot the addresses, an exchange tab
 * still open is learned again here, where the push needs it, instead of at its next full load. Ours
 * answers with `page-here`, whose address the browser sets, and is then refreshed as a known one. A tab
 * without our script refuses at once and is marked so for the session (context.ts `markNoScript`): it is
 * asked again only once its page changed or the session's tabs were forgotten, not at every refresh.
 */
export async function refreshExchangeTabs(context: Pick<BackgroundContext, 'knownTabs' | 'noScriptTabs' | 'markNoScript' | 'tabUrl' | 'stateForUrl' | 'showBadge' | 'heldHoldings'>): Promise<void> {
  // Taken before the tabs are read: after a "Delete everything" since, their states are neither kept nor shown.
  const asked = deleteMark();
  // The settings from storage, not a copy held in memory: a change of the language is what called this.
  const [tabs, noScript, open, marks, settings, seen, nudgeFor] = await Promise.all([
    context.knownTabs(),
    context.noScriptTabs(),
    browser.tabs.query({}).catch(() => []),
    toldMarks(),
    getSettings(),
    nudgeSeen.getValue(),
    loadBalanceNudge(context.heldHoldings),
  ]);
  const { language } = settings;
  const refresh = async (tabId: number, url: string) => {
    // An exchange's own address needs no public-suffix list (`tabStateReady`): the other tabs are passed by.
    if (tabStateReady(url) !== undefined) return;
    const state = await context.stateForUrl(url).catch(() => undefined);
    if (state?.kind !== 'exchange' || deletedSince(asked)) return;
    // The check and the write in one step (delete-everything.ts).
    await Promise.all([context.showBadge(tabId, state, asked), writeTabState(tabId, state)]).catch((error: unknown) => console.warn('[reserve-radar] tab badge not redrawn:', error));
    const balance = await nudgeFor(state.view.id, state.view.verdict.level, language, asked).catch(() => undefined);
    const mark = await viewMark(state, language, balance, pillDecision(state, settings, seen, balance, Date.now()));
    if (marks[tabId] === mark) return;
    // Not waited for: a frozen tab must not hold up what follows (the popup's snooze). A tab that
    // closed or left the exchange meanwhile has no script of ours to answer. The mark is kept only once the notice
    // was delivered: a tab that missed it (in the back-forward cache, discarded, a worker stopped meanwhile) is told again at the next refresh.
    void browser.tabs.sendMessage(tabId, VIEW_CHANGED).then(
      () => rememberTold(tabId, mark, asked).catch((error: unknown) => console.warn('[reserve-radar] what the tab was told not kept:', error)),
      () => undefined,
    );
  };
  for (const { id } of open) {
    if (id === undefined || Object.hasOwn(tabs, id) || noScript.has(id)) continue;
    // Not waited for either, for the same reason.
    void browser.tabs
      .sendMessage(id, REPORT_PAGE)
      .catch(() => undefined)
      .then(() => context.tabUrl(id))
      .then((url) => (url === undefined ? context.markNoScript(id, asked) : refresh(id, url)))
      .catch(() => undefined);
  }
  await Promise.all(Object.entries(tabs).map(([id, url]) => refresh(Number(id), url)));
}
