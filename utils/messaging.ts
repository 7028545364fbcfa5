import type { ExtensionRequest, PageRequest, Request, RequestInput, RequestType } from '@/lib/messages';
import type { ExchangeView, TabState } from '@/lib/view/exchange-view';
import type { PageState, PageWords } from '@/lib/view/page-state';
import type { HoldingsSummary } from '@/lib/holdings/summary';
import type { SourceView } from '@/entrypoints/background/data';
import type { SubscribeResult } from '@/lib/community/subscription';
import type { SubscriptionView } from '@/entrypoints/background/warnings';
import type { ListsImport } from '@/entrypoints/background/import-lists';
import type { ReadBalancesReturnType, RefreshPricesReturnType } from '@/entrypoints/background/holdings';
import type { RunAlertView, RunSnoozeView } from '@/lib/view/run-alert-view';

/**
 * The message protocol in one place: what each request answers. Types only, so the exchange
 * page's small early script can use it without pulling in any code.
 */
export interface ResponseMap {
  'page-state': PageState;
  'nudge-shown': undefined;
  'nudge-corner': undefined;
  'nudge-snooze': undefined;
  'open-guide': undefined;
  'page-words': PageWords;
  /** `undefined` when the sender's page is not an exchange's. */
  'page-card': ExchangeView | undefined;
  'page-here': undefined;
  'tab-state': TabState;
  'all-exchanges': ExchangeView[];
  'check-url': TabState;
  'allow-host': undefined;
  'disallow-host': undefined;
  'sources-state': SourceView[];
  'refresh-now': SourceView[];
  'reset-data': SourceView[];
  'subscriptions-state': SubscriptionView[];
  subscribe: SubscribeResult;
  unsubscribe: SubscriptionView[];
  'import-lists': ListsImport;
  'holdings-summary': HoldingsSummary | null;
  'holdings-refresh': { balances: ReadBalancesReturnType | undefined; prices: RefreshPricesReturnType['status'] };
  'delete-all-data': SourceView[];
  'run-alerts': RunAlertView[];
  'run-snooze': RunAlertView[];
  'run-snoozes': RunSnoozeView[];
  'run-unsnooze': RunAlertView[];
}

export type Response<T extends RequestType> = ResponseMap[T];

export type Handler<R extends Request, Sender> = (request: R, sender: Sender) => Promise<Response<R['type']>>;
/** One named function per request type of a set; the compiler checks that none is missing. */
export type Handlers<R extends Request, Sender> = { [T in R['type']]: Handler<Extract<R, { type: T }>, Sender> };
export type PageHandlers<Sender> = Handlers<PageRequest, Sender>;
export type ExtensionHandlers<Sender> = Handlers<ExtensionRequest, Sender>;

/** Sends a request and types its answer by the request's type: callers never pick a reply type. */
export type SendRequest = <T extends RequestType>(request: RequestInput<T>) => Promise<Response<T>>;

/** The typed sender over a raw `sendMessage` (the browser's, or a bare one in the early script). */
export function typedSender(sendMessage: (message: unknown) => Promise<unknown>): SendRequest {
  return <T extends RequestType>(request: RequestInput<T>) => sendMessage(request) as Promise<Response<T>>;
}
