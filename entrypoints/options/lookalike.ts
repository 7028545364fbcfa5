import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { allowedLookalikes } from '@/utils/allowed-lookalikes';
import { BROAD_ACCESS } from '@/utils/permissions';

/**
 * Whether the browser gives us the access to all sites, followed live: the user can take it away
 * (or give it) in the browser's own settings while this page is open.
 */
export function useBroadAccess(initial: boolean): boolean {
  const [granted, setGranted] = useState(initial);
  useEffect(() => {
    const reread = () => void browser.permissions.contains(BROAD_ACCESS).then(setGranted, () => setGranted(false));
    browser.permissions.onAdded.addListener(reread);
    browser.permissions.onRemoved.addListener(reread);
    // A change between the first read and these listeners is not missed.
    reread();
    return () => {
      browser.permissions.onAdded.removeListener(reread);
      browser.permissions.onRemoved.removeListener(reread);
    };
  }, []);
  return granted;
}

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
