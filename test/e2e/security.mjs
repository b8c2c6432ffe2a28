// Security end to end: the kit on pages with a strict Content Security Policy and with Trusted
// Types enforced, in headless Chromium (playwright-core), served by a plain Node HTTP server (Vite's
// dev server injects inline scripts, which these policies forbid). The page scripts are bundled
// with esbuild, with source maps, so every violation and console error can be traced back to the
// file it came from: the kit's own code (src/), the fake SDK (src/testing/), the talkjs package, ….
//
//   strict CSP:     script-src 'self' https://cdn.talkjs.com; style-src 'self'   (no 'unsafe-inline')
//   Trusted Types:  the same, plus require-trusted-types-for 'script'
//
// Pages: the fake SDK set as `.sdk` from a same-origin script; the kit's default SDK path (the
// talkjs package loads https://cdn.talkjs.com/talk.js, answered here with the fake SDK's CDN
// stand-in); and, with Trusted Types, the default path with and without a page-defined default
// policy. On each: the elements render and work (session, chatbox, inbox, popup, badge; a message
// typed in the stand-in chatbox arrives as talk-send-message), and no violation, console error or
// uncaught error comes from the kit's own code; the others are reported with their source.
// A `node --test` file; prints a `[figures] security: …` line.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = path.join(root, 'test/e2e/pages/security');
const CDN = 'https://cdn.talkjs.com/talk.js';
const POLICIES = {
  strict: "script-src 'self' https://cdn.talkjs.com; style-src 'self'",
  tt: "script-src 'self' https://cdn.talkjs.com; style-src 'self'; require-trusted-types-for 'script'",
};

// ---------------------------------------------------------------------------------------------
// Bundles (in memory) and their source maps

const common = {
  bundle: true,
  write: false,
  sourcemap: 'external',
  target: 'es2022',
  platform: 'browser',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
  absWorkingDir: root,
};
const bundles = new Map(); // URL path → { body, type }
const maps = new Map(); // URL path of a script → SourceMap
async function bundle(options) {
  const result = await build({ ...common, ...options, outdir: path.join(root, '.security-out') });
  for (const file of result.outputFiles) {
    const name = `/${path.basename(file.path)}`;
    if (name.endsWith('.map')) {
      const map = JSON.parse(file.text);
      // Sources relative to the repository root.
      map.sources = map.sources.map((source) => path.relative(root, path.resolve(path.dirname(file.path), source)));
      maps.set(name.slice(0, -'.map'.length), new SourceMap(map));
    } else {
      bundles.set(name, { body: `${file.text}`, type: 'text/javascript' });
    }
  }
}
await bundle({ entryPoints: { 'app-fake': path.join(pages, 'app-fake.ts'), 'app-default': path.join(pages, 'app-default.ts') }, format: 'esm' });
await bundle({ entryPoints: { 'fake-cdn': path.join(pages, 'fake-cdn.ts') }, format: 'iife' });
const fakeCdn = bundles.get('/fake-cdn.js').body;

/** Where a script location comes from, by the original source file: `kit`, `fake SDK`, `talkjs package`, …. */
function origin(url, line, column) {
  if (!url) return { owner: 'unknown', where: '(no source location)' };
  if (url === CDN) return { owner: 'fake TalkJS CDN script', where: CDN };
  let pathname;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return { owner: 'unknown', where: url };
  }
  const map = maps.get(pathname);
  if (!map || !line) return { owner: pathname.endsWith('.js') && !pathname.startsWith('/app-') ? 'page' : 'unknown', where: `${url}:${line}:${column}` };
  const entry = map.findEntry(line - 1, Math.max(0, (column ?? 1) - 1));
  const source = entry?.originalSource ?? '';
  const where = `${source}:${(entry?.originalLine ?? -1) + 1}`;
  if (source.startsWith('src/testing/')) return { owner: 'fake SDK', where };
  if (source.startsWith('src/')) return { owner: 'kit', where };
  if (source.includes('node_modules/talkjs/')) return { owner: 'talkjs package', where };
  if (source.includes('node_modules/')) return { owner: 'library', where };
  if (source.startsWith('test/')) return { owner: 'page', where };
  return { owner: 'unknown', where: where || url };
}

