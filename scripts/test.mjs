#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one closing line `N passed, N failed`:
// the sum of the tests each runner counted (web-test-runner's summary, node's test runner's
// `pass`/`fail`/`cancelled`, check-generated's checks). A step without tests of its own (tsc, the
// build, the size budget) adds nothing when it succeeds and one failure when it fails, as does
// a runner that exits non-zero without counting a failed test.
//  1. tsc --noEmit (strict; the fake SDK is type-checked against the talkjs declarations), ESLint
//     and Prettier (`npm run lint`), and the generated files (manifest, framework typings, API
//     docs) are up to date
//  2. npm run build (dist/), then the size budget of the standalone bundle
//  3. browser tests: @web/test-runner in headless Chromium, Firefox ESR and WebKitGTK (BROWSERS,
//     comma-separated, to run fewer), each under both readings of the fake (FAKE_READINGS)
//  4. Node (SSR) import checks of the sources and of dist/: node's test runner
//  5. end-to-end: the demo page served by Vite, driven by playwright-core in the same Chromium;
//     this and every later step are files of node's test runner (`node --test`)
//  6. soak (test/e2e/soak.mjs) and security (test/e2e/security.mjs): leaks and heap over 1,000
//     cycles; strict CSP and Trusted Types pages (both also run with TEST_ONLY=e2e)
//  7. examples: every app under examples/ type-checked and built (scripts/build-examples.mjs)
//     and driven in Chromium (test/e2e/examples.mjs)
//  8. accessibility (test/e2e/a11y.mjs, node's test runner): axe-core over the demo and every
//     built example (after the examples step, which builds them; built here when it is not run)
// Set TEST_ONLY=unit|node|e2e|soak|security|examples|a11y (comma-separated) to run a subset.
import { spawn } from 'node:child_process';
import { ensureBrowser, ensureEngines } from './ensure-browser.mjs';

const only = process.env.TEST_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);
// eslint-disable-next-line no-control-regex -- the escape character is what ANSI colour codes start with
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Runs a command, echoing its output; resolves with { code, output }. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.replace(ANSI, '') }));
  });
}

// How each runner reports its counts: a function from its output to { passed, failed }, or
// undefined when the output holds no count.
const last = (output, pattern) => [...output.matchAll(pattern)].at(-1);

/** web-test-runner's closing line (`Chrome: |███| 28/28 test files | 927 passed, 0 failed`); check-generated's. */
function passedFailed(output) {
  const match = last(output, /(\d+) passed, (\d+) failed/g);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}

/** node's test runner, TAP (`# pass 23`) or spec (`ℹ pass 23`): cancelled tests (a failed hook) count as failed. */
function nodeTest(output) {
  const count = (name) => last(output, new RegExp(`^[#ℹ] ${name} (\\d+)$`, 'gm'));
  const pass = count('pass');
  const fail = count('fail');
  if (!pass || !fail) return undefined;
  return { passed: Number(pass[1]), failed: Number(fail[1]) + Number(count('cancelled')?.[1] ?? 0) };
}

/** The arguments that run `files` under node's test runner, with its readable reporter. */
const nodeTestArgs = (...files) => ['--test', '--test-reporter=spec', ...files];

// Every Chromium step uses the same binary; CHROME_PATH tells the runners where it is.
process.env.CHROME_PATH = ensureBrowser();
console.log(`Browser: ${process.env.CHROME_PATH}`);
const engines = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').filter(Boolean);
if (wanted('unit')) ensureEngines(engines);

/**
 * Starts what WebKitGTK's WebDriver needs: an X server (Xvfb on display :99) and WebKitWebDriver
 * on port 4444. Returns a function that stops both.
 */
