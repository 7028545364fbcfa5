import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExchangeView } from '../lib/view/exchange-view';
import type { Settings } from '../lib/settings';
import type { SnoozeChoice } from '../lib/view/nudge-policy';
import { ExchangeCard } from './ExchangeCard';
import { FirstDataLine } from './FirstDataPending';
import { useT } from '../utils/i18n';
import { levelWords } from '../lib/words/level-words';
import type { PageBalanceNudge } from '../lib/view/exchange-view';
import { pillName, pillWarningsText, runLeadKey } from '../lib/words/pill-words';
import { pillFace } from '../lib/view/first-paint-view';

export type Corner = Settings['corner'];

export interface PillProps {
  view: ExchangeView;
  corner: Corner;
  initiallyExpanded: boolean;
  /** The card opens because the user asked (a click that came before the pill was ready): focus goes into it, as on any opening by the user. */
  openedByUser?: boolean;
  onClose: () => void;
  onCornerChange: (corner: Corner) => void;
  onSnooze: (choice: SnoozeChoice) => void;
  onWithdraw: () => void;
  /** From the user's own recorded holdings (words made by the background, no figures): said first, before the reserves. */
  balanceNudge?: PageBalanceNudge | undefined;
}

const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

/**
 * The on-page nudge: a small pill coloured by level with the exchange name and grade; it
 * opens into the card. Fixed in a corner, so the page never shifts; drag it to another corner.
 */
