import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatUnits, type Address } from 'viem';
import { I18nContext, type I18n } from '@/utils/i18n';
import { Guide, type BalanceWatch, type EnsLookup, type GuideExchange } from '@/components/guide/Guide';
import { canWatchBalance } from '@/components/guide/shared';
import { checkArrival, watchArrival, type ArrivalUpdate } from '@/lib/chain/arrival';
import { arrivalAsset, readTokenDecimals } from '@/lib/chain/arrival-asset';
import type { AddressBookEntry } from '@/lib/custody/address-book';
import { resolveEnsName } from '@/lib/custody/ens';
import { getNetwork } from '@/lib/custody/networks';
import { applyGuideActionFor } from '@/lib/custody/guides';
import type { GuideAction, GuideResetReason, GuideState } from '@/lib/custody/steps';
import { exchanges } from '@/lib/exchanges/registry';
import { guideRpcUrls, type Settings } from '@/lib/settings';
import { loadAddressBook, loadGuideState, loadSavedGuides, removeFromAddressBook, saveGuideState, saveToAddressBook } from '@/utils/guide-state';
import { getSettings, watchSettings } from '@/utils/settings';
import { loadI18n } from '@/utils/translate';
import { usePageWords } from '@/utils/page-words';
import { runPage } from '@/utils/run-page';
import '@/components/card.css';
import './style.css';

/** Often enough to notice a test within seconds, rare enough to be polite to the user's endpoint. */
const POLL_MS = 4_000;

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

interface AppProps {
  initialState: GuideState;
  /** Each exchange's saved guide, for switching exchange on the route step. */
  initialSaved: Map<string, GuideState>;
  initialBook: AddressBookEntry[];
  initialSettings: Settings;
  initialI18n: I18n;
  resetReason: GuideResetReason | null;
  prefillExchangeId: string | undefined;
}

