import type { PropertyDeclarations } from '@lit/reactive-element';
import { ContextProvider } from '@lit/context';
import { sameData } from '../../internal/same-data.js';
import { sessionContext, ensureContextRoot, type SessionContextValue } from '../../internal/context.js';
import {
  booleanAttribute,
  functionProperty,
  nonNegativeNumberAttribute,
  objectOrFunctionProperty,
  objectProperty,
  stringAttribute,
} from '../../internal/converters.js';
import type { TalkErrorDetail } from '../../internal/errors.js';
import { subscribeRoutes, unsubscribeAll, type EventRoute } from '../../internal/events.js';
import { loadSdk, readySdk } from '../../internal/sdk-loader.js';
import type { SessionLike, Subscription, Talk, TalkSdk } from '../../internal/sdk-types.js';
import { TalkElement, slot } from '../../internal/talk-element.js';
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
}

interface LiveSession {
  readonly identity: SessionIdentity;
  readonly session: SessionLike;
  readonly subscriptions: Subscription[];
  /** The user data last sent for this session's user (`me` option or `currentUser.set`). */
  userData: Talk.SetUserParams | undefined;
  /** The last value passed to `setDesktopNotificationEnabled`. */
  desktopNotificationEnabled: boolean | undefined;
}

function sameIdentity(a: SessionIdentity, b: SessionIdentity): boolean {
  return (Object.keys(a) as (keyof SessionIdentity)[]).every((key) => Object.is(a[key], b[key]));
}

function blank(value: string | undefined | null): boolean {
  return value === undefined || value === null || value.trim() === '';
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
    syncUser: { attribute: false, converter: objectOrFunctionProperty },
    tokenFetcher: { attribute: false, converter: functionProperty },
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
    let me: Talk.User | undefined;
    if (this.syncUser) {
      try {
        me = typeof this.syncUser === 'function' ? this.syncUser() : this.syncUser;
      } catch (cause) {
        const detail = { code: 'invalid-attribute', attribute: 'syncUser', message: 'syncUser() threw.', cause } as const;
        this.report(detail);
        this.#fail(detail);
        return;
      }
      const problem = this.#checkUser(me);
      if (problem) {
        this.#fail(problem);
        return;
      }
    }
    const identity: SessionIdentity = {
      sdk,
      appId: this.appId!.trim(),
      userId: me ? String(me.id) : this.userId!.trim(),
      token: blank(this.token) ? undefined : this.token,
      signature: blank(this.signature) ? undefined : this.signature,
      tokenFetcher: this.tokenFetcher ?? undefined,
    };
    const live = this.#live;
    if (live && sameIdentity(live.identity, identity)) {
      this.#updateUser(live, me);
      this.#applyDesktopNotifications(live);
      return;
    }
    this.#end();
    this.#create(identity, me);
  }

  #create(identity: SessionIdentity, me: Talk.User | undefined): void {
    const options: Talk.SessionOptions = { appId: identity.appId };
    if (me) options.me = me;
    else options.userId = identity.userId;
    if (identity.token !== undefined) options.token = identity.token;
    if (identity.signature !== undefined) options.signature = identity.signature;
    if (identity.tokenFetcher) options.tokenFetcher = identity.tokenFetcher;

    let session: SessionLike;
    try {
      session = new identity.sdk.Session(options);
    } catch (cause) {
      this.reportSdkError('new Talk.Session()', cause);
      this.#fail({ code: 'sdk-error', message: 'new Talk.Session() failed.', cause });
      return;
    }
    let subscriptions: Subscription[];
    try {
      subscriptions = subscribeRoutes(session, SESSION_ROUTES, (name, arg) => this.#onSessionEvent(name, arg));
    } catch (cause) {
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
    };
    this.#live = live;
    this.#applyDesktopNotifications(live);
    this.#publish({ status: 'ready', session, sdk: identity.sdk });
    this.setStatus('ready');
    this.emit('talk-session-ready', { session });
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
    unsubscribeAll(live.subscriptions);
    this.#destroySession(live.session);
  }

  #destroySession(session: SessionLike): void {
    try {
      session.destroy();
    } catch (cause) {
      this.reportSdkError('Session.destroy()', cause);
    }
  }

  /** The first problem with the inputs, reported once; `undefined` when all is well. */
  #findProblem(): TalkErrorDetail | undefined {
    const invalid = this.checkInputs()[0];
    if (invalid) return invalid;
    if (blank(this.appId)) {
      return this.reportInputOnce('app-id', this.appId, {
        code: 'missing-app-id',
        attribute: 'app-id',
        message: 'app-id is required: your TalkJS app ID, from the Settings page of the dashboard.',
      });
    }
    this.clearReportedInput('app-id');
    if (blank(this.userId) && !this.syncUser) {
      return this.reportInputOnce('user-id', this.userId, {
        code: 'missing-user',
        attribute: 'user-id',
        message: 'user-id is required (or set the syncUser property).',
      });
    }
    this.clearReportedInput('user-id');
    if (!blank(this.token) && !blank(this.signature)) {
      return this.reportInputOnce('signature', this.signature, {
        code: 'invalid-attribute',
        attribute: 'signature',
        message: 'token and signature cannot both be set: use token (JWT) alone.',
      });
    }
    this.clearReportedInput('signature');
    if (this.sdk && typeof this.sdk.Session !== 'function') {
      return this.reportInputOnce('sdk', this.sdk, {
        code: 'invalid-attribute',
        attribute: 'sdk',
        message: 'sdk must be a Talk namespace (with ready, Session, User and oneOnOneId).',
      });
    }
    this.clearReportedInput('sdk');
    return undefined;
  }

  /** Checks the user that syncUser gave, against user-id too. */
  #checkUser(me: Talk.User | undefined): TalkErrorDetail | undefined {
    const id = me?.id as unknown;
    if (!me || typeof me !== 'object' || (typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
      return this.reportInputOnce('syncUser', me, {
        code: 'invalid-attribute',
        attribute: 'syncUser',
        message: 'syncUser must be a Talk.User (or a function returning one) with an id.',
      });
    }
    this.clearReportedInput('syncUser');
    if (!blank(this.userId) && this.userId!.trim() !== String(id)) {
      return this.reportInputOnce('user-id+syncUser', `${this.userId}|${String(id)}`, {
        code: 'invalid-attribute',
        attribute: 'user-id',
        message: `user-id="${this.userId}" conflicts with syncUser, whose id is "${String(id)}": set one of them.`,
      });
    }
    this.clearReportedInput('user-id+syncUser');
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-session': TalkSessionElement;
  }
}
