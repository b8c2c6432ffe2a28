/**
 * The fake `Talk.Session` and its `unreads`.
 */
import type Talk from 'talkjs';
import type { SessionLike } from '../internal/sdk-types.js';
import type { FakeBackendChange } from './backend.js';
import { FakeDataApi } from './data-api.js';
import type { FakeConversationRef } from './data-refs.js';
import type { FakeConversationListSubscription } from './data-subscription.js';
import { EventHub, makePreventable, reportHandlerError } from './events.js';
import { FakeConversationBuilder } from './fake-conversation.js';
import { FakeChatbox, FakeInbox, FakePopup } from './fake-ui.js';
import { FakeUser, FakeUserRef } from './fake-user.js';
import type { CallSite, FakeRuntime } from './runtime.js';
import type { FakeEmitPayload, FakeSessionEventMap } from './types.js';

type Handler = (...args: never[]) => unknown;

/**
 * Mirrors `Session.unreads` (`Talk.Unreads`): "A 'change' event is fired on startup right after
 * TalkJS loads, as well as every time the amount of unread conversations changed". When a
 * handler gets the startup list depends on `FakeTalkOptions.unreadsReplay`: with `true`, every
 * `onChange` (and legacy `on('change')`) handler gets the current list once, a macrotask after
 * subscribing; with `false`, the session fires its startup "change" once, a macrotask after
 * `new Session`, to the handlers subscribed by then. Then every handler gets the new list on
 * every change. The `ConversationData` in the list includes only the current user in
 * `participants`, as the declarations say. Recorded as `'Session#<n>.unreads'`.
 */
export class FakeUnreads implements Talk.Unreads {
  readonly #runtime: FakeRuntime;
  readonly #session: FakeSession;
  readonly #site: CallSite;
  readonly #hub: EventHub;
  #lastKey: string;

  /** @internal Created by the session. */
  constructor(runtime: FakeRuntime, session: FakeSession) {
    this.#runtime = runtime;
    this.#session = session;
    this.#site = { label: `${session.label}.unreads`, object: this, isLive: () => session.isAlive };
    this.#hub = new EventHub(runtime);
    this.#lastKey = keyOf(this.current);
    if (!runtime.unreadsReplay) {
      setTimeout(() => {
        if (!session.isAlive) return;
        this.#lastKey = keyOf(this.current);
        this.#hub.dispatch('change', [this.current]);
      });
    }
  }

  /** Non-SDK: the session user's unread conversations now (what the next `change` would carry). */
  get current(): Talk.UnreadConversation[] {
    return this.#runtime.backend.unreadsFor(this.#session.me.id);
  }

  /** Mirrors the deprecated `Unreads.on('change', handler)`. */
  on(eventType: 'change', handler: (unreadConversations: Talk.UnreadConversation[]) => void): void {
    this.#runtime.invoke(this.#site, 'on', [eventType, handler], () => {
      this.#hub.on(eventType, handler);
      this.#fireInitial(() => this.#hub.has(eventType, handler), handler);
    });
  }

  /** Mirrors the deprecated `Unreads.off('change', handler)`. */
  off(eventType: 'change', handler: (unreadConversations: Talk.UnreadConversation[]) => void): void {
    this.#runtime.invoke(this.#site, 'off', [eventType, handler], () => this.#hub.off(eventType, handler));
  }

  /** Mirrors `Unreads.onChange(handler)`. */
  onChange(handler: (unreadConversations: Talk.UnreadConversation[]) => void): Talk.Subscription {
    return this.#runtime.invoke(this.#site, 'onChange', [handler], () => {
      let active = true;
      const subscription = this.#hub.subscribe('change', handler);
      this.#fireInitial(() => active, handler);
      return {
        unsubscribe: () => {
          active = false;
          subscription.unsubscribe();
        },
      };
    });
  }

  /** @internal Recomputes the list; calls the handlers when it changed. */
  refresh(): void {
    const list = this.current;
    const key = keyOf(list);
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    this.#hub.dispatch('change', [list]);
  }

  /** @internal Ends every subscription (the session was destroyed). */
  clear(): void {
    this.#hub.clear();
  }

  #fireInitial(stillSubscribed: () => boolean, handler: (list: Talk.UnreadConversation[]) => void): void {
    if (!this.#runtime.unreadsReplay) return;
    setTimeout(() => {
      if (!stillSubscribed() || !this.#session.isAlive) return;
      try {
        handler(this.current);
      } catch (error) {
        reportHandlerError(error);
      }
    });
  }
}

