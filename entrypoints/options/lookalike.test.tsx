import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowedLookalikes } from '@/utils/allowed-lookalikes';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { useAllowedLookalikes } from './lookalike';

effectsOnNextTask();

test('a first read that answers after a newer change does not put the older list back', async () => {
  fakeBrowser.reset();
  let answer: (hosts: string[]) => void = () => undefined;
  vi.spyOn(allowedLookalikes, 'getValue').mockReturnValue(new Promise<string[]>((resolve) => (answer = resolve)));
  const { root } = page();
  let shown: string[] | undefined;
  function Probe() {
    shown = useAllowedLookalikes();
    return null;
  }
  render(<Probe />, root);
  await settle();
  // A warning page adds a host while the first read is still on its way, with the list as it was.
  await allowedLookalikes.setValue(['binance-login.com']);
  await vi.waitFor(() => expect(shown).toEqual(['binance-login.com']));
  answer([]);
  await settle();
  expect(shown).toEqual(['binance-login.com']);
  render(null, root);
});
