/**
 * Turning what a user, a tab or a list hands us into one canonical hostname: lowercase, no
 * trailing dot, no port, full-width and ideographic dots folded. Returns a value, never throws,
 * because it runs on every tab update.
 */

export type HostnameKind = 'domain' | 'ip' | 'local';

export type ParseHostnameReturnType = { ok: true; host: string; kind: HostnameKind } | { ok: false; reason: string };

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const ipv4Numeric = /^(0x[0-9a-f]+|\d+)$/;
const asciiLabel = /^[a-z0-9_-]+$/;
const unicodeLabel = /^[\p{L}\p{M}\p{N}_-]+$/u;

function quoted(input: string): string {
  return `“${input.length > 80 ? `${input.slice(0, 77)}…` : input}”`;
}

/**
 * The common case in one pass over char codes: lowercase-able ASCII letters, digits, hyphens,
 * underscores and dots, labels of 1-63 characters, an optional trailing dot. Anything else
 * (ports, IPs, Unicode, errors) goes to the careful path below. Runs on every tab update.
 */
function parsePlainHostname(input: string): ParseHostnameReturnType | undefined {
  const length = input.length;
  if (length === 0 || length > 254) return undefined;
  let upper = false;
  let labelStart = 0;
  let labels = 1;
  let letters = false;
  for (let i = 0; i < length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x2e) {
      const labelLength = i - labelStart;
      if (labelLength === 0 || labelLength > 63) return undefined;
      if (i === length - 1) break;
      labels++;
      labelStart = i + 1;
    } else if (code >= 0x61 && code <= 0x7a) {
      letters = true;
    } else if (code >= 0x41 && code <= 0x5a) {
      letters = true;
      upper = true;
    } else if (!((code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f)) {
      return undefined;
    }
  }
  const trailingDot = input.charCodeAt(length - 1) === 0x2e;
  const lastLength = length - labelStart - (trailingDot ? 1 : 0);
  if (!trailingDot && (lastLength === 0 || lastLength > 63)) return undefined;
  // All digits: an IPv4 address or a numeric host; the careful path knows those.
  if (!letters) return undefined;
  let host = trailingDot ? input.slice(0, -1) : input;
  if (host.length > 253) return undefined;
  if (upper) host = host.toLowerCase();
  return { ok: true, host, kind: labels === 1 ? 'local' : 'domain' };
}

/** RFC 4291 text form: eight hex groups, one `::` for a run of zeros, an IPv4 tail allowed. */
function isIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (const half of halves) {
    if (half === '') continue;
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && half === halves[halves.length - 1] && part.includes('.')) {
        if (!ipv4.test(part) || part.split('.').some((octet) => Number(octet) > 255)) return false;
        groups += 2;
      } else if (/^[0-9a-f]{1,4}$/.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

export function parseHostname(input: string): ParseHostnameReturnType {
  if (typeof input !== 'string') return { ok: false, reason: 'a hostname must be text' };
  const plain = parsePlainHostname(input);
  if (plain) return plain;
  let host = input.trim();
  if (host === '') return { ok: false, reason: 'the hostname is empty' };
  if (/\s/.test(host)) return { ok: false, reason: `${quoted(host)} is not a hostname: it contains a space` };
  if (/[/?#@\\]/.test(host)) {
    return { ok: false, reason: `${quoted(host)} is not a hostname: it has URL parts (/ ? # @), so read it as a URL` };
  }
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) return { ok: false, reason: `${quoted(host)} opens an IPv6 address with “[” but never closes it` };
    const rest = host.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return { ok: false, reason: `${quoted(host)} has text after its IPv6 address` };
    const address = host.slice(1, end).toLowerCase();
    if (!isIpv6(address)) return { ok: false, reason: `${quoted(host)} is not a valid IPv6 address` };
    return { ok: true, host: `[${address}]`, kind: 'ip' };
  }
  const colons = host.split(':').length - 1;
  if (colons > 1) {
    if (isIpv6(host.toLowerCase())) return { ok: true, host: `[${host.toLowerCase()}]`, kind: 'ip' };
    return { ok: false, reason: `${quoted(host)} is neither a hostname (with an optional :port) nor an IPv6 address` };
  }
  if (colons === 1) {
    const [name, port] = host.split(':') as [string, string];
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return { ok: false, reason: `${quoted(host)} has an invalid port “${port}”` };
    host = name;
  }
  // Non-ASCII input may be full-width or use ideographic full stops; browsers fold these the same way.
  if (/[^\x00-\x7f]/.test(host)) host = host.normalize('NFKC').replace(/[\u3002\uff0e\uff61]/g, '.');
  host = host.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return { ok: false, reason: `${quoted(input.trim())} has no name before its dot` };
  if (host.length > 253) return { ok: false, reason: `the hostname is ${host.length} characters long; the limit is 253` };
  const labels = host.split('.');
  for (const label of labels) {
    if (label === '') return { ok: false, reason: `${quoted(host)} has an empty label (two dots in a row, or a leading dot)` };
    if (label.length > 63) return { ok: false, reason: `${quoted(host)} has a label longer than 63 characters` };
    if (!asciiLabel.test(label) && !unicodeLabel.test(label)) {
      const bad = [...label].find((char) => !/[\p{L}\p{M}\p{N}_-]/u.test(char)) ?? label;
      return { ok: false, reason: `${quoted(host)} contains “${bad}”, which cannot appear in a hostname` };
    }
  }
  if (ipv4.test(host)) {
    if (labels.some((label) => Number(label) > 255)) return { ok: false, reason: `${quoted(host)} looks like an IPv4 address but has a part over 255` };
    return { ok: true, host, kind: 'ip' };
  }
  // `http://2130706433/` and `http://0x7f000001/` are IPv4 addresses to a browser.
  if (labels.length === 1 && ipv4Numeric.test(host)) return { ok: true, host, kind: 'ip' };
  if (labels.length === 1) return { ok: true, host, kind: 'local' };
  return { ok: true, host, kind: 'domain' };
}

export type HostnameFromUrlReturnType = { ok: true; host: string } | { ok: false; reason: string };

/**
 * The hostname of a URL as the browser's own parser sees it (so IDNs arrive as `xn--`).
 * Accepts a scheme-less `binance.com/en` too, since people paste those.
 */
export function hostnameFromUrl(url: string): HostnameFromUrlReturnType {
  if (typeof url !== 'string') return { ok: false, reason: 'a URL must be text' };
  const text = url.trim();
  if (text === '') return { ok: false, reason: 'the URL is empty' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text);
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, reason: `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}” is not a valid URL` };
  }
  if (parsed.hostname === '') return { ok: false, reason: `“${text}” has no hostname (a ${parsed.protocol} URL)` };
  return { ok: true, host: parsed.hostname };
}