function keyOf(list: Talk.UnreadConversation[]): string {
  return JSON.stringify(list.map((item) => [item.conversation.id, item.unreadMessageCount, item.lastMessage.id]));
}

/**
 * Mirrors `Talk.Session` (the members the kit uses: {@link SessionLike}). Construct it through
 * `fake.Session` (`new fake.Session({ appId, userId })`). Recorded as `'Session#<n>'`.
 */
export class FakeSession implements SessionLike {
  /** Its number in the fake's object counter (`'Session#1'` → 1). */
  readonly id: number;
  /** Its label in `fake.calls`. */
  readonly label: string;
  /** The options passed to the constructor, exactly (the same object). */
  readonly options: Talk.SessionOptions;
  /**
   * Mirrors `Session.me`: `options.me`, else the backend's user `options.userId`, else
   * `new User(userId)` (a user the backend does not know: no `name`).
   */
  readonly me: FakeUser;
  /** Mirrors `Session.unreads`. */
  readonly unreads: FakeUnreads;
  /** Mirrors `Session.currentUser`: "a short-hand for `session.user(session.me.id)`" (the same object). */
  readonly currentUser: FakeUserRef;
  /** Mirrors `Session.appId`. */
  readonly appId: string;
  /** Non-SDK: the value last passed to `setDesktopNotificationEnabled` (or `toggleDesktopNotifications` on a UI). */
  desktopNotificationEnabled: boolean | undefined;
  /**
   * Non-SDK: the tokens the session has had, oldest first: `options.token`, then each one
   * `tokenFetcher` gave (with `FakeTalkOptions.fetchTokens`, or through {@link refreshToken}).
   */
  readonly tokens: string[] = [];
  /** Non-SDK: what `tokenFetcher` threw or rejected with, each time it failed. */
  readonly tokenErrors: unknown[] = [];

  readonly #runtime: FakeRuntime;
  readonly #site: CallSite;
  readonly #hub: EventHub;
  readonly #uis: Array<FakeChatbox | FakeInbox | FakePopup> = [];
  readonly #builders = new Map<string, FakeConversationBuilder>();
  readonly #userRefs = new Map<string, FakeUserRef>();
  readonly #stopListening: () => void;
  readonly #data: FakeDataApi;
  #alive = true;

