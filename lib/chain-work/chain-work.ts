import * as v from 'valibot';
import type { Address } from 'viem';
import type { HeldFeed, VerifyFeedReturnType } from '../feed/verify-feed';
import type { CreateSubscriptionParameters, CreateSubscriptionReturnType, WarningSubscription } from '../community/subscription';
import type { ChainReading } from '../holdings/address-readings';
import { FetchFailureSchema, type FetchFailure } from '../reserves/fetch-source';

/**
 * The background's work that needs viem: signature checks (the signed feed, the community
 * warning lists) and on-chain reads (watched addresses' balances). viem is over half of what a
 * service worker evaluates at each wake-up, so in Chrome this work runs in an offscreen document
 * (`entrypoints/offscreen/`) and the worker's bundle holds none of it; Firefox's background page
 * and Node run it in-process (`in-process.ts`). Inputs and answers are plain JSON: they cross a
 * message channel in Chrome.
 */
export interface ChainWork {
  verifyFeed(work: VerifyFeedWork): Promise<VerifyFeedReturnType>;
  createSubscription(work: CreateSubscriptionParameters): Promise<CreateSubscriptionReturnType>;
  checkSubscription(work: CheckSubscriptionWork): Promise<WarningSubscription>;
  /**
   * The stored subscriptions, each held list verified again. Rejects when the check itself could
   * not be run (Chrome: the offscreen document failed): the caller then shows no warning from
   * them and writes nothing back, so the stored lists stay for the next read.
   */
  parseStoredSubscriptions(value: unknown): Promise<WarningSubscription[]>;
  readChain(work: ReadChainWork): Promise<ChainReading>;
}

export interface VerifyFeedWork {
  body: string;
  signers: readonly Address[];
  /** ms since epoch. */
  now: number;
  held: HeldFeed | undefined;
}

export interface CheckSubscriptionWork {
  state: WarningSubscription;
  fetched: { ok: true; body: string } | { ok: false; failure: FetchFailure };
  /** ms since epoch. */
  now: number;
}

export interface ReadChainWork {
  rpcUrl: string;
  chainId: number;
  addresses: readonly string[];
  timeoutMs: number;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Moment = v.pipe(v.number(), v.integer(), v.minValue(0));
const Fetched = v.variant('ok', [v.object({ ok: v.literal(true), body: Text(4 * 1024 * 1024) }), v.object({ ok: v.literal(false), failure: FetchFailureSchema })]);

/**
 * The one request the offscreen document answers, by operation. Only the background sends it
 * (the document checks the sender); the background's own router never parses it, and the page
 * and extension-page requests (`lib/messages.ts`) never reach this work.
 */
export const ChainWorkRequestSchema = v.variant('op', [
  v.object({
    target: v.literal('chain-work'),
    op: v.literal('verifyFeed'),
    work: v.object({
      body: Text(4 * 1024 * 1024),
      signers: v.pipe(v.array(Text(64)), v.maxLength(20)),
      now: Moment,
      held: v.optional(v.object({ sequence: v.number(), hash: Text(66) })),
    }),
  }),
  v.object({ target: v.literal('chain-work'), op: v.literal('createSubscription'), work: v.object({ url: Text(4096), expectedSigner: Text(200) }) }),
  v.object({ target: v.literal('chain-work'), op: v.literal('checkSubscription'), work: v.object({ state: v.record(v.string(), v.unknown()), fetched: Fetched, now: Moment }) }),
  v.object({ target: v.literal('chain-work'), op: v.literal('parseStoredSubscriptions'), work: v.unknown() }),
  v.object({
    target: v.literal('chain-work'),
    op: v.literal('readChain'),
    work: v.object({
      rpcUrl: Text(4096),
      chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
      addresses: v.pipe(v.array(Text(200)), v.maxLength(1000)),
      timeoutMs: v.pipe(v.number(), v.minValue(0), v.maxValue(120_000)),
    }),
  }),
]);

export type ChainWorkOp = keyof ChainWork;
export type ChainWorkRequest<Op extends ChainWorkOp = ChainWorkOp> = { target: 'chain-work'; op: Op; work: Parameters<ChainWork[Op]>[0] };

/** A chain-work request, or `undefined` for anything else on the channel. */
export function parseChainWorkRequest(message: unknown): ChainWorkRequest | undefined {
  const result = v.safeParse(ChainWorkRequestSchema, message);
  return result.success ? (result.output as ChainWorkRequest) : undefined;
}
