/**
 * One of the two notices the background sends to our exchange-page script (`tabs.sendMessage`): the
 * view of the tab's exchange changed (a run alert started, ended or was snoozed; new data), or the
 * language it is worded in. It carries nothing: the script asks for its own page's state again
 * through `page-state`, whose answer the background builds from the URL the browser gives
 * (docs/security.md) and words in the language set now.
 */
export const VIEW_CHANGED = { type: 'view-changed' } as const;

/** Whether `message`, from `senderId`, is that notice from our own extension (`ownId`). */
export function isViewChanged(message: unknown, senderId: string | undefined, ownId: string): boolean {
  return isNotice(VIEW_CHANGED.type, message, senderId, ownId);
}

/**
 * The background asks our script in a tab whose address it does not keep (forgotten by "Delete everything")
 * to report its page: the script sends `page-here`, whose address the browser gives, and answers once that is
 * done. It carries nothing, and the script's answer carries nothing either.
 */
export const REPORT_PAGE = { type: 'report-page' } as const;

/** Whether `message`, from `senderId`, is that ask from our own extension (`ownId`). */
export function isReportAsk(message: unknown, senderId: string | undefined, ownId: string): boolean {
  return isNotice(REPORT_PAGE.type, message, senderId, ownId);
}

function isNotice(type: string, message: unknown, senderId: string | undefined, ownId: string): boolean {
  return senderId === ownId && typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
