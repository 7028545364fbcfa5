import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatUnits, type Address } from 'viem';
import { I18nContext, type I18n } from '@/utils/i18n';
import { Guide, type BalanceWatch, type EnsLookup, type GuideExchange } from '@/components/guide/Guide';
import type { TestRise } from '@/components/guide/TestStep';
import { watchPhase } from '@/components/guide/shared';
import { watchArrival, watchBalance, type ArrivalErrorCode, type ArrivalUpdate } from '@/lib/chain/arrival';
import { arrivalAsset, waitForTokenDecimals } from '@/lib/chain/arrival-asset';
import { checkPoisoning, type AddressBookEntry } from '@/lib/custody/address-book';
import { resolveEnsName } from '@/lib/custody/ens';
import { baselineAtPress, type BalanceRead } from '@/lib/custody/test-baseline';
import { getNetwork } from '@/lib/custody/networks';
import type { GuideResetReason, GuideState } from '@/lib/custody/steps';
import { exchanges } from '@/lib/exchanges/registry';
import { guideRpcUrls, type Settings } from '@/lib/settings';
import {
  type BookFollow,
  followAddressBook,
  followGuideClears,
  type GuideClears,
  loadAddressBook,
  loadGuideState,
  loadSavedGuides,
  markStoredSuspect,
  removeFromAddressBook,
  saveToAddressBook,
} from '@/utils/guide-state';
import { useGuideMemory } from './memory';
import { getSettings } from '@/utils/settings';
import { loadI18n } from '@/utils/translate';
import { useWatchedSettings } from '@/utils/page-words';
import { send } from '@/utils/send';
import type { RunAlertView } from '@/lib/view/run-alert-view';

/** Often enough to notice a test within seconds, rare enough to be polite to the user's endpoint. */
const POLL_MS = 4_000;
/**
 * A balance read longer ago than this at the "I have sent" press is no baseline: anything may have arrived since.
 * A few polls, with room for a hidden tab, whose timers the browser may run only once a minute.
 */
const BASELINE_MAX_AGE_MS = 90_000;

const idleEns: EnsLookup = { status: 'idle', name: '', address: null, errorCode: null };
const watchOff: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };

