import type { I18n } from '@/utils/i18n';
import type { PillProps } from '@/components/Pill';
import { levelWords } from '@/lib/words/level-words';
import { pillName, pillWarningsText, runLeadKey } from '@/lib/words/pill-words';
import type { PillFace } from '@/lib/view/first-paint-view';

/** What makes Preact take the drawn nodes over at once: caught on the way down (capture), before the pill's own handlers, which must exist by then. */
export const TAKE_OVER_EVENTS = ['pointerdown', 'focusin', 'keydown', 'click'] as const;

export interface DrawCollapsedPillParameters extends Pick<PillProps, 'corner' | 'balanceNudge'> {
  /** What the collapsed pill shows of the exchange (`pillFace(view)`, or the stored first paint). */
  face: PillFace;
  t: I18n['t'];
}

/**
 * The collapsed pill as plain DOM: the nodes `<Pill>` renders when collapsed, in the same order
 * with the same attributes (first-paint.test.tsx renders both and compares). Drawn without
 * Preact, so the page's first paint does not wait for Preact's first, cold run; Preact takes
 * these nodes over (`hydrate`) once the page has painted, or at the first touch.
 */
export function drawCollapsedPill(container: HTMLElement, { face, corner, balanceNudge, t }: DrawCollapsedPillParameters): void {
  const document = container.ownerDocument;
  const element = (tag: string, attributes: Record<string, string>, ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const { level, grade, name } = face;
  const status = levelWords(face, t);
  const toggle = element(
    'button',
    { type: 'button', class: 'pill__toggle', 'aria-expanded': 'false', 'aria-label': pillName(face, t), title: t('pillHint'), 'data-testid': 'pill-toggle' },
    element('span', { class: 'pill__grade', 'aria-hidden': 'true', 'data-testid': 'pill-grade' }, grade),
    element('span', { class: 'pill__name', 'data-testid': 'pill-name' }, name),
    element('span', { class: 'pill__status', 'data-testid': 'pill-status' }, status),
  );
  if (face.warnings > 0) {
    const count = String(face.warnings);
    toggle.append(element('span', { class: 'pill__warnings', 'data-testid': 'pill-warnings', title: pillWarningsText(face.warnings, t) }, '⚠ ', count));
  }
  const nudge = element('div', { class: `rr-theme nudge nudge--${corner}`, 'data-testid': 'nudge', 'data-corner': corner });
  if (face.run !== undefined) nudge.append(element('p', { class: 'nudge__run', role: 'alert', 'data-testid': 'pill-run' }, t(runLeadKey(face.run), name)));
  if (balanceNudge !== undefined) nudge.append(element('p', { class: 'nudge__balance', 'data-kind': balanceNudge.kind, 'data-testid': 'pill-balance', 'data-drawn': balanceNudge.text }));
  nudge.append(
    element(
      'div',
      { class: `pill pill--${face.run === undefined ? level : 'danger'}`, 'data-level': level },
      toggle,
      element('button', { type: 'button', class: 'pill__close', 'aria-label': t('close'), title: t('close'), 'data-testid': 'pill-close' }, '×'),
    ),
  );
  container.append(nudge);
}
