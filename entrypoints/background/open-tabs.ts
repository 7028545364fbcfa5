import { browser } from 'wxt/browser';
import { VIEW_CHANGED } from '@/lib/view/tab-push';
import { tabStateReady } from '@/lib/view/tab-state';
import { writeTabState } from '@/utils/tab-states';
import type { BackgroundContext } from './context';
import { deletedSince, deleteMark } from './delete-everything';

/**
 * The view of an exchange changed while its pages are open (a run alert started, ended or was
 * snoozed; new data): each open exchange tab gets its badge and tooltip again, and its pill is
 * told to ask for its state again. The tabs are the ones our content script reported (kept in
 * session storage, so a restarted worker still knows them); no `tabs` permission is needed to
 * badge them or to message our own script in them.
 */
export async function refreshExchangeTabs(context: Pick<BackgroundContext, 'knownTabs' | 'stateForUrl' | 'showBadge'>): Promise<void> {
  // Taken before the tabs are read: after a "Delete everything" since, their states are neither kept nor shown, and their
  // scripts are not asked to report again (each tab's address is learned again when it next reports by itself).
  const asked = deleteMark();
  const tabs = await context.knownTabs();
  await Promise.all(
    // An exchange's own address needs no public-suffix list (`tabStateReady`): the other tabs are passed by.
    Object.entries(tabs).map(async ([id, url]) => {
      if (tabStateReady(url) !== undefined) return;
      const tabId = Number(id);
      const state = await context.stateForUrl(url).catch(() => undefined);
      if (state?.kind !== 'exchange' || deletedSince(asked)) return;
      // The check and the write in one step (delete-everything.ts).
      await Promise.all([context.showBadge(tabId, state, asked), writeTabState(tabId, state)]).catch((error: unknown) => console.warn('[reserve-radar] tab badge not redrawn:', error));
      // Not waited for: a frozen tab must not hold up what follows (the popup's snooze). A tab that
      // closed or left the exchange meanwhile has no script of ours to answer.
      void browser.tabs.sendMessage(tabId, VIEW_CHANGED).catch(() => undefined);
    }),
  );
}
