/**
 * The part of the TalkJS classic JavaScript SDK (npm `talkjs`) that the kit uses, expressed as
 * picks of the SDK's own declarations. The real `talkjs` namespace and the fake SDK in
 * `src/testing` must both satisfy {@link TalkSdk}; a change of the SDK's types that either does
 * not follow fails `tsc` (see the assertions at the bottom of this file).
 *
 * Type-only module: importing it loads nothing.
 */
import type Talk from 'talkjs';

export type { Talk };

/** The TalkJS `Chatbox` UI object (https://talkjs.com/docs/UI_Components/JavaScript/Classic/Chatbox/). */
export type Chatbox = Talk.Chatbox;
/** The TalkJS `Inbox` UI object (https://talkjs.com/docs/UI_Components/JavaScript/Classic/Inbox/). */
export type Inbox = Talk.Inbox;
/** The TalkJS `Popup` UI object (https://talkjs.com/docs/UI_Components/JavaScript/Classic/Popup/). */
export type Popup = Talk.Popup;
/** Any of the three UI objects. */
export type UIBox = Chatbox | Inbox | Popup;

/**
 * The members of `Talk.Session` the kit calls. The real `Talk.Session` has these and more
 * (https://talkjs.com/docs/UI_Components/JavaScript/Classic/Session/).
 */
export type SessionLike = Pick<
  Talk.Session,
  | 'isAlive'
  | 'me'
  | 'unreads'
  | 'destroy'
  | 'createChatbox'
  | 'createInbox'
  | 'createPopup'
  | 'getOrCreateConversation'
  | 'onMessage'
  | 'onDesktopNotificationClicked'
  | 'onBrowserPermissionNeeded'
  | 'onBrowserPermissionDenied'
  | 'setDesktopNotificationEnabled'
  | 'getPopups'
  | 'getInboxes'
  | 'getChatboxes'
  | 'hasValidCredentials'
> & {
  /** `Session.currentUser` (Data API `UserRef`), of which the kit uses `id`, `get` and `set`. */
  readonly currentUser: UserRefLike;
  /** `Session.user(id)`: a Data API `UserRef`; the kit uses `createIfNotExists` (for `with-user-name`). */
  user(id: string): UserRefLike;
};

/** The members of a Data API `Talk.UserRef` the kit calls. */
export type UserRefLike = Pick<Talk.UserRef, 'id' | 'get' | 'set' | 'createIfNotExists'>;

/** Constructor of a session, as `Talk.Session` is. */
export type SessionConstructor = new (options: Talk.SessionOptions) => SessionLike;

/**
 * The Talk namespace as the kit needs it: `ready`, `Session`, `User` and `oneOnOneId`.
 * `<talk-session>`'s `sdk` property takes any value of this type; it defaults to the `talkjs`
 * package, and the fake from `talkjs-elements/testing` is another.
 */
export interface TalkSdk {
  /** Settles when the SDK's code has loaded (`Talk.ready`). The real one never rejects. */
  readonly ready: PromiseLike<void>;
  /** `Talk.Session`. */
  readonly Session: SessionConstructor;
  /** `Talk.User` (both constructor forms: options or an existing user's id). */
  readonly User: {
    new (options: Talk.UserOptions): Talk.User;
    new (id: string | number): Talk.User;
  };
  /** `Talk.oneOnOneId(me, other)`: the id of the one-on-one conversation of two users. */
  readonly oneOnOneId: (me: Talk.User | string, other: Talk.User | string) => string;
}

/** A conversation the UI elements can select: a builder from `getOrCreateConversation`. */
export type ConversationBuilder = Talk.ConversationBuilder;

/** A `Talk.Subscription`: the handle returned by every `on*` method. */
export type Subscription = Talk.Subscription;

// Compile-time proof that the real SDK's namespace satisfies the kit's contract.
type Assert<T extends true> = T;
export type _RealSdkSatisfiesContract = Assert<typeof Talk extends TalkSdk ? true : false>;
