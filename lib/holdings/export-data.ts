import * as v from 'valibot';
import type { SubscribeFailureCode } from '../community/subscription';
import { getExchange } from '../exchanges/registry';
import { SettingsSchema } from '../settings';
import { snoozesInForce } from '../view/nudge-policy';
import { checkFileLists, ExportedListsSchema, exportedLists, tooManyLists, type ExportedList } from './export-lists';
import { CustodianSchema, GoalSchema, HistoryPointSchema, HoldingSchema, LimitsSchema, MAX_ADDRESSES, MAX_HOLDINGS, WatchedAddressSchema, type HoldingsProblem, type HoldingsState } from './model';

/**
 * All local data as one JSON file, so a user can move to another browser or keep a backup.
 * Import is all-or-nothing: `importData` only parses and validates; the caller writes to
 * storage when it answers `ok`, so a bad file never overwrites anything.
 */

export const EXPORT_FORMAT = 'reserve-radar-export';
/** 2 carries the warning-list subscriptions; a version 1 file, without them, still imports and leaves the lists alone. */
export const EXPORT_VERSION = 2;
/** Far above a real export (a thousand holdings is ~200 kB) and small enough to parse without a stall. */
export const MAX_IMPORT_BYTES = 2_000_000;
const MAX_DEPTH = 32;
const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const ExportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.union([v.literal(1), v.literal(EXPORT_VERSION)]),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  holdings: v.pipe(v.array(HoldingSchema), v.maxLength(MAX_HOLDINGS, 'too-many-holdings' satisfies HoldingsProblem)),
  addresses: v.pipe(v.array(WatchedAddressSchema), v.maxLength(MAX_ADDRESSES, 'too-many-addresses' satisfies HoldingsProblem)),
  goal: v.optional(GoalSchema),
  limits: v.optional(LimitsSchema, {}),
  history: v.pipe(v.array(HistoryPointSchema), v.maxLength(3660, 'At most ten years of history.')),
  /**
   * Checked here with the settings module's own schema, so one bad setting refuses the whole
   * file before anything is written; what the file leaves out gets its default.
   */
  settings: v.optional(SettingsSchema),
  /** Passed through: the custody module validates it (`parseAddressBook`) before use. */
  addressBook: v.optional(v.unknown()),
  /**
   * Checked as the subscribe form checks them (lib/holdings/export-lists.ts). The sites the user chose to open
   * anyway past a warning are never read from a file: a file from someone else could let a fake site through.
   */
  warningLists: v.optional(ExportedListsSchema),
});
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

/** Where a value sits in the file: keys and list positions (from 0), as the file spells them. */
export type ImportPath = readonly (string | number)[];

/**
 * Why a file was not imported, as a code and figures; lib/words/import-failure.ts words it for
 * the options page, and says `path` in the reader's words (lib/words/import-place.ts).
 */
export type ImportFailure =
  | { code: 'not-text' }
  | { code: 'too-large'; limitBytes: number }
  | { code: 'no-version' }
  | { code: 'unknown-version' }
  | { code: 'empty' }
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'too-deep'; depth: number }
  | { code: 'hostile-key'; key: string; path: ImportPath }
  | { code: 'newer-version'; version: number }
  | { code: 'invalid'; path: ImportPath }
  /** A holding (path: ['holdings', index]) of a kind, or on an exchange, that this version does not know: a newer file. */
  | { code: 'unknown-kind'; path: ImportPath }
  | { code: 'unknown-exchange'; path: ImportPath }
  | { code: 'too-many-lists'; limit: number }
  /** A list (path: ['warningLists', index]) the subscribe form would refuse, with the form's reason. */
  | { code: 'bad-warning-list'; path: ImportPath; reason: SubscribeFailureCode }
  | { code: 'warning-list-twice'; path: ImportPath };
export type ImportFailureCode = ImportFailure['code'];

export interface ExportDataParameters {
  state: HoldingsState;
  settings?: unknown;
  addressBook?: unknown;
  /** The warning-list subscriptions; absent when they could not be read, and then the file says nothing of them. */
  warningLists?: readonly ExportedList[];
  now: number;
}

