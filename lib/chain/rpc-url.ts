/**
 * What is wrong with an RPC address, if anything. The endpoint sees the addresses and ENS names the
 * user checks, so they travel encrypted (https://) unless the node runs on this computer, where
 * plain http:// never crosses a network.
 *
 * "This computer" is `localhost`, 127.0.0.0/8 and [::1], read from the parsed URL (so userinfo such
 * as `http://localhost@evil.example` and look-alike hosts such as `http://127.0.0.1.evil.example` are
 * the remote hosts they are). Subdomains of `localhost` are not counted: whether one reaches this
 * computer depends on the browser, the system's resolver and any proxy that may send the name on,
 * while `localhost` and loopback addresses are handled as this computer by both browsers.
 */
export type RpcUrlProblem = 'not-a-url' | 'scheme' | 'remote-http';

export function rpcUrlProblem(text: string): RpcUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return 'scheme';
  return isThisComputer(url.hostname) ? undefined : 'remote-http';
}

/** The URL parser has already lower-cased the host and written any IPv4 form as four decimal parts. */
function isThisComputer(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The computer an RPC address goes to (`http://host:port`), for the page to name it: the path, a user name and
 * password, and any control or direction character a stored address may carry are left out, so an address that came
 * in a file cannot put its own words in our sentence. Undefined for text that is no http(s) address.
 */
export function rpcOrigin(text: string): string | undefined {
  try {
    const { origin } = new URL(text);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
