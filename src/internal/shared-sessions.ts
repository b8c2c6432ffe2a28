/**
 * Separate embeds, one connection: `<talk-session>` elements with the same `sdk`, app, user and
 * credentials share one `Talk.Session`, reference-counted and destroyed with the last of them (as
 * `@talkjs/core`'s `getTalkSession` reuses its sessions). A CMS header with an unread badge and a
 * page body with a chatbox, pasted as two blocks, then open one connection and get one desktop
 * notification per message. Different credentials never share.
 *
 * A {@link SharedSession} starts the session once for all its holders: the first token (with a
 * token source and no `token`), `new Talk.Session`, the one `unreads.onChange` subscription, and
 * the checks TalkJS needs before any UI mounts (credentials, user).
 */
import { DesktopNotificationSwitch } from './desktop-notifications.js';
import { sdkErrorDetail, type TalkErrorDetail } from './errors.js';
import { unsubscribeAll } from './events.js';
import { destroySession, sameIdentity, type SessionIdentity } from './live-session.js';
import type { SessionLike, Subscription, Talk } from './sdk-types.js';
import { checkSession, userData, type SessionUser } from './session-checks.js';
import { sessionTokenFetcher, type TokenRetry, type TokenSourceOptions } from './token-fetch.js';
import { UnreadsStore } from './unreads.js';

/** What a holder (a `<talk-session>` element) lends the shared session. */
export interface SessionHolder {
  /** Dispatches a cancelable `talk-token-required`; true when a listener took it. */
  readonly ask: TokenSourceOptions['ask'];
  /** Reports a problem of the shared session on this holder (one `talk-error` each). */
  report(problem: TalkErrorDetail): void;
  /** The document, for the desktop-notification switch's user-activation wait. */
  readonly ownerDocument: Document;
}

/** How a session start ended: the session, or the problem (already reported when `reported`). */
export type Created = { readonly session: SessionLike } | { readonly problem: TalkErrorDetail; readonly reported: boolean };

const shared = new Set<SharedSession>();

/**
 * The live shared session for `identity` (its session not destroyed), or a new one started for
 * `user`; either way held by `holder` until {@link SharedSession.release}.
 */
export function holdSession(identity: SessionIdentity, user: SessionUser, holder: SessionHolder, retry: TokenRetry): SharedSession {
  for (const entry of shared) {
    if (sameIdentity(entry.identity, identity) && entry.session?.isAlive !== false && !entry.ended) {
      entry.hold(holder);
      return entry;
    }
  }
  return new SharedSession(identity, user, holder, retry);
}

/** One session and everything the kit hangs off it once, for all the elements that hold it. */
export class SharedSession {
  readonly identity: SessionIdentity;
  /** The unread list, kept from the session's one `unreads.onChange` subscription. */
  readonly unreads = new UnreadsStore();
  /** Resolves once the session exists (or could not be made). */
  readonly created: Promise<Created>;
  /** Resolves once the session may be used by UIs: `undefined`, or the problem (reported on every holder). */
  readonly checked: Promise<TalkErrorDetail | undefined>;
  /** The session, once made. */
  session: SessionLike | undefined;
  /** `desktop-notification-enabled` on this session, once made. */
  notifications: DesktopNotificationSwitch | undefined;
  /** The user data last sent for the session's user (`me`, or `currentUser.set`). */
  userData: Talk.SetUserParams | undefined;
  /** True once the last holder let go. */
  ended = false;
  readonly #holders: SessionHolder[] = [];
  readonly #abort = new AbortController();
  #unreadsSubscription: Subscription | undefined;

  constructor(identity: SessionIdentity, user: SessionUser, holder: SessionHolder, retry: TokenRetry) {
    this.identity = identity;
    this.#holders.push(holder);
    shared.add(this);
    this.created = this.#create(user, retry);
    this.checked = this.created.then((created) => {
      if (!('session' in created)) return created.problem;
      return checkSession(created.session, user, identity).then((problem) => {
        if (!problem && user.data) this.userData = user.data;
        return problem;
      });
    });
  }

  /** The holders, oldest first. */
  get holders(): readonly SessionHolder[] {
    return this.#holders;
  }

  /** Adds a holder. */
  hold(holder: SessionHolder): void {
    if (!this.#holders.includes(holder)) this.#holders.push(holder);
  }

  /**
   * Lets go of the session for `holder`; the last one out ends it (token retries stopped, the
   * unreads subscription ended, the session destroyed). `onError` gets what `destroy()` threw.
   */
  release(holder: SessionHolder, onError: (cause: unknown) => void): void {
    const index = this.#holders.indexOf(holder);
    if (index >= 0) this.#holders.splice(index, 1);
    if (this.#holders.length > 0 || this.ended) return;
    this.ended = true;
    shared.delete(this);
    this.#abort.abort();
    this.notifications?.cancel();
    this.unreads.clear();
    if (this.#unreadsSubscription) unsubscribeAll([this.#unreadsSubscription]);
    if (this.session) destroySession(this.session, onError);
  }

  /** Reports `problem` on every holder. */
  #reportAll(problem: TalkErrorDetail): void {
    for (const holder of [...this.#holders]) holder.report(problem);
  }

  /**
   * Makes the session: with a token source and no `token`, the first token first (TalkJS only
   * promises to call `tokenFetcher` when a token is about to expire), then `new Talk.Session`
   * with the kit's `tokenFetcher` for the refreshes, then the unreads subscription.
   */
  async #create(user: SessionUser, retry: TokenRetry): Promise<Created> {
    const { identity } = this;
    const signal = this.#abort.signal;
    const fetcher = sessionTokenFetcher({
      ...identity,
      retry,
      signal,
      // The oldest holder still there asks the page and reports; the session outlives any one holder.
      ask: (detail) => this.#holders[0]?.ask(detail) ?? false,
      onFailure: (source, cause) => {
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.#reportAll({ code: 'token-fetch-failed', attribute: source, message: `could not get a token from ${source}: ${reason}`, cause });
      },
    });
    let token = identity.token;
    if (fetcher && token === undefined) {
      try {
        token = await fetcher();
      } catch (cause) {
        return { problem: { code: 'token-fetch-failed', message: 'could not get the first token.', cause }, reported: true };
      }
    }
    if (this.ended) return { problem: { code: 'sdk-error', message: 'the session was let go before it started.' }, reported: true };
    const options: Talk.SessionOptions = { appId: identity.appId };
    if (user.me) options.me = user.me;
    else options.userId = identity.userId;
    if (token !== undefined) options.token = token;
    if (identity.signature !== undefined) options.signature = identity.signature;
    if (fetcher) options.tokenFetcher = fetcher;
    let session: SessionLike;
    try {
      session = new identity.sdk.Session(options);
    } catch (cause) {
      return { problem: sdkErrorDetail('new Talk.Session()', cause), reported: false };
    }
    this.session = session;
    this.userData = user.me ? userData(user.me) : undefined;
    this.notifications = new DesktopNotificationSwitch(session, this.#holders[0]!.ownerDocument, (cause) =>
      this.#reportAll(sdkErrorDetail('Session.setDesktopNotificationEnabled()', cause, 'desktop-notification-enabled')),
    );
    try {
      this.#unreadsSubscription = session.unreads.onChange((list) => this.unreads.set(list));
    } catch (cause) {
      return { problem: sdkErrorDetail('Session.unreads.onChange() subscription', cause), reported: false };
    }
    return { session };
  }
}
