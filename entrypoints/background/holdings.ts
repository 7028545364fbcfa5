import { browser } from 'wxt/browser';
import { addressesByChain, NO_ENDPOINT, type ChainReading } from '@/lib/holdings/address-readings';
import { ECB_DAILY_URL, ECB_MAX_BYTES, parseEcbRates } from '@/lib/holdings/ecb-rates';
import { appendHistoryPoint, utcDay } from '@/lib/holdings/history';
import { defillamaCoinIds, defillamaPricesUrl, mergePriceAnswer, parseDefillamaPrices, type PriceTable } from '@/lib/holdings/prices';
import { nextReminder } from '@/lib/holdings/reminders';
import { exchangeBalanceNudge, heldAssets, historyShare, holdingsOverview, holdingsSummary, type HoldingsSummary } from '@/lib/holdings/summary';
import type { PageBalanceNudge } from '@/lib/view/exchange-view';
import type { HoldingsState } from '@/lib/holdings/model';
import type { RiskLevel } from '@/lib/risk/order';
import { fetchSource, readFetchFailure, type FetchLike } from '@/lib/reserves/fetch-source';
import { getSettings, watchSettings } from '@/utils/settings';
import { hasAnyRpcUrl, rpcUrlForChain, type Language } from '@/lib/settings';
import { balanceNudgeText } from '@/lib/words/balance-nudge-text';
import { balanceTranslate, i18nFor } from './words';
import { NOTIFICATIONS } from '@/utils/permissions';
import { chainWork } from './chain-work';
import { fetchNoticingAccess } from './required-hosts';
import { deletedSince, deleteMark } from './delete-everything';
import { getAddressReadings, getHoldings, watchHoldings, getPriceTable, priceStatusItem, saveAddressReadings, updateHoldings, savePrices, type HeldHoldings, type PriceStatus } from '@/utils/holdings';

/**
 * The background's part of the holdings feature: prices and exchange rates on a schedule (never
 * per visit, and only while the user has something to value), the daily point of the self-custody
 * share, watched-address balances through the user's own RPC, the pill's balance message, and
 * the reminder alarm. Nothing here sends the user's holdings or addresses anywhere but their RPC.
 */

export const HOLDINGS_ALARM = 'holdings-refresh';
export const REMINDER_ALARM = 'holdings-reminder';
const PRICE_MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 20_000;

const defaultFetch: FetchLike = fetchNoticingAccess();

/**
 * The price request names every asset we can price, whatever the user holds, and the rate file
 * is fetched whatever the display currency: the same two requests for everyone who uses the
 * feature, so neither says what the user holds or counts in (privacy by construction).
 */
export const pricedSymbols: readonly string[] = Object.keys(defillamaCoinIds).sort();

/** Nothing recorded and nothing watched: no request at all. */
export function hasAnythingToValue(state: HoldingsState): boolean {
  return state.holdings.length > 0 || state.addresses.length > 0;
}

export interface RefreshPricesReturnType {
  /** Whether any request went out. */
  fetched: boolean;
  status: PriceStatus;
}

/** Whether the last price or rate request failed for our missing access to its host (./required-hosts.ts). */
export async function pricesFailedForAccess(): Promise<boolean> {
  const status = await priceStatusItem.getValue();
  return [status.lastFetchFailure, status.lastRatesFetchFailure].some((failure) => readFetchFailure(failure)?.reason === 'no-access');
}

/** The refresh under way, with the delete count it took (./delete-everything.ts). */
let pricesRunning: { done: Promise<RefreshPricesReturnType>; asked: number } | undefined;

/**
 * The price request and the rate file, the same for everyone; the last good table is kept on any failure. A question while
 * a refresh is under way joins it, unless "Delete everything" came since it began: that one writes nothing, so this one asks afresh.
 */
export function refreshPrices({ fetch = defaultFetch, now = Date.now }: { fetch?: FetchLike; now?: () => number } = {}): Promise<RefreshPricesReturnType> {
  if (pricesRunning !== undefined && !deletedSince(pricesRunning.asked)) return pricesRunning.done;
  const asked = deleteMark();
  const run = { asked, done: fetchPrices({ fetch, now, asked }) };
  pricesRunning = run;
  const settled = () => {
    if (pricesRunning === run) pricesRunning = undefined;
  };
  void run.done.then(settled, settled);
  return run.done;
}

