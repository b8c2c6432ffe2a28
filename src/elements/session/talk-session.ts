import { ContextProvider } from '@lit/context';
import { sameData } from '../../internal/same-data.js';
import { sessionContext, ensureContextRoot, type SessionContextValue } from '../../internal/context.js';
import { blank } from '../../internal/converters.js';
import type { TalkErrorDetail } from '../../internal/errors.js';
import { permissionNeededDetail, subscribeRoutes, unsubscribeAll, type EventRoute, type TalkEventName } from '../../internal/events.js';
import { clearingPatch } from '../../internal/patch.js';
import { loadSdk, readySdk } from '../../internal/sdk-loader.js';
import type { SessionLike, Subscription, Talk, TalkSdk } from '../../internal/sdk-types.js';
import { slot } from '../../internal/talk-element.js';
import { DEFAULT_TOKEN_RETRY } from '../../internal/token-fetch.js';
import { ListenerSet } from '../../internal/listener-set.js';
import { userData, userDataFromAttributes, type SessionUser } from '../../internal/session-checks.js';
import { endLiveSession, sameIdentity, type LiveSession, type SessionIdentity } from '../../internal/live-session.js';
import { holdSession, type SessionHolder } from '../../internal/shared-sessions.js';
import { DEFAULT_LOAD_TIMEOUT, TalkSessionProperties, sessionRules, syncUserRules } from '../../internal/session-properties.js';
import { sessionStyles } from './talk-session.styles.js';

export { DEFAULT_LOAD_TIMEOUT };

/** The SDK callbacks `<talk-session>` always re-dispatches (not notification clicks: see that event). */
export const SESSION_ROUTES: ReadonlyArray<EventRoute<SessionLike>> = [
  ['talk-message', (s, h) => s.onMessage(h)],
  ['talk-unreads-change', (s, h) => s.unreads.onChange(h)],
  ['talk-browser-permission-needed', (s, h) => s.onBrowserPermissionNeeded(h as (event: Talk.BrowserPermissionNeededEvent) => Promise<unknown> | void)],
  ['talk-browser-permission-denied', (s, h) => s.onBrowserPermissionDenied(h)],
];

/** The routes each element subscribes itself; the unread list comes from the session's one subscription (`SharedSession.unreads`). */
const ELEMENT_ROUTES = SESSION_ROUTES.filter(([name]) => name !== 'talk-unreads-change');

