/**
 * fakeBrowser leaves `permissions` unimplemented (every call throws). The background listens to
 * `permissions.onRemoved`, so its unit tests need a working stand-in that behaves as the browser:
 * - `request` grants (the browser's "Allow"); a test that needs a refusal makes its own callback reject;
 * - `remove` rejects a set that holds a permission or host the manifest requires, as Chrome does
 *   ("You cannot remove required permissions"), and removes nothing then;
 * - `onAdded` / `onRemoved` fire only for what actually changed, and `request` / `remove` resolve
 *   without waiting for the listeners, which run in other contexts in a real browser;
 * - `grantInBrowser` / `removeInBrowser` play the user in the browser's own settings and, for the
 *   tests' sake, wait for the listeners.
 * `fakeBrowser.reset()` empties it.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';

type Permissions = Browser.permissions.Permissions;
type Listener = (permissions: Permissions) => void;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    /** Fires the event (after the change), and resolves once the listeners' returned promises have. */
    trigger: async (permissions: Permissions) => {
      await Promise.all([...listeners].map((listener) => listener(permissions)));
    },
    clear: () => listeners.clear(),
  };
}

const held = { origins: new Set<string>(), permissions: new Set<string>() };
const onAdded = fakeEvent();
const onRemoved = fakeEvent();
const contains = (asked: Permissions) => (asked.origins ?? []).every((origin) => held.origins.has(origin)) && (asked.permissions ?? []).every((name) => held.permissions.has(name));

/** Changes what is held; answers the part that really changed, or undefined when nothing did. */
function change(asked: Permissions, add: boolean): Permissions | undefined {
  const origins = (asked.origins ?? []).filter((origin) => held.origins.has(origin) !== add);
  const permissions = (asked.permissions ?? []).filter((name) => held.permissions.has(name) !== add);
  for (const origin of origins) add ? held.origins.add(origin) : held.origins.delete(origin);
  for (const name of permissions) add ? held.permissions.add(name) : held.permissions.delete(name);
  return origins.length + permissions.length === 0 ? undefined : { origins, permissions };
}

function manifest(): Browser.runtime.Manifest | undefined {
  try {
    return fakeBrowser.runtime.getManifest();
  } catch {
    return undefined; // fakeBrowser's getManifest throws unless a test gives one: then nothing is required.
  }
}

function asksForRequired(asked: Permissions): boolean {
  const required = manifest();
  const permissions = (required?.permissions ?? []) as string[];
  const hosts = (required?.host_permissions ?? []) as string[];
  return (asked.permissions ?? []).some((name) => permissions.includes(name)) || (asked.origins ?? []).some((origin) => hosts.includes(origin) || permissions.includes(origin));
}

export const fakePermissions = {
  /** What the user grants in the browser's own settings (not through our pages). */
  grantInBrowser: async (permissions: Permissions) => {
    const changed = change(permissions, true);
    if (changed !== undefined) await onAdded.trigger(changed);
  },
  /** What the user takes away in the browser's own settings. */
  removeInBrowser: async (permissions: Permissions) => {
    const changed = change(permissions, false);
    if (changed !== undefined) await onRemoved.trigger(changed);
  },
};

Object.assign(fakeBrowser.permissions, {
  contains: async (asked: Permissions) => contains(asked),
  getAll: async () => ({ origins: [...held.origins], permissions: [...held.permissions] }),
  request: async (asked: Permissions) => {
    const changed = change(asked, true);
    if (changed !== undefined) void onAdded.trigger(changed);
    return true;
  },
  remove: async (asked: Permissions) => {
    if (asksForRequired(asked)) throw new Error('You cannot remove required permissions.');
    const changed = change(asked, false);
    if (changed !== undefined) void onRemoved.trigger(changed);
    return changed !== undefined;
  },
  onAdded,
  onRemoved,
  resetState() {
    held.origins.clear();
    held.permissions.clear();
    onAdded.clear();
    onRemoved.clear();
  },
});
