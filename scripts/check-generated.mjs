#!/usr/bin/env node
// Fails when a generated file (see scripts/generate.mjs) is not what the sources generate now.
import { execFileSync } from 'node:child_process';

const paths = ['custom-elements.json', 'types', 'docs/api.md'];
execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`Generated files are stale (run \`npm run generate\` and commit):\n${changed}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log('generated files are up to date');
console.log('1 passed, 0 failed');
