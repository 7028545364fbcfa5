import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BROAD_ACCESS } from './permissions';

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
