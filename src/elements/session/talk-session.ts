import type { PropertyDeclarations } from '@lit/reactive-element';
import { ContextProvider } from '@lit/context';
import { sameData } from '../../internal/same-data.js';
import { sessionContext, ensureContextRoot, type SessionContextValue } from '../../internal/context.js';
import {
  attributeName,
  blank,
  booleanAttribute,
  customDataAttribute,
  functionProperty,
  nonNegativeNumberAttribute,
  objectOrFunctionProperty,
  objectProperty,
  stringAttribute,
  tokenRetryProperty,
} from '../../internal/converters.js';
import type { TalkErrorDetail } from '../../internal/errors.js';
import { subscribeRoutes, unsubscribeAll, type BrowserPermissionNeededDetail, type EventRoute, type TalkEventName } from '../../internal/events.js';
import { clearingPatch } from '../../internal/patch.js';
import { loadSdk, readySdk } from '../../internal/sdk-loader.js';
import type { SessionLike, Subscription, Talk, TalkSdk } from '../../internal/sdk-types.js';
import { TalkElement, slot } from '../../internal/talk-element.js';
import { DEFAULT_TOKEN_RETRY, sessionTokenFetcher, type TokenRetry } from '../../internal/token-fetch.js';
import { DesktopNotificationSwitch } from '../../internal/desktop-notifications.js';
import { ListenerSet } from '../../internal/listener-set.js';
import { USER_ATTRIBUTES, checkSession, userData, userDataFromAttributes, type SessionUser } from '../../internal/session-checks.js';
import { UnreadsStore } from '../../internal/unreads.js';
import { sessionStyles } from './talk-session.styles.js';

/** `load-timeout` when the attribute is absent: 15 000 ms. */
export const DEFAULT_LOAD_TIMEOUT = 15_000;

/**
 * The SDK callbacks `<talk-session>` always re-dispatches, by DOM event name.
 * `talk-desktop-notification-clicked` is subscribed only while the element has a listener for it
 * (see {@link TalkSessionElement}): any handler turns off TalkJS's own default.
 */
export const SESSION_ROUTES: ReadonlyArray<EventRoute<SessionLike>> = [
  ['talk-message', (s, h) => s.onMessage(h)],
  ['talk-unreads-change', (s, h) => s.unreads.onChange(h)],
  ['talk-browser-permission-needed', (s, h) => s.onBrowserPermissionNeeded(h as (event: Talk.BrowserPermissionNeededEvent) => Promise<unknown> | void)],
  ['talk-browser-permission-denied', (s, h) => s.onBrowserPermissionDenied(h)],
];

const NOTIFICATION_CLICKED = 'talk-desktop-notification-clicked';

/** What decides the identity of a session: any change means a new session. */
interface SessionIdentity {
  readonly sdk: TalkSdk;
  readonly appId: string;
  readonly userId: string;
  readonly token: string | undefined;
  readonly signature: string | undefined;
  readonly tokenFetcher: (() => string | Promise<string>) | undefined;
  readonly tokenEndpoint: string | undefined;
}


