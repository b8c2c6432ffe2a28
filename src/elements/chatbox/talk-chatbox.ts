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
 * `highlighted-words`, `messageFilter`, `presence`, `message-suggestion`,
 * `options.messageField.visible` and `translate-conversations` (between true, false and auto, or
 * between lists of ids) update the live chatbox through the SDK's setters; any other option
 * change recreates it once.
 *
 * See https://talkjs.com/docs/UI_Components/JavaScript/Classic/Chatbox/.
 *
 * @tagname talk-chatbox
 * @summary A TalkJS chatbox for one conversation.
 *
 * @slot - Holds the `<div data-talk-mount>` the chatbox is mounted in (added by the element).
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
