// End-to-end: every app under examples/ (built into examples/<name>/dist by
// scripts/build-examples.mjs, after `npm run build`), served by `vite preview` and driven by
// playwright-core in headless Chromium, offline:
//  - the kit's bundles are served from dist/ at their CDN URL (https://cdn.jsdelivr.net/npm/...),
//    so the plain and CMS pages are exactly what a user pastes;
//  - https://cdn.talkjs.com/talk.js, which the kit's default path (the `talkjs` package) injects,
//    is served by the fake TalkJS CDN (dist/testing/fake-talk-cdn.iife.js) with the examples'
//    seed, and the FakeTalk it returns is put on `window.fakeTalk`; the framework apps instead
//    pass the fake from `talkjs-elements/testing` as `sdk` (and set `window.fakeTalk` themselves),
//    so for them any request for talk.js is a failure;
//  - every other request outside the page's own server is blocked, and fails the example.
// Also: a page that loads the kit twice (classic bundle + standalone ESM), and a check that the
// snippets in README.md, docs/frameworks.md and docs/live-data.md are the tested files. Screenshots go to
// test-results/example-*.png. A `node --test` file; EXAMPLES=<name>,… runs a subset.
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { launchBrowser, resultsDir, startPreview } from './browser.mjs';

const built = existsSync('dist/testing/fake-talk-cdn.iife.js') && existsSync('examples/react/dist/index.html') && existsSync('examples/lit/dist/index.html');

const KIT_CDN = 'https://cdn.jsdelivr.net/npm/talkjs-elements/dist/';
const KIT_FILES = ['talkjs-elements.js', 'talkjs-elements.iife.js'];
const TALK_SCRIPT_URL = 'https://cdn.talkjs.com/talk.js';
const TWICE_URL = 'https://twice.example/';
const seed = JSON.parse(readFileSync('examples/shared/seed.json', 'utf8'));
const fakeCdnBundle = built ? readFileSync('dist/testing/fake-talk-cdn.iife.js', 'utf8') : '';
const USER_MESSAGES_ONLY = { type: ['==', 'UserMessage'] };
const cors = { 'access-control-allow-origin': '*' };

const only = process.env.EXAMPLES?.split(',');
const wanted = (name) => !only || only.includes(name);

/**
 * Opens `url` in a fresh browser context with the offline routing described above. Returns the
 * page, what it logged, and which outside URLs it asked for.
 */
async function openPage(browser, url, { fakeCdn }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const outside = [];
  const talkScriptRequests = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(new Error(`console.error: ${message.text()}`));
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.route(
    (target) => target.hostname !== '127.0.0.1',
    (route) => {
      const requested = route.request().url();
      const file = requested.startsWith(KIT_CDN) ? requested.slice(KIT_CDN.length) : undefined;
      if (file && KIT_FILES.includes(file)) {
        return route.fulfill({ path: `dist/${file}`, contentType: 'text/javascript', headers: cors });
      }
      if (requested === TALK_SCRIPT_URL) {
        talkScriptRequests.push(requested);
        if (!fakeCdn) return route.abort();
        const body = `${fakeCdnBundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});`;
        return route.fulfill({ contentType: 'text/javascript', headers: cors, body });
      }
      if (requested === TWICE_URL) {
        return route.fulfill({ path: 'test/e2e/pages/kit-twice.html', contentType: 'text/html' });
      }
      outside.push(requested);
      return route.abort();
    },
  );
  await page.goto(url);
  return { page, errors, warnings, outside, talkScriptRequests, close: () => context.close() };
}

/** Waits until `fn(arg)` is truthy in the page; on timeout, says what and shows `fakeTalk.live()`. */
async function until(page, what, fn, arg) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 10000 });
  } catch {
    const live = await page.evaluate(() => window.fakeTalk?.live?.()).catch(() => 'unavailable');
    throw new Error(`timed out waiting until ${what}; fakeTalk.live() = ${JSON.stringify(live)}`);
  }
}

async function mounted(page) {
  await page.locator('talk-inbox [data-fake-talk="inbox"]').waitFor({ timeout: 15000 });
  await page.locator('talk-chatbox [data-fake-talk="chatbox"]').waitFor({ timeout: 15000 });
}

function noErrors(errors) {
  if (errors.length) throw new Error(errors.map(String).join('\n'));
}

