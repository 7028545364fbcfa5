/**
 * The shape of our errors, after viem's `BaseError`: a one-line `shortMessage` a page can show
 * as it is, and `details` for logs. Subclasses add a name and, where callers branch, a code.
 */
export class BaseError extends Error {
  override name = 'BaseError';
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, details?: string) {
    super(details === undefined ? shortMessage : `${shortMessage}\n\nDetails: ${details}`);
    this.shortMessage = shortMessage;
    this.details = details;
  }
}
