/**
 * {@link FakeUIBox}: the base class of the fake `Chatbox`, `Inbox` and `Popup`, holding
 * everything they share (selection, `on*` subscriptions, setters, HTML panels, the message field,
 * the rendering, `emit`), and {@link FakeMessageField}. What a person sees is drawn by a
 * {@link FakeUIRenderer} (`./fake-ui-renderer.ts`); the fake's is the stand-in UI (`./stand-in/`).
 */
import type Talk from 'talkjs';
import type { FakeReader } from './backend.js';
import { EventHub, makePreventable, reportHandlerError } from './events.js';
import { FakeConversationBuilder } from './fake-conversation.js';
import { FakeHtmlPanel, conversationIdOf, type HtmlPanelOwner } from './fake-html-panel.js';
import type { FakeSession } from './fake-session.js';
import type { CallSite, FakeRuntime } from './runtime.js';
import type { FakeUIKind, FakeUIRenderer, FakeUIRendering, FakeUIView, FakeUIViewOptions } from './fake-ui-renderer.js';
import { standInRenderer } from './stand-in/index.js';
import type { FakeEmitPayload, FakeSendMessageEvent, FakeUIEventMap } from './types.js';

export type { FakeUIKind } from './fake-ui-renderer.js';

/** What the fake UI objects render through: the stand-in UI (`./stand-in/`). */
const renderer: FakeUIRenderer = standInRenderer;

/** A handler of an event whose argument is `T` (no argument when `T` is `undefined`). */
export type FakeHandler<T> = [T] extends [undefined] ? () => void : (event: T) => void;

/** The conversation argument `select` accepts (as `UIBox.select`). */
export type FakeSelectable = string | Talk.Conversation | Talk.ConversationBuilder | Talk.ConversationRef | null | undefined;

const LABELS: Record<FakeUIKind, string> = { chatbox: 'Chatbox', inbox: 'Inbox', popup: 'Popup' };

const PREVENTABLE = new Set(['selectConversation', 'leaveConversation', 'markConversationAsUnread']);
const NO_ARGUMENT = new Set(['focus', 'blur', 'open', 'close']);

/**
 * Mirrors `Talk.MessageField` (`box.messageField`): drives the stand-in UI's text field (or a
 * draft, before mount). Recorded as `'<Box>#<n>.messageField'`.
 */
export class FakeMessageField implements Talk.MessageField {
  readonly #runtime: FakeRuntime;
  readonly #site: CallSite;
  readonly #box: MessageFieldHost;

  /** @internal Created by the UI box. */
  constructor(runtime: FakeRuntime, box: MessageFieldHost) {
    this.#runtime = runtime;
    this.#box = box;
    this.#site = { label: `${box.label}.messageField`, object: this, isLive: () => box.isAlive };
  }

  /** Mirrors `MessageField.focus()`: focuses the field (when mounted). */
  focus(): void {
    this.#runtime.invoke(this.#site, 'focus', [], () => this.#box.focusField());
  }

  /** Mirrors `MessageField.setText(text)`: replaces the field's text. */
  setText(text: string): void {
    this.#runtime.invoke(this.#site, 'setText', [text], () => this.#box.setFieldText(text));
  }

  /** Mirrors `MessageField.typeText(text)`: appends to the field's text. */
  typeText(text: string): void {
    this.#runtime.invoke(this.#site, 'typeText', [text], () => this.#box.setFieldText(this.#box.fieldText() + text));
  }

  /** Mirrors `MessageField.getText()`: resolves with the field's text. */
  getText(): Promise<string> {
    return this.#runtime.invokeAsync(this.#site, 'getText', [], () => this.#box.fieldText());
  }

  /** Mirrors `MessageField.setVisible(visible)`: shows or hides the field (a predicate shows it for matching conversations). */
  setVisible(visible: boolean | Talk.ConversationPredicate): void {
    this.#runtime.invoke(this.#site, 'setVisible', [visible], () => this.#box.setFieldVisible(visible));
  }
}

/** What the message field needs from its box. */
interface MessageFieldHost {
  readonly label: string;
  readonly isAlive: boolean;
  focusField(): void;
  fieldText(): string;
  setFieldText(text: string): void;
  setFieldVisible(visible: boolean | Talk.ConversationPredicate): void;
}

