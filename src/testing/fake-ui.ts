/**
 * The fake UI objects: `FakeChatbox`, `FakeInbox` and `FakePopup`, on the shared base class
 * {@link FakeUIBox} (`fake-ui-box.ts`).
 */
import type Talk from 'talkjs';
import { FakeUIBox } from './fake-ui-box.js';
import type { FakeSession } from './fake-session.js';
import type { FakeRuntime } from './runtime.js';
import type { FakeInboxEventMap, FakePopupEventMap, FakeUIEventMap } from './types.js';

/** A UI mounted into a container element (chatbox and inbox; the popup mounts itself). */
abstract class FakeContainedBox<O extends Talk.ChatboxOptions, M extends FakeUIEventMap> extends FakeUIBox<O, M> {
  #container: HTMLElement | null = null;

  /** The element it was last mounted in (null before `mount`). */
  get container(): HTMLElement | null {
    return this.#container;
  }

  /**
   * Mirrors `mount(container)`: renders the stand-in UI into `container`, then runs `after`
   * (what the SDK object does once mounted). Rejects when `container` is null, and when the
   * session's user does not exist in the backend ("you cannot mount a Chat UI before creating
   * your user"; the error names the user id).
   */
  protected mountIn(container: HTMLElement | null, after?: () => void | Promise<void>): Promise<void> {
    return this.runtime.invokeAsync(this.site, 'mount', [container], () => {
      if (!container) throw new Error(`[fake TalkJS] ${this.label}.mount(): container is null`);
      this.requireUser();
      this.#container = container;
      this.attach(container);
      return after?.();
    });
  }
}

/** Mirrors `Talk.Chatbox`: one conversation, mounted in a container. Created by `session.createChatbox`. */
export class FakeChatbox extends FakeContainedBox<Talk.ChatboxOptions, FakeUIEventMap> implements Talk.Chatbox {
  /** @internal Created by `session.createChatbox`. */
  constructor(runtime: FakeRuntime, session: FakeSession, options: Talk.ChatboxOptions | undefined) {
    super(runtime, session, 'chatbox', options);
    runtime.chatboxes.push(this);
  }

  /** Mirrors `Chatbox.mount(container)`: renders the stand-in UI into `container` (rejects when it is null or the user does not exist). */
  mount(container: HTMLElement | null): Promise<void> {
    return this.mountIn(container);
  }
}

/**
 * Mirrors `Talk.Inbox`: a feed of the user's conversations next to the chat. Created by
 * `session.createInbox`. A feed click fires `selectConversation` (preventable), then selects and
 * fires `conversationSelected`.
 */
export class FakeInbox extends FakeContainedBox<Talk.InboxOptions, FakeInboxEventMap> implements Talk.Inbox {
  /** The feed filter last set (`options.feedFilter`, then `setFeedFilter`). */
  feedFilter: Talk.ConversationPredicate | undefined;

  /** @internal Created by `session.createInbox`. */
  constructor(runtime: FakeRuntime, session: FakeSession, options: Talk.InboxOptions | undefined) {
    super(runtime, session, 'inbox', options);
    this.feedFilter = this.options.feedFilter;
    runtime.inboxes.push(this);
  }

  /** Mirrors `Inbox.mount(container)`: renders the stand-in UI; then fires `conversationSelected`. */
  mount(container: HTMLElement | null): Promise<void> {
    return this.mountIn(container, () => this.#announceSelection());
  }

  /** Mirrors `Inbox.setFeedFilter(filter)`: the feed shows only matching conversations. */
  setFeedFilter(filter: Talk.ConversationPredicate): void {
    this.runtime.invoke(this.site, 'setFeedFilter', [filter], () => {
      this.feedFilter = filter;
      this.refresh();
    });
  }

  /** Mirrors `Inbox.onSelectConversation` (preventable): a feed item was clicked. */
  onSelectConversation(handler: (event: Talk.SelectConversationEvent) => void): Talk.Subscription {
    return this.subscribe('onSelectConversation', 'selectConversation', handler);
  }

  /** Mirrors `Inbox.onConversationSelected`: after mount, `select()` and feed clicks. */
  onConversationSelected(handler: (event: Talk.ConversationSelectedEvent) => void): Talk.Subscription {
    return this.subscribe('onConversationSelected', 'conversationSelected', handler);
  }

  /** Mirrors `Inbox.onDesktopNotificationToggled`. */
  onDesktopNotificationToggled(handler: (event: Talk.DesktopNotificationToggledEvent) => void): Talk.Subscription {
    return this.subscribe('onDesktopNotificationToggled', 'desktopNotificationToggled', handler);
  }

  /** @internal */
  protected override afterSelect(): Promise<void> | void {
    return this.mounted ? this.#announceSelection() : undefined;
  }

  /** @internal */
  protected override feedFilterForUI(): Talk.ConversationPredicate | undefined {
    return this.feedFilter;
  }

  /** @internal */
  protected override feedItemClicked(conversationId: string): void {
    const record = this.runtime.backend.conversations.get(conversationId);
    if (!record || !this.isAlive) return;
    const conversation = this.runtime.backend.conversationData(record);
    const event = this.emit('selectConversation', { ...this.people(conversation), conversation });
    if (event.defaultPrevented || !this.isAlive) return;
    this.showConversation(conversationId);
    this.emit('conversationSelected', { ...this.people(conversation), conversation });
  }

  /**
   * @internal The default action of a desktop notification click without handlers ("the
   * currently active inbox (if any) will jump to the conversation"): shows the conversation and
   * fires `conversationSelected`. Not recorded (the SDK did it, not the page).
   */
  jumpTo(conversationId: string): void {
    if (!this.isAlive) return;
    this.showConversation(conversationId);
    this.emit('conversationSelected', {});
  }

  /** Fires `conversationSelected` for the shown conversation in a microtask (the SDK's is asynchronous). */
  #announceSelection(): Promise<void> {
    return Promise.resolve().then(() => {
      if (this.isAlive) this.emit('conversationSelected', {});
    });
  }
}

