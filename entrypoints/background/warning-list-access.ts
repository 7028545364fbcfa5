import { browser } from 'wxt/browser';
import { listAccess, meetsRequiredAccess } from '@/utils/permissions';
import type { WarningSubscription } from '@/lib/community/subscription';

/*
 * The access to each warning list's host: whether a list may be read, and the access given back
 * once no subscription needs it (least privilege), but for the hosts of subscribes under way.
 */

/** Whether the browser lets us read the list's host as our own request (see `listAccess`). */
export async function mayRead(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains(listAccess(url));
  } catch {
    return false;
  }
}

/**
 * The list hosts of the subscribes under way, each counted from the moment the background is asked
 * until that subscribe's turn ends: its page asked the browser for the host at the click, so an
 * unsubscribe or a clear whose turn comes in between must not give it back.
 */
const adding = new Map<string, number>();

/** The origins of the subscribes under way (see `adding`). */
export function addingOrigins(): string[] {
  return [...adding.keys()];
}

/** Counts `url`'s host as wanted by a subscribe under way; answers the release (once is enough, more do nothing). */
export function markAdding(url: string): () => void {
  let origin: string;
  try {
    [origin] = listAccess(url).origins;
  } catch {
    return () => undefined;
  }
  adding.set(origin, (adding.get(origin) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (adding.get(origin) ?? 1) - 1;
    if (left > 0) adding.set(origin, left);
    else adding.delete(origin);
  };
}

/**
 * Least privilege: the access asked for a list goes back once no subscription in `held` reads that
 * host, unless a required access meets it (the feed's own host, say: Chromium would withhold it; a
 * site under a content script's match: Chromium refuses).
 * Narrower than a grant of all sites, it leaves that grant in place. Called in the subscriptions'
 * turn, with `held` as stored: a subscription written meanwhile cannot lose its access, nor one
 * being added (see `adding`).
 */
export async function giveBackUnused(url: string, held: readonly WarningSubscription[]): Promise<void> {
  let access: ReturnType<typeof listAccess>;
  try {
    access = listAccess(url);
  } catch {
    return;
  }
  const [origin] = access.origins;
  if (meetsRequiredAccess(origin) || adding.has(origin) || held.some((state) => listAccess(state.url).origins[0] === origin)) return;
  await browser.permissions.remove(access).catch((error: unknown) => console.warn('[reserve-radar] list access not given back:', error));
}
