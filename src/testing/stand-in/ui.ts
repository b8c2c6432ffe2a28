/**
 * The stand-in UI: what a person sees where a fake chatbox, inbox or popup is mounted (the
 * fake's renderer, behind the `FakeUIRendering` interface of `../fake-ui-renderer.ts`). Built
 * with DOM APIs only (no `innerHTML`, no `<style>`, no `style` attributes), inside an open shadow
 * root of `<div data-fake-talk="chatbox|inbox|popup">`, styled by an adopted constructable
 * stylesheet.
 *
 * Stable hooks for end-to-end tests (`data-part`): `header`, `title`, `subtitle`, `close`,
 * `messages`, `message` (with `data-message-id`, `data-sender-id`), `message-sender`,
 * `message-text`, `welcome-message`, `empty`, `html-panel`, `composer`, `message-field`, `send`,
 * `feed`, `feed-item` (with `data-conversation-id`), `feed-title`, `feed-last-message`,
 * `unread-count`, `panel` (popup), `launcher` (popup).
 */
import type { FakeConversationRecord } from '../backend.js';
import type { FakeUIRendering, FakeUIView } from '../fake-ui-renderer.js';
import { conversationMatches, messageMatches } from '../predicates.js';
import { appendHighlighted, el, icon } from './dom.js';
import { standInStyleSheet } from './styles.js';

interface FeedEntry {
  readonly item: HTMLLIElement;
  readonly button: HTMLButtonElement;
  readonly title: HTMLSpanElement;
  readonly badge: HTMLSpanElement;
  readonly last: HTMLSpanElement;
}

/** The DOM of one fake UI object. Created on first mount, removed by {@link StandInUI.destroy}. */
export class StandInUI implements FakeUIRendering {
  /** The root `<div data-fake-talk="...">` (its shadow root holds the UI). */
  readonly root: HTMLDivElement;
  readonly #input: HTMLInputElement;
  readonly #view: FakeUIView;
  readonly #shadow: ShadowRoot;
  readonly #header: HTMLElement;
  readonly #title: HTMLSpanElement;
  readonly #subtitle: HTMLSpanElement;
  readonly #close: HTMLButtonElement;
  readonly #messages: HTMLOListElement;
  readonly #empty: HTMLParagraphElement;
  readonly #panels: HTMLDivElement;
  readonly #form: HTMLFormElement;
  readonly #feedList: HTMLUListElement | undefined;
  readonly #feedEmpty: HTMLParagraphElement | undefined;
  readonly #feedEntries = new Map<string, FeedEntry>();
  readonly #popupPanel: HTMLDivElement | undefined;
  readonly #launcher: HTMLButtonElement | undefined;
  readonly #launcherIcon: HTMLSpanElement | undefined;
  readonly #launcherBadge: HTMLSpanElement | undefined;
  #focused = false;

  /** Builds the DOM (not attached: the owner appends {@link root} where it mounts). */
  constructor(view: FakeUIView) {
    this.#view = view;
    this.root = document.createElement('div');
    this.root.dataset['fakeTalk'] = view.kind;
    this.#shadow = this.root.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [standInStyleSheet()];

    // The chat panel, shared by the three UIs.
    const chat = el('section', 'chat', 'chat');
    this.#header = el('header', 'header', 'header');
    const headerText = el('div', 'header-text');
    this.#title = el('span', 'title', 'title');
    this.#subtitle = el('span', 'subtitle', 'subtitle');
    headerText.append(this.#title, this.#subtitle);
    this.#close = el('button', 'close', 'close', '×');
    this.#close.type = 'button';
    this.#close.setAttribute('aria-label', 'Close chat');
    this.#close.addEventListener('click', () => view.closeClicked());
    this.#header.append(headerText, this.#close);
    this.#messages = el('ol', 'messages', 'messages');
    this.#messages.setAttribute('aria-live', 'polite');
    this.#empty = el('p', 'empty', 'empty');
    this.#panels = el('div', 'panels', 'html-panels');
    this.#form = el('form', 'composer', 'composer');
    this.#input = el('input', 'field', 'message-field');
    this.#input.type = 'text';
    this.#input.autocomplete = 'off';
    this.#input.placeholder = view.options.messageField?.placeholder ?? 'Say something…';
    this.#input.setAttribute('aria-label', 'Message');
    if (view.options.messageField?.spellcheck !== undefined) this.#input.spellcheck = view.options.messageField.spellcheck;
    if (view.options.messageSuggestion) this.#input.value = view.options.messageSuggestion;
    const send = el('button', 'send', 'send', 'Send');
    send.type = 'submit';
    this.#form.append(this.#input, send);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      view.submitted(this.#input.value);
    });
    chat.append(this.#header, this.#messages, this.#empty, this.#panels, this.#form);
    if (view.options.dir) chat.dir = view.options.dir;

    if (view.kind === 'popup') {
      this.#popupPanel = el('div', 'ui popup-panel', 'panel');
      this.#popupPanel.setAttribute('role', 'dialog');
      this.#popupPanel.setAttribute('aria-label', 'Chat');
      this.#popupPanel.append(chat);
      this.#launcher = el('button', 'launcher', 'launcher');
      this.#launcher.type = 'button';
      this.#launcherIcon = el('span', '', undefined);
      this.#launcherIcon.setAttribute('aria-hidden', 'true');
      this.#launcherBadge = el('span', 'badge', 'unread-count');
      this.#launcher.append(this.#launcherIcon, this.#launcherBadge);
      this.#launcher.addEventListener('click', () => view.launcherClicked());
      this.#shadow.append(this.#popupPanel, this.#launcher);
    } else if (view.kind === 'inbox') {
      const ui = el('div', 'ui inbox');
      const feed = el('nav', 'feed', 'feed');
      feed.setAttribute('aria-label', 'Conversations');
      const feedHeader = el('header', 'feed-header', 'feed-header', 'Conversations');
      feedHeader.hidden = view.options.showFeedHeader === false;
      this.#feedList = el('ul', 'feed-list', 'feed-list');
      this.#feedList.addEventListener('click', (event) => {
        const button = (event.target as Element).closest<HTMLElement>('[data-part="feed-item"]');
        const id = button?.dataset['conversationId'];
        if (id !== undefined) view.feedItemClicked(id);
      });
      this.#feedEmpty = el('p', 'empty', 'feed-empty', 'No chats yet');
      feed.append(feedHeader, this.#feedList, this.#feedEmpty);
      ui.append(feed, chat);
      this.#shadow.append(ui);
    } else {
      const ui = el('div', 'ui chatbox');
      ui.append(chat);
      this.#shadow.append(ui);
    }

