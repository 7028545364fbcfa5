import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseSettings } from '@/lib/settings';
import { replaceSettings } from './settings';
import { useStoredSettings } from './stored-settings';

function Shown() {
  const [settings] = useStoredSettings(parseSettings({ chainRpcUrls: { '10': 'https://old.optimism.example' } }));
  return <p data-testid="rpc">{JSON.stringify(settings.chainRpcUrls)}</p>;
}

describe('useStoredSettings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  test('follows storage: settings an import wrote replace the copy the page opened with', async () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    act(() => render(<Shown />, root));
    await act(async () => {
      await replaceSettings(parseSettings({ chainRpcUrls: { '8453': 'https://imported.base.example' } }));
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="rpc"]')?.textContent).toBe('{"8453":"https://imported.base.example"}'));
    render(null, root);
  });
});
