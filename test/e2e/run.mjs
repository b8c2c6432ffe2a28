// End-to-end: the demo page (index.html) served by Vite, offline on the fake SDK, driven by
// playwright-core in headless Chromium like a person would use it. Writes a screenshot to
// test-results/demo.png. Then the real `talkjs` loader with `sdk` set to its stub
// (test/e2e/real-loader.mjs). E2E_ONLY=demo|real-loader (comma-separated) runs a subset.
// A `node --test` file: run it with `node --test test/e2e/run.mjs` (or plain `node`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, resultsDir, startVite } from './browser.mjs';
import { realLoaderTests } from './real-loader.mjs';

/** `Talk.oneOnOneId(a, b)` as TalkJS documents it: SHA-1 of the sorted ids as JSON, 20 hex digits. */
const oneOnOneId = (a, b) =>
  createHash('sha1')
    .update(JSON.stringify([a, b].sort()))
    .digest('hex')
    .slice(0, 20);

const only = process.env.E2E_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);

if (wanted('demo')) {
  test("docs/cms.md's markup-only snippets are the demo's markup (index.html)", async () => {
    const squash = (text) => text.replace(/\s+/g, ' ').trim();
    const section = readFileSync('docs/cms.md', 'utf8');
    const blocks = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
    if (blocks.length < 6) throw new Error(`found ${blocks.length} html snippets in docs/cms.md`);
    const demo = squash(readFileSync('index.html', 'utf8'));
    for (const block of blocks) {
      // A line "…" stands for markup left out: each piece around it must be in the demo.
      for (const piece of block
        .split(/^\s*…\s*$/m)
        .map(squash)
        .filter(Boolean)) {
        if (!demo.includes(piece)) throw new Error(`not in index.html: ${piece}`);
      }
    }
  });
}

if (wanted('demo')) {
  test('docs/live-data.md: the snippets "from the demo" are the demo\'s markup (index.html)', async () => {
    const squash = (text) => text.replace(/\s+/g, ' ').trim();
    const guide = readFileSync('docs/live-data.md', 'utf8');
    const blocks = [...guide.matchAll(/^From the demo(?:(?!\n\n)[\s\S])*?:\n\n```html\n([\s\S]*?)```/gm)].map((m) => m[1]);
    if (blocks.length < 2) throw new Error(`found ${blocks.length} snippets from the demo in docs/live-data.md`);
    const demo = squash(readFileSync('index.html', 'utf8'));
    for (const block of blocks) if (!demo.includes(squash(block))) throw new Error(`not in index.html: ${squash(block)}`);
  });
}

/** The Vite server and the browser, shared by every group below. */
const context = {};
before(async () => {
  context.vite = await startVite();
  context.browser = await launchBrowser();
});
after(async () => {
  await context.browser?.close();
  await context.vite?.close();
});