const NOTIFICATION_CLICKED = 'talk-desktop-notification-clicked';

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
 * @fires {CustomEvent<Talk.DesktopNotificationClickedEvent>} talk-desktop-notification-clicked - `Session.onDesktopNotificationClicked`. Subscribed in TalkJS (and dispatched) only while a listener for it is added on this element itself (`addEventListener` or a framework binding; not a `document` listener): any SDK handler turns off TalkJS's default (the active inbox jumps to the conversation), which then is yours to do.
 * @fires {CustomEvent<BrowserPermissionNeededDetail>} talk-browser-permission-needed - `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user's action; `detail.waitUntil(promise)` delays the browser's prompt until the promise settles (as the SDK handler's returned promise does).
 * @fires {CustomEvent<Talk.BrowserPermissionDeniedEvent>} talk-browser-permission-denied - `Session.onBrowserPermissionDenied`. While the kit listens, the SDK shows no alert of its own.
 * @fires {CustomEvent<TokenRequiredDetail>} talk-token-required - The session needs a JWT and neither `token`, `tokenFetcher` nor `token-endpoint` gives one. Cancelable: call `preventDefault()` to say you will answer, then `detail.resolve(token)` or `detail.reject(error)`.
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `sdk-load-failed`, `missing-app-id`, `missing-user`, `unknown-user`, `invalid-credentials`, `invalid-attribute`, `token-fetch-failed` or `sdk-error`.
 *
 * @cssstate loading - Until the session is live (loading the SDK, or between two sessions).
 * @cssstate ready - While the session is live.
 * @cssstate error - When no session could be created.
 */
export class TalkSessionElement extends TalkSessionProperties {
  static override styles = sessionStyles;

  readonly #provider = new ContextProvider(this, { context: sessionContext, initialValue: { status: 'loading' } });
  #live: LiveSession | undefined;
  /** What this element lends a session it holds (shared with other elements of the same identity). */
  readonly #holder: SessionHolder = {
    ask: (detail) => this.emit('talk-token-required', detail, { cancelable: true }).defaultPrevented,
    report: (problem) => this.report(problem),
    ownerDocument: this.ownerDocument,
  };
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
    return this.#live?.shared.unreads.current;
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
    if (live && sameIdentity(live.identity, identity) && live.session?.isAlive !== false) {
      live.wanted = user;
      if (live.ready) {
        this.#updateUser(live);
        live.shared.notifications?.set(this.desktopNotificationEnabled);
      }
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
    let me: Talk.User | undefined;
    let problem: TalkErrorDetail | undefined;
    try {
      me = typeof this.syncUser === 'function' ? this.syncUser() : this.syncUser;
    } catch (cause) {
      problem = this.reportInputOnce('syncUser-threw', cause, {
        code: 'invalid-attribute',
        attribute: 'syncUser',
        message: 'syncUser: could not make the Talk.User.',
        cause,
      });
    }
    problem ??= this.findProblem('user', () => syncUserRules(this, me!));
    if (problem) this.#fail(problem);
    return problem ? null : { me: me! };
  }

  /**
   * Starts (or joins: see `shared-sessions.ts`) the session for `identity`; once it exists,
   * subscribes this element's events; once it is checked, publishes it to the chat elements.
   */
  #start(identity: SessionIdentity, user: SessionUser): void {
    const shared = holdSession(identity, user, this.#holder, { ...DEFAULT_TOKEN_RETRY, ...this.tokenRetry });
    const live: LiveSession = { identity, shared, session: undefined, subscriptions: [], ready: false, wanted: user, notificationClicks: undefined };
    this.#live = live;
    this.#publish({ status: 'loading' });
    this.setStatus('loading');
    void shared.created.then((created) => {
      if (this.#live !== live) return;
      if (!('session' in created)) {
        if (!created.reported) this.report(created.problem);
        this.#fail(created.problem);
        return;
      }
      const { session } = created;
      live.session = session;
      try {
        live.subscriptions.push(...subscribeRoutes(session, ELEMENT_ROUTES, (name, arg) => this.#onSessionEvent(name, arg)));
      } catch (cause) {
        this.reportSdkError('Talk.Session event subscription', cause);
        this.#fail({ code: 'sdk-error', message: 'Talk.Session event subscription failed.', cause });
        return;
      }
      const stop = shared.unreads.subscribe((list) => this.relay('talk-unreads-change', list));
      live.subscriptions.push({ unsubscribe: stop } as unknown as Subscription);
      this.#syncNotificationClicks();
      void shared.checked.then((problem) => {
        if (this.#live !== live || !session.isAlive) return;
        if (problem) {
          this.report(problem);
          this.#fail(problem);
          return;
        }
        live.ready = true;
        this.#updateUser(live);
        shared.notifications?.set(this.desktopNotificationEnabled);
        const { me, data } = live.wanted;
        const locale = (me?.locale ?? data?.locale) || undefined;
        this.#publish({ status: 'ready', session, sdk: identity.sdk, unreads: shared.unreads, ...(locale ? { locale } : {}) });
        this.setStatus('ready');
        this.emit('talk-session-ready', { session });
      });
    });
  }

  /** Re-dispatches a session callback; returns what the SDK should get back (a permission handler's promise). */
  #onSessionEvent(name: TalkEventName, arg: unknown): unknown {
    if (name !== 'talk-browser-permission-needed') {
      this.relay(name, arg);
      return undefined;
    }
    const { detail, settled } = permissionNeededDetail(arg as Talk.BrowserPermissionNeededEvent);
    this.relay(name, detail);
    return settled();
  }

  /** Subscribes `onDesktopNotificationClicked` while the session is live and this element has a listener for it; unsubscribes otherwise. */
  #syncNotificationClicks(): void {
    const live = this.#live;
    if (!live?.session) return;
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
    const { shared, session } = live;
    if (!data || !session || sameData(data, shared.userData)) return;
    const patch = clearingPatch(shared.userData, data);
    shared.userData = data;
    this.guard('Session.currentUser.set()', () => session.currentUser.set(patch));
  }

  /** Unsubscribes and destroys the live session (or stops a start under way), after telling consumers it is gone. */
  #end(): void {
    const live = this.#live;
    if (!live) return;
    this.#live = undefined;
    // Consumers drop their UI objects first, so none outlives the session it belongs to.
    this.#publish({ status: 'loading' });
    endLiveSession(live, this.#holder, (cause) => this.reportSdkError('Session.destroy()', cause));
  }

  /** The first problem with the inputs, reported once; `undefined` when all is well. */
  #findProblem(): TalkErrorDetail | undefined {
    return this.findProblem('session', () => sessionRules(this));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-session': TalkSessionElement;
  }
}
