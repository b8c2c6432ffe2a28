import type { TalkEventDetails } from '../../internal/events.js';
import type { Chatbox, SessionLike, Talk } from '../../internal/sdk-types.js';
import { TalkUiElement, UI_ROUTES } from '../../internal/ui-element.js';
import { mountedUiStyles, statusStyles } from '../../internal/ui-element.styles.js';

/**
 * A TalkJS chatbox (`Talk.Chatbox`): one conversation, mounted inside the element. It uses the
 * session of the nearest `<talk-session>` (or its `session` property).
 *
 * Every primitive `ChatboxOptions` field has an attribute (kebab-case) and a property
 * (camelCase); `options` takes the rest. `conversation-id`, `syncConversation`, `as-guest`,
 * `highlighted-words`, `messageFilter`, `presence` and `translate-conversations` (true, false,
 * auto) update the live chatbox; any other option change recreates it once.
 *
 * See https://talkjs.com/docs/UI_Components/JavaScript/Classic/Chatbox/.
 *
 * @tagname talk-chatbox
 * @summary A TalkJS chatbox for one conversation.
 *
 * @slot loading - Shown until the chatbox is mounted.
 * @slot error - Shown when the chatbox or its session failed.
 * @slot - Holds the `<div data-talk-mount>` the chatbox is mounted in (added by the element).
 *
 * @csspart status - The box over the chat area that holds the `loading` and `error` slots.
 *
 * @fires {CustomEvent<{ chatbox: Talk.Chatbox }>} talk-ready - The chatbox is mounted.
 * @fires {CustomEvent<Talk.SendMessageEvent>} talk-send-message - `Chatbox.onSendMessage`; `detail.override()` can change or cancel the message.
 * @fires {CustomEvent<Talk.MessageActionEvent>} talk-custom-message-action - `Chatbox.onCustomMessageAction` (any action).
 * @fires {CustomEvent<Talk.ConversationActionEvent>} talk-custom-conversation-action - `Chatbox.onCustomConversationAction` (any action).
 * @fires {CustomEvent<Talk.LeaveConversationEvent>} talk-leave-conversation - `Chatbox.onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in.
 * @fires {CustomEvent<Talk.MarkConversationAsUnreadEvent>} talk-mark-conversation-as-unread - `Chatbox.onMarkConversationAsUnread`. Cancelable.
 * @fires {CustomEvent<null>} talk-focus - `Chatbox.onFocus`.
 * @fires {CustomEvent<null>} talk-blur - `Chatbox.onBlur`.
 * @fires {CustomEvent<Talk.TranslationToggledEvent>} talk-translation-toggled - `Chatbox.onTranslationToggled`.
 * @fires {CustomEvent<Talk.KeyEvent>} talk-keyup - `Chatbox.onKeyup` (with `capture-keyboard-events`).
 * @fires {CustomEvent<Talk.KeyEvent>} talk-keydown - `Chatbox.onKeydown` (with `capture-keyboard-events`).
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute`, `no-session` or `sdk-error`.
 *
 * @cssstate loading - Until the chatbox is mounted.
 * @cssstate ready - While the chatbox is mounted.
 * @cssstate error - After a failure.
 */
export class TalkChatboxElement extends TalkUiElement<Chatbox, Talk.ChatboxOptions> {
  static override styles = [statusStyles, mountedUiStyles];

  protected readonly sdkName = 'Chatbox';
  protected readonly routes = UI_ROUTES;

  /** The live `Talk.Chatbox`; `undefined` while loading, after an error and after removal. */
  get chatbox(): Chatbox | undefined {
    return this.box;
  }

  protected createBox(session: SessionLike, options: Talk.ChatboxOptions): Chatbox {
    return session.createChatbox(options);
  }

  protected mountBox(chatbox: Chatbox): Promise<void> {
    return chatbox.mount(this.mountContainer);
  }

  protected readyDetail(chatbox: Chatbox): TalkEventDetails['talk-ready'] {
    return { chatbox };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-chatbox': TalkChatboxElement;
  }
}
