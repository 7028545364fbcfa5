/**
 * The verify page says what to fix, and fits a phone, in real Chromium and Firefox with the built
 * extension: a wrong published root is blamed on the root (its field marked invalid and pointing at
 * the reason), a broken proof on the proof; and at 360 px with 200 % text in Turkish, light and
 * dark, every exchange and chain to choose in the on-chain check shows whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchFirefox, layoutProblems, root, type ChromiumExtension, type FirefoxExtension } from './harness';
import { BYBIT_ROOT, fixture, launchWithVerifyPage } from './verify-page';

const english = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const ROOT_HINT = english.verifyProofFailedRootHint!.message;
const PROOF_HINT = english.verifyProofFailedHint!.message;
const PHONE = { width: 360, height: 800 };
const FLIPPED = fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"');

/** What the page shows and marks after a failed check, read the same way in both browsers. */
const readFailure = () => {
  const attr = (testId: string, name: string) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? null;
  return {
    verdict: attr('proof-verdict', 'data-verdict'),
    reason: document.querySelector('[data-testid="proof-reason"]')?.textContent ?? null,
    hint: document.querySelector('[data-testid="proof-hint"]')?.textContent ?? null,
    rootInvalid: attr('proof-root', 'aria-invalid'),
    rootDescribedBy: attr('proof-root', 'aria-describedby'),
    textInvalid: attr('proof-text', 'aria-invalid'),
    reasonId: document.querySelector('[data-testid="proof-reason"]')?.id ?? null,
  };
};

/** Layout problems of the on-chain check's choice and the lines beside it. */
const RESERVES = '[data-testid="reserves-target"], [data-testid="reserves-list-source"]';

describe('verify page in Chromium: advice that fits, and a phone-sized on-chain choice', () => {
  let browser: ChromiumExtension;
  let page: Page;
  let verifyUrl: string;

  beforeAll(async () => {
    ({ browser, page, verifyUrl } = await launchWithVerifyPage());
  });
  afterAll(async () => {
    await browser?.close();
  });

  const check = async (text: string, rootHex: string) => {
    await page.goto(verifyUrl);
    await page.getByTestId('proof-text').fill(text);
    await page.getByTestId('proof-root').fill(rootHex);
    await page.getByTestId('proof-verify').click();
    await page.getByTestId('proof-verdict').waitFor();
    return page.evaluate(readFailure);
  };

  test.each(['8837e3a9', '0xZZ'])('a published root "%s" is blamed on the root: its hint, its field invalid and described by the reason', async (rootHex) => {
    const shown = await check(fixture('bybit-40.json'), rootHex);
    expect(shown.verdict).toBe('failed');
    expect(shown.reason).toContain('64');
    expect(shown.hint).toBe(ROOT_HINT);
    expect(shown.rootInvalid).toBe('true');
    expect(shown.rootDescribedBy?.split(' ')).toContain(shown.reasonId);
    expect(shown.textInvalid).toBeNull();
    // What a screen reader hears on the root field: the reason, then the field's help.
    const description = await page.getByTestId('proof-root').evaluate((field) =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description.startsWith(shown.reason ?? '-')).toBe(true);
  });

  test('a proof changed by one character is blamed on the proof: download it again, the proof field invalid', async () => {
    const shown = await check(FLIPPED, BYBIT_ROOT);
    expect(shown.verdict).toBe('failed');
    expect(shown.hint).toBe(PROOF_HINT);
    expect(shown.textInvalid).toBe('true');
    expect(shown.rootInvalid).toBeNull();
  });

  test('at 360 px with 200 % text in Turkish, light and dark, every exchange and chain to choose shows whole', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('language-tr').check();
    await page.waitForFunction(() => document.documentElement.lang === 'tr');
    await page.setViewportSize(PHONE);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-target').waitFor();
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const radios = page.getByTestId('reserves-target').getByRole('radio');
      expect(await radios.count()).toBeGreaterThan(1);
      for (const radio of await radios.all()) {
        await radio.check();
        expect(await layoutProblems(page, RESERVES), `${scheme} ${await radio.getAttribute('value')}`).toEqual([]);
      }
      await expect.poll(() => page.getByTestId('reserves-list-source').textContent()).toMatch(/\d+ cüzdan/);
    }
    expect(await layoutProblems(page), 'the whole page').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('language-en').check();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
  });
});

/** Sets a field's value as typing would end, then lets the page hear it (Preact listens for `input`). */
async function fill(page: FirefoxPage, testId: string, value: string): Promise<void> {
  await page.$eval(
    `[data-testid="${testId}"]`,
    (element, next) => {
      (element as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value = next;
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

describe('verify page in Firefox: advice that fits, and a phone-sized on-chain choice', () => {
  let firefox: FirefoxExtension;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  const check = async (text: string, rootHex: string) => {
    const page = await firefox.openPage('/verify.html');
    await page.waitForSelector('[data-testid="proof-text"]');
    await fill(page, 'proof-text', text);
    await fill(page, 'proof-root', rootHex);
    await page.click('[data-testid="proof-verify"]');
    await page.waitForSelector('[data-testid="proof-verdict"]');
    const shown = await page.evaluate(readFailure);
    await page.close();
    return shown;
  };

  test('a short published root is blamed on the root, a changed proof on the proof', async () => {
    const wrongRoot = await check(fixture('bybit-40.json'), '8837e3a9');
    expect(wrongRoot.hint).toBe(ROOT_HINT);
    expect(wrongRoot.rootInvalid).toBe('true');
    expect(wrongRoot.rootDescribedBy?.split(' ')).toContain(wrongRoot.reasonId);
    expect(wrongRoot.textInvalid).toBeNull();
    const brokenProof = await check(FLIPPED, BYBIT_ROOT);
    expect(brokenProof.hint).toBe(PROOF_HINT);
    expect(brokenProof.textInvalid).toBe('true');
    expect(brokenProof.rootInvalid).toBeNull();
  });

  test('at 360 px with 200 % text in Turkish every exchange and chain to choose shows whole', async () => {
    const options = await firefox.openPage('/options.html');
    await options.waitForSelector('[data-testid="language"]');
    await options.click('[data-testid="language-tr"]');
    await options.waitForFunction(() => document.documentElement.lang === 'tr');
    await options.close();
    const page = await firefox.openPage('/verify.html');
    await page.setViewport(PHONE);
    await page.waitForSelector('[data-testid="reserves-target"]');
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    // What the harness's layoutProblems checks, for Firefox: nothing past the edge, nothing cut off sideways.
    const problems = await page.evaluate((scope) => {
      const viewport = document.documentElement.clientWidth;
      const found = [...document.querySelectorAll(scope)].flatMap((within) => [within, ...within.querySelectorAll('*')]);
      return [
        ...found.filter((element) => element.getBoundingClientRect().right > viewport + 0.5).map((element) => `${element.localName} reaches past the edge`),
        ...found.filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible').map((element) => `${element.localName} cuts off its words`),
        ...(document.documentElement.scrollWidth > viewport ? ['the page scrolls sideways'] : []),
      ];
    }, RESERVES);
    expect(await page.$$eval('[data-testid="reserves-target"] input[type="radio"]', (radios) => radios.length)).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
    expect(await page.$eval('[data-testid="reserves-list-source"]', (line) => line.textContent ?? '')).toMatch(/\d+ cüzdan/);
    await page.close();
  });
});
