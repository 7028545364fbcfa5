/**
 * Where focus goes when the pill goes (closed or snoozed): back to the page's element the user
 * left for the pill. The page is an adversary (docs/security.md): it can focus any of its own
 * elements whenever it likes, so giving focus back to one gives it nothing new; what is guarded
 * here is that we never move focus the user, or the page, has put elsewhere since, nor onto an
 * element the page swapped out meanwhile, nor on the word of events the page made up.
 */
export interface FocusReturn {
  /** Follows focus coming into and leaving the pill (`container`, inside our closed shadow root). */
  watch(container: HTMLElement): void;
  /** Gives focus back when that is still right; `true` when it is there. */
  giveBack(): boolean;
}

export function focusReturn(host: () => Element): FocusReturn {
  let cameFrom: HTMLElement | undefined;
  // The page's own elements only: not our host, nothing inside our shadow root.
  const pageElement = (target: EventTarget | null): target is HTMLElement => target instanceof HTMLElement && target !== host() && target.getRootNode() === document;
  // Focus came into the pill from the page (Tab, or a click): that element is where the user was.
  const entered = (event: FocusEvent) => {
    if (event.isTrusted && pageElement(event.relatedTarget)) cameFrom = event.relatedTarget;
  };
  // Focus went on to the page: the user has moved on, and a later close takes focus nowhere.
  const left = (event: FocusEvent) => {
    if (event.isTrusted && pageElement(event.relatedTarget)) cameFrom = undefined;
  };
  return {
    watch(container) {
      container.addEventListener('focusin', entered);
      container.addEventListener('focusout', left);
    },
    giveBack() {
      const back = cameFrom;
      const active = document.activeElement;
      // Only while focus is still in the pill (on our host, from the page's side) or nowhere.
      if (back === undefined || !back.isConnected || (active !== host() && active !== document.body && active !== null)) return false;
      back.focus({ preventScroll: true });
      return back.matches(':focus');
    },
  };
}
