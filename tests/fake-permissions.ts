/**
 * fakeBrowser leaves `permissions` unimplemented (every call throws). The background listens to
 * `permissions.onRemoved`, so its unit tests need a working stand-in: the optional permissions the
 * user holds, `request` answering as `answer` says (granted by default, as the browser's "Allow"),
 * and the two events, fired as the browser fires them. `fakeBrowser.reset()` empties it.
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
    /** Fires the event as the browser does (after the change), and waits for what the listeners return. */
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

export const fakePermissions = {
  /** What `request` answers next; `'throw'` rejects as Chrome does outside a user's click. */
  answer: 'grant' as 'grant' | 'decline' | 'throw',
  /** What the user grants in the browser's own settings (not through our pages). */
  grantInBrowser: async (permissions: Permissions) => {
    for (const origin of permissions.origins ?? []) held.origins.add(origin);
    for (const name of permissions.permissions ?? []) held.permissions.add(name);
    await onAdded.trigger(permissions);
  },
  /** What the user takes away in the browser's own settings. */
  removeInBrowser: async (permissions: Permissions) => {
    for (const origin of permissions.origins ?? []) held.origins.delete(origin);
    for (const name of permissions.permissions ?? []) held.permissions.delete(name);
    await onRemoved.trigger(permissions);
  },
};

Object.assign(fakeBrowser.permissions, {
  contains: async (asked: Permissions) => contains(asked),
  getAll: async () => ({ origins: [...held.origins], permissions: [...held.permissions] }),
  request: async (asked: Permissions) => {
    if (fakePermissions.answer === 'throw') throw new Error('permissions.request may only be called from a user input handler');
    if (fakePermissions.answer === 'decline') return false;
    await fakePermissions.grantInBrowser(asked);
    return true;
  },
  remove: async (asked: Permissions) => {
    const had = contains(asked);
    await fakePermissions.removeInBrowser(asked);
    return had;
  },
  onAdded,
  onRemoved,
  resetState() {
    held.origins.clear();
    held.permissions.clear();
    onAdded.clear();
    onRemoved.clear();
    fakePermissions.answer = 'grant';
  },
});
