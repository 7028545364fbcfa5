import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { holdsBroadAccess } from './permissions';

type Asked = Parameters<typeof browser.permissions.contains>[0];

/**
 * Whether the browser gives us `asked` (a module constant), followed live: the user can take it away
 * (or give it) in the browser's own settings, and a reset gives it back, while this page is open.
 * The setter is for the page's own request, whose answer it knows before the browser's event comes.
 */
export function usePermission(asked: Asked, initial: boolean): [boolean, (granted: boolean) => void] {
  return useHeld(
    useCallback(() => browser.permissions.contains(asked), [asked]),
    initial,
  );
}

/** What `read` (stable) answers of the browser's permissions, read again at every change of them. */
function useHeld(read: () => Promise<boolean>, initial: boolean): [boolean, (granted: boolean) => void] {
  const [granted, setGranted] = useState(initial);
  useEffect(() => {
    const reread = () => void read().then(setGranted, () => setGranted(false));
    browser.permissions.onAdded.addListener(reread);
    browser.permissions.onRemoved.addListener(reread);
    // A change between the first read and these listeners is not missed.
    reread();
    return () => {
      browser.permissions.onAdded.removeListener(reread);
      browser.permissions.onRemoved.removeListener(reread);
    };
  }, [read]);
  return [granted, setGranted];
}

/** The access to tab addresses lookalike protection needs (`tabs`, or the access to all sites granted before), followed live. */
export function useBroadAccess(initial: boolean): boolean {
  return useHeld(holdsBroadAccess, initial)[0];
}