    this.#shadow.addEventListener('focusin', () => {
      if (this.#focused) return;
      this.#focused = true;
      view.focusChanged(true);
    });
    this.#shadow.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (next instanceof Node && this.#shadow.contains(next)) return;
      if (!this.#focused) return;
      this.#focused = false;
      view.focusChanged(false);
    });
    for (const type of ['keyup', 'keydown'] as const) {
      this.#shadow.addEventListener(type, (event) => view.keyPressed(type, event as KeyboardEvent));
    }
  }

  /** The message field's text. */
  get fieldText(): string {
    return this.#input.value;
  }

  set fieldText(text: string) {
    this.#input.value = text;
  }

  /** Focuses the message field. */
  focusField(): void {
    this.#input.focus();
  }

  /** Brings the DOM up to date with the view and the backend. */
  render(): void {
    const view = this.#view;
    const backend = view.backend;
    const id = view.shownConversationId;
    const record = id === null ? undefined : backend.conversations.get(id);

    this.#renderHeader(record);
    this.#renderMessages(record);
    if (record) {
      this.#empty.hidden = true;
    } else {
      this.#empty.hidden = false;
      this.#empty.textContent =
        id === null ? (view.kind === 'inbox' ? 'Select a conversation to start chatting.' : 'No conversation selected.') : `Conversation "${id}" not found.`;
    }
    this.#renderPanels();
    this.#form.hidden = !record || !this.#fieldVisible(record);
    if (view.kind === 'inbox') this.#renderFeed(id);
    if (view.kind === 'popup') this.#renderPopup();
  }

  /** Removes everything it rendered. */
  destroy(): void {
    this.root.remove();
  }

  #fieldVisible(record: FakeConversationRecord): boolean {
    const visible = this.#view.messageFieldVisible;
    if (typeof visible === 'boolean') return visible;
    return conversationMatches(this.#view.backend, visible, record, this.#view.meId);
  }

  #renderHeader(record: FakeConversationRecord | undefined): void {
    const view = this.#view;
    this.#header.hidden = view.options.showChatHeader === false || (!record && view.kind !== 'popup');
    this.#close.hidden = !(view.kind === 'popup' && view.options.showCloseInHeader === true);
    if (!record) {
      this.#title.textContent = view.kind === 'popup' ? 'Chat' : '';
      this.#subtitle.textContent = '';
      this.#subtitle.hidden = true;
      return;
    }
    const others = [...record.participants.keys()].filter((userId) => userId !== view.meId);
    const names = others.map((userId) => view.backend.displayName(userId)).join(', ');
    const subtitleMode = view.options.chatSubtitleMode;
    let title: string;
    let subtitle: string;
    if (view.options.chatTitleMode !== 'participants' && record.subject) {
      title = record.subject;
      subtitle = subtitleMode === null || subtitleMode === 'subject' ? '' : names;
    } else {
      title = names || record.subject || record.id;
      subtitle = subtitleMode === 'subject' || (subtitleMode === undefined && names) ? (record.subject ?? '') : '';
    }
    this.#title.textContent = title;
    this.#subtitle.textContent = subtitle === title ? '' : subtitle;
    this.#subtitle.hidden = this.#subtitle.textContent === '';
  }

  #renderMessages(record: FakeConversationRecord | undefined): void {
    const view = this.#view;
    const items: HTMLLIElement[] = [];
    if (record) {
      const welcome =
        record.welcomeMessages && record.welcomeMessages.length > 0
          ? record.welcomeMessages
          : [...record.participants.keys()]
              .filter((userId) => userId !== view.meId)
              .map((userId) => view.backend.users.get(userId)?.welcomeMessage)
              .filter((text): text is string => !!text);
      for (const text of welcome) items.push(el('li', 'welcome', 'welcome-message', text));
      for (const message of record.messages) {
        if (!messageMatches(view.backend, view.messageFilter, message)) continue;
        const mine = message.senderId === view.meId;
        const item = el('li', mine ? 'message mine' : 'message', 'message');
        item.dataset['messageId'] = message.id;
        if (message.senderId !== null) item.dataset['senderId'] = message.senderId;
        const sender = el('span', 'sender', 'message-sender', message.senderId === null ? 'System' : view.backend.displayName(message.senderId));
        const text = el('span', 'text', 'message-text');
        appendHighlighted(text, message.text, view.highlightedWords);
        const time = el('time', 'time', 'message-time', new Date(message.timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
        time.dateTime = new Date(message.timestamp).toISOString();
        item.append(sender, text, time);
        items.push(item);
      }
    }
    this.#messages.replaceChildren(...items);
    this.#messages.hidden = !record;
    // Newest message in view, as a chat UI does.
    this.#messages.scrollTop = this.#messages.scrollHeight;
  }

  #renderPanels(): void {
    for (const panel of this.#view.htmlPanels) {
      if (!panel.isAlive) continue;
      if (panel.iframe.parentNode !== this.#panels) this.#panels.append(panel.iframe);
      panel.iframe.hidden = !panel.rendered;
    }
  }

  #renderFeed(shownId: string | null): void {
    const view = this.#view;
    const list = this.#feedList!;
    const conversations = view.backend.conversationsOf(view.meId).filter((record) => conversationMatches(view.backend, view.feedFilter, record, view.meId));
    const wanted = new Set(conversations.map((record) => record.id));
    for (const [id, entry] of this.#feedEntries) {
      if (!wanted.has(id)) {
        entry.item.remove();
        this.#feedEntries.delete(id);
      }
    }
    const entries = conversations.map((record) => {
      let entry = this.#feedEntries.get(record.id);
      if (!entry) {
        const item = el('li', '');
        const button = el('button', 'feed-item', 'feed-item');
        button.type = 'button';
        button.dataset['conversationId'] = record.id;
        const title = el('span', 'feed-title', 'feed-title');
        const badge = el('span', 'badge', 'unread-count');
        const last = el('span', 'feed-last', 'feed-last-message');
        button.append(title, badge, last);
        item.append(button);
        entry = { item, button, title, badge, last };
        this.#feedEntries.set(record.id, entry);
      }
      entry.title.textContent = view.backend.conversationTitle(record, view.meId);
      const unread = view.backend.unreadCount(record.id, view.meId);
      entry.badge.textContent = String(unread);
      entry.badge.hidden = unread === 0;
      entry.badge.setAttribute('aria-label', `${unread} unread`);
      const lastMessage = record.messages[record.messages.length - 1];
      entry.last.textContent = lastMessage
        ? `${lastMessage.senderId === view.meId ? 'You' : lastMessage.senderId === null ? 'System' : view.backend.displayName(lastMessage.senderId)}: ${lastMessage.text}`
        : 'No messages yet';
      if (record.id === shownId) entry.button.setAttribute('aria-current', 'true');
      else entry.button.removeAttribute('aria-current');
      return entry;
    });
    // Reorder only when the order changed: moving a focused button would blur it.
    const current = [...list.children];
    if (current.length !== entries.length || entries.some((entry, index) => current[index] !== entry.item)) {
      list.replaceChildren(...entries.map((entry) => entry.item));
    }
    this.#feedEmpty!.hidden = entries.length > 0;
  }

  #renderPopup(): void {
    const view = this.#view;
    const open = view.visible;
    this.#popupPanel!.hidden = !open;
    const launcher = this.#launcher!;
    const mode = view.options.launcher ?? 'always';
    launcher.hidden = mode === 'never' || (mode === 'close-only' && !open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    this.#launcherIcon!.replaceChildren(icon(open ? 'close' : 'chat'));
    const unread = view.backend.unreadsFor(view.meId).reduce((sum, item) => sum + item.unreadMessageCount, 0);
    this.#launcherBadge!.textContent = String(unread);
    this.#launcherBadge!.hidden = open || unread === 0;
  }
}
