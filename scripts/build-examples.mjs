#!/usr/bin/env node
// `npm run build:examples` (after `npm run build`): type-checks and builds every app under
// examples/ into examples/<name>/dist with Vite, one after the other (2 cores: no parallel builds).
//  - react:   tsc (React 19 JSX typings from types/jsx.d.ts), then Vite + @vitejs/plugin-react
//  - vue:     vue-tsc (types/vue.d.ts), then Vite + @vitejs/plugin-vue
//  - svelte:  svelte-check (types/svelte.d.ts), then Vite + @sveltejs/vite-plugin-svelte
//  - angular: Vite + @analogjs/vite-plugin-angular, AOT with strict template type-checking
//  - lit:     tsc, then Vite (an app's own Lit element on talkjs-elements/controllers)
//  - plain-html, cms: Vite (the pages load the kit's standalone bundles from the CDN URL)
// The framework apps import the npm build (dist/index.js, dist/testing/) through the package's
// own name (`talkjs-elements` resolves to this repository's package.json exports).
// Usage: node scripts/build-examples.mjs [name ...]. Run directly, each example is a test of
// node's test runner (a line per example and node's `# pass N` / `# fail N`); imported, it only
// exports EXAMPLES.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export const EXAMPLES = ['plain-html', 'cms', 'react', 'vue', 'svelte', 'angular', 'lit'];

/** The type check each example runs before its build (Angular's runs inside its Vite plugin). */
const typeChecks = {
  react: ['node_modules/typescript/bin/tsc', '-p', 'examples/react'],
  vue: ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'examples/vue'],
  lit: ['node_modules/typescript/bin/tsc', '-p', 'examples/lit'],
  svelte: [
    'node_modules/svelte-check/bin/svelte-check',
    '--workspace',
    'examples/svelte',
    '--tsconfig',
    resolve('examples/svelte/tsconfig.json'),
    '--fail-on-warnings',
  ],
};

function typeCheck(name) {
  const args = typeChecks[name];
  if (!args) return;
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`type check failed:\n${result.stdout}${result.stderr}`);
}

async function buildExample(name) {
  const root = `examples/${name}`;
  rmSync(`${root}/dist`, { recursive: true, force: true });
  typeCheck(name);
  // The two pages are markup plus the kit from its CDN URL: no module-preload polyfill added.
  const pageOnly = name === 'plain-html' || name === 'cms';
  await build({
    root,
    logLevel: 'warn',
    build: {
      emptyOutDir: true,
      // Rolldown's notes on slow plugins (the Angular compiler) are not warnings about the app.
      rolldownOptions: { checks: { bundlerTimings: false } },
      ...(pageOnly && { modulePreload: { polyfill: false } }),
    },
  });
  if (!existsSync(`${root}/dist/index.html`)) throw new Error(`${root}/dist/index.html was not written`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { after, test } = await import('node:test');
  if (!existsSync('dist/index.js') || !existsSync('dist/testing/fake-talk-cdn.iife.js')) {
    test('dist/ is built', () => {
      throw new Error('dist/ is missing or incomplete: run `npm run build` first.');
    });
  } else {
    const names = process.argv.slice(2).length ? process.argv.slice(2) : EXAMPLES;
    for (const name of names) test(`examples/${name} type-checked and built`, () => buildExample(name));
  }
  // Some framework plugins keep worker threads alive after their build: once the runner has
  // reported, end the process with the exit code it set.
  after(() => {
    setTimeout(() => process.exit(), 1000).unref();
  });
}
