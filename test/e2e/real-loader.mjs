// End-to-end, part of test/e2e/run.mjs: the REAL loader of the `talkjs` package with `sdk` set
// explicitly to its default export before talk.js has loaded (test/e2e/pages/real-loader.html,
// served by Vite). The page's `import Talk from 'talkjs'` injects
// <script src="https://cdn.talkjs.com/talk.js"> and makes window.Talk the stub
// `{ v: 3, ready: { then, catch, c } }`; the page sets `<talk-session>.sdk` to that stub. The
// script request is answered by the fake TalkJS CDN (dist/testing/fake-talk-cdn.iife.js, seeded)
// only once the page says the kit is defined and `sdk` is set, and 300 ms later still, so the kit
// really starts from the stub; or it is aborted.
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

const TALK_SCRIPT_URL = 'https://cdn.talkjs.com/talk.js';
const FAKE_CDN = 'dist/testing/fake-talk-cdn.iife.js';
const DELAY_MS = 300;
const seed = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  conversations: [{ id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'Hello from the fake CDN' }] }],
};

/**
 * Opens the page in a fresh context; `talkScript` is 'fake' (fulfilled DELAY_MS after the page
 * calls `realLoaderKitReady()`) or 'abort'. Every other request outside the Vite server is
 * blocked and recorded.
 */
async function openPage(browser, url, talkScript) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  const outside = [];
  const talkScriptRequests = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const bundle = readFileSync(FAKE_CDN, 'utf8');
  let kitReady;
  const kitReadyOrTimeout = Promise.race([new Promise((resolve) => (kitReady = resolve)), new Promise((resolve) => setTimeout(resolve, 15000).unref())]);
  await page.exposeFunction('realLoaderKitReady', () => kitReady());
  await page.route(
    (target) => target.hostname !== '127.0.0.1',
    async (route) => {
      const requested = route.request().url();
      if (requested !== TALK_SCRIPT_URL) {
        outside.push(requested);
        return route.abort();
      }
      talkScriptRequests.push(requested);
      if (talkScript === 'abort') return route.abort();
      await kitReadyOrTimeout;
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      const body = `${bundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});`;
      return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body });
    },
  );
  await page.goto(url);
  return { page, errors, consoleErrors, outside, talkScriptRequests, close: () => context.close() };
}

/** Waits until `fn(arg)` is truthy in the page; on timeout, says what and shows what the page recorded. */
async function until(page, what, fn, arg, timeout = 10000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    const recorded = await page.evaluate(() => ({ events: window.realLoader?.events, live: window.fakeTalk?.live?.() })).catch(() => 'unavailable');
    throw new Error(`timed out waiting until ${what}; the page recorded ${JSON.stringify(recorded)}`);
  }
}

/**
 * Waits until no timer set by the kit's code (or by the SDK when the kit called it) is pending,
 * as counted by test/e2e/pages/soak-instrument.ts, which the page loads first.
 */
async function untilNoKitTimers(page) {
  await until(page, 'no timer of the kit pending', () => {
    const { timers } = window.soakInstrument.outstanding();
    return timers.kit === 0 && timers.fake === 0;
  });
}

const STUB_KEYS = ['ready', 'v'];

/**
 * Registers the tests (node:test), inside the caller's `describe`. `context.browser` and
 * `context.vite` (its `url`) are set by the caller's `before` hook.
 */
