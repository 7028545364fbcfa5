import { browser } from 'wxt/browser';
import { exchanges, getExchange } from '@/lib/exchanges/registry';
import type { ExchangeDefinition } from '@/lib/exchanges/types';
import { isActive, isSnoozed, nextRunState, parseRunStates, shouldNotify, snoozeRun, unsnoozeRun, type RunStates } from '@/lib/risk/run-episode';
import { evaluateRun } from '@/lib/risk/run-signals';
import { RUN_ALERT_BADGE } from '@/lib/view/badge';
import { runAlertView, type RunAlertView, type RunSnoozeView } from '@/lib/view/run-alert-view';
import { getHoldings } from '@/utils/holdings';
import { NOTIFICATIONS } from '@/utils/permissions';
import { getSettings } from '@/utils/settings';
import { heldSnapshot, ownTokenPricesItem, runAlertsItem } from './data';
import { inTurn } from '@/utils/in-turn';
import { parseHeldOwnTokenPrices } from '@/lib/reserves/refresh-own-token-prices';
import { i18nFor } from './words';
import { runNotificationMessage } from '@/lib/words/run-alert-text';
import { openGuide } from './guide';
import { showGlobalTitle, type GlobalRunAlert } from './action-titles';
import { warningLookup } from './warnings';

/**
 * The run watch in the background (docs/risk-model.md, "Run alert"): after every scheduled data
 * refresh each exchange's run signals are evaluated and its episode state moved on; an episode
 * that starts may notify, once, someone who keeps money there and asked for it. Views read the
 * same state through `runAlertLookup`. Which exchanges the user holds money on is read here, on
 * the device, and decides nothing but whether to notify and whether the global badge turns red.
 */

export const RUN_NOTIFICATION_PREFIX = 'run-alert:';

/**
 * The stored values held in memory once `startRunAlerts` has run: every page's question to the
 * background reads them, and the pill's first paint may wait on that answer. Storage changes
 * replace them, and so do our own writes and removals, at once (the change event comes later).
 * A change of the states reads them from storage instead (`statesInTurn`): a change event can
 * arrive after a later write, and leave an older copy held for a while.
 */
let held: HeldValues | undefined;
/** Each stored value's read, or nothing held yet (the next read asks storage). */
interface HeldValues {
  states?: Promise<unknown> | undefined;
  prices?: Promise<unknown> | undefined;
}

async function readStates(): Promise<RunStates> {
  if (held === undefined) return parseRunStates(await runAlertsItem.getValue());
  held.states ??= runAlertsItem.getValue();
  return parseRunStates(await held.states);
}

/** The stored states as they are now, for a change made in their turn; the held copy follows. */
async function statesInTurn(): Promise<RunStates> {
  const value = await runAlertsItem.getValue();
  if (held !== undefined) held.states = Promise.resolve(value);
  return parseRunStates(value);
}

async function heldOwnTokenPrices(): Promise<ReturnType<typeof parseHeldOwnTokenPrices>> {
  if (held === undefined) return parseHeldOwnTokenPrices(await ownTokenPricesItem.getValue());
  held.prices ??= ownTokenPricesItem.getValue();
  return parseHeldOwnTokenPrices(await held.prices);
}

async function writeStates(next: RunStates): Promise<void> {
  if (held !== undefined) held.states = Promise.resolve(next);
  await runAlertsItem.setValue(next);
}

/** Reads everything once and answers for any exchange: the run watch as views draw it (with `states`: as they will, once those are stored). */
export async function runAlertLookup(now: Date, given?: RunStates): Promise<(exchangeId: string) => RunAlertView | undefined> {
  const [snapshot, prices, warningsFor, states] = await Promise.all([heldSnapshot(), heldOwnTokenPrices(), warningLookup(now), given ?? readStates()]);
  return (exchangeId) => {
    const exchange = getExchange(exchangeId);
    if (exchange === undefined) return undefined;
    const evaluation = evaluateRun({ exchange, reserves: snapshot.exchanges[exchange.id], prices, warnings: warningsFor(exchange.id), now });
    return runAlertView({ exchange, evaluation, state: Object.hasOwn(states, exchange.id) ? states[exchange.id] : undefined, now });
  };
}