/**
 * The checks shared by the framework apps and the plain page: mount, a talk-message rendered
 * by the page's own code, the messageFilter property, conditional removal, no errors.
 */
function appTests(example) {
  const { name, label } = example;
  describe(`examples/${name}`, () => {
    let server, tab, page;
    before(async () => {
      server = await startPreview(`examples/${name}`);
      tab = await openPage(shared.browser, `${server.url}/`, { fakeCdn: example.fakeCdn });
      page = tab.page;
    });
    after(async () => {
      await tab?.close();
      await server?.close();
    });

    test(`${label}: a <talk-session> on the fake SDK mounts an inbox and a chatbox`, async () => {
      await mounted(page);
      await until(page, 'the fake has one live session', () => window.fakeTalk?.live().sessions === 1);
    });

    test(`${label}: a talk-message from the fake, bound with ${example.binding}, is rendered by ${example.renderer}`, async () => {
      const text = `Hello from Bob to ${name} ${Date.now()}`;
      await page.evaluate((body) => window.fakeTalk.backend.sendMessage('order-1234', 'bob', body), text);
      await page.locator('#messages li', { hasText: text }).waitFor({ timeout: 5000 });
      // The stand-in chatbox shows it too (the SDK side), but the list above is the page's own DOM.
      await page.locator('talk-chatbox [data-part="message-text"]', { hasText: text }).waitFor();
      await page.screenshot({ path: `${resultsDir}/example-${name}.png`, fullPage: true });
    });

    test(`${label}: messageFilter, passed as ${example.property}, reaches the SDK chatbox as an object`, async () => {
      const { recorded, attribute, property } = await page.evaluate(() => {
        const element = document.querySelector('talk-chatbox');
        return {
          recorded: window.fakeTalk.chatboxes.at(-1)?.messageFilter,
          attribute: element.getAttribute('messagefilter') ?? element.getAttribute('message-filter'),
          property: element.messageFilter,
        };
      });
      if (!isDeepStrictEqual(recorded, USER_MESSAGES_ONLY)) throw new Error(`the fake chatbox's messageFilter is ${JSON.stringify(recorded)}`);
      if (!isDeepStrictEqual(property, USER_MESSAGES_ONLY)) throw new Error(`the element's messageFilter is ${JSON.stringify(property)}`);
      if (attribute !== null) throw new Error(`messageFilter was also written as an attribute: ${attribute}`);
    });

    if (example.toggle) {
      test(`${label}: removing the chatbox (${example.toggle}) destroys the SDK chatbox, and only it`, async () => {
        await page.click('#toggle-chatbox');
        await until(page, 'no chatbox is live', () => window.fakeTalk.live().chatboxes === 0);
        const live = await page.evaluate(() => window.fakeTalk.live());
        if (live.sessions !== 1 || live.inboxes !== 1) throw new Error(`the session or inbox went too: ${JSON.stringify(live)}`);
        if ((await page.locator('talk-chatbox').count()) !== 0) throw new Error('<talk-chatbox> is still in the page');
      });
    }

    test(`${label}: removing the session (${example.signOut}) destroys every SDK object`, async () => {
      await page.click('#sign-out');
      await until(page, 'nothing is live', () => {
        const live = window.fakeTalk.live();
        return live.total === 0 && live.sessions === 0;
      });
      if ((await page.locator('talk-session').count()) !== 0) throw new Error('<talk-session> is still in the page');
    });

    test(`${label}: ${example.fakeCdn ? 'TalkJS came from the (fake) CDN script, as on the default path' : 'TalkJS was never loaded (the fake is the sdk)'}; no other outside request; no errors`, async () => {
      const expected = example.fakeCdn ? 1 : 0;
      if (tab.talkScriptRequests.length !== expected) throw new Error(`${tab.talkScriptRequests.length} requests for ${TALK_SCRIPT_URL}, expected ${expected}`);
      if (tab.outside.length) throw new Error(`requests outside the page's server: ${tab.outside.join(', ')}`);
      noErrors(tab.errors);
    });
  });
}