async function startWebKitDriver() {
  const display = ':99';
  const children = [spawn('Xvfb', [display, '-screen', '0', '1280x1024x24'], { stdio: 'ignore' })];
  await new Promise((resolve) => setTimeout(resolve, 500));
  children.push(spawn('WebKitWebDriver', ['--port=4444'], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } }));
  // Wait until the driver answers.
  for (let i = 0; i < 50; i++) {
    try {
      const response = await fetch('http://127.0.0.1:4444/status');
      if (response.ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return () => children.reverse().forEach((child) => child.kill());
}

let passed = 0;
let failed = 0;
const steps = [];

/** The `[figures] …` lines the suites print (race model, bad input, soak, security), repeated in the summary. */
const figures = [];

/** Runs a step; `counter` reads its test counts from the output (none for a step without tests). */
async function step(name, command, args, counter, env = {}) {
  console.log(`\n=== ${name} ===`);
  const { code, output } = await run(command, args, env);
  figures.push(...(output.match(/\[figures\][^\n]*/g) ?? []).map((line) => line.trim()));
  const result = counter?.(output);
  if (result) {
    passed += result.passed;
    failed += result.failed;
  }
  // A step that fails without counting a failed test (tsc, the build, a runner that crashed)
  // adds one failure; a step that succeeds without tests adds nothing.
  if (code !== 0 && (!result || result.failed === 0)) failed += 1;
  steps.push(`${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}${result ? ` (${result.passed} passed, ${result.failed} failed)` : ''}`);
}

if (wanted('unit')) {
  await step('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit']);
  await step('lint and format (ESLint, Prettier: npm run lint)', 'npm', ['run', 'lint', '--silent']);
  await step('generated files up to date (manifest, typings, API docs)', process.execPath, ['scripts/check-generated.mjs'], passedFailed);
}
if (wanted('unit') || wanted('node') || wanted('examples') || wanted('a11y')) {
  // The size check, the Node checks of dist/ and the examples use the built package.
  await step('build (npm run build)', 'npm', ['run', 'build', '--silent']);
}
if (wanted('unit')) {
  await step('size budget (scripts/size.mjs)', process.execPath, ['scripts/size.mjs']);
  // Every engine, and in each the fake takes each reading of what the talkjs declarations leave
  // open: the kit must work under both.
  for (const engine of engines) {
    const stop = engine === 'webkit' ? await startWebKitDriver() : undefined;
    for (const readings of ['strict', 'eager']) {
      await step(`browser tests (web-test-runner, ${engine}), fake readings: ${readings}`, 'npx', ['web-test-runner'], passedFailed, {
        BROWSER: engine,
        FAKE_READINGS: readings,
      });
    }
    stop?.();
  }
}
if (wanted('node')) {
  await step('Node import checks (node --test)', process.execPath, nodeTestArgs('test/node/'), nodeTest);
}
if (wanted('e2e')) {
  await step('end-to-end (Vite + playwright-core, Chromium)', process.execPath, nodeTestArgs('test/e2e/run.mjs'), nodeTest);
}
if (wanted('e2e') || wanted('soak')) {
  await step(
    'soak: 1,000 mount/remove cycles, leaks and heap growth (Vite + playwright-core + DevTools protocol)',
    process.execPath,
    nodeTestArgs('test/e2e/soak.mjs'),
    nodeTest,
  );
}
if (wanted('e2e') || wanted('security')) {
  await step(
    'security: strict CSP and Trusted Types pages (Node HTTP server + playwright-core)',
    process.execPath,
    nodeTestArgs('test/e2e/security.mjs'),
    nodeTest,
  );
}
if (wanted('examples')) {
  await step('examples: type check and build (Vite)', process.execPath, nodeTestArgs('scripts/build-examples.mjs'), nodeTest);
  await step('examples end-to-end (vite preview + playwright-core, Chromium)', process.execPath, nodeTestArgs('test/e2e/examples.mjs'), nodeTest);
}
if (wanted('a11y')) {
  if (!wanted('examples'))
    await step('examples: build for the accessibility checks (Vite)', process.execPath, nodeTestArgs('scripts/build-examples.mjs'), nodeTest);
  await step(
    'accessibility: axe-core over the demo and the examples (node --test + playwright-core, Chromium)',
    process.execPath,
    nodeTestArgs('test/e2e/a11y.mjs'),
    nodeTest,
  );
}

console.log('\n=== summary ===');
for (const line of steps) console.log(line);
for (const line of figures) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
