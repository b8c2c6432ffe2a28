/**
 * The kit's DOM events: their names and `detail` types (declared on the global event maps so
 * `addEventListener('talk-message', e => e.detail.body)` type-checks), and the bridge that
 * re-dispatches SDK callbacks as DOM events.
 */
import type { TalkErrorDetail } from './errors.js';
import type { Chatbox, Inbox, Popup, SessionLike, Subscription, Talk } from './sdk-types.js';

/** `detail` of `talk-token-required`. Call exactly one of the two functions. */
export interface TokenRequiredDetail {
  /** The user whose token is needed. */
  readonly userId: string;
  /** Hands the kit a fresh JWT. */
  resolve(token: string): void;
  /** Tells the kit no token can be had; the session reports `token-fetch-failed`. */
  reject(error?: unknown): void;
}

/**
 * `detail` of `talk-browser-permission-needed`: the SDK's `BrowserPermissionNeededEvent` (`type`,
 * `preventDefault()`), plus `waitUntil(promise)`, which holds the browser's permission prompt back
 * until `promise` settles (what a promise returned from an `onBrowserPermissionNeeded` handler
 * does in TalkJS), e.g. while the page shows its own explanation first.
 */
export interface BrowserPermissionNeededDetail extends Talk.BrowserPermissionNeededEvent {
  /** Delays the browser's prompt until `promise` settles. Call it during the event's dispatch. */
  waitUntil(promise: PromiseLike<unknown>): void;
}

/**
 * The `detail` of `talk-browser-permission-needed` for the SDK's `event`, and `settled()`: what
 * the SDK handler returns once the DOM event has been dispatched (a promise that settles when
 * every promise passed to `waitUntil` has settled, or `undefined` when none was). A rejected
 * promise does not block the prompt: it is the page's business.
 */
export function permissionNeededDetail(event: Talk.BrowserPermissionNeededEvent): {
  detail: BrowserPermissionNeededDetail;
  settled(): Promise<void> | undefined;
} {
  const waits: PromiseLike<unknown>[] = [];
  const detail: BrowserPermissionNeededDetail = {
    ...event,
    type: event.type,
    preventDefault: () => event.preventDefault(),
    waitUntil: (promise) => void waits.push(promise),
  };
  return { detail, settled: () => (waits.length > 0 ? Promise.allSettled(waits).then(() => undefined) : undefined) };
}