// ---------------------------------------------------------------------------------------------
// The server: HTML pages under /strict/ and /tt/ with their policy as a response header

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const [, policy, page] = url.pathname.match(/^\/(strict|tt)\/([\w-]+\.html)$/) ?? [];
  try {
    if (policy) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICIES[policy], 'Cache-Control': 'no-store' });
      res.end(await readFile(path.join(pages, page)));
      return;
    }
    const built = bundles.get(url.pathname);
    if (built) {
      res.writeHead(200, { 'Content-Type': built.type, 'Cache-Control': 'no-store' });
      res.end(built.body);
      return;
    }
    const file = { '/early.js': 'text/javascript', '/tt-default-policy.js': 'text/javascript', '/page.css': 'text/css' }[url.pathname];
    if (file) {
      res.writeHead(200, { 'Content-Type': file, 'Cache-Control': 'no-store' });
      res.end(await readFile(path.join(pages, url.pathname.slice(1))));
      return;
    }
  } catch {
    // fall through to 404
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
});
let base;
let browser;
const reported = [];
before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  console.log(
    `\n[figures] security: ${CASES.length + 1} pages (strict CSP and Trusted Types), violations from the kit's own code: 0 expected; from elsewhere: ${reported.length}`,
  );
  await browser?.close();
  server.close();
});

// ---------------------------------------------------------------------------------------------

/** Opens `page` under `policy`; returns the playwright page and what it logged, each entry with its origin. */
async function open(policy, file, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber, columnNumber } = message.location();
    problems.push({ kind: 'console.error', text: message.text(), ...origin(url, lineNumber + 1, columnNumber + 1) });
  });
  page.on('pageerror', (error) => {
    const frame = /\((https?:\/\/[^)]+):(\d+):(\d+)\)/.exec(error.stack ?? '') ?? /at (https?:\/\/\S+):(\d+):(\d+)/.exec(error.stack ?? '');
    problems.push({
      kind: 'uncaught error',
      text: String(error.message),
      ...(frame ? origin(frame[1], Number(frame[2]), Number(frame[3])) : { owner: 'unknown', where: '' }),
    });
  });
  // Offline: our server, and the TalkJS CDN answered with the fake SDK's stand-in; nothing else.
  const cdn = { requests: 0, failFirst: options.failFirstCdnRequest === true };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === CDN && cdn.failFirst && cdn.requests++ === 0) return route.abort('connectionrefused');
    if (url === CDN) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeCdn });
    if (url.startsWith(base)) return route.continue();
    return route.abort();
  });
  await page.goto(`${base}/${policy}/${file}`);
  const violations = async () =>
    (await page.evaluate(() => window.securityLog.violations)).map((v) => ({
      kind: `violation of ${v.directive}`,
      text: `${v.sample || v.blockedURI}`,
      ...origin(v.sourceFile, v.lineNumber, v.columnNumber),
    }));
  return { page, context, problems, violations, cdn };
}

