import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { holdingChainIds } from '../../lib/holdings/holding-tokens';
import { defaultSettings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { RpcSetting } from './RpcSetting';

const de: I18n = { t: translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages), locale: 'de' };

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
});
