import type { PorAttestation, PorMethod } from '../reserves/schema';
import { formatDate } from './format';
import type { MessageKey, Translate } from './translate-from';

const methodKeys: Record<PorMethod, MessageKey> = {
  'zk-proof': 'porMethod_zk_proof',
  'merkle-liabilities': 'porMethod_merkle_liabilities',
  'auditor-attestation': 'porMethod_auditor_attestation',
  'wallet-list': 'porMethod_wallet_list',
  none: 'porMethod_none',
};

/**
 * "Merkle tree with liabilities, snapshot Oct 1, 2025", "No proof of reserves published" or "Proof
 * of reserves: unknown": the date as the reader writes dates, and the joining in the message, as
 * each language joins them. A "none" record has no snapshot: its date is the period we looked at.
 */
export function porLabel(por: PorAttestation | undefined, t: Translate, locale: string): string {
  if (por === undefined) return t('porUnknown');
  if (por.method === 'none') return t('porNonePublished');
  const method = t(methodKeys[por.method]);
  return por.snapshotDate === undefined ? method : t('porSnapshot', [method, formatDate(por.snapshotDate, locale)]);
}
