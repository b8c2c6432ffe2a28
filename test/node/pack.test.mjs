// What `npm pack` puts in the published tarball: the built package (dist/, after `npm run build`),
// the framework typings, the manifest, the docs, README and package.json, and nothing from the
// sources, tests, demo, examples, scripts or node_modules. Read from `npm pack --dry-run --json`,
// which lists the files without writing a tarball.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const files = new Set(pack.files.map((file) => file.path));
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

test('the tarball holds every entry point of dist/ with its declarations', () => {
  for (const entry of ['index', 'elements', 'controllers/index', 'testing/index']) {
    assert.ok(files.has(`dist/${entry}.js`), `dist/${entry}.js is missing (run npm run build first)`);
    assert.ok(files.has(`dist/${entry}.d.ts`), `dist/${entry}.d.ts is missing`);
  }
  for (const bundle of ['talkjs-elements.js', 'talkjs-elements.iife.js']) {
    assert.ok(files.has(`dist/${bundle}`), `dist/${bundle} is missing`);
  }
});

test("every file package.json's exports, main, types, unpkg and customElements name is in the tarball", () => {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) collect(manifest[field]);
  assert.ok(targets.size >= 10, `expected the exports map to name files, found ${[...targets].join(', ')}`);
  const missing = [...targets].filter((target) => !files.has(target));
  assert.deepEqual(missing, [], `named in package.json but not packed: ${missing.join(', ')}`);
});

test('the tarball holds the framework typings, the manifest, the docs, README.md and package.json', () => {
  for (const file of ['types/jsx.d.ts', 'types/vue.d.ts', 'types/svelte.d.ts', 'custom-elements.json', 'README.md', 'package.json']) {
    assert.ok(files.has(file), `${file} is missing`);
  }
  const docs = [...files].filter((file) => file.startsWith('docs/'));
  assert.ok(docs.includes('docs/api.md'), `docs/api.md is missing (docs packed: ${docs.join(', ') || 'none'})`);
});

test('the tarball holds nothing from src/, test/, demo/, examples/, scripts/ or node_modules', () => {
  const unwanted = [...files].filter((file) => /^(src|test|demo|examples|scripts|node_modules)\//.test(file) || file.includes('/node_modules/'));
  assert.deepEqual(unwanted, []);
  // And only the folders and files package.json's `files` lists (npm adds README, LICENSE and package.json itself).
  const allowed = /^(dist|types|docs)\/|^(custom-elements\.json|README\.md|LICENSE(\.[a-z]+)?|package\.json)$/i;
  const unexpected = [...files].filter((file) => !allowed.test(file));
  assert.deepEqual(unexpected, []);
});
