// Browser tests: headless Chromium, Firefox ESR or WebKitGTK (BROWSER, see below) through
// @web/test-runner, TypeScript through esbuild with the project's tsconfig (Lit decorators).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, MINIBROWSER } from './scripts/ensure-browser.mjs';
import { fileURLToPath } from 'node:url';
import { tokenEndpoint } from './test/server/token-endpoint.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * The engine to test in (`BROWSER`): `chromium` (default; Debian's, or CHROME_PATH), `firefox`
 * (Firefox ESR over WebDriver BiDi, FIREFOX_PATH or /usr/bin/firefox-esr) or `webkit`
 * (WebKitGTK's MiniBrowser through a WebKitWebDriver that listens on WEBKIT_DRIVER_PORT, default
 * 4444, under an X server: `scripts/test.mjs` starts both).
 */
const engine = process.env.BROWSER || 'chromium';

function browsers() {
  if (engine === 'firefox') {
    return [
      chromeLauncher({
        launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', headless: true },
      }),
    ];
  }
  if (engine === 'webkit') {
    return [
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.WEBKIT_DRIVER_PORT || 4444),
        path: '/',
        logLevel: 'error',
        capabilities: {
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: process.env.WEBKIT_PATH || MINIBROWSER, args: ['--automation'] },
        },
      }),
    ];
  }
  return [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ];
}

export default {
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : ['test/**/*.test.ts'],
  // talkjs maps its Node entry to the browser entry through package.json's "browser" field.
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  // A real token endpoint for the token-endpoint tests (see test/server/token-endpoint.mjs).
  middleware: [tokenEndpoint()],
  // Settings from the environment that browser tests read as `window.TEST_ENV`.
  testRunnerHtml: (testFramework) =>
    `<html><head><script>window.TEST_ENV = ${JSON.stringify({
      RACE_SEQUENCES: process.env.RACE_SEQUENCES ?? '',
      RACE_SEED: process.env.RACE_SEED ?? '',
      // Which readings of what the talkjs declarations leave open the fake takes (see src/testing/readings.ts).
      FAKE_READINGS: process.env.FAKE_READINGS ?? 'strict',
    })};</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: browsers(),
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
