import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translateFrom } from '@/utils/i18n';
import english from '@/public/_locales/en/messages.json';
import { resetData } from './data';

/** The browser's `i18n.getMessage`, answered from the English messages. */
export const englishMessage = (key: string, substitutions?: string | string[]) => translateFrom(english)(key as keyof typeof english, substitutions);

/**
 * A fresh background for each test: an empty fake browser and no held data, no spy left from the test before,
 * the English words in an en-US browser, and the manifest's name and version.
 */
export async function freshBackground(): Promise<void> {
  fakeBrowser.reset();
  await resetData();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
}

/** A promise the test opens when it wants: work that awaits `shut` waits until `open()`. */
export function gate(): { shut: Promise<void>; open: () => void } {
  let open = () => {};
  const shut = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { shut, open };
}

/**
 * Holds the first `storage.local` read that asks for `key`: it has its answer, and hands it over
 * only at `open()`. `reached()` says whether that read has come.
 */
export function holdRead(key: string): { reached: () => boolean; open: () => void } {
  const { shut, open } = gate();
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  let held = false;
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
    const answer = await get(keys);
    if (!held && JSON.stringify(keys ?? null).includes(key)) {
      held = true;
      await shut;
    }
    return answer;
  });
  return { reached: () => held, open };
}

/** No source answers: every fetch fails as it does offline. `vi.unstubAllGlobals()` puts fetch back. */
export function noNetwork(): void {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in tests')));
}

/**
 * Records what the background sends to tabs, each send answered (or as `answer` does), and which tabs were told
 * their view changed, in order.
 */
export function recordTabMessages(answer: (tabId: number, message: { type?: string }) => Promise<unknown> = async () => undefined) {
  const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer as unknown as typeof fakeBrowser.tabs.sendMessage);
  const sentOf = (type: string) => told.mock.calls.filter(([, message]) => (message as { type?: string }).type === type).map(([tabId]) => tabId);
  return { told, viewChanged: () => sentOf('view-changed'), reportAsked: () => sentOf('report-page') };
}
