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

/** The storage key the guide's state lives under (`local:guideState` in `utils/guide-state.ts`). */
export const GUIDE_STATE_KEY = 'guideState';

export function chosenAddressFrom(value: unknown): ChosenAddress | null {
  if (typeof value !== 'object' || value === null) return null;
  const { address, network } = value as { address?: unknown; network?: unknown };
  if (typeof address !== 'string' || typeof network !== 'string' || address.length === 0 || address.length > 128) return null;
  return { network, address };
}

/** Read with the browser's own storage call: the shape check above is all the validation needed here. */
export async function readChosenAddress(): Promise<ChosenAddress | null> {
  const stored = await browser.storage.local.get(GUIDE_STATE_KEY);
  return chosenAddressFrom(stored[GUIDE_STATE_KEY]);
}

export function watchChosenAddress(callback: (chosen: ChosenAddress | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, GUIDE_STATE_KEY)) callback(chosenAddressFrom(changes[GUIDE_STATE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
