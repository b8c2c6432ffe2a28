import { TalkUiElement } from '../../internal/ui-element.js';
import type { PropertyDeclarations } from '@lit/reactive-element';
import { booleanAttribute, nonNegativeNumberAttribute, stringAttribute } from '../../internal/converters.js';
import type { Chatbox, Inbox, Popup, Talk } from '../../internal/sdk-types.js';
import { TalkElement } from '../../internal/talk-element.js';
import { htmlPanelStyles } from './talk-html-panel.styles.js';

type Box = Chatbox | Inbox | Popup;

/** The panel made for one UI object, with the live values applied to it. */
interface PanelRecord {
  readonly box: Box;
  /** `url` and `conversation-id` it was made with: a change makes a new panel. */
  readonly key: string;
  panel?: Talk.HtmlPanel;
  height?: number;
  show?: boolean;
}

/** `HtmlPanelOptions.height` when none is given: 100 px. */
const DEFAULT_PANEL_HEIGHT = 100;

/** The parent UI element as the panel sees it: the public getters of the three. */
type UiParent = HTMLElement & { chatbox?: Chatbox; inbox?: Inbox; popup?: Popup };

/**
 * A TalkJS HTML panel (`UIBox.createHtmlPanel`): a page shown in a strip above the message field
 * of the `<talk-chatbox>`, `<talk-inbox>` or `<talk-popup>` it is a child of — an order summary,
 * a form, a call to action. When `url` is on the page's own origin, the element's light-DOM
 * children are copied into the panel's document (and copied again when they change), so a page
 * without script can fill the panel with markup:
 *
 * ```html
 * <talk-chatbox conversation-id="order-1234">
 *   <talk-html-panel url="/panel.html" height="80"><p>Order #1234 ships today.</p></talk-html-panel>
 * </talk-chatbox>
 * ```
 *
 * The panel is created when its UI element is mounted (again after it is recreated), destroyed
 * with this element, and follows `height` (`setHeight`) and `show` (`show()`/`hide()`) live;
 * a new `url` or `conversation-id` creates a new panel.
 *
 * See https://talkjs.com/docs/Guides/JavaScript/Classic/HTML_Panels/.
 *
 * @summary An HTML panel above the message field of its parent chat element.
 * @tagname talk-html-panel
 *
 * @slot - Markup copied into the panel's document when `url` is same-origin.
 *
 * @cssstate loading - Until the panel exists.
 * @cssstate ready - While the panel exists.
 * @cssstate error - After a failure.
 *
 * @fires {CustomEvent<{ htmlPanel: Talk.HtmlPanel }>} talk-ready - The panel was created (and, same-origin, filled).
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute` or `sdk-error`.
 */
export class TalkHtmlPanelElement extends TalkElement {
  static override styles = htmlPanelStyles;
  static override properties: PropertyDeclarations = {
    url: { converter: stringAttribute },
    height: { converter: nonNegativeNumberAttribute },
    show: { converter: booleanAttribute },
    conversationId: { attribute: 'conversation-id', converter: stringAttribute },
  };

  /** The page to show, absolute or relative to the page (`HtmlPanelOptions.url`). Required. */
  declare url?: string;

  /** The panel's height in pixels (`HtmlPanelOptions.height`, live through `setHeight`). Default 100. */
  declare height?: number;

  /** Show (`true`, default) or hide (`false`) the panel (`HtmlPanelOptions.show`, live through `show()`/`hide()`). */
  declare show?: boolean;

  /** Show the panel only in this conversation (`HtmlPanelOptions.conversation`). */
  declare conversationId?: string;