/**
 * Mirrors `Talk.Popup`: a panel fixed at the bottom right of the page with a round launcher.
 * Created by `session.createPopup`; mounted into `document.body`.
 */
export class FakePopup extends FakeUIBox<Talk.PopupOptions, FakePopupEventMap> implements Talk.Popup {
  /** Non-SDK: true for the popup a session restored on start (`FakeTalkOptions.restoredPopup`). */
  readonly restored: boolean;
  #visible = false;

  /** @internal Created by `session.createPopup` (or restored by the session). */
  constructor(runtime: FakeRuntime, session: FakeSession, options: Talk.PopupOptions | undefined, restored = false) {
    super(runtime, session, 'popup', options);
    this.restored = restored;
    runtime.popups.push(this);
  }

  /** Whether the popup is open (after `mount({ show: true })`, `show()`, or a launcher click). */
  get visible(): boolean {
    return this.#visible;
  }

  /**
   * Mirrors `Popup.mount({ show })`: renders into `document.body`; opens it when `show` is true.
   * Rejects when the session's user does not exist in the backend ("you cannot mount a Chat UI
   * before creating your user"; the error names the user id).
   */
  mount(options?: { show?: boolean }): Promise<void> {
    return this.runtime.invokeAsync(this.site, 'mount', options === undefined ? [] : [options], () => {
      this.requireUser();
      if (options?.show) this.#visible = true;
      this.attach(document.body);
    });
  }

  /** Mirrors `Popup.show()`: opens it (no `open` event: that one is for user actions). Before mount: does nothing (still recorded). */
  show(): void {
    this.runtime.invoke(this.site, 'show', [], () => {
      if (this.mounted) this.#setVisible(true);
    });
  }

  /** Mirrors `Popup.hide()`: closes it (no `close` event: that one is for user actions). Before mount: does nothing (still recorded). */
  hide(): void {
    this.runtime.invoke(this.site, 'hide', [], () => {
      if (this.mounted) this.#setVisible(false);
    });
  }

  /** Mirrors `Popup.onOpen`: the user opened the popup. */
  onOpen(handler: () => void): Talk.Subscription {
    return this.subscribe('onOpen', 'open', handler);
  }

  /** Mirrors `Popup.onClose`: the user closed the popup. */
  onClose(handler: () => void): Talk.Subscription {
    return this.subscribe('onClose', 'close', handler);
  }

  /** @internal Mounts a restored popup (open, showing `conversationId`) without recording calls. */
  restore(conversationId: string): void {
    this.selectInternal(conversationId);
    this.#visible = true;
    this.attach(document.body);
  }

  /** @internal */
  protected override isOnScreen(): boolean {
    return this.#visible;
  }

  /**
   * @internal The user clicked the launcher. "the Popup internally calls [setPresence] when a user
   * opens or closes it. `visible` is set to `true` or `false` respectively."
   */
  protected override launcherClicked(): void {
    const open = !this.#visible;
    this.patchPresence({ visible: open });
    this.#setVisible(open);
    this.emit(open ? 'open' : 'close');
  }

  /** @internal The user clicked the header's close button (sets presence `visible: false`, as the SDK does). */
  protected override closeClicked(): void {
    this.patchPresence({ visible: false });
    this.#setVisible(false);
    this.emit('close');
  }

  #setVisible(visible: boolean): void {
    this.#visible = visible;
    this.refresh();
  }
}
