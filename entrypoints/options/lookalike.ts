import { useEffect, useState } from 'preact/hooks';
import { allowedLookalikes } from '@/utils/allowed-lookalikes';

/** The hosts the user chose to open despite the warning, followed live (a warning page adds one). */
export function useAllowedLookalikes(): string[] | undefined {
  const [hosts, setHosts] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    // The first read may answer after a change the watch has already shown: then it is older, and dropped.
    let changed = false;
    const stop = allowedLookalikes.watch((hosts) => {
      changed = true;
      setHosts(hosts);
    });
    void allowedLookalikes.getValue().then(
      (hosts) => changed || setHosts(hosts),
      () => changed || setHosts([]),
    );
    return stop;
  }, []);
  return hosts;
}
