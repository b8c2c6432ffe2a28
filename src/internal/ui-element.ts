/**
 * The machinery shared by `<talk-chatbox>`, `<talk-inbox>` and `<talk-popup>`: finding the
 * session, creating the SDK UI object with options from attributes and properties, mounting
 * it, selecting the conversation, live updates, event re-dispatch and clean destruction.
 */
import { DEFAULT_SESSION_TIMEOUT, SessionController } from '../controllers/session-controller.js';
import { subscribeRoutes, unsubscribeAll, type EventRoute, type TalkEventDetails, type TalkEventName } from './events.js';
import {
  conversationInputs,
  conversationRules,
  resolveSelection,
  sameInputs,
  syncedAttribute,
  type ConversationInputs,
  type Selection,
  type SentAttributes,
  CONVERSATION_KEYS,
} from './conversation.js';
import type { PropertyDeclaration } from '@lit/reactive-element';
import { CHATBOX_OPTION_KEYS, commonLiveOptions, type LiveOption } from './live-options.js';
import { sameData } from './same-data.js';
import type { SessionLike, Subscription, Talk, UIBox } from './sdk-types.js';
import { slot, type TalkStatus } from './talk-element.js';
import { TalkUiProperties } from './ui-properties.js';

export { DEFAULT_SESSION_TIMEOUT };

export type { ConversationSource } from './conversation.js';
export type { LiveOption } from './live-options.js';

/** The SDK callbacks every UI object has, by DOM event name. */
export const UI_ROUTES: ReadonlyArray<EventRoute<UIBox>> = [
  ['talk-send-message', (b, h) => b.onSendMessage(h)],
  ['talk-custom-message-action', (b, h) => b.onCustomMessageAction(h)],
  ['talk-custom-conversation-action', (b, h) => b.onCustomConversationAction(h)],
  ['talk-leave-conversation', (b, h) => b.onLeaveConversation(h)],
  ['talk-mark-conversation-as-unread', (b, h) => b.onMarkConversationAsUnread(h)],
  ['talk-focus', (b, h) => b.onFocus(h)],
  ['talk-blur', (b, h) => b.onBlur(h)],
  ['talk-translation-toggled', (b, h) => b.onTranslationToggled(h)],
  ['talk-keyup', (b, h) => b.onKeyup(h)],
  ['talk-keydown', (b, h) => b.onKeydown(h)],
];

/** What a UI element class passes to the SDK (see `optionKeys()` and `liveOptions()`), worked out once per class. */
interface ClassOptions {
  readonly keys: readonly string[];
  readonly live: readonly LiveOption<never>[];
  /** The live options that are part of the options object, by key. */
  readonly inOptions: ReadonlyMap<string, LiveOption<never>>;
}

const CLASS_OPTIONS = new WeakMap<object, ClassOptions>();

/** The properties that say only what to select (a change of one of them leaves the options as they are). */
const SELECTION_ONLY = new Set<PropertyKey>(CONVERSATION_KEYS);

/** The shadow root's content of each kind of UI element, by SDK name (see `shadowContent()`). */
const STATUS_TEMPLATES = new Map<string, HTMLTemplateElement>();

/** One created UI object and what it was created with. */
interface BoxRecord<Box, Options> {
  readonly object: Box;
  readonly session: SessionLike;
  /** The options object passed at creation. */
  readonly options: Options;
  subscriptions: Subscription[];
  /** Live values last applied, by key (a plain object: one per UI object, a handful of keys). */
  readonly applied: Record<string, unknown>;
  /** What was last selected: the conversation, `syncConversation`, its attributes and `as-guest`. */
  selection?: ConversationInputs;
  /** The element's `#optionsVersion` when the options were last brought in line with this object. */
  optionsVersion: number;
  /** The conversation attributes last sent by the sync attributes, and for which conversation. */
  attributes?: SentAttributes;
}

