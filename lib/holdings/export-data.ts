import * as v from 'valibot';
import { GoalSchema, HistoryPointSchema, HoldingSchema, LimitsSchema, WatchedAddressSchema, type HoldingsState } from './model';
import { BaseError } from '../errors';

/**
 * All local data as one JSON file, so a user can move to another browser or keep a backup.
 * Import is all-or-nothing: `importData` only parses and validates; the caller writes to
 * storage when it answers `ok`, so a bad file never overwrites anything.
 */

export const EXPORT_FORMAT = 'reserve-radar-export';
export const EXPORT_VERSION = 1;
/** Far above a real export (a thousand holdings is ~200 kB) and small enough to parse without a stall. */
export const MAX_IMPORT_BYTES = 2_000_000;
const MAX_DEPTH = 32;
const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const ExportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  holdings: v.pipe(v.array(HoldingSchema), v.maxLength(1000, 'At most 1 000 holdings.')),
  addresses: v.pipe(v.array(WatchedAddressSchema), v.maxLength(200, 'At most 200 watched addresses.')),
  goal: v.optional(GoalSchema),
  limits: v.optional(LimitsSchema, {}),
  history: v.pipe(v.array(HistoryPointSchema), v.maxLength(3660, 'At most ten years of history.')),
  /** Passed through: the settings module validates it (`parseSettings`) before use. */
  settings: v.optional(v.unknown()),
  /** Passed through: the custody module validates it (`parseAddressBook`) before use. */
  addressBook: v.optional(v.unknown()),
});
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

export type ImportDataErrorCode = 'too-large' | 'not-json' | 'too-deep' | 'hostile-key' | 'wrong-format' | 'newer-version' | 'invalid';

/** viem-style error: `shortMessage` is one line for the UI, `details` for logs. */
export class ImportDataError extends BaseError {
  override name = 'ImportDataError';
  readonly code: ImportDataErrorCode;

  constructor(code: ImportDataErrorCode, shortMessage: string, details?: string) {
    super(shortMessage, details);
    this.code = code;
  }
}

export interface ExportDataParameters {
  state: HoldingsState;
  settings?: unknown;
  addressBook?: unknown;
  now: number;
}

/** The file's text: pretty-printed so a user can read what they are keeping. */
export function exportData({ state, settings, addressBook, now }: ExportDataParameters): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    holdings: state.holdings,
    addresses: state.addresses,
    ...(state.goal === undefined ? {} : { goal: state.goal }),
    limits: state.limits,
    history: state.history,
    ...(settings === undefined ? {} : { settings }),
    ...(addressBook === undefined ? {} : { addressBook }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportDataReturnType = { ok: true; data: ExportFile } | { ok: false; reason: ImportDataError };

function pathText(path: readonly { key: unknown }[] | undefined): string {
  if (path === undefined || path.length === 0) return 'the file';
  return path.map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i === 0 ? '' : '.'}${String(item.key)}`)).join('');
}

/**
 * Finds a key that could reach an object's prototype when a caller later merges or spreads the
 * data, anywhere in the tree. Iterative, so a deeply nested file cannot exhaust the stack.
 */
function findHostileKey(root: unknown): { key: string; path: string } | { tooDeep: true } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return { tooDeep: true };
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (HOSTILE_KEYS.has(key)) return { key, path: childPath };
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Parses and validates an export file. Never throws; never writes anything. */
export function importData(text: string): ImportDataReturnType {
  const fail = (code: ImportDataErrorCode, shortMessage: string, details?: string): ImportDataReturnType => ({ ok: false, reason: new ImportDataError(code, shortMessage, details) });
  if (typeof text !== 'string') return fail('not-json', 'The file could not be read as text.');
  const limitKb = Math.round(MAX_IMPORT_BYTES / 1000);
  // Length first: a UTF-16 unit is at least one byte, so this refuses huge input before encoding it.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return fail('too-large', `The file is larger than ${limitKb} kB; a Reserve Radar export is much smaller.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail('not-json', 'The file is not valid JSON.', error instanceof Error ? error.message : String(error));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('wrong-format', 'The file is not a Reserve Radar export.');
  const hostile = findHostileKey(raw);
  if (hostile !== undefined) {
    if ('tooDeep' in hostile) return fail('too-deep', `The file is nested more than ${MAX_DEPTH} levels deep; a Reserve Radar export is not.`);
    return fail('hostile-key', `The file contains the key "${hostile.key}" (at ${hostile.path}), which is not allowed.`);
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) return fail('wrong-format', 'The file is not a Reserve Radar export.');
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return fail('newer-version', `The file was made by a newer version of Reserve Radar (format ${head.version}); update the extension to import it.`);
  }
  const parsed = v.safeParse(ExportFileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = pathText(issue?.path as { key: unknown }[] | undefined);
    return fail(
      'invalid',
      `Nothing was imported: ${where} is not valid (${issue?.message ?? 'unknown problem'}).`,
      parsed.issues.map((i) => `${pathText(i.path as { key: unknown }[] | undefined)}: ${i.message}`).join('; '),
    );
  }
  return { ok: true, data: parsed.output };
}
