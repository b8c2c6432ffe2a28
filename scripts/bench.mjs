#!/usr/bin/env node
// `npm run bench`: the kit against hand-written TalkJS code and @talkjs/react, on the same fake
// SDK, in headless Chromium, on production builds (Lit and React without their dev modes).
// Prints median, p95 and ratios, the SDK calls each operation made and the issue's targets (met
// or not: informational, timings never fail the run), and writes docs/performance.{json,svg}
// and the generated part of docs/performance.md. See docs/performance.md for what each figure is.
//
// Switches (environment variables):
//   BENCH_KIT=src      bundle the kit from src/ (no dist build, no minification), kit only, cheap
//                      fake only; prints figures, writes nothing (for optimising; ~15 s)
//   BENCH_IMPLS=kit,hand-written,react   which implementations (default all; src: kit)
//   BENCH_FAKES=cheap,project            which fakes (default both; src: cheap)
//   BENCH_ONLY=firstMount,perBox100,...  only these measures (keys as in docs/performance.json)
//   BENCH_ROUNDS=0.5   scale every measure's number of samples
//   BENCH_PROFILE=100  also take a CPU profile of the kit mounting that many boxes and print the
//                      functions with the most self time (bundle locations mapped to source files)
//   BENCH_WRITE=0|1    write docs/performance.* (default: only a full run of the dist kit)
//   BENCH_DOCS_ONLY=1  measure nothing: redraw docs/performance.{svg,md} from docs/performance.json
//   BENCH_BASELINE=x.json  compare the medians with that run (default: the last run of the same
//                      kit source, test-results/bench-last-{dist,src}.json, else docs/performance.json)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import { resolve, join } from 'node:path';
import { build, preview } from 'vite';
import { format, resolveConfig } from 'prettier';
import { ensureBrowser } from './ensure-browser.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';

const root = process.cwd();
const abs = (path) => resolve(root, path);
const env = process.env;
const KIT = env.BENCH_KIT === 'src' ? 'src' : 'dist';
const ALL_IMPLS = ['kit', 'hand-written', 'react'];
const list = (value, fallback) => (value ? value.split(',').map((item) => item.trim()) : fallback);
const IMPLS = list(env.BENCH_IMPLS, KIT === 'src' ? ['kit'] : ALL_IMPLS).filter((impl) => ALL_IMPLS.includes(impl));
const FAKES = list(env.BENCH_FAKES, KIT === 'src' ? ['cheap'] : ['cheap', 'project']);
const ONLY = env.BENCH_ONLY ? list(env.BENCH_ONLY) : undefined;
const SCALE = Number(env.BENCH_ROUNDS ?? 1) || 1;
const PROFILE = env.BENCH_PROFILE ? Number(env.BENCH_PROFILE) || 100 : 0;
const FULL = KIT === 'dist' && IMPLS.length === 3 && FAKES.includes('cheap') && !ONLY && SCALE === 1;
const WRITE = env.BENCH_WRITE ? env.BENCH_WRITE === '1' : FULL;
const MINIFY = KIT === 'dist';
const SITE = 'test-results/bench-site';
const BOX_COUNTS = [1, 10, 100, 300];
const HEAP_BOXES = 300;

/**
 * The measures, in print order. `measure` names the page function (test/bench/bench.ts), `n`
 * its count, `rounds` the samples per implementation on the cheap and on the project fake (0: not
 * run there), `noReact` on which
 * fakes @talkjs/react cannot take part.
 */
