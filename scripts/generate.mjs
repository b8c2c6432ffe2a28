#!/usr/bin/env node
// `npm run generate`: every file made from the sources by a tool, committed so that users and
// editors find them, and checked for staleness by `npm test` (scripts/check-generated.mjs):
//  - custom-elements.json (the manifest: @custom-elements-manifest/analyzer, Lit mode)
//  - types/jsx.d.ts, types/vue.d.ts, types/svelte.d.ts (framework typings, from the manifest)
//  - docs/api.md (the API reference, from the manifest: @custom-elements-manifest/to-markdown)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { customElementsManifestToMarkdown } from '@custom-elements-manifest/to-markdown';

execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet'], { stdio: 'inherit' });

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = {
  ...manifest,
  modules: manifest.modules
    .map((module) => ({
      ...module,
      declarations: (module.declarations ?? [])
        .filter((d) => d.customElement)
        .map((d) => ({ ...d, members: (d.members ?? []).filter((m) => !m.privacy || m.privacy === 'public') })),
      exports: [],
    }))
    .filter((module) => module.declarations.length > 0),
};
const markdown = customElementsManifestToMarkdown(elements, {
  private: 'hidden',
  omitDeclarations: ['mixins', 'variables', 'functions', 'exports'],
  omitSections: ['superClass', 'mixins', 'methods'],
  headingOffset: 1,
});
// to-markdown has no section for CSS custom states: add one per element.
const states = elements.modules
  .flatMap((module) => module.declarations)
  .filter((d) => d.cssStates?.length)
  .map(
    (d) =>
      `### \`<${d.tagName}>\` CSS custom states\n\n| State | Description |\n| --- | --- |\n${d.cssStates.map((s) => `| \`:state(${s.name})\` | ${s.description ?? ''} |`).join('\n')}\n`,
  )
  .join('\n');
mkdirSync('docs', { recursive: true });
writeFileSync(
  'docs/api.md',
  `# API reference\n\nGenerated from \`custom-elements.json\` by \`npm run generate\`; do not edit by hand.\nEvery \`talk-*\` event bubbles and is composed. See the README for the overview.\n\n${markdown}\n## CSS custom states\n\n${states}`,
);
console.log('generated custom-elements.json, types/{jsx,vue,svelte}.d.ts, docs/api.md');
