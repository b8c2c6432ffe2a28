// Importing the kit in Node (SSR: Next.js, Nuxt, Astro) must not throw, must define nothing
// where there is no `customElements`, and must not touch `Talk.ready` (the `talkjs` package's
// Node entry throws on any access to it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Bundles an entry for Node the way an SSR bundler does (Lit's `node` export condition). */
async function importForNode(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    conditions: ['node'],
    tsconfig: 'tsconfig.json',
    external: ['talkjs'],
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'talkjs-elements-ssr-'));
  const file = join(dir, 'entry.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the main entry imports in Node without throwing and defines nothing', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const kit = await importForNode('src/index.ts');
  assert.equal(typeof kit.TalkSessionElement, 'function');
  assert.equal(typeof kit.TalkChatboxElement, 'function');
  // Lit's Node build may install a customElements shim; the kit defines nothing without a document.
  assert.equal(globalThis.customElements?.get('talk-session'), undefined);
  assert.equal(globalThis.Talk, undefined, 'the SDK was not loaded');
});

test('the side-effect-free entry imports in Node', async () => {
  const kit = await importForNode('src/elements.ts');
  assert.equal(typeof kit.TalkInboxElement, 'function');
  assert.ok(kit.TALK_ERROR_CODES.includes('sdk-load-failed'));
});

test('the testing entry imports in Node', async () => {
  const testing = await importForNode('src/testing/index.ts');
  assert.equal(typeof testing.createFakeTalk, 'function');
});

test("the talkjs package's Node entry throws on Talk.ready, so the kit must never touch it at import", async () => {
  const { default: Talk } = await import('talkjs');
  assert.throws(() => Talk.ready, /only works in browsers/);
});

// The built package as Node resolves it (package "exports", Lit's `node` condition), the way an
// SSR framework imports it. `npm test` builds dist/ before this step.
// `standalone` has a `node` condition (the ESM build): its browser bundle inlines Lit's browser build.
for (const entry of ['talkjs-elements', 'talkjs-elements/elements', 'talkjs-elements/controllers', 'talkjs-elements/testing', 'talkjs-elements/standalone']) {
  test(`${entry} (dist/) imports in Node without throwing`, async () => {
    const module = await import(entry);
    assert.ok(Object.keys(module).length > 0);
    if (entry === 'talkjs-elements/controllers') assert.equal(typeof module.SessionController, 'function');
    else if (entry !== 'talkjs-elements/testing') assert.equal(typeof module.TalkSessionElement, 'function');
    assert.equal(globalThis.customElements?.get('talk-chatbox'), undefined);
  });
}
