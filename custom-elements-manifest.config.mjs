// `npm run generate` runs this: custom-elements.json from the sources (Lit mode), and from it the
// framework typings (React 19 JSX, Vue, Svelte) through maintained CEM analyzer plugins.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { readFileSync, writeFileSync } from 'node:fs';

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

/**
 * The framework plugins below write each event handler as `(e: CustomEvent<${event.type.text}>)`:
 * they take an event's type to be its `detail` type, where the manifest (rightly) has the whole
 * event type, `CustomEvent<...>`; and the types those texts name (`Talk.*`, `TalkErrorDetail`) are
 * not imported into the files they write. So, for their run only, each `talk-*` event's type
 * becomes `TalkEventDetails["talk-…"]` (the kit's exported map of `detail` types, the one
 * `HTMLElementEventMap` uses), and afterwards the manifest gets its own texts back.
 */
function eventDetailsForTypings() {
  const saved = new Map();
  const events = (manifest) => manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.customElement ? (d.events ?? []) : []));
  return [
    {
      name: 'talkjs-elements-event-details',
      packageLinkPhase({ customElementsManifest: manifest }) {
        for (const event of events(manifest)) {
          if (!event.name?.startsWith('talk-')) continue;
          saved.set(event, event.type);
          event.type = { text: `TalkEventDetails["${event.name}"]` };
        }
      },
    },
    {
      name: 'talkjs-elements-event-types-restored',
      packageLinkPhase() {
        for (const [event, type] of saved) {
          if (type === undefined) delete event.type;
          else event.type = type;
        }
        saved.clear();
      },
    },
  ];
}

/**
 * Adjusts what the framework plugins wrote to what each framework's type checker reads (each
 * proven by an example under examples/ whose build type-checks against these files):
 *  - every file: imports `TalkEventDetails` (see above);
 *  - vue.d.ts: vue-tsc types `@talk-message` from a prop `onTalkMessage`, not `ontalk-message`;
 *  - svelte.d.ts: the plugin writes Svelte 4 names only (`on:talk-message`, `bind:prop`); Svelte 5
 *    takes `ontalk-message={...}` and sets properties from plain `prop={...}`: both are added. And
 *    its `declare namespace svelteHTML` is module-scoped in a file with imports, so it augments
 *    nothing: the tags go on `SvelteHTMLElements` of `svelte/elements` instead, as Svelte documents.
 */
function typingsForFrameworks() {
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const importDetails = (text) =>
    text.replace(/^(import type \{[^}]*\} from "\.\.\/dist\/index\.js";)$/m, '$1\nimport type { TalkEventDetails } from "../dist/index.js";');
  const edits = {
    'jsx.d.ts': (text) => importDetails(text),
    'vue.d.ts': (text) => importDetails(text).replace(/"on(talk-[a-z-]+)"\?:/g, (_, name) => `on${camel(name[0].toUpperCase() + name.slice(1))}?:`),
    'svelte.d.ts': (text) =>
      importDetails(text)
        .replace(
          /^( *\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?( *)"on:(talk-[a-z-]+)"\?: ([^\n]*)$/gm,
          (all, doc = '', indent, name, type) => `${all}\n${doc}${indent}"on${name}"?: ${type}`,
        )
        .replace(
          /^( *\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?( *)"bind:(\w+)"\?: ([^\n]*)$/gm,
          (all, doc = '', indent, name, type) => `${all}\n${doc}${indent}${name}?: ${type}`,
        )
        .replace(
          /declare namespace svelteHTML \{\n([^}]*)interface IntrinsicElements extends CustomElements \{\}\n\}/,
          'declare module "svelte/elements" {\n$1interface SvelteHTMLElements extends CustomElements {}\n}',
        ),
  };
  return {
    name: 'talkjs-elements-framework-typings',
    packageLinkPhase() {
      for (const [file, edit] of Object.entries(edits)) {
        const path = `${typings.outdir}/${file}`;
        writeFileSync(path, edit(readFileSync(path, 'utf8')));
      }
    },
  };
}

/** The analyzer reads the source files in no fixed order: sort the modules so every output is the same on every run. */
function modulesInPathOrder() {
  return {
    name: 'talkjs-elements-modules-in-path-order',
    packageLinkPhase({ customElementsManifest: manifest }) {
      manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * The framework plugins type a field that has an attribute only by its attribute name
 * (`"message-filter"`), but React 19, Svelte 5 and Vue set properties by their property name
 * (`messageFilter={…}`): for their run only, a field whose attribute is named otherwise loses
 * its `attribute`, so both names are typed; afterwards the manifest gets it back.
 */
function propertyNamesForTypings() {
  const saved = new Map();
  const fields = (manifest) =>
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.customElement ? (d.members ?? []) : []))
      .filter((m) => m.kind === 'field');
  return [
    {
      name: 'talkjs-elements-property-names',
      packageLinkPhase({ customElementsManifest: manifest }) {
        for (const field of fields(manifest)) {
          if (!field.attribute || field.attribute === field.name) continue;
          saved.set(field, field.attribute);
          delete field.attribute;
        }
      },
    },
    {
      name: 'talkjs-elements-property-names-restored',
      packageLinkPhase() {
        for (const [field, attribute] of saved) field.attribute = attribute;
        saved.clear();
      },
    },
  ];
}

/**
 * The analyzer fills inherited members, events and slots in whichever order it meets the classes,
 * so the keys of a declaration come out in a different order from one checkout to the next: every
 * object's keys are sorted, so the manifest is the same text wherever it is generated.
 */
function stableKeyOrder() {
  const sortKeys = (value) => {
    if (Array.isArray(value)) return value.forEach(sortKeys);
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key] of entries) delete value[key];
    for (const [key, child] of entries) {
      sortKeys(child);
      value[key] = child;
    }
  };
  return {
    name: 'talkjs-elements-stable-key-order',
    packageLinkPhase({ customElementsManifest: manifest }) {
      sortKeys(manifest);
    },
  };
}

const eventDetails = eventDetailsForTypings();
const propertyNames = propertyNamesForTypings();

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    modulesInPathOrder(),
    definitionsInIndex(),
    eventDetails[0],
    propertyNames[0],
    customElementJsxPlugin({ ...typings, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...typings, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...typings, fileName: 'svelte.d.ts' }),
    typingsForFrameworks(),
    eventDetails[1],
    propertyNames[1],
    stableKeyOrder(),
  ],
};
