import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import type { SourceRow } from '@/components/Options';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { type SourcesStateReturnType, useSourcesState } from './sources-state';

effectsOnNextTask();

describe('useSourcesState', () => {
  test('a read that fails after a good one (as after "Delete everything") says so, and shows no rows from before', async () => {
    const { root } = page();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const rows = [{ id: 'x' }] as unknown as SourceRow[];
    const read = vi.fn<() => Promise<SourceRow[]>>().mockResolvedValueOnce(rows).mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    let state: SourcesStateReturnType | undefined;
    function Probe() {
      state = useSourcesState(read);
      const { readSources } = state;
      useEffect(() => void readSources(), [readSources]);
      return null;
    }
    render(<Probe />, root);
    await settle();
    expect(state?.sources).toBe(rows);
    expect(state?.sourcesFailed).toBe(false);
    await state?.readSources();
    await settle();
    expect(state?.sources).toBeUndefined();
    expect(state?.sourcesFailed).toBe(true);
    render(null, root);
  });
});
