#!/usr/bin/env node
// `npm run bench`: the kit's own speed on the fake SDK, measured in headless Chromium, printed
// as figures (no pass/fail: budgets are for scripts/size.mjs; timings vary by machine).
import { launchBrowser, startVite } from '../test/e2e/browser.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

process.env.CHROME_PATH = ensureBrowser();
const vite = await startVite();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${vite.url}/test/bench/bench.html`);
  await page.waitForFunction(() => window.benchResults !== undefined, undefined, { timeout: 120_000 });
  const results = await page.evaluate(() => window.benchResults);
  if ('error' in results) throw new Error(results.error);
  console.log(`talkjs-elements benchmark (${await browser.version()}, fake SDK)`);
  for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(78)} ${Number(value).toFixed(3)}`);
} finally {
  await browser.close();
  await vite.close();
}
