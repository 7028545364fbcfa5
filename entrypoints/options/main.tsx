import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext, type I18n } from '@/utils/i18n';
import { Options } from '@/components/Options';
import { send } from '@/utils/send';
import { exchanges } from '@/lib/exchanges/registry';
import type { Settings } from '@/lib/settings';
import { loadI18n } from '@/utils/translate';
import { usePageWords } from '@/utils/page-words';
import { runPage } from '@/utils/run-page';
import { getSettings } from '@/utils/settings';
import { useStoredSettings } from '@/utils/stored-settings';
import { askAccess, giveBackBroadAccess, holdsBroadAccess, listAccess, TAB_ADDRESSES } from '@/utils/permissions';
import { keepHashTargetInView } from '@/utils/scroll-to-hash';
import { HoldingsGlue } from './holdings';
import { useAllowedLookalikes } from './lookalike';
import { resetSettingsThenPermissions } from './reset';
import { useSettingsChange } from './settings-change';
import { useSourcesState } from './sources-state';
import { useSubscriptions } from './subscriptions';
import { useRunSnoozes } from './run-snoozes';
import { useBroadAccess, usePermission } from '@/utils/broad-access';
import '@/components/holdings.css';
import '@/components/card.css';
import '@/components/controls.css';
import '@/components/language-picker.css';
import './style.css';

/** The access a list's URL needs, or undefined when it does not parse. */
function accessFor(url: string): ReturnType<typeof listAccess> | undefined {
  try {
    return listAccess(url.trim());
  } catch {
    return undefined;
  }
}

const exchangeNames = Object.fromEntries(exchanges.map((exchange) => [exchange.id, exchange.name]));

/**
 * The hosts the manifest requires (Chrome's `host_permissions`; Firefox's MV2 manifest has none apart), read once, and
 * whether the browser gives them. Chromium withholds them when an extension gives up the access to all sites, and
 * gives them again only through its prompt.
 */
interface RequiredHosts {
  asked: { origins: string[] };
  held: boolean;
}

const readSourcesState = () => send({ type: 'sources-state' });
const readRunSnoozes = () => send({ type: 'run-snoozes' });
const readSubscriptions = () => send({ type: 'subscriptions-state' });
const removeSubscription = (url: string) => send({ type: 'unsubscribe', url });