/** The file's text: pretty-printed so a user can read what they are keeping. */
export function exportData({ state, settings, addressBook, warningLists, now }: ExportDataParameters): string {
  const file: Omit<ExportFile, 'settings'> & { settings?: unknown } = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    holdings: state.holdings,
    addresses: state.addresses,
    ...(state.goal === undefined ? {} : { goal: state.goal }),
    limits: state.limits,
    history: state.history,
    ...(settings === undefined ? {} : { settings: withoutSpentSnoozes(settings, now) }),
    ...(addressBook === undefined ? {} : { addressBook }),
    ...(warningLists === undefined ? {} : { warningLists: exportedLists(warningLists) }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The settings without a card snooze whose time has passed: the file never carries one to bring back. */
function withoutSpentSnoozes(settings: unknown, now: number): unknown {
  const parsed = v.safeParse(SettingsSchema, settings);
  return parsed.success ? { ...parsed.output, snoozes: snoozesInForce(parsed.output.snoozes, now) } : settings;
}

/** `details` is for logs: the parser's or the schema's own account. */
export type ImportDataReturnType = { ok: true; data: ExportFile } | { ok: false; failure: ImportFailure; details?: string };

/** The schema's path as keys and positions. */
function importPath(path: readonly { key: unknown }[] | undefined): (string | number)[] {
  return (path ?? []).map(({ key }) => (typeof key === 'number' ? key : String(key)));
}

/** For logs: the path as the file spells it (`holdings[0].amount`). */
function pathText(path: ImportPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');
}

/**
 * Finds a key that could reach an object's prototype when a caller later merges or spreads the
 * data, anywhere in the tree. Iterative, so a deeply nested file cannot exhaust the stack.
 */
function findHostileKey(root: unknown): { key: string; path: ImportPath } | { tooDeep: true } | undefined {
  const stack: { value: unknown; path: ImportPath; depth: number }[] = [{ value: root, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return { tooDeep: true };
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, path: [...path, i], depth: depth + 1 });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = [...path, key];
      if (HOSTILE_KEYS.has(key)) return { key, path: childPath };
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

const HOLDING_KINDS: ReadonlySet<unknown> = new Set(['asset', 'fiat']);

/**
 * The first holding of a kind or on an exchange this version does not know, as a file from a newer version has
 * them: refused and said as such, not as a bad "Record as" or shown under a raw id. The exchange is checked only
 * here, not in the stored state's schema, so data saved before an exchange left the registry still reads.
 */
function unknownInHoldings(holdings: unknown): Extract<ImportFailure, { code: 'unknown-kind' | 'unknown-exchange' }> | undefined {
  if (!Array.isArray(holdings)) return undefined;
  for (const [index, holding] of holdings.entries()) {
    if (holding === null || typeof holding !== 'object') continue;
    const { kind, custodian } = holding as Record<string, unknown>;
    if (typeof kind === 'string' && !HOLDING_KINDS.has(kind)) return { code: 'unknown-kind', path: ['holdings', index] };
    if (v.is(CustodianSchema, custodian) && custodian !== 'self' && getExchange(custodian) === undefined) return { code: 'unknown-exchange', path: ['holdings', index] };
  }
  return undefined;
}

/** Parses and validates an export file. Never throws; never writes anything. */
export function importData(text: string): ImportDataReturnType {
  const fail = (failure: ImportFailure, details?: string): ImportDataReturnType => ({ ok: false, failure, ...(details === undefined ? {} : { details }) });
  if (typeof text !== 'string') return fail({ code: 'not-text' });
  // Length first: a UTF-16 unit is at least one byte, so this refuses huge input before encoding it.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return fail({ code: 'too-large', limitBytes: MAX_IMPORT_BYTES });
  }
  // An empty file is said as such, not as a parse error.
  if (text.trim() === '') return fail({ code: 'empty' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'not-json' }, error instanceof Error ? error.message : String(error));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail({ code: 'wrong-format' });
  const hostile = findHostileKey(raw);
  if (hostile !== undefined) {
    if ('tooDeep' in hostile) return fail({ code: 'too-deep', depth: MAX_DEPTH });
    return fail({ code: 'hostile-key', key: hostile.key, path: hostile.path }, pathText(hostile.path));
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) return fail({ code: 'wrong-format' });
  // Without a format version there is no knowing how to read the rest: said as such, not as "not valid".
  if (head.version === undefined || head.version === null) return fail({ code: 'no-version' });
  // A version given but not one we number ("1" as text, 0, 1.5) is named as given, not as missing.
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) return fail({ code: 'unknown-version' });
  if (head.version > EXPORT_VERSION) {
    return fail({ code: 'newer-version', version: head.version });
  }
  const unknown = unknownInHoldings(head.holdings);
  if (unknown !== undefined) return fail(unknown, pathText(unknown.path));
  const tooMany = tooManyLists(head.warningLists);
  if (tooMany !== undefined) return fail(tooMany);
  const parsed = v.safeParse(ExportFileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = importPath(issue?.path as { key: unknown }[] | undefined);
    return fail({ code: 'invalid', path }, parsed.issues.map((i) => `${pathText(importPath(i.path as { key: unknown }[] | undefined)) || '(file)'}: ${i.message}`).join('; '));
  }
  const { warningLists, ...data } = parsed.output;
  if (warningLists === undefined) return { ok: true, data };
  const lists = checkFileLists(warningLists);
  if (!lists.ok) {
    const { problem } = lists;
    const path = ['warningLists', problem.index];
    return fail(problem.code === 'bad-warning-list' ? { code: problem.code, path, reason: problem.reason } : { code: problem.code, path }, pathText(path));
  }
  return { ok: true, data: { ...data, warningLists: lists.lists } };
}
