import { useCallback, useRef, useState } from 'preact/hooks';
import { applyGuideActionFor } from '@/lib/custody/guides';
import type { GuideAction, GuideState } from '@/lib/custody/steps';
import { saveGuideState } from '@/utils/guide-state';

export interface GuideMemory {
  state: GuideState;
  /** The guide as of the last step, for callbacks that run between renders. */
  current: { readonly current: GuideState };
  /** Applies a step to the guide and saves it (utils/guide-state.ts). */
  dispatch: (action: GuideAction) => void;
}

export interface UseGuideMemoryParameters {
  initialState: GuideState;
  /** Each exchange's saved guide, for switching exchange on the route step. */
  initialSaved: Map<string, GuideState>;
}

/** What the guide page holds of the guide: the guide worked on, and each exchange's saved guide. */
export function useGuideMemory({ initialState, initialSaved }: UseGuideMemoryParameters): GuideMemory {
  const [state, setState] = useState(initialState);
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
  return { state, current, dispatch };
}