if (wanted('demo')) {
  describe('the demo page (index.html) on the fake SDK', () => {
    let page, pageErrors, log, tokenRequests, cms, badge;
    before(async () => {
      page = await context.browser.newPage({ viewport: { width: 1280, height: 1000 } });
      pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(new Error(message.text()));
      });
      log = page.locator('#event-log');
      // The markup-only section's token requests, as the browser sent them.
      tokenRequests = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/demo-api/token') tokenRequests.push({ method: request.method(), body: request.postData() });
      });
      cms = page.locator('#cms');
      badge = cms.locator('talk-unread-badge [part="badge"]');

      console.log(`demo page at ${context.vite.url}/`);
      await page.goto(`${context.vite.url}/`);
    });
    after(async () => {
      await page?.close();
      console.log(`screenshot: ${resultsDir}/demo.png`);
    });

    test('the inbox, the chatbox and the popup appear on the fake SDK', async () => {
      await page.locator('talk-inbox [data-fake-talk="inbox"]').waitFor({ timeout: 15000 });
      await page.locator('#chatbox [data-fake-talk="chatbox"]').waitFor();
      await page.locator('[data-fake-talk="popup"] [data-part="launcher"]').waitFor();
      // Two sessions: this one and the markup-only section's.
      await page.locator('#event-log li', { hasText: 'talk-session-ready' }).nth(1).waitFor();
      for (const tag of ['talk-inbox', 'talk-chatbox', 'talk-popup']) {
        await page
          .locator('#event-log li', { hasText: `talk-ready on <${tag}>` })
          .first()
          .waitFor();
      }
    });

    test('live data: the seller comes online a moment after load (<talk-online-status>, talk-online-change), and "Seller online" toggles it', async () => {
      const status = page.locator('#seller-status');
      const shown = () =>
        page.evaluate(() => {
          const element = document.getElementById('seller-status');
          const visible = [...element.shadowRoot.querySelectorAll('slot')].filter((slot) => !slot.hidden).map((slot) => slot.name);
          return { online: element.online, visible, pressed: document.getElementById('seller-online').getAttribute('aria-pressed') };
        });
      await page.locator('#seller-status:state(online)').waitFor({ state: 'attached', timeout: 10000 });
      let now = await shown();
      if (!now.online || now.visible.join() !== 'online' || now.pressed !== 'true') throw new Error(`after load: ${JSON.stringify(now)}`);
      await log.locator('li', { hasText: 'talk-online-change on <talk-online-status>' }).filter({ hasText: 'Sebastian (seller) online' }).waitFor();
      const dot = await status.locator('[part="dot"]').evaluate((element) => getComputedStyle(element).backgroundColor);
      if (dot !== 'rgb(26, 127, 55)') throw new Error(`the online dot is ${dot}`);

      // The first snapshot, before the seller came online, was logged as offline too.
      const offlineLines = log.locator('li', { hasText: 'talk-online-change' }).filter({ hasText: 'Sebastian (seller) offline' });
      const offlineBefore = await offlineLines.count();
      await page.locator('#seller-online').click();
      await page.locator('#seller-status:state(offline)').waitFor({ state: 'attached' });
      now = await shown();
      if (now.online || now.visible.join() !== 'offline' || now.pressed !== 'false') throw new Error(`after "Seller online" (off): ${JSON.stringify(now)}`);
      await offlineLines.nth(offlineBefore).waitFor();

      await page.locator('#seller-online').click();
      await page.locator('#seller-status:state(online)').waitFor({ state: 'attached' });
      now = await shown();
      if (!now.online || now.pressed !== 'true') throw new Error(`after "Seller online" (on): ${JSON.stringify(now)}`);
    });

    test('live data: "Seller typing" shows "Sebastian (seller) is typing…" beside the order chat (<talk-typing-indicator>), hidden again a few seconds later', async () => {
      const typing = page.locator('#order-typing');
      const words = typing.locator('[part="text"]');
      await words.waitFor({ state: 'hidden' });
      await page.locator('#seller-typing').click();
      await page.locator('#order-typing:state(typing)').waitFor({ state: 'attached' });
      await words.waitFor({ state: 'visible' });
      const text = await words.textContent();
      if (text !== 'Sebastian (seller) is typing…') throw new Error(`the indicator says "${text}"`);
      await log.locator('li', { hasText: 'talk-typing-change on <talk-typing-indicator>' }).filter({ hasText: 'typing: Sebastian (seller)' }).waitFor();
      // The demo stops the typing after 4 s.
      await words.waitFor({ state: 'hidden', timeout: 10000 });
      if (await typing.evaluate((element) => element.matches(':state(typing)') || element.text !== '')) throw new Error('still typing after the stop');
      await log.locator('li', { hasText: 'talk-typing-change' }).filter({ hasText: 'typing: nobody' }).first().waitFor();
    });

    test('markup only: the session asked token-endpoint for its token (POST { userId }), and the page counts it', async () => {
      await cms.locator('talk-chatbox [data-fake-talk="chatbox"]').first().waitFor();
      await page.waitForFunction(() => Number(document.getElementById('token-count').textContent) >= 1);
      if (tokenRequests.length !== 1) throw new Error(`expected 1 token request, saw ${tokenRequests.length}`);
      const [request] = tokenRequests;
      if (request.method !== 'POST' || JSON.parse(request.body).userId !== 'alice') throw new Error(`unexpected token request ${JSON.stringify(request)}`);
      const token = await page.evaluate(() => document.getElementById('cms-session').session.tokens[0]);
      if (typeof token !== 'string' || token.split('.').length !== 3) throw new Error(`the session did not get the JWT: ${token}`);
      await cms.locator('#refresh-token').click();
      await page.waitForFunction(() => document.getElementById('token-count').textContent === '2');
      if (tokenRequests.length !== 2) throw new Error(`expected a second token request, saw ${tokenRequests.length}`);
    });

    test('markup only: the user-* attributes made the session user (userId, then currentUser.set)', async () => {
      const result = await page.evaluate(() => {
        const element = document.getElementById('cms-session');
        const session = element.session;
        const sets = element.sdk.callsTo('set', session.currentUser).map((call) => call.args[0]);
        return { userId: session.options.userId, me: session.options.me ?? null, sets };
      });
      const expected = {
        name: 'Alice',
        email: 'alice@example.com',
        photoUrl: 'https://example.com/alice.jpg',
        role: 'buyer',
        locale: 'en-US',
        welcomeMessage: 'Hi, Alice here.',
        custom: { plan: 'gold' },
      };
      const first = result.sets[0] ?? {};
      const same = Object.entries(expected).every(([key, value]) => JSON.stringify(first[key]) === JSON.stringify(value));
      if (result.userId !== 'alice' || result.me !== null || result.sets.length < 1 || !same) throw new Error(`session user ${JSON.stringify(result)}`);
    });

    test('markup only: the question chat shows its subject and welcome messages, with the listed participants', async () => {
      const question = cms.locator('#cms-question');
      await question.locator('[data-part="title"]', { hasText: 'Question about the vintage lamp' }).waitFor();
      await question.locator('[data-part="welcome-message"]', { hasText: 'Sebastian or Maria usually answers within an hour.' }).waitFor();
      const conversation = await page.evaluate(() => document.getElementById('cms-question').chatbox.currentConversation);
      const participants = Object.keys(conversation.participants).sort().join(',');
      if (conversation.id !== 'question-lamp-42' || participants !== 'alice,maria,sebastian' || conversation.custom.product !== 'lamp-42') {
        throw new Error(`question conversation ${JSON.stringify(conversation)}`);
      }
    });

    test('markup only: the with-user chat is the one-on-one conversation with the seller, and the seller answers', async () => {
      const seller = cms.locator('#cms-seller');
      const conversation = await page.evaluate(() => document.getElementById('cms-seller').chatbox.currentConversation);
      const expected = oneOnOneId('alice', 'sebastian');
      if (conversation?.id !== expected) throw new Error(`the seller chat shows ${conversation?.id}, expected oneOnOneId ${expected}`);
      if (Object.keys(conversation.participants).sort().join(',') !== 'alice,sebastian')
        throw new Error(`participants ${Object.keys(conversation.participants)}`);
      await seller.locator('[data-part="title"]', { hasText: 'Sebastian (seller)' }).waitFor();
      await seller.locator('[data-part="message-field"]').fill('Is the lamp still available?');
      await seller.locator('[data-part="send"]').click();
      await seller.locator('[data-part="message-text"]', { hasText: 'Yes, the lamp is still available!' }).waitFor();
    });

    test('markup only: the HTML panel shows the markup copied from <talk-html-panel>', async () => {
      const panel = page.frameLocator('#cms-seller iframe[data-part="html-panel"]');
      await panel.locator('strong', { hasText: 'Vintage lamp' }).waitFor();
      await panel.locator('a', { hasText: 'Order details' }).waitFor();
      const text = await panel.locator('body').innerText();
      if (!text.includes('€49 · ships tomorrow')) throw new Error(`panel text: ${text}`);
    });

    test('markup only: the unread badge is hidden while nothing is unread', async () => {
      await badge.waitFor({ state: 'hidden' });
    });

    test('a message typed and sent in the chatbox shows in the chat and as talk-send-message in the log', async () => {
      const text = `Hello from the end-to-end test ${Date.now()}`;
      await page.locator('#chatbox [data-part="message-field"]').fill(text);
      await page.locator('#chatbox [data-part="send"]').click();
      await page.locator('#chatbox [data-part="message-text"]', { hasText: text }).waitFor();
      await log.locator('li', { hasText: 'talk-send-message' }).filter({ hasText: text }).waitFor();
      await log.locator('li', { hasText: 'talk-message' }).filter({ hasText: text }).first().waitFor();
    });

    test('the other side answers (a talk-message from the fake backend)', async () => {
      await page.locator('#chatbox [data-part="message-text"]', { hasText: 'I will wrap it with care' }).waitFor();
    });

    test('live data: the seller types before the scripted reply, and the reply ends the typing', async () => {
      const replies = page.locator('#chatbox [data-part="message-text"]', { hasText: 'I will wrap it with care' });
      const before = await replies.count();
      await page.locator('#chatbox [data-part="message-field"]').fill('One more question about the wrapping.');
      await page.locator('#chatbox [data-part="send"]').click();
      await page.locator('#order-typing:state(typing)').waitFor({ state: 'attached' });
      const text = await page.locator('#order-typing [part="text"]').textContent();
      if (text !== 'Sebastian (seller) is typing…') throw new Error(`the indicator says "${text}"`);
      await replies.nth(before).waitFor();
      await page.locator('#order-typing [part="text"]').waitFor({ state: 'hidden' });
    });

    test('the unread counter changes when a message arrives in a conversation not on screen', async () => {
      const counter = page.locator('#unread-count');
      const before = Number(await counter.textContent());
      await page.locator('#incoming').click();
      await page.waitForFunction((n) => Number(document.getElementById('unread-count').textContent) > n, before);
      await log.locator('li', { hasText: 'talk-unreads-change' }).first().waitFor();
    });

    test('markup only: the unread badge shows the count after "Simulate incoming message"', async () => {
      await badge.waitFor({ state: 'visible' });
      const count = await page.locator('#unread-count').textContent();
      await page.waitForFunction((n) => document.querySelector('#cms talk-unread-badge').shadowRoot.querySelector('[part="badge"]').textContent === n, count);
      const label = await badge.getAttribute('aria-label');
      if (label !== `${count} unread conversations`) throw new Error(`badge label "${label}"`);
      await cms.screenshot({ path: `${resultsDir}/demo-markup-only.png` });
    });

    test('the popup toggle opens the popup; its launcher closes (talk-close) and reopens it (talk-open)', async () => {
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

    test('an invoker command (commandfor="popup" command="--toggle", no script) closes and opens the popup; the other toggle follows', async () => {
      const field = page.locator('[data-fake-talk="popup"] [data-part="message-field"]');
      const state = () => page.evaluate(() => ({ show: document.getElementById('popup').show, label: document.getElementById('toggle-popup').textContent }));
      await field.waitFor({ state: 'visible' });
      await page.locator('#command-popup').click();
      await field.waitFor({ state: 'hidden' });
      let now = await state();
      if (now.show !== false || now.label !== 'Open popup') throw new Error(`after the first --toggle: ${JSON.stringify(now)}`);
      await page.locator('#command-popup').click();
      await field.waitFor({ state: 'visible' });
      now = await state();
      if (now.show !== true || now.label !== 'Close popup') throw new Error(`after the second --toggle: ${JSON.stringify(now)}`);
    });

    test('the page logged no errors', async () => {
      if (pageErrors.length) throw new Error(pageErrors.map(String).join('\n'));
    });
  });
}

if (wanted('real-loader')) {
  describe('the real talkjs loader, sdk = its stub (test/e2e/pages/real-loader.html)', () => realLoaderTests(context));
}
