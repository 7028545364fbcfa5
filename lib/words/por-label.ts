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
 * we looked (`checked.day`, from `porChecked`, made with the view), never as of a source's date, and when that day is
 * too old to stand for today (`checked.late`), "found when we last checked" on it; without that day, the undated method. The day comes in made, so the exchange page's script carries no date rules.
 */
export function porLabel(por: PorAttestation | undefined, t: Translate, locale: string, checked: { day?: string | undefined; late?: boolean } | undefined): string {
  if (por === undefined) return t('porUnknown');
  const method = t(methodKey(por.method));
  // For "none", `porChecked` gives only a day we looked (after the record's date, not after today): else undated.
  const day = checked?.day;
  if (por.method === 'none') return day === undefined ? method : t(checked?.late ? 'porNoneLate' : 'porNoneAsOf', formatDate(day, locale));
  return por.snapshotDate === undefined ? method : t('porSnapshot', [method, formatDate(por.snapshotDate, locale)]);
}
