/** The optional access lookalike protection needs: every site's address, to check it locally. */
export const BROAD_ACCESS = { origins: ['*://*/*'] };
