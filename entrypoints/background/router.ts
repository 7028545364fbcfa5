import { browser, type Browser } from 'wxt/browser';
import { parseExtensionRequest, parsePageRequest, type ExtensionRequest, type PageRequest } from '@/lib/messages';
import type { ExtensionHandlers, Handler, PageHandlers } from '@/utils/messaging';

type Sender = Browser.runtime.MessageSender;

export interface RouteMessagesParameters {
  page: PageHandlers<Sender>;
  extension: ExtensionHandlers<Sender>;
}

/**
 * Whether the message comes from one of our own pages. The browser sets `sender.url`: for a
 * content script it is the page's address (whatever the script sends), for our pages it is
 * under the extension's own origin. A tab alone says nothing: the options page can be a tab.
 */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.url === undefined) return false;
  const origin = browser.runtime.getURL('/');
  return sender.url.startsWith(origin) && (sender.tab?.url === undefined || sender.tab.url.startsWith(origin));
}

/**
 * The one runtime listener: other extensions and web pages are ignored, extension pages get the
 * extension set, everything else (our content scripts) the page-facing set only. Requests are
 * validated by schema before any handler runs.
 */
export function routeMessages({ page, extension }: RouteMessagesParameters): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isExtensionPage(sender)) {
      const request = parseExtensionRequest(message);
      if (request === undefined) return undefined;
      return (extension[request.type] as Handler<ExtensionRequest, Sender>)(request, sender);
    }
    const request = parsePageRequest(message);
    if (request === undefined) return undefined;
    return (page[request.type] as Handler<PageRequest, Sender>)(request, sender);
  });
}
