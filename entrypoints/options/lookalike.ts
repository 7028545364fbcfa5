import { useEffect, useState } from 'preact/hooks';
import { allowedLookalikes } from '@/utils/allowed-lookalikes';

/** The hosts the user chose to open despite the warning, followed live (a warning page adds one). */
export function useAllowedLookalikes(): string[] | undefined {
  const [hosts, setHosts] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    const stop = allowedLookalikes.watch(setHosts);
    void allowedLookalikes.getValue().then(setHosts, () => setHosts([]));
    return stop;
  }, []);
  return hosts;
}
