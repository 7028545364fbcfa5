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

export interface RefreshWhenHostsReturnParameters {
  /** Whether a source's last failure was our missing access (`no-access`): without one there is nothing to recover. */
  failedForAccess: () => Promise<boolean>;
  refresh: () => Promise<unknown>;
}

/**
 * Asks the sources again (`refresh`) as soon as the browser gives back a required host, when one failed for our access:
 * through our options page's button or the browser's own site-access menu alike. A host given while a round is under
 * way gets one more round after it (however many came meanwhile): the round under way may have asked that host's
 * source before it was given, and "Refresh now" joins a round under way rather than starting another.
 */
export function refreshWhenHostsReturn({ failedForAccess, refresh }: RefreshWhenHostsReturnParameters): void {
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
    const current = refresh().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  const onAdded = async (origins: readonly string[]): Promise<void> => {
    if (origins.length === 0 || !(await failedForAccess())) return;
    const required = browser.runtime.getManifest().host_permissions ?? [];
    if (origins.some((origin) => coversRequired(origin, required))) await round();
  };
  browser.permissions.onAdded.addListener(
    // Returned for tests (the browser ignores it).
    (added) => onAdded(added.origins ?? []).catch((error: unknown) => console.warn('[reserve-radar] sources not asked again after the access came back:', error)),
  );
}