function cmsTests() {
  const label = 'cms (classic script, markup only)';
  describe('examples/cms', () => {
    let server, tab, page;
    before(async () => {
      server = await startPreview('examples/cms');
      tab = await openPage(shared.browser, `${server.url}/`, { fakeCdn: true });
      page = tab.page;
    });
    after(async () => {
      await tab?.close();
      await server?.close();
    });

    test(`${label}: the page's only script is the classic bundle (plus the TalkJS script the kit injects)`, async () => {
      const html = readFileSync('examples/cms/dist/index.html', 'utf8');
      const authored = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      if (authored.length !== 1 || authored[0] !== `<script src="${KIT_CDN}talkjs-elements.iife.js">`)
        throw new Error(`the page's scripts: ${authored.join(' ')}`);
      const scripts = await page.evaluate(() => [...document.scripts].map((s) => `${s.type || 'classic'} ${s.src || 'inline'}`));
      const expected = ['classic https://cdn.talkjs.com/talk.js', `classic ${KIT_CDN}talkjs-elements.iife.js`];
      if (!isDeepStrictEqual(scripts.sort(), expected.sort())) throw new Error(`scripts in the DOM: ${scripts.join(', ')}`);
    });

    test(`${label}: the session, inbox, chatbox and unread badge start from attributes alone`, async () => {
      await mounted(page);
      await page.locator('talk-unread-badge:state(ready)').waitFor({ state: 'attached', timeout: 5000 });
      const { inboxOptions, highlighted } = await page.evaluate(() => ({
        inboxOptions: window.fakeTalk.inboxes.at(-1).options,
        highlighted: window.fakeTalk.chatboxes.at(-1).highlightedWords,
      }));
      if (inboxOptions.showFeedHeader !== false) throw new Error(`show-feed-header="false" gave ${JSON.stringify(inboxOptions)}`);
      if (!isDeepStrictEqual(highlighted, ['order', 'ships'])) throw new Error(`highlighted-words gave ${JSON.stringify(highlighted)}`);
      await page.locator('talk-chatbox [data-part="message-text"] mark', { hasText: 'ships' }).first().waitFor();
    });

    test(`${label}: a talk-message from the fake shows in the chatbox, and the badge counts a new unread conversation`, async () => {
      const count = () => Number(document.querySelector('talk-unread-badge').shadowRoot.querySelector('[part="badge"]').textContent || 0);
      const before = await page.evaluate(count);
      const text = `New order question ${Date.now()}`;
      await page.evaluate((body) => window.fakeTalk.backend.sendMessage('order-1234', 'bob', body), text);
      await page.locator('talk-chatbox [data-part="message-text"]', { hasText: text }).waitFor({ timeout: 5000 });
      await page.evaluate(() => window.fakeTalk.backend.sendMessage('support', 'bob', 'Any news?'));
      await until(page, `the badge counts more than ${before}`, `(${count})() > ${before}`);
      await page.screenshot({ path: `${resultsDir}/example-cms.png`, fullPage: true });
    });

    test(`${label}: removing <talk-session> from the page destroys every SDK object`, async () => {
      await page.evaluate(() => document.querySelector('talk-session').remove());
      await until(page, 'nothing is live', () => window.fakeTalk.live().total === 0);
    });

    test(`${label}: TalkJS came from the (fake) CDN script; no other outside request; no errors`, async () => {
      if (tab.talkScriptRequests.length !== 1) throw new Error(`${tab.talkScriptRequests.length} requests for ${TALK_SCRIPT_URL}`);
      if (tab.outside.length) throw new Error(`requests outside the page's server: ${tab.outside.join(', ')}`);
      noErrors(tab.errors);
    });
  });
}

/**
 * examples/lit: the app's own Lit element <my-conversations>, a conversation list rendered from
 * ConversationListController (talkjs-elements/controllers), beside a <talk-chatbox id="chat">.
 */
