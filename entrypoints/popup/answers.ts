import type { ExchangeView, TabState } from '@/lib/view/exchange-view';
import { ANSWER_DEADLINE_MS, NoAnswerError, withDeadline } from '@/utils/answer-deadline';

/** One drawing of the popup: the tab's state (undefined while it is asked), whether asking failed, and the exchange list's loader. */
export interface PopupFrame {
  tab: TabState | undefined;
  failed: boolean;
  loadAll: () => Promise<ExchangeView[]>;
}

export interface FollowAnswersParameters {
  /** Asks the background about the tab. */
  askTab: () => Promise<TabState>;
  /** Asks the background for every exchange: the list under a tab that is not an exchange's. */
  askAll: () => Promise<ExchangeView[]>;
  /** The copy of the background's last answer for the tab that it left in session storage, if any. */
  held: Promise<TabState | undefined>;
  /** Draws a frame, once the page can (its words loaded). */
  drawer: Promise<(frame: PopupFrame) => void>;
  deadlineMs?: number;
}

const noList = () => Promise.resolve([]);

/**
 * Asks the background about the tab and draws what it says: "Loading…", then the held copy while
 * the background has not answered, then its answer, which always wins. No answer within the
 * deadline draws the failed state (Try again, the Options link) instead of "Loading…" for ever;
 * an answer that comes later still replaces it. `retry` asks anew and settles once its answer or
 * its failure is drawn. `refresh` asks anew for new data (the first data update arriving while the
 * popup is open): its answer is drawn, and no answer keeps what is drawn. Only the latest asking is drawn.
 */
export function followAnswers({ askTab, askAll, held, drawer, deadlineMs = ANSWER_DEADLINE_MS }: FollowAnswersParameters): { retry: () => Promise<void>; refresh: () => Promise<void> } {
  const draw = (frame: PopupFrame) => {
    // A page that cannot draw says so through runPage (main awaits the drawer).
    drawer.then((paint) => paint(frame)).catch(() => undefined);
  };
  let answered = false;
  let shownHeld = false;
  let current = 0;
  // The list is asked for as soon as the tab's answer says it is needed, not when it is drawn.
  const listAfter = (answer: Promise<TabState>) => {
    const all = answer.then((state) => (state.kind === 'exchange' ? [] : withDeadline(askAll(), deadlineMs)));
    all.catch(() => undefined);
    return () => all;
  };
  let loadAll: () => Promise<ExchangeView[]> = noList;

  function ask({ keepOnFailure = false } = {}): Promise<void> {
    const asking = ++current;
    const latest = () => asking === current;
    const fresh = askTab();
    const timely = withDeadline(fresh, deadlineMs);
    loadAll = listAfter(timely);
    const show = (state: TabState, list: () => Promise<ExchangeView[]>) => {
      answered = true;
      draw({ tab: state, failed: false, loadAll: list });
    };
    return timely.then(
      (state) => {
        if (latest()) show(state, loadAll);
      },
      (error: unknown) => {
        if (!latest()) return;
        answered = true;
        console.error('[reserve-radar] the background did not answer about this tab', error);
        // A card already drawn from the held copy, or before the new data, stays rather than turning into an error.
        if (!shownHeld && !keepOnFailure) draw({ tab: undefined, failed: true, loadAll });
        if (error instanceof NoAnswerError)
          fresh.then(
            (state) => {
              if (latest()) show(state, listAfter(Promise.resolve(state)));
            },
            () => undefined,
          );
      },
    );
  }

  // "Loading…" draws no list.
  draw({ tab: undefined, failed: false, loadAll: noList });
  void held.then((state) => {
    if (answered || state === undefined) return;
    shownHeld = true;
    draw({ tab: state, failed: false, loadAll });
  });
  void ask();
  return { retry: () => ask(), refresh: () => ask({ keepOnFailure: true }) };
}
