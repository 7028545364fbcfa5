import { storage } from '#imports';
import { isExchangeId } from '@/lib/exchanges/is-exchange-id';
import { guideKey } from './chosen-address';
import { inTurn } from './in-turn';
import { defineLazyItem } from './lazy-item';

/**
 * Every exchange's own guide as older versions kept them: one map by exchange id. Nothing writes it now; this moves what it
 * holds to the exchanges' own keys (`guideKey`) and removes it.
 */
const legacyGuidesItem = defineLazyItem<unknown>('local:guides', {});

/**
 * Moves each entry of the old map to its exchange's own key, then removes the map. Run by the background when the extension is
 * updated, and by the guide page before it reads (`utils/guide-state.ts`), so the page never misses a guide an update has not
 * moved yet (the background's move failed, or has not run). Once the map is gone it is one read.
 *
 * An entry never replaces a value already under the exchange's own key: that value was saved by this version, so it is the newer.
 * Nor can a save land between this read and this write: it runs in the map's turn (utils/in-turn.ts: every context of the
 * extension), saves come only from a guide page that has read, and a page reads only after taking this turn, by which time the
 * map is gone. "Delete everything" takes the same turn (SHARED_LOCAL_KEYS), so it cannot clear between them either and have the
 * move write the guides back. An entry is moved as it is, damaged or not: the page then starts that exchange over and says why.
 * An entry under no exchange id could never be read, and a map that is no map held nothing readable: both are dropped.
 */
export function moveLegacyGuides(): Promise<void> {
  return inTurn(legacyGuidesItem.key, async () => {
    const legacy = await legacyGuidesItem.getValue();
    if (legacy === null) return;
    const entries = typeof legacy === 'object' && !Array.isArray(legacy) ? Object.entries(legacy).filter(([exchangeId]) => isExchangeId(exchangeId)) : [];
    if (entries.length > 0) {
      const keys = entries.map(([exchangeId]) => `local:${guideKey(exchangeId)}` as const);
      const present = await storage.getItems(keys);
      const moves = entries.flatMap(([, value], index) => (present[index]?.value === null ? [{ key: keys[index]!, value }] : []));
      if (moves.length > 0) await storage.setItems(moves);
    }
    await legacyGuidesItem.removeValue();
  });
}