interface LiveSession {
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
interface StartingSession {
  readonly identity: SessionIdentity;
  user: SessionUser;
  readonly abort: AbortController;
}

function sameIdentity(a: SessionIdentity, b: SessionIdentity): boolean {
  return (Object.keys(a) as (keyof SessionIdentity)[]).every((key) => Object.is(a[key], b[key]));
}

/**
 * Holds one TalkJS session (`Talk.Session`) and provides it, through `@lit/context`, to the
 * `<talk-chatbox>`, `<talk-inbox>` and `<talk-popup>` elements inside it (across shadow roots).
 *
 * The session is created once the SDK is ready and the inputs are valid. Changing `app-id`,
 * `user-id`, `token`, `signature`, `tokenFetcher`, `sdk` or `syncUser` to a different user id
 * destroys the session and creates a new one (never two alive at once). Removing the element
 * destroys its session; moving it within the DOM in one task keeps it.
 *
 * Before the chat elements inside may mount, the kit makes sure of what TalkJS requires: the
 * credentials (`Session.hasValidCredentials()`; `false` reports `invalid-credentials`) and the
 * user ("you cannot mount a Chat UI before creating your user": with `user-*` attributes the
 * user is written with `currentUser.set()` first; with `user-id` alone, a user TalkJS does not
 * know reports `unknown-user`). With a token source and no `token`, the kit fetches the first
 * token itself and creates the session with it (TalkJS calls `tokenFetcher` only for refreshes).
 *
 * `talk-desktop-notification-clicked` is subscribed in TalkJS only while this element itself has a
 * listener for it (`addEventListener`, or a framework's event binding on the element): TalkJS's
 * own default (the currently active inbox jumps to the conversation) applies only when no handler
 * is subscribed, so without a listener the kit leaves that default alone.
 *
 * See https://talkjs.com/docs/UI_Components/JavaScript/Classic/Session/.
 *
 * @tagname talk-session
 * @summary Holds one TalkJS session and provides it to the chat elements inside it.
 *
 * @slot - The page content, with the chat elements that use this session.
 *
 * @fires {CustomEvent<{ session: Talk.Session }>} talk-session-ready - The session was created and is live.
 * @fires {CustomEvent<Talk.Message>} talk-message - `Session.onMessage`: a message was sent or received by the user.
 * @fires {CustomEvent<Talk.UnreadConversation[]>} talk-unreads-change - `Session.unreads.onChange`: the unread conversations (once after load, then on every change).
 * @fires {CustomEvent<Talk.DesktopNotificationClickedEvent>} talk-desktop-notification-clicked - `Session.onDesktopNotificationClicked`. Dispatched (and subscribed in TalkJS) only while a listener for it is added on this element; TalkJS then leaves the conversation switch to you.
 * @fires {CustomEvent<BrowserPermissionNeededDetail>} talk-browser-permission-needed - `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user's action; `detail.waitUntil(promise)` delays the browser's prompt until the promise settles (as the SDK handler's returned promise does).
 * @fires {CustomEvent<Talk.BrowserPermissionDeniedEvent>} talk-browser-permission-denied - `Session.onBrowserPermissionDenied`. While the kit listens, the SDK shows no alert of its own.
 * @fires {CustomEvent<TokenRequiredDetail>} talk-token-required - The session needs a JWT and neither `token`, `tokenFetcher` nor `token-endpoint` gives one. Cancelable: call `preventDefault()` to say you will answer, then `detail.resolve(token)` or `detail.reject(error)`.
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `sdk-load-failed`, `missing-app-id`, `missing-user`, `unknown-user`, `invalid-credentials`, `invalid-attribute`, `token-fetch-failed` or `sdk-error`.
 *
 * @cssstate loading - Until the session is live (loading the SDK, or between two sessions).
 * @cssstate ready - While the session is live.
 * @cssstate error - When no session could be created.
 */
export class TalkSessionElement extends TalkElement {
  static override styles = sessionStyles;
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id', converter: stringAttribute },
    userId: { attribute: 'user-id', converter: stringAttribute },
    token: { converter: stringAttribute },
    signature: { converter: stringAttribute },
    desktopNotificationEnabled: { attribute: 'desktop-notification-enabled', converter: booleanAttribute },
    loadTimeout: { attribute: 'load-timeout', converter: nonNegativeNumberAttribute },
    tokenEndpoint: { attribute: 'token-endpoint', converter: stringAttribute },
    userName: { attribute: 'user-name', converter: stringAttribute },
    userEmail: { attribute: 'user-email', converter: stringAttribute },
    userPhotoUrl: { attribute: 'user-photo-url', converter: stringAttribute },
    userRole: { attribute: 'user-role', converter: stringAttribute },
    userLocale: { attribute: 'user-locale', converter: stringAttribute },
    userWelcomeMessage: { attribute: 'user-welcome-message', converter: stringAttribute },
    userCustom: { attribute: 'user-custom', converter: customDataAttribute },
    syncUser: { attribute: false, converter: objectOrFunctionProperty },
    tokenFetcher: { attribute: false, converter: functionProperty },
    tokenRetry: { attribute: false, converter: tokenRetryProperty },
    sdk: { attribute: false, converter: objectProperty },
  };

