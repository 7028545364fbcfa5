import type { PageRequest, RequestInput } from '@/lib/messages';
import type { PageState } from '@/lib/view/page-state';
import type { Response } from '@/utils/messaging';
import { send as sendOrThrow } from '@/utils/send';

/** The page-facing requests only: the background refuses the others from this script. */
export async function send<T extends PageRequest['type']>(request: RequestInput<T>): Promise<Response<T> | undefined> {
  try {
    return await sendOrThrow(request);
  } catch {
    // The extension was reloaded or updated under this page: stay silent.
    return undefined;
  }
}

export async function requestState(): Promise<PageState | undefined> {
  return send({ type: 'page-state' });
}
