import type { I18n } from '@/components/i18n';
import type { PillProps } from '@/components/Pill';
import { levelWords } from '@/components/level-words';

export interface DrawCollapsedPillParameters extends Pick<PillProps, 'view' | 'corner' | 'balanceNudge'> {
  t: I18n['t'];
}

/**
 * The collapsed pill as plain DOM: the nodes `<Pill>` renders when collapsed, in the same order
 * with the same attributes (first-paint.test.tsx renders both and compares). Drawn without
 * Preact, so the page's first paint does not wait for Preact's first, cold run; Preact takes
 * these nodes over (`hydrate`) once the page has painted, or at the first touch.
 */
export function drawCollapsedPill(container: HTMLElement, { view, corner, balanceNudge, t }: DrawCollapsedPillParameters): void {
  const document = container.ownerDocument;
  const element = (tag: string, attributes: Record<string, string>, ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const { level, grade } = view.verdict;
  const status = levelWords(view.verdict, t);
  const toggle = element(
    'button',
    { type: 'button', class: 'pill__toggle', 'aria-expanded': 'false', 'aria-label': t('pillLabel', [view.name, grade, status]), title: t('pillHint'), 'data-testid': 'pill-toggle' },
    element('span', { class: 'pill__grade', 'aria-hidden': 'true', 'data-testid': 'pill-grade' }, grade),
    element('span', { class: 'pill__name', 'data-testid': 'pill-name' }, view.name),
    element('span', { class: 'pill__status', 'data-testid': 'pill-status' }, status),
  );
  if (view.warnings.length > 0) {
    const count = String(view.warnings.length);
    toggle.append(element('span', { class: 'pill__warnings', 'data-testid': 'pill-warnings', title: t('pillWarnings', count) }, '⚠ ', count));
  }
  const nudge = element('div', { class: `rr-theme nudge nudge--${corner}`, 'data-testid': 'nudge', 'data-corner': corner });
  if (balanceNudge !== undefined) nudge.append(element('p', { class: 'nudge__balance', 'data-kind': balanceNudge.kind, 'data-testid': 'pill-balance' }, balanceNudge.text));
  nudge.append(
    element(
      'div',
      { class: `pill pill--${level}`, 'data-level': level },
      toggle,
      element('button', { type: 'button', class: 'pill__close', 'aria-label': t('close'), title: t('close'), 'data-testid': 'pill-close' }, '×'),
    ),
  );
  container.append(nudge);
}
