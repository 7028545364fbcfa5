import { browserTranslate } from './translate';

/**
 * Runs an extension page's `main`. When storage, the background or the page itself fails, the
 * page says so in words instead of staying blank.
 */
export function runPage(main: () => Promise<void>, rootId = 'app'): Promise<void> {
  return main().catch((error: unknown) => {
    console.error('[reserve-radar] the page could not start', error);
    const root = document.getElementById(rootId);
    if (root !== null) root.textContent = browserTranslate('errorBackground');
  });
}
