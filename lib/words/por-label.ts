import type { PorAttestation, PorMethod } from '../reserves/schema';
import type { MessageKey, Translate } from './translate-from';

const methodKeys: Record<PorMethod, MessageKey> = {
  'zk-proof': 'porMethod_zk_proof',
  'merkle-liabilities': 'porMethod_merkle_liabilities',
  'auditor-attestation': 'porMethod_auditor_attestation',
  'wallet-list': 'porMethod_wallet_list',
  none: 'porMethod_none',
};

/** "Merkle tree with liabilities, snapshot 2025-10-01", or "Proof of reserves: unknown". */
export function porLabel(por: PorAttestation | undefined, t: Translate): string {
  if (por === undefined) return t('porUnknown');
  const method = t(methodKeys[por.method]);
  return por.snapshotDate === undefined ? method : `${method}, ${t('porSnapshot', por.snapshotDate)}`;
}