function App({ initial, initialI18n, initialBroadAccess, requiredHosts }: { initial: Settings; initialI18n: I18n; initialBroadAccess: boolean; requiredHosts: RequiredHosts }) {
  // Follows storage: an import or another page's change shows here, and an edit builds on it.
  const [settings, setSettings] = useStoredSettings(initial);
  const [i18n, showLanguage] = usePageWords({ language: initial.language, i18n: initialI18n, title: 'optionsTitle' });
  // Protection is on only with the setting and the access both: without the access no lookalike is stopped.
  const broadAccess = useBroadAccess(initialBroadAccess);
  const allowedHosts = useAllowedLookalikes();
  const [hostsHeld, setHostsHeld] = usePermission(requiredHosts.asked, requiredHosts.held);
  const allHostsHeld = requiredHosts.asked.origins.length === 0 || hostsHeld;
  // The page speaks the stored language, whoever changed it.
  useEffect(() => showLanguage(settings.language), [settings.language, showLanguage]);
  const { sources, setSources, sourcesFailed, readSources } = useSourcesState(readSourcesState);
  // Follows storage too: a list subscribed or unsubscribed on another options page, or checked again, shows here.
  const { subscriptions, failed: subscriptionsFailed, reload: reloadSubscriptions, unsubscribe } = useSubscriptions(readSubscriptions, removeSubscription);
  const [runSnoozes, reloadRunSnoozes] = useRunSnoozes(readRunSnoozes);
  useEffect(() => {
    void readSources();
  }, [readSources]);

  const change = useSettingsChange(setSettings);
  // Counts the deletes of everything: each one draws the fields afresh, so nothing typed before stays beside the emptied storage.
  const [deletes, setDeletes] = useState(0);

  return (
    <I18nContext.Provider value={i18n}>
      <Options
        settings={settings}
        sources={sources}
        sourcesFailed={sourcesFailed && sources === undefined}
        exchangeNames={exchangeNames}
        now={new Date()}
        onChange={change}
        protectionOn={settings.lookalikeProtection && broadAccess}
        allowedHosts={allowedHosts}
        onAllowedHostRemove={(host) => send({ type: 'disallow-host', host })}
        onLookalikeProtection={async (enabled) => {
          if (enabled) {
            // Asked only here, at the user's click: without it the extension sees the addresses of exchange sites only.
            const granted = await browser.permissions.request(TAB_ADDRESSES);
            if (!granted) return false;
          } else {
            await giveBackBroadAccess();
          }
          await change({ lookalikeProtection: enabled });
          return true;
        }}
        hostsHeld={allHostsHeld}
        onRegrantHosts={async () => {
          const answer = await askAccess(requiredHosts.asked);
          if (answer === 'granted') setHostsHeld(true);
          return answer;
        }}
        onRefresh={async () => {
          const rows = await send({ type: 'refresh-now' });
          setSources(rows);
          await reloadSubscriptions();
          return rows;
        }}
        subscriptions={subscriptions}
        subscriptionsFailed={subscriptionsFailed}
        onSubscribe={async (url, signer, replaces) => {
          // The list's host alone, asked first at the user's click (browsers ask only then): read with
          // it, the list goes out as our own request, with no Origin header and no CORS. Refused:
          // nothing is added. A URL that does not parse goes on to the background, which words why.
          const access = accessFor(url);
          const answer = access === undefined ? undefined : await askAccess(access);
          if (access !== undefined && answer !== 'granted') {
            const words = answer === 'failed' ? 'listsAccessAskFailed' : answer === 'rejected' ? 'listsAccessAskRejected' : 'listsAccessDeclined';
            return { ok: false, reason: i18n.t(words, new URL(access.origins[0]).hostname) };
          }
          const result = await send({ type: 'subscribe', url, signer, ...(replaces === undefined ? {} : { replaces }) });
          await reloadSubscriptions();
          return result;
        }}
        onAllowListAccess={async (url) => {
          const access = accessFor(url);
          const answer = access === undefined ? 'failed' : await askAccess(access);
          // Checked at once, with everything else "Refresh now" checks.
          if (answer === 'granted') setSources(await send({ type: 'refresh-now' }));
          await reloadSubscriptions();
          return answer;
        }}
        // A refusal leaves the list as shown; the section says the unsubscribe failed.
        onUnsubscribe={unsubscribe}
        runSnoozes={runSnoozes}
        onRunUnsnooze={async (exchangeId) => {
          await send({ type: 'run-unsnooze', exchangeId });
          await reloadRunSnoozes();
        }}
        draftsKey={deletes}
        holdings={
          <HoldingsGlue
            settings={settings}
            draftsKey={deletes}
            onDeleted={async () => {
              setDeletes((count) => count + 1);
              // The lists and the sources' state went with the rest.
              await reloadSubscriptions();
              await readSources();
              await reloadRunSnoozes();
            }}
            exchangeNames={exchangeNames}
            hostsHeld={allHostsHeld}
            onSettingsReplaced={async () => {
              setSettings(await getSettings());
            }}
          />
        }
        onReset={async () => {
          // Least privilege: the access granted for the settings being reset goes with them (after them: see reset.ts).
          const givenBack = await resetSettingsThenPermissions();
          setSettings(await getSettings());
          setSources(await send({ type: 'reset-data' }));
          await reloadSubscriptions();
          await reloadRunSnoozes();
          return givenBack;
        }}
      />
    </I18nContext.Provider>
  );
}

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  const asked = { origins: browser.runtime.getManifest().host_permissions ?? [] };
  // Read before the first draw: a notice that came a moment later would shift the page and be announced as news.
  const [settings, broadAccess, held] = await Promise.all([getSettings(), holdsBroadAccess(), asked.origins.length === 0 || browser.permissions.contains(asked)]);
  render(<App initial={settings} initialI18n={await loadI18n(settings.language)} initialBroadAccess={broadAccess} requiredHosts={{ asked, held }} />, root);
  keepHashTargetInView();
}

void runPage(main);
