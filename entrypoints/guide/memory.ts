import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { applyGuideActionFor, freshGuideFor } from '@/lib/custody/guides';
import type { GuideAction, GuideState } from '@/lib/custody/steps';
import { type GuideClears, saveGuideState } from '@/utils/guide-state';

export interface GuideMemory {
  state: GuideState;
  /** The guide as of the last step, for callbacks that run between renders. */
  current: { readonly current: GuideState };
  /** Applies a step to the guide and saves it (utils/guide-state.ts); with `store: false`, the caller stores what changed itself. */
  dispatch: (action: GuideAction, options?: { store: boolean }) => void;
  /** How many times "Delete everything" made the page drop what it held; the page drops the rest of its memory with it. */
  drops: number;
  /**
   * Taken when the page asks something whose answer it will show (an ENS name, an address book change): the answer is
   * still for what the page holds while the returned check says true, and from before a delete once it says false.
   */
  askedNow: () => () => boolean;
}

export interface UseGuideMemoryParameters {
  initialState: GuideState;
  /** Each exchange's saved guide, for switching exchange on the route step. */
  initialSaved: Map<string, GuideState>;
  /** The exchange the page was opened for (its address), if any: after a delete, its fresh guide, as when the page is opened again. */
  exchangeId: string | undefined;
  /** The deletes the page hears of, followed from before it read what it holds. */
  clears: GuideClears;
  /** `clears.count` when the page started reading: a delete heard after it came while the page loaded, and it drops that too. */
  clearsAtLoad: number;
}

/**
 * What the guide page holds of the guide: the guide worked on, and each exchange's saved guide. After "Delete everything"
 * (in any tab) it holds a fresh guide and no saved one, dropped in the step that hears of it: the next step saves nothing deleted.
 */
export function useGuideMemory({ initialState, initialSaved, exchangeId, clears, clearsAtLoad }: UseGuideMemoryParameters): GuideMemory {
  const [state, setState] = useState(initialState);
  const [drops, setDrops] = useState(0);
  const current = useRef(state);
  const saved = useRef(initialSaved);
  // The deletes already dropped for.
  const dropped = useRef(clearsAtLoad);
  const dispatch = useCallback((action: GuideAction, { store } = { store: true }) => {
    const next = applyGuideActionFor({ state: current.current, action, savedGuideOf: (exchangeId) => saved.current.get(exchangeId) });
    if (next === current.current) return;
    current.current = next;
    if (next.exchangeId !== null) saved.current.set(next.exchangeId, next);
    setState(next);
    if (store) void saveGuideState(next);
  }, []);
  useEffect(() => {
    const drop = () => {
      if (clears.count === dropped.current) return;
      dropped.current = clears.count;
      const fresh = freshGuideFor(exchangeId ?? null);
      current.current = fresh;
      saved.current = new Map();
      setState(fresh);
      setDrops((count) => count + 1);
    };
    const stop = clears.watch(drop);
    // A delete between the page's first read and now.
    drop();
    return stop;
  }, [clears, exchangeId]);
  const askedNow = useCallback(() => {
    const asked = clears.count;
    return () => clears.count === asked;
  }, [clears]);
  return { state, current, dispatch, drops, askedNow };
}