export function Pill({ view, corner, initiallyExpanded, openedByUser = false, onClose, onCornerChange, onSnooze, onWithdraw, balanceNudge }: PillProps) {
  const t = useT();
  const [expanded, setExpanded] = useState(initiallyExpanded);
  const [drag, setDrag] = useState<{ x: number; y: number } | undefined>(undefined);
  const [snoozeChoice, setSnoozeChoice] = useState<SnoozeChoice>('1d');
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const moveButton = useRef<HTMLButtonElement>(null);
  const nudge = useRef<HTMLDivElement>(null);
  // The card is drawn again on the other side of the pill after a move: focus goes back to the button that moved it.
  const refocusMove = useRef(false);
  // Opened by the user's own click or key: focus goes into the card. A card that opened by itself
  // (danger) leaves focus where the user has it, on the exchange's page.
  const focusOnOpen = useRef(initiallyExpanded && openedByUser);
  const start = useRef<{ x: number; y: number; moved: boolean } | undefined>(undefined);
  const { level, grade } = view.verdict;
  const status = levelWords(view.verdict, t);
  // What the collapsed pill says, the same as its first paint from storage draws (entrypoints/exchange.content/first-paint.ts).
  const face = pillFace(view);

  useEffect(() => {
    if (!expanded || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    panel.current?.focus();
  }, [expanded]);

  useEffect(() => {
    if (!refocusMove.current) return;
    refocusMove.current = false;
    moveButton.current?.focus();
  }, [corner]);

  useEffect(() => {
    if (!expanded) return undefined;
    const onKey = (event: KeyboardEvent) => {
      // On the window, where the page can dispatch keys of its own: only the user's count, and
      // only pressed in our pill or card (WAI-ARIA APG non-modal dialog). Escape in the page's own
      // field (closing its dropdown) is the page's: the card stays and focus stays there.
      if (!event.isTrusted || event.key !== 'Escape' || !pressedIn(event, nudge.current)) return;
      setExpanded(false);
      toggle.current?.focus();
    };
    // On the window, so the card closes even when something of ours stops the key; the listener goes with the card.
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [expanded]);

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    start.current = { x: event.clientX, y: event.clientY, moved: false };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    const origin = start.current;
    if (origin === undefined) return;
    const dx = event.clientX - origin.x;
    const dy = event.clientY - origin.y;
    if (!origin.moved && Math.hypot(dx, dy) < 6) return;
    origin.moved = true;
    setDrag({ x: dx, y: dy });
  };
  const onPointerUp = (event: PointerEvent) => {
    const origin = start.current;
    start.current = undefined;
    setDrag(undefined);
    if (origin?.moved !== true) return;
    const vertical = event.clientY < window.innerHeight / 2 ? 'top' : 'bottom';
    const horizontal = event.clientX < window.innerWidth / 2 ? 'left' : 'right';
    onCornerChange(`${vertical}-${horizontal}`);
  };
  const onToggleClick = (event: MouseEvent) => {
    // A drag that ends on the button is not a click.
    if (event.detail !== 0 && drag !== undefined) return;
    focusOnOpen.current = !expanded;
    setExpanded((open) => !open);
  };
  const nextCorner = CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length] ?? 'bottom-right';
  // The card opens away from the corner: above the pill at the bottom, below it at the top. The
  // document order is the drawn order, so reading and Tab follow what the eye sees.
  const cardFirst = corner.startsWith('bottom');

  const card = expanded && (
    // A non-modal panel, not a focus trap: it sits beside the exchange's withdrawal form the user
    // is filling in, and the page stays usable while it is open. So Tab goes on from its last
    // control out of our element to the page (Shift+Tab back), as from any part of the page;
    // Escape in it (or on the pill) closes it and puts focus back on the pill.
    <div ref={panel} class="panel" role="dialog" aria-modal="false" aria-labelledby="nudge-card-title" tabIndex={-1} data-testid="nudge-panel">
      <ExchangeCard view={view} onWithdraw={onWithdraw} headingLevel={2} idPrefix="nudge-card" />
      {/* Before any source has answered: the card's figures are the copy that came with the extension, and it says so (the background marks the view, and redraws it when the first answer comes). */}
      {view.firstData !== undefined && <FirstDataLine beside={view.firstData.beside} />}
      <div class="panel__actions">
        {/* Choosing is not acting (WCAG 3.2.2): arrow keys on the list only choose; the button snoozes. */}
        <div>
          <label>
            <span class="visually-hidden">{t('snoozeLabel')}</span>
            <select
              data-testid="snooze"
              value={snoozeChoice}
              // Only our own options, and only the user's changes (the shadow root stops the page's).
              onChange={(event) => setSnoozeChoice((event.currentTarget as HTMLSelectElement).value as SnoozeChoice)}
            >
              <option value="1d">{t('snooze1d')}</option>
              <option value="7d">{t('snooze7d')}</option>
              <option value="data-change">{t('snoozeDataChange')}</option>
            </select>
          </label>{' '}
          <button type="button" class="ghost" onClick={() => onSnooze(snoozeChoice)} data-testid="snooze-apply">
            {t('snoozeApply')}
          </button>
        </div>
        <button
          ref={moveButton}
          type="button"
          class="ghost panel__move"
          onClick={() => {
            refocusMove.current = true;
            onCornerChange(nextCorner);
          }}
          data-testid="move-corner"
        >
          {t('moveCorner')}
        </button>
      </div>
    </div>
  );

  return (
    <div ref={nudge} class={`rr-theme nudge nudge--${corner}`} data-testid="nudge" data-corner={corner} style={drag === undefined ? undefined : { transform: `translate(${drag.x}px, ${drag.y}px)` }}>
      {/* A run alert leads: before the user's own limits and before the reserves. */}
      {view.runAlert?.active === true && (
        <p class="nudge__run" role="alert" data-testid="pill-run">
          {t(runLeadKey(view.runAlert.cause), view.name)}
        </p>
      )}
      {balanceNudge !== undefined && <p class="nudge__balance" data-kind={balanceNudge.kind} data-testid="pill-balance" data-drawn={balanceNudge.text} />}
      {cardFirst && card}
      <div class={`pill pill--${view.runAlert?.active === true ? 'danger' : level}`} data-level={level}>
        <button
          ref={toggle}
          type="button"
          class="pill__toggle"
          aria-expanded={expanded}
          aria-label={pillName(face, t)}
          title={t('pillHint')}
          onClick={onToggleClick}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          data-testid="pill-toggle"
        >
          <span class="pill__grade" aria-hidden="true" data-testid="pill-grade">
            {grade}
          </span>
          <span class="pill__name" data-testid="pill-name">
            {view.name}
          </span>
          <span class="pill__status" data-testid="pill-status">
            {status}
          </span>
          {face.warnings > 0 && (
            <span class="pill__warnings" data-testid="pill-warnings" title={pillWarningsText(face.warnings, t)}>
              ⚠ {face.warnings}
            </span>
          )}
        </button>
        <button type="button" class="pill__close" onClick={onClose} aria-label={t('close')} title={t('close')} data-testid="pill-close">
          ×
        </button>
      </div>
      {!cardFirst && card}
    </div>
  );
}

/**
 * The event came from inside our element. Seen from the window, an event from inside our closed
 * shadow root has the root's host in its path, not our nodes: either counts.
 */
function pressedIn(event: Event, ours: Element | null): boolean {
  if (ours === null) return false;
  const root = ours.getRootNode();
  const path = event.composedPath();
  return path.includes(ours) || ('host' in root && path.includes(root.host as Element));
}
