/**
 * The one message the background sends to our exchange-page script (`tabs.sendMessage`): the
 * view of the tab's exchange changed (a run alert started, ended or was snoozed; new data). It
 * carries nothing: the script asks for its own page's state again through `page-state`, whose
 * answer the background builds from the URL the browser gives (docs/security.md).
 */
export const VIEW_CHANGED = { type: 'view-changed' } as const;

/** Whether `message`, from `senderId`, is that notice from our own extension (`ownId`). */
export function isViewChanged(message: unknown, senderId: string | undefined, ownId: string): boolean {
  return senderId === ownId && typeof message === 'object' && message !== null && (message as { type?: unknown }).type === VIEW_CHANGED.type;
}
