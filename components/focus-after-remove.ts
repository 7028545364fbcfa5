import { useEffect, useRef } from 'preact/hooks';

/**
 * Keyboard focus after a list entry's Remove: the removed entry takes its button with it, which would drop the
 * focus to the page. Once the entry is no longer in `ids`, the focus goes to the Remove button now in its place,
 * else the one before, else `fallback(container)` (the empty list's sentence or the list's title). Remove buttons carry
 * `data-remove`, inside the element given `container`.
 */
export function useFocusAfterRemove<C extends HTMLElement>(ids: readonly string[], fallback: (container: C | null) => HTMLElement | null | undefined) {
  const container = useRef<C>(null);
  const removing = useRef<{ id: string; index: number } | undefined>(undefined);
  useEffect(() => {
    const removed = removing.current;
    if (removed === undefined || ids.includes(removed.id)) return;
    removing.current = undefined;
    const buttons = [...(container.current?.querySelectorAll<HTMLElement>('[data-remove]') ?? [])];
    (buttons[Math.min(removed.index, buttons.length - 1)] ?? fallback(container.current))?.focus();
  });
  return {
    container,
    /** Call from the Remove button's press, with the entry's id and place. */
    removing: (id: string, index: number) => {
      removing.current = { id, index };
    },
  };
}
