import { verifyFeed } from '../feed/verify-feed';
import { checkSubscription, createSubscription, parseStoredSubscriptions } from '../community/subscription';
import { readAddressBalances } from '../holdings/read-address-balances';
import { chainReadingFrom } from '../holdings/address-readings';
import type { ChainWork, ChainWorkRequest } from './chain-work';

/** The viem work done where it is asked: Firefox's background page, the offscreen document's worker, Node. */
export const inProcessChainWork: ChainWork = {
  verifyFeed: ({ body, signers, now, held }) => verifyFeed({ body, signers, now: new Date(now), held }),
  createSubscription: async (work) => createSubscription(work),
  checkSubscription: ({ state, fetched, now }) => checkSubscription({ state, fetched, now: new Date(now) }),
  parseStoredSubscriptions: (value) => parseStoredSubscriptions(value),
  readChain: async ({ rpcUrl, chainId, addresses, timeoutMs }) => chainReadingFrom(await readAddressBalances({ rpcUrl, chainId, addresses, timeoutMs })),
};

/** Runs one parsed request (the offscreen document's worker). */
export function runChainWork(request: ChainWorkRequest): Promise<unknown> {
  const run = inProcessChainWork[request.op] as (work: ChainWorkRequest['work']) => Promise<unknown>;
  return run(request.work);
}
