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

function stopUntrusted(event: Event): void {
  if (!event.isTrusted) event.stopImmediatePropagation();
}

/**
 * WXT's `createShadowRootUi` with position "inline", anchor <html>, append last, done in a few
 * lines: the pill's first paint waits on this, and the general version validates the element
 * name with a large Unicode pattern and splits the CSS on every page load. Page styles are reset
 * at the host, and it is removed when the script's context dies. The shadow root is closed: the
 * exchange's page sees an empty element, not the text, state or controls inside it (DevTools,
 * and the tests through its protocol, still see in).
 */
export function createShadowHost({ ctx, name, css, onMount, onRemove }: CreateShadowHostParameters): ShadowHost {
  const shadowHost = document.createElement(name);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, stopUntrusted, true);
  const style = document.createElement('style');
  // Shown only while the manifest's sheet (shown.css) gives the host its custom property: Firefox takes that sheet
  // away when it unloads the add-on, and kills this script before it can take its elements out.
  style.textContent = `:host{all:initial !important;}\n${css}\n:host{display:var(--reserve-radar-shown,none) !important;}`;
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
