import { LIST_CHECK_EVERY_HOURS, type WarningSubscription } from '@/lib/community/subscription';
import { WARNING_LIST_LIMITS } from '@/lib/community/warning-list';
import { fetchSource, type FetchFailure } from '@/lib/reserves/fetch-source';
import { chainWork } from './chain-work';
import { mayRead } from './warning-list-access';
import { changeSubscriptions, readOrWarn } from './warning-store';

/*
 * The checks of the warning lists: each due list fetched from its host and verified against its
 * maintainer's key (chainWork), the results put onto the subscriptions as they stand by then.
 */

const CHECK_EVERY_MS = LIST_CHECK_EVERY_HOURS * 60 * 60_000;
const TIMEOUT_MS = 20_000;

async function fetchList(url: string): Promise<{ ok: true; body: string } | { ok: false; failure: FetchFailure }> {
  // The same guarded GET as the reserve data: no cookies, a deadline over the whole body, a size cap while streaming.
  const fetched = await fetchSource({ url, fetch: (input, init) => fetch(input, init), timeoutMs: TIMEOUT_MS, maxBytes: WARNING_LIST_LIMITS.maxBytes });
  return fetched.ok ? { ok: true, body: JSON.stringify(fetched.body) } : { ok: false, failure: fetched.failure };
}

/** Checks every subscription that is due (all of them when forced; `only` that list), one at a time. */
export async function checkSubscriptions({ force = false, only }: { force?: boolean; only?: string } = {}): Promise<void> {
  // Held lists that cannot be checked now are left as stored, for the next run.
  const states = await readOrWarn();
  if (states === undefined) return;
  const checked: { before: WarningSubscription; after: WarningSubscription }[] = [];
  for (const state of states) {
    if (only !== undefined && state.url !== only) continue;
    const due = force || state.lastCheck === null || Date.now() - Date.parse(state.lastCheck) >= CHECK_EVERY_MS;
    // Without the access the host would be asked with an Origin header (Firefox: a per-install id) and
    // under CORS: not asked at all. The last good list stays; the options page says how to allow it.
    if (due && (await mayRead(state.url))) checked.push({ before: state, after: await chainWork().checkSubscription({ state, fetched: await fetchList(state.url), now: Date.now() }) });
  }
  if (checked.length === 0) return;
  // The fetches took their time (up to TIMEOUT_MS each): the results go onto the subscriptions as
  // they stand now. One added meanwhile is kept, one removed stays removed, and one that changed
  // meanwhile (checked by an overlapping run, or removed and added again) keeps that change: a
  // result from the older state must not roll its held list back.
  await changeSubscriptions((current) => {
    const next = current.map(
      (state) =>
        checked.find(
          ({ before }) => before.url === state.url && before.lastCheck === state.lastCheck && before.expectedSigner === state.expectedSigner && before.floor?.sequence === state.floor?.sequence,
        )?.after ?? state,
    );
    return next.some((state, index) => state !== current[index]) ? { next, answer: undefined } : { answer: undefined };
  }).catch((error: unknown) => console.warn(`[reserve-radar] warning lists: ${error instanceof Error ? error.message : String(error)}`));
}
