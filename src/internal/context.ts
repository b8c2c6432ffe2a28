/**
 * The context through which `<talk-session>` hands its session to the UI elements inside it
 * (the W3C community context protocol, as implemented by `@lit/context`).
 */
import { createContext, ContextRoot } from '@lit/context';
import type { TalkErrorDetail } from './errors.js';
import type { SessionLike, TalkSdk } from './sdk-types.js';

/** What a `<talk-session>` provides: where its session stands, and the session once it is live. */
export interface SessionContextValue {
  /** `loading` until the session exists, `ready` while it is live, `error` when it could not be created. */
  readonly status: 'loading' | 'ready' | 'error';
  /** The live session, when `status` is `ready`. */
  readonly session?: SessionLike;
  /** The loaded SDK namespace the session came from, when `status` is `ready`. */
  readonly sdk?: TalkSdk;
  /** Why there is no session, when `status` is `error`. */
  readonly error?: TalkErrorDetail;
}

/**
 * The context key. It is a registered symbol, so two copies of the kit on one page (a CMS
 * theme's bundle and an app's npm build) share it and their elements find each other.
 * The `@1` is the version of {@link SessionContextValue}'s shape.
 */
export const sessionContext = createContext<SessionContextValue>(Symbol.for('talkjs-elements/session@1'));

const ROOT_KEY = Symbol.for('talkjs-elements/context-root');

/**
 * Attaches one `ContextRoot` to the document (once per page, across copies of the kit), so a UI
 * element upgraded before its `<talk-session>` still gets the session once the provider
 * upgrades: the root keeps the early `context-request` and replays it to the new provider.
 */
export function ensureContextRoot(doc: Document = document): void {
  const holder = doc as Document & { [ROOT_KEY]?: ContextRoot };
  if (holder[ROOT_KEY]) return;
  const root = new ContextRoot();
  root.attach(doc as unknown as HTMLElement);
  holder[ROOT_KEY] = root;
}