/** Waits until the session, chatbox, inbox, popup and badge work, and a typed message comes out as talk-send-message. */
async function expectWorking(page, { errorsAllowed = 0 } = {}) {
  await page.waitForFunction(() => document.querySelector('talk-session')?.status === 'ready', null, { timeout: 15000 });
  for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup', 'talk-unread-badge']) {
    await page.waitForFunction((t) => document.querySelector(t)?.status === 'ready', tag, { timeout: 10000 });
  }
  await page.locator('talk-chatbox [data-part="message-text"]', { hasText: 'is just text' }).waitFor();
  const text = `Hello under CSP ${Date.now()}`;
  await page.locator('talk-chatbox [data-part="message-field"]').fill(text);
  await page.locator('talk-chatbox [data-part="send"]').click();
  await page.locator('talk-chatbox [data-part="message-text"]', { hasText: text }).waitFor();
  await page.waitForFunction(
    (t) => window.securityLog.events.some((e) => e.type === 'talk-send-message' && e.target === 'talk-chatbox' && String(e.text).includes(t)),
    text,
  );
  // Markup in data stays text: no element was made from it.
  const injected = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((el) => el.shadowRoot).filter(Boolean)];
    for (const el of document.querySelectorAll('[data-fake-talk]')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return roots.some((r) => r.querySelector('img[src="x"], b'));
  });
  if (injected) throw new Error('markup from conversation data was rendered as HTML');
  const errors = await page.evaluate(() => window.securityLog.events.filter((e) => e.type === 'talk-error'));
  if (errors.length > errorsAllowed) throw new Error(`talk-error: ${JSON.stringify(errors)}`);
}

/** The kit's own documented error report (talk-error's console line) is not a problem of its code. */
const isKitReport = (entry) => entry.kind === 'console.error' && entry.text.startsWith('[talkjs-elements] ');
const fromKit = (entries) => entries.filter((entry) => entry.owner === 'kit' && !isKitReport(entry));
const list = (entries) => entries.map((e) => `${e.kind} from ${e.owner} (${e.where}): ${e.text}`).join('\n');

const CASES = [
  { policy: 'strict', file: 'fake.html', title: 'strict CSP, fake SDK set as .sdk', works: true, clean: true },
  { policy: 'tt', file: 'fake.html', title: 'Trusted Types enforced, fake SDK set as .sdk', works: true, clean: true },
  { policy: 'strict', file: 'default.html', title: 'strict CSP, default SDK path (talkjs package → cdn.talkjs.com)', works: true, clean: true },
  {
    policy: 'tt',
    file: 'default-tt-policy.html',
    title: "Trusted Types enforced, default SDK path with the page's own default policy",
    works: true,
    clean: true,
  },
  { policy: 'tt', file: 'default.html', title: 'Trusted Types enforced, default SDK path, no page policy', works: false, clean: false },
];

/**
 * Trusted Types with the page's default policy, and the CDN refusing the first request: the kit
 * reports sdk-load-failed; once the CDN answers, an attribute change makes the kit inject the
 * script again, this time through its own Trusted Types policy (`talkjs-elements`), and it works.
 */
describe('Trusted Types enforced, default SDK path: the CDN fails once, then the kit’s own policy re-injects the script (/tt/default-tt-policy.html)', () => {
  let tab;
  before(async () => {
    tab = await open('tt', 'default-tt-policy.html', { failFirstCdnRequest: true });
  });
  after(() => tab?.context.close());

  test('the failed script load is reported as sdk-load-failed', async () => {
    const { page } = tab;
    await page.waitForFunction(() => window.securityLog.events.some((e) => e.type === 'talk-error'), null, { timeout: 20000 });
    const codes = await page.evaluate(() => window.securityLog.events.filter((e) => e.type === 'talk-error').map((e) => e.code));
    if (codes.join() !== 'sdk-load-failed') throw new Error(`talk-error codes: ${codes.join(', ')}`);
  });
  test('after a change, the script is injected again (through the kit’s policy) and everything works', async () => {
    const { page, cdn } = tab;
    await page.evaluate(() => document.querySelector('talk-session').setAttribute('user-id', 'alice '));
    await expectWorking(page, { errorsAllowed: 1 });
    if (cdn.requests < 2) throw new Error(`${cdn.requests} requests for the CDN script`);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src="https://cdn.talkjs.com/talk.js"]')].length);
    if (scripts !== 1) throw new Error(`${scripts} TalkJS script elements in the page`);
    const policies = await page.evaluate(() => window.securityLog.policies);
    if (!policies.includes('talkjs-elements')) throw new Error(`Trusted Types policies created: ${policies.join(', ')}`);
  });
  test('no violation, console error or uncaught error (besides the refused request and the kit’s report)', async () => {
    const { problems, violations } = tab;
    const all = [...problems.filter((e) => !isKitReport(e) && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e.text)), ...(await violations())];
    if (all.length) throw new Error(list(all));
  });
});

