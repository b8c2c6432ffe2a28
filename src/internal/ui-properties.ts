/**
 * The attributes and properties shared by `<talk-chatbox>`, `<talk-inbox>` and `<talk-popup>`
 * (`TalkUiProperties`), apart from the machinery that runs the SDK object (`ui-element.ts`).
 */
import type { PropertyDeclarations } from '@lit/reactive-element';
import { DEFAULT_SESSION_TIMEOUT } from '../controllers/session-controller.js';
import type { ConversationSource } from './conversation.js';
import {
  booleanAttribute,
  customDataAttribute,
  directionAttribute,
  enumAttribute,
  jsonAttribute,
  listAttribute,
  messagesAttribute,
  nonNegativeNumberAttribute,
  objectOrFunctionProperty,
  objectProperty,
  sessionProperty,
  predicateProperty,
  stringAttribute,
  stringOrObjectAttribute,
  translateConversationsAttribute,
} from './converters.js';
import type { ConversationBuilder, SessionLike, Talk } from './sdk-types.js';
import { TalkElement } from './talk-element.js';

/** The declared attributes and properties of the UI elements, each documented with the SDK option or call it maps to. */
export abstract class TalkUiProperties<Options extends Talk.ChatboxOptions> extends TalkElement {
  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id', converter: stringAttribute },
    syncConversation: { attribute: false, converter: objectOrFunctionProperty },
    asGuest: { attribute: 'as-guest', converter: booleanAttribute },
    subject: { converter: stringAttribute },
    photoUrl: { attribute: 'photo-url', converter: stringAttribute },
    participants: { converter: listAttribute },
    welcomeMessages: { attribute: 'welcome-messages', converter: messagesAttribute },
    custom: { converter: customDataAttribute },
    withUser: { attribute: 'with-user', converter: stringAttribute },
    withUserName: { attribute: 'with-user-name', converter: stringAttribute },
    highlightedWords: { attribute: 'highlighted-words', converter: listAttribute },
    messageFilter: { attribute: 'message-filter', converter: jsonAttribute(predicateProperty, 'messageFilter') },
    presence: { attribute: 'presence', converter: jsonAttribute(objectProperty, 'presence') },
    dir: { reflect: true, converter: directionAttribute },
    messageSuggestion: { attribute: 'message-suggestion', converter: stringAttribute },
    showChatHeader: { attribute: 'show-chat-header', converter: booleanAttribute },
    chatTitleMode: { attribute: 'chat-title-mode', converter: enumAttribute(['subject', 'participants']) },
    chatSubtitleMode: { attribute: 'chat-subtitle-mode', converter: enumAttribute(['subject', 'participants'], { nullWord: 'null' }) },
    showTranslationToggle: { attribute: 'show-translation-toggle', converter: enumAttribute(['auto'], { boolean: true }) },
    translateConversations: { attribute: 'translate-conversations', converter: translateConversationsAttribute },
    theme: { converter: stringOrObjectAttribute },
    captureKeyboardEvents: { attribute: 'capture-keyboard-events', converter: booleanAttribute },
    options: { attribute: 'options', converter: jsonAttribute(objectProperty, 'options') },
    sessionTimeout: { attribute: 'session-timeout', converter: nonNegativeNumberAttribute },
    session: { attribute: false, converter: sessionProperty },
  };

  /**
   * The id of the conversation to show (`select(id)`). Absent or `null` selects nothing (an inbox
   * then shows its feed). Changing it calls `select` on the live UI.
   */
  declare conversationId?: string | null;

  /**
   * A conversation to create or update and show: a `ConversationBuilder`, or a function
   * `(session) => session.getOrCreateConversation(...)`. Selected instead of `conversationId`.
   */
  declare syncConversation?: ConversationSource;

  /** Select the conversation as a guest (`select(conversation, { asGuest })`). `"false"` is false. */
  declare asGuest?: boolean;

  /**
   * The conversation's subject, created or updated with the conversation
   * (`ConversationBuilder.setAttributes({ subject })`). Like `photo-url`, `participants`,
   * `welcome-messages`, `custom` and `with-user`, it makes the element sync the conversation
   * (`session.getOrCreateConversation(id)`, with the current user as a participant) and select
   * it, for pages without script. Needs `conversation-id` or `with-user`.
   */
  declare subject?: string;

  /** The conversation's photo URL (`ConversationBuilder.setAttributes({ photoUrl })`). */
  declare photoUrl?: string;

  /**
   * Users to add to the conversation, by id, comma-separated (`setParticipant(new Talk.User(id))`;
   * the users must exist in TalkJS). The current user is always added.
   */
  declare participants?: string[];

  /** System messages shown at the start of the chat: one message, or a JSON array of messages. */
  declare welcomeMessages?: string[];

  /** The conversation's custom data, as JSON with string values (`setAttributes({ custom })`). */
  declare custom?: Record<string, string | null>;

  /**
   * Another user's id: shows the one-on-one conversation of the current user and that user, whose
   * id is `Talk.oneOnOneId(me, other)` (the marketplace "chat with the seller" button). Not with
   * `conversation-id`.
   */
  declare withUser?: string;

  /** The other user's name, to create that user if it does not exist yet (with `with-user`). */
  declare withUserName?: string;

  /**
   * Words to highlight in messages (`setHighlightedWords`), comma-separated as an attribute.
   * Applied live.
   */
  declare highlightedWords?: string[];

  /**
   * Which messages to show (`ChatboxOptions.messageFilter`, live through `setMessageFilter`). As an
   * attribute, JSON (`message-filter='{"type": ["==", "UserMessage"]}'`); once set from script,
   * the property wins over the attribute. Malformed JSON is `invalid-attribute`.
   */
  declare messageFilter?: Talk.MessagePredicate;

  /**
   * The user's presence in this UI (`ChatboxOptions.presence`, live through `setPresence`). As an
   * attribute, JSON (`presence='{"visible": false}'`); the property wins over the attribute.
   */
  declare presence?: Talk.UserPresence;

  /**
   * Text direction (`ChatboxOptions.dir`): the element's own `dir` attribute, `ltr` or `rtl`
   * passed to TalkJS; `auto` or absent lets TalkJS follow the page.
   */
  declare dir: string;

  /** Suggested text in the message field (`ChatboxOptions.messageSuggestion`, deprecated by TalkJS). */
  declare messageSuggestion?: string;

  /** Show the chat header (`ChatboxOptions.showChatHeader`; TalkJS default `true`). */
  declare showChatHeader?: boolean;

  /** `ChatboxOptions.chatTitleMode`: `subject` or `participants` (legacy themes only). */
  declare chatTitleMode?: 'subject' | 'participants';

  /** `ChatboxOptions.chatSubtitleMode`: `subject`, `participants` or `null` (no subtitle; legacy themes only). */
  declare chatSubtitleMode?: 'subject' | 'participants' | null;

  /** `ChatboxOptions.showTranslationToggle`: `true`, `false` or `auto`. */
  declare showTranslationToggle?: boolean | 'auto';

  /**
   * `ChatboxOptions.translateConversations`: `true`, `false`, `auto`, or conversation ids. A change
   * between `true`, `false` and `auto` applies live (`setTranslationEnabledDefault`).
   */
  declare translateConversations?: boolean | 'auto' | string[] | ConversationBuilder[];

  /** The theme: a name as an attribute, or `ThemeOptions` from script (`ChatboxOptions.theme`). */
  declare theme?: string | Talk.ThemeOptions;

  /** Emit `talk-keyup`/`talk-keydown` (`ChatboxOptions.captureKeyboardEvents`). */
  declare captureKeyboardEvents?: boolean;

  /**
   * Any further SDK options (`ChatboxOptions`, `InboxOptions` or `PopupOptions`). The dedicated
   * properties above win over the same key here. Compared by content, so setting an equal object
   * again changes nothing. As an attribute, JSON (`options='{"showChatHeader": false}'`); the
   * property wins over the attribute.
   */
  declare options?: Partial<Options>;

  /**
   * How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
   * before reporting `no-session`. Default 5000.
   */
  sessionTimeout: number | undefined = DEFAULT_SESSION_TIMEOUT;

  /**
   * A `Talk.Session` to use instead of the nearest `<talk-session>`'s, for use outside any
   * `<talk-session>`. The kit does not destroy a session it was given.
   */
  declare session?: SessionLike;
}
