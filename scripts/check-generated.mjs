#!/usr/bin/env node
// Fails when a generated file (see scripts/generate.mjs) is not what the sources generate now:
// compares the files' contents before and after generating (so a fresh `npm run generate` passes
// before any commit). The files are left regenerated either way.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['custom-elements.json', 'types', 'docs/api.md'];

/** Every file under the generated paths, with its contents. */
function snapshot() {
  const files = new Map();
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else files.set(path, readFileSync(path, 'utf8'));
  };
  roots.forEach(walk);
  return files;
}

const before = snapshot();
execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });
const after = snapshot();
const changed = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path));
if (changed.length > 0) {
  console.error(`Generated files were stale and have been regenerated (commit them):\n${changed.join('\n')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log('generated files are up to date');
console.log('1 passed, 0 failed');
