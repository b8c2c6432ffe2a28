/**
 * The context through which `<talk-session>` hands its session to the UI elements inside it
 * (the W3C community context protocol, as implemented by `@lit/context`).
 */
import { ContextEvent, ContextRoot, createContext, type ContextCallback } from '@lit/context';
import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';
import type { TalkErrorDetail } from './errors.js';
import type { SessionLike, TalkSdk } from './sdk-types.js';
import type { UnreadsStore } from './unreads.js';

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
  /** The session's unread list as `<talk-session>` keeps it (one `unreads.onChange` per session), when `status` is `ready`. */
  readonly unreads?: UnreadsStore;
  /** The current user's locale, when the page gave one (`user-locale`, or `syncUser`'s `locale`), when `status` is `ready`. */
  readonly locale?: string;
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

/**
 * Makes `host` a consumer of the nearest `<talk-session>`'s value (the context protocol of
 * `@lit/context`, with its provider and `ContextRoot`), calling `onValue` with every value
 * provided, as long as `host` stays where it asked, and with `undefined` when it is disconnected.
 *
 * Why not `@lit/context`'s `ContextConsumer`: the page's `ContextRoot` replays an early request
 * from wherever the element is when a provider appears, even inside a detached `<talk-session>`,
 * and `ContextConsumer` accepts that answer and later keeps the subscription (or, answered again
 * by the same provider, drops its fresh subscription, since both share one callback). Here every
 * request gets its own callback, and an answer to any but the latest request of a connected host
 * is declined and unsubscribed. Found by the race model test (test/race-model.test.ts).
 */
export function consumeSession(host: ReactiveElement, onValue: (value: SessionContextValue | undefined) => void): void {
  let current: ContextCallback<SessionContextValue> | undefined;
  let unsubscribe: (() => void) | undefined;
  const drop = () => {
    const stop = unsubscribe;
    unsubscribe = undefined;
    stop?.();
  };
  const controller: ReactiveController = {
    hostConnected() {
      const callback: ContextCallback<SessionContextValue> = (value, dispose) => {
        if (callback !== current || !host.isConnected) return dispose?.();
        if (dispose !== unsubscribe) {
          drop();
          unsubscribe = dispose;
        }
        onValue(value);
      };
      current = callback;
      host.dispatchEvent(new ContextEvent(sessionContext, host, callback, true));
    },
    hostDisconnected() {
      current = undefined;
      drop();
      // The value belonged to where the element was; it asks again when connected.
      onValue(undefined);
    },
  };
  host.addController(controller);
}
