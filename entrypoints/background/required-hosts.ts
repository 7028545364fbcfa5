import { browser } from 'wxt/browser';
import { HostAccessWithheldError, type FetchLike } from '@/lib/reserves/fetch-source';

/**
 * The hosts the manifest requires (the feed, DefiLlama, the ECB), as Chromium treats them: it withholds them when the
 * access to all sites is given back, and a request to a withheld host still leaves, as a CORS request whose answer is
 * blocked. `fetch` then fails just as for a host that is down, so the failure is ours to own, and once the access is
 * back the sources are asked again at once rather than at the end of their backoff (up to hours).
 */

/**
 * A fetch whose failure to connect is laid to our missing access when the browser does not give us the host: it then
 * throws HostAccessWithheldError, which lib/reserves/fetch-source.ts records as `no-access`.
 */
export function fetchNoticingAccess(inner: FetchLike = (input, init) => globalThis.fetch(input, init)): FetchLike {
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      if (init?.signal?.aborted !== true && !(await hostHeld(input))) throw new HostAccessWithheldError(`no access to ${new URL(input).host}`, { cause: error });
      throw error;
    }
  };
}

async function hostHeld(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    // A browser that cannot say: the failure stays the network's, as before.
    return true;
  }
}

/** Whether an origin the browser just gave covers a host the manifest requires (the host itself, or all sites). */
function coversRequired(origin: string, required: readonly string[]): boolean {
  return required.includes(origin) || origin === '<all_urls>' || /^[^:]+:\/\/\*\//.test(origin);
}

/**
 * Asks the sources again (`refresh`) as soon as the browser gives back a required host: through our options page's
 * button or the browser's own site-access menu alike. A host given while a round is under way gets one more round
 * after it (however many came meanwhile): the round under way may have asked that host's source before it was given,
 * and "Refresh now" joins a round under way rather than starting another.
 */
export function refreshWhenHostsReturn(refresh: () => Promise<unknown>): void {
  let running: Promise<unknown> | undefined;
  let next: Promise<unknown> | undefined;
  const round = (): Promise<unknown> => {
    if (running !== undefined) {
      next ??= running.then(() => {
        next = undefined;
        return round();
      });
      return next;
    }
    const current = refresh()
      .catch((error: unknown) => console.warn('[reserve-radar] sources not asked again after the access came back:', error))
      .finally(() => {
        if (running === current) running = undefined;
      });
    running = current;
    return current;
  };
  browser.permissions.onAdded.addListener((added) => {
    const required = browser.runtime.getManifest().host_permissions ?? [];
    if (!(added.origins ?? []).some((origin) => coversRequired(origin, required))) return undefined;
    // Returned for tests (the browser ignores it).
    return round();
  });
}
