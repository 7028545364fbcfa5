import type { PorAttestation, PorMethod } from '../reserves/schema';
import { noneLookedDay } from '../risk/dates';
import { formatDate } from './format';
import type { MessageKey, Translate } from './translate-from';

type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;
/** A method's message: `porMethod_` and the method with `_` for `-` (`porMethod_zk_proof`). */
const methodKey = (method: PorMethod): MessageKey => `porMethod_${method.replaceAll('-', '_') as Underscored<PorMethod>}`;

/**
 * "Merkle tree with liabilities, snapshot Oct 1, 2025", "No proof of reserves published as of Feb 12, 2026" or "Proof
 * of reserves: unknown": the date as the reader writes dates, and the joining in the message, as
 * each language joins them. A "none" record has no snapshot: "none published" is said as of the day
 * we looked (`checkedAt`), never as of a source's date; without that day, the undated method.
 */
export function porLabel(por: PorAttestation | undefined, t: Translate, locale: string, now: Date): string {
  if (por === undefined) return t('porUnknown');
  const method = t(methodKey(por.method));
  // A day we looked is after the record's date; else the date is a source's, and "none" goes undated.
  if (por.method === 'none') {
    const day = noneLookedDay(por, now);
    return day === undefined ? method : t('porNoneAsOf', formatDate(day, locale));
  }
  return por.snapshotDate === undefined ? method : t('porSnapshot', [method, formatDate(por.snapshotDate, locale)]);
}
