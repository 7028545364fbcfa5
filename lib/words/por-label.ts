import type { PorAttestation, PorMethod } from '../reserves/schema';
import { formatDate } from './format';
import type { MessageKey, Translate } from './translate-from';

type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;
/** A method's message: `porMethod_` and the method with `_` for `-` (`porMethod_zk_proof`). */
const methodKey = (method: PorMethod): MessageKey => `porMethod_${method.replaceAll('-', '_') as Underscored<PorMethod>}`;

/**
 * "Merkle tree with liabilities, snapshot Oct 1, 2025", "No proof of reserves published as of Feb 12, 2026" or "Proof
 * of reserves: unknown": the date as the reader writes dates, and the joining in the message, as
 * each language joins them. A "none" record has no snapshot: "none published" is said as of the day
 * we looked (`checkedAt`, as the card's dates say it; else the record's date, the period we looked
 * at), never as a present fact about the exchange.
 */
export function porLabel(por: PorAttestation | undefined, t: Translate, locale: string): string {
  if (por === undefined) return t('porUnknown');
  if (por.method === 'none') return t('porNoneAsOf', formatDate(por.checkedAt ?? por.asOf, locale));
  const method = t(methodKey(por.method));
  return por.snapshotDate === undefined ? method : t('porSnapshot', [method, formatDate(por.snapshotDate, locale)]);
}
