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
import { subscribeRoutes, unsubscribeAll, type EventRoute } from '../../internal/events.js';
import { loadSdk, readySdk } from '../../internal/sdk-loader.js';
import type { SessionLike, Subscription, Talk, TalkSdk } from '../../internal/sdk-types.js';
import { TalkElement, slot } from '../../internal/talk-element.js';
import {
  DEFAULT_TOKEN_RETRY,
  FinalTokenError,
  fetchTokenFromEndpoint,
  fetchWithRetry,
  type TokenRetry,
} from '../../internal/token-fetch.js';
import { sessionStyles } from './talk-session.styles.js';

/** `load-timeout` when the attribute is absent: 15 000 ms. */
export const DEFAULT_LOAD_TIMEOUT = 15_000;

/** The SDK callbacks `<talk-session>` re-dispatches, by DOM event name. */
const SESSION_ROUTES: ReadonlyArray<EventRoute<SessionLike>> = [
  ['talk-message', (s, h) => s.onMessage(h)],
  ['talk-unreads-change', (s, h) => s.unreads.onChange(h)],
  ['talk-desktop-notification-clicked', (s, h) => s.onDesktopNotificationClicked(h)],
  ['talk-browser-permission-needed', (s, h) => s.onBrowserPermissionNeeded(h)],
  ['talk-browser-permission-denied', (s, h) => s.onBrowserPermissionDenied(h)],
];

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

/** Where a session's tokens come from: the `tokenFetcher` property, `token-endpoint`, or `talk-token-required` listeners. */
type TokenSource = 'tokenFetcher' | 'token-endpoint' | 'talk-token-required';

/** The `user-*` attributes and the `Talk.User` fields they set. */
const USER_ATTRIBUTES = {
  userName: 'name',
  userEmail: 'email',
  userPhotoUrl: 'photoUrl',
  userRole: 'role',
  userLocale: 'locale',
  userWelcomeMessage: 'welcomeMessage',
  userCustom: 'custom',
} as const;

interface LiveSession {
  readonly identity: SessionIdentity;
  readonly session: SessionLike;
  readonly subscriptions: Subscription[];
  /** The user data last sent for this session's user (`me` option or `currentUser.set`). */
  userData: Talk.SetUserParams | undefined;
  /** The last value passed to `setDesktopNotificationEnabled`. */
  desktopNotificationEnabled: boolean | undefined;
  /** Aborted when the session goes: stops token retries. */
  readonly abort: AbortController;
}

function sameIdentity(a: SessionIdentity, b: SessionIdentity): boolean {
  return (Object.keys(a) as (keyof SessionIdentity)[]).every((key) => Object.is(a[key], b[key]));
}