const PLAN = [
  {
    key: 'firstMount',
    measure: 'firstMount',
    rounds: [60, 30],
    unit: 'ms',
    label: 'first mount: session + 1 chatbox, insert to ready',
    definition:
      'Time from creating the session and one chatbox until it is ready: kit: `talk-ready`; hand-written: `await chatbox.mount()` resolved; react: React committed the mounted state (loading component gone). Includes creating the elements/divs and the SDK objects; not `createRoot` (done beforehand for react).',
  },
  ...BOX_COUNTS.map((n) => ({
    key: `perBox${n}`,
    measure: 'perBox',
    n,
    // The project's fake renders a stand-in UI per box: 300 of them take seconds per sample.
    rounds: { 1: [60, 20], 10: [40, 12], 100: [20, 6], 300: [12, 0] }[n],
    unit: 'µs/box',
    label: `marginal cost per box, ${n} box${n > 1 ? 'es' : ''} in one session`,
    definition: `(time for a session with ${n} chatbox${n > 1 ? 'es' : ''} to be all ready − time for the session alone to be ready) / ${n}, both timed in each sample (session alone: kit \`talk-session-ready\`; hand-written: \`new Talk.Session\` returned; react: \`useSession()\` gives the session).`,
  })),
  {
    key: 'select',
    measure: 'select',
    n: 1000,
    nProject: 200,
    rounds: [20, 10],
    unit: 'µs/change',
    label: 'conversation change',
    definition:
      'Per change of the shown conversation, 1000 changes in a row on a mounted chatbox (200 on the project fake): kit: `conversation-id` attribute then `await updateComplete`; hand-written: `chatbox.select(id)`; react: a new `conversationId` prop (`flushSync(root.render)`).',
  },
  {
    key: 'theme',
    measure: 'theme',
    n: 100,
    nProject: 20,
    rounds: [15, 8],
    unit: 'µs/change',
    noReact: ['project'],
    label: 'option change that needs a new UI object (theme)',
    definition:
      'Per `theme` change, until the new chatbox is mounted: kit: `theme` attribute to `talk-ready`; hand-written: `destroy()`, `createChatbox({ theme })`, `select`, `onSendMessage`, `await mount()`; react: a new `theme` prop until the new chatbox’s `mount()` resolved. 100 changes per sample (20 on the project fake).',
  },
  {
    key: 'userName',
    measure: 'userName',
    n: 1000,
    rounds: [15, 0],
    unit: 'µs/change',
    noReact: ['project'],
    label: 'user name change',
    definition:
      'Per change of the user’s name: kit: `user-name` on `<talk-session>` then `await updateComplete` (the kit calls `currentUser.set` with the changed field); hand-written: `session.currentUser.set({ name })`; react: a new `syncUser` (`new Talk.User({ id, name })`), which @talkjs/react turns into a new session and new chatboxes, until the new chatbox’s `mount()` resolved. 1000 changes per sample (react: 50).',
  },
  {
    key: 'event',
    measure: 'event',
    n: 2000,
    rounds: [20, 10],
    unit: 'µs/event',
    label: 'event re-dispatch to a document listener',
    definition:
      'Per SDK `sendMessage` callback (the fake runs the chatbox’s `onSendMessage` handlers) until a `document` listener for `talk-send-message` has run: the kit’s own re-dispatch; hand-written and react: an `onSendMessage` handler that dispatches a bubbling, composed `CustomEvent`. 2000 events per sample.',
  },
  {
    key: 'construct',
    measure: 'construct',
    n: 2000,
    rounds: [20, 0],
    unit: 'µs/element',
    label: 'element construction',
    definition:
      '`document.createElement(tag)` per element, 2000 per sample, not connected: kit: `talk-chatbox`; hand-written: `div` (the container hand-written code mounts into). No react figure.',
  },
  {
    key: 'upgrade',
    measure: 'upgrade',
    n: 500,
    rounds: [20, 0],
    unit: 'µs/element',
    label: 'parsed markup (innerHTML, parse + upgrade)',
    definition:
      '`innerHTML` of 500 elements in a detached div, per element: kit: `<talk-chatbox conversation-id>` (parsed and upgraded); hand-written: `<div conversation-id>` (parsed only: the difference is the upgrade). No react figure.',
  },
  {
    key: 'threeUis',
    measure: 'threeUis',
    rounds: [30, 15],
    unit: 'ms',
    label: 'session + chatbox + inbox + popup, insert to ready',
    definition: 'As first mount, with an inbox and a popup as well (kit and hand-written only).',
  },
  {
    key: 'heap',
    measure: 'heap',
    rounds: [5, 0],
    unit: 'KiB/box',
    label: `JS heap per box (${HEAP_BOXES} boxes)`,
    definition: `(V8 heap used with a session and ${HEAP_BOXES} mounted chatboxes − with the session alone) / ${HEAP_BOXES}, each read after two forced full GCs (CDP \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\` usedSize). DOM objects live in Blink's heap: see \`domKiB\` in the JSON.`,
  },
];