function litTests() {
  const label = 'Lit (an own element on ConversationListController)';
  describe('examples/lit', () => {
    let server, tab, page;
    /** The list as the page's own element renders it, in order: id, subject, last message, unread count ("2 unread"). */
    const rows = () =>
      page.evaluate(() =>
        [...document.querySelector('my-conversations').shadowRoot.querySelectorAll('li[data-conversation]')].map((item) => ({
          id: item.dataset.conversation,
          subject: item.querySelector('strong').textContent,
          last: item.querySelector('.last').textContent,
          unread: item.querySelector('.unread')?.textContent ?? null,
        })),
      );
    before(async () => {
      server = await startPreview('examples/lit');
      tab = await openPage(shared.browser, `${server.url}/`, { fakeCdn: false });
      page = tab.page;
    });
    after(async () => {
      await tab?.close();
      await server?.close();
    });

    test(`${label}: <my-conversations> lists both seeded conversations, with the last message where there is one`, async () => {
      await page.locator('my-conversations li[data-conversation]').nth(1).waitFor({ timeout: 15000 });
      await page.locator('#chat [data-fake-talk="chatbox"]').waitFor({ timeout: 15000 });
      const list = await rows();
      const byId = Object.fromEntries(list.map((row) => [row.id, row]));
      if (list.length !== 2) throw new Error(`the list: ${JSON.stringify(list)}`);
      // order-1234 is open in the chatbox (read); support has only a welcome message, which is no message.
      const expected = {
        'order-1234': { id: 'order-1234', subject: 'Order #1234', last: 'Thanks for your order! It ships tomorrow.', unread: null },
        support: { id: 'support', subject: 'Support', last: '', unread: null },
      };
      if (!isDeepStrictEqual(byId, expected)) throw new Error(`the list: ${JSON.stringify(list)}`);
      await until(page, 'the fake has one live session', () => window.fakeTalk.live().sessions === 1);
    });

    test(`${label}: an incoming message updates that conversation's last message and unread count, and moves it to the top`, async () => {
      const text = `Any news about my order? ${Date.now()}`;
      await page.evaluate((body) => window.fakeTalk.backend.sendMessage('support', 'bob', body), text);
      await until(
        page,
        'support shows the new message, 1 unread',
        (body) => {
          const item = document.querySelector('my-conversations').shadowRoot.querySelector('li[data-conversation="support"]');
          return item?.querySelector('.last').textContent === body && item.querySelector('.unread')?.textContent === '1 unread';
        },
        text,
      );
      await page.evaluate(() => window.fakeTalk.backend.sendMessage('support', 'bob', 'And one more.'));
      await until(page, 'support shows 2 unread', () => {
        const item = document.querySelector('my-conversations').shadowRoot.querySelector('li[data-conversation="support"]');
        return item?.querySelector('.last').textContent === 'And one more.' && item.querySelector('.unread')?.textContent === '2 unread';
      });
      const list = await rows();
      if (list[0].id !== 'support' || list[1].unread !== null) throw new Error(`after the messages: ${JSON.stringify(list)}`);
      const name = await page
        .locator('my-conversations li[data-conversation="support"] button')
        .evaluate((button) => button.innerText.replace(/\s+/g, ' ').trim());
      if (!name.endsWith('2 unread')) throw new Error(`the button reads "${name}"`);
      await page.screenshot({ path: `${resultsDir}/example-lit.png`, fullPage: true });
    });

    test(`${label}: clicking a conversation selects it in <talk-chatbox id="chat">, which reads it (unread count gone)`, async () => {
      await page.locator('my-conversations li[data-conversation="support"] button').click();
      await until(page, 'the chatbox shows support', () => {
        const chat = document.getElementById('chat');
        return chat.getAttribute('conversation-id') === 'support' && chat.chatbox?.currentConversation?.id === 'support';
      });
      await page.locator('#chat [data-part="message-text"]', { hasText: 'And one more.' }).waitFor({ timeout: 5000 });
      await until(page, 'support has no unread count', () => {
        const item = document.querySelector('my-conversations').shadowRoot.querySelector('li[data-conversation="support"]');
        return item && !item.querySelector('.unread');
      });
      await page.locator('my-conversations li[data-conversation="order-1234"] button').click();
      await until(page, 'the chatbox shows order-1234 again', () => document.getElementById('chat').chatbox?.currentConversation?.id === 'order-1234');
    });

    test(`${label}: removing <talk-session> ends the list's subscription with everything else`, async () => {
      await page.evaluate(() => document.querySelector('talk-session').remove());
      await until(page, 'nothing is live', () => window.fakeTalk.live().total === 0);
    });

    test(`${label}: TalkJS was never loaded (the fake is the sdk); no other outside request; no errors`, async () => {
      if (tab.talkScriptRequests.length !== 0) throw new Error(`${tab.talkScriptRequests.length} requests for ${TALK_SCRIPT_URL}`);
      if (tab.outside.length) throw new Error(`requests outside the page's server: ${tab.outside.join(', ')}`);
      noErrors(tab.errors);
    });
  });
}

