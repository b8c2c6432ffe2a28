/**
 * Public option, record and event types of the fake TalkJS SDK (`talkjs-elements/testing`).
 */
import type Talk from 'talkjs';

/** Options of {@link createFakeTalk}. */
export interface FakeTalkOptions {
  /**
   * How `fake.ready` (the fake `Talk.ready`) behaves:
   * - `'resolved'` (default): the SDK has loaded: `ready` is a resolved promise and `Session`,
   *   `User` and `oneOnOneId` are there from the start;
   * - `'manual'`: the fake is the `talkjs` package's stub until `fake.resolveReady()`: its only
   *   SDK members are `v: 3` and `ready`, the stub's thenable (`ready.then(f)` queues `f` and
   *   returns a promise settled with `f`'s result once loaded; `ready.catch()` throws, as the
   *   stub's does); `Session`, `User` and `oneOnOneId` are `undefined`. `resolveReady()` fills
   *   them in on the same object, makes `ready` a resolved promise and runs the queued callbacks
   *   in order;
   * - `'never'`: stays the stub forever, like the real SDK when its CDN script is blocked.
   *
   * The test helpers (`calls`, `sessions`, `live()`, `failNext`, `backend`, ...) are there
   * throughout. The TypeScript type stays the full namespace, as the `talkjs` package's is.
   */
  ready?: 'resolved' | 'manual' | 'never';
  /** Users known to the backend at start (as `Talk.UserOptions`). */
  users?: Talk.UserOptions[];
  /** Conversations known to the backend at start. */
  conversations?: FakeConversationSeed[];
  /**
   * A conversation id: every new session gets one popup mounted, open and listed by
   * `getPopups()`, showing that conversation, as the real SDK restores a `keepOpen` popup on
   * page load; when, see {@link restoreTiming}. It is restored whether or not the session's
   * user exists (it was created on an earlier page).
   */
  restoredPopup?: string;
  /**
   * Whether a session created with `tokenFetcher` and no `token` calls `tokenFetcher` once, a
   * microtask after the constructor, for its first token. The declarations only promise calls
   * "whenever the current token is about to expire", which the non-SDK `session.refreshToken()`
   * simulates. What the session got is in `session.tokens`. Default: the module-level reading
   * (see `setFakeReadings`; initially false).
   */
  fetchTokens?: boolean;
  /**
   * `true`: every `unreads.onChange` (and legacy `on('change')`) subscriber gets the current
   * list once, a macrotask after subscribing. `false`: the session fires its startup "change"
   * once, a macrotask after `new Session`, to the handlers subscribed by then; a handler
   * subscribed later gets only later changes. Default: the module-level reading (see
   * `setFakeReadings`; initially false).
   */
  unreadsReplay?: boolean;
  /**
   * With {@link restoredPopup}: `'sync'` restores the popup inside the `Session` constructor;
   * `'macrotask'` a macrotask (`setTimeout 0`) after it, unless the session was destroyed
   * meanwhile. Default: the module-level reading (see `setFakeReadings`; initially `'macrotask'`).
   */
  restoreTiming?: 'sync' | 'macrotask';
  /**
   * What `session.hasValidCredentials()` resolves with (default true). Change it later through
   * the non-SDK `fake.validCredentials`.
   */
  validCredentials?: boolean;
}

/** A conversation the fake backend knows at start (see {@link FakeTalkOptions.conversations}). */
export interface FakeConversationSeed {
  /** The conversation id. */
  id: string;
  /** `Conversation.subject`. */
  subject?: string;
  /** `Conversation.photoUrl`. */
  photoUrl?: string;
  /** The participants' user ids (each gets `ReadWrite` access). */
  participants: string[];
  /** `Conversation.welcomeMessages`: shown above the messages. */
  welcomeMessages?: string[];
  /** `Conversation.custom`. */
  custom?: Record<string, string>;
  /**
   * Messages already in the conversation, oldest first. They count as unread for every
   * participant but their sender. `timestamp` is in milliseconds since the epoch (default: one
   * minute apart, ending a minute before the fake was created).
   */
  messages?: { senderId: string; text: string; timestamp?: number }[];
}

/** One call made on a fake object, as recorded in `fake.calls`. */
export interface FakeCall {
  /**
   * The object's label: `'Session#1'`, `'Chatbox#2'`, `'Inbox#3'`, `'Popup#4'`, `'HtmlPanel#5'`
   * (one counter per fake), `'Session#1.unreads'`, `'Chatbox#2.messageField'`,
   * `'UserRef#alice'` (`session.currentUser`, `session.user(id)`), `'ConversationBuilder#order-1'`,
   * `'Chatbox#2.highlight'` (the controls `setHighlightedWords` returns).
   */
  readonly target: string;
  /** The method name; `'constructor'` for a constructor. Sub-objects use their own method names (`onChange`, `setText`). */
  readonly method: string;
  /** The arguments exactly as passed. */
  readonly args: unknown[];
  /**
   * The fake object the method was called on (used by `callsTo`). Not enumerable, so a call
   * deep-equals `{ target, method, args }`.
   */
  readonly object: object;
}

