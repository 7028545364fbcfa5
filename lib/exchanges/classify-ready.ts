import { domainIndex } from './classify';
import { parseHostname } from './hostname';
import { exactMatch } from './lookalike/domains';
import { publicSuffixReady } from './public-suffix';

/**
 * What `classify(hostname)` must wait for: nothing (undefined) for an exchange's own host or a
 * name that is no site, which it answers without the public-suffix list; else the list
 * (`publicSuffixReady`, which rejects when it cannot be read: then no verdict, never a wrong one).
 */
export function classifyReady(hostname: string): Promise<void> | undefined {
  const parsed = parseHostname(hostname);
  if (!parsed.ok || parsed.kind !== 'domain') return undefined;
  return exactMatch(parsed.host, domainIndex()) ? undefined : publicSuffixReady();
}