const KEY_DEFAULTS: Talk.KeyEvent = {
  isInputFocused: false,
  altKey: false,
  code: '',
  ctrlKey: false,
  key: '',
  location: 0,
  metaKey: false,
  shiftKey: false,
  repeat: false,
};

/**
 * What the three fake UI objects share. `O` is the options type, `M` the event map (event type
 * → handler argument). Construct through `session.createChatbox/createInbox/createPopup`.
 */
export abstract class FakeUIBox<O extends Talk.ChatboxOptions, M extends FakeUIEventMap> implements Talk.UIBox, HtmlPanelOwner, MessageFieldHost, FakeReader {
  /** Which UI this is. */
  readonly kind: FakeUIKind;
  /** Its number in the fake's object counter (`'Chatbox#2'` → 2). */
  readonly id: number;
  /** Its label in `fake.calls` (`'Chatbox#2'`). */
  readonly label: string;
  /** The options passed to `createChatbox`/`createInbox`/`createPopup`, as passed (`{}` when none were). */
  readonly options: O;
  /** The session that created it. */
  readonly session: FakeSession;
  /** Mirrors `UIBox.messageField`. */
  readonly messageField: FakeMessageField;
  /** Every HTML panel created on it, in order (destroyed ones included). */
  readonly htmlPanels: FakeHtmlPanel[] = [];
  /** The message filter last set (`options.messageFilter`, then `setMessageFilter`). */
  messageFilter: Talk.MessagePredicate | undefined;
  /** The words last passed to `setHighlightedWords`. */
  highlightedWords: string[] = [];
  /** The value last passed to `setTranslationEnabledDefault`. */
  translationEnabledDefault: boolean | 'auto' | undefined;
  /** The values passed to `setTranslationEnabledForConversation`, by conversation id. */
  readonly translationEnabledFor = new Map<string, boolean>();
  /** The message field's visibility (`options.messageField.visible`, then `messageField.setVisible`). */
  messageFieldVisible: boolean | Talk.ConversationPredicate;
  /** The files passed to `sendFile` (the real SDK then asks the user to confirm; the fake sends nothing). */
  readonly sentFiles: File[] = [];

  /** @internal */
  protected readonly runtime: FakeRuntime;
  /** @internal */
  protected readonly hub: EventHub;
  /** @internal */
  protected readonly site: CallSite;
  /** @internal What the renderer made, once mounted. */
  protected ui: FakeUIRendering | undefined;
  #alive = true;
  #mounted = false;
  #presenceVisible = true;
  #presenceCustom: Record<string, string> = {};
  #mountOrder = 0;
  #selected: string | null | undefined = undefined;
  #selectOptions: Talk.SelectConversationOptions | undefined;
  #selectedEver = false;
  #shownId: string | null = null;
  #draft: string | undefined;
  readonly #stopListening: () => void;

