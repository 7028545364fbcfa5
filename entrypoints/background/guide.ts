import { browser } from 'wxt/browser';
import { getExchange } from '@/lib/exchanges/registry';

/** Only registry ids reach the URL; the guide page validates the query again. */
export async function openGuide(request: { exchangeId: string }): Promise<undefined> {
  if (getExchange(request.exchangeId) === undefined) return undefined;
  await browser.tabs.create({ url: browser.runtime.getURL(`/guide.html?exchange=${request.exchangeId}` as '/popup.html') });
  return undefined;
}