  /**
   * @internal Use `new fake.Session(options)`. Throws like the SDK when `appId` or a user
   * (`me` or `userId`) is missing, when `fake.ready` has not resolved yet, or when
   * `fake.failNext('new Session')` was called.
   */
  constructor(runtime: FakeRuntime, options: Talk.SessionOptions) {
    this.#runtime = runtime;
    this.id = runtime.nextId();
    this.label = `Session#${this.id}`;
    this.options = options;
    this.#site = { label: this.label, object: this, isLive: () => this.#alive };
    runtime.record(this.#site, 'constructor', [options]);
    if (!runtime.isReady) {
      throw new Error('[fake TalkJS] Talk.Session is not available before Talk.ready has resolved');
    }
    runtime.throwIfFailing('new Session');
    if (!options || typeof options.appId !== 'string' || options.appId === '') {
      throw new Error('[fake TalkJS] new Session(options): options.appId is required');
    }
    this.appId = options.appId;
    const backend = runtime.backend;
    if (options.me) {
      this.me = options.me instanceof FakeUser ? options.me : new FakeUser({ ...options.me });
      if (!this.me.isReference) backend.upsertUser(this.me);
    } else if (options.userId !== undefined && options.userId !== null && options.userId !== '') {
      const known = backend.users.get(String(options.userId));
      this.me = known ? new FakeUser({ ...known }) : new FakeUser(String(options.userId));
    } else {
      throw new Error('[fake TalkJS] new Session(options): either options.me or options.userId is required');
    }
    this.#hub = new EventHub(runtime);
    this.unreads = new FakeUnreads(runtime, this);
    this.#data = new FakeDataApi(runtime, this.me.id, () => this.#alive);
    this.currentUser = this.#userRef(this.me.id);
    this.#stopListening = backend.subscribe((change) => this.#onBackendChange(change));
    // "People using the JavaScript SDK ... are considered connected whenever they have an active Session object."
    backend.connection(this.me.id, 1);
    runtime.sessions.push(this);
    const restoredId = runtime.restoredPopup;
    if (restoredId !== undefined) {
      const restore = () => {
        if (!this.#alive) return;
        const popup = new FakePopup(runtime, this, { keepOpen: true }, true);
        this.#uis.push(popup);
        popup.restore(restoredId);
      };
      if (runtime.restoreTiming === 'sync') restore();
      else setTimeout(restore);
    }
    if (options.token) this.tokens.push(options.token);
    else if (runtime.fetchTokens && typeof options.tokenFetcher === 'function') {
      // The SDK asks for the first token once the session starts (not inside the constructor).
      queueMicrotask(() => void this.refreshToken().catch(() => undefined));
    }
  }

  /**
   * Test helper (not recorded): calls `options.tokenFetcher` as TalkJS does when the token is
   * about to expire (or, with `FakeTalkOptions.fetchTokens`, for the first token); resolves with
   * the token and adds it to {@link tokens}, or rejects and adds the error to {@link tokenErrors}.
   * Rejects when the session has no `tokenFetcher` or was destroyed.
   */
  async refreshToken(): Promise<string> {
    const fetcher = this.options.tokenFetcher;
    if (!this.#alive) throw new Error(`[fake TalkJS] ${this.label}.refreshToken(): the session has been destroyed`);
    if (typeof fetcher !== 'function') throw new Error(`[fake TalkJS] ${this.label}.refreshToken(): the session has no tokenFetcher`);
    try {
      const token = await fetcher();
      if (this.#alive) this.tokens.push(token);
      return token;
    } catch (error) {
      if (this.#alive) this.tokenErrors.push(error);
      throw error;
    }
  }

  /**
   * Mirrors `Session.hasValidCredentials()`: "Verifies whether the `appId` is valid. Returns a
   * Promise of a boolean, never rejects." Resolves with `fake.validCredentials` (option
   * `validCredentials`, default true); a `failNext('hasValidCredentials')` makes it resolve
   * `false` (it never rejects). Recorded; throws on a destroyed session like every method.
   */
  hasValidCredentials(): Promise<boolean> {
    this.#runtime.record(this.#site, 'hasValidCredentials', []);
    if (!this.#alive)
      throw new Error(`[fake TalkJS] ${this.label}.hasValidCredentials(): this object has been destroyed (isAlive is false); create a new one instead`);
    const failed = this.#runtime.takeFailure('hasValidCredentials') !== undefined;
    return Promise.resolve(!failed && this.#runtime.validCredentials);
  }

  /**
   * Mirrors `Session.user(id)`: a {@link FakeUserRef} ("Calling this method multiple times with
   * the same ID reuses the same UserRef object"; `user(me.id)` is `currentUser`). Throws "If the
   * id is not a string or is an empty string".
   */
  user(id: string): FakeUserRef {
    return this.#runtime.invoke(this.#site, 'user', [id], () => {
      if (typeof id !== 'string' || id === '') throw new TypeError('[fake TalkJS] session.user(id): id must be a non-empty string');
      return this.#userRef(id);
    });
  }

  /**
   * Mirrors `Session.conversation(id)`: the Data API `ConversationRef` ("Calling this method
   * multiple times with the same ID reuses the same ConversationRef object"). Throws "If the id
   * is not a string or is an empty string".
   */
  conversation(id: string): FakeConversationRef {
    return this.#runtime.invoke(this.#site, 'conversation', [id], () => {
      if (typeof id !== 'string' || id === '') throw new TypeError('[fake TalkJS] session.conversation(id): id must be a non-empty string');
      return this.#data.conversation(id);
    });
  }

  /**
   * Mirrors `Session.subscribeConversations(onSnapshot)` and `subscribeConversations({ filter },
   * onSnapshot)`: the user's conversations, most recently active first (the later of the last
   * message and `joinedAt`); the 20 most recent and every conversation active since,
   * `loadMore(count = 20)` (1 to 30) for older ones; an empty list while the user does not exist.
   * The `filter` (a Data API `ConversationFilter`) is applied. Timing: see `FakeSubscriptionBase`.
   */
  subscribeConversations(onSnapshot?: (snapshot: Talk.ConversationSnapshot[], loadedAll: boolean) => void): FakeConversationListSubscription;
  subscribeConversations(
    options: { filter?: Talk.ConversationFilter },
    onSnapshot?: (snapshot: Talk.ConversationSnapshot[], loadedAll: boolean) => void,
  ): FakeConversationListSubscription;
  subscribeConversations(...args: unknown[]): FakeConversationListSubscription {
    return this.#data.subscribeConversations(this.#site, args);
  }

  /** Mirrors `Session.isAlive`: false once destroyed. */
  get isAlive(): boolean {
    return this.#alive;
  }

  /** Non-SDK: every UI it created (and a restored popup), destroyed ones included. */
  get uis(): ReadonlyArray<FakeChatbox | FakeInbox | FakePopup> {
    return this.#uis;
  }

  /** Mirrors `Session.getOrCreateConversation(id)`: the same builder for the same id. */
  getOrCreateConversation(conversationId: string): FakeConversationBuilder {
    return this.#runtime.invoke(this.#site, 'getOrCreateConversation', [conversationId], () => {
      if (typeof conversationId !== 'string' || conversationId === '') {
        throw new TypeError('[fake TalkJS] getOrCreateConversation(id): id must be a non-empty string');
      }
      let builder = this.#builders.get(conversationId);
      if (!builder) {
        builder = new FakeConversationBuilder(this.#runtime, conversationId, this.me.id, () => this.#alive);
        this.#builders.set(conversationId, builder);
      }
      return builder;
    });
  }

  /** Mirrors `Session.createChatbox(options)`. */
  createChatbox(options?: Talk.ChatboxOptions): FakeChatbox;
  /** Mirrors the deprecated `Session.createChatbox(conversation, options)`: selects `conversation`. */
  createChatbox(conversation: Talk.Conversation | Talk.ConversationBuilder | null | undefined, options?: Talk.ChatboxOptions): FakeChatbox;
  createChatbox(...args: unknown[]): FakeChatbox {
    return this.#runtime.invoke(this.#site, 'createChatbox', args, () => {
      const [conversation, options] = splitCreateArgs<Talk.ChatboxOptions>(args);
      const box = new FakeChatbox(this.#runtime, this, options);
      this.#uis.push(box);
      if (conversation.given) box.selectInternal(conversation.value);
      return box;
    });
  }

  /** Mirrors `Session.createInbox(options)`: `options.selected`, when present, is selected. */
  createInbox(options?: Talk.InboxOptions): FakeInbox {
    return this.#runtime.invoke(this.#site, 'createInbox', options === undefined ? [] : [options], () => {
      const box = new FakeInbox(this.#runtime, this, options);
      this.#uis.push(box);
      if (options && 'selected' in options && options.selected !== undefined) box.selectInternal(options.selected);
      return box;
    });
  }