  /** Your TalkJS app's ID, from the dashboard's Settings page (`SessionOptions.appId`). Required. */
  declare appId?: string;

  /** The current user's id (`SessionOptions.userId`). Required unless `syncUser` is set. */
  declare userId?: string;

  /**
   * A JWT that authenticates the session (`SessionOptions.token`). See
   * https://talkjs.com/docs/Features/Security/Authentication/. Cannot be combined with `signature`.
   */
  declare token?: string;

  /**
   * Legacy HMAC-SHA256 signature of the user id (`SessionOptions.signature`). Prefer `token`.
   * Cannot be combined with `token`.
   */
  declare signature?: string;

  /**
   * Turns desktop notifications on or off (`Session.setDesktopNotificationEnabled`); absent leaves
   * the user's own choice alone. The string `"false"` means false. Turning them on may show the
   * browser's permission prompt, which browsers block or penalise on page load: unless
   * `Notification.permission` is already `granted`, the kit waits for the next click or key
   * press the page receives (clicks inside TalkJS's frames do not reach the page; the inbox's own
   * notification toggle covers those). A refusal by the browser is reported as `sdk-error`.
   */
  declare desktopNotificationEnabled?: boolean;

  /**
   * How long to wait for the TalkJS SDK to load, in milliseconds, before reporting
   * `sdk-load-failed`. Default 15000.
   */
  loadTimeout: number | undefined = DEFAULT_LOAD_TIMEOUT;

  /**
   * A URL that returns a fresh JWT for the user, for pages without script: the kit `POST`s
   * `{ "userId": … }` as JSON with `credentials: 'same-origin'` and accepts the token as plain text
   * or as JSON `{ "token": "…" }`. Used for the first token (unless `token` is set) and every
   * refresh, retried as `tokenRetry` says; a final failure reports `token-fetch-failed`.
   * Changing it creates a new session.
   */
  declare tokenEndpoint?: string;

  /** The user's name (`Talk.User.name`). Required with any other `user-*` attribute. */
  declare userName?: string;
  /** The user's email address (`Talk.User.email`), for email notifications. */
  declare userEmail?: string;
  /** The URL of the user's photo (`Talk.User.photoUrl`). */
  declare userPhotoUrl?: string;
  /** The user's role (`Talk.User.role`), as configured in the TalkJS dashboard. */
  declare userRole?: string;
  /** The user's locale, an IETF language tag such as `nl-NL` (`Talk.User.locale`). */
  declare userLocale?: string;
  /** The message others see when they start a chat with the user (`Talk.User.welcomeMessage`). */
  declare userWelcomeMessage?: string;
  /** Custom data for the user, as JSON with string values (`Talk.User.custom`). */
  declare userCustom?: Record<string, string | null>;

  /**
   * The user to create or update (`SessionOptions.me`): a `Talk.User`, or a function returning one
   * (called once the SDK is ready, so it may use `new Talk.User(...)`). A different user id
   * creates a new session; other changed fields update the user through
   * `session.currentUser.set()` without a new session.
   */
  declare syncUser?: Talk.User | (() => Talk.User);

  /**
   * Fetches a fresh JWT from your server (`SessionOptions.tokenFetcher`); TalkJS calls it when the
   * token is about to expire. Pass a stable function: a new function creates a new session.
   */
  declare tokenFetcher?: () => string | Promise<string>;

  /**
   * How failed token fetches (`tokenFetcher`, `token-endpoint`, `talk-token-required`) are
   * retried: `{ attempts, baseDelay, maxDelay }` (milliseconds), default `{ attempts: 4, baseDelay:
   * 500, maxDelay: 8000 }`: exponential backoff with full jitter. TalkJS does not retry on its own.
   */
  declare tokenRetry?: Partial<TokenRetry>;

  /**
   * The Talk namespace to use. Defaults to the `talkjs` package (which loads
   * https://cdn.talkjs.com/talk.js); tests and offline demos put the fake from
   * `talkjs-elements/testing` here. Changing it creates a new session.
   */
  declare sdk?: TalkSdk;

