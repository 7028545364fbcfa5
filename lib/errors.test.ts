import { describe, expect, it } from 'vitest';
import { BaseError } from './errors';
import { DataSourceError } from './reserves/errors';
import { WarningListError } from './community/warning-list';

describe('error classes', () => {
  it('share BaseError: a one-line shortMessage, details for logs, their own name and fields', () => {
    const source = new DataSourceError({ shortMessage: 'DefiLlama sent data in an unexpected shape', details: 'cexs is missing', source: 'defillama' });
    expect(source).toBeInstanceOf(BaseError);
    expect(source).toMatchObject({ name: 'DataSourceError', shortMessage: 'DefiLlama sent data in an unexpected shape', details: 'cexs is missing', source: 'defillama' });
    expect(source.message).toContain('cexs is missing');
    const list = new WarningListError({ shortMessage: 'The list is malformed', details: 'warning 2: severity', code: 'malformed-list' });
    expect(list).toBeInstanceOf(BaseError);
    expect(list).toMatchObject({ name: 'WarningListError', shortMessage: 'The list is malformed', details: 'warning 2: severity', code: 'malformed-list' });
  });
});
