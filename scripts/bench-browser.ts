/**
 * `npm run bench:browser`: what the extension costs a page, measured in Debian's Chromium with
 * the built extension (`npm run build` first). Goals from the nudge issue; page load is reported
 * as a ratio to the same page in the same browser build without the extension, in the same run.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { builtContentScripts, chromeBuild, fakeExchangeHtml, isolatedWorld, launchChromium, requireChromium, routeSite, stopServiceWorker } from '../tests/e2e/harness';

const LOADS = 20;
/** Loads with the service worker stopped first (issue 16): each takes a stop and a wake-up, so fewer. */
const COLD_LOADS = 11;
/** A made-up extension whose worker only answers: the floor of the first-visit rows. */
/** Turns of the first-visit rows: three participants take turns going first, so a multiple of 3. */
const FIRST_VISIT_TURNS = 12;
const EMPTY_EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/empty-extension');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2 : (sorted[middle] ?? 0);
};
const rows: { name: string; value: string; goal?: string; met?: boolean }[] = [];

/** A page with some weight of its own, so its load time is not all noise. */
const page = fakeExchangeHtml('Binance — stand-in', Array.from({ length: 400 }, (_, i) => `<div class="row"><span>Pair ${i}</span><span>${(i * 1.37).toFixed(2)}</span></div>`).join(''));

const timingScript = () => {
  const w = window as unknown as { radar: { dcl?: number; pill?: number; shift: number } };
  w.radar = { shift: 0 };
  document.addEventListener('DOMContentLoaded', () => (w.radar.dcl = performance.now()));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.radar.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const watch = new MutationObserver(() => {
    // The pill's root is closed to the page; its nodes are drawn in the same task that hangs the
    // host on <html>, so the host's arrival marks the drawing.
    const ready = document.querySelector('reserve-radar-pill');
    if (!ready) return;
    watch.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (w.radar.pill = performance.now())));
  });
  watch.observe(document, { childList: true, subtree: true });
};

type LoadTimes = { load: number[]; paint: number[]; pill: number[]; shift: number };
const emptyTimes = (): LoadTimes => ({ load: [], paint: [], pill: [], shift: 0 });

/** One load of the stand-in page; `cold`: the service worker is stopped first, as a real first visit meets it. */
async function loadOnce(context: BrowserContext, withPill: boolean, results: LoadTimes, cold = false) {
  const tab: Page = await context.newPage();
  await tab.addInitScript(timingScript);
  if (cold) await stopServiceWorker(tab);
  await tab.goto('https://www.binance.com/en/markets');
  if (withPill) await tab.waitForFunction(() => (window as unknown as { radar: { pill?: number } }).radar.pill !== undefined, null, { timeout: 10_000 });
  // Without the pill, the first paint can come after the load event.
  await tab.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
  const measured = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const radar = (window as unknown as { radar: { dcl?: number; pill?: number; shift: number } }).radar;
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return { load: nav.loadEventEnd - nav.startTime, paint, pill: radar.pill !== undefined && radar.dcl !== undefined ? radar.pill - radar.dcl : undefined, shift: radar.shift };
  });
  results.load.push(measured.load);
  if (measured.paint !== undefined) results.paint.push(measured.paint);
  if (measured.pill !== undefined) results.pill.push(measured.pill);
  results.shift += measured.shift;
  await tab.close();
}

async function loadTimes(context: BrowserContext, withPill: boolean) {
  const results = emptyTimes();
  for (let i = 0; i < LOADS; i++) await loadOnce(context, withPill, results);
  return results;
}

/** Opens the popup for `tabId`; from its navigation start to the first frame with the card in it, timed inside the page. */
async function popupFirstRender(extension: { context: BrowserContext; extensionId: string }, tabId: number, stopFirst: boolean): Promise<number> {
  const popup = await extension.context.newPage();
  await popup.addInitScript(() => {
    const w = window as unknown as { cardAt?: number };
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="exchange-card"]')) return;
      watch.disconnect();
      requestAnimationFrame(() => (w.cardAt = performance.now()));
    });
    watch.observe(document, { childList: true, subtree: true });
  });
  if (stopFirst) await stopServiceWorker(popup);
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => (window as unknown as { cardAt?: number }).cardAt !== undefined);
  const at = await popup.evaluate(() => (window as unknown as { cardAt: number }).cardAt);
  await popup.close();
  return at;
}

