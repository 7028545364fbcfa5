/**
 * A warning list's URL as it is kept and compared: without its fragment. The browser never sends
 * one, so `…/list.json#a` is the list at `…/list.json`: one subscription, one floor. The add path
 * keeps a new list's URL so, and stored subscriptions and floors are read back so (a version
 * before kept the fragment). A URL that does not parse is answered as given, so this never throws;
 * stored ones are dropped as they are read (`isListUrl`).
 */
export function listUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return String(url);
  }
  parsed.hash = '';
  return parsed.href;
}

/**
 * Whether `text` is an https address that parses: what a stored or answered list URL must be to be
 * read back. A check, never a change: the offscreen checker's answer is matched to each stored entry
 * by its URL exactly as stored (lib/chain-work/remote.ts).
 */
export function isListUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
