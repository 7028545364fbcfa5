import type { Language, Settings, Snooze } from '../settings';
import type { RiskLevel } from '../risk/order';
import type { ExchangeView, PageBalanceNudge } from './exchange-view';
import { dataFingerprint } from './nudge-policy';
import { isExchangeId } from '../exchanges/is-exchange-id';
import type { RunCause } from './run-alert-view';

/**
 * The pill's first paint without the service worker (issue 16). Chrome stops an idle worker
 * after about 30 s, so the usual first visit to an exchange would wait for the whole background
 * to start before the pill could draw. The background therefore keeps, in `storage.local` (which
 * content scripts read in Chrome MV3 and Firefox MV2 alike; `storage.session` they cannot read in
 * Chrome by default), the little the collapsed pill needs per exchange, and keeps it current
 * whenever anything behind it changes. The exchange-page script draws from it by itself, still
 * asks the background, and redraws when the answer differs.
 *
 * Figure-free, like the page-state answer: levels, grades, names, words, the user's pill choices
 * for that exchange, and the balance line's kind and figure-free sentence. No holdings, no
 * amounts, no addresses.
 */
export const FIRST_PAINT_KEY = 'firstPaint';
export const FIRST_PAINT_VERSION = 1;
/** How long a built view holds: the background rebuilds it hourly (its refresh alarm) and on every change. */
export const FIRST_PAINT_VALID_MS = 90 * 60_000;

/** The collapsed pill's face: everything `drawCollapsedPill` shows of an exchange. */
export interface PillFace {
  id: string;
  name: string;
  level: RiskLevel;
  grade: string;
  incomplete: boolean;
  /**
   * How many community warnings in date are danger or caution: the pill shows the count only, and
   * a note (`info`) is no reason to flag the exchange. The card lists every warning.
   */
  warnings: number;
  /** A run alert is on for this exchange (not snoozed), and what raised it: the pill leads with it. No figure. */
  run?: RunCause;
}

export interface FirstPaintEntry extends PillFace {
  /** `dataFingerprint` of the verdict, for "snoozed until the data changes". */
  fingerprint: string;
  snooze?: Snooze;
  lastShownAt?: number;
  balanceNudge?: PageBalanceNudge;
  /**
   * Until when (ms since epoch) this face stays true: the verdict was also computed for the end
   * of the validity window, and an exchange whose face changes within it (data turning stale,
   * a warning coming into date) gets `until` = when it was built, so the page waits for the
   * background's answer.
   */
  until: number;
}

export type FirstPaintSettings = Pick<Settings, 'nudgePolicy' | 'autoExpandOnDanger' | 'language' | 'corner' | 'cornerChosen'>;

export interface FirstPaintView {
  v: typeof FIRST_PAINT_VERSION;
  /** The extension's version that wrote it: a view from another version is not used. */
  ext: string;
  builtAt: number;
  settings: FirstPaintSettings;
  /** The collapsed pill's words in the user's language, placeholders left as `$1`…. */
  words: Record<string, string>;
  /** Registry domain → exchange id (the content script matches these domains and their subdomains). */
  hosts: Record<string, string>;
  exchanges: Record<string, FirstPaintEntry>;
}

export function pillFace(view: Pick<ExchangeView, 'id' | 'name' | 'verdict' | 'warnings' | 'runAlert'>): PillFace {
  return {
    id: view.id,
    name: view.name,
    level: view.verdict.level,
    grade: view.verdict.grade,
    incomplete: view.verdict.incomplete,
    warnings: view.warnings.filter((warning) => warning.severity !== 'info').length,
    ...(view.runAlert?.active === true ? { run: view.runAlert.cause } : {}),
  };
}

export interface BuildFirstPaintViewParameters {
  ext: string;
  now: number;
  settings: Settings;
  seen: Record<string, number>;
  words: Record<string, string>;
  /** Per exchange: its view now, its view at the end of the validity window, its domains and its balance line. */
  exchanges: readonly { view: ExchangeView; later: ExchangeView; domains: readonly string[]; balanceNudge?: PageBalanceNudge }[];
}

export function buildFirstPaintView({ ext, now, settings, seen, words, exchanges }: BuildFirstPaintViewParameters): FirstPaintView {
  const hosts: Record<string, string> = {};
  const entries: Record<string, FirstPaintEntry> = {};
  for (const { view, later, domains, balanceNudge } of exchanges) {
    const face = pillFace(view);
    const holds = JSON.stringify(face) === JSON.stringify(pillFace(later)) && dataFingerprint(view) === dataFingerprint(later);
    const snooze = Object.hasOwn(settings.snoozes, view.id) ? settings.snoozes[view.id] : undefined;
    const lastShownAt = Object.hasOwn(seen, view.id) ? seen[view.id] : undefined;
    entries[view.id] = {
      ...face,
      fingerprint: dataFingerprint(view),
      ...(snooze === undefined ? {} : { snooze }),
      ...(typeof lastShownAt === 'number' ? { lastShownAt } : {}),
      ...(balanceNudge === undefined ? {} : { balanceNudge: { kind: balanceNudge.kind, text: balanceNudge.text } }),
      until: holds ? now + FIRST_PAINT_VALID_MS : now,
    };
    for (const domain of domains) hosts[domain] ??= view.id;
  }
  const { nudgePolicy, autoExpandOnDanger, language, corner, cornerChosen } = settings;
  return { v: FIRST_PAINT_VERSION, ext, builtAt: now, settings: { nudgePolicy, autoExpandOnDanger, language, corner, cornerChosen }, words, hosts, exchanges: entries };
}

