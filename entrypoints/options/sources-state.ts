import { useCallback, useState } from 'preact/hooks';
import type { SourceRow } from '@/components/Options';

export interface SourcesStateReturnType {
  /** Undefined while loading, and after a read failed. */
  sources: SourceRow[] | undefined;
  setSources: (rows: SourceRow[] | undefined) => void;
  /** The last read failed: the page says so rather than show rows from before as current. */
  sourcesFailed: boolean;
  /** Reads the sources' state again; never rejects. */
  readSources: () => Promise<void>;
}

/** The options page's sources, read from the background with `read`. */
export function useSourcesState(read: () => Promise<SourceRow[]>): SourcesStateReturnType {
  const [sources, setSources] = useState<SourceRow[] | undefined>(undefined);
  const [sourcesFailed, setSourcesFailed] = useState(false);
  const readSources = useCallback(
    () =>
      read().then(
        (rows) => {
          setSources(rows);
          setSourcesFailed(false);
        },
        (error: unknown) => {
          console.error('[reserve-radar] the state of the sources could not be read', error);
          setSources(undefined);
          setSourcesFailed(true);
        },
      ),
    [read],
  );
  return { sources, setSources, sourcesFailed, readSources };
}
