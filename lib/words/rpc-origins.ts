import { rpcOrigin } from '../chain/rpc-url';
import { formatList } from './format';
import { pluralText } from './plural';
import type { Translate } from './translate-from';

/** As many computers as a sentence names before it says how many more: a file may hold an endpoint for every field. */
const NAMED = 3;

/**
 * The computers RPC addresses go to, for a sentence: each origin once (`rpcOrigin`: no path, user name or password),
 * at most three, then how many more, joined as the reader's language lists things ("a, b, c and 4 more").
 */
export function rpcOriginsText(urls: readonly string[], t: Translate, locale: string): string {
  const origins = [...new Set(urls.map(rpcOrigin).filter((origin): origin is string => origin !== undefined))];
  const named = origins.slice(0, NAMED);
  const more = origins.length - named.length;
  const rest = more === 0 ? [] : [pluralText(more, { one: 'rpcOriginsMoreOne', other: 'rpcOriginsMore' }, t, locale, String(more))];
  return formatList([...named, ...rest], locale);
}