/** Loads the stand-in exchange page in a new tab of `extension`'s browser and gives that tab's id. */
async function exchangeTab(extension: { context: BrowserContext; worker: Worker }): Promise<number> {
  const tab = await extension.context.newPage();
  await tab.goto('https://www.binance.com/');
  await tab.waitForFunction(() => document.querySelector('reserve-radar-pill'));
  return extension.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1;
  });
}

// Every script the manifest injects into an exchange page (the early question and the page script), each gzipped.
const scripts = builtContentScripts()
  .flatMap((entry) => entry.js ?? [])
  .map((file) => readFileSync(join(chromeBuild, file)));
const gzipped = scripts.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0);
rows.push({ name: `content scripts (${scripts.length}), gzipped`, value: `${(gzipped / 1024).toFixed(1)} KB`, goal: '≤ 25 KB', met: gzipped <= 25 * 1024 });
const hasViem = scripts.some((content) => content.includes('viem'));
rows.push({ name: 'viem in the content script', value: hasViem ? 'yes' : 'no', goal: 'no', met: !hasViem });
// What every wake-up of the service worker evaluates before it can answer.
const background = readFileSync(join(chromeBuild, 'background.js'));
rows.push({ name: 'background.js, raw / gzipped', value: `${(background.length / 1024).toFixed(0)} KB / ${(gzipSync(background, { level: 9 }).length / 1024).toFixed(0)} KB` });

/** `RADAR_BENCH_COMPARE_ONLY=1` (with `RADAR_COMPARE_OUT_DIR`): only the side-by-side part below. */
const compareOnly = process.env.RADAR_BENCH_COMPARE_ONLY === '1' && process.env.RADAR_COMPARE_OUT_DIR !== undefined;
if (!compareOnly) await singleBuild();

