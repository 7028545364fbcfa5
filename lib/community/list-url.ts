/**
 * A warning list's URL as it is kept and compared: without its fragment. The browser never sends
 * one, so `…/list.json#a` is the list at `…/list.json`: one subscription, one floor. The add path
 * keeps a new list's URL so, and stored subscriptions and floors are read back so (a version
 * before kept the fragment). A URL that does not parse is answered as given: whatever reads it
 * next says why, as for any such stored value.
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
