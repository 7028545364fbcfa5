import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { reserveAddressLists } from '../../lib/chain/reserve-addresses';
import { networks } from '../../lib/custody/networks';
import { exportData, importData } from '../../lib/holdings/export-data';
import { emptyHoldingsState } from '../../lib/holdings/model';
import { holdingChainIds } from '../../lib/holdings/holding-tokens';
import { defaultSettings, guideRpcUrls, parseSettings, type Settings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { RpcSetting } from './RpcSetting';
import { localeMessages } from '../../utils/locale-files.testkit';

const en: I18n = { t: translateFrom(localeMessages('en')), locale: 'en' };
const de: I18n = { t: translateFrom(localeMessages('de')), locale: 'de' };

effectsOnNextTask();

describe('options: RPC endpoints', () => {
  // A paragraph cannot hold one: a page parsed from its HTML (a saved copy, a server render) would close the first
  // before the second, and the field's error would fall out of its field.
  test('an address refused on every field: its error and notice lines sit beside the field, in no paragraph', async () => {
    const { root, window, $ } = page();
    render(
      <I18nContext.Provider value={de}>
        <RpcSetting settings={{ ...defaultSettings, chainRpcUrls: { [String(holdingChainIds[0])]: 'https://one.example.org' } }} onChange={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const ids = ['rpc-url', ...holdingChainIds.map((chainId) => `rpc-url-${chainId}`)];
    for (const id of ids) {
      const field = $(id) as HTMLInputElement;
      field.value = 'not an address';
      field.dispatchEvent(new window.Event('input', { bubbles: true }));
      field.dispatchEvent(new window.Event('change', { bubbles: true }));
    }
    await settle();
    for (const id of ids) expect(root.querySelector(`#${id}-error`)?.getAttribute('role'), id).toBe('alert');
    expect(root.querySelectorAll('p p').length).toBe(0);
    render(null, root);
  });

  // The guide's words send the user here to set an endpoint "for this network": each network it reads needs its field.
  test('a field for every EVM network the guide offers, the reserve check reads and watched addresses cover, named as the guide names it', async () => {
    const { root } = page();
    render(
      <I18nContext.Provider value={en}>
        <RpcSetting settings={defaultSettings} onChange={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const guideNetworks = networks.filter((network) => network.family === 'evm' && network.chainId !== undefined);
    expect(guideNetworks.map((network) => network.chainId)).toContain(10);
    for (const network of guideNetworks) {
      expect(root.querySelector(`label[for="rpc-url-${network.chainId}"]`)?.textContent, network.name).toBe(`${network.name} endpoint`);
    }
    for (const chainId of [...holdingChainIds, ...reserveAddressLists.map((list) => list.chainId)]) {
      expect(root.querySelector(`#rpc-url-${chainId}`), String(chainId)).not.toBeNull();
    }
    const ids = [...root.querySelectorAll('.rpc-chain input')].map((input) => input.id);
    expect(new Set(ids).size).toBe(ids.length);
    render(null, root);
  });

  test('an OP Mainnet endpoint is stored under its chain id, read by the guide for that network, and survives export and import', async () => {
    const { root, window, $ } = page();
    const patches: Partial<Settings>[] = [];
    render(
      <I18nContext.Provider value={en}>
        <RpcSetting
          settings={defaultSettings}
          onChange={(patch) => {
            patches.push(patch);
            return Promise.resolve();
          }}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const field = $('rpc-url-10') as HTMLInputElement;
    field.value = 'https://op.example.org';
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
    field.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(patches).toEqual([{ chainRpcUrls: { '10': 'https://op.example.org' } }]);
    const saved = parseSettings({ ...defaultSettings, ...patches[0] });
    expect(guideRpcUrls({ settings: saved, chainId: 10 })).toEqual({ ens: undefined, arrival: 'https://op.example.org' });
    const imported = importData(exportData({ state: emptyHoldingsState, settings: saved, now: Date.UTC(2026, 10, 25) }));
    expect(imported).toMatchObject({ ok: true, data: { settings: { chainRpcUrls: { '10': 'https://op.example.org' } } } });
    render(null, root);
  });

  // Stored by an import, so the file's sender wrote it: the line beside the field names the computer it would go to,
  // never the rest of the address, whose text would speak in our sentence (or turn it around, with U+202E).
  test('a stored address used for nothing is named by its origin alone beside its field', async () => {
    const { root, $ } = page();
    const hostile = 'http://user:secret@evil.example:8080/ Your wallet is compromised\u202E';
    render(
      <I18nContext.Provider value={en}>
        <RpcSetting settings={parseSettings({ rpcUrl: hostile, chainRpcUrls: { '10': 'http://op.example/path' } })} onChange={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    expect($('rpc-url-refused')?.textContent).toBe(en.t('rpcRefusedStored', 'http://evil.example:8080'));
    expect($('rpc-url-10-refused')?.textContent).toBe(en.t('rpcRefusedStored', 'http://op.example'));
    render(null, root);
  });

  // The address in use may carry its provider's key in its path or query: a line that ends up in a screenshot names its computer alone.
  test('a typed address refused while another is in use names the one in use by its origin alone', async () => {
    const { root, window, $ } = page();
    const kept = 'https://eth.provider.example/v3/0123456789abcdef?apikey=secret';
    render(
      <I18nContext.Provider value={en}>
        <RpcSetting settings={{ ...defaultSettings, rpcUrl: kept }} onChange={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const field = $('rpc-url') as HTMLInputElement;
    field.value = 'not an address';
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
    field.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    const error = root.querySelector('#rpc-url-error')?.textContent ?? '';
    expect(error).toBe(`${en.t('rpcInvalid')} ${en.t('rpcNotSaved', 'https://eth.provider.example')}`);
    expect(error).not.toContain('secret');
    expect(error).not.toContain('0123456789abcdef');
    render(null, root);
  });
});
