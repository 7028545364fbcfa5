import { browser } from 'wxt/browser';

/**
 * The address the withdrawal guide settled on, as the exchange-page script reads it: a shape
 * check only, no schema library and no address decoders, so that script stays small. The guide
 * page stored it only after `validateAddress` accepted it.
 */
export interface ChosenAddress {
  network: string;
  address: string;
}

/** The storage key of the guide last worked on (`local:guideState` in `utils/guide-state.ts`). */
export const GUIDE_STATE_KEY = 'guideState';
/** The storage key of each exchange's own guide, by exchange id (`local:guides`). */
export const GUIDES_KEY = 'guides';

/** The two stored guide values as they are, unchecked. */
export interface StoredGuides {
  current: unknown;
  byExchange: unknown;
}

export function chosenAddressFrom(value: unknown): ChosenAddress | null {
  if (typeof value !== 'object' || value === null) return null;
  const { address, network } = value as { address?: unknown; network?: unknown };
  if (typeof address !== 'string' || typeof network !== 'string' || address.length === 0 || address.length > 128) return null;
  return { network, address };
}

/**
 * The address to compare with on `exchangeId`'s pages: that exchange's own guide's. A guide
 * tied to no exchange yet counts for every exchange; another exchange's guide counts for none.
 */
export function chosenAddressFor(stored: StoredGuides, exchangeId: string | undefined): ChosenAddress | null {
  if (exchangeId === undefined) return null;
  const { byExchange, current } = stored;
  if (typeof byExchange === 'object' && byExchange !== null && Object.hasOwn(byExchange, exchangeId)) return chosenAddressFrom((byExchange as Record<string, unknown>)[exchangeId]);
  const owner = typeof current === 'object' && current !== null ? (current as { exchangeId?: unknown }).exchangeId : undefined;
  return owner === undefined || owner === null || owner === exchangeId ? chosenAddressFrom(current) : null;
}

/** Read with the browser's own storage call: the shape check above is all the validation needed here. */
export async function readStoredGuides(): Promise<StoredGuides> {
  const stored = await browser.storage.local.get([GUIDE_STATE_KEY, GUIDES_KEY]);
  return { current: stored[GUIDE_STATE_KEY], byExchange: stored[GUIDES_KEY] };
}

export async function readChosenAddress(exchangeId: string | undefined): Promise<ChosenAddress | null> {
  return chosenAddressFor(await readStoredGuides(), exchangeId);
}

/** Calls back with both stored guide values whenever either changes. */
export function watchChosenAddress(callback: (stored: StoredGuides) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && (Object.hasOwn(changes, GUIDE_STATE_KEY) || Object.hasOwn(changes, GUIDES_KEY))) void readStoredGuides().then(callback, () => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
