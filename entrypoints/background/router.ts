import { browser, type Browser } from 'wxt/browser';
import { parseExtensionRequest, parsePageRequest, type ExtensionRequest, type PageRequest } from '@/lib/messages';
import type { ExtensionHandlers, Handler, PageHandlers } from '@/utils/messaging';

type Sender = Browser.runtime.MessageSender;

export interface RouteMessagesParameters {
  page: PageHandlers<Sender>;
  extension: ExtensionHandlers<Sender>;
  /** Called after each answer has been handed back (the first one lets deferred start-up work run). */
  onAnswered?: () => void;
}

/**
 * Whether the message comes from one of our own pages. The browser sets `sender.url` to the
 * address of the frame that sent it: for a content script that is the page's address (whatever
 * the script puts in the message), for our pages it is under the extension's own origin. A tab
 * alone says nothing either way: the options page can be a tab, or sit inside the browser's
 * add-ons page, whose tab address is not ours.
 */
export function isExtensionPage(sender: Sender): boolean {
  return sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The one runtime listener: other extensions and web pages are ignored, extension pages get the
 * extension set, everything else (our content scripts) the page-facing set only. Requests are
 * validated by schema before any handler runs.
 */
export function routeMessages({ page, extension, onAnswered }: RouteMessagesParameters): void {
  const answer = (message: unknown, sender: Sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isExtensionPage(sender)) {
      const request = parseExtensionRequest(message);
      if (request === undefined) return undefined;
      return (extension[request.type] as Handler<ExtensionRequest, Sender>)(request, sender);
    }
    const request = parsePageRequest(message);
    if (request === undefined) return undefined;
    return (page[request.type] as Handler<PageRequest, Sender>)(request, sender);
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    const answered = answer(message, sender);
    if (answered !== undefined && onAnswered !== undefined) void Promise.resolve(answered).then(onAnswered, onAnswered);
    return answered;
  });
}
