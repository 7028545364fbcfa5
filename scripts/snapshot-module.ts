/**
 * The bundled snapshot as the build ships it (modules/snapshot-checked-at-build.ts): validated
 * here, when the extension is built, so the service worker need not validate it again at every
 * wake-up (about 2.5 ms of its first answer in Chromium). A file that fails the schema stops the
 * build. What ships is the schema's output, not the file: the same objects, in the same key
 * order, that validating the file at run time would give, marked with `CHECKED_AT_BUILD`.
 */
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describeIssues, SnapshotSchema } from '../lib/reserves/schema';
import { CHECKED_AT_BUILD_KEY } from '../lib/reserves/checked-at-build';

export function checkedSnapshotModule(raw: unknown, file: string): string {
  const result = v.safeParse(SnapshotSchema, raw);
  if (!result.success) throw new Error(`${file} fails the snapshot schema, so the extension is not built: ${describeIssues(result.issues)}`);
  const text = JSON.stringify(result.output);
  // Only plain data can be shipped as text and come back the same.
  if (!isDeepStrictEqual(JSON.parse(text), result.output)) throw new Error(`${file}: the schema's output does not survive JSON; ship it validated at run time instead.`);
  return [
    `const snapshot = JSON.parse(${JSON.stringify(text)});`,
    `Object.defineProperty(snapshot, Symbol.for(${JSON.stringify(CHECKED_AT_BUILD_KEY)}), { value: true });`,
    'export default snapshot;',
    '',
  ].join('\n');
}