async function singleBuild(): Promise<void> {
  const extension = await launchChromium();
  const plainDir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'radar-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: requireChromium(),
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    for (const context of [extension.context, plain]) {
      await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
      await routeSite(context, 'https://www.binance.com', page);
    }
    const withExtension = await loadTimes(extension.context, true);
    const without = await loadTimes(plain, false);
    const pillMedian = median(withExtension.pill);
    rows.push({ name: `DOMContentLoaded → pill painted, median of ${LOADS}`, value: `${pillMedian.toFixed(1)} ms`, goal: '≤ 100 ms', met: pillMedian <= 100 });
    const ratio = median(withExtension.load) / median(without.load);
    rows.push({
      name: `page load with / without the extension, medians of ${LOADS}`,
      value: `${ratio.toFixed(2)}× (${median(withExtension.load).toFixed(1)} / ${median(without.load).toFixed(1)} ms)`,
    });
    // The page's own first paint (it now carries the pill): what a user sees of the page, with and without.
    const paintRatio = median(withExtension.paint) / median(without.paint);
    rows.push({
      name: `page's first contentful paint with / without, medians of ${LOADS}`,
      value: `${paintRatio.toFixed(2)}× (${median(withExtension.paint).toFixed(1)} / ${median(without.paint).toFixed(1)} ms)`,
    });
    rows.push({ name: `layout shift caused, summed over ${LOADS} loads`, value: withExtension.shift.toFixed(4), goal: '0', met: withExtension.shift === 0 });

    // Side by side: each cold load (worker stopped first) follows an awake one.
    const awake = emptyTimes();
    const cold = emptyTimes();
    for (let i = 0; i < COLD_LOADS; i++) {
      await loadOnce(extension.context, true, awake);
      await loadOnce(extension.context, true, cold, true);
    }
    const awakePill = median(awake.pill);
    const coldPill = median(cold.pill);
    rows.push({ name: `DOMContentLoaded → pill, worker awake, median of ${COLD_LOADS} (interleaved)`, value: `${awakePill.toFixed(1)} ms`, goal: '≤ 100 ms', met: awakePill <= 100 });
    rows.push({
      name: `DOMContentLoaded → pill, worker asleep, median of ${COLD_LOADS} (interleaved)`,
      value: `${coldPill.toFixed(1)} ms (${Math.min(...cold.pill).toFixed(0)}–${Math.max(...cold.pill).toFixed(0)})`,
      goal: '≤ 100 ms',
      met: coldPill <= 100,
    });

    const tabId = await exchangeTab(extension);
    const openPopup = (stopFirst: boolean) => popupFirstRender(extension, tabId, stopFirst);
    const popupTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) popupTimes.push(await openPopup(false));
    const popupMedian = median(popupTimes);
    rows.push({ name: `popup first render (navigation start → card), median of ${LOADS}`, value: `${popupMedian.toFixed(1)} ms`, goal: '≤ 150 ms', met: popupMedian <= 150 });
    const popupAwake: number[] = [];
    const popupCold: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      popupAwake.push(await openPopup(false));
      popupCold.push(await openPopup(true));
    }
    rows.push({ name: `popup first render, worker awake, median of ${COLD_LOADS} (interleaved)`, value: `${median(popupAwake).toFixed(1)} ms`, goal: '≤ 150 ms', met: median(popupAwake) <= 150 });
    rows.push({ name: `popup first render, worker asleep, median of ${COLD_LOADS} (interleaved)`, value: `${median(popupCold).toFixed(1)} ms`, goal: '≤ 150 ms', met: median(popupCold) <= 150 });

    // Worker start: from a stopped worker to its first answer (a page-facing question from an
    // open extension page; the exchange page's own question wakes it the same way), beside the
    // same question answered by an awake worker.
    const asker = await extension.context.newPage();
    await asker.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
    const ask = () =>
      asker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
        const started = performance.now();
        await api.runtime.sendMessage({ type: 'all-exchanges' });
        return performance.now() - started;
      });
    const startTimes: number[] = [];
    const awakeAnswers: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      awakeAnswers.push(await ask());
      await stopServiceWorker(asker);
      startTimes.push(await ask());
    }
    await asker.close();
    rows.push({ name: `worker start: stopped → first answer, median of ${COLD_LOADS}`, value: `${median(startTimes).toFixed(1)} ms (awake: ${median(awakeAnswers).toFixed(1)} ms)` });
  } finally {
    await extension.close();
    await plain.close();
  }
}

/**
 * `RADAR_COMPARE_OUT_DIR=<another build's out dir>`: this build and that one in two browsers open
 * at once, taking turns (who goes first alternates), so both meet the same load on a shared
 * machine: the worker's start, and the pill and the popup with the worker awake and asleep; then
 * the worker's start and the pill with no extension page open, as a real first visit meets it. Build
 * the other one with `RADAR_OUT_DIR`.
 */