/**
 * Base class of the three UI elements. Subclasses name the SDK object and say how to create
 * and mount it; everything else is here.
 *
 * The UI object is created when a live session is available (from the nearest
 * `<talk-session>`, or the `session` property) and the inputs are valid. It is destroyed when the
 * element is removed, when its session goes, or before being recreated because an option
 * without an SDK setter changed (once per update, however many options changed).
 *
 * Invoker commands: a `<button commandfor="…" command="--select" value="order-1">` pointing at the
 * element selects that conversation (where the browser has invoker commands).
 *
 * The slots, part, states and events below are those of every UI element (declared once here;
 * the manifest lists them on each element).
 *
 * @slot loading - Shown until the UI is mounted (in a polite live region; a visually hidden sentence when empty).
 * @slot error - Shown when the UI or its session failed (in an alert; a visually hidden sentence when empty).
 *
 * @csspart status - The box over the UI's area that holds the `loading` and `error` slots.
 *
 * @fires {CustomEvent<{ chatbox: Talk.Chatbox } | { inbox: Talk.Inbox } | { popup: Talk.Popup }>} talk-ready - The UI is mounted: `{ chatbox }`, `{ inbox }` or `{ popup }`.
 * @fires {CustomEvent<Talk.SendMessageEvent>} talk-send-message - `onSendMessage`; `detail.override()` can change or cancel the message.
 * @fires {CustomEvent<Talk.MessageActionEvent>} talk-custom-message-action - `onCustomMessageAction` (any action).
 * @fires {CustomEvent<Talk.ConversationActionEvent>} talk-custom-conversation-action - `onCustomConversationAction` (any action).
 * @fires {CustomEvent<Talk.LeaveConversationEvent>} talk-leave-conversation - `onLeaveConversation`. Cancelable: `preventDefault()` keeps the user in.
 * @fires {CustomEvent<Talk.MarkConversationAsUnreadEvent>} talk-mark-conversation-as-unread - `onMarkConversationAsUnread`. Cancelable.
 * @fires {CustomEvent<null>} talk-focus - `onFocus`.
 * @fires {CustomEvent<null>} talk-blur - `onBlur`.
 * @fires {CustomEvent<Talk.TranslationToggledEvent>} talk-translation-toggled - `onTranslationToggled`.
 * @fires {CustomEvent<Talk.KeyEvent>} talk-keyup - `onKeyup` (with `capture-keyboard-events`).
 * @fires {CustomEvent<Talk.KeyEvent>} talk-keydown - `onKeydown` (with `capture-keyboard-events`).
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute`, `no-session` or `sdk-error`.
 *
 * @cssstate loading - Until the UI is mounted.
 * @cssstate ready - While the UI is mounted.
 * @cssstate error - After a failure.
 */
export abstract class TalkUiElement<Box extends UIBox, Options extends Talk.ChatboxOptions> extends TalkUiProperties<Options> {
  /** The SDK's name for the object, for messages: `Chatbox`, `Inbox` or `Popup`. */
  protected abstract readonly sdkName: string;
  /** The SDK callbacks to re-dispatch. */
  protected abstract readonly routes: ReadonlyArray<EventRoute<Box>>;
  /** Creates the SDK object (`session.createChatbox(options)` …). */
  protected abstract createBox(session: SessionLike, options: Options): Box;
  /** Mounts the SDK object (`box.mount(container)` …). */
  protected abstract mountBox(box: Box): Promise<void>;
  /** The detail of `talk-ready`: `{ chatbox }`, `{ inbox }` or `{ popup }`. */
  protected abstract readyDetail(box: Box): TalkEventDetails['talk-ready'];

