/**
 * fakeBrowser leaves `permissions` unimplemented (every call throws). The background listens to
 * `permissions.onRemoved`, so its unit tests need a working stand-in that behaves as the browsers do (each rule
 * says which one it follows where they differ):
 * - origins are match patterns, and a held pattern covers every pattern whose URLs it matches
 *   (all sites, or `<all_urls>`, covers any one site's pattern); the path is ignored, as for host permissions;
 *   a string that is no match pattern is refused, as the browser refuses it; `*` is Chrome's http and https;
 * - `contains` answers true when every named permission is held and every origin covered by a held one (both:
 *   Chrome's `PermissionSet::Contains`, Firefox's `allowedOrigins.subsumes`);
 * - `request` answers true at once, changing nothing, when all is held already; else it grants (the
 *   browser's "Allow"); a test that needs a refusal makes its own callback reject;
 * - `remove` rejects a set that holds a permission or host the manifest requires, or a host that a required
 *   pattern or a content script's match covers, as Chrome does ("You cannot remove required permissions"), and
 *   removes nothing then; else it takes away the held
 *   patterns it covers, as Chrome does (the intersection with what is held; Firefox drops only a held string equal
 *   to one asked), so a narrower one leaves a broader grant in place. It answers true, as both browsers do
 *   whenever they do not refuse, even when what was asked is still granted: MDN's "true if the permissions are now
 *   not granted" is not what either returns (Chrome's `PermissionsRemoveFunction`, Firefox's parent `remove()`);
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

/** A match pattern as the browser reads it: the schemes, the host (`*`, `*.domain` or one host) and the port it matches. */
interface Pattern {
  schemes: readonly string[];
  host: string;
  port: string;
}

// `*` is http and https only (Chrome; Firefox adds ws and wss); `<all_urls>` is every scheme a pattern may name.
const WILDCARD_SCHEMES = ['http', 'https'];
const ALL_SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp', 'file'];

function parsePattern(origin: string): Pattern {
  if (origin === '<all_urls>') return { schemes: ALL_SCHEMES, host: '*', port: '*' };
  const parts = /^(\*|[a-z]+):\/\/([^/]*)\/.*$/.exec(origin);
  const [, scheme = '', authority = ''] = parts ?? [];
  const [host = '', port = '*'] = authority.toLowerCase().split(':');
  const hostOk = scheme === 'file' ? host === '' : host === '*' || /^(\*\.)?[^*]+$/.test(host);
  if (parts === null || (scheme !== '*' && !ALL_SCHEMES.includes(scheme)) || !hostOk || !/^(\*|\d+)$/.test(port)) throw new Error(`Invalid url pattern '${origin}'`);
  return { schemes: scheme === '*' ? WILDCARD_SCHEMES : [scheme], host, port };
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (!outer.startsWith('*.')) return outer === inner;
  if (inner === '*') return false;
  const domain = outer.slice(2);
  const name = inner.startsWith('*.') ? inner.slice(2) : inner;
  return name === domain || name.endsWith(`.${domain}`);
}

/** Whether every URL `inner` matches, `outer` matches too. */
function covers(outer: string, inner: string): boolean {
  const [o, i] = [parsePattern(outer), parsePattern(inner)];
  return i.schemes.every((scheme) => o.schemes.includes(scheme)) && hostCovers(o.host, i.host) && (o.port === '*' || o.port === i.port);
}

const held = { origins: new Set<string>(), permissions: new Set<string>() };
const onAdded = fakeEvent();
const onRemoved = fakeEvent();
const covered = (origin: string) => [...held.origins].some((grant) => covers(grant, origin));
function contains(asked: Permissions): boolean {
  // Every origin is read first: one that is no pattern is refused even when nothing is held.
  for (const origin of asked.origins ?? []) parsePattern(origin);
  return (asked.origins ?? []).every(covered) && (asked.permissions ?? []).every((name) => held.permissions.has(name));
}

/**
 * Changes what is held; answers the part that really changed, or undefined when nothing did. Adding skips what is
 * covered already; removing takes away every held pattern an asked one covers.
 */
function change(asked: Permissions, add: boolean): Permissions | undefined {
  const askedOrigins = asked.origins ?? [];
  for (const origin of askedOrigins) parsePattern(origin);
  const origins = add ? askedOrigins.filter((origin) => !covered(origin)) : [...held.origins].filter((grant) => askedOrigins.some((origin) => covers(origin, grant)));
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
  // Chrome also grants the content scripts' matches from install, and refuses a removal of any host they cover.
  const patterns = [...hosts, ...permissions, ...(required?.content_scripts ?? []).flatMap((script) => script.matches ?? [])].filter((name) => name.includes('://') || name === '<all_urls>');
  return (
    (asked.permissions ?? []).some((name) => permissions.includes(name)) ||
    (asked.origins ?? []).some((origin) => hosts.includes(origin) || permissions.includes(origin) || patterns.some((pattern) => covers(pattern, origin)))
  );
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
    if (contains(asked)) return true;
    const changed = change(asked, true);
    if (changed !== undefined) void onAdded.trigger(changed);
    return true;
  },
  remove: async (asked: Permissions) => {
    if (asksForRequired(asked)) throw new Error('You cannot remove required permissions.');
    const changed = change(asked, false);
    if (changed !== undefined) void onRemoved.trigger(changed);
    return true;
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
