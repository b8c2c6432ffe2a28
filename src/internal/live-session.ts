/**
 * What `<talk-session>` keeps about its session: what it was made with (its identity), its hold on
 * the (possibly shared) SDK session and its own subscriptions, and how that ends.
 */
import { unsubscribeAll } from './events.js';
import type { SessionLike, Subscription, TalkSdk } from './sdk-types.js';
import type { SessionUser } from './session-checks.js';
import type { SessionHolder, SharedSession } from './shared-sessions.js';

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

/** What one `<talk-session>` element keeps about the (possibly shared) session it holds. */
export interface LiveSession {
  readonly identity: SessionIdentity;
  /** The session, shared with other elements of the same identity. */
  readonly shared: SharedSession;
  /** The session, once made. */
  session: SessionLike | undefined;
  /** This element's own subscriptions (its events), and the one to the kept unread list. */
  readonly subscriptions: Subscription[];
  /** True once the credentials and the user were checked: consumers may mount. */
  ready: boolean;
  /** The user the properties describe now (applied once the session is ready). */
  wanted: SessionUser;
  /** The `onDesktopNotificationClicked` subscription, while the element has a listener for it. */
  notificationClicks: Subscription | undefined;
}

/** Destroys `session` unless it is gone already; `onError` gets what `destroy()` threw. */
export function destroySession(session: SessionLike, onError: (cause: unknown) => void): void {
  try {
    if (session.isAlive) session.destroy();
  } catch (cause) {
    onError(cause);
  }
}

/** Ends this element's hold on `live`: its subscriptions, then its share of the session (the last holder destroys it). */
export function endLiveSession(live: LiveSession, holder: SessionHolder, onError: (cause: unknown) => void): void {
  unsubscribeAll(live.notificationClicks ? [...live.subscriptions, live.notificationClicks] : live.subscriptions);
  live.shared.release(holder, onError);
}
