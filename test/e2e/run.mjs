// End-to-end: the demo page (index.html) served by Vite, offline on the fake SDK, driven by
// playwright-core in headless Chromium like a person would use it. Writes a screenshot to
// test-results/demo.png.
import { checks, launchBrowser, resultsDir, startVite } from './browser.mjs';

const { check, summary } = checks();
const vite = await startVite();
const browser = await launchBrowser();
let failed = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(new Error(message.text()));
  });
  const log = page.locator('#event-log');

  console.log(`demo page at ${vite.url}/`);
  await page.goto(`${vite.url}/`);

  await check('the inbox, the chatbox and the popup appear on the fake SDK', async () => {
    await page.locator('talk-inbox [data-fake-talk="inbox"]').waitFor({ timeout: 15000 });
    await page.locator('talk-chatbox [data-fake-talk="chatbox"]').waitFor();
    await page.locator('[data-fake-talk="popup"] [data-part="launcher"]').waitFor();
    await page.locator('#event-log li', { hasText: 'talk-session-ready' }).waitFor();
    for (const tag of ['talk-inbox', 'talk-chatbox', 'talk-popup']) {
      await page.locator('#event-log li', { hasText: `talk-ready on <${tag}>` }).waitFor();
    }
  });

  await check('a message typed and sent in the chatbox shows in the chat and as talk-send-message in the log', async () => {
    const text = `Hello from the end-to-end test ${Date.now()}`;
    await page.locator('talk-chatbox [data-part="message-field"]').fill(text);
    await page.locator('talk-chatbox [data-part="send"]').click();
    await page.locator('talk-chatbox [data-part="message-text"]', { hasText: text }).waitFor();
    await log.locator('li', { hasText: 'talk-send-message' }).filter({ hasText: text }).waitFor();
    await log.locator('li', { hasText: 'talk-message' }).filter({ hasText: text }).first().waitFor();
  });

  await check('the other side answers (a talk-message from the fake backend)', async () => {
    await page.locator('talk-chatbox [data-part="message-text"]', { hasText: 'I will wrap it with care' }).waitFor();
  });

  await check('the unread counter changes when a message arrives in a conversation not on screen', async () => {
    const counter = page.locator('#unread-count');
    const before = Number(await counter.textContent());
    await page.locator('#incoming').click();
    await page.waitForFunction((n) => Number(document.getElementById('unread-count').textContent) > n, before);
    await log.locator('li', { hasText: 'talk-unreads-change' }).first().waitFor();
  });

  await check('the popup toggle opens the popup; its launcher closes (talk-close) and reopens it (talk-open)', async () => {
    const field = page.locator('[data-fake-talk="popup"] [data-part="message-field"]');
    await page.locator('#toggle-popup').click();
    await field.waitFor({ state: 'visible' });
    await page.screenshot({ path: `${resultsDir}/demo.png`, fullPage: true });
    const launcher = page.locator('[data-fake-talk="popup"] [data-part="launcher"]');
    await launcher.click();
    await log.locator('li', { hasText: 'talk-close' }).waitFor();
    await field.waitFor({ state: 'hidden' });
    if ((await page.locator('#toggle-popup').textContent()) !== 'Open popup') throw new Error('the toggle did not follow talk-close');
    await launcher.click();
    await log.locator('li', { hasText: 'talk-open' }).waitFor();
    await field.waitFor({ state: 'visible' });
  });

  await check('the page logged no errors', async () => {
    if (pageErrors.length) throw new Error(pageErrors.map(String).join('\n'));
  });
  console.log(`screenshot: ${resultsDir}/demo.png`);
} finally {
  failed = summary();
  await browser.close();
  await vite.close();
}
process.exit(failed ? 1 : 0);