  /** @internal Created by the session. */
  constructor(runtime: FakeRuntime, session: FakeSession, kind: FakeUIKind, options: O | undefined) {
    this.runtime = runtime;
    this.session = session;
    this.kind = kind;
    this.id = runtime.nextId();
    this.label = `${LABELS[kind]}#${this.id}`;
    this.options = options ?? ({} as O);
    this.site = { label: this.label, object: this, isLive: () => this.#alive };
    this.hub = new EventHub(runtime);
    this.messageField = new FakeMessageField(runtime, this);
    if (this.options.presence) this.patchPresence(this.options.presence);
    this.messageFilter = this.options.messageFilter;
    this.messageFieldVisible = this.options.messageField?.visible ?? true;
    runtime.record(this.site, 'constructor', options === undefined ? [] : [options]);
    this.#stopListening = runtime.backend.subscribe(() => this.refresh());
    runtime.backend.addReader(this);
  }

  /**
   * Non-SDK: the presence in effect: `options.presence`, then every `setPresence` patch, on the
   * SDK's defaults (`visible: true`, no custom fields). A fresh object each time.
   */
  get presence(): { visible: boolean; custom: Record<string, string> } {
    return { visible: this.#presenceVisible, custom: { ...this.#presenceCustom } };
  }

  /** @internal When it was last mounted, on the fake's mount counter (0: never). */
  get mountOrder(): number {
    return this.#mountOrder;
  }

  /** Mirrors `UIBox.isAlive`: false once destroyed (directly or with its session). */
  get isAlive(): boolean {
    return this.#alive;
  }

  /** Whether it is mounted (its stand-in UI is in the DOM); false again once destroyed. */
  get mounted(): boolean {
    return this.#mounted;
  }

  /** Non-SDK: the stand-in UI's root `<div data-fake-talk="...">` (undefined before the first mount and after destroy). */
  get element(): HTMLDivElement | undefined {
    return this.ui?.root;
  }

  /** What `select` last received, normalised to a conversation id, `null` or `undefined` (never selected, or `select(undefined)`). */
  get selected(): string | null | undefined {
    return this.#selected;
  }

  /** The options `select` last received. */
  get selectOptions(): Talk.SelectConversationOptions | undefined {
    return this.#selectOptions;
  }

  /**
   * Non-SDK: the id of the conversation it shows (after `select`, or a feed click), or null.
   * `select(undefined)`, and an inbox never selected, show the user's most recent conversation.
   */
  get shownConversationId(): string | null {
    return this.#shownId;
  }

  /** Mirrors `UIBox.currentConversation`: the shown conversation's data, or null (none, or not found). */
  get currentConversation(): Talk.ConversationData | null {
    const record = this.#shownId === null ? undefined : this.runtime.backend.conversations.get(this.#shownId);
    return record ? this.runtime.backend.conversationData(record) : null;
  }

  /** @internal The session's user id (a backend reader's user). */
  get readerUserId(): string {
    return this.session.me.id;
  }

  /**
   * Mirrors `UIBox.select(conversation, { asGuest, messageId })`. A builder is written to the
   * backend first (with the session's user as participant unless `asGuest`). Resolves once
   * selected; an inbox then fires `conversationSelected` (when mounted).
   */
  select(conversation: FakeSelectable, params?: Talk.SelectConversationOptions): Promise<void> {
    return this.runtime.invokeAsync(this.site, 'select', params === undefined ? [conversation] : [conversation, params], () => {
      this.selectInternal(conversation, params);
      return this.afterSelect();
    });
  }

  /** Legacy `on(type, handler)` (every event type of this UI). Counts as a subscription until `off`. */
  on<K extends keyof M & string>(eventType: K, handler: FakeHandler<M[K]>): void {
    this.runtime.invoke(this.site, 'on', [eventType, handler], () => this.hub.on(eventType, handler));
  }

  /** Legacy `off(type, handler)`: ends what `on(type, handler)` started. */
  off<K extends keyof M & string>(eventType: K, handler: FakeHandler<M[K]>): void {
    this.runtime.invoke(this.site, 'off', [eventType, handler], () => this.hub.off(eventType, handler));
  }

  /** Mirrors `UIBox.onCustomMessageAction(handler)`: every custom message action. */
  onCustomMessageAction(handler: (event: Talk.MessageActionEvent) => void): Talk.Subscription;
  /** Mirrors `UIBox.onCustomMessageAction(action, handler)`: only the named action. */
  onCustomMessageAction(action: string, handler: (event: Talk.MessageActionEvent) => void): Talk.Subscription;
  onCustomMessageAction(
    actionOrHandler: string | ((event: Talk.MessageActionEvent) => void),
    handler?: (event: Talk.MessageActionEvent) => void,
  ): Talk.Subscription {
    return this.#subscribeAction('onCustomMessageAction', 'customMessageAction', actionOrHandler, handler);
  }

  /** Mirrors `UIBox.onCustomConversationAction(handler)`: every custom conversation action. */
  onCustomConversationAction(handler: (event: Talk.ConversationActionEvent) => void): Talk.Subscription;
  /** Mirrors `UIBox.onCustomConversationAction(action, handler)`: only the named action. */
  onCustomConversationAction(action: string, handler: (event: Talk.ConversationActionEvent) => void): Talk.Subscription;
  onCustomConversationAction(
    actionOrHandler: string | ((event: Talk.ConversationActionEvent) => void),
    handler?: (event: Talk.ConversationActionEvent) => void,
  ): Talk.Subscription {
    return this.#subscribeAction('onCustomConversationAction', 'customConversationAction', actionOrHandler, handler);
  }

  /** Mirrors `UIBox.onSendMessage`: the user sent a message through the UI (before it is stored; see `override`). */
  onSendMessage(handler: (event: Talk.SendMessageEvent) => void): Talk.Subscription {
    return this.subscribe('onSendMessage', 'sendMessage', handler);
  }

  /** Mirrors `UIBox.onLeaveConversation` (preventable). */
  onLeaveConversation(handler: (event: Talk.LeaveConversationEvent) => void): Talk.Subscription {
    return this.subscribe('onLeaveConversation', 'leaveConversation', handler);
  }

  /** Mirrors `UIBox.onMarkConversationAsUnread` (preventable). */
  onMarkConversationAsUnread(handler: (event: Talk.MarkConversationAsUnreadEvent) => void): Talk.Subscription {
    return this.subscribe('onMarkConversationAsUnread', 'markConversationAsUnread', handler);
  }

  /** Mirrors `UIBox.onFocus`: focus entered the UI (handler gets no argument). */
  onFocus(handler: () => void): Talk.Subscription {
    return this.subscribe('onFocus', 'focus', handler);
  }

  /** Mirrors `UIBox.onBlur`: focus left the UI (handler gets no argument). */
  onBlur(handler: () => void): Talk.Subscription {
    return this.subscribe('onBlur', 'blur', handler);
  }

  /** Mirrors `UIBox.onTranslationToggled`. */
  onTranslationToggled(handler: (event: Talk.TranslationToggledEvent) => void): Talk.Subscription {
    return this.subscribe('onTranslationToggled', 'translationToggled', handler);
  }

  /** Mirrors `UIBox.onKeyup` (the stand-in UI fires it only with `captureKeyboardEvents: true`). */
  onKeyup(handler: (event: Talk.KeyEvent) => void): Talk.Subscription {
    return this.subscribe('onKeyup', 'keyup', handler);
  }

  /** Mirrors `UIBox.onKeydown` (the stand-in UI fires it only with `captureKeyboardEvents: true`). */
  onKeydown(handler: (event: Talk.KeyEvent) => void): Talk.Subscription {
    return this.subscribe('onKeydown', 'keydown', handler);
  }

  /**
   * Mirrors `UIBox.createHtmlPanel(options)`: resolves with a {@link FakeHtmlPanel}, an iframe
   * above the message field (shown only for `options.conversation`, when given).
   */
  createHtmlPanel(options: Talk.HtmlPanelOptions): Promise<FakeHtmlPanel> {
    return this.runtime.invokeAsync(this.site, 'createHtmlPanel', [options], () => {
      const panel = new FakeHtmlPanel(this.runtime, this, options);
      this.htmlPanels.push(panel);
      this.runtime.htmlPanels.push(panel);
      this.refreshPanels();
      return panel;
    });
  }

  /**
   * Mirrors `UIBox.setPresence(presence)`, a patch: `visible` "When omitted or `undefined`, the
   * existing value remains unchanged"; in `custom`, "Set any property to `null` to delete the
   * existing value" (`custom: null` deletes all). While `visible` is false, messages arriving on
   * this UI are not marked as read. See {@link presence} for the state in effect.
   */
  setPresence(presence: Talk.UserPresence): void {
    this.runtime.invoke(this.site, 'setPresence', [presence], () => {
      this.patchPresence(presence);
      this.refresh();
    });
  }

  /** @internal Applies a `UserPresence` patch without recording a call. */
  protected patchPresence(presence: Talk.UserPresence): void {
    if (!presence || typeof presence !== 'object') throw new TypeError(`[fake TalkJS] ${this.label}.setPresence(presence): presence must be an object`);
    if (presence.visible !== undefined) this.#presenceVisible = presence.visible;
    if (presence.custom === null) this.#presenceCustom = {};
    else if (presence.custom !== undefined) {
      const merged = { ...this.#presenceCustom };
      for (const [key, value] of Object.entries(presence.custom)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      this.#presenceCustom = merged;
    }
  }

  /** Mirrors `UIBox.destroy()`: removes the stand-in UI, its HTML panels and its subscriptions. Idempotent. */
  destroy(): void {
    this.runtime.invoke(this.site, 'destroy', [], () => this.destroyInternal());
  }

  /** Mirrors `UIBox.toggleDesktopNotifications(isEnabled)`: sets the session's `desktopNotificationEnabled`. */
  toggleDesktopNotifications(isEnabled: boolean): void {
    this.runtime.invoke(this.site, 'toggleDesktopNotifications', [isEnabled], () => {
      this.session.desktopNotificationEnabled = isEnabled;
    });
  }

  /** Mirrors `UIBox.setMessageFilter(filter)`: the stand-in UI shows only matching messages. */
  setMessageFilter(filter: Talk.MessagePredicate): void {
    this.runtime.invoke(this.site, 'setMessageFilter', [filter], () => {
      this.messageFilter = filter;
      this.refresh();
    });
  }

  /** Mirrors `UIBox.setTranslationEnabledForConversation(conversation, enabled)` (recorded in `translationEnabledFor`). */
  setTranslationEnabledForConversation(conversation: string | Talk.ConversationBuilder, enabled: boolean): void {
    this.runtime.invoke(this.site, 'setTranslationEnabledForConversation', [conversation, enabled], () => {
      const id = conversationIdOf(conversation);
      if (id !== undefined) this.translationEnabledFor.set(id, enabled);
    });
  }

  /** Mirrors `UIBox.setTranslationEnabledDefault(enabled)` (recorded in `translationEnabledDefault`). */
  setTranslationEnabledDefault(enabled: boolean | 'auto'): void {
    this.runtime.invoke(this.site, 'setTranslationEnabledDefault', [enabled], () => {
      this.translationEnabledDefault = enabled;
    });
  }

  /**
   * Mirrors `UIBox.setHighlightedWords(words)`: the stand-in UI wraps them in `<mark>`. The
   * returned controls resolve `{ found, isLast: true }`, `found` when a shown message contains one.
   */
  setHighlightedWords(words: string[]): Talk.HighlightControls {
    return this.runtime.invoke(this.site, 'setHighlightedWords', [words], () => {
      this.highlightedWords = [...words];
      this.refresh();
      const jump = (method: string) => (): Promise<Talk.HighlightResult> =>
        this.runtime.invokeAsync({ ...this.site, label: `${this.label}.highlight` }, method, [], () => ({
          found: this.#highlightFound(),
          isLast: true,
        }));
      return { jumpUp: jump('jumpUp'), jumpDown: jump('jumpDown') };
    });
  }

  /** Mirrors `UIBox.sendFile(file)`: the real SDK asks the user to confirm; the fake keeps the file in `sentFiles` and resolves. */
  sendFile(file: File): Promise<void> {
    return this.runtime.invokeAsync(this.site, 'sendFile', [file], () => {
      this.sentFiles.push(file);
    });
  }

  /** Mirrors `UIBox.sendLocation()`: the real SDK asks the user to confirm; the fake resolves without sending. */
  sendLocation(): Promise<void> {
    return this.runtime.invokeAsync(this.site, 'sendLocation', [], () => undefined);
  }

  /**
   * Test helper (not recorded): fires an SDK event on this UI as if the UI raised it, and returns
   * the event object the handlers received. Missing payload fields are filled from the current
   * state where possible (`conversation`, `me`, `others`, `participants`; key fields false/empty).
   * Preventable events get `preventDefault()` and `defaultPrevented`; `focus`, `blur`, `open` and
   * `close` handlers get no argument (and `emit` returns `undefined`). A destroyed UI calls no handler.
   */
  emit<K extends keyof M & string>(type: K, payload?: FakeEmitPayload<M[K]>): M[K] {
    const event = this.#buildEvent(type, (payload ?? {}) as Record<string, unknown>);
    if (this.#alive) this.hub.dispatch(type, event === undefined ? [] : [event]);
    return event as M[K];
  }

  /** @internal Re-renders after an HTML panel changed. */
  refreshPanels(): void {
    this.ui?.render();
  }

  /** @internal The conversation its user reads through it now: mounted, on screen, visible presence, shown. */
  readingConversationId(): string | null {
    if (!this.#alive || !this.#mounted || !this.ui?.root.isConnected || !this.isOnScreen()) return null;
    if (!this.#presenceVisible) return null;
    return this.#shownId !== null && this.runtime.backend.conversations.has(this.#shownId) ? this.#shownId : null;
  }

  /** @internal Destroys it without recording a call (also used by `session.destroy()`). */
  destroyInternal(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#mounted = false;
    for (const panel of this.htmlPanels) panel.destroyInternal();
    this.hub.clear();
    this.#stopListening();
    this.runtime.backend.removeReader(this);
    this.ui?.destroy();
    this.ui = undefined;
  }

  /** @internal Selects without recording a call (`select`, `createChatbox(conversation)`, `InboxOptions.selected`). */
  selectInternal(conversation: FakeSelectable, params?: Talk.SelectConversationOptions): void {
    let id: string | null | undefined;
    if (conversation === null || conversation === undefined) {
      id = conversation;
    } else if (conversation instanceof FakeConversationBuilder) {
      conversation.apply(params?.asGuest === true);
      id = conversation.id;
    } else {
      id = conversationIdOf(conversation);
      if (id === undefined) throw new TypeError(`[fake TalkJS] ${this.label}.select(): expected a conversation id, a conversation, null or undefined`);
    }
    this.#selected = id;
    this.#selectOptions = params;
    this.#selectedEver = true;
    this.showConversation(id === undefined ? this.#mostRecentId() : id);
  }

  /** @internal Shows a conversation (by id) without changing `selected` (a feed click). */
  protected showConversation(id: string | null): void {
    this.#shownId = id;
    this.refresh();
  }

  /** @internal Brings read state and the stand-in UI up to date. */
  protected refresh(): void {
    if (!this.#alive) return;
    const reading = this.readingConversationId();
    if (reading !== null) this.runtime.backend.markRead(reading, this.session.me.id);
    this.ui?.render();
  }

  /** @internal Whether the UI is on screen when mounted (a popup: only while open). */
  protected isOnScreen(): boolean {
    return true;
  }

  /** @internal What `select` resolves with, after the selection (the inbox fires `conversationSelected`). */
  protected afterSelect(): Promise<void> | void {
    return undefined;
  }

  /**
   * @internal Throws unless the session's user exists in the backend: the declarations say "you
   * cannot mount a Chat UI before creating your user" (`SessionOptions.userId`).
   */
  protected requireUser(): void {
    const id = this.session.me.id;
    if (!this.runtime.backend.users.has(id)) {
      throw new Error(
        `[fake TalkJS] ${this.label}.mount(): you cannot mount a Chat UI before creating your user: user "${id}" does not exist. ` +
          'Create it first (session.currentUser.set({ name, ... }) or createIfNotExists), or pass SessionOptions.me.',
      );
    }
  }

  /** @internal Renders into `parent` (first mount creates the stand-in UI; a second mount moves it). */
  protected attach(parent: Node): void {
    this.#mountOrder = ++this.runtime.mountCount;
    if (!this.#selectedEver && this.kind === 'inbox') this.#shownId = this.#mostRecentId();
    if (!this.ui) {
      this.ui = renderer(this.#view());
      if (this.#draft !== undefined) this.ui.fieldText = this.#draft;
    }
    parent.appendChild(this.ui.root);
    this.#mounted = true;
    this.refresh();
  }

  /** @internal Subscribes `handler` to `type` through the recorded method `method`. */
  protected subscribe(method: string, type: string, handler: (...args: never[]) => unknown): Talk.Subscription {
    return this.runtime.invoke(this.site, method, [handler], () => this.hub.subscribe(type, handler));
  }

  /** @internal The user's submit of the message form: `sendMessage` handlers, `override`, then the backend. */
  protected submitted(text: string): void {
    const conversation = this.currentConversation;
    if (!conversation || !this.#alive || text.trim() === '') return;
    const event = this.#sendMessageEvent(text, conversation);
    this.hub.dispatch('sendMessage', [event]);
    // The field is cleared even when an override cancels the message, as in the SDK.
    this.setFieldText('');
    const send = (params: Talk.SendMessageOverrideParams) => {
      if (params.cancel || !this.#alive || !this.session.isAlive) return;
      this.runtime.backend.sendMessage(conversation.id, this.session.me.id, params.text ?? text, {
        origin: 'web',
        ...(params.custom ? { custom: params.custom } : {}),
      });
    };
    const overrides = event.overrides;
    if (overrides.every((override) => typeof override !== 'function')) {
      send(mergeOverrides(overrides as Talk.SendMessageOverrideParams[]));
      return;
    }
    // A function override may be async; like the SDK, give up on it (send unmodified) after 5 s.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Talk.SendMessageOverrideParams[]>((resolve) => {
      timer = setTimeout(() => resolve([]), 5000);
    });
    const computed = Promise.all(overrides.map((override) => (typeof override === 'function' ? override() : override)));
    Promise.race([computed, timeout])
      .then((list) => send(mergeOverrides(list)))
      .catch((error: unknown) => reportHandlerError(error))
      .finally(() => clearTimeout(timer));
  }

  /** @internal Focus entered or left the stand-in UI. */
  protected focusChanged(focused: boolean): void {
    this.emit(focused ? 'focus' : 'blur');
  }

  /** @internal The user clicked a feed item (inbox). */
  protected feedItemClicked(_conversationId: string): void {}

  /** @internal The user clicked the launcher (popup). */
  protected launcherClicked(): void {}

  /** @internal The user clicked the header's close button (popup). */
  protected closeClicked(): void {}

  /** @internal A key event in the stand-in UI: forwarded only with `captureKeyboardEvents: true`. */
  protected keyPressed(type: 'keyup' | 'keydown', event: KeyboardEvent): void {
    if (this.options.captureKeyboardEvents !== true) return;
    const target = event.composedPath()[0];
    this.emit(type, {
      isInputFocused: target instanceof HTMLInputElement || target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement,
      altKey: event.altKey,
      code: event.code,
      ctrlKey: event.ctrlKey,
      key: event.key,
      location: event.location,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      repeat: event.repeat,
    } as FakeEmitPayload<M[typeof type]>);
  }

  /** @internal Snapshots for event payloads: `me`, `others`, `participants` of a conversation. */
  protected people(conversation: Talk.ConversationData | null): {
    me: Talk.UserSnapshot;
    others: Talk.UserSnapshot[];
    participants: Talk.UserSnapshot[];
  } {
    const backend = this.runtime.backend;
    const meId = this.session.me.id;
    const ids = conversation ? Object.keys(conversation.participants) : [];
    return {
      me: backend.userSnapshot(meId),
      others: ids.filter((id) => id !== meId).map((id) => backend.userSnapshot(id)),
      participants: ids.map((id) => backend.userSnapshot(id)),
    };
  }

  // MessageFieldHost

  /** @internal */
  focusField(): void {
    this.ui?.focusField();
  }

  /** @internal */
  fieldText(): string {
    return this.ui ? this.ui.fieldText : (this.#draft ?? this.options.messageSuggestion ?? '');
  }

  /** @internal */
  setFieldText(text: string): void {
    if (this.ui) this.ui.fieldText = text;
    else this.#draft = text;
  }

  /** @internal */
  setFieldVisible(visible: boolean | Talk.ConversationPredicate): void {
    this.messageFieldVisible = visible;
    this.refresh();
  }

  #mostRecentId(): string | null {
    return this.runtime.backend.conversationsOf(this.session.me.id)[0]?.id ?? null;
  }

  #highlightFound(): boolean {
    const record = this.#shownId === null ? undefined : this.runtime.backend.conversations.get(this.#shownId);
    const words = this.highlightedWords.filter((word) => word.trim() !== '').map((word) => word.toLowerCase());
    return !!record && record.messages.some((message) => words.some((word) => message.text.toLowerCase().includes(word)));
  }

  #subscribeAction<E extends { action: string }>(
    method: string,
    type: string,
    actionOrHandler: string | ((event: E) => void),
    handler: ((event: E) => void) | undefined,
  ): Talk.Subscription {
    if (typeof actionOrHandler === 'function') {
      return this.runtime.invoke(this.site, method, [actionOrHandler], () => this.hub.subscribe(type, actionOrHandler));
    }
    return this.runtime.invoke(this.site, method, [actionOrHandler, handler], () =>
      this.hub.subscribe(type, handler!, (event) => (event as E | undefined)?.action === actionOrHandler),
    );
  }

  #sendMessageEvent(text: string, conversation: Talk.ConversationData): FakeSendMessageEvent {
    const overrides: FakeSendMessageEvent['overrides'][number][] = [];
    const meId = this.session.me.id;
    return {
      message: {
        id: undefined,
        conversationId: conversation.id,
        type: 'UserMessage',
        readBy: [],
        senderId: meId,
        text,
      },
      me: this.runtime.backend.userSnapshot(meId),
      conversation,
      overrides,
      override: (params) => {
        overrides.push(params);
      },
    };
  }

  #buildEvent(type: string, payload: Record<string, unknown>): unknown {
    if (NO_ARGUMENT.has(type)) return undefined;
    const conversation = this.currentConversation;
    if (type === 'sendMessage') {
      const message = payload['message'] as Partial<Talk.SentMessage> | undefined;
      const base = this.#sendMessageEvent(message?.text ?? this.fieldText(), (payload['conversation'] as Talk.ConversationData | undefined) ?? conversation!);
      const { overrides, override } = base;
      return { ...base, ...payload, message: { ...base.message, ...message }, overrides, override };
    }
    let defaults: Record<string, unknown>;
    switch (type) {
      case 'selectConversation':
      case 'conversationSelected': {
        const target = 'conversation' in payload ? (payload['conversation'] as Talk.ConversationData | null) : conversation;
        defaults = target ? { ...this.people(target), conversation: target } : { me: this.people(null).me, conversation: null };
        break;
      }
      case 'keyup':
      case 'keydown':
        defaults = { ...KEY_DEFAULTS };
        break;
      case 'translationToggled':
      case 'desktopNotificationToggled':
        defaults = { isEnabled: true, conversation };
        if (type === 'desktopNotificationToggled') delete defaults['conversation'];
        break;
      case 'customMessageAction': {
        const record = conversation ? this.runtime.backend.conversations.get(conversation.id) : undefined;
        const last = record?.messages[record.messages.length - 1];
        defaults = { action: '', params: {}, message: last ? this.runtime.backend.message(last, this.session.me.id) : undefined };
        break;
      }
      case 'customConversationAction':
        defaults = { action: '', params: {}, conversation };
        break;
      default:
        defaults = { conversation };
    }
    const event = { ...defaults, ...payload };
    return PREVENTABLE.has(type) ? makePreventable(event) : event;
  }

  /** The view its renderer reads (live getters) and reports the user's actions to. */
  #view(): FakeUIView {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const box = this;
    return {
      kind: this.kind,
      backend: this.runtime.backend,
      get meId() {
        return box.session.me.id;
      },
      options: this.options as FakeUIViewOptions,
      get shownConversationId() {
        return box.#shownId;
      },
      get highlightedWords() {
        return box.highlightedWords;
      },
      get messageFilter() {
        return box.messageFilter;
      },
      get feedFilter() {
        return box.feedFilterForUI();
      },
      get messageFieldVisible() {
        return box.messageFieldVisible;
      },
      get visible() {
        return box.isOnScreen();
      },
      get htmlPanels() {
        return box.htmlPanels;
      },
      submitted: (text) => this.submitted(text),
      feedItemClicked: (id) => this.feedItemClicked(id),
      launcherClicked: () => this.launcherClicked(),
      closeClicked: () => this.closeClicked(),
      focusChanged: (focused) => this.focusChanged(focused),
      keyPressed: (type, event) => this.keyPressed(type, event),
    };
  }

  /** @internal The feed filter the rendering applies (inbox). */
  protected feedFilterForUI(): Talk.ConversationPredicate | undefined {
    return undefined;
  }
}

function mergeOverrides(list: Talk.SendMessageOverrideParams[]): Talk.SendMessageOverrideParams {
  const merged: Talk.SendMessageOverrideParams = {};
  for (const params of list) {
    if (!params) continue;
    if (params.text !== undefined) merged.text = params.text;
    if (params.cancel !== undefined) merged.cancel = params.cancel;
    if (params.custom) merged.custom = { ...merged.custom, ...params.custom };
  }
  return merged;
}
