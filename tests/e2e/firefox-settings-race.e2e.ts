/**
 * Settings changed from two extension pages at the same moment, in Firefox with the built add-on:
 * one options tab stores a nudge policy while another stores "open the card by itself". Both read
 * the settings and write them back whole, so without one turn across the add-on's pages
 * (utils/in-turn.ts, a Web Lock of the moz-extension origin, which the background page shares)
 * the later write drops the other's change. The service worker's side is covered in Chromium
 * (settings-race.e2e.ts); here the two writers are pages, as Firefox's background page is one.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchFirefox, type FirefoxExtension } from './harness';

interface StoredSettings {
  nudgePolicy?: string;
  autoExpandOnDanger?: boolean;
}

const ROUNDS = 30;

describe('Firefox: settings changed by two options tabs at once', () => {
  let firefox: FirefoxExtension;
  let policyTab: Page;
  let expandTab: Page;

  const stored = async () => (await firefox.inExtension<{ settings?: StoredSettings }>(`browser.storage.local.get('settings')`)).settings ?? {};

  beforeAll(async () => {
    firefox = await launchFirefox();
    policyTab = await firefox.openPage('/options.html');
    expandTab = await firefox.openPage('/options.html');
    for (const tab of [policyTab, expandTab]) await tab.waitForSelector('input[name="nudgePolicy"][value="daily"]');
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('every round keeps both tabs’ changes', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const policy = round % 2 === 0 ? 'off' : 'daily';
      const expand = round % 2 === 0;
      // One instant both tabs wait for (the same clock), the second shifted by -3…+3 ms.
      const at = Date.now() + 150;
      const clickAt = async (tab: Page, when: number, selector: string, checked: boolean) =>
        tab.evaluate(
          async (target, until, wanted) => {
            // A spin, not a timer: Firefox runs a background tab's timers up to a second late.
            while (Date.now() < until);
            const input = document.querySelector<HTMLInputElement>(target);
            if (input !== null && input.checked !== wanted) input.click();
          },
          selector,
          when,
          checked,
        );
      await Promise.all([
        clickAt(policyTab, at, `input[name="nudgePolicy"][value="${policy}"]`, true),
        clickAt(expandTab, at + ((round % 7) - 3), '[data-testid="nudge-policy"] input[type="checkbox"]', expand),
      ]);
      await expect
        .poll(async () => {
          const settings = await stored();
          return { round, nudgePolicy: settings.nudgePolicy, autoExpandOnDanger: settings.autoExpandOnDanger };
        })
        .toEqual({ round, nudgePolicy: policy, autoExpandOnDanger: expand });
    }
  });
});
