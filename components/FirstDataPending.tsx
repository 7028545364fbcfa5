import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../utils/i18n';
import type { FirstDataBeside } from '../lib/view/first-data';

const LINE_KEY = {
  list: 'firstDataPending',
  'card-figures': 'firstDataPendingCard',
  'card-unknown': 'firstDataPendingCardUnknown',
  'card-verdict': 'firstDataPendingCardBundled',
} as const;

/**
 * The line's words, by what it stands beside (`beside`). It names no day: a card dates each of its sections, and one day
 * for the whole copy could contradict them. Shown in the popup and in the exchange page's card alike.
 */
export function FirstDataLine({ beside }: { beside: FirstDataBeside }) {
  const t = useT();
  return (
    <p class="muted" data-testid="first-data-line">
      {t(LINE_KEY[beside])}
    </p>
  );
}

export interface FirstDataNoticeProps {
  load: () => Promise<boolean>;
  onOpen: () => void;
  /** What the line stands beside (`cardBeside` for a card): its words are chosen from it. */
  beside: FirstDataBeside;
  /** Follows the data sources' stored state (returns its stop): the line is asked about again on each change. */
  follow?: ((changed: () => void) => () => void) | undefined;
  /** The first data update arrived while the line was shown: called once, so that the figures shown are asked for anew. */
  onArrived?: (() => void) | undefined;
}

/**
 * One muted line while no data source has answered yet: why most exchanges show Unknown, or what one exchange's card shows
 * (its figures, or its Unknown, or its verdict, are from the copy that came with the extension) (the first update has not come, not anything the exchanges did), with the way to
 * the options' data sources. Nothing once any source has answered, or when asking fails. It names no time: a fetch can
 * fail and be retried for as long as the network or the source is down.
 *
 * Followed while the popup is open: when the first update arrives, the line goes, its status region (on the page from the
 * start, so that what is put in it is read out) says so once, politely, and `onArrived` asks for the new figures. It says
 * that the update arrived, nothing of the figures: they are only being asked for then, and may not change. A focus
 * on the line's button goes to the page's first heading rather than to the page.
 */
export function FirstDataNotice({ load, onOpen, beside, follow, onArrived }: FirstDataNoticeProps) {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [arrived, setArrived] = useState(false);
  const line = useRef<HTMLDivElement>(null);
  const shown = useRef(false);
  const focusWasIn = useRef(false);
  const arrivedRef = useRef(arrived);
  const arrive = useRef(onArrived);
  arrive.current = onArrived;
  useEffect(() => {
    let live = true;
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      load().then(
        (loaded) => {
          // Only the latest question's answer counts: answers can come back out of order.
          if (!live || question !== asked) return;
          if (loaded) shown.current = true;
          else if (shown.current && !arrivedRef.current) {
            arrivedRef.current = true;
            const active = line.current?.ownerDocument.activeElement;
            focusWasIn.current = active !== null && active !== undefined && line.current?.contains(active) === true;
            setArrived(true);
            arrive.current?.();
          }
          setPending(loaded);
        },
        (error: unknown) => console.warn('[reserve-radar] the data sources could not be read for the popup', error),
      );
    };
    ask();
    const stop = follow?.(ask);
    return () => {
      live = false;
      stop?.();
    };
  }, [load, follow]);
  useEffect(() => {
    if (pending || !focusWasIn.current) return;
    focusWasIn.current = false;
    document.querySelector<HTMLElement>('h1')?.focus();
  }, [pending]);
  return (
    <>
      {pending && (
        <div class="first-data" data-testid="popup-first-data" ref={line}>
          <FirstDataLine beside={beside} />
          <button type="button" class="ghost" onClick={onOpen} data-testid="popup-first-data-open">
            {t('firstDataPendingOpen')}
          </button>
        </div>
      )}
      {follow !== undefined && (
        <p class="visually-hidden" role="status" data-testid="popup-first-data-status">
          {arrived ? t('firstDataArrived') : ''}
        </p>
      )}
    </>
  );
}