/** `asked`: the delete count taken before anything is read. */
async function fetchPrices({ fetch, now, asked }: { fetch: FetchLike; now: () => number; asked: number }): Promise<RefreshPricesReturnType> {
  const [state, previous, readings] = await Promise.all([getHoldings(), getPriceTable(), getAddressReadings()]);
  const stored: PriceStatus = { ...(await priceStatusItem.getValue()) };
  if (!hasAnythingToValue(state)) return { fetched: false, status: stored };
  // Every field is set afresh by this attempt.
  const status: PriceStatus = { lastAttemptAt: now() };
  let next: PriceTable = previous;
  const url = defillamaPricesUrl({ symbols: pricedSymbols });
  const [priceAnswer, ratesAnswer] = await Promise.all([
    fetchSource({ url, fetch, timeoutMs: TIMEOUT_MS, maxBytes: PRICE_MAX_BYTES }),
    fetchSource({ url: ECB_DAILY_URL, fetch, timeoutMs: TIMEOUT_MS, maxBytes: ECB_MAX_BYTES, as: 'text' }),
  ]);
  const prices = priceAnswer.ok ? parseDefillamaPrices({ body: priceAnswer.body, url, fetchedAt: now() }) : undefined;
  if (!priceAnswer.ok) status.lastFetchFailure = priceAnswer.failure;
  else if (prices !== undefined && !prices.ok) status.lastPriceProblem = prices.reason.code;
  else if (prices !== undefined && prices.ok) {
    // Entries of coins no longer held or asked for leave the table here; a failed answer removes nothing.
    next = mergePriceAnswer({ previous: next, answer: prices.table, held: heldAssets({ state, readings }) });
  }
  const rates = ratesAnswer.ok ? parseEcbRates({ text: String(ratesAnswer.body), fetchedAt: now() }) : undefined;
  if (!ratesAnswer.ok) status.lastRatesFetchFailure = ratesAnswer.failure;
  else if (rates !== undefined && !rates.ok) status.lastRatesProblem = rates.reason.failure;
  else if (rates !== undefined && rates.ok) {
    next = { ...next, fiat: rates.fiat };
  }
  // Nothing after "Delete everything" (./delete-everything.ts): checked in the turns the delete takes too, so it cannot come between.
  await savePrices({ ...(next === previous ? {} : { table: next }), status }, () => deletedSince(asked));
  const priceProblem = status.lastFetchFailure ?? status.lastPriceProblem;
  const ratesProblem = status.lastRatesFetchFailure ?? status.lastRatesProblem;
  if (priceProblem !== undefined) console.warn('[reserve-radar] prices:', priceProblem);
  if (ratesProblem !== undefined) console.warn('[reserve-radar] exchange rates:', ratesProblem);
  return { fetched: true, status };
}

/**
 * Today's point of the self-custody share: appended once per UTC day, and during the day kept
 * at the latest complete valuation (an edit in the options page shows in the chart at once). A
 * valuation with gaps or on old prices never overwrites a good point of the same day. Made in the holdings' turn
 * (utils/holdings.ts): from the holdings as stored, and never over an edit saved meanwhile.
 */
export async function recordHistory(now = Date.now()): Promise<boolean> {
  let recorded = false;
  await updateHoldings(async (state) => {
    const [prices, readings] = await Promise.all([getPriceTable(), getAddressReadings()]);
    const overview = holdingsOverview({ state, prices, readings });
    if (!overview.any) return state;
    const share = historyShare(overview, now);
    const last = state.history.at(-1);
    if (last?.day === utcDay(now)) {
      if (share === null || last.selfShare === share) return state;
      recorded = true;
      return { ...state, history: [...state.history.slice(0, -1), { day: last.day, selfShare: share }] };
    }
    const { history, appended } = appendHistoryPoint({ history: state.history, now, selfShare: share });
    recorded = appended;
    return appended ? { ...state, history } : state;
  });
  return recorded;
}

export type ReadBalancesReturnType = { ok: true; chains: ChainReading[]; readAt: number } | { ok: false; reason: 'no-rpc' | 'no-addresses' };

/** Every watched address on each of its chains through the user's RPC, a handful of Multicall3 requests per chain. */
export async function readBalances({ now = Date.now, timeoutMs = TIMEOUT_MS }: { now?: () => number; timeoutMs?: number } = {}): Promise<ReadBalancesReturnType> {
  const asked = deleteMark();
  const [settings, state] = await Promise.all([getSettings(), getHoldings()]);
  if (!hasAnyRpcUrl(settings)) return { ok: false, reason: 'no-rpc' };
  if (state.addresses.length === 0) return { ok: false, reason: 'no-addresses' };
  const chains: ChainReading[] = [];
  for (const [chainId, addresses] of addressesByChain(state.addresses)) {
    const rpcUrl = rpcUrlForChain({ settings, chainId });
    // No endpoint for this network: its balances stay unknown, and the reading says why.
    if (rpcUrl === undefined) chains.push({ chainId, complete: false, positions: [], error: NO_ENDPOINT });
    // Chrome: read in the offscreen document (./chain-work.ts); no answer there is an incomplete reading.
    else chains.push(await chainWork().readChain({ rpcUrl, chainId, addresses, timeoutMs }));
  }
  const readAt = now();
  // Balances read for addresses "Delete everything" removed meanwhile (./delete-everything.ts) are never stored: checked as `savePrices` checks.
  await saveAddressReadings({ readAt, chains }, () => deletedSince(asked));
  return { ok: true, chains, readAt };
}