  readonly #provider = new ContextProvider(this, { context: sessionContext, initialValue: { status: 'loading' } });
  #live: LiveSession | undefined;
  /** A session waiting for its first token, if any. */
  #starting: StartingSession | undefined;
  /** The SDK load under way, if any (its `source` is the `sdk` property it was started for). */
  #loading: { readonly source: TalkSdk | undefined } | undefined;
  /** This element's own `talk-desktop-notification-clicked` listeners. */
  readonly #clickListeners = new ListenerSet(() => this.#syncNotificationClicks());

  /**
   * The live `Talk.Session`, once its credentials and user are checked (when the chat elements
   * inside may mount); `undefined` while loading, after an error and after removal.
   */
  get session(): SessionLike | undefined {
    return this.#live?.ready ? this.#live.session : undefined;
  }

  /**
   * The session's unread conversations as TalkJS last reported them (`Session.unreads.onChange`,
   * subscribed once per session and kept here), or `undefined` before the first report and
   * without a session. A `<talk-unread-badge>` added later shows this list at once.
   */
  get unreads(): Talk.UnreadConversation[] | undefined {
    return this.#live?.unreads.current;
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
    // After a removal (teardown) the element starts afresh when connected again.
    if (this.hasUpdated) this.requestUpdate();
  }

