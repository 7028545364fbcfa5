import { verifyInclusionProof } from '@/lib/proofs/verify-inclusion-proof';
import type { InclusionProofResult } from '@/lib/proofs/types';
import type { ProofInput } from '@/components/verify/ProofVerifier';

/**
 * Runs `verifyInclusionProof` in a worker, one worker per check, ended with its answer. Where a
 * worker cannot start, the check runs here instead: slower to the eye, the same result.
 */
export function verifyOffThread(input: ProofInput): Promise<InclusionProofResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./proof-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return verifyInclusionProof(input);
  }
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<InclusionProofResult>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      resolve(verifyInclusionProof(input));
    });
    worker.postMessage(input);
  });
}
