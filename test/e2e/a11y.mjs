// Accessibility, end to end (a `node --test` file): axe-core, injected by playwright-core into
// headless Chromium, over
//  - the demo page (index.html) served by Vite on the offline fake SDK, once every UI has
//    mounted, again with the popup open, with the seller online and typing (the live-data
//    elements), and with chat elements in their `error` and `loading` states (the kit's status box);
//  - every app under examples/ as built by scripts/build-examples.mjs (after `npm run build`),
//    served by `vite preview`, offline as in test/e2e/examples.mjs.
// Every page must have no axe violation at all (all rules axe runs by default: WCAG 2.0–2.2 A
// and AA and axe's best practices). A violation is reported with the markup it is in: the kit's
// own shadow DOM (`talk-*`), the fake's stand-in UI (`[data-fake-talk]`), or the page.
import { test, before, after } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, startPreview, startVite } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const KIT_CDN = 'https://cdn.jsdelivr.net/npm/talkjs-elements/dist/';
const KIT_FILES = ['talkjs-elements.js', 'talkjs-elements.iife.js'];
const TALK_SCRIPT_URL = 'https://cdn.talkjs.com/talk.js';
const cors = { 'access-control-allow-origin': '*' };

/**
 * Where a violating node is: the fake's stand-in UI (in the shadow root of
 * `<div data-fake-talk>`), the kit's own shadow DOM (the other open shadow roots on these pages),
 * or the page itself. axe names a node in a shadow root by a list of selectors, host first.
 */
function whose(node) {
  const path = node.target.flat().join(' ');
  if (path.includes('data-fake-talk') || /data-part=/.test(node.html ?? '')) return "the fake's stand-in UI";
  if (Array.isArray(node.target[0]) && node.target[0].length > 1) return "the kit's shadow DOM";
  return 'the page';
}

/** Runs axe over the page; throws with every violation, one line per node, unless there is none. */
async function expectNoViolations(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passes } = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
      })),
    };
  });
  if (violations.length === 0) return passes;
  const lines = violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `  ${v.impact} ${v.id} (${v.help}) in ${whose(n)}: ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${String(n.summary).replace(/\n/g, ' ')}`,
    ),
  );
  throw new Error(`${label}: ${lines.length} axe violation(s)\n${lines.join('\n')}`);
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the demo page (Vite, fake SDK): no axe violation', async (t) => {
  const vite = await startVite();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  t.after(async () => {
    await page.close();
    await vite.close();
  });
  await page.goto(`${vite.url}/`);
  await page.locator('talk-inbox [data-fake-talk="inbox"]').waitFor({ timeout: 15000 });
  await page.locator('#chatbox [data-fake-talk="chatbox"]').waitFor();
  await page.locator('#cms-seller [data-fake-talk="chatbox"]').waitFor();
  await page.locator('[data-fake-talk="popup"] [data-part="launcher"]').waitFor();
  await page.locator('#cms talk-unread-badge:state(ready)').waitFor({ state: 'attached' });

  await t.test('every UI mounted', () => expectNoViolations(page, 'demo, mounted'));

  await t.test('with the popup open and a message in the chatbox', async () => {
    await page.click('#toggle-popup');
    await page.locator('[data-fake-talk="popup"] [data-part="panel"]').waitFor();
    await page.click('#incoming');
    await page.locator('#event-log li', { hasText: 'talk-message' }).first().waitFor();
    await expectNoViolations(page, 'demo, popup open');
  });

  await t.test('live data: the seller online and typing (<talk-online-status>, <talk-typing-indicator>)', async () => {
    await page.locator('#seller-status:state(online)').waitFor({ state: 'attached', timeout: 10000 });
    await page.click('#seller-typing');
    await page.locator('#order-typing [part="text"]').waitFor({ state: 'visible' });
    await expectNoViolations(page, 'demo, seller online and typing');
  });

  await t.test("the kit's status box: chat elements in the error state and in the loading state", async () => {
    await page.evaluate(() => {
      // A labelled region outside both <talk-session>s (a region landmark, as the page's content is).
      const region = document.createElement('section');
      region.setAttribute('aria-label', 'Chats without a session');
      document.body.append(region);
      // Outside any <talk-session>: `no-session` after session-timeout, so the error slot shows.
      const failing = document.createElement('talk-chatbox');
      failing.id = 'a11y-error';
      failing.setAttribute('session-timeout', '50');
      failing.style.height = '120px';
      // Waiting for a session that does not come within the test: loading.
      const loading = document.createElement('talk-inbox');
      loading.id = 'a11y-loading';
      loading.setAttribute('session-timeout', '600000');
      loading.style.height = '120px';
      region.append(failing, loading);
    });
    await page.locator('#a11y-error:state(error)').waitFor({ state: 'attached', timeout: 5000 });
    await page.locator('#a11y-loading:state(loading)').waitFor({ state: 'attached', timeout: 5000 });
    await expectNoViolations(page, 'demo, error and loading states');
  });
});

