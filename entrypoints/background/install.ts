import { browser, type Browser } from 'wxt/browser';

/**
 * On a first install only, the welcome page opens in front: what the extension does and never
 * does, the language, and the one click that turns lookalike protection on. Updates of the
 * extension or of the browser open nothing.
 */
export async function welcomeOnInstall(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html' as '/popup.html'), active: true });
}
