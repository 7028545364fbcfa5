import type { Settings } from '../settings';
import type { ExchangeView } from './exchange-view';
import type { PageWords } from './page-state';
import { isRecord, pillFace, type FirstPaintEntry } from './first-paint-view';
import { dataFingerprint } from './nudge-policy';

/**
 * The card that opens by itself (a danger verdict with "open the card on danger" on) without the
 * service worker (issue 16). Kept beside the stored first paint under a key of its own, read only
 * when the stored first paint says the card opens, so the usual page load reads no more than before.
 *
 * What it holds is what the page-state answer already gives the exchange-page script for that
 * exchange (its view) and what the page-words answer gives (the card's words): nothing more, and
 * only for exchanges whose card would open by itself.
 */
export const FIRST_PAINT_CARDS_KEY = 'firstPaintCards';
export const FIRST_PAINT_CARDS_VERSION = 1;

export interface FirstPaintCards {
  v: typeof FIRST_PAINT_CARDS_VERSION;
  ext: string;
  /** The same `builtAt` as the first paint it was written with: a card from another build is not used. */
  builtAt: number;
  /** The card's words, as the page-words answer gives them; absent when no card is kept. */
  words?: PageWords;
  /** Exchange id → its view, for exchanges whose card opens by itself and stays the same for the whole validity window (`FIRST_PAINT_VALID_MS`). */
  cards: Record<string, ExchangeView>;
}

/** The view without the moments it was computed at: what must not change over the validity window (`FIRST_PAINT_VALID_MS`). */
function timeless(view: ExchangeView): string {
  const { computedAt: _at, runAlert, ...rest } = view;
  if (runAlert === undefined) return JSON.stringify(rest);
  const { computedAt: _alertAt, ...alert } = runAlert;
  return JSON.stringify({ ...rest, runAlert: alert });
}

export interface BuildFirstPaintCardsParameters {
  ext: string;
  now: number;
  settings: Pick<Settings, 'autoExpandOnDanger'>;
  /** The card's words in the user's language (the page-words answer). */
  words: PageWords | undefined;
  /** Per exchange: its view now and at the end of the validity window (`FIRST_PAINT_VALID_MS`). */
  exchanges: readonly { view: ExchangeView; later: ExchangeView }[];
}

/**
 * Only danger cards, only with the setting on, and only where the view is the same, apart from
 * when it was computed, now and at the end of the validity window (the page then stamps it with
 * its own clock, so every age the card shows is as of the page's load).
 */
export function buildFirstPaintCards({ ext, now, settings, words, exchanges }: BuildFirstPaintCardsParameters): FirstPaintCards {
  const cards: Record<string, ExchangeView> = {};
  if (settings.autoExpandOnDanger && words !== undefined) {
    for (const { view, later } of exchanges) if (view.verdict.level === 'danger' && timeless(view) === timeless(later)) cards[view.id] = view;
  }
  return { v: FIRST_PAINT_CARDS_VERSION, ext, builtAt: now, ...(Object.keys(cards).length === 0 || words === undefined ? {} : { words }), cards };
}

/**
 * The fields the background makes with the view for the card to read as they are: each is checked
 * against the verdict it came with, so a damaged copy sends the page to the background's answer
 * instead of drawing an empty or wrong card. The fingerprint is made again from the verdict's
 * own reasons, as snoozes read it, and must be the pill's.
 */
function madeWithVerdict(card: ExchangeView, fingerprint: string): boolean {
  const { cardOrder, shares, porTrend, verdict, warnings } = card;
  return (
    Array.isArray(cardOrder) &&
    cardOrder.every((at) => Number.isInteger(at) && (at < 0 ? ~at < warnings.length : at < verdict.reasons.length)) &&
    isRecord(shares) &&
    isRecord(shares.stablecoins) &&
    isRecord(shares.largest) &&
    (porTrend === undefined || porTrend.series.every((series) => isRecord(series.columns))) &&
    card.fingerprint === fingerprint &&
    dataFingerprint(card) === fingerprint
  );
}

/** Whether the card needs its stored copy read at all: the stored first paint says it opens by itself. */
export interface FirstPaintCardForParameters {
  /** What `storage.local` holds under `FIRST_PAINT_CARDS_KEY`: anything, checked here. */
  stored: unknown;
  /** The stored first paint's entry the pill was decided from, and that view's `builtAt`. */
  entry: FirstPaintEntry;
  /** Only a first paint from this version of the extension gets this far; the card, written with it in one call, carries its `builtAt`. */
  builtAt: number;
  now: number;
}

/**
 * The stored card for the entry's exchange, stamped with `now`, or `undefined` (the page waits for
 * the background, as before): missing, damaged, from another version or another build of the
 * first paint, or not the exchange, face and data the pill was drawn from. Never throws.
 */
export function firstPaintCardFor({ stored, entry, builtAt, now }: FirstPaintCardForParameters): { view: ExchangeView; words: PageWords } | undefined {
  try {
    if (!isRecord(stored) || stored.v !== FIRST_PAINT_CARDS_VERSION || stored.builtAt !== builtAt) return undefined;
    const { cards, words } = stored as unknown as FirstPaintCards;
    const card = cards[entry.id] as ExchangeView;
    // The words as the page-words answer gives them: a language tag, and the messages or none.
    if (!Object.hasOwn(cards, entry.id) || typeof words?.locale !== 'string' || Object.values(words.messages ?? {}).some((word) => typeof word.message !== 'string')) return undefined;
    // The pill's own face and data: the card is of the exchange, verdict and warnings the pill was decided from.
    const face = pillFace(card) as unknown as Record<string, unknown>;
    if ([...Object.keys(face), 'run'].some((key) => face[key] !== entry[key as keyof FirstPaintEntry]) || !madeWithVerdict(card, entry.fingerprint)) return undefined;
    const at = new Date(now).toISOString();
    return { view: { ...card, computedAt: at, ...(card.runAlert && { runAlert: { ...card.runAlert, computedAt: at } }) }, words };
  } catch {
    // Damaged beyond its shape (a field of the wrong kind): not used.
    return undefined;
  }
}
