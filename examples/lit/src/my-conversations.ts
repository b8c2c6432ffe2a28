// A conversation list in the site's own style: a Lit element that renders TalkJS's Data API
// through ConversationListController (it finds the <talk-session> around it by itself).
import { LitElement, css, html } from 'lit';
import { ConversationListController } from 'talkjs-elements/controllers';

export class MyConversations extends LitElement {
  static override styles = css`
    ul { list-style: none; margin: 0 0 1rem; padding: 0; }
    li button { display: flex; width: 100%; gap: 0.5rem; padding: 0.5rem; border: 0; background: none; text-align: left; font: inherit; cursor: pointer; }
    .unread { margin-left: auto; min-width: 1.5em; border-radius: 1em; background: #d93025; color: #fff; text-align: center; }
    .last { color: #555; }
    .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  readonly #conversations = new ConversationListController(this);

  override render() {
    const list = this.#conversations.value;
    if (this.#conversations.status === 'error') return html`<p role="alert">Could not load your conversations.</p>`;
    if (!list) return html`<p>Loading your conversations…</p>`;
    return html`<ul aria-label="Conversations">
      ${list.map(
        (conversation) => html`<li data-conversation=${conversation.id}>
          <button @click=${() => this.#open(conversation.id)}>
            <strong>${conversation.subject ?? conversation.id}</strong>
            <span class="last">${conversation.lastMessage?.plaintext ?? ''}</span>
            ${conversation.unreadMessageCount > 0 ? html`<span class="unread">${conversation.unreadMessageCount}<span class="hidden"> unread</span></span>` : ''}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #open(conversationId: string) {
    const chat = document.getElementById('chat');
    if (chat) chat.setAttribute('conversation-id', conversationId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-conversations': MyConversations;
  }
}