/** `detail` of every `talk-*` event, by event name. */
export interface TalkEventDetails {
  // <talk-session>, from the SDK
  /** `Session.onMessage`: a message was sent or received by the current user. */
  'talk-message': Talk.Message;
  /** `Session.unreads.onChange`: the list of unread conversations (fires once after load, then on each change). */
  'talk-unreads-change': Talk.UnreadConversation[];
  /** `Session.onDesktopNotificationClicked`: only while a listener for it is added on `<talk-session>` itself (TalkJS then skips its own default). */
  'talk-desktop-notification-clicked': Talk.DesktopNotificationClickedEvent;
  /** `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user action; `waitUntil(promise)` delays the prompt. */
  'talk-browser-permission-needed': BrowserPermissionNeededDetail;
  /** `Session.onBrowserPermissionDenied`. */
  'talk-browser-permission-denied': Talk.BrowserPermissionDeniedEvent;
  // <talk-session>, from the kit
  /** The session was created and is live. */
  'talk-session-ready': { session: SessionLike };
  /** The session needs a JWT and has no `tokenFetcher` (cancelable: call `preventDefault()` to say you will answer). */
  'talk-token-required': TokenRequiredDetail;
  // UI elements, from the SDK
  /** `onSendMessage`: the user sent a message; `detail.override()` can change or cancel it. */
  'talk-send-message': Talk.SendMessageEvent;
  /** `onCustomMessageAction` (any action). */
  'talk-custom-message-action': Talk.MessageActionEvent;
  /** `onCustomConversationAction` (any action). */
  'talk-custom-conversation-action': Talk.ConversationActionEvent;
  /** `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in the conversation. */
  'talk-leave-conversation': Talk.LeaveConversationEvent;
  /** `onMarkConversationAsUnread`. Cancelable. */
  'talk-mark-conversation-as-unread': Talk.MarkConversationAsUnreadEvent;
  /** `onFocus`; `detail` is `null`. */
  'talk-focus': null;
  /** `onBlur`; `detail` is `null`. */
  'talk-blur': null;
  /** `onTranslationToggled`. */
  'talk-translation-toggled': Talk.TranslationToggledEvent;
  /** `onKeyup` (only with `capture-keyboard-events`). */
  'talk-keyup': Talk.KeyEvent;
  /** `onKeydown` (only with `capture-keyboard-events`). */
  'talk-keydown': Talk.KeyEvent;
  /** Inbox `onSelectConversation`. Cancelable: `preventDefault()` keeps the current conversation. */
  'talk-select-conversation': Talk.SelectConversationEvent;
  /** Inbox `onConversationSelected`. */
  'talk-conversation-selected': Talk.ConversationSelectedEvent;
  /** Inbox `onDesktopNotificationToggled`. */
  'talk-desktop-notification-toggled': Talk.DesktopNotificationToggledEvent;
  /** Popup `onOpen`; `detail` is `null`. */
  'talk-open': null;
  /** Popup `onClose`; `detail` is `null`. */
  'talk-close': null;
  // Data API elements
  /** `<talk-online-status>`: a new `UserOnlineSnapshot` (`null`: TalkJS has no such user). */
  'talk-online-change': Talk.UserOnlineSnapshot | null;
  /** `<talk-typing-indicator>`: a new `TypingSnapshot` (`null`: the user is not a participant). */
  'talk-typing-change': Talk.TypingSnapshot | null;
  // UI elements and the session, from the kit
  /** The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`; an HTML panel was made: `{ htmlPanel }`. */
  'talk-ready': { chatbox: Chatbox } | { inbox: Inbox } | { popup: Popup } | { htmlPanel: Talk.HtmlPanel };
  /** Something went wrong; see `TALK_ERROR_CODES`. */
  'talk-error': TalkErrorDetail;
}

/** The name of a `talk-*` event. */
export type TalkEventName = keyof TalkEventDetails;

/** Every `talk-*` event as the `CustomEvent` it is. */
export type TalkEventMap = { [K in TalkEventName]: CustomEvent<TalkEventDetails[K]> };

declare global {
  // Element, Document and Window listeners all read this map.
  interface GlobalEventHandlersEventMap extends TalkEventMap {}
}

/**
 * How one SDK callback reaches the DOM: the DOM event's name and how to subscribe on the SDK
 * object (returning the SDK's `Subscription`).
 */
export type EventRoute<T> = readonly [name: TalkEventName, subscribe: (target: T, handler: (arg?: unknown) => unknown) => Subscription];

/**
 * Subscribes to every route on `target`, calling `dispatch(name, arg)` for each SDK callback
 * (what it returns goes back to the SDK: a promise from a permission handler delays the prompt).
 * Returns the subscriptions, to be unsubscribed when `target` goes. If a subscription throws,
 * the ones already made are unsubscribed and the error is rethrown.
 */
export function subscribeRoutes<T>(target: T, routes: ReadonlyArray<EventRoute<T>>, dispatch: (name: TalkEventName, arg: unknown) => unknown): Subscription[] {
  const subscriptions: Subscription[] = [];
  try {
    for (const [name, subscribe] of routes) {
      subscriptions.push(subscribe(target, (arg) => dispatch(name, arg)));
    }
  } catch (error) {
    unsubscribeAll(subscriptions);
    throw error;
  }
  return subscriptions;
}

/** Unsubscribes each subscription, ignoring any that throws (the SDK object may be gone). */
export function unsubscribeAll(subscriptions: Subscription[]): void {
  for (const subscription of subscriptions.splice(0)) {
    try {
      subscription.unsubscribe();
    } catch {
      // A destroyed SDK object has already dropped its handlers.
    }
  }
}
