/**
 * Query parameters that identify who shared a link or which campaign it came from, and do
 * nothing for the page. Matched case-insensitively; `utm_` is matched as a prefix.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'si',
  'spm',
  'scid',
  's_cid',
  'trk',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  'wickedid',
  'epik',
  'ncid',
  'sr_share',
  'cmpid',
  'at_medium',
  'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The URL without tracking parameters or credentials; `undefined` when it is not an http(s) URL. */

/**
 * Strips tracking parameters (utm_*, fbclid, gclid, ref…) and any user:password part from a
 * link before it is shared. Other parameters keep their order; a link with nothing to strip
 * comes back exactly as given. Never throws.
 */
export function cleanUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  let changed = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  // Rebuilt by hand rather than through URLSearchParams, which would re-encode the parameters it keeps.
  if (parsed.search.length > 1) {
    const kept = parsed.search
      .slice(1)
      .split('&')
      .filter((pair) => {
        if (pair === '') return false;
        const rawName = pair.split('=')[0]!;
        let name = rawName;
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        } catch {
          // A malformed escape is not a tracking parameter we know; keep it as written.
        }
        return !isTrackingParameter(name);
      });
    const search = kept.length === 0 ? '' : `?${kept.join('&')}`;
    if (search !== parsed.search) {
      changed = true;
      parsed.search = search;
    }
  }
  // Unchanged links are returned as given, so a shared link matches the one in the registry.
  return changed ? parsed.href : url.trim();
}