const examples = ['plain-html', 'cms', 'react', 'vue', 'angular', 'svelte', 'lit'];
/** What each example shows once mounted (the default: an inbox and a chatbox). */
const mountedSelectors = {
  default: ['talk-inbox [data-fake-talk="inbox"]', 'talk-chatbox [data-fake-talk="chatbox"]'],
  // examples/lit: the app's own conversation list (ConversationListController) and a chatbox.
  lit: ['my-conversations li[data-conversation]', 'talk-chatbox [data-fake-talk="chatbox"]'],
};
/** What to do before the check so the page shows more of itself. */
const extraSteps = {
  // An unread message in the conversation not on screen: <my-conversations> shows its unread count.
  lit: async (page) => {
    await page.evaluate(() => window.fakeTalk.backend.sendMessage('support', 'bob', 'Any news about my order?'));
    await page.locator('my-conversations li[data-conversation="support"] .unread').waitFor({ timeout: 5000 });
  },
};
const built = existsSync('dist/testing/fake-talk-cdn.iife.js') && examples.every((name) => existsSync(`examples/${name}/dist/index.html`));

for (const name of examples) {
  test(`examples/${name} (vite preview, fake SDK): no axe violation`, async (t) => {
    if (!built) throw new Error('dist/ or examples/*/dist is missing: run `npm run build && node scripts/build-examples.mjs` first');
    const seed = JSON.parse(readFileSync('examples/shared/seed.json', 'utf8'));
    const fakeCdnBundle = readFileSync('dist/testing/fake-talk-cdn.iife.js', 'utf8');
    const server = await startPreview(`examples/${name}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    t.after(async () => {
      await context.close();
      await server.close();
    });
    const page = await context.newPage();
    const outside = [];
    // Offline, as in test/e2e/examples.mjs: the kit's bundles from dist/ at their CDN URL, the
    // TalkJS script answered by the fake CDN; anything else outside the page's server is blocked.
    await page.route(
      (target) => target.hostname !== '127.0.0.1',
      (route) => {
        const requested = route.request().url();
        const file = requested.startsWith(KIT_CDN) ? requested.slice(KIT_CDN.length) : undefined;
        if (file && KIT_FILES.includes(file)) return route.fulfill({ path: `dist/${file}`, contentType: 'text/javascript', headers: cors });
        if (requested === TALK_SCRIPT_URL) {
          const body = `${fakeCdnBundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});`;
          return route.fulfill({ contentType: 'text/javascript', headers: cors, body });
        }
        outside.push(requested);
        return route.abort();
      },
    );
    await page.goto(`${server.url}/`);
    for (const selector of mountedSelectors[name] ?? mountedSelectors.default) await page.locator(selector).first().waitFor({ timeout: 15000 });
    await page.evaluate(() => window.fakeTalk.backend.sendMessage('order-1234', 'bob', 'Is the order on its way?'));
    await page.locator('talk-chatbox [data-part="message-text"]', { hasText: 'Is the order on its way?' }).waitFor({ timeout: 5000 });
    await extraSteps[name]?.(page);
    await expectNoViolations(page, `examples/${name}`);
    if (outside.length) throw new Error(`requests outside the page's server: ${outside.join(', ')}`);
  });
}
