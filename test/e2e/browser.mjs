// Shared by the end-to-end checks: a Vite server for the repository and headless Chromium
// driven by playwright-core (the same binary as the browser tests; CHROME_PATH overrides).
import { createServer, preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../../scripts/ensure-browser.mjs';

export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const resultsDir = 'test-results';

/** Starts Vite's dev server on a free port; returns its base URL and a close function. */
export async function startVite(config = {}) {
  const server = await createServer({ logLevel: 'warn', server: { host: '127.0.0.1', port: 5300, strictPort: false }, ...config });
  await server.listen();
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** Serves a built directory (`<root>/dist`) with `vite preview` on a free port; returns its base URL and a close function. */
export async function startPreview(root) {
  const server = await preview({ root, configFile: false, logLevel: 'warn', preview: { host: '127.0.0.1', port: 5400, strictPort: false } });
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/**
 * Launches headless Chromium with the flags that keep it off the closed network, and `args`
 * (e.g. `--js-flags=--expose-gc`). CHROME_PATH is read now, so a script may set it after import.
 */
export async function launchBrowser({ args = [] } = {}) {
  mkdirSync(resultsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
}
