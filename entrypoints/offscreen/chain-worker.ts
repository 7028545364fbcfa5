import { runChainWork } from '@/lib/chain-work/in-process';
import type { ChainWorkRequest } from '@/lib/chain-work/chain-work';

/** One answer per request, by its number; a request that throws is answered with nothing (the background fails closed). */
export interface ChainWorkReply {
  id: number;
  answer: unknown;
}

self.addEventListener('message', (event: MessageEvent<{ id: number; request: ChainWorkRequest }>) => {
  const { id, request } = event.data;
  void Promise.resolve()
    .then(() => runChainWork(request))
    .then(
      (answer) => self.postMessage({ id, answer } satisfies ChainWorkReply),
      () => self.postMessage({ id, answer: undefined } satisfies ChainWorkReply),
    );
});