/** The user fields `Talk.User` carries that `UserRef.set()` can update. */
function userData(user: Talk.User): Talk.SetUserParams {
  const data: Record<string, unknown> = {};
  for (const key of ['name', 'email', 'phone', 'photoUrl', 'welcomeMessage', 'role', 'locale', 'custom'] as const) {
    if (user[key] !== undefined) data[key] = user[key];
  }
  return data as Talk.SetUserParams;
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
 * @fires {CustomEvent<Talk.DesktopNotificationClickedEvent>} talk-desktop-notification-clicked - `Session.onDesktopNotificationClicked`. Cancelable; if not prevented, the session's first inbox selects the conversation, as the SDK does by default.
 * @fires {CustomEvent<Talk.BrowserPermissionNeededEvent>} talk-browser-permission-needed - `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user's action.
 * @fires {CustomEvent<Talk.BrowserPermissionDeniedEvent>} talk-browser-permission-denied - `Session.onBrowserPermissionDenied`. While the kit listens, the SDK shows no alert of its own.
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `sdk-load-failed`, `missing-app-id`, `missing-user`, `invalid-attribute`, `token-fetch-failed` or `sdk-error`.
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
   * the user's own choice alone. The string `"false"` means false. A refusal by the browser is
   * reported as `sdk-error`.
   */
  declare desktopNotificationEnabled?: boolean;

  /**
   * How long to wait for the TalkJS SDK to load, in milliseconds, before reporting
   * `sdk-load-failed`. Default 15000.
   */
  loadTimeout: number = DEFAULT_LOAD_TIMEOUT;

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
  /** The SDK load under way, if any (its `source` is the `sdk` property it was started for). */
  #loading: { readonly source: TalkSdk | undefined } | undefined;

  /** The live `Talk.Session`; `undefined` while loading, after an error and after removal. */
  get session(): SessionLike | undefined {
    return this.#live?.session;
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
    // After a removal (teardown) the element starts afresh when connected again.
    if (this.hasUpdated) this.requestUpdate();
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
    const me = this.#resolveUser(sdk);
    if (me === null) return;
    const identity: SessionIdentity = {
      sdk,
      appId: this.appId!.trim(),
      userId: me ? String(me.id) : this.userId!.trim(),
      token: blank(this.token) ? undefined : this.token,
      signature: blank(this.signature) ? undefined : this.signature,
      tokenFetcher: this.tokenFetcher ?? undefined,
      tokenEndpoint: blank(this.tokenEndpoint) ? undefined : this.tokenEndpoint!.trim(),
    };
    const live = this.#live;
    // A session destroyed behind the kit's back (isAlive false) is replaced, never called into.
    if (live && sameIdentity(live.identity, identity) && live.session.isAlive) {
      this.#updateUser(live, me);
      this.#applyDesktopNotifications(live);
      return;
    }
    this.#end();
    this.#create(identity, me);
  }

  /**
   * The user to sync: from `syncUser`, or built from the `user-*` attributes; `undefined` when
   * there is none (the session uses `user-id`), `null` after reporting a problem.
   */
  #resolveUser(sdk: TalkSdk): Talk.User | undefined | null {
    let me: Talk.User | undefined;
    try {
      if (this.syncUser) me = typeof this.syncUser === 'function' ? this.syncUser() : this.syncUser;
      else if (!blank(this.userName)) me = new sdk.User(this.#userOptions());
    } catch (cause) {
      const attribute = this.syncUser ? 'syncUser' : 'user-name';
      const detail = { code: 'invalid-attribute', attribute, message: `${attribute}: could not make the Talk.User.`, cause } as const;
      this.report(detail);
      this.#fail(detail);
      return null;
    }
    if (!me && !this.syncUser) return undefined;
    const problem = this.#checkUser(me!);
    if (problem) {
      this.#fail(problem);
      return null;
    }
    return me;
  }

  /** `Talk.UserOptions` from `user-id` and the `user-*` attributes that are set. */
  #userOptions(): Talk.UserOptions {
    const options: Record<string, unknown> = { id: this.userId!.trim() };
    for (const [property, field] of Object.entries(USER_ATTRIBUTES)) {
      const value = (this as unknown as Record<string, unknown>)[property];
      if (value !== undefined && value !== null) options[field] = value;
    }
    return options as unknown as Talk.UserOptions;
  }

  #create(identity: SessionIdentity, me: Talk.User | undefined): void {
    const options: Talk.SessionOptions = { appId: identity.appId };
    if (me) options.me = me;
    else options.userId = identity.userId;
    if (identity.token !== undefined) options.token = identity.token;
    if (identity.signature !== undefined) options.signature = identity.signature;
    const abort = new AbortController();
    const tokenFetcher = this.#tokenFetcher(identity, abort.signal);
    if (tokenFetcher) options.tokenFetcher = tokenFetcher;

    let session: SessionLike;
    try {
      session = new identity.sdk.Session(options);
    } catch (cause) {
      abort.abort();
      this.reportSdkError('new Talk.Session()', cause);
      this.#fail({ code: 'sdk-error', message: 'new Talk.Session() failed.', cause });
      return;
    }
    let subscriptions: Subscription[];
    try {
      subscriptions = subscribeRoutes(session, SESSION_ROUTES, (name, arg) => this.#onSessionEvent(name, arg));
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
      userData: me ? userData(me) : undefined,
      desktopNotificationEnabled: undefined,
      abort,
    };
    this.#live = live;
    this.#applyDesktopNotifications(live);
    this.#publish({ status: 'ready', session, sdk: identity.sdk });
    this.setStatus('ready');
    this.emit('talk-session-ready', { session });
  }

  /**
   * The `tokenFetcher` the kit gives TalkJS, if any: it gets tokens from the `tokenFetcher`
   * property, else `token-endpoint`, else `talk-token-required` listeners, with retries, and
   * reports `token-fetch-failed` when all attempts failed. With no source and no credentials,
   * a cancelable `talk-token-required` is dispatched now: if a listener takes it
   * (`preventDefault()`), its answer is the first token; if not, the session has no auth (fine
   * for development apps without authentication).
   */
  #tokenFetcher(identity: SessionIdentity, signal: AbortSignal): (() => Promise<string>) | undefined {
    const source: TokenSource = identity.tokenFetcher ? 'tokenFetcher' : identity.tokenEndpoint ? 'token-endpoint' : 'talk-token-required';
    let first: Promise<string> | undefined;
    if (source === 'talk-token-required' && identity.token === undefined) {
      if (identity.signature !== undefined) return undefined;
      first = this.#askForToken(identity.userId);
      if (!first) return undefined;
      first.catch(() => undefined); // consumed by the first fetch below
    }
    const once = (): Promise<string> => {
      if (first) {
        const answer = first;
        first = undefined;
        return answer;
      }
      if (source === 'tokenFetcher') return Promise.resolve().then(() => identity.tokenFetcher!());
      if (source === 'token-endpoint') return fetchTokenFromEndpoint(identity.tokenEndpoint!, identity.userId, signal);
      return this.#askForToken(identity.userId) ?? Promise.reject(new FinalTokenError('no listener answered talk-token-required'));
    };
    const retry = { ...DEFAULT_TOKEN_RETRY, ...this.tokenRetry };
    return () =>
      fetchWithRetry(once, retry, signal).catch((cause: unknown) => {
        if (!signal.aborted) {
          const reason = cause instanceof Error ? cause.message : String(cause);
          this.report({ code: 'token-fetch-failed', attribute: source, message: `could not get a token from ${source}: ${reason}`, cause });
        }
        throw cause;
      });
  }

  /**
   * Dispatches a cancelable `talk-token-required`. Returns the listener's answer, or `undefined`
   * when no listener called `preventDefault()` (so none will answer).
   */
  #askForToken(userId: string): Promise<string> | undefined {
    let answer!: { resolve(token: string): void; reject(error?: unknown): void };
    const promise = new Promise<string>((resolve, reject) => {
      let settled = false;
      answer = {
        resolve: (token) => (settled ? undefined : ((settled = true), resolve(token))),
        reject: (error) => (settled ? undefined : ((settled = true), reject(error ?? new Error('a talk-token-required listener rejected')))),
      };
    });
    const event = this.emit('talk-token-required', { userId, ...answer }, { cancelable: true });
    return event.defaultPrevented ? promise : undefined;
  }

  #onSessionEvent(name: Parameters<TalkElement['emit']>[0], arg: unknown): void {
    const clicked = name === 'talk-desktop-notification-clicked';
    const event = this.relay(name, arg, clicked);
    if (clicked && event && !event.defaultPrevented) {
      // The SDK's default, which the kit's subscription turned off: the inbox jumps to the conversation.
      const conversationId = (arg as Talk.DesktopNotificationClickedEvent | undefined)?.conversation?.id;
      const inbox = this.#live?.session.getInboxes()[0];
      if (inbox && conversationId) this.guard('Inbox.select()', () => inbox.select(conversationId));
    }
  }

  #updateUser(live: LiveSession, me: Talk.User | undefined): void {
    if (!me) return;
    const data = userData(me);
    if (sameData(data, live.userData)) return;
    live.userData = data;
    this.guard('Session.currentUser.set()', () => live.session.currentUser.set(data));
  }

  #applyDesktopNotifications(live: LiveSession): void {
    const enabled = this.desktopNotificationEnabled;
    if (enabled === undefined || enabled === null || enabled === live.desktopNotificationEnabled) return;
    live.desktopNotificationEnabled = enabled;
    try {
      live.session.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
        if (this.#live === live) this.reportSdkError('Session.setDesktopNotificationEnabled()', cause, 'desktop-notification-enabled');
      });
    } catch (cause) {
      this.reportSdkError('Session.setDesktopNotificationEnabled()', cause, 'desktop-notification-enabled');
    }
  }

  /** Unsubscribes and destroys the live session, after telling consumers it is gone. */
  #end(): void {
    const live = this.#live;
    if (!live) return;
    this.#live = undefined;
    // Consumers drop their UI objects first, so none outlives the session it belongs to.
    this.#publish({ status: 'loading' });
    live.abort.abort();
    unsubscribeAll(live.subscriptions);
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
        this.sdk && typeof this.sdk.Session !== 'function',
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
