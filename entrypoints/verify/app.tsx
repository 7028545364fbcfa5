import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext, type I18n } from '@/utils/i18n';
import { ProofVerifier } from '@/components/verify/ProofVerifier';
import { ReserveCheck, type ReserveCheckTarget } from '@/components/verify/ReserveCheck';
import { checkReserves, enteredFigure } from '@/lib/chain/reserves-check';
import { reserveAddressLists, reserveTokens } from '@/lib/chain/reserve-addresses';
import { reserveChains } from '@/lib/chain/reserve-chains';
import { exchanges } from '@/lib/exchanges/registry';
import type { Settings } from '@/lib/settings';
import type { ExchangeView } from '@/lib/view/exchange-view';
import { loadI18n } from '@/utils/translate';
import { getSettings } from '@/utils/settings';
import { send } from '@/utils/send';
import { useWatchedSettings } from '@/utils/page-words';
import { verifyOffThread } from '@/utils/verify-off-thread';

function reserveTargets(): ReserveCheckTarget[] {
  const names = new Map(exchanges.map((exchange) => [exchange.id, exchange.name]));
  return reserveAddressLists
    .filter((list) => reserveChains[list.chainId] !== undefined)
    .map((list) => {
      const chain = reserveChains[list.chainId]!;
      return {
        key: `${list.exchangeId}:${list.chainId}`,
        exchangeId: list.exchangeId,
        exchangeName: names.get(list.exchangeId) ?? list.exchangeId,
        chainId: list.chainId,
        chainName: chain.name,
        defillamaChain: chain.defillama,
        nativeSymbol: chain.native,
        addresses: list.addresses,
        tokens: reserveTokens.filter((token) => token.chainId === list.chainId).map((token) => ({ symbol: token.symbol, address: token.address })),
        publishedAt: list.publishedAt,
        readFrom: list.readFrom,
        asOf: list.asOf,
        ...(list.note === undefined ? {} : { note: list.note }),
        ...(list.partial === true ? { partial: true as const } : {}),
      };
    });
}

function App({ initialSettings, initialI18n }: { initialSettings: Settings; initialI18n: I18n }) {
  // The RPC endpoints or the language may be set in the options page while this page is open.
  const [settings, i18n] = useWatchedSettings({ settings: initialSettings, i18n: initialI18n, title: 'verifyTitle' });
  const [views, setViews] = useState<Record<string, ExchangeView> | undefined>(undefined);
  useEffect(() => {
    send({ type: 'all-exchanges' }).then(
      (answer) => setViews(Object.fromEntries((answer ?? []).map((view) => [view.id, view]))),
      // Without the held figures the check still runs; the comparison then says "unknown".
      () => setViews({}),
    );
  }, []);

  return (
    <I18nContext.Provider value={i18n}>
      <div class="verify">
        <h1>{i18n.t('verifyTitle')}</h1>
        <p>{i18n.t('verifyIntro')}</p>
        <ProofVerifier onVerify={verifyOffThread} />
        <ReserveCheck
          targets={reserveTargets()}
          endpoints={settings}
          optionsUrl={browser.runtime.getURL('/options.html')}
          views={views}
          now={new Date()}
          onRun={(target, { rpcUrl, onProgress, signal, published }) =>
            checkReserves({
              rpcUrl,
              chainId: target.chainId,
              addresses: target.addresses,
              tokens: target.tokens,
              nativeSymbol: target.nativeSymbol,
              ...(published === undefined
                ? {}
                : // The user's own copy from the exchange's report, typed without its date: the page says the date is unknown.
                  { published: enteredFigure(published) }),
              onProgress,
              signal,
            })
          }
        />
      </div>
    </I18nContext.Provider>
  );
}

/** Draws the verify page into `root`, in the language set. */
export async function startVerifyPage(root: HTMLElement): Promise<void> {
  const settings = await getSettings();
  // The page's lang and title are set with its words (usePageWords).
  render(<App initialSettings={settings} initialI18n={await loadI18n(settings.language)} />, root);
}
