import { verifyInclusionProof } from '@/lib/proofs/verify-inclusion-proof';
import type { ProofInput } from '@/components/verify/ProofVerifier';

/**
 * The inclusion-proof check in a worker of the verify page: parsing and hashing a proof of up
 * to 2 MB takes a few hundred milliseconds, which on the page's own thread froze it. Each
 * message is one proof; the answer is the plain result object.
 */
self.addEventListener('message', (event: MessageEvent<ProofInput>) => {
  void verifyInclusionProof(event.data).then((result) => self.postMessage(result));
});