/** Every exchange with an alert on, snoozed ones included (marked), the unsnoozed first. */
export async function runAlertViews(now = new Date()): Promise<RunAlertView[]> {
  const lookup = await runAlertLookup(now);
  return exchanges
    .map((exchange) => lookup(exchange.id))
    .filter((view): view is RunAlertView => view?.phase === 'alert')
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

/** One read-modify-write of the stored states at a time (utils/in-turn.ts): a snooze must not be lost to an update. */
function serially<T>(work: () => Promise<T>): Promise<T> {
  return inTurn(runAlertsItem.key, work);
}

/**
 * Moves every exchange's episode on with the data held now; then notifications and the global
 * badge. `tellTabs: false`: the caller tells the open tabs itself afterwards (the scheduled
 * refresh does, once, for the new data and the alert together).
 */
export function updateRunAlerts(now = new Date(), { tellTabs = true }: { tellTabs?: boolean } = {}): Promise<void> {
  return serially(async () => {
    const [snapshot, prices, warningsFor, held] = await Promise.all([heldSnapshot(), heldOwnTokenPrices(), warningLookup(now), statesInTurn()]);
    const next: RunStates = { ...held };
    for (const exchange of exchanges) {
      const evaluation = evaluateRun({ exchange, reserves: snapshot.exchanges[exchange.id], prices, warnings: warningsFor(exchange.id), now });
      const before = Object.hasOwn(held, exchange.id) ? held[exchange.id] : undefined;
      const { state } = nextRunState({ held: before, evaluation, now });
      // Only exchanges with a history are kept: calm and never alerted is the default.
      if (state !== before && !(before === undefined && state.phase === 'calm')) next[exchange.id] = state;
    }
    dropLapsedSnoozes(next, now);
    await notifyAndBadge(next, now, tellTabs);
  });
}

/**
 * Takes out of `states` the end of every snooze that has passed: it silences nothing again, and would stay stored for
 * good. A state left with nothing but calm is the default, and goes too.
 */
function dropLapsedSnoozes(states: RunStates, now: Date): void {
  for (const [id, state] of Object.entries(states)) {
    if (state.snoozedUntil === undefined || isSnoozed(state, now)) continue;
    const { snoozedUntil: _lapsed, ...rest } = state;
    if (rest.phase === 'calm' && rest.raisedBy.length === 0 && Object.keys(rest).length === 2) delete states[id];
    else states[id] = rest;
  }
}

/** "Snooze this exchange's alerts for a week". */
export function snoozeRunAlert(exchangeId: string, now = new Date()): Promise<void> {
  return serially(async () => {
    if (getExchange(exchangeId) === undefined) return;
    const states = await statesInTurn();
    await notifyAndBadge({ ...states, [exchangeId]: snoozeRun(Object.hasOwn(states, exchangeId) ? states[exchangeId] : undefined, now) }, now);
  });
}

/** Every run-alert snooze still in force, soonest to end first, for the options page. */
export async function runSnoozeViews(now = new Date()): Promise<RunSnoozeView[]> {
  const states = await readStates();
  return exchanges
    .flatMap((exchange) => {
      const state = Object.hasOwn(states, exchange.id) ? states[exchange.id] : undefined;
      return state?.snoozedUntil !== undefined && isSnoozed(state, now) ? [{ exchangeId: exchange.id, name: exchange.name, snoozedUntil: state.snoozedUntil }] : [];
    })
    .sort((a, b) => a.snoozedUntil.localeCompare(b.snoozedUntil) || a.name.localeCompare(b.name));
}

/**
 * Lifts the snooze (the popup's undo, the options list's remove): the badge, tooltip and pill show the alert again.
 * `shown`: lifted in the popup, where the alert is drawn; an episode the user saw there is not notified after (`unsnoozeRun`).
 */
export function unsnoozeRunAlert(exchangeId: string, now = new Date(), shown = false): Promise<void> {
  return serially(async () => {
    const states = await statesInTurn();
    const state = Object.hasOwn(states, exchangeId) ? states[exchangeId] : undefined;
    if (state?.snoozedUntil === undefined) return;
    await notifyAndBadge({ ...states, [exchangeId]: unsnoozeRun(state, now, shown) }, now);
  });
}

/** Holdings or settings changed: someone may now keep money where an alert is on, or have asked to be told. */
export function recheckRunNotifications(now = new Date()): Promise<void> {
  return serially(async () => notifyAndBadge(await statesInTurn(), now));
}

/**
 * Data reset: the stored states go, in their turn, and so do the held copies of them and of the
 * own-token prices (removed by the reset before this), so no view or later change uses them.
 */
export function forgetRunStates(): Promise<void> {
  return serially(async () => {
    await runAlertsItem.removeValue();
    if (held === undefined) return;
    held.states = Promise.resolve(undefined);
    held.prices = undefined;
  });
}

function holdsMoneyOn(holdings: Awaited<ReturnType<typeof getHoldings>>): Set<string> {
  return new Set(holdings.holdings.filter((holding) => holding.custodian !== 'self' && (holding.kind === 'asset' ? holding.amount > 0 : holding.value > 0)).map((holding) => holding.custodian));
}

async function mayNotify(): Promise<boolean> {
  if (!(await getSettings()).runAlertNotifications) return false;
  try {
    return (await browser.permissions.contains(NOTIFICATIONS)) && browser.notifications !== undefined;
  } catch {
    return false;
  }
}

/**
 * Run in the run alerts' turn only (`serially`), which "Delete everything" takes too: no delete comes between reading
 * the holdings here and showing the global badge for the exchanges the user keeps money on.
 */
async function notifyAndBadge(states: RunStates, now: Date, tellTabs = true): Promise<void> {
  const [holdings, permitted] = await Promise.all([getHoldings(), mayNotify()]);
  const held = holdsMoneyOn(holdings);
  const next: RunStates = { ...states };
  // The views are read only when an alert is on where the user keeps money: most hours none is.
  let views: Promise<(exchangeId: string) => RunAlertView | undefined> | undefined;
  const lookup = () => (views ??= runAlertLookup(now, states));
  for (const [id, state] of Object.entries(states)) {
    const exchange: ExchangeDefinition | undefined = getExchange(id);
    if (exchange === undefined || !shouldNotify({ state, now, holdsHere: held.has(id), mayNotify: permitted })) continue;
    // A notification that fails (the permission taken back meanwhile, the system refusing it) is
    // tried again next hour, a few times per episode; the episode is saved and the badge turns red all the same.
    try {
      const view = (await lookup())(id);
      if (view === undefined || !view.active) continue;
      const { t, locale } = await i18nFor((await getSettings()).language);
      // Only a reason at alert now is announced: none while the episode settles or only cautions.
      const message = runNotificationMessage(view.reasons, t, locale);
      if (message === undefined) continue;
      wireClicks();
      await browser.notifications.create(`${RUN_NOTIFICATION_PREFIX}${id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(view.cause === 'warning-list' ? 'runAlertTitleList' : 'runAlertTitle', exchange.name),
        message: t('runNotificationBody', message),
      });
    } catch (error) {
      // Counted per episode (shouldNotify stops after NOTIFY_TRIES) and logged at the first only.
      const failures = (state.notifyFailures ?? 0) + 1;
      if (failures === 1) console.warn(`[reserve-radar] run notification for ${id} not shown:`, error);
      next[id] = { ...state, notifyFailures: failures };
      continue;
    }
    next[id] = { ...state, notifiedAt: now.toISOString() };
  }
  // Written only when something changed: the stored first paint is rebuilt on every change.
  const changed = JSON.stringify(next) !== JSON.stringify(await runAlertsItem.getValue());
  if (changed) await writeStates(next);
  const alerted: GlobalRunAlert[] = [];
  for (const exchange of exchanges) {
    if (!held.has(exchange.id) || !Object.hasOwn(next, exchange.id) || !isActive(next[exchange.id]!, now)) continue;
    // As the exchange's own tab has it: an episode whose list entry is gone is over there already.
    // Data that cannot be read leaves the badge red, worded as the outflow it most often is.
    const view = await lookup().then(
      (read) => read(exchange.id) ?? null,
      () => undefined,
    );
    if (view === undefined || view?.active === true) alerted.push({ name: exchange.name, cause: view?.cause ?? 'outflow' });
  }
  await showGlobalBadge(alerted);
  // An alert that started, ended or was snoozed reaches the exchange's open tabs (their badge and pill).
  if (changed && tellTabs) await statesChanged().catch((error: unknown) => console.warn('[reserve-radar] open tabs not told of the run alert:', error));
}

/**
 * The badge every tab without a badge of its own shows: red while an alert is on for an exchange
 * the user keeps money on (`alerts`, none: no alert). Exchange tabs set their own; other tabs clear
 * theirs to show this one. Its tooltip says the alert's sentence, in the user's language.
 */
async function showGlobalBadge(alerts: GlobalRunAlert[]): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const on = alerts.length > 0;
  await action.setBadgeText({ text: on ? RUN_ALERT_BADGE.text : '' });
  if (on) await action.setBadgeBackgroundColor({ color: RUN_ALERT_BADGE.color });
  await showGlobalTitle(alerts).catch((error: unknown) => console.warn('[reserve-radar] no tooltip for the run alert:', error));
}

let clicksWired = false;
/** What follows a change of the stored states; set by `startRunAlerts`. */
let statesChanged: () => Promise<void> = async () => undefined;

/** A click on a run notification opens the withdrawal guide for that exchange. Chrome exposes the API only once granted. */
function wireClicks(): void {
  if (clicksWired || browser.notifications === undefined) return;
  clicksWired = true;
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(RUN_NOTIFICATION_PREFIX)) return;
    void openGuide({ exchangeId: id.slice(RUN_NOTIFICATION_PREFIX.length) });
    void browser.notifications.clear(id);
  });
}

/** Called once from the background's main; `onStatesChanged` follows each change of an exchange's run state. */
export function startRunAlerts(onStatesChanged: () => Promise<void> = async () => undefined): void {
  statesChanged = onStatesChanged;
  const current: HeldValues = {};
  held = current;
  runAlertsItem.watch((value) => {
    current.states = Promise.resolve(value);
  });
  ownTokenPricesItem.watch((value) => {
    current.prices = Promise.resolve(value);
  });
  clicksWired = false;
  wireClicks();
}
