/** What axe, the contrast of text and a narrow screen find wrong on a page, one line per problem. */
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Locator, Page } from 'playwright-core';

/**
 * What axe finds wrong on `page` (only inside `include`, when given), one line per rule: every
 * violation, whatever its impact, and every contrast check axe could not settle. axe reports
 * contrast as "incomplete" when it cannot decide (text and background of one colour, a
 * pseudo-element, an overlap, a gradient), and a 1:1 button is one of those: text nobody checked
 * is not text that passed. Each line names the rule, why, and the nodes.
 */
export async function axeProblems(page: Page, include: string | string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of typeof include === 'string' ? [include] : include) builder.include(selector);
  return axeLines(await builder.analyze());
}

/** axe's results as `axeProblems` reports them: every violation, and every contrast check left incomplete. */
export function axeLines(results: Pick<AxeResults, 'violations' | 'incomplete'>): string[] {
  const describe = (kind: string) => (rule: (typeof results.violations)[number]) =>
    `${kind} ${rule.id}: ${rule.help} (${rule.nodes.map((node) => `${node.target.join(' ')}${node.any[0]?.message === undefined ? '' : ` — ${node.any[0].message}`}`).join('; ')})`;
  const unsettledContrast = results.incomplete.filter((rule) => rule.id === 'color-contrast' || rule.id === 'color-contrast-enhanced');
  return [...results.violations.map(describe('violation')), ...unsettledContrast.map(describe('incomplete'))];
}

/**
 * The WCAG contrast ratio of an element's text against the first opaque background behind it
 * (its own or an ancestor's), from the computed colours: the check axe leaves "incomplete" when
 * the two are equal. Background images are not looked at: the project's pages use none.
 */
export async function textContrast(element: Locator): Promise<{ ratio: number; color: string; background: string }> {
  return element.evaluate((node) => {
    const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = channels(css).map((value) => value / 255);
      const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const color = getComputedStyle(node).color;
    let background = 'rgb(255, 255, 255)';
    for (let at: Element | null = node; at !== null; at = at.parentElement) {
      const css = getComputedStyle(at).backgroundColor;
      const alpha = channels(css)[3];
      if (css !== 'transparent' && alpha !== 0) {
        background = css;
        break;
      }
    }
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    return { ratio: (light + 0.05) / (dark + 0.05), color, background };
  });
}

/**
 * What a narrow screen cuts off on `page` (or only inside `within`), measured in the browser: a
 * page wider than its viewport (sideways scrolling), a box reaching past the viewport's edges (the
 * outermost one only), a box that clips or scrolls its content sideways, a placeholder or a chosen
 * option wider than its field. One line per problem. What users type into a field may scroll
 * inside it; that is not checked.
 */
export async function layoutProblems(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scope === undefined && scroller.scrollWidth > scroller.clientWidth) problems.push(`the page scrolls sideways: ${scroller.scrollWidth}px wide in ${scroller.clientWidth}px`);
    const name = (element: Element) => element.getAttribute('data-testid') ?? (element.id === '' ? `${element.localName}${[...element.classList].map((c) => `.${c}`).join('')}` : `#${element.id}`);
    const context = document.createElement('canvas').getContext('2d');
    const textWidth = (text: string, style: CSSStyleDeclaration) => {
      if (context === null) return 0;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(text).width;
    };
    const outside = new Set<Element>();
    const roots = scope === undefined ? [document.body] : [...document.querySelectorAll(scope)];
    for (const element of roots.flatMap((root) => [root, ...root.querySelectorAll('*')])) {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Not drawn, or drawn for screen readers only (.visually-hidden is 1 px).
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
      if (rect.right > viewport + 0.5 || rect.left < -0.5) {
        outside.add(element);
        if (element.parentElement === null || !outside.has(element.parentElement))
          problems.push(`${name(element)} reaches outside the viewport (${Math.round(rect.left)} to ${Math.round(rect.right)} of ${viewport}px)`);
      }
      const field = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
      if (!field && style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name(element)} cuts off its content sideways (${element.scrollWidth}px in ${element.clientWidth}px)`);
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (element instanceof HTMLInputElement && element.value === '' && element.placeholder !== '' && textWidth(element.placeholder, style) > room + 0.5) {
        problems.push(`${name(element)}: the placeholder “${element.placeholder}” is cut off (${Math.ceil(textWidth(element.placeholder, style))}px in ${Math.floor(room)}px)`);
      }
      // The arrow of a closed select takes about 20 px of its inside.
      const chosen = element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.textContent ?? '') : '';
      if (chosen !== '' && textWidth(chosen, style) > room - 20) problems.push(`${name(element)}: the chosen option “${chosen}” is cut off`);
    }
    return problems;
  }, within);
}
