import type {
  TalkChatboxElement,
  TalkHtmlPanelElement,
  TalkInboxElement,
  TalkOnlineStatusElement,
  TalkPopupElement,
  TalkSessionElement,
  TalkTypingIndicatorElement,
  TalkUnreadBadgeElement,
} from "../dist/index.js";
import type { TalkEventDetails } from "../dist/index.js";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = "", Suffix extends string = ""> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

export type TalkChatboxElementProps = {
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  "conversation-id"?: TalkChatboxElement["conversationId"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  "as-guest"?: TalkChatboxElement["asGuest"];
  /** The conversation's subject, created or updated with the conversation
(`ConversationBuilder.setAttributes({ subject })`). Like `photo-url`, `participants`,
`welcome-messages`, `custom` and `with-user`, it makes the element sync the conversation
(`session.getOrCreateConversation(id)`, with the current user as a participant) and select
it, for pages without script. Needs `conversation-id` or `with-user`. */
  subject?: TalkChatboxElement["subject"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  "photo-url"?: TalkChatboxElement["photoUrl"];
  /** Users to add to the conversation, by id, comma-separated (`setParticipant(new Talk.User(id))`;
the users must exist in TalkJS). The current user is always added. */
  participants?: TalkChatboxElement["participants"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  "welcome-messages"?: TalkChatboxElement["welcomeMessages"];
  /** The conversation's custom data, as JSON with string values (`setAttributes({ custom })`). */
  custom?: TalkChatboxElement["custom"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  "with-user"?: TalkChatboxElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  "with-user-name"?: TalkChatboxElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  "highlighted-words"?: TalkChatboxElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  "message-filter"?: TalkChatboxElement["messageFilter"];
  /** The user's presence in this UI (`ChatboxOptions.presence`, live through `setPresence`). As an
attribute, JSON (`presence='{"visible": false}'`); the property wins over the attribute. */
  presence?: TalkChatboxElement["presence"];
  /** Text direction (`ChatboxOptions.dir`): the element's own `dir` attribute, `ltr` or `rtl`
passed to TalkJS; `auto` or absent lets TalkJS follow the page. */
  dir?: TalkChatboxElement["dir"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  "message-suggestion"?: TalkChatboxElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  "show-chat-header"?: TalkChatboxElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  "chat-title-mode"?: TalkChatboxElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  "chat-subtitle-mode"?: TalkChatboxElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  "show-translation-toggle"?: TalkChatboxElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  "translate-conversations"?: TalkChatboxElement["translateConversations"];
  /** The theme: a name as an attribute, or `ThemeOptions` from script (`ChatboxOptions.theme`). */
  theme?: TalkChatboxElement["theme"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  "capture-keyboard-events"?: TalkChatboxElement["captureKeyboardEvents"];
  /** Any further SDK options (`ChatboxOptions`, `InboxOptions` or `PopupOptions`). The dedicated
properties above win over the same key here. Compared by content, so setting an equal object
again changes nothing. As an attribute, JSON (`options='{"showChatHeader": false}'`); the
property wins over the attribute. */
  options?: TalkChatboxElement["options"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkChatboxElement["sessionTimeout"];
  /** The live `Talk.Chatbox`; `undefined` while loading, after an error and after removal. */
  chatbox?: TalkChatboxElement["chatbox"];
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  conversationId?: TalkChatboxElement["conversationId"];
  /** A conversation to create or update and show: a `ConversationBuilder`, or a function
`(session) => session.getOrCreateConversation(...)`. Selected instead of `conversationId`. */
  syncConversation?: TalkChatboxElement["syncConversation"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  asGuest?: TalkChatboxElement["asGuest"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  photoUrl?: TalkChatboxElement["photoUrl"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  welcomeMessages?: TalkChatboxElement["welcomeMessages"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  withUser?: TalkChatboxElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  withUserName?: TalkChatboxElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  highlightedWords?: TalkChatboxElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  messageFilter?: TalkChatboxElement["messageFilter"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  messageSuggestion?: TalkChatboxElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  showChatHeader?: TalkChatboxElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  chatTitleMode?: TalkChatboxElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  chatSubtitleMode?: TalkChatboxElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  showTranslationToggle?: TalkChatboxElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  translateConversations?: TalkChatboxElement["translateConversations"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  captureKeyboardEvents?: TalkChatboxElement["captureKeyboardEvents"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkChatboxElement["sessionTimeout"];
  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s, for use outside any
`<talk-session>`. The kit does not destroy a session it was given. */
  session?: TalkChatboxElement["session"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkChatboxElement["status"];
  /** The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`. */
  "ontalk-ready"?: (e: CustomEvent<TalkEventDetails["talk-ready"]>) => void;
  /** `onSendMessage`; `detail.override()` can change or cancel the message. */
  "ontalk-send-message"?: (e: CustomEvent<TalkEventDetails["talk-send-message"]>) => void;
  /** `onCustomMessageAction` (any action). */
  "ontalk-custom-message-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-message-action"]>) => void;
  /** `onCustomConversationAction` (any action). */
  "ontalk-custom-conversation-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-conversation-action"]>) => void;
  /** `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in. */
  "ontalk-leave-conversation"?: (e: CustomEvent<TalkEventDetails["talk-leave-conversation"]>) => void;
  /** `onMarkConversationAsUnread`. Cancelable. */
  "ontalk-mark-conversation-as-unread"?: (e: CustomEvent<TalkEventDetails["talk-mark-conversation-as-unread"]>) => void;
  /** `onFocus`. */
  "ontalk-focus"?: (e: CustomEvent<TalkEventDetails["talk-focus"]>) => void;
  /** `onBlur`. */
  "ontalk-blur"?: (e: CustomEvent<TalkEventDetails["talk-blur"]>) => void;
  /** `onTranslationToggled`. */
  "ontalk-translation-toggled"?: (e: CustomEvent<TalkEventDetails["talk-translation-toggled"]>) => void;
  /** `onKeyup` (with `capture-keyboard-events`). */
  "ontalk-keyup"?: (e: CustomEvent<TalkEventDetails["talk-keyup"]>) => void;
  /** `onKeydown` (with `capture-keyboard-events`). */
  "ontalk-keydown"?: (e: CustomEvent<TalkEventDetails["talk-keydown"]>) => void;
  /** `invalid-attribute`, `no-session` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkHtmlPanelElementProps = {
  /** The page to show, absolute or relative to the page (`HtmlPanelOptions.url`). Required. */
  url?: TalkHtmlPanelElement["url"];
  /** The panel's height in pixels (`HtmlPanelOptions.height`, live through `setHeight`). Default 100. */
  height?: TalkHtmlPanelElement["height"];
  /** Show (`true`, default) or hide (`false`) the panel (`HtmlPanelOptions.show`, live through `show()`/`hide()`). */
  show?: TalkHtmlPanelElement["show"];
  /** Show the panel only in this conversation (`HtmlPanelOptions.conversation`). */
  "conversation-id"?: TalkHtmlPanelElement["conversationId"];
  /** Show the panel only in this conversation (`HtmlPanelOptions.conversation`). */
  conversationId?: TalkHtmlPanelElement["conversationId"];
  /** The live `Talk.HtmlPanel`, once created. */
  htmlPanel?: TalkHtmlPanelElement["htmlPanel"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkHtmlPanelElement["status"];
  /** The panel was created (and, same-origin, filled). */
  "ontalk-ready"?: (e: CustomEvent<TalkEventDetails["talk-ready"]>) => void;
  /** `invalid-attribute` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkInboxElementProps = {
  /** Show the feed header with the desktop-notification toggle (`InboxOptions.showFeedHeader`; TalkJS default `true`). */
  "show-feed-header"?: TalkInboxElement["showFeedHeader"];
  /** How feed items are titled (`InboxOptions.feedConversationTitleMode`): `participants`, `subject` or `auto` (legacy themes only). */
  "feed-conversation-title-mode"?: TalkInboxElement["feedConversationTitleMode"];
  /** Count conversation switches as browser history steps (`InboxOptions.useBrowserHistory`; TalkJS default `true`). */
  "use-browser-history"?: TalkInboxElement["useBrowserHistory"];
  /** Show a Back button on mobile (`InboxOptions.showMobileBackButton`). */
  "show-mobile-back-button"?: TalkInboxElement["showMobileBackButton"];
  /** Which conversations the feed shows (`InboxOptions.feedFilter`, live through `setFeedFilter`).
As an attribute, JSON (`feed-filter='{"hasUnreadMessages": true}'`); the property wins over
the attribute. */
  "feed-filter"?: TalkInboxElement["feedFilter"];
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  "conversation-id"?: TalkInboxElement["conversationId"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  "as-guest"?: TalkInboxElement["asGuest"];
  /** The conversation's subject, created or updated with the conversation
(`ConversationBuilder.setAttributes({ subject })`). Like `photo-url`, `participants`,
`welcome-messages`, `custom` and `with-user`, it makes the element sync the conversation
(`session.getOrCreateConversation(id)`, with the current user as a participant) and select
it, for pages without script. Needs `conversation-id` or `with-user`. */
  subject?: TalkInboxElement["subject"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  "photo-url"?: TalkInboxElement["photoUrl"];
  /** Users to add to the conversation, by id, comma-separated (`setParticipant(new Talk.User(id))`;
the users must exist in TalkJS). The current user is always added. */
  participants?: TalkInboxElement["participants"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  "welcome-messages"?: TalkInboxElement["welcomeMessages"];
  /** The conversation's custom data, as JSON with string values (`setAttributes({ custom })`). */
  custom?: TalkInboxElement["custom"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  "with-user"?: TalkInboxElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  "with-user-name"?: TalkInboxElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  "highlighted-words"?: TalkInboxElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  "message-filter"?: TalkInboxElement["messageFilter"];
  /** The user's presence in this UI (`ChatboxOptions.presence`, live through `setPresence`). As an
attribute, JSON (`presence='{"visible": false}'`); the property wins over the attribute. */
  presence?: TalkInboxElement["presence"];
  /** Text direction (`ChatboxOptions.dir`): the element's own `dir` attribute, `ltr` or `rtl`
passed to TalkJS; `auto` or absent lets TalkJS follow the page. */
  dir?: TalkInboxElement["dir"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  "message-suggestion"?: TalkInboxElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  "show-chat-header"?: TalkInboxElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  "chat-title-mode"?: TalkInboxElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  "chat-subtitle-mode"?: TalkInboxElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  "show-translation-toggle"?: TalkInboxElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  "translate-conversations"?: TalkInboxElement["translateConversations"];
  /** The theme: a name as an attribute, or `ThemeOptions` from script (`ChatboxOptions.theme`). */
  theme?: TalkInboxElement["theme"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  "capture-keyboard-events"?: TalkInboxElement["captureKeyboardEvents"];
  /** Any further SDK options (`ChatboxOptions`, `InboxOptions` or `PopupOptions`). The dedicated
properties above win over the same key here. Compared by content, so setting an equal object
again changes nothing. As an attribute, JSON (`options='{"showChatHeader": false}'`); the
property wins over the attribute. */
  options?: TalkInboxElement["options"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkInboxElement["sessionTimeout"];
  /** Show the feed header with the desktop-notification toggle (`InboxOptions.showFeedHeader`; TalkJS default `true`). */
  showFeedHeader?: TalkInboxElement["showFeedHeader"];
  /** How feed items are titled (`InboxOptions.feedConversationTitleMode`): `participants`, `subject` or `auto` (legacy themes only). */
  feedConversationTitleMode?: TalkInboxElement["feedConversationTitleMode"];
  /** Count conversation switches as browser history steps (`InboxOptions.useBrowserHistory`; TalkJS default `true`). */
  useBrowserHistory?: TalkInboxElement["useBrowserHistory"];
  /** Show a Back button on mobile (`InboxOptions.showMobileBackButton`). */
  showMobileBackButton?: TalkInboxElement["showMobileBackButton"];
  /** Which conversations the feed shows (`InboxOptions.feedFilter`, live through `setFeedFilter`).
As an attribute, JSON (`feed-filter='{"hasUnreadMessages": true}'`); the property wins over
the attribute. */
  feedFilter?: TalkInboxElement["feedFilter"];
  /** The live `Talk.Inbox`; `undefined` while loading, after an error and after removal. */
  inbox?: TalkInboxElement["inbox"];
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  conversationId?: TalkInboxElement["conversationId"];
  /** A conversation to create or update and show: a `ConversationBuilder`, or a function
`(session) => session.getOrCreateConversation(...)`. Selected instead of `conversationId`. */
  syncConversation?: TalkInboxElement["syncConversation"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  asGuest?: TalkInboxElement["asGuest"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  photoUrl?: TalkInboxElement["photoUrl"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  welcomeMessages?: TalkInboxElement["welcomeMessages"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  withUser?: TalkInboxElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  withUserName?: TalkInboxElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  highlightedWords?: TalkInboxElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  messageFilter?: TalkInboxElement["messageFilter"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  messageSuggestion?: TalkInboxElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  showChatHeader?: TalkInboxElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  chatTitleMode?: TalkInboxElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  chatSubtitleMode?: TalkInboxElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  showTranslationToggle?: TalkInboxElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  translateConversations?: TalkInboxElement["translateConversations"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  captureKeyboardEvents?: TalkInboxElement["captureKeyboardEvents"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkInboxElement["sessionTimeout"];
  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s, for use outside any
`<talk-session>`. The kit does not destroy a session it was given. */
  session?: TalkInboxElement["session"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkInboxElement["status"];
  /** `Inbox.onSelectConversation`. Cancelable: `preventDefault()` keeps the current conversation. */
  "ontalk-select-conversation"?: (e: CustomEvent<TalkEventDetails["talk-select-conversation"]>) => void;
  /** `Inbox.onConversationSelected`. */
  "ontalk-conversation-selected"?: (e: CustomEvent<TalkEventDetails["talk-conversation-selected"]>) => void;
  /** `Inbox.onDesktopNotificationToggled`. */
  "ontalk-desktop-notification-toggled"?: (
    e: CustomEvent<TalkEventDetails["talk-desktop-notification-toggled"]>,
  ) => void;
  /** The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`. */
  "ontalk-ready"?: (e: CustomEvent<TalkEventDetails["talk-ready"]>) => void;
  /** `onSendMessage`; `detail.override()` can change or cancel the message. */
  "ontalk-send-message"?: (e: CustomEvent<TalkEventDetails["talk-send-message"]>) => void;
  /** `onCustomMessageAction` (any action). */
  "ontalk-custom-message-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-message-action"]>) => void;
  /** `onCustomConversationAction` (any action). */
  "ontalk-custom-conversation-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-conversation-action"]>) => void;
  /** `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in. */
  "ontalk-leave-conversation"?: (e: CustomEvent<TalkEventDetails["talk-leave-conversation"]>) => void;
  /** `onMarkConversationAsUnread`. Cancelable. */
  "ontalk-mark-conversation-as-unread"?: (e: CustomEvent<TalkEventDetails["talk-mark-conversation-as-unread"]>) => void;
  /** `onFocus`. */
  "ontalk-focus"?: (e: CustomEvent<TalkEventDetails["talk-focus"]>) => void;
  /** `onBlur`. */
  "ontalk-blur"?: (e: CustomEvent<TalkEventDetails["talk-blur"]>) => void;
  /** `onTranslationToggled`. */
  "ontalk-translation-toggled"?: (e: CustomEvent<TalkEventDetails["talk-translation-toggled"]>) => void;
  /** `onKeyup` (with `capture-keyboard-events`). */
  "ontalk-keyup"?: (e: CustomEvent<TalkEventDetails["talk-keyup"]>) => void;
  /** `onKeydown` (with `capture-keyboard-events`). */
  "ontalk-keydown"?: (e: CustomEvent<TalkEventDetails["talk-keydown"]>) => void;
  /** `invalid-attribute`, `no-session` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkOnlineStatusElementProps = {
  /** The user to follow (`session.user(userId)`). */
  "user-id"?: TalkOnlineStatusElement["userId"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkOnlineStatusElement["sessionTimeout"];
  /** The user to follow (`session.user(userId)`). */
  userId?: TalkOnlineStatusElement["userId"];
  /** True while the user is online. */
  online?: TalkOnlineStatusElement["online"];
  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s. */
  session?: TalkOnlineStatusElement["session"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkOnlineStatusElement["sessionTimeout"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkOnlineStatusElement["status"];
  /** A new snapshot from `UserRef.subscribeOnline` (`null`: no such user). */
  "ontalk-online-change"?: (e: CustomEvent<TalkEventDetails["talk-online-change"]>) => void;
  /** `invalid-attribute`, `no-session`, `unknown-user` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkPopupElementProps = {
  /** Open (`true`) or close (`false`) the popup: `mount({ show })`, then `popup.show()` /
`popup.hide()`. Absent at mount: TalkJS decides (closed, unless `keep-open` restores it).
`"false"` is false. */
  show?: TalkPopupElement["show"];
  /** Reopen the popup on the next page the user visits (`PopupOptions.keepOpen`). */
  "keep-open"?: TalkPopupElement["keepOpen"];
  /** When to show the round launcher button (`PopupOptions.launcher`): `always`, `close-only` or `never`. */
  launcher?: TalkPopupElement["launcher"];
  /** Show an × in the popup header (`PopupOptions.showCloseInHeader`): `true`, `false` or `auto`. */
  "show-close-in-header"?: TalkPopupElement["showCloseInHeader"];
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  "conversation-id"?: TalkPopupElement["conversationId"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  "as-guest"?: TalkPopupElement["asGuest"];
  /** The conversation's subject, created or updated with the conversation
(`ConversationBuilder.setAttributes({ subject })`). Like `photo-url`, `participants`,
`welcome-messages`, `custom` and `with-user`, it makes the element sync the conversation
(`session.getOrCreateConversation(id)`, with the current user as a participant) and select
it, for pages without script. Needs `conversation-id` or `with-user`. */
  subject?: TalkPopupElement["subject"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  "photo-url"?: TalkPopupElement["photoUrl"];
  /** Users to add to the conversation, by id, comma-separated (`setParticipant(new Talk.User(id))`;
the users must exist in TalkJS). The current user is always added. */
  participants?: TalkPopupElement["participants"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  "welcome-messages"?: TalkPopupElement["welcomeMessages"];
  /** The conversation's custom data, as JSON with string values (`setAttributes({ custom })`). */
  custom?: TalkPopupElement["custom"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  "with-user"?: TalkPopupElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  "with-user-name"?: TalkPopupElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  "highlighted-words"?: TalkPopupElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  "message-filter"?: TalkPopupElement["messageFilter"];
  /** The user's presence in this UI (`ChatboxOptions.presence`, live through `setPresence`). As an
attribute, JSON (`presence='{"visible": false}'`); the property wins over the attribute. */
  presence?: TalkPopupElement["presence"];
  /** Text direction (`ChatboxOptions.dir`): the element's own `dir` attribute, `ltr` or `rtl`
passed to TalkJS; `auto` or absent lets TalkJS follow the page. */
  dir?: TalkPopupElement["dir"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  "message-suggestion"?: TalkPopupElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  "show-chat-header"?: TalkPopupElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  "chat-title-mode"?: TalkPopupElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  "chat-subtitle-mode"?: TalkPopupElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  "show-translation-toggle"?: TalkPopupElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  "translate-conversations"?: TalkPopupElement["translateConversations"];
  /** The theme: a name as an attribute, or `ThemeOptions` from script (`ChatboxOptions.theme`). */
  theme?: TalkPopupElement["theme"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  "capture-keyboard-events"?: TalkPopupElement["captureKeyboardEvents"];
  /** Any further SDK options (`ChatboxOptions`, `InboxOptions` or `PopupOptions`). The dedicated
properties above win over the same key here. Compared by content, so setting an equal object
again changes nothing. As an attribute, JSON (`options='{"showChatHeader": false}'`); the
property wins over the attribute. */
  options?: TalkPopupElement["options"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkPopupElement["sessionTimeout"];
  /** Reopen the popup on the next page the user visits (`PopupOptions.keepOpen`). */
  keepOpen?: TalkPopupElement["keepOpen"];
  /** Show an × in the popup header (`PopupOptions.showCloseInHeader`): `true`, `false` or `auto`. */
  showCloseInHeader?: TalkPopupElement["showCloseInHeader"];
  /** The live `Talk.Popup`; `undefined` while loading, after an error and after removal. */
  popup?: TalkPopupElement["popup"];
  /** The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
then shows its feed). Changing it calls `select` on the live UI. */
  conversationId?: TalkPopupElement["conversationId"];
  /** A conversation to create or update and show: a `ConversationBuilder`, or a function
`(session) => session.getOrCreateConversation(...)`. Selected instead of `conversationId`. */
  syncConversation?: TalkPopupElement["syncConversation"];
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  asGuest?: TalkPopupElement["asGuest"];
  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  photoUrl?: TalkPopupElement["photoUrl"];
  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  welcomeMessages?: TalkPopupElement["welcomeMessages"];
  /** Another user's id: shows the one-on-one conversation of the current user and that user, whose
id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
`conversation-id`. */
  withUser?: TalkPopupElement["withUser"];
  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  withUserName?: TalkPopupElement["withUserName"];
  /** Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
Applied live. */
  highlightedWords?: TalkPopupElement["highlightedWords"];
  /** Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
the property wins over the attribute. Malformed JSON is `invalid-attribute`. */
  messageFilter?: TalkPopupElement["messageFilter"];
  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  messageSuggestion?: TalkPopupElement["messageSuggestion"];
  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  showChatHeader?: TalkPopupElement["showChatHeader"];
  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  chatTitleMode?: TalkPopupElement["chatTitleMode"];
  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  chatSubtitleMode?: TalkPopupElement["chatSubtitleMode"];
  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  showTranslationToggle?: TalkPopupElement["showTranslationToggle"];
  /** `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`). */
  translateConversations?: TalkPopupElement["translateConversations"];
  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  captureKeyboardEvents?: TalkPopupElement["captureKeyboardEvents"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkPopupElement["sessionTimeout"];
  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s, for use outside any
`<talk-session>`. The kit does not destroy a session it was given. */
  session?: TalkPopupElement["session"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkPopupElement["status"];
  /** `Popup.onOpen`: the popup opened. */
  "ontalk-open"?: (e: CustomEvent<TalkEventDetails["talk-open"]>) => void;
  /** `Popup.onClose`: the popup closed. */
  "ontalk-close"?: (e: CustomEvent<TalkEventDetails["talk-close"]>) => void;
  /** The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`. */
  "ontalk-ready"?: (e: CustomEvent<TalkEventDetails["talk-ready"]>) => void;
  /** `onSendMessage`; `detail.override()` can change or cancel the message. */
  "ontalk-send-message"?: (e: CustomEvent<TalkEventDetails["talk-send-message"]>) => void;
  /** `onCustomMessageAction` (any action). */
  "ontalk-custom-message-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-message-action"]>) => void;
  /** `onCustomConversationAction` (any action). */
  "ontalk-custom-conversation-action"?: (e: CustomEvent<TalkEventDetails["talk-custom-conversation-action"]>) => void;
  /** `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in. */
  "ontalk-leave-conversation"?: (e: CustomEvent<TalkEventDetails["talk-leave-conversation"]>) => void;
  /** `onMarkConversationAsUnread`. Cancelable. */
  "ontalk-mark-conversation-as-unread"?: (e: CustomEvent<TalkEventDetails["talk-mark-conversation-as-unread"]>) => void;
  /** `onFocus`. */
  "ontalk-focus"?: (e: CustomEvent<TalkEventDetails["talk-focus"]>) => void;
  /** `onBlur`. */
  "ontalk-blur"?: (e: CustomEvent<TalkEventDetails["talk-blur"]>) => void;
  /** `onTranslationToggled`. */
  "ontalk-translation-toggled"?: (e: CustomEvent<TalkEventDetails["talk-translation-toggled"]>) => void;
  /** `onKeyup` (with `capture-keyboard-events`). */
  "ontalk-keyup"?: (e: CustomEvent<TalkEventDetails["talk-keyup"]>) => void;
  /** `onKeydown` (with `capture-keyboard-events`). */
  "ontalk-keydown"?: (e: CustomEvent<TalkEventDetails["talk-keydown"]>) => void;
  /** `invalid-attribute`, `no-session` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkSessionElementProps = {
  /** Your TalkJS app's ID, from the dashboard's Settings page (`SessionOptions.appId`). Required. */
  "app-id"?: TalkSessionElement["appId"];
  /** The current user's id (`SessionOptions.userId`). Required unless `syncUser` is set. */
  "user-id"?: TalkSessionElement["userId"];
  /** A JWT that authenticates the session (`SessionOptions.token`). See
https://talkjs.com/docs/Features/Security/Authentication/. Cannot be combined with `signature`. */
  token?: TalkSessionElement["token"];
  /** Legacy HMAC-SHA256 signature of the user id (`SessionOptions.signature`). Prefer `token`.
Cannot be combined with `token`. */
  signature?: TalkSessionElement["signature"];
  /** Turns desktop notifications on or off (`Session.setDesktopNotificationEnabled`); absent leaves
the user's own choice alone. The string `"false"` means false. Turning them on may show the
browser's permission prompt, which browsers block or penalise on page load: unless
`Notification.permission` is already `granted`, the kit waits for the next click or key
press the page receives (clicks inside TalkJS's frames do not reach the page; the inbox's own
notification toggle covers those). A refusal by the browser is reported as `sdk-error`. */
  "desktop-notification-enabled"?: TalkSessionElement["desktopNotificationEnabled"];
  /** How long to wait for the TalkJS SDK to load, in milliseconds, before reporting
`sdk-load-failed`. Default 15000. */
  "load-timeout"?: TalkSessionElement["loadTimeout"];
  /** A URL that returns a fresh JWT for the user, for pages without script: the kit `POST`s
`{ "userId": … }` as JSON with `credentials: 'same-origin'` and accepts the token as plain text
or as JSON `{ "token": "…" }`. Used for the first token (unless `token` is set) and every
refresh, retried as `tokenRetry` says; a final failure reports `token-fetch-failed`.
Changing it creates a new session. */
  "token-endpoint"?: TalkSessionElement["tokenEndpoint"];
  /** The user's name (`Talk.User.name`). Required with any other `user-*` attribute. */
  "user-name"?: TalkSessionElement["userName"];
  /** The user's email address (`Talk.User.email`), for email notifications. */
  "user-email"?: TalkSessionElement["userEmail"];
  /** The URL of the user's photo (`Talk.User.photoUrl`). */
  "user-photo-url"?: TalkSessionElement["userPhotoUrl"];
  /** The user's role (`Talk.User.role`), as configured in the TalkJS dashboard. */
  "user-role"?: TalkSessionElement["userRole"];
  /** The user's locale, an IETF language tag such as `nl-NL` (`Talk.User.locale`). */
  "user-locale"?: TalkSessionElement["userLocale"];
  /** The message others see when they start a chat with the user (`Talk.User.welcomeMessage`). */
  "user-welcome-message"?: TalkSessionElement["userWelcomeMessage"];
  /** Custom data for the user, as JSON with string values (`Talk.User.custom`). */
  "user-custom"?: TalkSessionElement["userCustom"];
  /** The live `Talk.Session`, once its credentials and user are checked (when the chat elements
inside may mount); `undefined` while loading, after an error and after removal. */
  session?: TalkSessionElement["session"];
  /** The session's unread conversations as TalkJS last reported them (`Session.unreads.onChange`,
subscribed once per session and kept here), or `undefined` before the first report and
without a session. A `<talk-unread-badge>` added later shows this list at once. */
  unreads?: TalkSessionElement["unreads"];
  /** Your TalkJS app's ID, from the dashboard's Settings page (`SessionOptions.appId`). Required. */
  appId?: TalkSessionElement["appId"];
  /** The current user's id (`SessionOptions.userId`). Required unless `syncUser` is set. */
  userId?: TalkSessionElement["userId"];
  /** Turns desktop notifications on or off (`Session.setDesktopNotificationEnabled`); absent leaves
the user's own choice alone. The string `"false"` means false. Turning them on may show the
browser's permission prompt, which browsers block or penalise on page load: unless
`Notification.permission` is already `granted`, the kit waits for the next click or key
press the page receives (clicks inside TalkJS's frames do not reach the page; the inbox's own
notification toggle covers those). A refusal by the browser is reported as `sdk-error`. */
  desktopNotificationEnabled?: TalkSessionElement["desktopNotificationEnabled"];
  /** How long to wait for the TalkJS SDK to load, in milliseconds, before reporting
`sdk-load-failed`. Default 15000. */
  loadTimeout?: TalkSessionElement["loadTimeout"];
  /** A URL that returns a fresh JWT for the user, for pages without script: the kit `POST`s
`{ "userId": … }` as JSON with `credentials: 'same-origin'` and accepts the token as plain text
or as JSON `{ "token": "…" }`. Used for the first token (unless `token` is set) and every
refresh, retried as `tokenRetry` says; a final failure reports `token-fetch-failed`.
Changing it creates a new session. */
  tokenEndpoint?: TalkSessionElement["tokenEndpoint"];
  /** The user's name (`Talk.User.name`). Required with any other `user-*` attribute. */
  userName?: TalkSessionElement["userName"];
  /** The user's email address (`Talk.User.email`), for email notifications. */
  userEmail?: TalkSessionElement["userEmail"];
  /** The URL of the user's photo (`Talk.User.photoUrl`). */
  userPhotoUrl?: TalkSessionElement["userPhotoUrl"];
  /** The user's role (`Talk.User.role`), as configured in the TalkJS dashboard. */
  userRole?: TalkSessionElement["userRole"];
  /** The user's locale, an IETF language tag such as `nl-NL` (`Talk.User.locale`). */
  userLocale?: TalkSessionElement["userLocale"];
  /** The message others see when they start a chat with the user (`Talk.User.welcomeMessage`). */
  userWelcomeMessage?: TalkSessionElement["userWelcomeMessage"];
  /** Custom data for the user, as JSON with string values (`Talk.User.custom`). */
  userCustom?: TalkSessionElement["userCustom"];
  /** The user to create or update (`SessionOptions.me`): a `Talk.User`, or a function returning one
(called once the SDK is ready, so it may use `new Talk.User(...)`). A different user id
creates a new session; other changed fields update the user through
`session.currentUser.set()` without a new session. */
  syncUser?: TalkSessionElement["syncUser"];
  /** Fetches a fresh JWT from your server (`SessionOptions.tokenFetcher`); TalkJS calls it when the
token is about to expire. Pass a stable function: a new function creates a new session. */
  tokenFetcher?: TalkSessionElement["tokenFetcher"];
  /** How failed token fetches (`tokenFetcher`, `token-endpoint`, `talk-token-required`) are
retried: `{ attempts, baseDelay, maxDelay }` (milliseconds), default `{ attempts: 4, baseDelay:
500, maxDelay: 8000 }`: exponential backoff with full jitter. TalkJS does not retry on its own. */
  tokenRetry?: TalkSessionElement["tokenRetry"];
  /** The Talk namespace to use. Defaults to the `talkjs` package (which loads
https://cdn.talkjs.com/talk.js); tests and offline demos put the fake from
`talkjs-elements/testing` here. Changing it creates a new session. */
  sdk?: TalkSessionElement["sdk"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkSessionElement["status"];
  /** The session was created and is live. */
  "ontalk-session-ready"?: (e: CustomEvent<TalkEventDetails["talk-session-ready"]>) => void;
  /** `Session.onMessage`: a message was sent or received by the user. */
  "ontalk-message"?: (e: CustomEvent<TalkEventDetails["talk-message"]>) => void;
  /** `Session.unreads.onChange`: the unread conversations (once after load, then on every change). */
  "ontalk-unreads-change"?: (e: CustomEvent<TalkEventDetails["talk-unreads-change"]>) => void;
  /** `Session.onDesktopNotificationClicked`. Subscribed in TalkJS (and dispatched) only while a listener for it is added on this element itself (`addEventListener` or a framework binding; not a `document` listener): any SDK handler turns off TalkJS's default (the active inbox jumps to the conversation), which then is yours to do. */
  "ontalk-desktop-notification-clicked"?: (
    e: CustomEvent<TalkEventDetails["talk-desktop-notification-clicked"]>,
  ) => void;
  /** `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user's action; `detail.waitUntil(promise)` delays the browser's prompt until the promise settles (as the SDK handler's returned promise does). */
  "ontalk-browser-permission-needed"?: (e: CustomEvent<TalkEventDetails["talk-browser-permission-needed"]>) => void;
  /** `Session.onBrowserPermissionDenied`. While the kit listens, the SDK shows no alert of its own. */
  "ontalk-browser-permission-denied"?: (e: CustomEvent<TalkEventDetails["talk-browser-permission-denied"]>) => void;
  /** The session needs a JWT and neither `token`, `tokenFetcher` nor `token-endpoint` gives one. Cancelable: call `preventDefault()` to say you will answer, then `detail.resolve(token)` or `detail.reject(error)`. */
  "ontalk-token-required"?: (e: CustomEvent<TalkEventDetails["talk-token-required"]>) => void;
  /** `sdk-load-failed`, `missing-app-id`, `missing-user`, `unknown-user`, `invalid-credentials`, `invalid-attribute`, `token-fetch-failed` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkTypingIndicatorElementProps = {
  /** The conversation to follow (`session.conversation(conversationId)`). */
  "conversation-id"?: TalkTypingIndicatorElement["conversationId"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkTypingIndicatorElement["sessionTimeout"];
  /** The conversation to follow (`session.conversation(conversationId)`). */
  conversationId?: TalkTypingIndicatorElement["conversationId"];
  /** The words shown, or `''` while nobody is typing. */
  text?: TalkTypingIndicatorElement["text"];
  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s. */
  session?: TalkTypingIndicatorElement["session"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkTypingIndicatorElement["sessionTimeout"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkTypingIndicatorElement["status"];
  /** A new snapshot from `ConversationRef.subscribeTyping` (`null`: not a participant). */
  "ontalk-typing-change"?: (e: CustomEvent<TalkEventDetails["talk-typing-change"]>) => void;
  /** `invalid-attribute`, `no-session`, `unknown-conversation` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type TalkUnreadBadgeElementProps = {
  /** What to count: `conversations` (default) with unread messages, or unread `messages`. */
  count?: TalkUnreadBadgeElement["count"];
  /** The highest number shown; above it the badge shows `max+` (e.g. `99+`). Default 99. */
  max?: TalkUnreadBadgeElement["max"];
  /** The accessible label, with `{count}` standing for the number (the exact number, not capped).
Default `{count} unread conversations`, or `{count} unread messages` (with `count="messages"` or `conversation-id`). */
  label?: TalkUnreadBadgeElement["label"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  "session-timeout"?: TalkUnreadBadgeElement["sessionTimeout"];
  /** One conversation's id: the badge then shows that conversation's unread message count (its
`UnreadConversation.unreadMessageCount`; 0 when it has none unread), whatever `count` says. */
  "conversation-id"?: TalkUnreadBadgeElement["conversationId"];
  /** One conversation's id: the badge then shows that conversation's unread message count (its
`UnreadConversation.unreadMessageCount`; 0 when it has none unread), whatever `count` says. */
  conversationId?: TalkUnreadBadgeElement["conversationId"];
  /** A `Talk.Session` to count for, instead of the nearest `<talk-session>`'s. */
  session?: TalkUnreadBadgeElement["session"];
  /** How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
before reporting `no-session`. Default 5000. */
  sessionTimeout?: TalkUnreadBadgeElement["sessionTimeout"];
  /** The current number (unread conversations or messages); 0 until known. */
  value?: TalkUnreadBadgeElement["value"];
  /** Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
`error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
`:state(loading)`, `:state(ready)` and `:state(error)`. */
  status?: TalkUnreadBadgeElement["status"];
  /** `invalid-attribute`, `no-session` or `sdk-error`. */
  "ontalk-error"?: (e: CustomEvent<TalkEventDetails["talk-error"]>) => void;
};

export type CustomElements = {
  /**
   * A TalkJS chatbox for one conversation.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-ready** - The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`.
   * - **talk-send-message** - `onSendMessage`; `detail.override()` can change or cancel the message.
   * - **talk-custom-message-action** - `onCustomMessageAction` (any action).
   * - **talk-custom-conversation-action** - `onCustomConversationAction` (any action).
   * - **talk-leave-conversation** - `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in.
   * - **talk-mark-conversation-as-unread** - `onMarkConversationAsUnread`. Cancelable.
   * - **talk-focus** - `onFocus`.
   * - **talk-blur** - `onBlur`.
   * - **talk-translation-toggled** - `onTranslationToggled`.
   * - **talk-keyup** - `onKeyup` (with `capture-keyboard-events`).
   * - **talk-keydown** - `onKeydown` (with `capture-keyboard-events`).
   * - **talk-error** - `invalid-attribute`, `no-session` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - Holds the `<div data-talk-mount>` the chatbox is mounted in (added by the element).
   * - **loading** - Shown until the UI is mounted (in a polite live region; a visually hidden sentence when empty).
   * - **error** - Shown when the UI or its session failed (in an alert; a visually hidden sentence when empty).
   *
   * ### **CSS Parts:**
   *  - **status** - The box over the UI's area that holds the `loading` and `error` slots.
   */
  "talk-chatbox": Partial<TalkChatboxElementProps & BaseProps & BaseEvents>;

  /**
   * An HTML panel above the message field of its parent chat element.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-ready** - The panel was created (and, same-origin, filled).
   * - **talk-error** - `invalid-attribute` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - Markup copied into the panel's document when `url` is same-origin.
   */
  "talk-html-panel": Partial<TalkHtmlPanelElementProps & BaseProps & BaseEvents>;

  /**
   * A TalkJS inbox: the conversation feed and the selected conversation.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-select-conversation** - `Inbox.onSelectConversation`. Cancelable: `preventDefault()` keeps the current conversation.
   * - **talk-conversation-selected** - `Inbox.onConversationSelected`.
   * - **talk-desktop-notification-toggled** - `Inbox.onDesktopNotificationToggled`.
   * - **talk-ready** - The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`.
   * - **talk-send-message** - `onSendMessage`; `detail.override()` can change or cancel the message.
   * - **talk-custom-message-action** - `onCustomMessageAction` (any action).
   * - **talk-custom-conversation-action** - `onCustomConversationAction` (any action).
   * - **talk-leave-conversation** - `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in.
   * - **talk-mark-conversation-as-unread** - `onMarkConversationAsUnread`. Cancelable.
   * - **talk-focus** - `onFocus`.
   * - **talk-blur** - `onBlur`.
   * - **talk-translation-toggled** - `onTranslationToggled`.
   * - **talk-keyup** - `onKeyup` (with `capture-keyboard-events`).
   * - **talk-keydown** - `onKeydown` (with `capture-keyboard-events`).
   * - **talk-error** - `invalid-attribute`, `no-session` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - Holds the `<div data-talk-mount>` the inbox is mounted in (added by the element).
   * - **loading** - Shown until the UI is mounted (in a polite live region; a visually hidden sentence when empty).
   * - **error** - Shown when the UI or its session failed (in an alert; a visually hidden sentence when empty).
   *
   * ### **CSS Parts:**
   *  - **status** - The box over the UI's area that holds the `loading` and `error` slots.
   */
  "talk-inbox": Partial<TalkInboxElementProps & BaseProps & BaseEvents>;

  /**
   * A live online/offline indicator for one user.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-online-change** - A new snapshot from `UserRef.subscribeOnline` (`null`: no such user).
   * - **talk-error** - `invalid-attribute`, `no-session`, `unknown-user` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **online** - Shown while the user is online. Default: "Online".
   * - **offline** - Shown while the user is offline (or unknown, or before the first answer). Default: "Offline".
   *
   * ### **CSS Properties:**
   *  - **--talk-online-color** - The dot's colour while online. Default `#1a7f37`. _(default: undefined)_
   * - **--talk-offline-color** - The dot's colour while offline. Default `#6e7781`. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **dot** - The round indicator before the text.
   */
  "talk-online-status": Partial<TalkOnlineStatusElementProps & BaseProps & BaseEvents>;

  /**
   * A TalkJS popup chat window with a launcher button.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-open** - `Popup.onOpen`: the popup opened.
   * - **talk-close** - `Popup.onClose`: the popup closed.
   * - **talk-ready** - The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`.
   * - **talk-send-message** - `onSendMessage`; `detail.override()` can change or cancel the message.
   * - **talk-custom-message-action** - `onCustomMessageAction` (any action).
   * - **talk-custom-conversation-action** - `onCustomConversationAction` (any action).
   * - **talk-leave-conversation** - `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in.
   * - **talk-mark-conversation-as-unread** - `onMarkConversationAsUnread`. Cancelable.
   * - **talk-focus** - `onFocus`.
   * - **talk-blur** - `onBlur`.
   * - **talk-translation-toggled** - `onTranslationToggled`.
   * - **talk-keyup** - `onKeyup` (with `capture-keyboard-events`).
   * - **talk-keydown** - `onKeydown` (with `capture-keyboard-events`).
   * - **talk-error** - `invalid-attribute`, `no-session` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **loading** - Shown until the UI is mounted (in a polite live region; a visually hidden sentence when empty).
   * - **error** - Shown when the UI or its session failed (in an alert; a visually hidden sentence when empty).
   *
   * ### **CSS Parts:**
   *  - **status** - The box over the UI's area that holds the `loading` and `error` slots.
   */
  "talk-popup": Partial<TalkPopupElementProps & BaseProps & BaseEvents>;

  /**
   * Holds one TalkJS session and provides it to the chat elements inside it.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-session-ready** - The session was created and is live.
   * - **talk-message** - `Session.onMessage`: a message was sent or received by the user.
   * - **talk-unreads-change** - `Session.unreads.onChange`: the unread conversations (once after load, then on every change).
   * - **talk-desktop-notification-clicked** - `Session.onDesktopNotificationClicked`. Subscribed in TalkJS (and dispatched) only while a listener for it is added on this element itself (`addEventListener` or a framework binding; not a `document` listener): any SDK handler turns off TalkJS's default (the active inbox jumps to the conversation), which then is yours to do.
   * - **talk-browser-permission-needed** - `Session.onBrowserPermissionNeeded`. Cancelable: `preventDefault()` cancels the user's action; `detail.waitUntil(promise)` delays the browser's prompt until the promise settles (as the SDK handler's returned promise does).
   * - **talk-browser-permission-denied** - `Session.onBrowserPermissionDenied`. While the kit listens, the SDK shows no alert of its own.
   * - **talk-token-required** - The session needs a JWT and neither `token`, `tokenFetcher` nor `token-endpoint` gives one. Cancelable: call `preventDefault()` to say you will answer, then `detail.resolve(token)` or `detail.reject(error)`.
   * - **talk-error** - `sdk-load-failed`, `missing-app-id`, `missing-user`, `unknown-user`, `invalid-credentials`, `invalid-attribute`, `token-fetch-failed` or `sdk-error`.
   *
   * ### **Methods:**
   *  - **addEventListener(type: _K_, listener: _(this: HTMLElement, event: HTMLElementEventMap[K]) => unknown_, options: _boolean | AddEventListenerOptions_): _void_** - As `EventTarget.addEventListener`; a listener for `talk-desktop-notification-clicked`
   * subscribes the session's `onDesktopNotificationClicked` (see the class description).
   * - **removeEventListener(type: _K_, listener: _(this: HTMLElement, event: HTMLElementEventMap[K]) => unknown_, options: _boolean | EventListenerOptions_): _void_** - As `EventTarget.removeEventListener`.
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - The page content, with the chat elements that use this session.
   */
  "talk-session": Partial<TalkSessionElementProps & BaseProps & BaseEvents>;

  /**
   * Who is typing in one conversation, in words; hidden when nobody is.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-typing-change** - A new snapshot from `ConversationRef.subscribeTyping` (`null`: not a participant).
   * - **talk-error** - `invalid-attribute`, `no-session`, `unknown-conversation` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **icon** - Shown before the words while someone is typing (e.g. an animated ellipsis).
   *
   * ### **CSS Parts:**
   *  - **text** - The words.
   */
  "talk-typing-indicator": Partial<TalkTypingIndicatorElementProps & BaseProps & BaseEvents>;

  /**
   * A live count of unread conversations or messages, hidden at zero.
   * ---
   *
   *
   * ### **Events:**
   *  - **talk-error** - `invalid-attribute`, `no-session` or `sdk-error`.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   * - **emit(name: _K_, detail: _TalkEventDetails[K]_, options: _{ cancelable?: boolean }_): _CustomEvent<TalkEventDetails[K]>_** - Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   *
   *
   *
   *
   *
   *
   *
   *
   *
   *
   * ### **CSS Properties:**
   *  - **--talk-unread-badge-background** - The badge's background colour. Default `#d93025`. _(default: undefined)_
   * - **--talk-unread-badge-color** - The badge's text colour. Default `#fff`. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **badge** - The count. Hidden (`hidden`) while zero.
   */
  "talk-unread-badge": Partial<TalkUnreadBadgeElementProps & BaseProps & BaseEvents>;
};