export function realLoaderTests(context) {
  if (!existsSync(FAKE_CDN)) {
    test('real talkjs loader: the fake CDN bundle is built', () => {
      throw new Error(`${FAKE_CDN} is missing: run \`npm run build\` first`);
    });
    return;
  }

  for (const order of ['before-define', 'after-define']) {
    const label = `real talkjs loader, sdk = its stub (${order === 'before-define' ? 'set before the kit is defined' : 'set after the kit is defined'})`;
    describe(label, () => {
      let tab, page;
      before(async () => {
        tab = await openPage(context.browser, `${context.vite.url}/test/e2e/pages/real-loader.html?order=${order}`, 'fake');
        page = tab.page;
      });
      after(() => tab?.close());

      test(`${label}: the kit got the bare stub { v, ready }, and was defined, before talk.js had loaded`, async () => {
        await until(page, 'the kit is defined and sdk set', () => window.realLoader?.kitLoaded);
        const state = await page.evaluate(() => {
          const { stubKeysWhenSet, cdnLoadedWhenSet, stubKeysWhenKitReady, cdnLoadedWhenKitReady, scriptInjected } = window.realLoader;
          return { stubKeysWhenSet, cdnLoadedWhenSet, stubKeysWhenKitReady, cdnLoadedWhenKitReady, scriptInjected };
        });
        if (!state.scriptInjected) throw new Error('the talkjs package did not inject the talk.js script');
        if (state.cdnLoadedWhenSet || state.cdnLoadedWhenKitReady) throw new Error(`talk.js had already loaded: ${JSON.stringify(state)}`);
        for (const keys of [state.stubKeysWhenSet, state.stubKeysWhenKitReady]) {
          if (!isDeepStrictEqual(keys, STUB_KEYS)) throw new Error(`the stub held ${JSON.stringify(keys)}, expected ${JSON.stringify(STUB_KEYS)}`);
        }
      });

      test(`${label}: the session becomes ready (talk-session-ready) and the chatbox reaches talk-ready`, async () => {
        await until(page, 'talk-session-ready and talk-ready on <talk-chatbox>', () => {
          const events = window.realLoader?.events ?? [];
          return events.some((e) => e.type === 'talk-session-ready') && events.some((e) => e.type === 'talk-ready' && e.target === 'talk-chatbox');
        });
        await page
          .locator('talk-chatbox [data-fake-talk="chatbox"] [data-part="message-text"]', { hasText: 'Hello from the fake CDN' })
          .waitFor({ timeout: 5000 });
        const events = await page.evaluate(() => window.realLoader.events);
        const ready = events.find((e) => e.type === 'talk-session-ready');
        if (ready.at < DELAY_MS) throw new Error(`talk-session-ready after ${ready.at} ms, before the ${DELAY_MS} ms delayed script could have loaded`);
      });

      test(`${label}: window.Talk is the same object before and after talk.js loaded (filled in place); the fake recorded exactly one Session`, async () => {
        const result = await page.evaluate(() => ({
          same: window.Talk === window.realLoader.talkBefore,
          sessionElementSdk: document.querySelector('talk-session').sdk === window.Talk,
          filled: typeof window.Talk.Session === 'function' && typeof window.Talk.oneOnOneId === 'function',
          sessions: window.fakeTalk.sessions.length,
          live: window.fakeTalk.live(),
        }));
        if (!result.same) throw new Error('window.Talk was replaced, not filled in place');
        if (!result.sessionElementSdk) throw new Error('<talk-session>.sdk is not window.Talk');
        if (!result.filled) throw new Error('window.Talk has no Session/oneOnOneId after load');
        if (result.sessions !== 1) throw new Error(`the fake recorded ${result.sessions} sessions: ${JSON.stringify(result)}`);
        if (result.live.sessions !== 1 || result.live.chatboxes !== 1) throw new Error(`live: ${JSON.stringify(result.live)}`);
      });

      test(`${label}: one talk.js request, nothing else outside; no talk-error, no console.error, no page error`, async () => {
        // Anything late (a second session, an error after ready) would come from a timer the kit
        // (or the fake, called by it) has pending: wait until none is, instead of a fixed moment.
        await untilNoKitTimers(page);
        const events = await page.evaluate(() => window.realLoader.events);
        const talkErrors = events.filter((e) => e.type === 'talk-error');
        if (talkErrors.length) throw new Error(`talk-error: ${JSON.stringify(talkErrors)}`);
        if (tab.consoleErrors.length) throw new Error(`console.error: ${tab.consoleErrors.join(' | ')}`);
        if (tab.errors.length) throw new Error(`page errors: ${tab.errors.join(' | ')}`);
        if (tab.talkScriptRequests.length !== 1) throw new Error(`${tab.talkScriptRequests.length} requests for ${TALK_SCRIPT_URL}`);
        if (tab.outside.length) throw new Error(`requests outside the page's server: ${tab.outside.join(', ')}`);
        const sessionReady = events.filter((e) => e.type === 'talk-session-ready').length;
        if (sessionReady !== 1) throw new Error(`${sessionReady} talk-session-ready events`);
      });
    });
  }

  {
    const LOAD_TIMEOUT = 3000;
    const label = `real talkjs loader, sdk = its stub, talk.js request aborted (load-timeout=${LOAD_TIMEOUT})`;
    describe(label, () => {
      let tab, page;
      before(async () => {
        tab = await openPage(context.browser, `${context.vite.url}/test/e2e/pages/real-loader.html?load-timeout=${LOAD_TIMEOUT}`, 'abort');
        page = tab.page;
      });
      after(() => tab?.close());

      test(`${label}: exactly one talk-error, code sdk-load-failed; no session, no talk-ready`, async () => {
        await until(page, 'a talk-error', () => window.realLoader?.events.some((e) => e.type === 'talk-error'), undefined, LOAD_TIMEOUT + 7000);
        // A second error or a late session would come from a timer the kit has pending: none may be.
        await untilNoKitTimers(page);
        const { events, stubKeys } = await page.evaluate(() => ({ events: window.realLoader.events, stubKeys: Object.keys(window.Talk).sort() }));
        const talkErrors = events.filter((e) => e.type === 'talk-error');
        if (talkErrors.length !== 1 || talkErrors[0].code !== 'sdk-load-failed' || talkErrors[0].target !== 'talk-session') {
          throw new Error(`talk-error events: ${JSON.stringify(talkErrors)}`);
        }
        const others = events.filter((e) => e.type !== 'talk-error');
        if (others.length) throw new Error(`unexpected events: ${JSON.stringify(others)}`);
        if (!isDeepStrictEqual(stubKeys, STUB_KEYS)) throw new Error(`window.Talk holds ${JSON.stringify(stubKeys)}: talk.js ran?`);
        if (tab.talkScriptRequests.length !== 1) throw new Error(`${tab.talkScriptRequests.length} requests for ${TALK_SCRIPT_URL}`);
        if (tab.errors.length) throw new Error(`page errors: ${tab.errors.join(' | ')}`);
        if (tab.outside.length) throw new Error(`requests outside the page's server: ${tab.outside.join(', ')}`);
        console.log(`    sdk-load-failed after ${talkErrors[0].at} ms: ${talkErrors[0].message}`);
      });
    });
  }
}
