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
