import * as v from 'valibot';

export const MAX_PATH_LENGTH = 64;
export const MAX_ASSETS = 256;

export const hex64 = v.pipe(v.string('A hash must be text.'), v.regex(/^[0-9a-fA-F]{64}$/, 'A hash must be 64 hex characters.'));
export const hex16 = v.pipe(v.string('A hash must be text.'), v.regex(/^[0-9a-fA-F]{16}$/, 'A Bitget hash must be 16 hex characters.'));
export const decimalText = v.pipe(v.string('A balance must be written as text.'), v.regex(/^-?\d{1,60}(?:\.\d{1,40})?$/, 'A balance must be a plain decimal number such as 12.5.'));
export const assetSymbol = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,24}$/, 'An asset name must be a short symbol.'));
export const smallText = v.pipe(v.string(), v.minLength(1, 'A required text field is empty.'), v.maxLength(512, 'A text field is too long.'));
export const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1024));

export function balancesRecord<T extends v.GenericSchema<unknown, unknown>>(value: T) {
  return v.pipe(
    v.record(assetSymbol, value),
    v.check((record) => Object.keys(record).length >= 1, 'A node lists no balances.'),
    v.check((record) => Object.keys(record).length <= MAX_ASSETS, `A node lists more than ${MAX_ASSETS} assets.`),
  );
}

export function pathArray<T extends v.GenericSchema<unknown, unknown>>(item: T) {
  return v.pipe(
    v.array(item, 'The proof path must be a list.'),
    v.minLength(2, 'The path is too short: it needs at least a sibling and the root.'),
    v.maxLength(MAX_PATH_LENGTH, `The path is longer than ${MAX_PATH_LENGTH} steps; no exchange tree is that deep.`),
  );
}

/** The first issue, with where it is, in words a user can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (issue === undefined) return 'The file does not have the expected fields.';
  const where = (issue.path ?? []).map((item) => String(item.key)).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
