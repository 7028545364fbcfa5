import { BaseError } from '../errors';

/**
 * A source answered something this code cannot read. `shortMessage` is one line for the UI
 * ("DefiLlama sent data in an unexpected shape"); `details` says what exactly, for logs.
 */
export class DataSourceError extends BaseError {
  override name = 'DataSourceError';
  declare readonly details: string;
  readonly source: string;

  constructor(params: { shortMessage: string; details: string; source: string }) {
    super(params.shortMessage, params.details);
    this.source = params.source;
  }
}
