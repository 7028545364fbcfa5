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

/**
 * The storage key of one exchange's own guide (`local:guide:<exchange id>`). One key per exchange, so a save writes only its
 * own exchange's guide (utils/guide-state.ts). Registry ids are lowercase letters, digits and dashes (`isExchangeId`): no
 * separator of their own, so no id can name another's key.
 */
export function guideKey(exchangeId: string): `guide:${string}` {
  return `guide:${exchangeId}`;
}

/** The stored guide values an exchange's page compares with, as they are, unchecked. */
export interface StoredGuides {
  /** The exchange they were read for. */
  exchangeId: string | undefined;
  /** The guide last worked on. */
  current: unknown;
  /** That exchange's own guide; undefined when it has none. */
  own: unknown;
}

/**
 * What a guide gives the exchange page to compare with: its address, nothing, or `'suspect'`: an address the guide page
 * marked as a look-alike of a saved one, not the address checked in the guide, so nothing to compare with, only a warning
 * to give. The marked address itself is not handed on.
 */
export type GuideAddress = ChosenAddress | 'suspect' | null;

export function chosenAddressFrom(value: unknown): GuideAddress {
  if (typeof value !== 'object' || value === null) return null;
  const { address, network, addressSuspect } = value as { address?: unknown; network?: unknown; addressSuspect?: unknown };
  if (typeof address !== 'string' || typeof network !== 'string' || address.length === 0 || address.length > 128) return null;
  return addressSuspect === true ? 'suspect' : { network, address };
}

/**
 * The address to compare with on `exchangeId`'s pages: that exchange's own guide's, if it is that exchange's (the guide page
 * shows no address for one that is not). Without one, the guide last worked on: a guide tied to no exchange yet counts for
 * every exchange; another exchange's guide counts for none.
 */
export function chosenAddressFor(stored: StoredGuides, exchangeId: string | undefined): GuideAddress {
  if (exchangeId === undefined || stored.exchangeId !== exchangeId) return null;
  const { own, current } = stored;
  const guide = own === undefined ? current : own;
  const owner = typeof guide === 'object' && guide !== null ? (guide as { exchangeId?: unknown }).exchangeId : undefined;
  return owner === exchangeId || (own === undefined && (owner === undefined || owner === null)) ? chosenAddressFrom(guide) : null;
}

/** Read with the browser's own storage call: the shape check above is all the validation needed here. */
export async function readStoredGuides(exchangeId: string | undefined): Promise<StoredGuides> {
  if (exchangeId === undefined) return { exchangeId, current: undefined, own: undefined };
  const key = guideKey(exchangeId);
  const stored = await browser.storage.local.get([GUIDE_STATE_KEY, key]);
  return { exchangeId, current: stored[GUIDE_STATE_KEY], own: stored[key] };
}

export async function readChosenAddress(exchangeId: string | undefined): Promise<GuideAddress> {
  return chosenAddressFor(await readStoredGuides(exchangeId), exchangeId);
}

/** Calls back with the stored guide values for `exchangeId()` whenever the guide last worked on or that exchange's own changes. */
export function watchChosenAddress(exchangeId: () => string | undefined, callback: (stored: StoredGuides) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const id = exchangeId();
    if (area === 'local' && (Object.hasOwn(changes, GUIDE_STATE_KEY) || (id !== undefined && Object.hasOwn(changes, guideKey(id))))) void readStoredGuides(id).then(callback, () => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
