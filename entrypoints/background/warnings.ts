import { activeWarnings, type ActiveWarning } from '@/lib/community/active-warnings';
import {
  goodLists,
  MAX_SUBSCRIPTIONS,
  needsCheckAgain,
  replaceSigner,
  sequenceFloor,
  subscriptionHealth,
  type SignerChange,
  type SubscribeFailureCode,
  type SubscribeResult,
  type SubscriptionFailure,
  type SubscriptionHealth,
  type WarningSubscription,
} from '@/lib/community/subscription';
import { keepFloor, keptFloor } from '@/lib/community/sequence-floors';
import { listUrl } from '@/lib/community/list-url';
import { subscribeFailureText, subscriptionLineMarked } from '@/lib/words/warning-list-words';
import { gapAfter } from '@/lib/words/punctuation';
import { getSettings } from '@/utils/settings';
import { chainWork } from './chain-work';
import { checkSubscriptions } from './warning-checks';
import { giveBackUnused, markAdding, mayRead } from './warning-list-access';
import { changeSubscriptions, giveBackIfUnused, readOrWarn, readSubscriptions, type SubscriptionsChange } from './warning-store';
import { i18nFor } from './words';

/*
 * What the user does with the community warning lists and what they see of them: subscribe,
 * unsubscribe, each list's line in the options page, and the warnings the lists give an exchange.
 * Where the subscriptions are kept: warning-store.ts; the checks of the lists: warning-checks.ts;
 * the access to their hosts: warning-list-access.ts.
 */

export { checkSubscriptions } from './warning-checks';
export { clearSubscriptions, startWarnings } from './warning-store';

async function userWords() {
  return i18nFor((await getSettings()).language);
}

export interface SubscriptionView {
  url: string;
  expectedSigner: string;
  health: SubscriptionHealth;
  message: string;
  /** The name of the list in use, once one verified. */
  listName?: string;
  /** The list's `lang`, when it says one. */
  listLang?: string;
  /** Where `listName` starts in `message`, when the line names the list. */
  nameAt?: number;
  /** The list's host, when Reserve Radar may not read it (not granted, or taken away): the list is not fetched. */
  needsAccess?: string;
  /** The latest check's refusal, when it read back, as figures and codes (the page words it in `message`). */
  lastFailure?: SubscriptionFailure;
}

/** Each subscription with the line under it, in the user's language. */
export async function subscriptionViews(now = new Date()): Promise<SubscriptionView[]> {
  const [subscriptions, { t, locale }] = await Promise.all([readSubscriptions(), userWords()]);
  const readable = await Promise.all(subscriptions.map((state) => mayRead(state.url)));
  return subscriptions.map((state, index) => {
    const { message: line, nameAt } = subscriptionLineMarked({ state, now, locale }, t);
    const host = new URL(state.url).hostname;
    const message = readable[index] ? line : noAccessLine(state, host, line, { t, locale });
    return {
      url: state.url,
      expectedSigner: state.expectedSigner,
      ...(readable[index] ? { health: subscriptionHealth({ state, now }), message } : { health: 'failing' as const, message, needsAccess: host }),
      // The line may follow a sentence of its own (no access): the name moves with it.
      ...(nameAt === undefined || !message.endsWith(line) ? {} : { nameAt: message.length - line.length + nameAt }),
      ...(state.lastGood === undefined ? {} : { listName: state.lastGood.list.name }),
      ...(state.lastGood?.list.lang === undefined ? {} : { listLang: state.lastGood.list.lang }),
      ...(state.lastError?.failure === undefined ? {} : { lastFailure: state.lastError.failure }),
    };
  });
}

/** Not read for want of access: the held copy stays in use, said only when there is one (its line follows). */
function noAccessLine(state: WarningSubscription, host: string, line: string, { t, locale }: Awaited<ReturnType<typeof userWords>>): string {
  if (state.lastGood === undefined) return t('listsStateNoAccessNever', host);
  const said = t('listsStateNoAccess', host);
  return `${said}${gapAfter(said, locale)}${line}`;
}

/**
 * Reads the held lists once and answers for any exchange, for building views: its warnings, or
 * `'unread'` when the held lists could not be checked at all (Chrome: the offscreen document
 * failed). That is no "no entry": a list alert must not end on it, nor a card say nothing is
 * listed. The lists stay stored for the next read.
 */
export async function warningLookup(now: Date): Promise<(exchangeId: string) => ActiveWarning[] | 'unread'> {
  const subscriptions = await readOrWarn();
  if (subscriptions === undefined) return () => 'unread';
  const lists = goodLists({ subscriptions });
  return (exchangeId) => (lists.length === 0 ? [] : activeWarnings({ lists, exchangeId, now }));
}