const compareDir = process.env.RADAR_COMPARE_OUT_DIR;
if (compareDir !== undefined) {
  const COMPARE_STARTS = 21;
  const builds = [
    { name: 'this build', launched: await launchChromium() },
    { name: compareDir, launched: await launchChromium({ build: join(compareDir, 'chrome-mv3') }) },
  ];
  try {
    const askers = await Promise.all(
      builds.map(async ({ launched }) => {
        const asker = await launched.context.newPage();
        await asker.goto(`chrome-extension://${launched.extensionId}/popup.html`);
        return asker;
      }),
    );
    const loads = builds.map(() => ({ awake: emptyTimes(), asleep: emptyTimes(), popupAwake: [] as number[], popupAsleep: [] as number[] }));
    const tabIds: number[] = [];
    for (const { launched } of builds) {
      await launched.context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
      await routeSite(launched.context, 'https://www.binance.com', page);
      tabIds.push(await exchangeTab(launched));
    }
    // The exchange page's own question, asked from our content script's world on a stand-in
    // exchange tab: what a first visit waits for (the page-state answer), beside an extension
    // page's question ('all-exchanges', every exchange's view).
    const pageAskers = await Promise.all(
      builds.map(async ({ launched }) => {
        const tab = await launched.context.newPage();
        await tab.goto('https://www.binance.com/en/markets');
        await tab.waitForFunction(() => document.querySelector('reserve-radar-pill'));
        return { tab, ...(await isolatedWorld(tab, launched.extensionId)) };
      }),
    );
    const times: number[][] = builds.map(() => []);
    const pageTimes: number[][] = builds.map(() => []);
    const askOnce = (asker: Page) =>
      asker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
        const started = performance.now();
        await api.runtime.sendMessage({ type: 'all-exchanges' });
        return performance.now() - started;
      });
    const askFromPage = async ({ cdp, contextId }: (typeof pageAskers)[number]) => {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `(async () => { const started = performance.now(); const state = await chrome.runtime.sendMessage({ type: 'page-state' }); if (state?.kind !== 'exchange') throw new Error('no exchange answer'); return performance.now() - started; })()`,
        awaitPromise: true,
        returnByValue: true,
      });
      return result.value as number;
    };
    /** Extension documents (pages, the offscreen document) open in that browser: the state the no-page row must not have. */
    const openExtensionDocuments = async ({ cdp }: (typeof pageAskers)[number]) => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      return targetInfos.filter((target) => target.url.startsWith('chrome-extension://') && target.type !== 'service_worker').length;
    };
    for (let i = 0; i < COMPARE_STARTS; i++) {
      for (const index of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const asker = askers[index]!;
        await askOnce(asker);
        await stopServiceWorker(asker);
        times[index]!.push(await askOnce(asker));
        await askOnce(asker);
        await stopServiceWorker(asker);
        pageTimes[index]!.push(await askFromPage(pageAskers[index]!));
      }
    }
    const [mine, theirs] = times.map(median) as [number, number];
    rows.push({
      name: `worker start, side by side (${COMPARE_STARTS} each, alternating): stopped → first answer to an extension page ('all-exchanges'), this build / ${compareDir}`,
      value: `${mine.toFixed(1)} / ${theirs.toFixed(1)} ms (${(mine / theirs).toFixed(2)}×)`,
    });
    const [minePage, theirsPage] = pageTimes.map(median) as [number, number];
    rows.push({
      name: `worker start, side by side (${COMPARE_STARTS} each, alternating): stopped → first answer to the exchange page ('page-state'), this build / ${compareDir}`,
      value: `${minePage.toFixed(1)} / ${theirsPage.toFixed(1)} ms (${(minePage / theirsPage).toFixed(2)}×)`,
    });

    for (let i = 0; i < COLD_LOADS; i++) {
      for (const index of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const { launched } = builds[index]!;
        const measured = loads[index]!;
        await loadOnce(launched.context, true, measured.awake);
        await loadOnce(launched.context, true, measured.asleep, true);
        measured.popupAwake.push(await popupFirstRender(launched, tabIds[index]!, false));
        measured.popupAsleep.push(await popupFirstRender(launched, tabIds[index]!, true));
      }
    }
    const pair = (pick: (measured: (typeof loads)[number]) => number[]) => loads.map((measured) => median(pick(measured)).toFixed(1)).join(' / ');
    rows.push({ name: `side by side, this build / the other, medians of ${COLD_LOADS} each: DOMContentLoaded → pill, worker awake`, value: `${pair((m) => m.awake.pill)} ms` });
    rows.push({ name: 'side by side: DOMContentLoaded → pill, worker asleep', value: `${pair((m) => m.asleep.pill)} ms` });
    rows.push({ name: 'side by side: popup first render, worker awake', value: `${pair((m) => m.popupAwake)} ms` });
    rows.push({ name: 'side by side: popup first render, worker asleep', value: `${pair((m) => m.popupAsleep)} ms` });

    // A real first visit mostly meets no extension page open: waking the worker then also starts
    // the extension's process. Every tab but the stand-in exchange tab is closed (the extension
    // pages, the popup's target tab, the blank first tab); each turn wakes the worker from that
    // tab, stops it, and times the page's first 'page-state' answer, then loads the stand-in page
    // in a second tab with the worker stopped first (the pill; two web tabs, still no extension page).
    for (const [index, { launched }] of builds.entries()) {
      for (const open of launched.context.pages()) if (open !== pageAskers[index]!.tab) await open.close();
    }
    // The floor: an extension whose worker only answers (tests/fixtures/empty-extension), in the
    // same turns, so the row says how much of the wait is any extension's process and worker start.
    const empty = await launchChromium({ build: EMPTY_EXTENSION });
    await routeSite(empty.context, 'https://www.binance.com', page);
    const emptyTab = await empty.context.newPage();
    await emptyTab.goto('https://www.binance.com/en/markets');
    await emptyTab.waitForFunction(() => document.documentElement.dataset.emptyExtension === 'ready');
    const emptyAsker = { tab: emptyTab, ...(await isolatedWorld(emptyTab, empty.extensionId)) };
    for (const open of empty.context.pages()) if (open !== emptyTab) await open.close();
    const floorTimes: number[] = [];
    const noPageTimes: number[][] = builds.map(() => []);
    const noPagePill = builds.map(() => emptyTimes());
    let extensionDocuments = 0;
    try {
      for (let i = 0; i < FIRST_VISIT_TURNS; i++) {
        // Who goes first turns over the three: this build, the other, the empty extension.
        for (const turn of [0, 1, 2].map((k) => (k + i) % 3)) {
          if (turn === 2) {
            await askFromPage(emptyAsker);
            await stopServiceWorker(emptyTab);
            // The same targets question the builds' turns ask between the stop and the timed answer.
            extensionDocuments += await openExtensionDocuments(emptyAsker);
            floorTimes.push(await askFromPage(emptyAsker));
            continue;
          }
          const asker = pageAskers[turn]!;
          await askFromPage(asker);
          await stopServiceWorker(asker.tab);
          extensionDocuments += await openExtensionDocuments(asker);
          noPageTimes[turn]!.push(await askFromPage(asker));
          await loadOnce(builds[turn]!.launched.context, true, noPagePill[turn]!, true);
        }
      }
    } finally {
      await emptyAsker.cdp.detach();
      await empty.close();
    }
    const [mineNoPage, theirsNoPage] = noPageTimes.map(median) as [number, number];
    const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
    rows.push({
      name: `side by side, no extension page open (${FIRST_VISIT_TURNS} each, alternating): stopped → first answer to the exchange page ('page-state'), this build / the other${extensionDocuments > 0 ? ` (an extension document was open at ${extensionDocuments} of the stops)` : ''}`,
      value: `${mineNoPage.toFixed(1)} / ${theirsNoPage.toFixed(1)} ms (${(mineNoPage / theirsNoPage).toFixed(2)}×; ${noPageTimes.map(spread).join(' / ')})`,
    });
    const floor = median(floorTimes);
    rows.push({
      name: `the same, an empty extension (tests/fixtures/empty-extension, ${FIRST_VISIT_TURNS}, in the same turns): the floor of any extension's first answer`,
      value: `${floor.toFixed(1)} ms (${(floor / theirsNoPage).toFixed(2)}× the other; this build ${(mineNoPage - floor).toFixed(1)} ms above it, the other ${(theirsNoPage - floor).toFixed(1)} ms; ${spread(floorTimes)})`,
    });
    const [mineNoPagePill, theirsNoPagePill] = noPagePill.map((times) => median(times.pill)) as [number, number];
    rows.push({
      name: 'side by side, no extension page open: DOMContentLoaded → pill, worker asleep',
      value: `${mineNoPagePill.toFixed(1)} / ${theirsNoPagePill.toFixed(1)} ms (${(mineNoPagePill / theirsNoPagePill).toFixed(2)}×; ${noPagePill.map((times) => spread(times.pill)).join(' / ')})`,
      goal: '≤ 100 ms',
      met: mineNoPagePill <= 100,
    });
    for (const { tab, cdp } of pageAskers) {
      await cdp.detach();
      await tab.close();
    }
  } finally {
    for (const { launched } of builds) await launched.close();
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform} ${process.arch}, Chromium at /usr/bin/chromium`;
process.stdout.write(`\n## Reserve Radar in a real browser\nmachine: ${machine}\n\n| measure | value | goal |\n| --- | --- | --- |\n`);
for (const row of rows) process.stdout.write(`| ${row.name} | ${row.value} | ${row.goal === undefined ? '—' : `${row.goal} ${row.met ? '✓' : '✗ not met'}`} |\n`);
