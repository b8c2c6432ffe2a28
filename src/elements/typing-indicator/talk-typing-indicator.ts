import type { PropertyDeclarations } from '@lit/reactive-element';
import { TypingController } from '../../controllers/data-controllers.js';
import { stringAttribute } from '../../internal/converters.js';
import { TalkDataElement } from '../../internal/data-element.js';
import type { TalkErrorDetail } from '../../internal/errors.js';
import type { Talk } from '../../internal/sdk-types.js';
import { slot } from '../../internal/talk-element.js';
import { typingIndicatorStyles } from './talk-typing-indicator.styles.js';

/**
 * Who is typing in one conversation, in words, live (`session.conversation(id).subscribeTyping`,
 * TalkJS's Data API): "Sebastian is typing…", "Sebastian and Maria are typing…", or "Several
 * people are typing…" when TalkJS only says that many are; hidden while nobody is. Names are
 * joined with `Intl.ListFormat` in the current user's locale (the session's `user-locale` or
 * `syncUser`'s `locale`, else `Session.me.locale`, else the nearest `lang` attribute). For pages without script:
 * `<talk-typing-indicator conversation-id="order-1234"></talk-typing-indicator>`.
 *
 * A `conversation-id` the user is not a participant of shows nothing and reports
 * `unknown-conversation` once.
 *
 * @tagname talk-typing-indicator
 * @summary Who is typing in one conversation, in words; hidden when nobody is.
 *
 * @slot icon - Shown before the words while someone is typing (e.g. an animated ellipsis).
 *
 * @csspart text - The words.
 *
 * @fires {CustomEvent<Talk.TypingSnapshot | null>} talk-typing-change - A new snapshot from `ConversationRef.subscribeTyping` (`null`: not a participant).
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute`, `no-session`, `unknown-conversation` or `sdk-error`.
 *
 * @cssstate typing - While someone is typing (the element is shown).
 * @cssstate loading - Until the first answer.
 * @cssstate ready - While following the conversation.
 * @cssstate error - After `talk-error`.
 */
export class TalkTypingIndicatorElement extends TalkDataElement<Talk.TypingSnapshot> {
  static override styles = typingIndicatorStyles;
  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id', converter: stringAttribute },
  };

  /** The conversation to follow (`session.conversation(conversationId)`). */
  declare conversationId?: string;

  protected readonly data = new TypingController(this, () => this.conversationId);

  readonly #box = document.createElement('span');
  readonly #text = document.createElement('span');

  /** The words shown, or `''` while nobody is typing. */
  get text(): string {
    return this.#text.textContent ?? '';
  }

  protected override shadowContent(): Node[] {
    this.#box.setAttribute('role', 'status');
    this.#text.setAttribute('part', 'text');
    this.#box.append(slot('icon'), this.#text);
    this.#box.hidden = true;
    return [this.#box];
  }

  protected missing(): TalkErrorDetail {
    return {
      code: 'unknown-conversation',
      attribute: 'conversation-id',
      message: `conversation-id="${this.conversationId}" is not a conversation the current user takes part in: nothing to show.`,
    };
  }

  protected show(value: Talk.TypingSnapshot | null | undefined): void {
    const words = value ? this.#words(value) : '';
    this.#text.textContent = words;
    this.#box.hidden = words === '';
    this.setCustomState('typing', words !== '');
  }

  protected announce(value: Talk.TypingSnapshot | null): void {
    this.emit('talk-typing-change', value);
  }

  /** The sentence for `snapshot`, or `''` when nobody is typing. */
  #words(snapshot: Talk.TypingSnapshot): string {
    if (snapshot.many) return 'Several people are typing…';
    const names = snapshot.users.map((user) => user.name);
    if (names.length === 0) return '';
    const locale = this.data.sessions.context?.locale ?? this.data.sessions.session?.me?.locale ?? (this.closest('[lang]')?.getAttribute('lang') || undefined);
    let list: string;
    try {
      list = new Intl.ListFormat(locale ?? undefined, { type: 'conjunction' }).format(names);
    } catch {
      list = new Intl.ListFormat(undefined, { type: 'conjunction' }).format(names);
    }
    return `${list} ${names.length === 1 ? 'is' : 'are'} typing…`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-typing-indicator': TalkTypingIndicatorElement;
  }
}
