import * as v from 'valibot';
import { proofSchemaProblems, type ProofFailure, type ProofSchemaProblem } from './types';

export const MAX_PATH_LENGTH = 64;
export const MAX_ASSETS = 256;

export const hex64 = v.pipe(v.string(problem('hash-text')), v.regex(/^[0-9a-fA-F]{64}$/, problem('hash-hex64')));
export const hex16 = v.pipe(v.string(problem('hash-text')), v.regex(/^[0-9a-fA-F]{16}$/, problem('hash-hex16')));
export const decimalText = v.pipe(v.string(problem('balance-text')), v.regex(/^-?\d{1,60}(?:\.\d{1,40})?$/, problem('balance-decimal')));
export const assetSymbol = v.pipe(v.string(problem('asset-symbol')), v.regex(/^[A-Za-z0-9_.-]{1,24}$/, problem('asset-symbol')));
export const smallText = v.pipe(v.string(), v.minLength(1, problem('text-empty')), v.maxLength(512, problem('text-long')));
export const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1024));

export function balancesRecord<T extends v.GenericSchema<unknown, unknown>>(value: T) {
  return v.pipe(
    v.record(assetSymbol, value),
    v.check((record) => Object.keys(record).length >= 1, problem('no-balances')),
    v.check((record) => Object.keys(record).length <= MAX_ASSETS, problem('too-many-assets')),
  );
}

export function pathArray<T extends v.GenericSchema<unknown, unknown>>(item: T) {
  return v.pipe(v.array(item, problem('path-list')), v.minLength(2, problem('path-short')), v.maxLength(MAX_PATH_LENGTH, problem('path-long')));
}

/** A schema's issue message is the problem's code; lib/words/proof-failure.ts words it. */
export function problem(code: ProofSchemaProblem): ProofSchemaProblem {
  return code;
}

const isProblem = (message: string): message is ProofSchemaProblem => (proofSchemaProblems as readonly string[]).includes(message);

/** The first issue: where it is in the file, and which problem (`invalid` for a check that names none). */
export function schemaFailure(issues: readonly v.BaseIssue<unknown>[]): Extract<ProofFailure, { code: 'schema' }> {
  const issue = issues[0];
  if (issue === undefined) return { code: 'schema', field: '', problem: 'missing-fields' };
  const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
  return { code: 'schema', field, problem: isProblem(issue.message) ? issue.message : 'invalid' };
}
