import { browser } from 'wxt/browser';
import { exchanges } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { buildFirstPaintView, FIRST_PAINT_KEY, FIRST_PAINT_VALID_MS, FIRST_PAINT_VERSION, type FirstPaintView } from '@/lib/view/first-paint-view';
import type { BackgroundContext } from './context';
import { heldSnapshot, heldSnapshotNow } from './data';
import { loadBalanceNudge } from './holdings';
import { chosenWords, i18nFor, pageWordsFor } from './words';
import { withReasonWords } from '@/lib/words/reason-text';
import type { ExchangeView } from '@/lib/view/exchange-view';
import type { Snapshot } from '@/lib/reserves/schema';
import type { Language } from '@/lib/settings';
import { buildFirstPaintCards, FIRST_PAINT_CARDS_KEY, type FirstPaintCards } from '@/lib/view/first-paint-view-card';
import { warningLookup } from './warnings';
import { runAlertLookup } from './run-alerts';
import { WARNING_LISTS_NAME } from '@/utils/warning-lists-watch';
import { dropSpentSnoozes, getSettings, nudgeSeen } from '@/utils/settings';
import { deletedSince, deleteMark } from './delete-everything';

/**
 * Everything the stored first paint is made from, by storage key (`storage.local`). Whoever
 * changes one of these (the background, the options page, the popup), the view is built again.
 */
const SOURCES: ReadonlySet<string> = new Set(['settings', 'nudgeSeen', 'heldSnapshot', WARNING_LISTS_NAME, 'holdings', 'priceTable', 'addressReadings', 'runAlerts', 'ownTokenPrices']);

/** A rebuild when the held copy is older than this (the hourly alarm usually comes first). */
const REBUILD_AFTER_MS = FIRST_PAINT_VALID_MS / 3;

let chain: Promise<void> = Promise.resolve();
let builtAt: number | undefined;

/** Builds the view from what the background holds now and stores it, then drops the spent card snoozes. Rebuilds never overlap. */
export function rebuildFirstPaint(context: BackgroundContext): Promise<void> {
  chain = chain
    .then(async () => {
      const asked = deleteMark();
      const { view, cards, snapshot } = await buildView(context, asked);
      // Built from what "Delete everything" cleared since (./delete-everything.ts), a balance line included: its change event builds again.
      if (deletedSince(asked)) return;
      // One write: the cards always belong to the first paint beside them (the same builtAt).
      await browser.storage.local.set({ [FIRST_PAINT_KEY]: view, [FIRST_PAINT_CARDS_KEY]: cards });
      builtAt = view.builtAt;
      // Built from every exchange's data: a card snooze made on other data, or whose time passed, hides nothing any more
      // and leaves storage (and with it the options page's list). Its change builds the view again. Snoozes until a data
      // change are judged only if the data held is still what the view was built from: one made since on a pill showing
      // newer data is left to the build that data's change brings. A failed write costs the stored view nothing.
      const fingerprints = Object.fromEntries(Object.entries(view.exchanges).map(([id, entry]) => [id, entry.fingerprint]));
      await dropSpentSnoozes(view.builtAt, () => (heldSnapshotNow() === snapshot ? fingerprints : undefined)).catch((error: unknown) =>
        console.warn('[reserve-radar] spent snoozes not removed', error),
      );
    })
    .catch((error: unknown) => {
      // Without a stored view the page waits for the background: never wrong, only slower.
      console.warn('[reserve-radar] first paint view not stored', error);
      return browser.storage.local.remove([FIRST_PAINT_KEY, FIRST_PAINT_CARDS_KEY]).catch(() => undefined);
    });
  return chain;
}

/** After a page's question: builds the view when none is held or it is getting old (alarms can be late). */
export async function ensureFirstPaint(context: BackgroundContext, now = Date.now()): Promise<void> {
  if (builtAt === undefined) {
    const stored = (await browser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY] as Partial<FirstPaintView> | undefined;
    if (stored?.v === FIRST_PAINT_VERSION && stored.ext === extensionVersion() && typeof stored.builtAt === 'number') builtAt = stored.builtAt;
  }
  if (builtAt === undefined || builtAt > now || now - builtAt > REBUILD_AFTER_MS) await rebuildFirstPaint(context);
}

/** Rebuilds whenever something the view is made from changes in storage, after that change's other listeners. */
export function keepFirstPaintCurrent(context: BackgroundContext): void {
  builtAt = undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => SOURCES.has(key))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuildFirstPaint(context), 0);
  });
}

/** `asked`: the delete count taken before anything is read (./delete-everything.ts), for the words of the language read here. */
async function buildView(context: BackgroundContext, asked: number): Promise<{ view: FirstPaintView; cards: FirstPaintCards; snapshot: Snapshot }> {
  const now = Date.now();
  const later = new Date(now + FIRST_PAINT_VALID_MS);
  const [snapshot, warningsNow, warningsLater, runNow, runLater, settings, seen, nudgeFor] = await Promise.all([
    heldSnapshot(),
    warningLookup(new Date(now)),
    warningLookup(later),
    runAlertLookup(new Date(now)),
    runAlertLookup(later),
    // Read from storage, not from the held copies: a handler that has just written waits for this
    // rebuild, and the held copies follow storage only when its change event arrives.
    getSettings(),
    nudgeSeen.getValue(),
    loadBalanceNudge(context.heldHoldings),
  ]);
  const words = await chosenWords(settings.language, asked);
  const built = await Promise.all(
    exchanges.map(async (exchange) => {
      const reserves = snapshot.exchanges[exchange.id];
      const view = buildExchangeView({ exchange, reserves, now: new Date(now), warnings: warningsNow(exchange.id), runAlert: runNow(exchange.id) });
      const balanceNudge = await nudgeFor(exchange.id, view.verdict.level, settings.language, asked);
      return {
        view,
        later: buildExchangeView({ exchange, reserves, now: later, warnings: warningsLater(exchange.id), runAlert: runLater(exchange.id) }),
        domains: exchange.domains,
        ...(balanceNudge === undefined ? {} : { balanceNudge }),
      };
    }),
  );
  const ext = extensionVersion();
  // The card's words only when a card opens by itself somewhere: a danger verdict with the setting on.
  const cardWords = settings.autoExpandOnDanger && built.some(({ view }) => view.verdict.level === 'danger') ? await pageWordsFor(settings.language) : undefined;
  return {
    view: buildFirstPaintView({ ext, now, settings, seen, words, exchanges: built }),
    cards: buildFirstPaintCards({ ext, now, settings, words: cardWords, exchanges: cardWords === undefined ? built : await wordedForCards(built, settings.language, now, later) }),
    snapshot,
  };
}

/** The stored view names the version that wrote it; one left by an older version is not used. */
export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/**
 * The stored card's reasons worded as the page-state answer words them (the page's script carries
 * no wording code), each at its own moment: a card whose words change within the window (an age
 * crossing a day) is not kept, as any other change.
 */
async function wordedForCards<T extends { view: ExchangeView; later: ExchangeView }>(built: readonly T[], language: Language, now: number, later: Date): Promise<T[]> {
  const { t, locale } = await i18nFor(language);
  return built.map((entry) => ({ ...entry, view: withReasonWords(entry.view, t, locale, new Date(now)), later: withReasonWords(entry.later, t, locale, later) }));
}
