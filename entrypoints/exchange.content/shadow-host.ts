import type { ContentScriptContext } from '#imports';

export interface ShadowHost {
  /** The element hung off <html>; its open shadow root holds the styles and the container. */
  shadowHost: HTMLElement;
  mount(): void;
  remove(): void;
}

export interface CreateShadowHostParameters {
  ctx: ContentScriptContext;
  /** A custom-element name (two words, kebab case), so the page has no rules for it. */
  name: string;
  css: string;
  onMount: (container: HTMLElement) => void;
  onRemove: (container: HTMLElement) => void;
}
export type CreateShadowHostReturnType = ShadowHost;

/**
 * WXT's `createShadowRootUi` with position "inline", anchor <html>, append last, done in a few
 * lines: the pill's first paint waits on this, and the general version validates the element
 * name with a large Unicode pattern and splits the CSS on every page load. Same behaviour: an
 * open shadow root, page styles reset at the host, removed when the script's context dies.
 */
export function createShadowHost({ ctx, name, css, onMount, onRemove }: CreateShadowHostParameters): CreateShadowHostReturnType {
  const shadowHost = document.createElement(name);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
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
