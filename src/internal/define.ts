/**
 * Guarded registration of the kit's elements: a tag already registered (by another copy of the
 * kit on the page, or by an earlier load of this one) is skipped, with one warning per page.
 */
import { ensureContextRoot } from './context.js';

/** This copy's version, as published (kept equal to package.json's by a test). */
export const VERSION = '0.1.0';

const WARNED = Symbol.for('talkjs-elements/warned-duplicate');

/** Marks element classes with the kit's version, so a second copy can say which one won. */
export interface VersionedElement extends CustomElementConstructor {
  readonly kitVersion?: string;
}

/**
 * Defines each `[tag, class]` pair unless the tag is taken. Does nothing where there is no
 * `customElements` (Node, SSR). Attaches the page's context root first, so UI elements
 * upgraded before their `<talk-session>` still connect.
 */
export function defineElements(elements: ReadonlyArray<readonly [string, VersionedElement]>): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined') return;
  ensureContextRoot(document);
  for (const [tag, element] of elements) {
    const existing = customElements.get(tag) as VersionedElement | undefined;
    if (!existing) {
      customElements.define(tag, element);
      continue;
    }
    if (existing === element) continue;
    const global = globalThis as { [WARNED]?: boolean };
    if (!global[WARNED]) {
      global[WARNED] = true;
      console.warn(
        `[talkjs-elements] The kit is loaded twice on this page: <${tag}> is already defined (by version ${existing.kitVersion ?? 'unknown'}; this copy is ${VERSION}). The first definition stays; elements of both copies share sessions.`,
      );
    }
  }
}
