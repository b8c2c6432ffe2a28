// Soak: 1,000 create/mount/remove cycles of a <talk-session> with an inbox, a chatbox, a popup, a
// <talk-online-status> and a <talk-typing-indicator> on the fake SDK, in headless Chromium
// (test/e2e/pages/soak.html served by Vite), then:
//  - nothing the fake made is alive or subscribed after any cycle (fake.live());
//  - no timer the kit set is still pending, and no listener the kit added to window, document,
//    <html> or <body> is left beyond the page's baseline (counted by test/e2e/pages/soak-instrument.ts,
//    and cross-checked with the DevTools protocol's DOMDebugger.getEventListeners);
//  - the JS heap after a forced GC (HeapProfiler.collectGarbage, Runtime.getHeapUsage) grew by at
//    most 1 MB over the 1,000 cycles (measured after 50 warm-up cycles).
// SOAK_CYCLES overrides the cycle count. A `node --test` file; prints a `[figures] soak: …` line.
import { after, before, describe, test } from 'node:test';
import { launchBrowser, startVite } from './browser.mjs';

const CYCLES = Number(process.env.SOAK_CYCLES) > 0 ? Math.floor(Number(process.env.SOAK_CYCLES)) : 1000;
const WARM_UP = 50;
const HEAP_BUDGET = 1024 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

let vite;
let browser;
/** What the soak measured (set by the `before` hook, read by the tests). */
let warmUp, result, heapBefore, heapAfter, growth, listenersBefore, listenersAfter, outstandingBefore, outstandingAfter;
const pageErrors = [];

/** Runs the warm-up and the cycles, and measures before and after; prints the figures. */
async function soak() {
  vite = await startVite();
  browser = await launchBrowser();
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${vite.url}/test/e2e/pages/soak.html`);
  await page.waitForFunction(() => window.soak?.ready === true, null, { timeout: 30000 });
  const cdp = await page.context().newCDPSession(page);

  /** Forces full GCs until the heap stops shrinking; returns the used heap in bytes. */
  async function heapAfterGc() {
    let used = Infinity;
    for (let i = 0; i < 6; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      if (usedSize >= used - 1024) return Math.min(used, usedSize);
      used = usedSize;
    }
    return used;
  }

  /** Listener counts the DevTools protocol sees on window and document, by event type. */
  async function cdpListeners() {
    const counts = {};
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      for (const listener of listeners) counts[`${expression}:${listener.type}`] = (counts[`${expression}:${listener.type}`] ?? 0) + 1;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
    return counts;
  }
  warmUp = await page.evaluate((n) => window.soak.run(n), WARM_UP);
  heapBefore = await heapAfterGc();
  listenersBefore = await cdpListeners();
  outstandingBefore = await page.evaluate(() => window.soakInstrument.outstanding());

  console.log(
    `soak: ${CYCLES} cycles of <talk-session> + <talk-inbox> + <talk-chatbox> + <talk-popup> + <talk-online-status> + <talk-typing-indicator> on the fake SDK (after ${WARM_UP} warm-up cycles)`,
  );
  result = await page.evaluate((n) => window.soak.run(n), CYCLES);
  heapAfter = await heapAfterGc();
  listenersAfter = await cdpListeners();
  outstandingAfter = await page.evaluate(() => window.soakInstrument.outstanding());
  growth = heapAfter - heapBefore;

  console.log(
    `[figures] soak: ${result.cycles} cycles in ${(result.ms / 1000).toFixed(1)} s (${(result.ms / result.cycles).toFixed(1)} ms each), ${result.created} SDK objects created and destroyed, ${result.dataSubscriptions} Data API subscriptions made and ended; ` +
      `JS heap after GC ${kb(heapBefore)} → ${kb(heapAfter)}, growth ${kb(growth)} (budget ${kb(HEAP_BUDGET)}); ` +
      `outstanding after: kit timers ${outstandingAfter.timers.kit}, kit listeners on window/document ${outstandingAfter.listeners.kit} (baseline ${outstandingBefore.listeners.kit}), ` +
      `all listeners on window/document (DevTools) ${total(listenersAfter)} (baseline ${total(listenersBefore)})`,
  );
  console.log(`  outstanding before: ${JSON.stringify(outstandingBefore)}`);
  console.log(`  outstanding after:  ${JSON.stringify(outstandingAfter)}`);
}

describe(`soak: ${CYCLES} mount/remove cycles on the fake SDK`, () => {
  before(soak);
  after(async () => {
    await browser?.close();
    await vite?.close();
  });

  test(`warm-up: ${WARM_UP} cycles, every SDK object destroyed`, async () => {
    if (warmUp.cycles !== WARM_UP || warmUp.liveAfterRemoval !== 0) throw new Error(JSON.stringify(warmUp));
  });
  test(`${CYCLES} cycles, each mounting an inbox, a chatbox and a popup (talk-ready ×3) on a new session`, async () => {
    if (result.cycles !== CYCLES) throw new Error(`${result.cycles} cycles ran`);
    if (result.created !== CYCLES * 4) throw new Error(`${result.created} SDK objects created, expected ${CYCLES * 4}`);
  });
  test('every cycle, the live-data elements follow bob: online, then "Bob is typing…" (one subscribeOnline and one subscribeTyping)', async () => {
    if (result.dataShown !== CYCLES) throw new Error(`${result.dataShown} of ${CYCLES} cycles showed bob online and typing`);
    if (result.dataSubscriptions !== CYCLES * 2) throw new Error(`${result.dataSubscriptions} Data API subscriptions, expected ${CYCLES * 2}`);
  });
  test('after every removal: zero live SDK objects and zero subscriptions (fake.live())', async () => {
    if (result.liveAfterRemoval !== 0) throw new Error(`${result.leakyCycles} cycles left ${result.liveAfterRemoval} live objects or subscriptions`);
  });
  test('no talk-error and no page error', async () => {
    if (result.errors.length || pageErrors.length) throw new Error([...result.errors, ...pageErrors].slice(0, 5).join('\n'));
  });
  test('no timer the kit set is still pending', async () => {
    if (outstandingAfter.timers.kit !== 0) throw new Error(`${outstandingAfter.timers.kit} kit timers pending`);
  });
  test('no listener the kit added to window, document, <html> or <body> beyond its baseline (the context root)', async () => {
    if (outstandingAfter.listeners.kit !== outstandingBefore.listeners.kit) {
      throw new Error(`kit listeners: ${outstandingBefore.listeners.kit} before, ${outstandingAfter.listeners.kit} after`);
    }
    if (outstandingAfter.listeners.fake !== outstandingBefore.listeners.fake) {
      throw new Error(`fake SDK listeners: ${outstandingBefore.listeners.fake} before, ${outstandingAfter.listeners.fake} after`);
    }
  });
  test('DevTools: the same listeners on window and document before and after', async () => {
    const before = JSON.stringify(listenersBefore);
    const after = JSON.stringify(listenersAfter);
    if (before !== after) throw new Error(`before ${before}\nafter  ${after}`);
  });
  test(`JS heap growth after a forced GC within ${kb(HEAP_BUDGET)}`, async () => {
    if (growth > HEAP_BUDGET) throw new Error(`grew by ${kb(growth)}`);
  });
});
