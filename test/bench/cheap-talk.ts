/**
 * The bench's cheap fake of the TalkJS classic SDK: the members that the kit, hand-written SDK
 * code and `@talkjs/react` call in the bench, each doing as little as the `talkjs` declarations
 * allow, so that what the bench times is the caller's own work.
 *
 * It keeps the declarations' promises for what it implements (node_modules/talkjs/types):
 * `ready` is a resolved `Promise<void>`; a destroyed session or UI object (`isAlive` false) throws
 * on every method call; destroying a session destroys its UI objects; `hasValidCredentials()`
 * never rejects; `user(id)` throws on an empty id and returns the same `UserRef` per id;
 * `mount()` rejects for a `null` container and before the session's user exists ("you cannot
 * mount a Chat UI before creating your user"); every `on*` returns a `Subscription`; the unread
 * list is reported once "on startup right after TalkJS loads" (a macrotask after `new Session`).
 * What it does not do: render anything (`mount()` resolves at once and adds nothing to the DOM),
 * conversations, messages, the Data API beyond `UserRef.get/set/createIfNotExists`. Members the
 * bench never calls are absent or throw "not in the cheap fake".
 *
 * Non-SDK helpers: `calls` (how many times each member was called, e.g. `Chatbox.select`),
 * `live()` (objects not destroyed and subscriptions not ended), `emit()` (runs a UI object's
 * handlers, as the SDK does when the user acts), `lastChatbox`, and `mounted` / `whenMounted()`
 * (how many `mount()` promises have resolved).
 */
import type Talk from 'talkjs';
import type { TalkSdk } from '../../src/internal/sdk-types.js';

type Handler = (...args: never[]) => unknown;

/** The bookkeeping one cheap fake shares between its objects. */
class Runtime {
  /** Calls per SDK member (`'new Session'`, `'Session.createChatbox'`, `'Chatbox.select'` …). */
  readonly calls = new Map<string, number>();
  /** Users known to the fake "backend", by id. */
  readonly users = new Map<string, Talk.UserSnapshot>();
  sessions = 0;
  boxes = 0;
  subscriptions = 0;
  mounted = 0;
  lastChatbox: CheapChatbox | undefined;
  #mountWaiters: { count: number; resolve: () => void }[] = [];

  count(member: string): void {
    this.calls.set(member, (this.calls.get(member) ?? 0) + 1);
  }