  /** Finds the session: the `session` property, else the nearest `<talk-session>`; `no-session` after `session-timeout`. */
  readonly #sessions = new SessionController(this, {
    // `undefined` comes from disconnectedCallback, which in a move runs once the element is
    // already in its new place: connectedCallback follows and reconciles.
    onChange: () => this.#reconcile(),
    onNoSession: (detail) => this.reportNoSession(detail),
  });
  #box: BoxRecord<Box, Options> | undefined;
  #container: HTMLElement | undefined;
  /** While the element passes through a place without a session: the end-of-task check. */
  #passing: ReturnType<typeof setTimeout> | undefined;
  /**
   * The session on which creating or mounting the UI failed: not tried again on it until a
   * property changes (so one failure gives one `talk-error`, not one per context update).
   */
  #failedOn: SessionLike | undefined;
  /**
   * Counts the property sets that may change the options (every one but the conversation's, see
   * `SELECTION_ONLY`; and every `requestUpdate()` without a name, as after mutating `options` in
   * place): while it stays the same, a reconcile skips rebuilding and comparing the options.
   */
  #optionsVersion = 0;

  constructor() {
    super();
    // Invoker commands (`<button commandfor="chat" command="--select" value="order-1">`). Where a
    // browser has none, no `command` event comes and nothing else changes.
    this.addEventListener('command', TalkUiElement.#commandListener);
  }

  /** The `command` listener of every UI element (one function for all, `this` being the element). */
  static #commandListener(this: TalkUiElement<UIBox, Talk.ChatboxOptions>, event: Event): void {
    const { command, source } = event as Event & { command?: string; source?: Element | null };
    if (typeof command === 'string') this.onCommand(command, source ?? null);
  }

  /**
   * Runs an invoker command sent to the element (`commandfor` pointing at it): `--select` shows
   * the conversation whose id is the invoking button's `value` (sets `conversationId`).
   * Subclasses add theirs. Unknown commands are ignored.
   */
  protected onCommand(command: string, source: Element | null): void {
    if (command !== '--select') return;
    const value = (source as HTMLButtonElement | null)?.value;
    if (typeof value === 'string' && value.trim() !== '') this.conversationId = value.trim();
  }

  /** The live SDK UI object, or `undefined` while loading, after an error and after removal. */
  protected get box(): Box | undefined {
    const object = this.#box?.object;
    return object?.isAlive ? object : undefined;
  }

  /** The light-DOM element the SDK mounts into (created on first use, kept for the element's life). */
  protected get mountContainer(): HTMLElement {
    if (!this.#container) {
      this.#container = document.createElement('div');
      this.#container.setAttribute('data-talk-mount', '');
    }
    if (this.#container.parentNode !== this) this.append(this.#container);
    return this.#container;
  }

  /**
   * The SDK option keys that come from this element's own properties of the same name.
   * Subclasses add theirs. Called once per class.
   */
  protected optionKeys(): readonly string[] {
    return CHATBOX_OPTION_KEYS;
  }

  /** Options that change without recreating the UI (see `live-options.ts`). Subclasses add theirs. Called once per class. */
  protected liveOptions(): LiveOption<Box>[] {
    return commonLiveOptions<Box>();
  }

  /** This class's option keys and live options. */
  #classOptions(): ClassOptions {
    let options = CLASS_OPTIONS.get(this.constructor);
    if (!options) {
      const live = this.liveOptions() as LiveOption<never>[];
      options = { keys: this.optionKeys(), live, inOptions: new Map(live.filter((o) => o.inOptions).map((o) => [o.key, o])) };
      CLASS_OPTIONS.set(this.constructor, options);
    }
    return options;
  }

  /** Destroys the live UI object and creates it again (e.g. to take over a popup TalkJS restored). Never throws. */
  protected recreate(): void {
    this.#destroyBox();
    this.#reconcile();
  }

  /** Records that `value` is live for `key` (so it is not applied again), e.g. after an SDK event. */
  protected markApplied(key: string, value: unknown): void {
    if (this.#box) this.#box.applied[key] = value;
  }

  /** Re-dispatches an SDK callback of the UI object. Subclasses may follow SDK state here. */
  protected onBoxEvent(name: TalkEventName, arg: unknown): void {
    this.relay(name, arg);
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    // Lit's constructor asks for the first update before this class's fields exist.
    if (#optionsVersion in this && (name === undefined || !SELECTION_ONLY.has(name))) this.#optionsVersion++;
    super.requestUpdate(name, oldValue, options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The consumer has asked for the session by now; a provider answers synchronously.
    if (this.hasUpdated) this.#reconcile();
  }

  /**
   * The status box over the chat area: the `loading` slot in a polite live region
   * (`role="status"`), the `error` slot in an assertive one (`role="alert"`), each with a
   * visually hidden fallback sentence, so a screen reader hears that the chat is loading or has
   * failed (ARIA practices: live regions and alerts). The host is `aria-busy` while loading.
   */
  protected override shadowContent(): Node[] {
    let template = STATUS_TEMPLATES.get(this.sdkName);
    if (!template) {
      template = document.createElement('template');
      const status = document.createElement('div');
      status.setAttribute('part', 'status');
      const region = (role: string, name: string, fallback: string) => {
        const box = document.createElement('div');
        box.setAttribute('role', role);
        const text = document.createElement('span');
        text.className = 'visually-hidden';
        text.textContent = fallback;
        box.append(slot(name, text));
        return box;
      };
      status.append(
        region('status', 'loading', `Loading the ${this.sdkName.toLowerCase()}…`),
        region('alert', 'error', `The ${this.sdkName.toLowerCase()} could not be loaded.`),
      );
      template.content.append(status, slot());
      STATUS_TEMPLATES.set(this.sdkName, template);
    }
    // One copy of the content built the first time (cheaper than building it per element), made
    // in the element's document (as Lit copies its templates).
    return [this.ownerDocument.importNode(template.content, true)];
  }

  /** Sets the status, and `aria-busy` on the host while loading. */
  protected override setStatus(status: TalkStatus): void {
    super.setStatus(status);
    const internals = this.internals;
    if (internals && 'ariaBusy' in internals) internals.ariaBusy = status === 'loading' ? 'true' : 'false';
  }

  protected override updated(): void {
    // A property changed: worth another try after a failure.
    this.#failedOn = undefined;
    this.#reconcile();
  }

  protected override teardown(): void {
    clearTimeout(this.#passing);
    this.#passing = undefined;
    this.#failedOn = undefined;
    // Connected again later, a missing session is news again.
    this.clearReportedInput('session');
    this.#destroyBox();
    this.setStatus('loading');
  }

  /** Brings the UI object in line with the session and the properties. Never throws. */
  #reconcile(): void {
    if (!this.isConnected) return;
    clearTimeout(this.#passing);
    this.#passing = undefined;
    // Values of the wrong type are reported at once, session or not.
    if (this.checkInputs().length > 0) {
      this.#destroyBox();
      this.setStatus('error');
      return;
    }
    const session = this.#sessions.session;
    if (!session && this.#box?.session.isAlive && !this.#sessions.context && !this.session) {
      // Moved through a place without a session (nothing answered there): a move within one task
      // keeps the UI, so it goes only if no session has come back by the end of the task.
      this.#passing = setTimeout(() => {
        this.#passing = undefined;
        if (this.isConnected && !this.#sessions.session) {
          this.#destroyBox();
          this.#reconcile();
        }
      });
      return;
    }
    if (!session || !session.isAlive) {
      this.#destroyBox();
      this.setStatus(this.#sessions.status === 'error' ? 'error' : 'loading');
      return;
    }
    this.clearReportedInput('session');
    const inputs = conversationInputs(this);
    if (this.#findProblem(inputs)) {
      this.#destroyBox();
      this.setStatus('error');
      return;
    }
    const record = this.#box;
    if (record && record.optionsVersion === this.#optionsVersion && record.session === session && record.object.isAlive) {
      // Only what to select can have changed (e.g. conversation-id): the options are as they were.
      this.#applySelection(record, inputs);
      return;
    }
    const options = this.#buildOptions();
    if (record && (record.session !== session || !record.object.isAlive || this.#needsRecreate(record.options, options))) {
      this.#destroyBox();
    }
    if (this.#box) {
      this.#box.optionsVersion = this.#optionsVersion;
      this.#applySelection(this.#box, inputs);
      this.#applyLive(this.#box, options);
    } else if (this.#failedOn !== session) {
      this.#createBox(session, options, inputs);
    }
  }

  /** The options object: `options`, then the dedicated properties that are set, on top. */
  #buildOptions(): Options {
    const options: Record<string, unknown> = { ...(this.options ?? {}) };
    const self = this as unknown as Record<string, unknown>;
    for (const key of this.#classOptions().keys) {
      if (self[key] !== undefined) options[key] = self[key];
    }
    if (this.dir === 'ltr' || this.dir === 'rtl') options.dir = this.dir;
    return options as Options;
  }

  #needsRecreate(before: Options, after: Options): boolean {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const live = this.#classOptions().inOptions;
    const changesLive = (key: string) => {
      if (sameData(a[key], b[key])) return false;
      const option = live.get(key);
      return !option || (option.canApply !== undefined && !option.canApply(a[key], b[key]));
    };
    for (const key in a) if (changesLive(key)) return true;
    for (const key in b) if (!(key in a) && changesLive(key)) return true;
    return false;
  }

  #createBox(session: SessionLike, options: Options, inputs: ConversationInputs): void {
    let object: Box;
    try {
      object = this.createBox(session, options);
    } catch (cause) {
      this.reportSdkError(`Session.create${this.sdkName}()`, cause);
      this.#failedOn = session;
      this.setStatus('error');
      return;
    }
    const record: BoxRecord<Box, Options> = { object, session, options, subscriptions: [], applied: {}, optionsVersion: this.#optionsVersion };
    this.#box = record;
    for (const option of this.#classOptions().live) {
      record.applied[option.key] = option.inOptions ? (options as Record<string, unknown>)[option.key] : option.atCreation?.(this);
    }
    try {
      record.subscriptions = subscribeRoutes(object, this.routes, (name, arg) => this.onBoxEvent(name, arg));
    } catch (cause) {
      this.reportSdkError(`${this.sdkName} event subscription`, cause);
      this.#destroyBox();
      this.setStatus('error');
      return;
    }
    this.#applySelection(record, inputs);
    this.#applyLive(record, options);
    this.setStatus('loading');
    let mounting: Promise<void>;
    try {
      mounting = Promise.resolve(this.mountBox(object));
    } catch (cause) {
      mounting = Promise.reject(cause);
    }
    mounting.then(
      () => {
        if (this.#box !== record) return;
        this.setStatus('ready');
        if (this.isConnected) this.emit('talk-ready', this.readyDetail(object));
      },
      (cause: unknown) => {
        if (this.#box !== record) return;
        this.reportSdkError(`${this.sdkName}.mount()`, cause);
        this.#failedOn = session;
        this.#destroyBox();
        this.setStatus('error');
      },
    );
  }

  /** The first problem with the conversation properties (reported once), or `undefined`. */
  #findProblem(inputs: ConversationInputs) {
    return this.findProblem('conversation', () => conversationRules(inputs, Boolean(this.#sessions.sdk)));
  }

  /** Calls `select` when what to select changed: the conversation, `syncConversation`, its attributes or `as-guest`. */
  #applySelection(record: BoxRecord<Box, Options>, selection: ConversationInputs): void {
    if (record.selection && sameInputs(selection, record.selection)) return;
    record.selection = selection;
    let target: Selection;
    try {
      target = resolveSelection(selection, record.session, this.#sessions.sdk, record.attributes);
    } catch (cause) {
      const attribute = selection.syncConversation ? 'syncConversation' : syncedAttribute(selection)!;
      this.report({ code: 'sdk-error', attribute, message: `${attribute}: could not build the conversation: ${String(cause)}`, cause });
      return;
    }
    if (target.sent) record.attributes = target.sent;
    const { conversation, first } = target;
    const object = record.object;
    const what = `${this.sdkName}.select()`;
    const { asGuest } = selection;
    const select = () => {
      if (asGuest === undefined || asGuest === null) {
        this.guard(what, () => object.select(conversation));
      } else {
        this.guard(what, () => object.select(conversation, { asGuest }));
      }
    };
    if (!first) return select();
    // The other user must exist before the conversation that names them is selected.
    const current = () => this.#box === record && record.selection === selection;
    first.then(
      () => current() && select(),
      (cause: unknown) => current() && this.reportSdkError('UserRef.createIfNotExists()', cause, 'with-user-name'),
    );
  }

  /** Applies every live option whose value differs from the one last applied. */
  #applyLive(record: BoxRecord<Box, Options>, options: Options): void {
    const self = this as unknown as Record<string, unknown>;
    for (const option of this.#classOptions().live as readonly LiveOption<Box>[]) {
      const value = option.inOptions ? (options as Record<string, unknown>)[option.key] : self[option.key];
      const before = record.applied[option.key];
      if (sameData(value, before)) continue;
      record.applied[option.key] = value;
      try {
        option.apply(record.object, value, before);
      } catch (cause) {
        this.reportSdkError(`${this.sdkName}.${option.method}()`, cause, option.attribute);
      }
    }
  }

  #destroyBox(): void {
    const record = this.#box;
    if (!record) return;
    this.#box = undefined;
    unsubscribeAll(record.subscriptions);
    try {
      if (record.object.isAlive) record.object.destroy();
    } catch (cause) {
      this.reportSdkError(`${this.sdkName}.destroy()`, cause);
    }
  }
}
