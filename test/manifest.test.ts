/**
 * One source per fact: the events each element declares in `custom-elements.json` (where the API
 * docs and the React, Vue and Svelte typings come from) are exactly the events it dispatches:
 * the SDK callbacks it re-dispatches (its route table) and the kit's own events.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { SESSION_ROUTES } from '../src/elements/session/talk-session.js';
import type { EventRoute } from '../src/internal/events.js';

interface ManifestDeclaration {
  tagName?: string;
  events?: { name: string }[];
}

async function manifestEvents(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: ManifestDeclaration[] }[] };
  const events = new Map<string, string[]>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) events.set(declaration.tagName, (declaration.events ?? []).map((event) => event.name).sort());
    }
  }
  return events;
}

/** The SDK callbacks a UI element re-dispatches: its route table (a protected field). */
function routesOf(tag: string): string[] {
  const el = document.createElement(tag) as unknown as { routes: ReadonlyArray<EventRoute<unknown>> };
  return el.routes.map(([name]) => name);
}

/** What each element dispatches: its SDK routes and the kit's own events. */
const DISPATCHED: Record<string, () => string[]> = {
  'talk-session': () => [
    ...SESSION_ROUTES.map(([name]) => name),
    'talk-desktop-notification-clicked', // subscribed while the element has a listener for it
    'talk-session-ready',
    'talk-token-required',
    'talk-error',
  ],
  'talk-chatbox': () => [...routesOf('talk-chatbox'), 'talk-ready', 'talk-error'],
  'talk-inbox': () => [...routesOf('talk-inbox'), 'talk-ready', 'talk-error'],
  'talk-popup': () => [...routesOf('talk-popup'), 'talk-ready', 'talk-error'],
  'talk-unread-badge': () => ['talk-error'],
  'talk-html-panel': () => ['talk-ready', 'talk-error'],
  'talk-online-status': () => ['talk-online-change', 'talk-error'],
  'talk-typing-indicator': () => ['talk-typing-change', 'talk-error'],
};

describe('manifest: declared events are the dispatched events', () => {
  for (const [tag, dispatched] of Object.entries(DISPATCHED)) {
    it(`<${tag}>: the events in custom-elements.json are exactly those it dispatches`, async () => {
      const declared = (await manifestEvents()).get(tag);
      expect(declared, `${tag} in the manifest`).to.not.equal(undefined);
      expect(declared).to.deep.equal([...new Set(dispatched())].sort());
    });
  }

  it('every element of the kit is covered', async () => {
    expect([...(await manifestEvents()).keys()].sort()).to.deep.equal(Object.keys(DISPATCHED).sort());
  });
});