/** What the exchange-page script draws from: one exchange's entry and the pill's settings and words. */
export interface FirstPaint {
  entry: FirstPaintEntry;
  /** When the view was built: the stored card (first-paint-view-card.ts) must come from the same build. */
  builtAt: number;
  settings: FirstPaintSettings;
  words: Record<string, string>;
}

const LEVELS: ReadonlySet<unknown> = new Set(['ok', 'caution', 'danger', 'unknown']);
const POLICIES: ReadonlySet<unknown> = new Set(['every-visit', 'daily', 'caution-or-worse', 'off']);
const CORNERS: ReadonlySet<unknown> = new Set(['bottom-right', 'bottom-left', 'top-right', 'top-left']);
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function validSnooze(snooze: unknown): boolean {
  if (!isRecord(snooze)) return false;
  return snooze.until === 'time' ? isTime(snooze.endsAt) : snooze.until === 'data-change' && isText(snooze.fingerprint, 200);
}

function validEntry(entry: unknown, id: string): entry is FirstPaintEntry {
  if (!isRecord(entry)) return false;
  const balance = entry.balanceNudge;
  return (
    entry.id === id &&
    isText(entry.name, 100) &&
    LEVELS.has(entry.level) &&
    isText(entry.grade, 2) &&
    typeof entry.incomplete === 'boolean' &&
    Number.isInteger(entry.warnings) &&
    (entry.warnings as number) >= 0 &&
    (entry.run === undefined || entry.run === 'outflow' || entry.run === 'warning-list') &&
    isText(entry.fingerprint, 200) &&
    isTime(entry.until) &&
    (entry.snooze === undefined || validSnooze(entry.snooze)) &&
    (entry.lastShownAt === undefined || isTime(entry.lastShownAt)) &&
    (balance === undefined || (isRecord(balance) && isText(balance.kind, 40) && isText(balance.text, 500)))
  );
}

export interface FirstPaintForParameters {
  /** What `storage.local` holds under `FIRST_PAINT_KEY`: anything, checked here. */
  stored: unknown;
  /** The page's hostname. */
  host: string;
  now: number;
  /** This extension's version. */
  ext: string;
}

/**
 * The first paint for this host from the stored view, or `undefined` when there is none to
 * trust: missing, damaged, written by another version, built in the future, or past its time.
 * Then the page waits for the background, as it did before. Never throws.
 */
export function firstPaintFor({ stored, host, now, ext }: FirstPaintForParameters): FirstPaint | undefined {
  if (!isRecord(stored) || stored.v !== FIRST_PAINT_VERSION || stored.ext !== ext || !isTime(stored.builtAt)) return undefined;
  // A clock set back, or a view from the future, proves nothing about now.
  if (stored.builtAt > now + 60_000 || now - stored.builtAt > FIRST_PAINT_VALID_MS) return undefined;
  const { settings, words, hosts, exchanges } = stored;
  if (!isRecord(settings) || !isRecord(words) || !isRecord(hosts) || !isRecord(exchanges)) return undefined;
  if (
    !POLICIES.has(settings.nudgePolicy) ||
    typeof settings.autoExpandOnDanger !== 'boolean' ||
    !isText(settings.language, 10) ||
    !CORNERS.has(settings.corner) ||
    typeof settings.cornerChosen !== 'boolean'
  )
    return undefined;
  if (!Object.values(words).every((word) => isText(word, 500))) return undefined;
  const id = exchangeIdFor(hosts, host.toLowerCase());
  if (id === undefined || !Object.hasOwn(exchanges, id)) return undefined;
  const entry = exchanges[id];
  if (!validEntry(entry, id) || now >= entry.until) return undefined;
  return {
    entry,
    builtAt: stored.builtAt,
    settings: {
      nudgePolicy: settings.nudgePolicy,
      autoExpandOnDanger: settings.autoExpandOnDanger,
      language: settings.language as Language,
      corner: settings.corner,
      cornerChosen: settings.cornerChosen,
    } as FirstPaintSettings,
    words: words as Record<string, string>,
  };
}

/** The host or its nearest parent that is a registry domain, on label boundaries. */
function exchangeIdFor(hosts: Record<string, unknown>, host: string): string | undefined {
  let candidate = host.endsWith('.') ? host.slice(0, -1) : host;
  for (;;) {
    if (Object.hasOwn(hosts, candidate)) {
      const id = hosts[candidate];
      return isExchangeId(id) ? id : undefined;
    }
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}