for (const c of CASES) {
  describe(`${c.title} (/${c.policy}/${c.file})`, () => {
    let tab;
    before(async () => {
      tab = await open(c.policy, c.file);
    });
    after(() => tab?.context.close());

    /** Every problem the page logged, once the checks of what works are done (collected once). */
    let collected;
    const problemsSeen = () =>
      (collected ??= (async () => {
        await tab.page.waitForTimeout(100);
        const all = [...tab.problems, ...(await tab.violations())];
        // Chromium also logs each violation to the console: one line per problem is enough here.
        const seen = new Set();
        const unique = all.filter((e) => (seen.has(`${e.owner}|${e.text}`) ? false : seen.add(`${e.owner}|${e.text}`)));
        if (!c.clean) {
          for (const entry of unique.filter((e) => !isKitReport(e)))
            reported.push(`${c.title}: ${entry.kind} from ${entry.owner} (${entry.where}): ${entry.text}`);
        }
        return { all, unique };
      })());

    if (c.works) {
      test('the elements render and work; a message typed in the stand-in chatbox arrives as talk-send-message', () => expectWorking(tab.page));
    } else {
      test('the kit reports the failed load as talk-error sdk-load-failed, and throws nothing', async () => {
        const { page } = tab;
        await page.waitForFunction(() => window.securityLog.events.some((e) => e.type === 'talk-error'), null, { timeout: 20000 });
        const codes = await page.evaluate(() => window.securityLog.events.filter((e) => e.type === 'talk-error').map((e) => e.code));
        if (codes[0] !== 'sdk-load-failed') throw new Error(`talk-error codes: ${codes.join(', ')}`);
      });
    }
    test('no CSP or Trusted Types violation, console error or uncaught error from the kit’s own code', async () => {
      const { all } = await problemsSeen();
      if (fromKit(all).length) throw new Error(list(fromKit(all)));
    });
    if (c.clean) {
      test('no violation, console error or uncaught error at all', async () => {
        const { all, unique } = await problemsSeen();
        if (all.length) throw new Error(list(unique));
      });
    } else {
      test('what the page reports comes from the talkjs package’s loader snippet (not the kit)', async () => {
        const { unique } = await problemsSeen();
        for (const entry of unique.filter((e) => !isKitReport(e)))
          console.log(`    reported (not the kit's): ${entry.kind} from ${entry.owner} (${entry.where}): ${entry.text}`);
        const others = unique.filter((e) => e.owner !== 'talkjs package' && !isKitReport(e));
        if (!unique.some((e) => e.owner === 'talkjs package')) throw new Error(`expected the talkjs snippet's violation; got:\n${list(unique)}`);
        if (others.length) throw new Error(list(others));
      });
    }
    test(`the policy is in force (${c.policy === 'tt' ? 'inline script blocked; innerHTML with a string throws' : 'inline script blocked'})`, async () => {
      const result = await tab.page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.inlineScriptRan = true'; // with Trusted Types this throws already
          document.head.append(script);
        } catch {
          // blocked
        }
        let innerHtmlThrew = false;
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
        } catch {
          innerHtmlThrew = true;
        }
        return { inlineRan: window.inlineScriptRan === true, innerHtmlThrew };
      });
      if (result.inlineRan) throw new Error('an inline script ran: the CSP header is not applied');
      if (c.policy === 'tt' && !result.innerHtmlThrew) throw new Error('innerHTML accepted a string: Trusted Types are not enforced');
    });
  });
}
