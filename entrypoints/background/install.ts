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
 * Later updates open nothing, whatever they find; the popup says it then.
 */
export async function listsAccessOnUpdate(details: Browser.runtime.InstalledDetails, notChecked: () => Promise<number>): Promise<void> {
  if (details.reason !== 'update') return;
  const open = await inTurn(listsAccessShown.key, async () => {
    if (await listsAccessShown.getValue()) return false;
    // Lists that cannot be read at all now leave it to the next update.
    const count = await notChecked();
    await listsAccessShown.setValue(true);
    return count > 0;
  });
  if (open) await browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists-title' as '/options.html'), active: true });
}