/** Counts returned by `fake.live()`: objects not yet destroyed, and active subscriptions. */
export interface FakeLiveCounts {
  /** Sessions with `isAlive` true. */
  sessions: number;
  /** Chatboxes with `isAlive` true. */
  chatboxes: number;
  /** Inboxes with `isAlive` true. */
  inboxes: number;
  /** Popups with `isAlive` true (a restored popup included). */
  popups: number;
  /** HTML panels not destroyed. */
  htmlPanels: number;
  /**
   * Active subscriptions: `on*` handlers not unsubscribed, legacy `on` handlers not `off`-ed,
   * `unreads` handlers, and Data API subscriptions (`subscribe`, `subscribeOnline`,
   * `subscribeMessages`, `subscribeConversations`, ...) from creation until they end
   * (`unsubscribe()`, or their session destroyed), pending ones included.
   */
  subscriptions: number;
  /** The sum of all the above. */
  total: number;
}

/**
 * An event object as the fake passes it for the SDK's preventable events (`selectConversation`,
 * `leaveConversation`, `markConversationAsUnread`, `browserPermissionNeeded`): the SDK's event
 * with `preventDefault()`, plus the non-SDK `defaultPrevented`, true once `preventDefault()` was called.
 */
export type FakePreventable<T> = T & { defaultPrevented: boolean; preventDefault(): void };

/**
 * A `Talk.SendMessageEvent` as the fake passes it. Besides the SDK's fields it records, in the
 * non-SDK `overrides`, every argument passed to `override()` in order.
 */
export interface FakeSendMessageEvent extends Talk.SendMessageEvent {
  /** Every argument passed to `override(...)`, in order (non-SDK, for assertions). */
  readonly overrides: Array<Talk.SendMessageOverrideParams | (() => Talk.SendMessageOverrideParams | Promise<Talk.SendMessageOverrideParams>)>;
}

/** The argument each UI event's handlers receive (`undefined`: called with no argument). */
export interface FakeUIEventMap {
  /** `onSendMessage` / `on('sendMessage')`. */
  sendMessage: FakeSendMessageEvent;
  /** `onCustomMessageAction`. */
  customMessageAction: Talk.MessageActionEvent;
  /** `onCustomConversationAction`. */
  customConversationAction: Talk.ConversationActionEvent;
  /** `onLeaveConversation` (preventable). */
  leaveConversation: FakePreventable<Talk.LeaveConversationEvent>;
  /** `onMarkConversationAsUnread` (preventable). */
  markConversationAsUnread: FakePreventable<Talk.MarkConversationAsUnreadEvent>;
  /** `onFocus`: handlers get no argument. */
  focus: undefined;
  /** `onBlur`: handlers get no argument. */
  blur: undefined;
  /** `onTranslationToggled`. */
  translationToggled: Talk.TranslationToggledEvent;
  /** `onKeyup` (only with `captureKeyboardEvents` when it comes from the stand-in UI). */
  keyup: Talk.KeyEvent;
  /** `onKeydown` (only with `captureKeyboardEvents` when it comes from the stand-in UI). */
  keydown: Talk.KeyEvent;
}

/** The inbox's events: the UI events plus the feed's. */
export interface FakeInboxEventMap extends FakeUIEventMap {
  /** `onSelectConversation` (preventable): a feed item was clicked, before it is selected. */
  selectConversation: FakePreventable<Talk.SelectConversationEvent>;
  /** `onConversationSelected`: after mount, after `select()`, after a feed click that was not prevented. */
  conversationSelected: Talk.ConversationSelectedEvent;
  /** `onDesktopNotificationToggled`. */
  desktopNotificationToggled: Talk.DesktopNotificationToggledEvent;
}

/** The popup's events: the UI events plus `open` and `close` (no argument). */
export interface FakePopupEventMap extends FakeUIEventMap {
  /** `onOpen`: the user opened the popup (launcher click); not fired by `show()` or `mount({ show: true })`. */
  open: undefined;
  /** `onClose`: the user closed the popup (launcher or header close button); not fired by `hide()` or `destroy()`. */
  close: undefined;
}

/** The session's events. */
export interface FakeSessionEventMap {
  /** `onMessage` / `on('message')`. */
  message: Talk.Message;
  /**
   * `onDesktopNotificationClicked` / `on('desktopNotificationClicked')`. `emit` needs
   * `conversation` (at least its `id`); without handlers the active inbox jumps to it.
   */
  desktopNotificationClicked: Talk.DesktopNotificationClickedEvent;
  /** `onBrowserPermissionNeeded` (preventable; `session.requestBrowserPermission()` also waits for the handlers' promises). */
  browserPermissionNeeded: FakePreventable<Talk.BrowserPermissionNeededEvent>;
  /** `onBrowserPermissionDenied`. */
  browserPermissionDenied: Talk.BrowserPermissionDeniedEvent;
}

/**
 * What `emit(type, payload)` takes: any subset of the event's fields (missing ones are filled
 * from the object's current state where the fake can, e.g. `conversation`, `me`), without
 * `preventDefault`/`defaultPrevented`/`override`, which the fake adds.
 */
export type FakeEmitPayload<T> = T extends undefined
  ? undefined
  : Partial<Omit<T, 'preventDefault' | 'defaultPrevented' | 'override' | 'overrides'>> & Record<string, unknown>;
