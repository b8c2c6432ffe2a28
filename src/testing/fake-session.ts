/**
 * The fake `Talk.Session` and its `unreads`.
 */
import type Talk from 'talkjs';
import type { SessionLike } from '../internal/sdk-types.js';
import type { FakeBackendChange } from './backend.js';
import { EventHub, makePreventable, reportHandlerError } from './events.js';
import { FakeConversationBuilder } from './fake-conversation.js';
import { FakeChatbox, FakeInbox, FakePopup } from './fake-ui.js';
import { FakeUser, FakeUserRef } from './fake-user.js';
import type { CallSite, FakeRuntime } from './runtime.js';
import type { FakeEmitPayload, FakeSessionEventMap } from './types.js';

type Handler = (...args: never[]) => unknown;

/**
 * Mirrors `Session.unreads` (`Talk.Unreads`). `onChange` (and the legacy `on('change')`)
 * handlers get the current list once, a macrotask after subscribing (the SDK fires "right after
 * TalkJS loads"), then the new list on every change. Recorded as `'Session#<n>.unreads'`.
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
  /** Mirrors `Session.me`: `options.me`, else the backend's user `options.userId`, else `new User(userId)`. */
  readonly me: FakeUser;
  /** Mirrors `Session.unreads`. */
  readonly unreads: FakeUnreads;
  /** Mirrors `Session.currentUser` (`id`, `get`, `set`). */
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
  readonly #stopListening: () => void;
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
    this.currentUser = new FakeUserRef(runtime, this.me.id, () => this.#alive);
    this.#stopListening = backend.subscribe((change) => this.#onBackendChange(change));
    runtime.sessions.push(this);
    if (runtime.restoredPopup !== undefined) {
      const popup = new FakePopup(runtime, this, { keepOpen: true }, true);
      this.#uis.push(popup);
      popup.restore(runtime.restoredPopup);
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

  /** Mirrors `Session.onMessage`: a message arrived in a conversation the user takes part in (their own included). */
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

  /** Mirrors `Session.destroy()`: destroys its UIs and ends its subscriptions. Idempotent. */
  destroy(): void {
    this.#runtime.invoke(this.#site, 'destroy', [], () => {
      if (!this.#alive) return;
      this.#alive = false;
      for (const ui of this.#uis) ui.destroyInternal();
      this.#hub.clear();
      this.unreads.clear();
      this.#stopListening();
    });
  }

  /**
   * Test helper (not recorded): fires a session event as if the SDK raised it and returns the
   * event object the handlers received. `browserPermissionNeeded` events get `preventDefault()`
   * and `defaultPrevented`; missing fields get defaults (`type: 'notifications'`). A destroyed
   * session calls no handler.
   */
  emit<K extends keyof FakeSessionEventMap>(type: K, payload?: FakeEmitPayload<FakeSessionEventMap[K]>): FakeSessionEventMap[K] {
    const fields = (payload ?? {}) as Record<string, unknown>;
    let event: unknown;
    if (type === 'browserPermissionNeeded') event = makePreventable({ type: 'notifications', ...fields });
    else if (type === 'browserPermissionDenied') event = { type: 'notifications', ...fields };
    else event = { ...fields };
    if (this.#alive) this.#hub.dispatch(type, [event]);
    return event as FakeSessionEventMap[K];
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
      this.#hub.dispatch('message', [this.#runtime.backend.message(change.message, this.me.id)]);
    }
    if (this.#alive) this.unreads.refresh();
  }
}

/** Splits `createChatbox`/`createPopup` arguments into the (optional) conversation and the options. */
function splitCreateArgs<O>(args: unknown[]): [{ given: boolean; value: Talk.Conversation | Talk.ConversationBuilder | null | undefined }, O | undefined] {
  const [first, second] = args;
  const isConversation =
    args.length >= 2 || first === null || typeof first === 'string' || (typeof first === 'object' && first !== null && typeof (first as { id?: unknown }).id === 'string');
  if (isConversation) {
    return [{ given: first !== undefined, value: first as Talk.Conversation | Talk.ConversationBuilder | null | undefined }, second as O | undefined];
  }
  return [{ given: false, value: undefined }, first as O | undefined];
}
