/**
 * What `<talk-session>` keeps about its session: what it was made with (its identity), the SDK
 * session and everything hanging off it, and how all of that ends.
 */
import type { DesktopNotificationSwitch } from './desktop-notifications.js';
import { unsubscribeAll } from './events.js';
import type { SessionLike, Subscription, Talk, TalkSdk } from './sdk-types.js';
import type { SessionUser } from './session-checks.js';
import type { UnreadsStore } from './unreads.js';

/** What decides the identity of a session: any change means a new session. */
export interface SessionIdentity {
  readonly sdk: TalkSdk;
  readonly appId: string;
  readonly userId: string;
  readonly token: string | undefined;
  readonly signature: string | undefined;
  readonly tokenFetcher: (() => string | Promise<string>) | undefined;
  readonly tokenEndpoint: string | undefined;
}

/** True when `a` and `b` would make the same session. */
export function sameIdentity(a: SessionIdentity, b: SessionIdentity): boolean {
  return (Object.keys(a) as (keyof SessionIdentity)[]).every((key) => Object.is(a[key], b[key]));
}

/** A live SDK session and what the kit hangs off it. */
export interface LiveSession {
  readonly identity: SessionIdentity;
  readonly session: SessionLike;
  readonly subscriptions: Subscription[];
  /** The unread list, kept from the session's one `unreads.onChange` subscription. */
  readonly unreads: UnreadsStore;
  /** True once the credentials and the user were checked: consumers may mount. */
  ready: boolean;
  /** The user data last sent for this session's user (`me` option or `currentUser.set`). */
  userData: Talk.SetUserParams | undefined;
  /** The user the properties describe now (applied once the session is ready). */
  wanted: SessionUser;
  /** `desktop-notification-enabled` on this session. */
  readonly notifications: DesktopNotificationSwitch;
  /** The `onDesktopNotificationClicked` subscription, while the element has a listener for it. */
  notificationClicks: Subscription | undefined;
  /** Aborted when the session goes: stops token retries. */
  readonly abort: AbortController;
}

/** A session waiting for its first token (from `tokenFetcher`, `token-endpoint` or `talk-token-required`). */
export interface StartingSession {
  readonly identity: SessionIdentity;
  user: SessionUser;
  readonly abort: AbortController;
}

/** Destroys `session` unless it is gone already; `onError` gets what `destroy()` threw. */
export function destroySession(session: SessionLike, onError: (cause: unknown) => void): void {
  try {
    if (session.isAlive) session.destroy();
  } catch (cause) {
    onError(cause);
  }
}

/** Ends everything `live` holds: token retries, a pending notification switch, listeners, subscriptions, then the session. */
export function endLiveSession(live: LiveSession, onError: (cause: unknown) => void): void {
  live.abort.abort();
  live.notifications.cancel();
  live.unreads.clear();
  unsubscribeAll(live.notificationClicks ? [...live.subscriptions, live.notificationClicks] : live.subscriptions);
  destroySession(live.session, onError);
}