  mountResolved(): void {
    this.mounted++;
    if (this.#mountWaiters.length === 0) return;
    const due = this.#mountWaiters.filter((waiter) => waiter.count <= this.mounted);
    this.#mountWaiters = this.#mountWaiters.filter((waiter) => waiter.count > this.mounted);
    for (const waiter of due) waiter.resolve();
  }

  whenMounted(count: number): Promise<void> {
    if (this.mounted >= count) return Promise.resolve();
    return new Promise((resolve) => this.#mountWaiters.push({ count, resolve }));
  }
}

const snapshotOf = (id: string, name: string): Talk.UserSnapshot => ({
  id,
  name,
  custom: {},
  locale: null,
  photoUrl: null,
  role: 'default',
  welcomeMessage: null,
});

/** Handlers by event type, each `on*` call a `Subscription`. */
class Hub {
  readonly #runtime: Runtime;
  readonly #handlers = new Map<string, Set<Handler>>();

  constructor(runtime: Runtime) {
    this.#runtime = runtime;
  }

  subscribe(type: string, handler: Handler): Talk.Subscription {
    if (typeof handler !== 'function') throw new TypeError(`[cheap fake] on${type}: the handler is not a function`);
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    // A handler subscribed twice is two subscriptions: wrap it so each can end on its own.
    const own: Handler = (...args) => handler(...args);
    set.add(own);
    this.#runtime.subscriptions++;
    const runtime = this.#runtime;
    return {
      unsubscribe() {
        runtime.count('Subscription.unsubscribe');
        if (set.delete(own)) runtime.subscriptions--;
      },
    } as Talk.Subscription;
  }

  emit(type: string, args: unknown[]): void {
    const set = this.#handlers.get(type);
    if (set) for (const handler of [...set]) (handler as (...a: unknown[]) => unknown)(...args);
  }

  clear(): void {
    for (const set of this.#handlers.values()) this.#runtime.subscriptions -= set.size;
    this.#handlers.clear();
  }
}

function notInFake(member: string): never {
  throw new Error(`[cheap fake] ${member} is not in the cheap fake (the bench does not call it)`);
}

class CheapUser {
  readonly id: string;
  readonly name: string;
  constructor(runtime: Runtime, options: Talk.UserOptions | string | number) {
    runtime.count('new User');
    if (typeof options === 'object' && options !== null) {
      if (options.id === undefined || options.id === null || String(options.id) === '')
        throw new Error('[cheap fake] new User(options): options.id is required');
      this.id = String(options.id);
      this.name = options.name;
    } else {
      if (options === undefined || options === null || String(options) === '') throw new Error('[cheap fake] new User(id): id is required');
      // The id-only form refers to an existing user: its name comes from the backend.
      this.id = String(options);
      this.name = runtime.users.get(this.id)?.name ?? '';
    }
  }
}

class CheapUserRef {
  readonly id: string;
  readonly #runtime: Runtime;
  readonly #session: CheapSession;
  constructor(runtime: Runtime, session: CheapSession, id: string) {
    this.#runtime = runtime;
    this.#session = session;
    this.id = id;
  }

  get(): Promise<Talk.UserSnapshot | null> {
    this.#runtime.count('UserRef.get');
    this.#session.check('UserRef.get');
    return Promise.resolve(this.#runtime.users.get(this.id) ?? null);
  }

  /** Sets the given fields; creates the user when absent ("The user is created if it does not exist"). */
  set(params: Talk.SetUserParams): Promise<void> {
    this.#runtime.count('UserRef.set');
    this.#session.check('UserRef.set');
    const before = this.#runtime.users.get(this.id);
    const name = typeof params?.name === 'string' ? params.name : (before?.name ?? '');
    if (!before && name === '') return Promise.reject(new Error(`[cheap fake] UserRef.set(): user "${this.id}" does not exist and no name was given`));
    this.#runtime.users.set(this.id, snapshotOf(this.id, name));
    return Promise.resolve();
  }

  createIfNotExists(params: Talk.CreateUserParams): Promise<void> {
    this.#runtime.count('UserRef.createIfNotExists');
    this.#session.check('UserRef.createIfNotExists');
    if (!this.#runtime.users.has(this.id)) this.#runtime.users.set(this.id, snapshotOf(this.id, params.name));
    return Promise.resolve();
  }
}

class CheapUnreads {
  readonly #runtime: Runtime;
  readonly #session: CheapSession;
  readonly hub: Hub;
  constructor(runtime: Runtime, session: CheapSession) {
    this.#runtime = runtime;
    this.#session = session;
    this.hub = new Hub(runtime);
  }

  onChange(handler: (unreads: Talk.UnreadConversation[]) => void): Talk.Subscription {
    this.#runtime.count('Unreads.onChange');
    this.#session.check('Unreads.onChange');
    return this.hub.subscribe('change', handler);
  }
}

type Kind = 'Chatbox' | 'Inbox' | 'Popup';

class CheapMessageField {
  readonly #box: CheapBox;
  constructor(box: CheapBox) {
    this.#box = box;
  }
  setText(_text: string): void {
    this.#box.call('MessageField.setText');
  }
  setVisible(_visible: boolean | Talk.ConversationPredicate): void {
    this.#box.call('MessageField.setVisible');
  }
  focus(): void {
    this.#box.call('MessageField.focus');
  }
}

/** What the three UI objects share. */
class CheapBox {
  readonly kind: Kind;
  readonly session: CheapSession;
  readonly runtime: Runtime;
  readonly hub: Hub;
  readonly messageField = new CheapMessageField(this);
  #alive = true;
  #mounted = false;

  constructor(runtime: Runtime, session: CheapSession, kind: Kind) {
    this.runtime = runtime;
    this.session = session;
    this.kind = kind;
    this.hub = new Hub(runtime);
    runtime.boxes++;
  }

  get isAlive(): boolean {
    return this.#alive;
  }

  get mounted(): boolean {
    return this.#alive && this.#mounted;
  }

  /** Counts a call of `member` and throws when the object is destroyed. */
  call(member: string): void {
    this.runtime.count(`${this.kind}.${member}`);
    if (!this.#alive) throw new Error(`[cheap fake] ${this.kind}.${member}: this ${this.kind} was destroyed (isAlive is false)`);
  }

  protected on(member: string, handler: Handler): Talk.Subscription {
    this.call(member);
    return this.hub.subscribe(member, handler);
  }

  protected mountInto(container: HTMLElement | null | undefined, popup: boolean): Promise<void> {
    this.call('mount');
    if (!popup && !container) return Promise.reject(new Error(`[cheap fake] ${this.kind}.mount(): the container is null`));
    if (!this.runtime.users.has(this.session.me.id)) {
      return Promise.reject(new Error(`[cheap fake] ${this.kind}.mount(): you cannot mount a Chat UI before creating your user "${this.session.me.id}"`));
    }
    this.#mounted = true;
    const done = Promise.resolve();
    void done.then(() => this.runtime.mountResolved());
    return done;
  }

  select(_conversation: unknown, _params?: Talk.SelectConversationOptions): Promise<void> {
    this.call('select');
    return Promise.resolve();
  }

  destroy(): void {
    this.runtime.count(`${this.kind}.destroy`);
    this.end();
  }

  /** Destroys without counting a call (the session's destroy takes its UI objects with it). */
  end(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#mounted = false;
    this.hub.clear();
    this.session.boxes.delete(this);
    this.runtime.boxes--;
  }

  /** Non-SDK: runs the handlers of `type` (`'SendMessage'` for `onSendMessage` …), as a user action would. */
  emit(type: string, ...args: unknown[]): void {
    if (this.#alive) this.hub.emit(`on${type}`, args);
  }

  setMessageFilter(_filter: Talk.MessagePredicate): void {
    this.call('setMessageFilter');
  }
  setPresence(_presence: Talk.UserPresence): void {
    this.call('setPresence');
  }
  setHighlightedWords(_words: string[]): void {
    this.call('setHighlightedWords');
  }
  setTranslationEnabledDefault(_enabled: boolean | 'auto'): void {
    this.call('setTranslationEnabledDefault');
  }
  setTranslationEnabledForConversation(_conversation: unknown, _enabled: boolean): void {
    this.call('setTranslationEnabledForConversation');
  }
  onSendMessage(handler: Handler) {
    return this.on('onSendMessage', handler);
  }
  onCustomMessageAction(...args: [string, Handler] | [Handler]) {
    return this.on('onCustomMessageAction', args.at(-1) as Handler);
  }
  onCustomConversationAction(...args: [string, Handler] | [Handler]) {
    return this.on('onCustomConversationAction', args.at(-1) as Handler);
  }
  onLeaveConversation(handler: Handler) {
    return this.on('onLeaveConversation', handler);
  }
  onMarkConversationAsUnread(handler: Handler) {
    return this.on('onMarkConversationAsUnread', handler);
  }
  onFocus(handler: Handler) {
    return this.on('onFocus', handler);
  }
  onBlur(handler: Handler) {
    return this.on('onBlur', handler);
  }
  onTranslationToggled(handler: Handler) {
    return this.on('onTranslationToggled', handler);
  }
  onKeyup(handler: Handler) {
    return this.on('onKeyup', handler);
  }
  onKeydown(handler: Handler) {
    return this.on('onKeydown', handler);
  }
}

class CheapChatbox extends CheapBox {
  constructor(runtime: Runtime, session: CheapSession) {
    super(runtime, session, 'Chatbox');
    runtime.lastChatbox = this;
  }
  mount(container: HTMLElement | null): Promise<void> {
    return this.mountInto(container, false);
  }
}

class CheapInbox extends CheapBox {
  constructor(runtime: Runtime, session: CheapSession) {
    super(runtime, session, 'Inbox');
  }
  mount(container: HTMLElement | null): Promise<void> {
    return this.mountInto(container, false);
  }
  setFeedFilter(_filter: Talk.ConversationPredicate): void {
    this.call('setFeedFilter');
  }
  onSelectConversation(handler: Handler) {
    return this.on('onSelectConversation', handler);
  }
  onConversationSelected(handler: Handler) {
    return this.on('onConversationSelected', handler);
  }
  onDesktopNotificationToggled(handler: Handler) {
    return this.on('onDesktopNotificationToggled', handler);
  }
}

class CheapPopup extends CheapBox {
  constructor(runtime: Runtime, session: CheapSession) {
    super(runtime, session, 'Popup');
  }
  mount(_options?: { show?: boolean }): Promise<void> {
    return this.mountInto(undefined, true);
  }
  show(): void {
    this.call('show');
  }
  hide(): void {
    this.call('hide');
  }
  onOpen(handler: Handler) {
    return this.on('onOpen', handler);
  }
  onClose(handler: Handler) {
    return this.on('onClose', handler);
  }
}

class CheapSession {
  isAlive = true;
  readonly appId: string;
  readonly me: CheapUser;
  readonly unreads: CheapUnreads;
  readonly boxes = new Set<CheapBox>();
  readonly #runtime: Runtime;
  readonly #hub: Hub;
  readonly #refs = new Map<string, CheapUserRef>();

  constructor(runtime: Runtime, options: Talk.SessionOptions) {
    runtime.count('new Session');
    if (!options || typeof options.appId !== 'string' || options.appId === '') throw new Error('[cheap fake] new Session(): appId is required');
    if (options.me) {
      this.me = options.me as unknown as CheapUser;
      // A `me` user is synced to TalkJS by the session itself.
      if (options.me.name) runtime.users.set(this.me.id, snapshotOf(this.me.id, options.me.name));
    } else if (typeof options.userId === 'string' && options.userId !== '') {
      this.me = Object.assign(Object.create(CheapUser.prototype) as CheapUser, { id: options.userId, name: runtime.users.get(options.userId)?.name ?? '' });
    } else {
      throw new Error('[cheap fake] new Session(): me or userId is required');
    }
    this.appId = options.appId;
    this.#runtime = runtime;
    this.#hub = new Hub(runtime);
    this.unreads = new CheapUnreads(runtime, this);
    runtime.sessions++;
    // "A change event is fired on startup right after TalkJS loads."
    setTimeout(() => {
      if (this.isAlive) this.unreads.hub.emit('change', [[]]);
    });
  }

  /** Throws when the session is destroyed ("calling methods on this Session instance will throw errors"). */
  check(member: string): void {
    if (!this.isAlive) throw new Error(`[cheap fake] ${member}: the session was destroyed (isAlive is false)`);
  }

  #call(member: string): void {
    this.#runtime.count(`Session.${member}`);
    this.check(`Session.${member}`);
  }

  /** `session.user(session.me.id)`, a property (not counted as a call). */
  get currentUser(): CheapUserRef {
    this.check('Session.currentUser');
    return this.#ref(this.me.id);
  }

  user(id: string): CheapUserRef {
    this.#call('user');
    if (typeof id !== 'string' || id === '') throw new Error('[cheap fake] Session.user(id): the id must be a non-empty string');
    return this.#ref(id);
  }

  #ref(id: string): CheapUserRef {
    let ref = this.#refs.get(id);
    if (!ref) this.#refs.set(id, (ref = new CheapUserRef(this.#runtime, this, id)));
    return ref;
  }

  hasValidCredentials(): Promise<boolean> {
    this.#call('hasValidCredentials');
    return Promise.resolve(true);
  }

  #create<B extends CheapBox>(box: B): B {
    this.boxes.add(box);
    return box;
  }

  createChatbox(_options?: Talk.ChatboxOptions): CheapChatbox {
    this.#call('createChatbox');
    return this.#create(new CheapChatbox(this.#runtime, this));
  }

  createInbox(_options?: Talk.InboxOptions): CheapInbox {
    this.#call('createInbox');
    return this.#create(new CheapInbox(this.#runtime, this));
  }

  createPopup(_options?: Talk.PopupOptions): CheapPopup {
    this.#call('createPopup');
    return this.#create(new CheapPopup(this.#runtime, this));
  }

  getPopups(): CheapPopup[] {
    this.#call('getPopups');
    return [...this.boxes].filter((box): box is CheapPopup => box instanceof CheapPopup && box.mounted);
  }

  getInboxes(): CheapInbox[] {
    this.#call('getInboxes');
    return [...this.boxes].filter((box): box is CheapInbox => box instanceof CheapInbox && box.mounted);
  }

  getChatboxes(): CheapChatbox[] {
    this.#call('getChatboxes');
    return [...this.boxes].filter((box): box is CheapChatbox => box instanceof CheapChatbox && box.mounted);
  }

  onMessage(handler: Handler): Talk.Subscription {
    this.#call('onMessage');
    return this.#hub.subscribe('message', handler);
  }

  onBrowserPermissionNeeded(handler: Handler): Talk.Subscription {
    this.#call('onBrowserPermissionNeeded');
    return this.#hub.subscribe('browserPermissionNeeded', handler);
  }

  onBrowserPermissionDenied(handler: Handler): Talk.Subscription {
    this.#call('onBrowserPermissionDenied');
    return this.#hub.subscribe('browserPermissionDenied', handler);
  }

  onDesktopNotificationClicked(handler: Handler): Talk.Subscription {
    this.#call('onDesktopNotificationClicked');
    return this.#hub.subscribe('desktopNotificationClicked', handler);
  }

  setDesktopNotificationEnabled(_enabled: boolean, _options?: { alertOnFailure: boolean }): Promise<void> {
    this.#call('setDesktopNotificationEnabled');
    return Promise.resolve();
  }

  getOrCreateConversation(_id: string): never {
    this.#call('getOrCreateConversation');
    return notInFake('Session.getOrCreateConversation');
  }

  destroy(): void {
    this.#runtime.count('Session.destroy');
    if (!this.isAlive) return;
    this.isAlive = false;
    for (const box of [...this.boxes]) box.end();
    this.#hub.clear();
    this.unreads.hub.clear();
    this.#runtime.sessions--;
  }
}

/** A cheap fake `Talk` namespace (see the module comment), with its counters. */
export interface CheapTalk extends TalkSdk {
  readonly ready: Promise<void>;
  /** Calls per SDK member since the fake was made. */
  readonly calls: ReadonlyMap<string, number>;
  /** Sessions and UI objects not destroyed, and subscriptions not ended. */
  live(): { sessions: number; boxes: number; subscriptions: number };
  /** The chatbox created last (to emit its events). */
  readonly lastChatbox: CheapChatbox | undefined;
  /** How many `mount()` promises have resolved. */
  readonly mounted: number;
  /** Resolves once `count` `mount()` promises have resolved. */
  whenMounted(count: number): Promise<void>;
}

export type { CheapChatbox };

/** A new cheap fake; `users` are known to its backend (as `{ id, name }`). */
export function createCheapTalk(users: { id: string; name: string }[]): CheapTalk {
  const runtime = new Runtime();
  for (const user of users) runtime.users.set(user.id, snapshotOf(user.id, user.name));
  const User = function User(this: unknown, options: Talk.UserOptions | string | number) {
    return new CheapUser(runtime, options);
  };
  const Session = function Session(this: unknown, options: Talk.SessionOptions) {
    return new CheapSession(runtime, options);
  };
  return {
    ready: Promise.resolve(),
    Session: Session as unknown as TalkSdk['Session'],
    User: User as unknown as TalkSdk['User'],
    oneOnOneId: () => notInFake('Talk.oneOnOneId'),
    calls: runtime.calls,
    live: () => ({ sessions: runtime.sessions, boxes: runtime.boxes, subscriptions: runtime.subscriptions }),
    get lastChatbox() {
      return runtime.lastChatbox;
    },
    get mounted() {
      return runtime.mounted;
    },
    whenMounted: (count) => runtime.whenMounted(count),
  };
}
