import type { PageRequest, RequestInput } from '@/lib/messages';
import type { PageState } from '@/lib/view/page-state';
import type { Response } from '@/utils/messaging';
import { send as sendOrThrow } from '@/utils/send';

const POLYFILL_REJECT = '__mozWebExtensionPolyfillReject__';

/** The page-facing requests only: the background refuses the others from this script. */
export async function send<T extends PageRequest['type']>(request: RequestInput<T>): Promise<Response<T> | undefined> {
  try {
    const answer: unknown = await sendOrThrow(request);
    // The background's polyfill answers a handler that failed with this wrapper. The page script reads the browser's
    // own API object (modules/page-script-native-browser.ts), which in Chromium without `browser` hands it over as an
    // answer instead of a rejection.
    if (typeof answer === 'object' && answer !== null && POLYFILL_REJECT in answer) return undefined;
    return answer as Response<T>;
  } catch {
    // The extension was reloaded or updated under this page: stay silent.
    return undefined;
  }
}

export async function requestState(): Promise<PageState | undefined> {
  return send({ type: 'page-state' });
}
