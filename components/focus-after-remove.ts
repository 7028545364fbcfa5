import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';

/** Words as a message key and its substitutions, worded when drawn: the page's language may change while they are shown. */
export interface RemovalWords {
  key: MessageKey;
  args: string[];
}

/** What the list's live region says after a removal; `count` tells two removals of the same name apart. */
export interface RemovalSaid extends RemovalWords {
  count: number;
  /** The entry whose removal failed, when that is what is said: shown, not only read out, while the entry stays. */
  failedId?: string;
}

/**
 * Keyboard focus and words after a list entry's Remove: the removed entry takes its button with it, which would drop the
 * focus to the page. Once the entry is no longer in `ids`, the focus goes to the Remove button now in its place,
 * else the one before, else `fallback(container)` (the empty list's sentence or the list's title). Remove buttons carry
 * `data-remove`, inside the element given `container`. The move says nothing of the removal itself, so `said` then
 * holds "Removed <name>." (or the words handed to `removing`) for the list's `RemovalStatus`. A removal whose save failed must be handed to `kept`: the entry
 * stays, and if it leaves later for another reason (another page, an import, a reset) that is not this press's doing,
 * so the focus stays where the user is and nothing is said. Given words, `kept` says them in the same region, shown,
 * until the entry leaves or another removal is said.
 *
 * An entry that leaves for another reason while the focus is on or inside it (removed on another page, or another
 * options tab) would drop the focus to the page: it goes to `heading(container)`, the list's title (tabIndex -1). Not to a
 * neighbour's Remove button: the user did not press anything here, and a press of Enter must not remove another entry.
 */
export function useFocusAfterRemove<C extends HTMLElement>(
  ids: readonly string[],
  fallback: (container: C | null) => HTMLElement | null | undefined,
  heading: (container: C | null) => HTMLElement | null | undefined,
) {
  const container = useRef<C>(null);
  // Read while drawing, before a leaving entry takes the focused element (or the whole list) with it.
  const focusedIn = useRef<Document | undefined>(undefined);
  const doc = container.current?.ownerDocument;
  const active = doc?.activeElement;
  focusedIn.current = active !== null && active !== undefined && container.current?.contains(active) ? doc : undefined;
  const removing = useRef<{ id: string; index: number; words: RemovalWords } | undefined>(undefined);
  const [said, setSaid] = useState<RemovalSaid | undefined>(undefined);
  // Counts every sentence said, kept apart from `said`: a failure cleared as its entry leaves must not restart it, or
  // the "removed" that follows a retried removal could take the failure's key and be edited in place.
  const count = useRef(0);
  const say = (words: RemovalWords, failedId?: string) => {
    count.current += 1;
    setSaid(failedId === undefined ? { ...words, count: count.current } : { ...words, count: count.current, failedId });
  };
  useEffect(() => {
    // A failure said of an entry no longer listed no longer holds.
    if (said?.failedId !== undefined && !ids.includes(said.failedId)) setSaid(undefined);
    const removed = removing.current;
    if (removed !== undefined && !ids.includes(removed.id)) {
      removing.current = undefined;
      const buttons = [...(container.current?.querySelectorAll<HTMLElement>('[data-remove]') ?? [])];
      (buttons[Math.min(removed.index, buttons.length - 1)] ?? fallback(container.current))?.focus();
      say(removed.words);
      return;
    }
    const now = focusedIn.current?.activeElement;
    if (focusedIn.current !== undefined && (now === null || now === undefined || now === focusedIn.current.body || !now.isConnected)) heading(container.current)?.focus();
  });
  return {
    container,
    /**
     * Call from the Remove button's press, with the entry's id, place and name as the list shows it. `key` words what
     * happened, with the name as $1 ("Removed BTC."): a list whose button removes nothing (a snooze lifted) says its own.
     */
    removing: (id: string, index: number, name: string, key: MessageKey = 'listRemoved') => {
      removing.current = { id, index, words: { key, args: [name] } };
    },
    /**
     * Call when the removal of `id` was not saved: the press is forgotten. A later press of another entry stays.
     * `words` (the reason, as a message key and its substitutions) are said in the list's live region.
     */
    kept: (id: string, words?: RemovalWords) => {
      if (removing.current?.id === id) removing.current = undefined;
      if (words !== undefined) say(words, id);
    },
    said,
  };
}