const round = (value, digits = 3) => (Number.isFinite(value) ? Number(value.toPrecision(digits)) : value);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

// ---------------------------------------------------------------------------------------------
// Build and serve the page.

if (env.BENCH_DOCS_ONLY === '1') {
  // Redraws docs/performance.svg and the generated part of docs/performance.md from docs/performance.json.
  const data = JSON.parse(readFileSync('docs/performance.json', 'utf8'));
  writeFileSync('docs/performance.svg', chart(data.results, data.run));
  writeMarkdown(data);
  console.log('Redrew docs/performance.svg and docs/performance.md from docs/performance.json.');
  process.exit(0);
}

if (KIT === 'dist') {
  console.log('Building dist/ (node scripts/build.mjs)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Points the page's imports of src/index.js and src/testing/index.js at dist/ (unless BENCH_KIT=src). */
const kitSource = {
  name: 'bench-kit-source',
  enforce: 'pre',
  resolveId(source, importer) {
    if (KIT !== 'dist' || !importer?.startsWith(abs('test/bench'))) return null;
    if (source === '../../src/index.js') return abs('dist/index.js');
    if (source === '../../src/testing/index.js') return abs('dist/testing/index.js');
    return null;
  },
};

console.log(`Building the bench page (Vite production build, kit from ${KIT}/, ${MINIFY ? 'minified' : 'not minified'})…`);
await build({
  root: abs('test/bench'),
  configFile: false,
  logLevel: 'error',
  mode: 'production',
  plugins: [kitSource],
  resolve: { alias: [{ find: /^talkjs$/, replacement: abs('test/bench/talk-switch.ts') }] },
  build: { outDir: abs(SITE), emptyOutDir: true, target: 'es2022', minify: MINIFY, sourcemap: false, reportCompressedSize: false },
});

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
const server = await preview({
  root,
  configFile: false,
  logLevel: 'warn',
  build: { outDir: abs(SITE) },
  preview: {
    host: '127.0.0.1',
    port: 5460,
    strictPort: false,
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;

process.env.CHROME_PATH = ensureBrowser();
const browser = await launchBrowser({ args: ['--js-flags=--expose-gc'] });

let exitCode = 0;
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 30_000 });
  const environment = await page.evaluate(() => window.bench.environment());
  if (environment.litDevMode || environment.reactDevMode) {
    throw new Error(`the bench page runs ${environment.litDevMode ? "Lit's" : "React's"} development build: no figures printed`);
  }
  if (!environment.gc) throw new Error('the page has no gc() (--js-flags=--expose-gc)');
  const cdp = await page.context().newCDPSession(page);
  const version = `Chromium ${browser.version()}`;
  console.log(
    `talkjs-elements benchmark: kit from ${KIT}/, ${version}, ${os.cpus()[0]?.model.trim()} (${os.cpus().length} cores), Lit and React production builds, cross-origin isolated: ${environment.crossOriginIsolated}`,
  );

  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length / 2) {
    console.log(`  (load average ${loadBefore.toFixed(2)} on ${os.cpus().length} cores: other work is running, expect noisier figures)`);
  }
  const results = {};
  const started = Date.now();
  for (const item of PLAN) {
    if (ONLY && !ONLY.includes(item.key)) continue;
    const fakes = ['cheap', 'project'].filter((fake, i) => FAKES.includes(fake) && item.rounds[i] > 0);
    for (const fake of fakes) {
      const impls = IMPLS.filter((impl) => !(impl === 'react' && item.noReact?.includes(fake)));
      const rounds = Math.max(3, Math.round(item.rounds[fake === 'cheap' ? 0 : 1] * SCALE));
      const t0 = Date.now();
      const raw = item.measure === 'heap' ? await measureHeap(page, cdp, impls, rounds) : await runMeasure(page, item, fake, impls, rounds);
      if (pageErrors.length > 0) throw pageErrors[0];
      const entry = (results[item.key] ??= { label: item.label, unit: item.unit, definition: item.definition, fakes: {} });
      entry.fakes[fake] = summarise(raw);
      process.stdout.write(`  measured ${item.key} on the ${fake} fake in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  }
  const seconds = (Date.now() - started) / 1000;

  const run = {
    date: new Date().toISOString(),
    kit: KIT,
    browser: version,
    userAgent: environment.userAgent,
    cpu: os.cpus()[0]?.model.trim(),
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    minified: MINIFY,
    crossOriginIsolated: environment.crossOriginIsolated,
    seconds: Math.round(seconds),
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
  };
  // Compared with: BENCH_BASELINE, else the last run of the same kit source (test-results/), else docs/performance.json.
  const last = `test-results/bench-last-${KIT}.json`;
  const baseline = env.BENCH_BASELINE ?? [last, 'docs/performance.json'].find((path) => existsSync(path));
  const previous = baseline && existsSync(baseline) ? { ...JSON.parse(readFileSync(baseline, 'utf8')), path: baseline } : undefined;
  const targets = evaluateTargets(results);
  printReport(run, results, targets, previous);

  writeFileSync(last, JSON.stringify({ run, results, targets }));
  if (PROFILE) await profile(page, cdp, PROFILE);

  if (WRITE) {
    const data = { run, results, targets };
    const config = (await resolveConfig(abs('docs/performance.json'))) ?? {};
    writeFileSync('docs/performance.json', await format(JSON.stringify(data), { ...config, parser: 'json' }));
    writeFileSync('docs/performance.svg', chart(results, run));
    writeMarkdown(data);
    console.log('\nWrote docs/performance.json, docs/performance.svg and the generated part of docs/performance.md.');
  } else {
    console.log('\n(docs/performance.* not written: only a full run of the dist kit writes them, or BENCH_WRITE=1.)');
  }
} catch (error) {
  console.error(`bench failed: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}
process.exit(exitCode);

// ---------------------------------------------------------------------------------------------

async function runMeasure(page, item, fake, impls, rounds) {
  const n = fake === 'project' && item.nProject ? item.nProject : item.n;
  return page.evaluate(([name, params]) => window.bench.measure(name, params), [item.measure, { impls, fake, rounds, ...(n ? { n } : {}) }]);
}

/** Heap per box: alternating implementations, each reading the heap with the session alone and with HEAP_BOXES boxes. */
async function measureHeap(page, cdp, impls, rounds) {
  const usage = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Runtime.getHeapUsage');
  };
  const raw = { samples: {}, calls: {}, leaks: {}, extra: {} };
  for (let r = -1; r < rounds; r++) {
    const shift = ((r % impls.length) + impls.length) % impls.length;
    for (const impl of [...impls.slice(shift), ...impls.slice(0, shift)]) {
      await page.evaluate((name) => window.bench.hold(name, 0), impl);
      const alone = await usage();
      await page.evaluate(([name, n]) => window.bench.hold(name, n), [impl, HEAP_BOXES]);
      const full = await usage();
      await page.evaluate(() => window.bench.release());
      if (r < 0) continue;
      (raw.samples[impl] ??= []).push((full.usedSize - alone.usedSize) / HEAP_BOXES / 1024);
      if (full.embedderHeapUsedSize !== undefined) (raw.extra[impl] ??= []).push((full.embedderHeapUsedSize - alone.embedderHeapUsedSize) / HEAP_BOXES / 1024);
    }
  }
  return raw;
}

function summarise(raw) {
  const impls = {};
  for (const [impl, samples] of Object.entries(raw.samples)) {
    const s = stats(samples);
    impls[impl] = { median: round(s.median), p95: round(s.p95), min: round(s.min), max: round(s.max), samples: s.n };
    if (raw.extra?.[impl]) impls[impl].domKiB = round(stats(raw.extra[impl]).median);
    if (raw.calls?.[impl]) impls[impl].calls = raw.calls[impl];
    if (raw.leaks?.[impl]) impls[impl].leftLive = raw.leaks[impl];
  }
  return impls;
}

function cheap(results, key, impl) {
  return results[key]?.fakes.cheap?.[impl];
}

/** The issue's targets for the kit, on the cheap fake, each with whether today's figures meet it. */
function evaluateTargets(results) {
  const targets = [];
  const add = (target, value, met, detail) => targets.push({ target, value, met, detail });
  const perBox = BOX_COUNTS.map((n) => [n, cheap(results, `perBox${n}`, 'kit')?.median]).filter(([, v]) => v !== undefined);
  if (perBox.length > 0) {
    const worst = Math.max(...perBox.map(([, v]) => v));
    add('marginal per box ≤ 15 µs (at every box count)', `${perBox.map(([n, v]) => `${n}: ${v}`).join(', ')} µs`, worst <= 15);
  }
  const first = cheap(results, 'firstMount', 'kit');
  const hand = cheap(results, 'firstMount', 'hand-written');
  if (first && hand)
    add('first mount ≤ 2× hand-written', `${round(first.median / hand.median)}× (${first.median} vs ${hand.median} ms)`, first.median <= 2 * hand.median);
  const select = cheap(results, 'select', 'kit');
  if (select) add('conversation-id change ≤ 5 µs', `${select.median} µs`, select.median <= 5);
  const heap = cheap(results, 'heap', 'kit');
  if (heap) add('heap ≤ 2 KiB/box', `${heap.median} KiB`, heap.median <= 2);
  const worse = [];
  let compared = 0;
  for (const [key, entry] of Object.entries(results)) {
    const kit = entry.fakes.cheap?.kit;
    const react = entry.fakes.cheap?.react;
    if (!kit || !react) continue;
    compared++;
    if (kit.median > react.median) worse.push(`${key} (${round(kit.median / react.median)}×)`);
  }
  if (compared > 0) add("every figure ≤ @talkjs/react's", worse.length === 0 ? `all ${compared}` : `worse on ${worse.join(', ')}`, worse.length === 0);
  return targets;
}

function ratio(a, b) {
  return a && b ? `${round(a.median / b.median)}×` : '—';
}

function rows(results) {
  const out = [];
  for (const [key, entry] of Object.entries(results)) {
    for (const [fake, impls] of Object.entries(entry.fakes)) {
      out.push({ key, entry, fake, impls });
    }
  }
  return out;
}

function printReport(run, results, targets, previous) {
  console.log(`\nMedian (p95) over the samples; ratios are kit median / baseline median. ${run.seconds} s of measuring.`);
  const header = ['measure', 'fake', 'unit', 'kit', 'hand-written', 'react', 'kit/hand', 'kit/react'];
  const table = [header];
  for (const { key, entry, fake, impls } of rows(results)) {
    const cell = (impl) => (impls[impl] ? `${impls[impl].median} (${impls[impl].p95})` : '—');
    table.push([
      key,
      fake,
      entry.unit,
      cell('kit'),
      cell('hand-written'),
      cell('react'),
      ratio(impls.kit, impls['hand-written']),
      ratio(impls.kit, impls.react),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log('  ' + row.map((cell, i) => cell.padEnd(widths[i])).join('  '));

  console.log('\nSDK calls per operation (cheap fake; per box for perBox, per change for live updates):');
  for (const [key, entry] of Object.entries(results)) {
    const impls = entry.fakes.cheap;
    if (!impls) continue;
    for (const [impl, s] of Object.entries(impls)) {
      if (!s.calls) continue;
      const total = round(Object.values(s.calls).reduce((a, b) => a + b, 0));
      console.log(`  ${key.padEnd(10)} ${impl.padEnd(13)} ${String(total).padStart(6)}  ${callList(s.calls)}`);
    }
  }
  const leaks = rows(results).flatMap(({ key, fake, impls }) =>
    Object.entries(impls)
      .filter(([, s]) => s.leftLive)
      .map(([impl, s]) => `${key}/${fake}/${impl}: ${s.leftLive}`),
  );
  console.log(
    leaks.length
      ? `\nSDK objects or subscriptions left live after removal: ${leaks.join('; ')}`
      : '\nNo SDK object or subscription left live after any removal.',
  );

  console.log('\nTargets for the kit (issue 11; cheap fake; informational):');
  for (const t of targets) console.log(`  ${t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.value}`);

  if (previous?.results) {
    console.log(`\nChange of each median against ${previous.path} (${previous.run?.date}, kit from ${previous.run?.kit}/):`);
    const changes = [];
    for (const { key, fake, impls } of rows(results)) {
      for (const [impl, s] of Object.entries(impls)) {
        const before = previous.results[key]?.fakes?.[fake]?.[impl];
        if (before) changes.push(`${key}/${fake}/${impl} ${s.median >= before.median ? '+' : ''}${Math.round((s.median / before.median - 1) * 100)}%`);
      }
    }
    for (let i = 0; i < changes.length; i += 4) console.log('  ' + changes.slice(i, i + 4).join('   '));
  }
}

function callList(calls) {
  return Object.entries(calls)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([member, count]) => `${member}×${count}`)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// docs/performance.svg and docs/performance.md

function chart(results, run) {
  const W = 720;
  const H = 420;
  const m = { left: 70, right: 170, top: 50, bottom: 60 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const colors = { kit: '#1f6feb', 'hand-written': '#2da44e', react: '#cf222e' };
  const series = IMPLS.map((impl) => ({
    impl,
    points: BOX_COUNTS.map((n) => [n, cheap(results, `perBox${n}`, impl)?.median]).filter(([, v]) => v !== undefined && v > 0),
  })).filter((s) => s.points.length > 0);
  const values = series.flatMap((s) => s.points.map(([, v]) => v));
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))));
  const x = (n) => m.left + (Math.log10(n) / Math.log10(300)) * pw;
  const y = (v) => m.top + ph - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * ph;
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(
    `<text x="${W / 2 - m.right / 2 + m.left / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">Marginal cost per chatbox (median, cheap fake)</text>`,
  );
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    for (const k of [1, 2, 5]) {
      const t = v * k;
      if (t > hi * 1.0001) continue;
      out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${k === 1 ? '#c8c8c8' : '#ececec'}"/>`);
      out.push(`<text x="${m.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#333">${esc(round(t))}</text>`);
    }
  }
  for (const n of BOX_COUNTS) {
    out.push(`<line x1="${x(n).toFixed(1)}" x2="${x(n).toFixed(1)}" y1="${m.top}" y2="${m.top + ph}" stroke="#ececec"/>`);
    out.push(`<text x="${x(n).toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle" fill="#333">${n}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${m.left + pw / 2}" y="${H - 18}" text-anchor="middle" fill="#111">chatboxes in one session (log scale)</text>`);
  out.push(
    `<text x="18" y="${m.top + ph / 2}" text-anchor="middle" fill="#111" transform="rotate(-90 18 ${m.top + ph / 2})">µs per chatbox (log scale)</text>`,
  );
  series.forEach((s, i) => {
    const color = colors[s.impl];
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${s.points.map(([n, v]) => `${x(n).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [n, v] of s.points) out.push(`<circle cx="${x(n).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4" fill="${color}"/>`);
    const ly = m.top + 14 + i * 22;
    out.push(`<line x1="${m.left + pw + 16}" x2="${m.left + pw + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"/>`);
    out.push(`<text x="${m.left + pw + 46}" y="${ly + 4}" fill="#111">${esc(s.impl === 'react' ? '@talkjs/react' : s.impl)}</text>`);
  });
  out.push(`<text x="${m.left + pw + 16}" y="${m.top + 14 + series.length * 22 + 10}" fill="#555" font-size="10">${esc(run.date.slice(0, 10))}</text>`);
  out.push(`<text x="${m.left + pw + 16}" y="${m.top + 14 + series.length * 22 + 24}" fill="#555" font-size="10">${esc(run.browser)}</text>`);
  out.push(`<text x="${m.left + pw + 16}" y="${m.top + 14 + series.length * 22 + 38}" fill="#555" font-size="10">${esc(`${run.cores} cores`)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function writeMarkdown({ run, results, targets }) {
  const path = 'docs/performance.md';
  const begin = '<!-- bench:begin (generated by npm run bench from docs/performance.json: do not edit by hand) -->';
  const end = '<!-- bench:end -->';
  const md = [];
  md.push(begin, '');
  md.push(
    `Run of ${run.date.slice(0, 10)} (${run.date}): ${run.browser}, ${run.cpu}, ${run.cores} cores, Node ${run.node}, ${run.platform}; kit from \`${run.kit}/\`, page minified: ${run.minified}, cross-origin isolated: ${run.crossOriginIsolated}; ${run.seconds} s of measuring; 1-minute load average ${run.loadAverage.before} before, ${run.loadAverage.after} after.`,
  );
  md.push('');
  md.push('Median (p95) per implementation; ratios are kit median / baseline median. “cheap”: the bench’s cheap fake; “project”: `createFakeTalk`.');
  md.push('');
  md.push('| measure | fake | unit | kit | hand-written | @talkjs/react | kit / hand-written | kit / react |');
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { key, entry, fake, impls } of rows(results)) {
    const cell = (impl) => (impls[impl] ? `${impls[impl].median} (${impls[impl].p95})` : '—');
    md.push(
      `| ${entry.label} (\`${key}\`) | ${fake} | ${entry.unit} | ${cell('kit')} | ${cell('hand-written')} | ${cell('react')} | ${ratio(impls.kit, impls['hand-written'])} | ${ratio(impls.kit, impls.react)} |`,
    );
  }
  md.push('');
  md.push('What each row measures:');
  md.push('');
  for (const [key, entry] of Object.entries(results)) md.push(`- \`${key}\` (${entry.unit}): ${entry.definition}`);
  md.push('');
  md.push('![Marginal cost per chatbox against the number of chatboxes, kit, hand-written and @talkjs/react](performance.svg)');
  md.push('');
  md.push('SDK calls per operation on the cheap fake (per box for `perBox*`, per change for the live updates, per sample otherwise):');
  md.push('');
  md.push('| measure | implementation | calls | by member |');
  md.push('| --- | --- | --- | --- |');
  for (const [key, entry] of Object.entries(results)) {
    for (const [impl, s] of Object.entries(entry.fakes.cheap ?? {})) {
      if (!s.calls) continue;
      const total = round(Object.values(s.calls).reduce((a, b) => a + b, 0));
      md.push(`| \`${key}\` | ${impl} | ${total} | ${callList(s.calls).replace(/\|/g, '\\|')} |`);
    }
  }
  const heap = results.heap?.fakes.cheap;
  if (heap) {
    md.push('');
    md.push(
      `Blink (DOM) heap per box, same runs: ${Object.entries(heap)
        .map(([impl, s]) => `${impl} ${s.domKiB ?? '—'} KiB`)
        .join(', ')}.`,
    );
  }
  md.push('');
  md.push('Targets for the kit (issue 11), on the cheap fake, today:');
  md.push('');
  md.push('| target | today | met |');
  md.push('| --- | --- | --- |');
  for (const t of targets) md.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  md.push('');
  md.push(end);
  const block = md.join('\n');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const from = text.indexOf('<!-- bench:begin');
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${path} has no bench:begin / bench:end markers`);
  writeFileSync(path, text.slice(0, from) + block + text.slice(to + end.length));
}

// ---------------------------------------------------------------------------------------------
// BENCH_PROFILE: where the kit's time goes while mounting `n` boxes.

async function profile(page, cdp, n) {
  const times = Math.max(5, Math.round(3000 / n));
  await page.evaluate(([count]) => window.bench.profileKit(count, 3), [n]);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(([count, repeat]) => window.bench.profileKit(count, repeat), [n, times]);
  const { profile: cpu } = await cdp.send('Profiler.stop');
  mkdirSync('test-results', { recursive: true });
  const file = join('test-results', `bench-kit-${n}.cpuprofile`);
  writeFileSync(file, JSON.stringify(cpu));
  // Self time per node; a native function's (no URL: DOM, builtins) is shown with the JS function that called it.
  const self = new Map();
  for (let i = 0; i < cpu.samples.length; i++) self.set(cpu.samples[i], (self.get(cpu.samples[i]) ?? 0) + (cpu.timeDeltas[i] ?? 0));
  const nodes = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const files = new Map();
  const fileOf = async (scriptUrl, line) => {
    if (!scriptUrl.startsWith(url)) return scriptUrl;
    if (!files.has(scriptUrl)) {
      const text = await (await fetch(scriptUrl)).text();
      const marks = [];
      text.split('\n').forEach((content, index) => {
        // Vite (Rolldown) starts each module of an unminified bundle with a `// path` comment.
        const match = /^\/\/(?:#region)? ((?:\\0)?[\w@./-]+\.[cm]?[jt]sx?)$/.exec(content);
        if (match) marks.push([index, match[1]]);
      });
      files.set(scriptUrl, marks);
    }
    let file = scriptUrl.replace(url, '');
    for (const [index, name] of files.get(scriptUrl)) if (index <= line) file = name;
    return file;
  };
  const describe = async (node) => {
    const { functionName, url: scriptUrl, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    return scriptUrl ? { name, file: await fileOf(scriptUrl, lineNumber), line: lineNumber + 1 } : { name, file: undefined, line: 0 };
  };
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  let idle = 0;
  for (const node of cpu.nodes) {
    const time = self.get(node.id) ?? 0;
    total += time;
    if (time === 0) continue;
    const own = await describe(node);
    if (own.name === '(idle)') idle += time;
    let key = own.file ? `${own.name}  ${own.file} (bundle line ${own.line})` : own.name;
    let file = own.file ?? own.name;
    if (!own.file && !own.name.startsWith('(')) {
      let up = parent.get(node.id);
      while (up !== undefined && !nodes.get(up).callFrame.url) up = parent.get(up);
      if (up !== undefined) {
        const caller = await describe(nodes.get(up));
        key = `${own.name} (native) ← ${caller.name}  ${caller.file} (bundle line ${caller.line})`;
        file = caller.file;
      }
    }
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    byFile.set(file, (byFile.get(file) ?? 0) + time);
  }
  const busy = total - idle;
  const bundle = [...files.keys()].map((file) => file.replace(url, `${SITE}/`)).join(', ');
  console.log(
    `\nCPU profile: the kit mounting and removing ${n} boxes (cheap fake) ×${times}, mean ${round(ms)} ms each; ${round(busy / 1000)} ms busy; ${file}`,
  );
  console.log(`Percentages are of busy time (not idle). Bundle: ${bundle}${MINIFY ? ' (minified: names are mangled; use BENCH_KIT=src)' : ''}`);
  console.log('Top self time by function (natives with their JS caller):');
  for (const [key, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    if (key === '(idle)') continue;
    console.log(`  ${((time / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
  console.log('Self time by source file (natives counted in their caller’s file):');
  for (const [name, time] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    if (name === '(idle)') continue;
    console.log(`  ${((time / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
}
