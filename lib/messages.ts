import * as v from 'valibot';
import { CornerSchema, SnoozeSchema } from './settings';

/**
 * Messages views send to the background. Anything arriving on the runtime channel is parsed
 * through `parseRequest` first; an unknown shape is ignored, never acted on.
 */
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const ExchangeId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));

export const RequestSchema = v.variant('type', [
  /** From the exchange-page script: what should this page show? (The URL comes from the browser.) */
  v.object({ type: v.literal('page-state') }),
  /** From the popup: what does this tab show? */
  v.object({ type: v.literal('tab-state'), tabId: TabId }),
  /** From the popup: every known exchange, for the list. */
  v.object({ type: v.literal('all-exchanges') }),
  /** From the nudge or the popup: open the withdrawal guide for this exchange. */
  v.object({ type: v.literal('open-guide'), exchangeId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)) }),
  /** From the lookalike warning page: what is this address, and let me through to this host. */
  v.object({ type: v.literal('check-url'), url: v.pipe(v.string(), v.maxLength(4096)) }),
  v.object({ type: v.literal('allow-host'), host: v.pipe(v.string(), v.maxLength(253)) }),
  /** From the options page. */
  v.object({ type: v.literal('sources-state') }),
  v.object({ type: v.literal('refresh-now') }),
  /** Community warning lists (options page). */
  v.object({ type: v.literal('subscriptions-state') }),
  v.object({ type: v.literal('subscribe'), url: v.pipe(v.string(), v.maxLength(2048)), signer: v.pipe(v.string(), v.maxLength(64)) }),
  v.object({ type: v.literal('unsubscribe'), url: v.pipe(v.string(), v.maxLength(2048)) }),
  v.object({ type: v.literal('reset-data') }),
  /** Holdings (options page and popup): the popup's share line, a refresh now, and deleting every local datum. */
  v.object({ type: v.literal('holdings-summary') }),
  v.object({ type: v.literal('holdings-refresh'), balances: v.optional(v.boolean(), false) }),
  v.object({ type: v.literal('delete-all-data') }),
  /**
   * From the nudge, which keeps no storage code of its own (its bundle stays small): it was
   * shown, moved to another corner, or snoozed. The background validates and stores.
   */
  v.object({ type: v.literal('nudge-shown'), exchangeId: ExchangeId }),
  v.object({ type: v.literal('nudge-corner'), corner: CornerSchema }),
  v.object({ type: v.literal('nudge-snooze'), exchangeId: ExchangeId, snooze: SnoozeSchema }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;

export function parseRequest(message: unknown): Request | undefined {
  const result = v.safeParse(RequestSchema, message);
  return result.success ? result.output : undefined;
}
