import type { PageContext } from './page-context';

export interface ShadowHost {
  /** The element hung off <html>; its closed shadow root holds the styles and the container. */
  shadowHost: HTMLElement;
  mount(): void;
  remove(): void;
}

export interface CreateShadowHostParameters {
  ctx: PageContext;
  /** A custom-element name (two words, kebab case), so the page has no rules for it. */
  name: string;
  css: string;
  onMount: (container: HTMLElement) => void;
  onRemove: (container: HTMLElement) => void;
}

/**
 * Events a page script could fake to drive what we draw. The root is closed, so a page cannot
 * reach our nodes to dispatch at them; this is the second wall: anything the browser did not
 * make from real input stops at the root, before any handler of ours runs.
 */
const GUARDED_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointermove', 'pointerup', 'keydown', 'keyup', 'input', 'change', 'submit', 'focusin'] as const;

/**
 * How the host shows. Firefox: only while the manifest's user-origin sheet (shown.css) gives it the custom property,
 * as Firefox takes that sheet away when it unloads the add-on, and kills this script before it can take its elements
 * out. Chrome: always; its orphan check (index.tsx) takes a dead copy's elements out, and a page can set a custom
 * property on the host that no sheet Chrome's manifest can inject would beat.
 */
const HOST_DISPLAY = import.meta.env.FIREFOX ? 'var(--reserve-radar-shown,none)' : 'block';

function stopUntrusted(event: Event): void {
  if (!event.isTrusted) event.stopImmediatePropagation();
}

/**
 * WXT's `createShadowRootUi` with position "inline", anchor <html>, append last, done in a few
 * lines: the pill's first paint waits on this, and the general version validates the element
 * name with a large Unicode pattern and splits the CSS on every page load. It is removed when the
 * script's context dies. The shadow root is closed: the page's DOM calls (shadowRoot, textContent,
 * innerText, querySelector, outerHTML) see an empty element, not the nodes, state or controls inside
 * it (DevTools, and the tests through its protocol, still see in). It can still learn our text nodes'
 * words: `window.find` searches closed roots and answers yes or no, so a page can test a guess
 * letter by letter, and its getSelection() and `copy` listener see what the user selects in them.
 * So private words (the limit line, the addresses of the mismatch warning) are no text nodes but
 * generated content from a `data-drawn` attribute (card.css), which neither reaches; the page can
 * still find our other words (the exchange's name, grade, reserves, fixed labels), learn that we
 * drew something and where (the host's box, hit-testing), and time our work.
 *
 * What the page's CSS can do: nothing inside the root, and nothing at the host either. Its
 * `!important` rules on the host lose to the root's own `:host` ones (`all:initial` resets every
 * property but custom ones; `display` is set last), and in Firefox the custom property `display`
 * reads comes from a user-origin sheet whose `!important` beats the page's (HOST_DISPLAY). What it
 * can still do: take the host out of the DOM (the pill's observer in index.tsx puts it back, the
 * warning does not come back), or draw over it.
 */
export function createShadowHost({ ctx, name, css, onMount, onRemove }: CreateShadowHostParameters): ShadowHost {
  const shadowHost = document.createElement(name);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, stopUntrusted, true);
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}\n:host{display:${HOST_DISPLAY} !important;}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  const remove = () => {
    onRemove(container);
    shadowHost.remove();
    container.replaceChildren();
  };
  ctx.onInvalidated(remove);
  return {
    shadowHost,
    mount() {
      document.documentElement.append(shadowHost);
      onMount(container);
    },
    remove,
  };
}