function App({ initialState, initialSaved, initialBook, initialSettings, initialI18n, resetReason, prefillExchangeId }: AppProps) {
  const [state, setState] = useState(initialState);
  const [book, setBook] = useState(initialBook);
  const [settings, setSettings] = useState(initialSettings);
  const [i18n, showLanguage] = usePageWords({ language: initialSettings.language, i18n: initialI18n, title: 'guideTitle' });
  const [ens, setEns] = useState(idleEns);
  const [watch, setWatch] = useState(watchOff);
  const current = useRef(state);
  const saved = useRef(initialSaved);
  const baseline = useRef<string | null>(null);
  const network = state.network === null ? undefined : getNetwork(state.network);
  // The arrival is read on the network withdrawn on (its own endpoint from the options, else the main one); ENS on mainnet.
  const { arrival: rpcUrl, ens: ensRpcUrl } = guideRpcUrls({ settings, chainId: network?.chainId });
  const watchable = canWatchBalance(state, rpcUrl);
  const watched = watchable && network?.chainId !== undefined && state.asset !== null ? arrivalAsset({ chainId: network.chainId, nativeAsset: network.nativeAsset, asset: state.asset }) : undefined;
  const tokenAddress = watched?.kind === 'token' ? watched.address : undefined;
  // A token's decimals come from the contract itself; the native coin has 18 on every EVM network here.
  const [token, setToken] = useState<{ address: Address; decimals: number } | null | undefined>(undefined);
  useEffect(() => {
    setToken(undefined);
    if (tokenAddress === undefined || rpcUrl === undefined) return;
    let live = true;
    void readTokenDecimals({ rpcUrl, address: tokenAddress }).then((decimals) => {
      if (live) setToken(decimals === undefined ? null : { address: tokenAddress, decimals });
    });
    return () => {
      live = false;
    };
  }, [tokenAddress, rpcUrl]);
  // Ready to read: the native coin at once, a token once its decimals are known.
  const readable = watchable && (tokenAddress === undefined || token !== undefined);
  const decimals = token?.decimals ?? 18;
  const tokenParameter = token === undefined || token === null ? {} : { token };

  const dispatch = useCallback((action: GuideAction) => {
    const next = applyGuideActionFor({ state: current.current, action, savedGuideOf: (exchangeId) => saved.current.get(exchangeId) });
    if (next === current.current) return;
    current.current = next;
    if (next.exchangeId !== null) saved.current.set(next.exchangeId, next);
    setState(next);
    void saveGuideState(next);
  }, []);

  // The RPC endpoint or language may be set in the options page while the guide is open.
  useEffect(
    () =>
      watchSettings((next) => {
        setSettings(next);
        showLanguage(next.language);
      }),
    [showLanguage],
  );

  // Before the test is sent: the balance it must rise above.
  useEffect(() => {
    baseline.current = null;
    if (!readable || state.testSentAt !== null || rpcUrl === undefined || state.address === null || network === undefined) {
      setWatch(watchOff);
      return;
    }
    if (token === null) {
      setWatch({ ...watchOff, status: 'error', errorCode: 'bad-token' });
      return;
    }
    let live = true;
    setWatch({ ...watchOff, status: 'loading' });
    void checkArrival({ rpcUrl, chainId: network.chainId, address: state.address, baseline: '0', ...tokenParameter }).then((update) => {
      if (!live) return;
      if (update.status !== 'error') baseline.current = update.balance;
      setWatch(update.status === 'error' ? fromUpdate(update, decimals) : { ...fromUpdate(update, decimals), status: 'watching', increase: null });
    });
    return () => {
      live = false;
    };
  }, [readable, token, state.testSentAt, state.address, rpcUrl, network]);

  // After the test is sent: poll until the balance rises, then mark it arrived.
  useEffect(() => {
    if (!readable || token === null || state.testSentAt === null || state.testArrivedAt !== null || rpcUrl === undefined || state.address === null || network === undefined) return;
    const controller = new AbortController();
    setWatch({ ...watchOff, status: 'loading' });
    void watchArrival({
      rpcUrl,
      chainId: network.chainId,
      address: state.address,
      ...(state.testBaseline === null ? {} : { baseline: state.testBaseline }),
      pollMs: POLL_MS,
      signal: controller.signal,
      ...tokenParameter,
      onUpdate: (update) => setWatch(fromUpdate(update, decimals)),
    }).then((result) => {
      if (result.status === 'arrived') dispatch({ type: 'test-arrived' });
    });
    return () => controller.abort();
  }, [readable, token, state.testSentAt, state.testArrivedAt, state.testBaseline, state.address, rpcUrl, network, dispatch]);

  return (
    <I18nContext.Provider value={i18n}>
      <Guide
        state={state}
        book={book}
        exchanges={guideExchanges(state.exchangeId)}
        rpcUrl={rpcUrl}
        ensRpcUrl={ensRpcUrl}
        {...(prefillExchangeId === undefined ? {} : { prefillExchangeId })}
        resetReason={resetReason}
        ens={ens}
        watch={watch}
        onAction={dispatch}
        onSaveAddress={async (label) => {
          const { address, network: chosen } = current.current;
          if (address === null || chosen === null) throw new Error('No address to save.');
          setBook(await saveToAddressBook({ label, network: chosen, address }));
          dispatch({ type: 'address-book', outcome: 'saved' });
        }}
        onRemoveAddress={(entry) => removeFromAddressBook(entry).then(setBook)}
        onResolveEns={(name) => {
          if (ensRpcUrl === undefined) return;
          setEns({ status: 'loading', name, address: null, errorCode: null });
          void resolveEnsName({ name, rpcUrl: ensRpcUrl }).then((result) => setEns({ status: 'done', name, address: result.address, errorCode: result.error?.code ?? null }));
        }}
        onTestSent={() => dispatch(baseline.current === null ? { type: 'test-sent' } : { type: 'test-sent', baseline: baseline.current })}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
    </I18nContext.Provider>
  );
}

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  // Opened from an exchange page: that exchange's own guide, unless it is not one the guide knows.
  const requested = new URLSearchParams(location.search).get('exchange') ?? undefined;
  const prefill = requested !== undefined && exchanges.some((exchange) => exchange.id === requested && exchange.status.kind === 'operating') ? requested : undefined;
  const [settings, loaded, book, saved] = await Promise.all([getSettings(), loadGuideState(prefill), loadAddressBook(), loadSavedGuides()]);
  // The static "loading" placeholder goes; Preact would otherwise render beside it.
  root.replaceChildren();
  render(
    <App
      initialState={loaded.state}
      initialSaved={saved}
      initialBook={book}
      initialSettings={settings}
      initialI18n={await loadI18n(settings.language)}
      resetReason={loaded.resetReason}
      prefillExchangeId={prefill}
    />,
    root,
  );
}

void runPage(main);
