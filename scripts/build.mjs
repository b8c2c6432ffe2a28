#!/usr/bin/env node
// `npm run build`: everything under dist/.
//  - dist/**/*.js + .d.ts: ESM per module from `tsc` (for bundlers; @lit/*, talkjs stay imports)
//  - dist/talkjs-elements.js: standalone ESM, everything inlined, minified (a <script type=module>)
//  - dist/talkjs-elements.iife.js: the same as a classic <script> (CMS pages), global `TalkElements`
// The `talkjs` package stays a lazily evaluated module inside the bundles: its CDN script is
// injected only when a <talk-session> without `sdk` first needs the SDK.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { minifyTemplates, writeFiles } from 'esbuild-minify-templates';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

/** Options shared by the two standalone bundles. */
const standalone = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: 'tsconfig.json',
  legalComments: 'linked',
  sourcemap: true,
  write: false,
  logLevel: 'warning',
  plugins: [minifyTemplates({ taggedOnly: true }), writeFiles()],
};

await build({ ...standalone, format: 'esm', outfile: 'dist/talkjs-elements.js' });
await build({ ...standalone, format: 'iife', globalName: 'TalkElements', outfile: 'dist/talkjs-elements.iife.js' });
console.log('built dist/ (ESM modules, declarations, talkjs-elements.js, talkjs-elements.iife.js)');

// dist/testing/fake-talk-cdn.iife.js: the fake SDK as a classic script, global `FakeTalkCdn`, for
// end-to-end tests of pages on the default path: served at https://cdn.talkjs.com/talk.js and
// followed by `FakeTalkCdn.installFakeTalkCdn(seed)`, it stands in for the real TalkJS script.
await build({
  entryPoints: ['src/testing/fake-cdn.ts'],
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: 'tsconfig.json',
  format: 'iife',
  globalName: 'FakeTalkCdn',
  outfile: 'dist/testing/fake-talk-cdn.iife.js',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/testing/fake-talk-cdn.iife.js (the fake TalkJS CDN script, global FakeTalkCdn)');
