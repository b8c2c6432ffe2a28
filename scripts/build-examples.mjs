#!/usr/bin/env node
// `npm run build:examples` (after `npm run build`): type-checks and builds every app under
// examples/ into examples/<name>/dist with Vite, one after the other (2 cores: no parallel builds).
//  - react:   tsc (React 19 JSX typings from types/jsx.d.ts), then Vite + @vitejs/plugin-react
//  - vue:     vue-tsc (types/vue.d.ts), then Vite + @vitejs/plugin-vue
//  - svelte:  svelte-check (types/svelte.d.ts), then Vite + @sveltejs/vite-plugin-svelte
//  - angular: Vite + @analogjs/vite-plugin-angular, AOT with strict template type-checking
//  - plain-html, cms: Vite (the pages load the kit's standalone bundles from the CDN URL)
// The framework apps import the npm build (dist/index.js, dist/testing/) through the package's
// own name (`talkjs-elements` resolves to this repository's package.json exports).
// Usage: node scripts/build-examples.mjs [name ...]; prints a line per example and
// `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export const EXAMPLES = ['plain-html', 'cms', 'react', 'vue', 'svelte', 'angular'];

/** The type check each example runs before its build (Angular's runs inside its Vite plugin). */
const typeChecks = {
  react: ['node_modules/typescript/bin/tsc', '-p', 'examples/react'],
  vue: ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'examples/vue'],
  svelte: ['node_modules/svelte-check/bin/svelte-check', '--workspace', 'examples/svelte', '--tsconfig', resolve('examples/svelte/tsconfig.json'), '--fail-on-warnings'],
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
  if (!existsSync('dist/index.js') || !existsSync('dist/testing/fake-talk-cdn.iife.js')) {
    console.error('dist/ is missing or incomplete: run `npm run build` first.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const names = process.argv.slice(2).length ? process.argv.slice(2) : EXAMPLES;
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const started = performance.now();
    try {
      await buildExample(name);
      passed += 1;
      console.log(`  ✓ examples/${name} type-checked and built (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ examples/${name}\n    ${String(error?.message ?? error).split('\n').slice(0, 20).join('\n    ')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  // Some framework plugins keep worker threads alive after their build.
  process.exit(failed ? 1 : 0);
}
