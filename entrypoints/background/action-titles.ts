import { browser } from 'wxt/browser';
import type { BadgeMeaning } from '@/lib/view/badge';
import type { Language } from '@/lib/settings';
import { badgeTitleText } from '@/lib/words/badge-title';
import { runLeadKey } from '@/lib/words/pill-words';
import type { RunCause } from '@/lib/view/run-alert-view';
import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn } from '@/utils/in-turn';
import { i18nFor } from './words';
import { deletedSince } from './delete-everything';

/**
 * The toolbar button's tooltips, explaining its badges in the user's language. Kept as data for
 * the session (the titles last no longer than the browser), so a change of language words them
 * all again: per tab what its badge means, `null` for a tab with no badge of its own (it shows
 * the global badge); and the exchanges the global red "!" is on for, by name and cause.
 */
const badgeMeanings = defineLazyItem<Record<string, BadgeMeaning | null>>('session:badgeMeanings', { fallback: {}, version: 1 });
const globalAlert = defineLazyItem<GlobalRunAlert[]>('session:globalRunAlerts', { fallback: [], version: 1 });

/** An exchange the global red "!" is on for, and what raised its alert (the tooltip words it so). */
export interface GlobalRunAlert {
  name: string;
  cause: RunCause;
}

type Words = Awaited<ReturnType<typeof i18nFor>>;

const action = () => browser.action ?? browser.browserAction;

/**
 * Every title is set in the meanings' turn (utils/in-turn.ts), with the meanings read in it: a
 * change of language, a tab's new badge and the run alert's start or end never leave an older
 * title last, nor drop another tab's meaning.
 */
function serially(work: () => Promise<void>): Promise<void> {
  return inTurn(badgeMeanings.key, work);
}

/** The language last chosen (a change words everything again), else the stored setting's. */
let chosen: Language | undefined;
let storedLanguage: () => Promise<Language> = async () => 'auto';

/** Called once from the background's main. */
export function startActionTitles(language: () => Promise<Language>): void {
  chosen = undefined;
  storedLanguage = language;
}

async function words(): Promise<Words> {
  return i18nFor(chosen ?? (await storedLanguage()));
}

/** The global badge's tooltip: the run alert's sentence, or empty (the browser then shows the extension's name). */
function globalText(alerts: GlobalRunAlert[], { t, locale }: Words): string {
  const leads = (['outflow', 'warning-list'] as const).flatMap((cause) => {
    const names = alerts.filter((alert) => alert.cause === cause).map((alert) => alert.name);
    return names.length === 0 ? [] : [t(runLeadKey(cause), new Intl.ListFormat(locale, { type: 'conjunction' }).format(names))];
  });
  if (leads.length === 0) return '';
  return t(
    'actionTitle',
    leads.reduce((before, next) => t('pillLabelAnd', [before, next])),
  );
}

/**
 * A tab's tooltip. A tab without a badge of its own takes the global one's words: Chrome has no
 * way to unset one tab's title (null is refused), so the global text is written to the tab and
 * written again whenever the run alert starts or ends.
 */
function tabText(meaning: BadgeMeaning | null, alerts: GlobalRunAlert[], i18n: Words): string {
  if (meaning !== null) return badgeTitleText(meaning, i18n.t);
  return globalText(alerts, i18n) || i18n.t('extName');
}

/** Sets each tab's title; a tab that closed meanwhile refuses it, and its meaning goes. */
async function titleTabs(entries: [string, BadgeMeaning | null][], alerts: GlobalRunAlert[], i18n: Words): Promise<void> {
  const gone: string[] = [];
  await Promise.all(
    entries.map(([tabId, meaning]) =>
      action()
        .setTitle({ tabId: Number(tabId), title: tabText(meaning, alerts, i18n) })
        .catch(() => gone.push(tabId)),
    ),
  );
  if (gone.length === 0) return;
  const held = await badgeMeanings.getValue();
  await badgeMeanings.setValue(Object.fromEntries(Object.entries(held).filter(([tabId]) => !gone.includes(tabId))));
}

/**
 * The tooltip of a tab whose badge was just drawn (`undefined`: the tab has no badge of its own). `asked`
 * (delete-everything.ts's `deleteMark`, taken before the badge's state was computed): after a delete since,
 * the meaning is not kept. "Delete everything" clears the meanings in their turn, so the check in it holds.
 */
export function showTabTitle(tabId: number, meaning: BadgeMeaning | undefined, asked?: number): Promise<void> {
  return serially(async () => {
    if (asked !== undefined && deletedSince(asked)) return;
    const [i18n, held, alerts] = await Promise.all([words(), badgeMeanings.getValue(), globalAlert.getValue()]);
    const value = meaning ?? null;
    await action().setTitle({ tabId, title: tabText(value, alerts, i18n) });
    if (JSON.stringify(held[tabId]) !== JSON.stringify(value)) await badgeMeanings.setValue({ ...held, [tabId]: value });
  });
}

/**
 * The global badge's tooltip while a run alert is on for `alerts` (none: the alert ended), and every tab that shows it.
 * Called in the run alerts' turn, which "Delete everything" takes too: `alerts` were found after any delete.
 */
export function showGlobalTitle(alerts: GlobalRunAlert[]): Promise<void> {
  return serially(async () => {
    const [i18n, held] = await Promise.all([words(), badgeMeanings.getValue()]);
    await globalAlert.setValue(alerts);
    await action().setTitle({ title: globalText(alerts, i18n) });
    await titleTabs(
      Object.entries(held).filter(([, meaning]) => meaning === null),
      alerts,
      i18n,
    );
  });
}

/** Words every tooltip again, in `language` (the setting changed). */
export function retitleAll(language: Language): Promise<void> {
  chosen = language;
  return serially(async () => {
    const [i18n, held, alerts] = await Promise.all([i18nFor(language), badgeMeanings.getValue(), globalAlert.getValue()]);
    await action().setTitle({ title: globalText(alerts, i18n) });
    await titleTabs(Object.entries(held), alerts, i18n);
  });
}

/** A closed tab's tooltip is forgotten with it. */
export function forgetTabTitle(tabId: number): Promise<void> {
  return serially(async () => {
    const held = await badgeMeanings.getValue();
    if (Object.hasOwn(held, tabId)) await badgeMeanings.setValue(Object.fromEntries(Object.entries(held).filter(([id]) => id !== String(tabId))));
  });
}
