import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { rpcChains } from '../../lib/chain/rpc-chains';
import { rpcOrigin } from '../../lib/chain/rpc-url';
import { RpcUrlSchema, usableRpcUrl, type Settings } from '../../lib/settings';
import { useT } from '../../utils/i18n';
import { NotSavedStatus, useSettingChange, type ChangeSettings } from './setting-change';

/** The user's own RPC endpoints: a main one (ENS needs Ethereum mainnet), and one per network the guide's arrival watch, the reserve check or watched addresses read (lib/chain/rpc-chains.ts). */
export function RpcSetting({ settings, onChange }: { settings: Settings; onChange: ChangeSettings }) {
  const t = useT();
  const chainPatch = (chainId: number, url: string | undefined): Partial<Settings> => {
    const rest = Object.fromEntries(Object.entries(settings.chainRpcUrls).filter(([key]) => key !== String(chainId)));
    return { chainRpcUrls: url === undefined ? rest : { ...rest, [String(chainId)]: url } };
  };
  return (
    <section aria-labelledby="rpc-title">
      <h2 id="rpc-title">{t('rpcTitle')}</h2>
      <p class="muted" id="rpc-help">
        {t('rpcBody')}
      </p>
      <RpcField id="rpc-url" label={t('rpcLabel')} describedBy="rpc-help" value={settings.rpcUrl} patch={(rpcUrl) => ({ rpcUrl })} onChange={onChange} />
      {/* An endpoint serves one chain, so reads on other networks need their own. */}
      <details class="rpc-chains" open={Object.keys(settings.chainRpcUrls).length > 0} data-testid="rpc-chains">
        <summary>{t('rpcChainsTitle')}</summary>
        <p class="muted" id="rpc-chains-help">
          {t('rpcChainsBody')}
        </p>
        {/* A div, not a paragraph: each field's error and notice lines are paragraphs, and one cannot hold another. */}
        {rpcChains.map(({ chainId, name }) => (
          <div key={chainId} class="rpc-chain">
            <RpcField
              id={`rpc-url-${chainId}`}
              label={t('rpcChainLabel', name)}
              describedBy="rpc-chains-help"
              value={settings.chainRpcUrls[String(chainId)]}
              patch={(url) => chainPatch(chainId, url)}
              onChange={onChange}
            />
          </div>
        ))}
      </details>
    </section>
  );
}

/**
 * Saved only when valid or emptied, so a half-typed address never replaces a working one. A bad
 * address stays in the field for the user to correct, marked invalid, with what is still in use;
 * a field of only spaces counts as empty. A new value from elsewhere (an import, a reset) replaces
 * the field's text. An address storage did not take goes back to the one in use, and the field says so.
 * A stored address the extension will not send to (plain http to another computer, saved by an
 * older version or imported) stays stored and shown, with the reason beside it, until the user replaces it. The
 * reason names only the computer it goes to: the rest of the address (a path, a user name and password, a character
 * that turns the line around) may be a file's sender's words.
 */
function RpcField({
  id,
  label,
  describedBy,
  value,
  patch,
  onChange,
}: {
  id: string;
  label: string;
  describedBy: string;
  value: string | undefined;
  patch: (rpcUrl: string | undefined) => Partial<Settings>;
  onChange: ChangeSettings;
}) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const [notSaved, change] = useSettingChange(onChange, 'RPC address');
  const stored = useRef(value);
  stored.current = value;
  const refused = value !== undefined && usableRpcUrl(value) === undefined;
  const describedByIds = [describedBy, ...(refused ? [`${id}-refused`] : []), ...(invalid ? [`${id}-error`] : [])].join(' ');
  const store = (rpcUrl: string | undefined) => {
    void change(patch(rpcUrl)).then((saved) => {
      // Text typed since is the user's next try, and stays.
      if (!saved) setDraft((shown) => (shown === (rpcUrl ?? '') ? (stored.current ?? '') : shown));
    });
  };
  useEffect(() => {
    setDraft(value ?? '');
    setInvalid(false);
  }, [value]);
  // Reads the field itself: a change can arrive before the draft from its last input is drawn.
  const save = (text: string) => {
    if (text.trim() === '') {
      setDraft('');
      setInvalid(false);
      if (value !== undefined) store(undefined);
      return;
    }
    const parsed = v.safeParse(RpcUrlSchema, text);
    setInvalid(!parsed.success);
    if (!parsed.success) return setDraft(text);
    setDraft(parsed.output);
    if (parsed.output !== value) store(parsed.output);
  };
  // The address in use may carry its provider's key in its path or query: the line names its computer alone.
  const inUse = value === undefined || refused ? undefined : rpcOrigin(value);
  return (
    <>
      <div class="rpc-field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="url"
          inputMode="url"
          spellcheck={false}
          placeholder="https://"
          value={draft}
          aria-describedby={describedByIds}
          aria-invalid={invalid}
          data-testid={id}
          onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
          onChange={(event) => save((event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {refused && (
        <p id={`${id}-refused`} class="card__alert" data-testid={`${id}-refused`}>
          {t('rpcRefusedStored', rpcOrigin(value) ?? '')}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} class="card__alert" role="alert">
          {t('rpcInvalid')} {inUse === undefined ? t('rpcNotSavedNone') : t('rpcNotSaved', inUse)}
        </p>
      )}
      <NotSavedStatus notSaved={notSaved} testId={`${id}-notice`} />
    </>
  );
}
