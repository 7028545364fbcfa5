import { browser, type Browser } from 'wxt/browser';
import { inTurn } from '@/utils/in-turn';
import { defineLazyItem } from '@/utils/lazy-item';

/**
 * On a first install only, the welcome page opens in front: what the extension does and never
 * does, the language, and the one click that turns lookalike protection on. Updates of the
 * extension or of the browser open nothing, but for the warning lists below.
 */
export async function welcomeOnInstall(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html' as '/popup.html'), active: true });
}

/** Whether an update has looked for warning lists that are not read: it looks once. */
const listsAccessShown = defineLazyItem<boolean>('local:listsAccessShown', { fallback: false });

/**
 * The first update of the extension that reads each warning list with its host's access finds the
 * lists subscribed before without it, no longer checked. It opens the options page at the lists,
 * once, where each is allowed with a click: a page, not a prompt (a browser asks only at a click).
 * Later updates open nothing, whatever they find; the popup says it then. A fresh install has
 * nothing from before: it marks the look as done, so a list that loses its access later (Chrome:
 * site access restricted) opens nothing at an update either. The mark is written once the tab is
 * open: a browser that could not open it (no window yet at startup) leaves it to the next update.
 */
export async function listsAccessOnUpdate(details: Browser.runtime.InstalledDetails, notChecked: () => Promise<number>): Promise<void> {
  if (details.reason !== 'update' && details.reason !== 'install') return;
  await inTurn(listsAccessShown.key, async () => {
    if (await listsAccessShown.getValue()) return;
    // Lists that cannot be read at all now leave it to the next update.
    if (details.reason === 'update' && (await notChecked()) > 0) {
      await browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists-title' as '/options.html'), active: true });
    }
    await listsAccessShown.setValue(true);
  });
}