  #parent: UiParent | undefined;
  #current: PanelRecord | undefined;
  /** Copies the children again when they change (not when the element's own attributes do). */
  #observer = new MutationObserver((records) => {
    if (records.some((record) => record.target !== this || record.type !== 'attributes')) this.#copyChildren();
  });
  readonly #onParentReady = (event: Event) => {
    if (event.target === this.#parent) this.#reconcile();
  };

  /** The live `Talk.HtmlPanel`, once created. */
  get htmlPanel(): Talk.HtmlPanel | undefined {
    return this.#current?.panel;
  }

  protected override shadowContent(): Node[] {
    return [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const parent = this.parentElement;
    if (this.#parent !== parent) {
      this.#parent?.removeEventListener('talk-ready', this.#onParentReady);
      // By class, not tag: the elements may be registered under other names (`defineElements`).
      this.#parent = parent instanceof TalkUiElement ? (parent as unknown as UiParent) : undefined;
      this.#parent?.addEventListener('talk-ready', this.#onParentReady);
    }
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    if (this.hasUpdated) this.#reconcile();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  protected override updated(): void {
    this.#reconcile();
  }

  protected override teardown(): void {
    this.#parent?.removeEventListener('talk-ready', this.#onParentReady);
    this.#parent = undefined;
    this.#destroy();
    this.setStatus('loading');
  }

  #reconcile(): void {
    if (!this.isConnected) return;
    const problem = this.findProblem('panel', () => [
      [!this.#parent, { code: 'invalid-attribute', attribute: 'parent', message: 'must be a child of <talk-chatbox>, <talk-inbox> or <talk-popup>.' }],
      [!this.url?.trim(), { code: 'invalid-attribute', attribute: 'url', message: 'url is required: the page to show in the panel.' }],
    ]);
    if (problem) {
      this.#destroy();
      return this.setStatus('error');
    }
    const parent = this.#parent!;
    const box = parent.chatbox ?? parent.inbox ?? parent.popup;
    const key = `${this.url}|${this.conversationId ?? ''}`;
    if (this.#current && (this.#current.box !== box || this.#current.key !== key || !box?.isAlive)) this.#destroy();
    if (!box?.isAlive) return this.setStatus('loading');
    if (!this.#current) return this.#create(box, key);
    this.#applyLive(this.#current);
  }

  #create(box: Box, key: string): void {
    const current: PanelRecord = { box, key, height: this.height, show: this.show };
    this.#current = current;
    const options: Talk.HtmlPanelOptions = { url: this.url!.trim() };
    if (this.height !== undefined) options.height = this.height;
    if (this.show !== undefined && this.show !== null) options.show = this.show;
    if (this.conversationId?.trim()) options.conversation = this.conversationId.trim();
    this.setStatus('loading');
    Promise.resolve()
      .then(() => box.createHtmlPanel(options))
      .then(
        async (panel) => {
          if (this.#current !== current) return void panel.destroy().catch(() => undefined);
          current.panel = panel;
          this.#applyLive(current);
          if (this.#sameOrigin()) {
            await panel.DOMContentLoadedPromise;
            if (this.#current !== current) return;
            this.#copyChildren();
          }
          this.setStatus('ready');
          if (this.isConnected) this.emit('talk-ready', { htmlPanel: panel });
        },
        (cause: unknown) => {
          if (this.#current !== current) return;
          this.#current = undefined;
          this.reportSdkError('createHtmlPanel()', cause, 'url');
          this.setStatus('error');
        },
      );
  }

  #applyLive(current: PanelRecord): void {
    const panel = current.panel;
    if (!panel) return;
    // A removed height goes back to TalkJS's default (100 px), as a removed attribute clears what it set.
    const height = this.height ?? (current.height === undefined ? undefined : DEFAULT_PANEL_HEIGHT);
    if (height !== undefined && height !== current.height) {
      current.height = this.height;
      this.guard('HtmlPanel.setHeight()', () => panel.setHeight(height));
    }
    const show = this.show ?? true;
    if (show !== (current.show ?? true)) {
      current.show = show;
      this.guard(`HtmlPanel.${show ? 'show' : 'hide'}()`, () => (show ? panel.show() : panel.hide()));
    }
  }

  /** True when `url` is on the page's own origin, so its document is reachable. */
  #sameOrigin(): boolean {
    try {
      return new URL(this.url!.trim(), document.baseURI).origin === location.origin;
    } catch {
      return false;
    }
  }

  /** Copies the element's children into the panel's document body (same-origin only). */
  #copyChildren(): void {
    if (!this.#sameOrigin()) return;
    try {
      const doc = this.#current?.panel?.window?.document;
      if (doc) doc.body.replaceChildren(...[...this.childNodes].map((node) => doc.importNode(node, true)));
    } catch (cause) {
      this.reportSdkError('copying the children into the panel', cause, 'url');
    }
  }

  #destroy(): void {
    const current = this.#current;
    this.#current = undefined;
    const panel = current?.panel;
    // A panel dies with its UI object.
    if (!panel || !current.box.isAlive) return;
    try {
      panel.destroy().catch((cause: unknown) => this.reportSdkError('HtmlPanel.destroy()', cause));
    } catch (cause) {
      this.reportSdkError('HtmlPanel.destroy()', cause);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-html-panel': TalkHtmlPanelElement;
  }
}
