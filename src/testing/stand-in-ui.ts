/**
 * The stand-in UI: what a person sees where a fake chatbox, inbox or popup is mounted. Built with
 * DOM APIs only (no `innerHTML`, no `<style>`, no `style` attributes), inside an open shadow root
 * of `<div data-fake-talk="chatbox|inbox|popup">`, styled by an adopted constructable stylesheet.
 *
 * Stable hooks for end-to-end tests (`data-part`): `header`, `title`, `subtitle`, `close`,
 * `messages`, `message` (with `data-message-id`, `data-sender-id`), `message-sender`,
 * `message-text`, `welcome-message`, `empty`, `html-panel`, `composer`, `message-field`, `send`,
 * `feed`, `feed-item` (with `data-conversation-id`), `feed-title`, `feed-last-message`,
 * `unread-count`, `panel` (popup), `launcher` (popup).
 */
import type Talk from 'talkjs';
import type { FakeBackend, FakeConversationRecord } from './backend.js';
import type { FakeHtmlPanel } from './fake-html-panel.js';
import { conversationMatches, messageMatches } from './predicates.js';
import { standInStyleSheet } from './stand-in-styles.js';

/** Which UI a stand-in renders. */
export type FakeUIKind = 'chatbox' | 'inbox' | 'popup';

/** All options a stand-in may read (the union of the three UIs' options). */
export type StandInOptions = Talk.ChatboxOptions & Partial<Omit<Talk.InboxOptions, keyof Talk.ChatboxOptions>> & Partial<Omit<Talk.PopupOptions, keyof Talk.ChatboxOptions>>;

/** What the stand-in reads from, and reports to, the fake UI object that owns it. */
export interface StandInHost {
  /** Which UI. */
  readonly kind: FakeUIKind;
  /** The fake backend (conversations, users, messages, unread counts). */
  readonly backend: FakeBackend;
  /** The session's user id. */
  readonly meId: string;
  /** The UI's options. */
  readonly options: StandInOptions;
  /** The conversation id shown, or null. */
  readonly shownConversationId: string | null;
  /** Words to highlight in messages (`setHighlightedWords`). */
  readonly highlightedWords: readonly string[];
  /** The message filter (`setMessageFilter`). */
  readonly messageFilter: Talk.MessagePredicate | undefined;
  /** The feed filter (`setFeedFilter`, inbox). */
  readonly feedFilter: Talk.ConversationPredicate | undefined;
  /** `messageField.setVisible` / `messageField.visible`. */
  readonly messageFieldVisible: boolean | Talk.ConversationPredicate;
  /** Whether the popup is open. */
  readonly visible: boolean;
  /** The UI's HTML panels. */
  readonly htmlPanels: readonly FakeHtmlPanel[];
  /** The user submitted the message form. */
  submitted(text: string): void;
  /** The user clicked a conversation in the feed. */
  feedItemClicked(conversationId: string): void;
  /** The user clicked the popup launcher. */
  launcherClicked(): void;
  /** The user clicked the close button of the popup header. */
  closeClicked(): void;
  /** Focus entered (true) or left (false) the UI. */
  focusChanged(focused: boolean): void;
  /** A key event inside the UI. */
  keyPressed(type: 'keyup' | 'keydown', event: KeyboardEvent): void;
}

interface FeedEntry {
  readonly item: HTMLLIElement;
  readonly button: HTMLButtonElement;
  readonly title: HTMLSpanElement;
  readonly badge: HTMLSpanElement;
  readonly last: HTMLSpanElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  part?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (part) node.dataset['part'] = part;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The DOM of one fake UI object. Created on first mount, removed by {@link StandInUI.destroy}. */
export class StandInUI {
  /** The root `<div data-fake-talk="...">` (its shadow root holds the UI). */
  readonly root: HTMLDivElement;
  /** The message field. */
  readonly input: HTMLInputElement;

