import * as v from 'valibot';
import { CornerSchema, LanguageSchema, SnoozeSchema } from './settings';
import { ExchangeIdSchema } from './exchanges/exchange-id';

/**
 * Requests to the background, in two sets by who may send them. The exchange-page scripts run
 * beside a page we do not trust, so they get only the few requests the pill needs; everything
 * else answers extension pages alone (the background checks the sender's URL, which the browser
 * sets, not the message). Anything arriving on the runtime channel is parsed here first; an
 * unknown shape, or a request from the wrong set, is ignored, never acted on.
 */
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

const OpenGuide = v.object({ type: v.literal('open-guide'), exchangeId: ExchangeIdSchema });

/** What the exchange-page scripts may ask (exchange-ask.ts and exchange.content). */
export const PageRequestSchema = v.variant('type', [
  /** What should this page show? The URL comes from the browser, never from the message. */
  v.object({ type: v.literal('page-state') }),
  /**
   * The pill keeps no storage code of its own (its bundle stays small): it was shown, moved to
   * another corner, or snoozed. The background validates and stores.
   */
  v.object({ type: v.literal('nudge-shown'), exchangeId: ExchangeIdSchema }),
  v.object({ type: v.literal('nudge-corner'), corner: CornerSchema }),
  v.object({ type: v.literal('nudge-snooze'), exchangeId: ExchangeIdSchema, snooze: SnoozeSchema }),
  /** Open the withdrawal guide for this exchange (also from the popup). */
  OpenGuide,
  /**
   * Every word in a language setting's language, for the card and the in-page warnings (the page's script cannot read the
   * extension's files): the setting the page's pill was drawn in, which is the user's, or was until a moment ago.
   */
  v.object({ type: v.literal('page-words'), language: LanguageSchema }),
  /**
   * The card's view of the page it runs on, its reasons worded: asked right after page-state,
   * which leaves the words out unless the card opens at once. The URL comes from the browser.
   */
  v.object({ type: v.literal('page-card') }),
  /** This page is open in its tab (asked by the background: `report-page`, lib/view/tab-push.ts). The URL comes from the browser. */
  v.object({ type: v.literal('page-here') }),
]);

/** What only our own pages (popup, options, guide, verify, warning) may ask. */
export const ExtensionRequestSchema = v.variant('type', [
  /** From the popup: what does this tab show? */
  v.object({ type: v.literal('tab-state'), tabId: TabId }),
  /** From the popup and the verify page: every known exchange, for the list. */
  v.object({ type: v.literal('all-exchanges') }),
  OpenGuide,
  /** From the lookalike warning page: what is this address, and let me through to this host. */
  v.object({ type: v.literal('check-url'), url: v.pipe(v.string(), v.maxLength(4096)) }),
  v.object({ type: v.literal('allow-host'), host: v.pipe(v.string(), v.maxLength(253)) }),
  /** From the options page: take a host off that list again (the background owns the list). */
  v.object({ type: v.literal('disallow-host'), host: v.pipe(v.string(), v.maxLength(253)) }),
  /** From the options page: live sources; from the popup: whether any has answered yet. */
  v.object({ type: v.literal('sources-state') }),
  v.object({ type: v.literal('refresh-now') }),
  v.object({ type: v.literal('reset-data') }),
  /** Community warning lists (options page). */
  v.object({ type: v.literal('subscriptions-state') }),
  /** `replaces`: the maintainer address the user confirmed replacing at the same URL (the list's key changed). */
  v.object({ type: v.literal('subscribe'), url: v.pipe(v.string(), v.maxLength(2048)), signer: v.pipe(v.string(), v.maxLength(64)), replaces: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  v.object({ type: v.literal('unsubscribe'), url: v.pipe(v.string(), v.maxLength(2048)) }),
  /** An imported file's lists, added when not held (at most 50, MAX_SUBSCRIPTIONS: more are never kept). */
  v.object({
    type: v.literal('import-lists'),
    lists: v.pipe(v.array(v.object({ url: v.pipe(v.string(), v.maxLength(2048)), signer: v.pipe(v.string(), v.maxLength(64)) })), v.maxLength(50)),
  }),
  /** Holdings (options page and popup): the popup's share line, a refresh now, and deleting every local datum. */
  v.object({ type: v.literal('holdings-summary') }),
  v.object({ type: v.literal('holdings-refresh'), balances: v.optional(v.boolean(), false) }),
  v.object({ type: v.literal('delete-all-data') }),
  /**
   * Run alerts (popup): every exchange with one on, and the one-click snooze; (popup, options) the
   * snoozes in force and lifting one. Never from the exchange's page: a page must not be able to
   * silence its own alert.
   */
  v.object({ type: v.literal('run-alerts') }),
  v.object({ type: v.literal('run-snooze'), exchangeId: ExchangeIdSchema }),
  v.object({ type: v.literal('run-snoozes') }),
  /** `shown`: lifted where the alert is drawn (the popup's undo), not from the options list. */
  v.object({ type: v.literal('run-unsnooze'), exchangeId: ExchangeIdSchema, shown: v.optional(v.literal(true)) }),
]);

export type PageRequest = v.InferOutput<typeof PageRequestSchema>;
export type ExtensionRequest = v.InferOutput<typeof ExtensionRequestSchema>;
export type Request = PageRequest | ExtensionRequest;
export type RequestType = Request['type'];
/** The request of one type, as the sender writes it (optional fields may be left out). */
export type RequestInput<T extends RequestType> = Extract<v.InferInput<typeof PageRequestSchema> | v.InferInput<typeof ExtensionRequestSchema>, { type: T }>;

/** A request from the exchange-page scripts, or `undefined` when it is not one of theirs. */
export function parsePageRequest(message: unknown): PageRequest | undefined {
  const result = v.safeParse(PageRequestSchema, message);
  return result.success ? result.output : undefined;
}

/** A request from one of our extension pages, or `undefined` when it is not a valid one. */
export function parseExtensionRequest(message: unknown): ExtensionRequest | undefined {
  const result = v.safeParse(ExtensionRequestSchema, message);
  return result.success ? result.output : undefined;
}
