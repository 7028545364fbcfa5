/**
 * Whether the match pattern `pattern` matches any address on `host` under `scheme` (`http` or `https`), whatever
 * its path and port. A browser refuses to remove an access that meets one the manifest requires (Chromium, for a
 * content script's match), or withholds the required one, so any meeting counts, not only a pattern equal to ours.
 * Schemes: `*` is http and https. Hosts: `*` is every host, `*.d` is `d` and its subdomains (on a label boundary),
 * anything else that one host. `<all_urls>` matches every host. A string that is no host pattern matches nothing.
 */
export function patternReachesHost(pattern: string, scheme: string, host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const [, patternScheme, authority] = /^([a-z*]+):\/\/([^/]*)\//.exec(pattern) ?? [];
  if (patternScheme === undefined || authority === undefined) return false;
  if (patternScheme !== scheme && !(patternScheme === '*' && (scheme === 'http' || scheme === 'https'))) return false;
  const patternHost = authority.toLowerCase().replace(/:(\d+|\*)$/, '');
  const name = host.toLowerCase();
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const domain = patternHost.slice(2);
    return name === domain || name.endsWith(`.${domain}`);
  }
  return patternHost === name;
}