  /** Mirrors the deprecated `Session.createPopup(conversation, options)`: selects `conversation`. */
  createPopup(conversation: Talk.Conversation | Talk.ConversationBuilder | null | undefined, options?: Talk.PopupOptions): FakePopup;
  /** Mirrors `Session.createPopup(options)`. */
  createPopup(options?: Talk.PopupOptions): FakePopup;
  createPopup(...args: unknown[]): FakePopup {
    return this.#runtime.invoke(this.#site, 'createPopup', args, () => {
      const [conversation, options] = splitCreateArgs<Talk.PopupOptions>(args);
      const box = new FakePopup(this.#runtime, this, options);
      this.#uis.push(box);
      if (conversation.given) box.selectInternal(conversation.value);
      return box;
    });
  }

  /** Mirrors the deprecated `Session.on('message' | 'desktopNotificationClicked', handler)`. */
  on(eventType: 'message', handler: (message: Talk.Message) => void): void;
  on(eventType: 'desktopNotificationClicked', handler: (event: Talk.DesktopNotificationClickedEvent) => void): void;
  on(eventType: string, handler: Handler): void {
    this.#runtime.invoke(this.#site, 'on', [eventType, handler], () => this.#hub.on(eventType, handler));
  }

  /** Mirrors the deprecated `Session.off(type, handler)`. */
  off(eventType: 'message', handler: (message: Talk.Message) => void): void;
  off(eventType: 'desktopNotificationClicked', handler: (event: Talk.DesktopNotificationClickedEvent) => void): void;
  off(eventType: string, handler: Handler): void {
    this.#runtime.invoke(this.#site, 'off', [eventType, handler], () => this.#hub.off(eventType, handler));
  }

  /**
   * Mirrors `Session.onMessage`: a message arrived in a conversation the user takes part in
   * (their own included). Its `conversation.participants` lists only the current user.
   */
  onMessage(handler: (message: Talk.Message) => void): Talk.Subscription {
    return this.#subscribe('onMessage', 'message', handler);
  }

  /** Mirrors `Session.onDesktopNotificationClicked`. */
  onDesktopNotificationClicked(handler: (event: Talk.DesktopNotificationClickedEvent) => void): Talk.Subscription {
    return this.#subscribe('onDesktopNotificationClicked', 'desktopNotificationClicked', handler);
  }

  /** Mirrors `Session.onBrowserPermissionNeeded` (preventable). */
  onBrowserPermissionNeeded(handler: (event: Talk.BrowserPermissionNeededEvent) => Promise<unknown> | void): Talk.Subscription {
    return this.#subscribe('onBrowserPermissionNeeded', 'browserPermissionNeeded', handler);
  }

  /** Mirrors `Session.onBrowserPermissionDenied`. */
  onBrowserPermissionDenied(handler: (event: Talk.BrowserPermissionNeededEvent) => void): Talk.Subscription {
    return this.#subscribe('onBrowserPermissionDenied', 'browserPermissionDenied', handler);
  }

  /** Mirrors `Session.setDesktopNotificationEnabled(isEnabled, { alertOnFailure })`: stores the flag, resolves. */
  setDesktopNotificationEnabled(isEnabled: boolean, options?: { alertOnFailure?: boolean }): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'setDesktopNotificationEnabled', options === undefined ? [isEnabled] : [isEnabled, options], () => {
      this.desktopNotificationEnabled = isEnabled;
    });
  }

  /** Mirrors `Session.getPopups()`: its live, mounted popups (a restored one included). */
  getPopups(): FakePopup[] {
    return this.#runtime.invoke(this.#site, 'getPopups', [], () => this.#mounted(FakePopup));
  }

  /** Mirrors `Session.getInboxes()`: its live, mounted inboxes. */
  getInboxes(): FakeInbox[] {
    return this.#runtime.invoke(this.#site, 'getInboxes', [], () => this.#mounted(FakeInbox));
  }

  /** Mirrors `Session.getChatboxes()`: its live, mounted chatboxes. */
  getChatboxes(): FakeChatbox[] {
    return this.#runtime.invoke(this.#site, 'getChatboxes', [], () => this.#mounted(FakeChatbox));
  }

  /**
   * Mirrors `Session.destroy()`: destroys its UIs and ends its subscriptions (Data API ones end
   * in the `unsubscribed` state). Idempotent.
   */
  destroy(): void {
    this.#runtime.invoke(this.#site, 'destroy', [], () => {
      if (!this.#alive) return;
      this.#alive = false;
      for (const ui of this.#uis) ui.destroyInternal();
      this.#hub.clear();
      this.unreads.clear();
      this.#data.destroy();
      this.#stopListening();
      this.#runtime.backend.connection(this.me.id, -1);
    });
  }

  /**
   * Test helper (not recorded): fires a session event as if the SDK raised it and returns the
   * event object the handlers received. `browserPermissionNeeded` events get `preventDefault()`
   * and `defaultPrevented`; missing fields get defaults (`type: 'notifications'`). A destroyed
   * session calls no handler.
   *
   * `desktopNotificationClicked` needs `conversation` (a `ConversationData`, or just `{ id }`):
   * a conversation the backend knows is passed as the session sees it (only the current user in
   * `participants`). As the SDK does, when the session has no handler for it (neither
   * `onDesktopNotificationClicked` nor legacy `on`), "the currently active inbox (if any) will
   * jump to the conversation corresponding to the notification": the fake's active inbox is the
   * session's most recently mounted inbox that is still alive and in the DOM; it shows the
   * conversation (`shownConversationId`) and fires `conversationSelected`.
   */
  emit<K extends keyof FakeSessionEventMap>(type: K, payload?: FakeEmitPayload<FakeSessionEventMap[K]>): FakeSessionEventMap[K] {
    const fields = (payload ?? {}) as Record<string, unknown>;
    let event: unknown;
    if (type === 'browserPermissionNeeded') event = makePreventable({ type: 'notifications', ...fields });
    // The declarations document the event as `BrowserPermissionDeniedEvent` ({ type }), although
    // the handler's parameter is typed `BrowserPermissionNeededEvent`: the fake passes the lesser one.
    else if (type === 'browserPermissionDenied') event = { type: 'notifications', ...fields };
    else if (type === 'desktopNotificationClicked') event = this.#notificationEvent(fields);
    else event = { ...fields };
    if (!this.#alive) return event as FakeSessionEventMap[K];
    const called = this.#hub.dispatch(type, [event]);
    if (type === 'desktopNotificationClicked' && called === 0) {
      const id = (event as Talk.DesktopNotificationClickedEvent).conversation.id;
      this.activeInbox()?.jumpTo(id);
    }
    return event as FakeSessionEventMap[K];
  }

  /**
   * Test helper (not recorded): what the SDK does before it shows a browser permission prompt.
   * Fires `browserPermissionNeeded` (`{ type, preventDefault }`) and, since "If you return a
   * promise from your event handler, then TalkJS will wait until this promise resolves before
   * showing the permission dialog", waits until every promise the handlers returned has settled.
   * Resolves `'prevented'` when a handler called `preventDefault()` (no prompt, the action is
   * cancelled), else `'prompted'` (the prompt would show now). A destroyed session calls no handler.
   */
  async requestBrowserPermission(type: Talk.PermissionType = 'notifications'): Promise<'prompted' | 'prevented'> {
    const event = makePreventable<Talk.BrowserPermissionNeededEvent>({ type } as Talk.BrowserPermissionNeededEvent);
    const results = this.#alive ? this.#hub.dispatchCollect('browserPermissionNeeded', [event]) : [];
    await Promise.allSettled(results);
    return event.defaultPrevented ? 'prevented' : 'prompted';
  }

  /**
   * Non-SDK: the session's "currently active inbox": the most recently mounted of its inboxes
   * that is alive and in the DOM, or undefined.
   */
  activeInbox(): FakeInbox | undefined {
    const inboxes = this.#mounted(FakeInbox);
    let best: FakeInbox | undefined;
    for (const inbox of inboxes) if (!best || inbox.mountOrder > best.mountOrder) best = inbox;
    return best;
  }

  #notificationEvent(fields: Record<string, unknown>): Talk.DesktopNotificationClickedEvent {
    const given = fields['conversation'] as Partial<Talk.ConversationData> | undefined;
    if (!given || typeof given.id !== 'string') {
      throw new TypeError("[fake TalkJS] emit('desktopNotificationClicked', { conversation }): conversation (with an id) is required");
    }
    const record = this.#runtime.backend.conversations.get(given.id);
    const conversation = record ? this.#runtime.backend.conversationData(record, this.me.id) : (given as Talk.ConversationData);
    return { ...fields, conversation };
  }

  #userRef(id: string): FakeUserRef {
    let ref = this.#userRefs.get(id);
    if (!ref) {
      ref = new FakeUserRef(this.#data, id);
      this.#userRefs.set(id, ref);
    }
    return ref;
  }

  #subscribe(method: string, type: string, handler: Handler): Talk.Subscription {
    return this.#runtime.invoke(this.#site, method, [handler], () => this.#hub.subscribe(type, handler));
  }

  #mounted<T extends FakeChatbox | FakeInbox | FakePopup>(kind: abstract new (...args: never[]) => T): T[] {
    return this.#uis.filter((ui): ui is T => ui instanceof kind && ui.isAlive && ui.mounted && ui.element?.isConnected === true);
  }

  #onBackendChange(change: FakeBackendChange): void {
    if (!this.#alive) return;
    if (change.type === 'message' && this.#runtime.backend.isParticipant(change.conversationId, this.me.id)) {
      this.#hub.dispatch('message', [this.#runtime.backend.message(change.message, this.me.id, true)]);
    }
    if (this.#alive) this.unreads.refresh();
  }
}

/** Splits `createChatbox`/`createPopup` arguments into the (optional) conversation and the options. */
function splitCreateArgs<O>(args: unknown[]): [{ given: boolean; value: Talk.Conversation | Talk.ConversationBuilder | null | undefined }, O | undefined] {
  const [first, second] = args;
  const isConversation =
    args.length >= 2 ||
    first === null ||
    typeof first === 'string' ||
    (typeof first === 'object' && first !== null && typeof (first as { id?: unknown }).id === 'string');
  if (isConversation) {
    return [{ given: first !== undefined, value: first as Talk.Conversation | Talk.ConversationBuilder | null | undefined }, second as O | undefined];
  }
  return [{ given: false, value: undefined }, first as O | undefined];
}

// Compile-time proof that the fake session's Data API entry points have the declared types.
type Assert<T extends true> = T;
export type _FakeSessionDataApi = Assert<
  FakeSession extends Pick<Talk.Session, 'user' | 'currentUser' | 'conversation' | 'subscribeConversations'> ? true : false
>;