function twiceTests() {
  const label = 'kit loaded twice (classic bundle + standalone ESM)';
  describe('test/e2e/pages/kit-twice.html', () => {
    let tab, page;
    before(async () => {
      tab = await openPage(shared.browser, TWICE_URL, { fakeCdn: true });
      page = tab.page;
    });
    after(() => tab?.close());

    test(`${label}: both copies load without an exception, and the second warns exactly once`, async () => {
      await page.waitForFunction(() => customElements.get('esm-chatbox') !== undefined, undefined, { timeout: 10000 });
      const copies = await page.evaluate(() => ({
        firstWins: customElements.get('talk-chatbox') === window.TalkElements.TalkChatboxElement,
        distinct: !(customElements.get('esm-chatbox').prototype instanceof window.TalkElements.TalkChatboxElement),
      }));
      if (!copies.firstWins) throw new Error("<talk-chatbox> is not the classic bundle's class");
      if (!copies.distinct) throw new Error('<esm-chatbox> does not come from a second copy of the kit');
      noErrors(tab.errors);
      const kitWarnings = tab.warnings.filter((text) => text.includes('[talkjs-elements]'));
      if (kitWarnings.length !== 1) throw new Error(`${kitWarnings.length} warnings from the kit: ${kitWarnings.join(' | ')}`);
    });

    test(`${label}: a chatbox of each copy mounts inside the classic copy's <talk-session>`, async () => {
      await page.locator('#classic-chatbox [data-fake-talk="chatbox"]').waitFor({ timeout: 15000 });
      await page.locator('#esm-chatbox [data-fake-talk="chatbox"]').waitFor({ timeout: 15000 });
      const live = await page.evaluate(() => window.fakeTalk.live());
      if (live.sessions !== 1 || live.chatboxes !== 2) throw new Error(`expected one session and two chatboxes: ${JSON.stringify(live)}`);
      noErrors(tab.errors);
      if (tab.outside.length) throw new Error(`requests outside the page: ${tab.outside.join(', ')}`);
    });
  });
}

/** The fake CDN script itself: the stub the `talkjs` package makes, completed in place; or no stub at all. */
function fakeCdnTests() {
  const label = 'fake TalkJS CDN (dist/testing/fake-talk-cdn.iife.js)';
  describe('dist/testing/fake-talk-cdn.iife.js', () => {
    let context, page;
    const errors = [];
    before(async () => {
      context = await shared.browser.newContext();
      page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error));
    });
    after(() => context?.close());

    test(`${label}: completes the talkjs package's window.Talk stub in place and settles what was queued on Talk.ready`, async () => {
      // The talkjs package's snippet (node_modules/talkjs/src/index.esnext.js), without its script injection.
      await page.addScriptTag({
        content:
          'window.Talk={v:3,ready:{then:function(f){var l=this.c;if(Promise)return new Promise(function(r,e){l.push([f,r,e]);});l.push([f]);},catch:function(){return new Promise(function(){});},c:[]}};',
      });
      const result = await page.evaluate(
        async ({ seed, bundle }) => {
          const stub = window.Talk;
          const queued = [stub.ready.then(() => 'first'), Promise.resolve(stub.ready).then(() => 'awaited')];
          const order = [];
          stub.ready.then(() => order.push('callback'));
          const script = document.createElement('script');
          script.textContent = `${bundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});`;
          document.head.append(script);
          const settled = await Promise.all(queued);
          const session = new stub.Session({ appId: 'tXXXX', userId: 'alice' });
          return {
            sameObject: window.Talk === stub,
            settled,
            order,
            version: stub.v,
            sessionAlive: session.isAlive,
            liveSessions: window.fakeTalk.live().sessions,
            viaStub: stub.live().sessions,
            oneOnOne: typeof stub.oneOnOneId('alice', 'bob'),
          };
        },
        { seed, bundle: fakeCdnBundle },
      );
      const expected = {
        sameObject: true,
        settled: ['first', 'awaited'],
        order: ['callback'],
        version: 3,
        sessionAlive: true,
        liveSessions: 1,
        viaStub: 1,
        oneOnOne: 'string',
      };
      if (!isDeepStrictEqual(result, expected)) throw new Error(JSON.stringify(result));
    });

    test(`${label}: without a stub, puts the fake on window.Talk`, async () => {
      await page.goto('about:blank');
      if (await page.evaluate(() => 'Talk' in window)) throw new Error('window.Talk exists on a blank page');
      await page.addScriptTag({ content: `${fakeCdnBundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});` });
      const ok = await page.evaluate(async () => {
        await window.Talk.ready;
        return window.Talk === window.fakeTalk && typeof window.Talk.Session === 'function' && window.Talk.backend.conversations.has('order-1234');
      });
      if (!ok) throw new Error('window.Talk is not the ready fake with the seed');
      noErrors(errors);
    });
  });
}

