import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { applyGuideActionFor, freshGuideFor } from '@/lib/custody/guides';
import type { GuideAction, GuideState } from '@/lib/custody/steps';
import { saveGuideState, watchGuideCleared } from '@/utils/guide-state';

export interface GuideMemory {
  state: GuideState;
  /** The guide as of the last step, for callbacks that run between renders. */
  current: { readonly current: GuideState };
  /** Applies a step to the guide and saves it (utils/guide-state.ts). */
  dispatch: (action: GuideAction) => void;
  /** How many times "Delete everything" made the page drop what it held; the page drops the rest of its memory with it. */
  drops: number;
}

export interface UseGuideMemoryParameters {
  initialState: GuideState;
  /** Each exchange's saved guide, for switching exchange on the route step. */
  initialSaved: Map<string, GuideState>;
  /** The exchange the page was opened for (its address), if any: after a delete, its fresh guide, as when the page is opened again. */
  exchangeId: string | undefined;
}

/**
 * What the guide page holds of the guide: the guide worked on, and each exchange's saved guide. After "Delete everything"
 * (in any tab) it holds a fresh guide and no saved one, dropped in the step that hears of it: the next step saves nothing deleted.
 */
export function useGuideMemory({ initialState, initialSaved, exchangeId }: UseGuideMemoryParameters): GuideMemory {
  const [state, setState] = useState(initialState);
  const [drops, setDrops] = useState(0);
  const current = useRef(state);
  const saved = useRef(initialSaved);
  const dispatch = useCallback((action: GuideAction) => {
    const next = applyGuideActionFor({ state: current.current, action, savedGuideOf: (exchangeId) => saved.current.get(exchangeId) });
    if (next === current.current) return;
    current.current = next;
    if (next.exchangeId !== null) saved.current.set(next.exchangeId, next);
    setState(next);
    void saveGuideState(next);
  }, []);
  useEffect(
    () =>
      watchGuideCleared(() => {
        const fresh = freshGuideFor(exchangeId ?? null);
        current.current = fresh;
        saved.current = new Map();
        setState(fresh);
        setDrops((count) => count + 1);
      }),
    [exchangeId],
  );
  return { state, current, dispatch, drops };
}
