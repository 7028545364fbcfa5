/**
 * A source answered something this code cannot read. `shortMessage` is one line for the UI
 * ("DefiLlama sent data in an unexpected shape"); `details` says what exactly, for logs.
 */
export class DataSourceError extends Error {
  override name = 'DataSourceError';
  readonly shortMessage: string;
  readonly details: string;
  readonly source: string;

  constructor(params: { shortMessage: string; details: string; source: string }) {
    super(`${params.shortMessage} (${params.source}): ${params.details}`);
    this.shortMessage = params.shortMessage;
    this.details = params.details;
    this.source = params.source;
  }
}
