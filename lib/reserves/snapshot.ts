import * as v from 'valibot';
import bundled from '../../data/snapshot.json';
import { SnapshotSchema, describeIssues, type Snapshot } from './schema';
import { checkedAtBuild } from './checked-at-build';

/** What a store holds before any data arrived: every exchange unknown, which is shown as unknown. */
export const EMPTY_SNAPSHOT: Snapshot = Object.freeze({
  version: 1,
  generatedAt: '1970-01-01T00:00:00.000Z',
  exchanges: Object.freeze({}),
}) as Snapshot;

export type ParseSnapshotReturnType = { ok: true; snapshot: Snapshot } | { ok: false; reason: string };

/** Validates a whole document (the bundled file, a stored copy, an import). Never throws. */
export function parseSnapshot(input: unknown): ParseSnapshotReturnType {
  const result = v.safeParse(SnapshotSchema, input);
  if (result.success) return { ok: true, snapshot: result.output };
  return { ok: false, reason: `snapshot rejected: ${describeIssues(result.issues)}` };
}

let cached: Snapshot | undefined;
let cachedProblem: string | undefined;

/**
 * The snapshot shipped inside the extension, validated once: when the extension was built (the
 * build ships the schema's output, marked; modules/snapshot-checked-at-build.ts), else here. A
 * broken file is caught by `snapshot.test.ts` before release and stops the build; should one
 * ship anyway, the extension falls back to an empty document (everything "Unknown") rather than
 * showing figures nobody validated.
 */
export function bundledSnapshot(): Snapshot {
  if (cached !== undefined) return cached;
  if (checkedAtBuild(bundled)) return (cached = bundled as Snapshot);
  const parsed = parseSnapshot(bundled);
  if (parsed.ok) {
    cached = parsed.snapshot;
  } else {
    cached = EMPTY_SNAPSHOT;
    cachedProblem = parsed.reason;
  }
  return cached;
}

/** Why the bundled snapshot was replaced by an empty one, or undefined when it is fine. */
export function bundledSnapshotProblem(): string | undefined {
  bundledSnapshot();
  return cachedProblem;
}
