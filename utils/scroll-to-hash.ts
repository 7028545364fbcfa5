/**
 * A link to a section of a page that draws its sections after loading (the welcome page's link to
 * the options page's holdings) lands on that section: the browser looks for the fragment only
 * once, before it exists. Keeps it in view while the page above it settles, until the page has
 * been still for `quietMs` or the user scrolls, clicks or types.
 */
export function keepHashTargetInView(quietMs = 600, giveUpMs = 8000): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id === '') return;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(giveUp);
    for (const type of USER_INPUT) window.removeEventListener(type, stop, true);
  };
  const place = () => {
    const target = document.getElementById(id);
    if (target === null) return;
    target.scrollIntoView({ block: 'start' });
    clearTimeout(quiet);
    quiet = setTimeout(stop, quietMs);
  };
  const observer = new MutationObserver(place);
  observer.observe(document.body, { childList: true, subtree: true });
  const giveUp = setTimeout(stop, giveUpMs);
  for (const type of USER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
  place();
}

const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
