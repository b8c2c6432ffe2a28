/**
 * The fake `Talk.HtmlPanel`: an `<iframe>` above the message field of the stand-in UI.
 */
import type Talk from 'talkjs';
import type { CallSite, FakeRuntime } from './runtime.js';

/** What a panel needs from the UI box that created it. */
export interface HtmlPanelOwner {
  /** The box's label (for the panel's error messages). */
  readonly label: string;
  /** Whether the box is alive. */
  readonly isAlive: boolean;
  /** The conversation id the box shows, or null. */
  readonly shownConversationId: string | null;
  /** Re-renders the box's stand-in UI (the panel changed). */
  refreshPanels(): void;
}

/** The id of a `Conversation`, `ConversationBuilder`, `ConversationRef` or id string; undefined for anything else. */
export function conversationIdOf(conversation: unknown): string | undefined {
  if (typeof conversation === 'string') return conversation;
  if (conversation && typeof conversation === 'object' && typeof (conversation as { id?: unknown }).id === 'string') {
    return (conversation as { id: string }).id;
  }
  return undefined;
}

/**
 * Mirrors `Talk.HtmlPanel`, created by `createHtmlPanel(options)` on a fake UI box. Rendered as
 * an `<iframe data-part="html-panel">` loading `options.url`, `height` px tall, above the
 * message field, while it is shown and (when `options.conversation` is given) while the box
 * shows that conversation. Recorded as `'HtmlPanel#<n>'`.
 */
export class FakeHtmlPanel implements Talk.HtmlPanel {
  /** Its number in the fake's object counter. */
  readonly id: number;
  /** The options passed to `createHtmlPanel`, as passed. */
  readonly options: Talk.HtmlPanelOptions;
  /** The iframe that renders it (attached to the DOM while its box is mounted). */
  readonly iframe: HTMLIFrameElement;
  /** Resolves when the iframe's document has loaded (see `windowLoadedPromise`). */
  readonly DOMContentLoadedPromise: Promise<void>;
  /** Mirrors `HtmlPanel.windowLoadedPromise`: resolves on the iframe's `load` event. */
  readonly windowLoadedPromise: Promise<void>;

  readonly #runtime: FakeRuntime;
  readonly #owner: HtmlPanelOwner;
  readonly #site: CallSite;
  #height: number;
  #shown: boolean;
  #alive = true;

  /** @internal Created by a UI box's `createHtmlPanel`. */
  constructor(runtime: FakeRuntime, owner: HtmlPanelOwner, options: Talk.HtmlPanelOptions) {
    if (!options || typeof options.url !== 'string' || options.url === '') {
      throw new TypeError('[fake TalkJS] createHtmlPanel(options): options.url is required');
    }
    this.#runtime = runtime;
    this.#owner = owner;
    this.id = runtime.nextId();
    this.options = options;
    this.#site = { label: `HtmlPanel#${this.id}`, object: this, isLive: () => this.#alive };
    this.#height = options.height ?? 100;
    this.#shown = options.show ?? true;
    this.iframe = document.createElement('iframe');
    this.iframe.dataset['part'] = 'html-panel';
    this.iframe.title = 'HTML panel';
    this.iframe.height = String(this.#height);
    // Both promises settle on `load`: the DOMContentLoaded of a cross-origin frame is not observable.
    this.windowLoadedPromise = new Promise<void>((resolve) => {
      this.iframe.addEventListener('load', () => resolve(), { once: true });
    });
    this.DOMContentLoadedPromise = this.windowLoadedPromise;
    this.iframe.src = options.url;
    runtime.record(this.#site, 'constructor', [options]);
  }

  /** Mirrors `HtmlPanel.window`: the iframe's `contentWindow` (null while its box is not mounted). */
  get window(): Window {
    return this.iframe.contentWindow as Window;
  }

  /** Non-SDK: false once destroyed (by `destroy()`, or with its box or session). */
  get isAlive(): boolean {
    return this.#alive;
  }

  /** Non-SDK: the height in px (`options.height`, default 100, or the last `setHeight`). */
  get height(): number {
    return this.#height;
  }

  /** Non-SDK: whether it was last shown (`show`) rather than hidden (`hide`), whatever the conversation. */
  get shown(): boolean {
    return this.#shown;
  }

  /** Non-SDK: the conversation id it is limited to (`options.conversation`), if any. */
  get conversationId(): string | undefined {
    return conversationIdOf(this.options.conversation);
  }

  /** Mirrors `HtmlPanel.show()`. */
  show(): void {
    this.#runtime.invoke(this.#site, 'show', [], () => {
      this.#shown = true;
      this.#owner.refreshPanels();
    });
  }

  /** Mirrors `HtmlPanel.hide()`. */
  hide(): void {
    this.#runtime.invoke(this.#site, 'hide', [], () => {
      this.#shown = false;
      this.#owner.refreshPanels();
    });
  }

  /** Mirrors `HtmlPanel.setHeight(height)`: the iframe's height in px. */
  setHeight(height: number): void {
    this.#runtime.invoke(this.#site, 'setHeight', [height], () => {
      this.#height = height;
      this.iframe.height = String(height);
    });
  }

  /**
   * Mirrors `HtmlPanel.isVisible()`: shown, not destroyed, and its box shows its conversation
   * (if it has one). Like the SDK's, it does not throw once destroyed: it returns false.
   */
  isVisible(): boolean {
    this.#runtime.record(this.#site, 'isVisible', []);
    this.#runtime.throwIfFailing('isVisible');
    return this.rendered;
  }

  /** Mirrors `HtmlPanel.destroy()`: removes the iframe; idempotent. */
  destroy(): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'destroy', [], () => this.destroyInternal());
  }

  /** @internal Whether the stand-in UI should show it now. */
  get rendered(): boolean {
    if (!this.#alive || !this.#shown || !this.#owner.isAlive) return false;
    const only = this.conversationId;
    return only === undefined || only === this.#owner.shownConversationId;
  }

  /** @internal Destroys it without recording a call (its box or session is going). */
  destroyInternal(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.iframe.remove();
  }
}