  /**
   * As `EventTarget.addEventListener`; a listener for `talk-desktop-notification-clicked`
   * subscribes the session's `onDesktopNotificationClicked` (see the class description).
   */
  override addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
    if (type === NOTIFICATION_CLICKED) this.#clickListeners.add(listener, options);
  }

  /** As `EventTarget.removeEventListener`. */
  override removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
    if (type === NOTIFICATION_CLICKED) this.#clickListeners.remove(listener, options);
  }

  protected override shadowContent(): Node[] {
    return [slot()];
  }

  protected override updated(): void {
    this.#reconcile();
  }

  protected override teardown(): void {
    this.#loading = undefined;
    this.#end();
    this.setStatus('loading');
  }

  #publish(value: SessionContextValue): void {
    this.#provider.setValue(value);
  }

  #fail(error: TalkErrorDetail): void {
    this.#end();
    this.#publish({ status: 'error', error });
    this.setStatus('error');
  }

  /** Brings the session in line with the current properties. Never throws. */
  #reconcile(): void {
    if (!this.isConnected) return;
    const problem = this.#findProblem();
    if (problem) {
      this.#loading = undefined;
      this.#fail(problem);
      return;
    }
    const sdk = readySdk(this.sdk);
    if (sdk) {
      this.#loading = undefined;
      this.#reconcileWith(sdk);
    } else {
      this.#waitForSdk();
    }
  }

  /** Starts loading the SDK (unless that load is already under way), then reconciles again. */
  #waitForSdk(): void {
    this.#end();
    if (this.#loading && this.#loading.source === this.sdk) return;
    const loading = { source: this.sdk };
    this.#loading = loading;
    this.#publish({ status: 'loading' });
    this.setStatus('loading');
    loadSdk(this.sdk, this.loadTimeout ?? DEFAULT_LOAD_TIMEOUT).then(
      () => {
        if (this.#loading !== loading) return;
        this.#loading = undefined;
        this.#reconcile();
      },
      (cause: unknown) => {
        if (this.#loading !== loading) return;
        this.#loading = undefined;
        if (!this.isConnected) return;
        const detail: TalkErrorDetail = {
          code: 'sdk-load-failed',
          message: `could not load the TalkJS SDK: ${cause instanceof Error ? cause.message : String(cause)} (load-timeout=${this.loadTimeout ?? DEFAULT_LOAD_TIMEOUT} ms).`,
          attribute: 'load-timeout',
          cause,
        };
        this.report(detail);
        this.#fail(detail);
      },
    );
  }

  /** With a ready SDK: keep, update or replace the session. */
  #reconcileWith(sdk: TalkSdk): void {
    const incomplete = this.findProblem('loaded-sdk', () => [
      [
        typeof sdk.Session !== 'function' || typeof sdk.User !== 'function' || typeof sdk.oneOnOneId !== 'function',
        { code: 'invalid-attribute', attribute: 'sdk', message: 'sdk is ready but is not a Talk namespace: it has no Session, User or oneOnOneId.' },
      ],
    ]);
    if (incomplete) {
      this.#fail(incomplete);
      return;
    }
    const user = this.#resolveUser();
    if (user === null) return;
    const identity: SessionIdentity = {
      sdk,
      appId: this.appId!.trim(),
      userId: user.me ? String(user.me.id) : this.userId!.trim(),
      token: blank(this.token) ? undefined : this.token,
      signature: blank(this.signature) ? undefined : this.signature,
      tokenFetcher: this.tokenFetcher ?? undefined,
      tokenEndpoint: blank(this.tokenEndpoint) ? undefined : this.tokenEndpoint!.trim(),
    };
    const live = this.#live;
    // A session destroyed behind the kit's back (isAlive false) is replaced, never called into.
    if (live && sameIdentity(live.identity, identity) && live.session.isAlive) {
      live.wanted = user;
      if (live.ready) {
        this.#updateUser(live);
        live.notifications.set(this.desktopNotificationEnabled);
      }
      return;
    }
    if (this.#starting && sameIdentity(this.#starting.identity, identity)) {
      this.#starting.user = user;
      return;
    }
    this.#end();
    this.#start(identity, user);
  }

  /**
   * The user to sync: `me` from `syncUser`, or `data` from the `user-*` attributes, or neither
   * (the session uses `user-id`); `null` after reporting a problem.
   */
  #resolveUser(): SessionUser | null {
    if (!this.syncUser) return blank(this.userName) ? {} : { data: userDataFromAttributes(this) };
    let me: Talk.User;
    try {
      me = typeof this.syncUser === 'function' ? this.syncUser() : this.syncUser;
    } catch (cause) {
      const detail = { code: 'invalid-attribute', attribute: 'syncUser', message: 'syncUser: could not make the Talk.User.', cause } as const;
      this.report(detail);
      this.#fail(detail);
      return null;
    }
    const problem = this.#checkUser(me);
    if (problem) {
      this.#fail(problem);
      return null;
    }
    return { me };
  }

  /**
   * Starts a session: with a token source and no `token`, fetches the first token first (TalkJS
   * only promises to call `tokenFetcher` when a token is about to expire), then creates it.
   */
  #start(identity: SessionIdentity, user: SessionUser): void {
    const abort = new AbortController();
    const fetcher = this.#tokenFetcher(identity, abort.signal);
    if (!fetcher || identity.token !== undefined) {
      this.#create(identity, user, abort, fetcher, identity.token);
      return;
    }
    const starting: StartingSession = { identity, user, abort };
    this.#starting = starting;
    this.#publish({ status: 'loading' });
    this.setStatus('loading');
    fetcher().then(
      (token) => {
        if (this.#starting !== starting) return;
        this.#starting = undefined;
        this.#create(identity, starting.user, abort, fetcher, token);
      },
      (cause: unknown) => {
        if (this.#starting !== starting) return;
        this.#starting = undefined;
        // The fetcher has reported token-fetch-failed already.
        this.#fail({ code: 'token-fetch-failed', message: 'could not get the first token.', cause });
      },
    );
  }

  #create(identity: SessionIdentity, user: SessionUser, abort: AbortController, fetcher: (() => Promise<string>) | undefined, token: string | undefined): void {
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
      abort.abort();
      this.reportSdkError('new Talk.Session()', cause);
      this.#fail({ code: 'sdk-error', message: 'new Talk.Session() failed.', cause });
      return;
    }
    const unreads = new UnreadsStore();
    let subscriptions: Subscription[];
    try {
      subscriptions = subscribeRoutes(session, SESSION_ROUTES, (name, arg) => this.#onSessionEvent(name, arg, unreads));
    } catch (cause) {
      abort.abort();
      this.#destroySession(session);
      this.reportSdkError('Talk.Session event subscription', cause);
      this.#fail({ code: 'sdk-error', message: 'Talk.Session event subscription failed.', cause });
      return;
    }
    const live: LiveSession = {
      identity,
      session,
      subscriptions,
      unreads,
      ready: false,
      userData: user.me ? userData(user.me) : undefined,
      wanted: user,
      notifications: new DesktopNotificationSwitch(session, this.ownerDocument, (cause) => {
        if (this.#live === live) this.reportSdkError('Session.setDesktopNotificationEnabled()', cause, 'desktop-notification-enabled');
      }),
      notificationClicks: undefined,
      abort,
    };
    this.#live = live;
    this.setStatus('loading');
    this.#syncNotificationClicks();
    this.#check(live, user);
  }

  /**
   * Checks what TalkJS needs before any UI mounts, both at once: the credentials
   * (`hasValidCredentials()`, which never rejects) and the user (written with `currentUser.set`
   * from the `user-*` attributes, or looked up with `currentUser.get` for `user-id` alone). Then
   * the session is ready: published to the chat elements, `talk-session-ready`.
   */
  #check(live: LiveSession, user: SessionUser): void {
    const { session } = live;
    void checkSession(session, user, live.identity).then((problem) => {
      if (this.#live !== live || !session.isAlive) return;
      if (problem) {
        this.report(problem);
        this.#fail(problem);
        return;
      }
      if (user.data) live.userData = user.data;
      live.ready = true;
      this.#updateUser(live);
      live.notifications.set(this.desktopNotificationEnabled);
      this.#publish({ status: 'ready', session, sdk: live.identity.sdk, unreads: live.unreads });
      this.setStatus('ready');
      this.emit('talk-session-ready', { session });
    });
  }

  /** The `tokenFetcher` the kit gives TalkJS for `identity`, if any (see `sessionTokenFetcher`). */
  #tokenFetcher(identity: SessionIdentity, signal: AbortSignal): (() => Promise<string>) | undefined {
    return sessionTokenFetcher({
      ...identity,
      retry: { ...DEFAULT_TOKEN_RETRY, ...this.tokenRetry },
      signal,
      ask: (detail) => this.emit('talk-token-required', detail, { cancelable: true }).defaultPrevented,
      onFailure: (source, cause) => {
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.report({ code: 'token-fetch-failed', attribute: source, message: `could not get a token from ${source}: ${reason}`, cause });
      },
    });
  }

  /** Re-dispatches a session callback; returns what the SDK should get back (a permission handler's promise). */
  #onSessionEvent(name: TalkEventName, arg: unknown, unreads: UnreadsStore): unknown {
    if (name === 'talk-unreads-change') unreads.set(arg as Talk.UnreadConversation[]);
    if (name !== 'talk-browser-permission-needed') {
      this.relay(name, arg);
      return undefined;
    }
    const event = arg as Talk.BrowserPermissionNeededEvent;
    const waits: PromiseLike<unknown>[] = [];
    const detail: BrowserPermissionNeededDetail = {
      ...event,
      type: event.type,
      preventDefault: () => event.preventDefault(),
      waitUntil: (promise) => void waits.push(promise),
    };
    this.relay(name, detail);
    // The prompt waits for the page's promises; a rejection is the page's business, not a reason to block.
    return waits.length > 0 ? Promise.allSettled(waits).then(() => undefined) : undefined;
  }

  /** Subscribes `onDesktopNotificationClicked` while the session is live and this element has a listener for it; unsubscribes otherwise. */
  #syncNotificationClicks(): void {
    const live = this.#live;
    if (!live) return;
    const wanted = this.#clickListeners.size > 0;
    if (wanted && !live.notificationClicks) {
      try {
        live.notificationClicks = live.session.onDesktopNotificationClicked((event) => void this.relay(NOTIFICATION_CLICKED, event));
      } catch (cause) {
        this.reportSdkError('Session.onDesktopNotificationClicked()', cause);
      }
    } else if (!wanted && live.notificationClicks) {
      unsubscribeAll([live.notificationClicks]);
      live.notificationClicks = undefined;
    }
  }

  /** Sends the user's changed fields (`currentUser.set`), with `null` for the fields no longer set. */
  #updateUser(live: LiveSession): void {
    const { me, data: attributes } = live.wanted;
    const data = me ? userData(me) : attributes;
    if (!data || sameData(data, live.userData)) return;
    const patch = clearingPatch(live.userData, data);
    live.userData = data;
    this.guard('Session.currentUser.set()', () => live.session.currentUser.set(patch));
  }

  /** Unsubscribes and destroys the live session (or stops a start under way), after telling consumers it is gone. */
  #end(): void {
    const starting = this.#starting;
    if (starting) {
      this.#starting = undefined;
      starting.abort.abort();
    }
    const live = this.#live;
    if (!live) return;
    this.#live = undefined;
    // Consumers drop their UI objects first, so none outlives the session it belongs to.
    this.#publish({ status: 'loading' });
    live.abort.abort();
    live.notifications.cancel();
    live.unreads.clear();
    unsubscribeAll(live.notificationClicks ? [...live.subscriptions, live.notificationClicks] : live.subscriptions);
    this.#destroySession(live.session);
  }

  #destroySession(session: SessionLike): void {
    try {
      if (session.isAlive) session.destroy();
    } catch (cause) {
      this.reportSdkError('Session.destroy()', cause);
    }
  }

  /** The first problem with the inputs, reported once; `undefined` when all is well. */
  #findProblem(): TalkErrorDetail | undefined {
    const self = this as unknown as Record<string, unknown>;
    const userProperty = Object.keys(USER_ATTRIBUTES).find((key) => self[key] !== undefined && self[key] !== null);
    const userAttribute = userProperty && attributeName(userProperty);
    return this.findProblem('session', () => [
      [
        blank(this.appId),
        { code: 'missing-app-id', attribute: 'app-id', message: 'app-id is required: your TalkJS app ID, from the Settings page of the dashboard.' },
      ],
      [blank(this.userId) && !this.syncUser, { code: 'missing-user', attribute: 'user-id', message: 'user-id is required (or set the syncUser property).' }],
      [
        !blank(this.token) && !blank(this.signature),
        { code: 'invalid-attribute', attribute: 'signature', message: 'token and signature cannot both be set: use token (JWT) alone.' },
      ],
      [
        !blank(this.signature) && (this.tokenFetcher || !blank(this.tokenEndpoint)),
        {
          code: 'invalid-attribute',
          attribute: 'signature',
          message: `signature cannot be combined with ${this.tokenFetcher ? 'the tokenFetcher property' : 'token-endpoint'}: use tokens (JWT) alone.`,
        },
      ],
      [
        this.tokenFetcher && !blank(this.tokenEndpoint),
        { code: 'invalid-attribute', attribute: 'token-endpoint', message: 'token-endpoint and the tokenFetcher property cannot both be set: use one.' },
      ],
      [
        !blank(this.tokenEndpoint) && !URL.canParse(this.tokenEndpoint!.trim(), document.baseURI),
        { code: 'invalid-attribute', attribute: 'token-endpoint', message: `token-endpoint="${this.tokenEndpoint}" is not a URL.` },
      ],
      [
        this.syncUser && userProperty,
        { code: 'invalid-attribute', attribute: userAttribute, message: `${userAttribute} and the syncUser property cannot both be set: use one.` },
      ],
      [
        !this.syncUser && userProperty && blank(this.userName),
        { code: 'invalid-attribute', attribute: 'user-name', message: `user-name is required with ${userAttribute} (TalkJS users need a name).` },
      ],
      [
        this.sdk && typeof (this.sdk.ready as { then?: unknown } | undefined)?.then !== 'function',
        { code: 'invalid-attribute', attribute: 'sdk', message: 'sdk must be a Talk namespace (with ready, Session, User and oneOnOneId).' },
      ],
    ]);
  }

  /** Checks the user that syncUser gave, against user-id too. */
  #checkUser(me: Talk.User): TalkErrorDetail | undefined {
    const id = me?.id as unknown;
    const bad = typeof me !== 'object' || (typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '';
    return this.findProblem('user', () => [
      [bad, { code: 'invalid-attribute', attribute: 'syncUser', message: 'syncUser must be a Talk.User (or a function returning one) with an id.' }],
      [
        !bad && !blank(this.userId) && this.userId!.trim() !== String(id),
        {
          code: 'invalid-attribute',
          attribute: 'user-id',
          message: `user-id="${this.userId}" conflicts with syncUser, whose id is "${String(id)}": set one of them.`,
        },
      ],
    ]);
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'talk-session': TalkSessionElement;
  }
}
