/** Who draws the pill's container: nothing yet, the first paint's plain nodes (first-paint.ts), or Preact. */
export type PillOwner = 'none' | 'drawn' | 'preact';

/**
 * Whether our card may close to the pill to leave the address-mismatch warning room to be read
 * (place-clear.ts asks only after the user's own typing in the page's field). Only a card that is
 * open (drawn by Preact, with its panel: the first paint's plain nodes are never open), and never
 * while focus is anywhere in our shadow root: the user is reading or using the card or the pill.
 */
export function cardMayGiveWay(owner: PillOwner, container: HTMLElement | undefined): boolean {
  if (owner !== 'preact' || container === undefined || container.querySelector('.panel') === null) return false;
  // Inside our shadow root this is the focused element of ours, null when focus is on the page.
  const root = container.getRootNode() as ShadowRoot;
  return root.activeElement == null;
}
