// `npm run generate` runs this: custom-elements.json from the sources (Lit mode), and from it the
// framework typings (React 19 JSX, Vue, Svelte) through maintained CEM analyzer plugins.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';

const typings = { outdir: './types', globalTypePath: '../dist/index.js', hideLogs: true };

/**
 * The elements are defined by `defineElements([[tag, class], ...])` in src/index.ts, which the
 * analyzer cannot follow: it reads each class's `@tagname`, and this plugin records the
 * definitions where they happen (src/index.ts) instead of the generic `customElements.define`
 * call inside `defineElements`. It also drops local variables the analyzer mistakes for module
 * declarations.
 */
function definitionsInIndex() {
  return {
    name: 'talkjs-elements-definitions',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = [];
      for (const module of manifest.modules) {
        module.exports = (module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition');
        module.declarations = (module.declarations ?? []).filter(
          (d) => d.kind !== 'variable' || (module.exports ?? []).some((e) => e.declaration?.name === d.name),
        );
        for (const d of module.declarations) if (d.tagName) elements.push({ tag: d.tagName, name: d.name, module: module.path });
      }
      const index = manifest.modules.find((m) => m.path === 'src/index.ts');
      for (const { tag, name, module } of elements) {
        index.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name, module } });
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    definitionsInIndex(),
    customElementJsxPlugin({ ...typings, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...typings, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...typings, fileName: 'svelte.d.ts' }),
  ],
};