function guideExchanges(current: string | null): GuideExchange[] {
  return exchanges
    .filter((exchange) => exchange.status.kind === 'operating' || exchange.id === current)
    .map((exchange) => ({ id: exchange.id, name: exchange.name, ...(exchange.withdrawal === undefined ? {} : { withdrawal: exchange.withdrawal }) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function fromUpdate(update: ArrivalUpdate, decimals: number): BalanceWatch {
  if (update.status === 'error') return { ...watchOff, status: 'error', errorCode: update.error?.code ?? 'read-failed', checkedAt: update.checkedAt };
  return {
    status: update.status === 'arrived' ? 'arrived' : 'watching',
    balance: update.balance === null ? null : formatUnits(BigInt(update.balance), decimals),
    increase: update.formattedIncrease,
    blockNumber: update.blockNumber,
    checkedAt: update.checkedAt,
    errorCode: null,
  };
}

export interface AppProps {
  initialState: GuideState;
  /** Each exchange's saved guide, for switching exchange on the route step. */
  initialSaved: Map<string, GuideState>;
  initialBook: AddressBookEntry[];
  /** The book followed since before its first read. */
  books: BookFollow;
  initialSettings: Settings;
  initialI18n: I18n;
  resetReason: GuideResetReason | null;
  prefillExchangeId: string | undefined;
  clears: GuideClears;
  clearsAtLoad: number;
}

export function App({ initialState, initialSaved, initialBook, books, initialSettings, initialI18n, resetReason, prefillExchangeId, clears, clearsAtLoad }: AppProps) {
  const { state, current, dispatch, drops, askedNow } = useGuideMemory({ initialState, initialSaved, exchangeId: prefillExchangeId, clears, clearsAtLoad });
  const [book, setBook] = useState(initialBook);
  // The book as stored, changed here or elsewhere: the look-alike check and the address book step's mark go by it.
  useEffect(() => {
    const stop = books.watch(setBook);
    // A change by another page between the first read and now.
    if (books.latest !== undefined) setBook(books.latest);
    return stop;
  }, [books]);
  // The book judged against the guide's address at each change, whatever step is shown: a look-alike saved since (another tab, an
  // import) marks the address in the stored guide, so the steps show the alert and the exchange page warns on any address pasted
  // instead of comparing. The address and what was recorded after it are kept, and come back as they were once the look-alike is gone.
  const suspect = state.network !== null && state.address !== null && checkPoisoning({ candidate: { network: state.network, address: state.address }, book }).status === 'lookalike';
  useEffect(() => {
    if (suspect === (state.addressSuspect === true)) return;
    // Only the mark is stored: every open guide tab hears of the book, and its whole guide may be older than another tab's.
    dispatch({ type: 'address-suspect', suspect }, { store: false });
    markStoredSuspect(state, suspect).catch((error: unknown) => console.error('[reserve-radar] the look-alike mark could not be stored', error));
  }, [suspect, state.addressSuspect, dispatch]);
  // The RPC endpoints or the language may be set in the options page while this page is open.
  const [settings, i18n] = useWatchedSettings({ settings: initialSettings, i18n: initialI18n, title: 'guideTitle' });
  const [ens, setEns] = useState(idleEns);
  // The alerts the popup shows (runs, warning-list entries): the one for the exchange withdrawn from leads the guide.
  const [alerts, setAlerts] = useState<readonly RunAlertView[]>([]);
  useEffect(() => {
    // Only a list is kept: an answer of another shape (none, when the message is not routed) would take the whole guide down.
    send({ type: 'run-alerts' }).then(
      (views: unknown) => setAlerts(Array.isArray(views) ? (views as RunAlertView[]) : []),
      (error: unknown) => console.error('[reserve-radar] the alerts could not be read', error),
    );
  }, []);
  const [watch, setWatch] = useState(watchOff);
  // Before the test: the latest good read, and the lowest since the watch started, so a rise before the press is never absorbed unseen.
  const latestRead = useRef<BalanceRead | null>(null);
  const lowestRead = useRef<BalanceRead | null>(null);
  // A rise seen at the press, until the user says whether it is the test.
  const [rise, setRise] = useState<(TestRise & { from: string; to: string }) | null>(null);
  const network = state.network === null ? undefined : getNetwork(state.network);
  // The arrival is read on the network withdrawn on (its own endpoint from the options, else the main one); ENS on mainnet.
  const { arrival: rpcUrl, ens: ensRpcUrl } = guideRpcUrls({ settings, chainId: network?.chainId });
  const phase = watchPhase(state, rpcUrl);
  const watched =
    phase !== 'off' && network?.chainId !== undefined && state.asset !== null ? arrivalAsset({ chainId: network.chainId, nativeAsset: network.nativeAsset, asset: state.asset }) : undefined;
  // A token's decimals come from the contract itself, read again on the poll interval until they are, and only while a balance is
  // to be read: not once nothing is watched (no baseline, arrived, done). The native coin has 18 on every EVM network here.
  const tokenAddress = (phase === 'before-test' || phase === 'after-test') && watched?.kind === 'token' ? watched.address : undefined;
  const [token, setToken] = useState<{ address: Address; decimals: number } | { address: Address; error: ArrivalErrorCode } | undefined>(undefined);
  useEffect(() => {
    setToken(undefined);
    if (tokenAddress === undefined || rpcUrl === undefined || network?.chainId === undefined) return;
    const controller = new AbortController();
    void waitForTokenDecimals({
      rpcUrl,
      chainId: network.chainId,
      address: tokenAddress,
      pollMs: POLL_MS,
      signal: controller.signal,
      // The same failure again changes nothing on screen: no new state, so no redraw and no restart of the balance watch.
      onError: (error) => setToken((shown) => (shown !== undefined && shown.address === tokenAddress && 'error' in shown && shown.error === error ? shown : { address: tokenAddress, error })),
    }).then((decimals) => {
      if (decimals !== undefined) setToken({ address: tokenAddress, decimals });
    });
    return () => controller.abort();
  }, [tokenAddress, rpcUrl, network]);
  // null: nothing to read (the native coin); undefined: not read yet, or read for the asset chosen before.
  const tokenRead = tokenAddress === undefined ? null : token?.address === tokenAddress ? token : undefined;
  const knownToken = tokenRead !== null && tokenRead !== undefined && 'decimals' in tokenRead ? tokenRead : undefined;
  // Ready to read: the native coin at once, a token once its decimals are known.
  const readable = phase !== 'off' && (tokenRead === null || knownToken !== undefined);
  const decimals = knownToken?.decimals ?? 18;
  const tokenParameter = knownToken === undefined ? {} : { token: knownToken };
  // Until the decimals are read, that read is what the watch shows.
  const shownWatch: BalanceWatch =
    phase === 'before-test' || phase === 'after-test'
      ? tokenRead === undefined
        ? { ...watchOff, status: 'loading' }
        : tokenRead !== null && 'error' in tokenRead
          ? { ...watchOff, status: 'error', errorCode: tokenRead.error }
          : watch
      : watch;

  // After "Delete everything", the address book shown and a name looked up go with the guide.
  useEffect(() => {
    if (drops === 0) return;
    setEns(idleEns);
    setBook([]);
    void loadAddressBook().then(setBook, (error: unknown) => console.error('[reserve-radar] the address book could not be read', error));
  }, [drops]);

  // Before the test is sent, the balance it must rise above, read again and again so it is fresh when the test is sent;
  // after, the watch for the rise. With no balance from before the test there is nothing to watch against (watchPhase).
  useEffect(() => {
    // An arrival just seen stays on screen, with its amount.
    if (phase === 'arrived') return;
    latestRead.current = null;
    lowestRead.current = null;
    setRise(null);
    setWatch(watchOff);
    // An address marked as a look-alike of a saved one is not watched: its steps are hidden, and no arrival is recorded for it.
    if (suspect || !readable || rpcUrl === undefined || state.address === null || network?.chainId === undefined) return;
    if (phase !== 'before-test' && (phase !== 'after-test' || state.testBaseline === null)) return;
    const controller = new AbortController();
    const read = { rpcUrl, chainId: network.chainId, address: state.address, pollMs: POLL_MS, signal: controller.signal, ...tokenParameter };
    setWatch({ ...watchOff, status: 'loading' });
    if (phase === 'before-test') {
      void watchBalance({
        ...read,
        onUpdate: (update) => {
          if (update.status !== 'error' && update.balance !== null) {
            const read = { units: update.balance, checkedAt: update.checkedAt };
            latestRead.current = read;
            if (lowestRead.current === null || BigInt(read.units) < BigInt(lowestRead.current.units)) lowestRead.current = read;
          }
          setWatch(update.status === 'error' ? fromUpdate(update, decimals) : { ...fromUpdate(update, decimals), increase: null });
        },
      });
    } else if (state.testBaseline !== null) {
      void watchArrival({ ...read, baseline: state.testBaseline, onUpdate: (update) => setWatch(fromUpdate(update, decimals)) }).then((result) => {
        if (result.status === 'arrived') dispatch({ type: 'test-arrived' });
      });
    }
    return () => controller.abort();
  }, [phase, readable, token, state.testBaseline, state.address, suspect, rpcUrl, network, dispatch]);

  return (
    <I18nContext.Provider value={i18n}>
      <Guide
        state={state}
        book={book}
        exchanges={guideExchanges(state.exchangeId)}
        rpcUrl={rpcUrl}
        ensRpcUrl={ensRpcUrl}
        alerts={alerts}
        drops={drops}
        {...(prefillExchangeId === undefined ? {} : { prefillExchangeId })}
        resetReason={resetReason}
        ens={ens}
        watch={shownWatch}
        onAction={dispatch}
        onSaveAddress={async (label) => {
          const { address, network: chosen } = current.current;
          if (address === null || chosen === null) throw new Error('No address to save.');
          // An answer from before a delete is for a guide and a book the page no longer holds.
          const fresh = askedNow();
          const saved = await saveToAddressBook({ label, network: chosen, address });
          if (!fresh()) return;
          setBook(saved);
          dispatch({ type: 'address-book', outcome: 'saved' });
        }}
        onRemoveAddress={(entry) => {
          const fresh = askedNow();
          return removeFromAddressBook(entry).then((left) => {
            if (fresh()) setBook(left);
          });
        }}
        onResolveEns={(name) => {
          if (ensRpcUrl === undefined) return;
          setEns({ status: 'loading', name, address: null, errorCode: null });
          const fresh = askedNow();
          void resolveEnsName({ name, rpcUrl: ensRpcUrl }).then((result) => {
            if (fresh()) setEns({ status: 'done', name, address: result.address, errorCode: result.error?.code ?? null });
          });
        }}
        rise={rise === null ? null : { increase: rise.increase, since: rise.since }}
        // The freshest balance read before the press: none when no read has succeeded or the last is old, which the guide then says;
        // a question when it is above the lowest read before, since that rise may be the test itself.
        onTestSent={() => {
          const press = baselineAtPress({ latest: latestRead.current, lowest: lowestRead.current, now: new Date(), maxAgeMs: BASELINE_MAX_AGE_MS });
          if (press.kind === 'ask') setRise({ increase: formatUnits(press.increase, decimals), since: press.since, from: press.from, to: press.to });
          else dispatch(press.kind === 'none' ? { type: 'test-sent' } : { type: 'test-sent', baseline: press.units });
        }}
        // Yes: measured from before the rise, so the watch sees the test arrived; no: the rise is something else, measured from after it.
        onTestRise={(isTest) => {
          if (rise === null) return;
          setRise(null);
          dispatch({ type: 'test-sent', baseline: isTest ? rise.from : rise.to });
        }}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
    </I18nContext.Provider>
  );
}

/**
 * Draws the guide page into `root`: what it holds of the guide, the address book, the settings and the words, read from storage.
 * `search` is the page's query: `?exchange=<id>` when it was opened from an exchange's page.
 */
export async function startGuidePage(root: HTMLElement, search: string): Promise<void> {
  // Opened from an exchange page: that exchange's own guide, unless it is not one the guide knows.
  const requested = new URLSearchParams(search).get('exchange') ?? undefined;
  const prefill = requested !== undefined && exchanges.some((exchange) => exchange.id === requested && exchange.status.kind === 'operating') ? requested : undefined;
  // Followed before the first read: a delete, or the book changed, while the page loads must not leave it holding what it read.
  const clears = followGuideClears();
  const clearsAtLoad = clears.count;
  const books = followAddressBook();
  const [settings, loaded, book, saved] = await Promise.all([getSettings(), loadGuideState(prefill), loadAddressBook(), loadSavedGuides()]);
  // The static "loading" placeholder goes; Preact would otherwise render beside it.
  root.replaceChildren();
  render(
    <App
      initialState={loaded.state}
      initialSaved={saved}
      initialBook={book}
      books={books}
      initialSettings={settings}
      initialI18n={await loadI18n(settings.language)}
      resetReason={loaded.resetReason}
      prefillExchangeId={prefill}
      clears={clears}
      clearsAtLoad={clearsAtLoad}
    />,
    root,
  );
}