/** The hourly wake-up: balances (when the user set an RPC), then prices, then today's history point. */
export async function holdingsTick(): Promise<void> {
  const [settings, state] = await Promise.all([getSettings(), getHoldings()]);
  if (hasAnyRpcUrl(settings) && state.addresses.length > 0) await readBalances();
  await refreshPrices();
  await recordHistory();
}

export async function scheduleHoldings(): Promise<void> {
  const existing = await browser.alarms.get(HOLDINGS_ALARM);
  if (existing === undefined) await browser.alarms.create(HOLDINGS_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
}

/**
 * Reads what the pill's balance message needs, so the caller can do it while it works out the
 * page's exchange; the returned function gives the message for that exchange, or undefined, in
 * `language`, the setting the caller read with the delete count `asked` taken before (words.ts `balanceTranslate`).
 */
export async function loadBalanceNudge(read: () => Promise<HeldHoldings>): Promise<(exchangeId: string, level: RiskLevel, language: Language, asked: number) => Promise<PageBalanceNudge | undefined>> {
  const { state, prices, readings } = await read();
  return async (exchangeId, level, language, asked) => {
    const reason = exchangeBalanceNudge({ state, prices, readings, exchangeId, level });
    if (reason === undefined) return undefined;
    // From the words kept for the session: a woken worker's first answer makes no word lookup (words.ts).
    return { kind: reason.kind, text: balanceNudgeText(reason, await balanceTranslate(language, asked)) };
  };
}

export async function summaryForPopup(): Promise<HoldingsSummary | null> {
  const [state, prices, readings] = await Promise.all([getHoldings(), getPriceTable(), getAddressReadings()]);
  return holdingsSummary(holdingsOverview({ state, prices, readings }), state.history, Date.now());
}

async function mayNotify(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/** One alarm at the next reminder moment; none without the permission or without a reminder chosen. */
export async function scheduleReminder(now = Date.now()): Promise<number | null> {
  const asked = deleteMark();
  const { reminders } = await getSettings();
  const next = nextReminder({
    now,
    ...(reminders.monthlyDay === undefined ? {} : { monthlyDay: reminders.monthlyDay }),
    proofOfKeysDay: reminders.proofOfKeysDay,
    utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
  });
  if (next === null || !(await mayNotify())) {
    await browser.alarms.clear(REMINDER_ALARM);
    return null;
  }
  // Planned from settings "Delete everything" cleared since (./delete-everything.ts): its change event plans again.
  if (deletedSince(asked)) return null;
  await browser.alarms.create(REMINDER_ALARM, { when: next.at });
  return next.at;
}

let clickWired = false;

/** Chrome exposes the notifications API only once the permission is granted, so the click is wired when first needed. */
function wireNotificationClick(): void {
  if (clickWired || browser.notifications === undefined) return;
  clickWired = true;
  browser.notifications.onClicked.addListener((id) => {
    if (id === REMINDER_ALARM) void browser.runtime.openOptionsPage();
  });
}

export async function showReminder(): Promise<void> {
  if ((await mayNotify()) && browser.notifications !== undefined) {
    wireNotificationClick();
    const { t } = await i18nFor((await getSettings()).language);
    await browser.notifications.create(REMINDER_ALARM, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: t('reminderTitle'), message: t('reminderBody') });
  }
  await scheduleReminder();
}

/** Wires the alarms' and the notification click's listeners and the reminder's rescheduling; called once from the background's main, which makes sure of the alarms themselves after its first answer. */
export function startHoldings(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HOLDINGS_ALARM) void holdingsTick();
    if (alarm.name === REMINDER_ALARM) void showReminder();
  });
  wireNotificationClick();
  // Turning a reminder on (after granting the permission) or off changes settings: re-plan then.
  watchSettings(() => void scheduleReminder());
  // Recording writes the holdings too; an unchanged share writes nothing, so this settles at once.
  watchHoldings(() => void recordHistory());
}