  readonly #host: StandInHost;
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
  constructor(host: StandInHost) {
    this.#host = host;
    this.root = document.createElement('div');
    this.root.dataset['fakeTalk'] = host.kind;
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
    this.#close.addEventListener('click', () => host.closeClicked());
    this.#header.append(headerText, this.#close);
    this.#messages = el('ol', 'messages', 'messages');
    this.#messages.setAttribute('aria-live', 'polite');
    this.#empty = el('p', 'empty', 'empty');
    this.#panels = el('div', 'panels', 'html-panels');
    this.#form = el('form', 'composer', 'composer');
    this.input = el('input', 'field', 'message-field');
    this.input.type = 'text';
    this.input.autocomplete = 'off';
    this.input.placeholder = host.options.messageField?.placeholder ?? 'Say something…';
    this.input.setAttribute('aria-label', 'Message');
    if (host.options.messageField?.spellcheck !== undefined) this.input.spellcheck = host.options.messageField.spellcheck;
    if (host.options.messageSuggestion) this.input.value = host.options.messageSuggestion;
    const send = el('button', 'send', 'send', 'Send');
    send.type = 'submit';
    this.#form.append(this.input, send);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      host.submitted(this.input.value);
    });
    chat.append(this.#header, this.#messages, this.#empty, this.#panels, this.#form);
    if (host.options.dir) chat.dir = host.options.dir;

    if (host.kind === 'popup') {
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
      this.#launcher.addEventListener('click', () => host.launcherClicked());
      this.#shadow.append(this.#popupPanel, this.#launcher);
    } else if (host.kind === 'inbox') {
      const ui = el('div', 'ui inbox');
      const feed = el('nav', 'feed', 'feed');
      feed.setAttribute('aria-label', 'Conversations');
      const feedHeader = el('header', 'feed-header', 'feed-header', 'Conversations');
      feedHeader.hidden = host.options.showFeedHeader === false;
      this.#feedList = el('ul', 'feed-list', 'feed-list');
      this.#feedList.addEventListener('click', (event) => {
        const button = (event.target as Element).closest<HTMLElement>('[data-part="feed-item"]');
        const id = button?.dataset['conversationId'];
        if (id !== undefined) host.feedItemClicked(id);
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
      host.focusChanged(true);
    });
    this.#shadow.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (next instanceof Node && this.#shadow.contains(next)) return;
      if (!this.#focused) return;
      this.#focused = false;
      host.focusChanged(false);
    });
    for (const type of ['keyup', 'keydown'] as const) {
      this.#shadow.addEventListener(type, (event) => host.keyPressed(type, event as KeyboardEvent));
    }
  }

  /** Whether the element that has focus is inside this UI. */
  get hasFocus(): boolean {
    return this.#focused;
  }

  /** Brings the DOM up to date with the host's state and the backend. */
  render(): void {
    const host = this.#host;
    const backend = host.backend;
    const id = host.shownConversationId;
    const record = id === null ? undefined : backend.conversations.get(id);

    this.#renderHeader(record);
    this.#renderMessages(record);
    if (record) {
      this.#empty.hidden = true;
    } else {
      this.#empty.hidden = false;
      this.#empty.textContent =
        id === null
          ? host.kind === 'inbox'
            ? 'Select a conversation to start chatting.'
            : 'No conversation selected.'
          : `Conversation "${id}" not found.`;
    }
    this.#renderPanels();
    this.#form.hidden = !record || !this.#fieldVisible(record);
    if (host.kind === 'inbox') this.#renderFeed(id);
    if (host.kind === 'popup') this.#renderPopup();
  }

  /** Removes everything it rendered. */
  destroy(): void {
    this.root.remove();
  }

  #fieldVisible(record: FakeConversationRecord): boolean {
    const visible = this.#host.messageFieldVisible;
    if (typeof visible === 'boolean') return visible;
    return conversationMatches(this.#host.backend, visible, record, this.#host.meId);
  }

  #renderHeader(record: FakeConversationRecord | undefined): void {
    const host = this.#host;
    this.#header.hidden = host.options.showChatHeader === false || (!record && host.kind !== 'popup');
    this.#close.hidden = !(host.kind === 'popup' && host.options.showCloseInHeader === true);
    if (!record) {
      this.#title.textContent = host.kind === 'popup' ? 'Chat' : '';
      this.#subtitle.textContent = '';
      this.#subtitle.hidden = true;
      return;
    }
    const others = [...record.participants.keys()].filter((userId) => userId !== host.meId);
    const names = others.map((userId) => host.backend.displayName(userId)).join(', ');
    const subtitleMode = host.options.chatSubtitleMode;
    let title: string;
    let subtitle: string;
    if (host.options.chatTitleMode !== 'participants' && record.subject) {
      title = record.subject;
      subtitle = subtitleMode === null || subtitleMode === 'subject' ? '' : names;
    } else {
      title = names || record.subject || record.id;
      subtitle = subtitleMode === 'subject' || (subtitleMode === undefined && names) ? record.subject ?? '' : '';
    }
    this.#title.textContent = title;
    this.#subtitle.textContent = subtitle === title ? '' : subtitle;
    this.#subtitle.hidden = this.#subtitle.textContent === '';
  }

  #renderMessages(record: FakeConversationRecord | undefined): void {
    const host = this.#host;
    const items: HTMLLIElement[] = [];
    if (record) {
      const welcome =
        record.welcomeMessages && record.welcomeMessages.length > 0
          ? record.welcomeMessages
          : [...record.participants.keys()]
              .filter((userId) => userId !== host.meId)
              .map((userId) => host.backend.users.get(userId)?.welcomeMessage)
              .filter((text): text is string => !!text);
      for (const text of welcome) items.push(el('li', 'welcome', 'welcome-message', text));
      for (const message of record.messages) {
        if (!messageMatches(host.backend, host.messageFilter, message)) continue;
        const mine = message.senderId === host.meId;
        const item = el('li', mine ? 'message mine' : 'message', 'message');
        item.dataset['messageId'] = message.id;
        if (message.senderId !== null) item.dataset['senderId'] = message.senderId;
        const sender = el('span', 'sender', 'message-sender', message.senderId === null ? 'System' : host.backend.displayName(message.senderId));
        const text = el('span', 'text', 'message-text');
        appendHighlighted(text, message.text, host.highlightedWords);
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
    for (const panel of this.#host.htmlPanels) {
      if (!panel.isAlive) continue;
      if (panel.iframe.parentNode !== this.#panels) this.#panels.append(panel.iframe);
      panel.iframe.hidden = !panel.rendered;
    }
  }

  #renderFeed(shownId: string | null): void {
    const host = this.#host;
    const list = this.#feedList!;
    const conversations = host.backend
      .conversationsOf(host.meId)
      .filter((record) => conversationMatches(host.backend, host.feedFilter, record, host.meId));
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
      entry.title.textContent = host.backend.conversationTitle(record, host.meId);
      const unread = host.backend.unreadCount(record.id, host.meId);
      entry.badge.textContent = String(unread);
      entry.badge.hidden = unread === 0;
      entry.badge.setAttribute('aria-label', `${unread} unread`);
      const lastMessage = record.messages[record.messages.length - 1];
      entry.last.textContent = lastMessage
        ? `${lastMessage.senderId === host.meId ? 'You' : lastMessage.senderId === null ? 'System' : host.backend.displayName(lastMessage.senderId)}: ${lastMessage.text}`
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
    const host = this.#host;
    const open = host.visible;
    this.#popupPanel!.hidden = !open;
    const launcher = this.#launcher!;
    const mode = host.options.launcher ?? 'always';
    launcher.hidden = mode === 'never' || (mode === 'close-only' && !open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    this.#launcherIcon!.replaceChildren(icon(open ? 'close' : 'chat'));
    const unread = host.backend.unreadsFor(host.meId).reduce((sum, item) => sum + item.unreadMessageCount, 0);
    this.#launcherBadge!.textContent = String(unread);
    this.#launcherBadge!.hidden = open || unread === 0;
  }
}

/** A small inline SVG icon (built with DOM APIs; its colour follows `currentColor`). */
function icon(kind: 'chat' | 'close'): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  if (kind === 'chat') {
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    path.setAttribute('fill', 'currentColor');
  } else {
    path.setAttribute('d', 'M6 6l12 12M18 6L6 18');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2.5');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('fill', 'none');
  }
  svg.append(path);
  return svg;
}

/** Appends `text` to `parent`, wrapping each occurrence of a highlighted word in `<mark>`. */
function appendHighlighted(parent: HTMLElement, text: string, words: readonly string[]): void {
  const usable = words.filter((word) => word.trim() !== '');
  if (usable.length === 0) {
    parent.textContent = text;
    return;
  }
  const pattern = new RegExp(`(${usable.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  text.split(pattern).forEach((part, index) => {
    if (part === '') return;
    parent.append(index % 2 === 1 ? el('mark', '', 'highlight', part) : document.createTextNode(part));
  });
}