/** `check-again`: held already, and due a check at the user's asking (see `needsCheckAgain`). */
type Refusal = SubscribeFailureCode | 'no-access' | 'check-again';

/** Both checksummed or not: addresses compared as the same 20 bytes. */
const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Adds a subscription and checks it at once. A plain-words reason when the input is wrong or the
 * options page got no access to the list's host; a refusal gives back the access asked for it.
 * The access is checked, and given back, in the turn that writes the subscription: an unsubscribe
 * of another list on that host, at the same moment, cannot take it away from this one.
 */
export async function subscribe(url: string, expectedSigner: string, replaces?: string): Promise<SubscribeResult> {
  // Before anything is awaited: a turn that gives hosts back may come before this one's.
  const added = markAdding(url);
  try {
    return await subscribeMarked({ url, expectedSigner, replaces }, added);
  } finally {
    added();
  }
}

/** `replaces`: the address the user confirmed replacing (see `SignerChange`); without it, or another one held by now, the answer asks to confirm. */
type SubscribeRequest = { url: string; expectedSigner: string; replaces: string | undefined };

/**
 * `subscribe` once its host is marked as wanted; `release` unmarks it, in the turn that writes or refuses.
 * A new list starts from the floor kept for its URL; a confirmed new key keeps the list's own.
 */
async function subscribeMarked({ url, expectedSigner, replaces }: SubscribeRequest, release: () => void): Promise<SubscribeResult> {
  const created = await chainWork().createSubscription({ url, expectedSigner });
  if (!created.ok) {
    release();
    await giveBackIfUnused(url);
    return { ok: false, reason: subscribeFailureText(created.code, (await userWords()).t) };
  }
  const added = created.subscription;
  const outcome = await changeSubscriptions(
    async (current, kept): Promise<SubscriptionsChange<Refusal | SignerChange | undefined>> => {
      if (!(await mayRead(added.url))) return { answer: 'no-access' };
      const held = current.find((subscription) => subscription.url === added.url);
      if (held !== undefined) {
        if (sameAddress(held.expectedSigner, added.expectedSigner)) return { answer: needsCheckAgain({ state: held, now: new Date() }) ? 'check-again' : 'already-subscribed' };
        if (replaces === undefined || !sameAddress(replaces, held.expectedSigner)) return { answer: { url: held.url, current: held.expectedSigner, next: added.expectedSigner } };
        const moved = replaceSigner({ state: held, expectedSigner: added.expectedSigner });
        return { next: current.map((subscription) => (subscription === held ? moved : subscription)), answer: undefined };
      }
      // More would be held until the next read from storage, which keeps the first MAX_SUBSCRIPTIONS only.
      if (current.length >= MAX_SUBSCRIPTIONS) return { answer: 'too-many' };
      const floor = keptFloor((await kept()).floors, added.url);
      // The floor stays kept too: the subscription's own is never lower, and an unsubscribe keeps the higher.
      return { next: [...current, floor === undefined ? added : { ...added, floor }], answer: undefined };
    },
    async (stored, answer) => {
      // Stored with it, or refused: from here the list itself holds the host, or nothing does.
      release();
      if (typeof answer === 'string') await giveBackUnused(added.url, stored);
    },
  );
  if (typeof outcome === 'object') return { ok: false, confirmSignerChange: outcome };
  if (outcome === 'check-again') {
    await checkSubscriptions({ force: true, only: added.url });
    // Fine now: answered as a subscribe is. Still not fine: the form keeps the address and says the row's new line,
    // as the row itself is not read out when it changes.
    const row = (await subscriptionViews()).find((view) => view.url === added.url);
    return row === undefined || row.health === 'ok' ? { ok: true } : { ok: false, reason: row.message };
  }
  const refused = outcome;
  if (refused !== undefined) {
    const { t } = await userWords();
    return { ok: false, reason: refused === 'no-access' ? t('listsAccessDeclined', new URL(added.url).hostname) : subscribeFailureText(refused, t) };
  }
  await checkSubscriptions({ force: true });
  return { ok: true };
}

/** The list goes; the newest number accepted from its URL is kept (see `floorsItem` in warning-store.ts). `asked`: its URL, fragment or not. */
export async function unsubscribe(asked: string): Promise<void> {
  const url = listUrl(asked);
  await changeSubscriptions(
    async (current, kept) => {
      const leaving = current.find((subscription) => subscription.url === url);
      const floor = leaving === undefined ? undefined : sequenceFloor(leaving);
      const floors = floor === undefined ? undefined : keepFloor((await kept()).floors, url, floor);
      return { next: current.filter((subscription) => subscription !== leaving), answer: undefined, ...(floors === undefined ? {} : { floors }) };
    },
    (stored) => giveBackUnused(url, stored),
  );
}
