/** The optional access lookalike protection needs: every site's address, to check it locally. */
export const BROAD_ACCESS = { origins: ['*://*/*'] };

/** The optional permission holdings reminders need; asked for when the user turns one on. */
export const NOTIFICATIONS = { permissions: ['notifications'] } as { permissions: ['notifications'] };