/**
 * The snippets in README.md (plain page, CMS), docs/frameworks.md (React, Vue, Angular, Svelte)
 * and docs/live-data.md (Lit) are the tested code: each fenced block that follows a line naming an example file
 * ("From `examples/react/src/App.tsx`:") must appear in that file verbatim.
 */
function readmeTests() {
  test('README, docs/frameworks.md and docs/live-data.md: every example snippet is the code of a tested example, verbatim', async () => {
    const readme = ['README.md', 'docs/frameworks.md', 'docs/live-data.md'].map((doc) => readFileSync(doc, 'utf8')).join('\n');
    const blocks = [...readme.matchAll(/^From `(examples\/[^`]+)`:\n\n```[a-z]*\n([\s\S]*?)\n```/gm)];
    const files = new Set(blocks.map(([, file]) => file));
    for (const required of [
      'examples/plain-html/index.html',
      'examples/cms/index.html',
      'examples/react/src/App.tsx',
      'examples/vue/src/App.vue',
      'examples/angular/src/app.component.ts',
      'examples/svelte/src/App.svelte',
      'examples/lit/src/my-conversations.ts',
    ]) {
      if (!files.has(required)) throw new Error(`none of README.md, docs/frameworks.md and docs/live-data.md shows a snippet from ${required}`);
    }
    const dedent = (text) => {
      const lines = text.split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
      return lines.map((l) => l.slice(indent)).join('\n');
    };
    for (const [, file, snippet] of blocks) {
      const source = readFileSync(file, 'utf8');
      // A snippet may be an indented excerpt of an HTML page: compare without the common indentation.
      const lines = source.split('\n');
      const wantedText = dedent(snippet);
      const found = lines.some((_, start) => {
        for (let end = start + 1; end <= lines.length; end += 1) {
          const excerpt = lines.slice(start, end).join('\n');
          if (excerpt.length > source.length) break;
          if (dedent(excerpt) === wantedText) return true;
          if (end - start > snippet.split('\n').length) break;
        }
        return false;
      });
      if (!found) throw new Error(`the docs' snippet from ${file} is not in that file (verbatim, up to indentation)`);
    }
  });
}

/** The browser, shared by every group below. */
const shared = {};

const apps = [
  {
    name: 'plain-html',
    label: 'plain-html (standalone ESM, real default SDK path)',
    binding: "addEventListener('talk-message')",
    renderer: 'the page script',
    property: 'a property from script',
    signOut: 'element.remove()',
    fakeCdn: true,
  },
  {
    name: 'react',
    label: 'React 19',
    binding: 'ontalk-message',
    renderer: 'React',
    property: 'a JSX prop (React 19 sets properties)',
    toggle: '{showChatbox && …}',
    signOut: '{signedIn && …}',
  },
  {
    name: 'vue',
    label: 'Vue 3',
    binding: '@talk-message',
    renderer: 'Vue',
    property: ':messageFilter (Vue sets properties the element has)',
    toggle: 'v-if',
    signOut: 'v-if',
  },
  { name: 'angular', label: 'Angular', binding: '(talk-message)', renderer: 'Angular', property: '[messageFilter]', toggle: '@if', signOut: '@if' },
  {
    name: 'svelte',
    label: 'Svelte 5',
    binding: 'ontalk-message',
    renderer: 'Svelte',
    property: 'messageFilter={…} (Svelte 5 sets properties the element has)',
    toggle: '{#if}',
    signOut: '{#if}',
  },
];

if (!built) {
  test('dist/ and examples/*/dist are built', () => {
    throw new Error('dist/ or examples/*/dist is missing: run `npm run build && npm run build:examples` first');
  });
} else {
  before(async () => {
    shared.browser = await launchBrowser();
  });
  after(() => shared.browser?.close());

  readmeTests();
  for (const example of apps) if (wanted(example.name)) appTests(example);
  if (wanted('cms')) cmsTests();
  if (wanted('lit')) litTests();
  if (wanted('fake-cdn')) fakeCdnTests();
  if (wanted('twice')) twiceTests();
}
