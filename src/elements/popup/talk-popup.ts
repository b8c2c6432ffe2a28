import type { PropertyDeclarations } from '@lit/reactive-element';
import { booleanAttribute, enumAttribute } from '../../internal/converters.js';
import type { EventRoute, TalkEventDetails, TalkEventName } from '../../internal/events.js';
import type { Popup, SessionLike, Talk } from '../../internal/sdk-types.js';
import { TalkUiElement, UI_ROUTES, type LiveOption } from '../../internal/ui-element.js';
import { statusStyles } from '../../internal/ui-element.styles.js';
import { popupStyles } from './talk-popup.styles.js';

/** The primitive `PopupOptions` beyond `ChatboxOptions` that have a dedicated property. */
const POPUP_OPTION_KEYS = ['keepOpen', 'launcher', 'showCloseInHeader'] as const satisfies readonly (keyof Talk.PopupOptions)[];

/** Popups made or adopted by a `<talk-popup>`: any other popup of a session was restored by TalkJS. */
const ownedPopups = new WeakSet<Popup>();

const POPUP_ROUTES: ReadonlyArray<EventRoute<Popup>> = [...UI_ROUTES, ['talk-open', (b, h) => b.onOpen(h)], ['talk-close', (b, h) => b.onClose(h)]];

/**
 * A TalkJS popup (`Talk.Popup`): a chat window that floats at the bottom right of the page, with
 * a launcher button. The element itself takes no space. It uses the session of the nearest
 * `<talk-session>` (or its `session` property).
 *
 * `show` opens and closes the popup (`popup.show()` / `popup.hide()`) and follows the user: when
 * the user opens or closes the popup, `show` changes to match (without an attribute change).
 * Invoker commands open and close it from markup: `<button commandfor="help" command="--toggle">`
 * (`--show`, `--hide`, `--toggle`; and `--select` with the button's `value` as the conversation).
 *
 * See https://talkjs.com/docs/UI_Components/JavaScript/Classic/Popup/.
 *
 * @tagname talk-popup
 * @summary A TalkJS popup chat window with a launcher button.
 *
 * @fires {CustomEvent<null>} talk-open - `Popup.onOpen`: the popup opened.
 * @fires {CustomEvent<null>} talk-close - `Popup.onClose`: the popup closed.
 */
export class TalkPopupElement extends TalkUiElement<Popup, Talk.PopupOptions> {
  static override styles = [statusStyles, popupStyles];
  static override properties: PropertyDeclarations = {
    show: { converter: booleanAttribute },
    keepOpen: { attribute: 'keep-open', converter: booleanAttribute },
    launcher: { converter: enumAttribute(['close-only', 'always', 'never']) },
    showCloseInHeader: { attribute: 'show-close-in-header', converter: enumAttribute(['auto'], { boolean: true }) },
  };

  /**
   * Open (`true`) or close (`false`) the popup: `mount({ show })`, then `popup.show()` /
   * `popup.hide()`. Absent at mount: TalkJS decides (closed, unless `keep-open` restores it).
   * `"false"` is false.
   */
  declare show?: boolean;

  /** Reopen the popup on the next page the user visits (`PopupOptions.keepOpen`). */
  declare keepOpen?: boolean;

  /** When to show the round launcher button (`PopupOptions.launcher`): `always`, `close-only` or `never`. */
  declare launcher?: 'close-only' | 'always' | 'never';

  /** Show an × in the popup header (`PopupOptions.showCloseInHeader`): `true`, `false` or `auto`. */
  declare showCloseInHeader?: boolean | 'auto';

  protected readonly sdkName = 'Popup';
  protected readonly routes = POPUP_ROUTES;

  /** The live `Talk.Popup`; `undefined` while loading, after an error and after removal. */
  get popup(): Popup | undefined {
    return this.box;
  }

  protected override optionKeys(): readonly string[] {
    return [...super.optionKeys(), ...POPUP_OPTION_KEYS];
  }

  protected override liveOptions(): LiveOption<Popup>[] {
    return [
      ...super.liveOptions(),
      {
        key: 'show',
        attribute: 'show',
        method: 'show',
        inOptions: false,
        atCreation: (element) => (element as TalkPopupElement).show,
        apply: (popup, value) => (value ? popup.show() : popup.hide()),
      },
    ];
  }

  /** Invoker commands: `--show`, `--hide` and `--toggle` set `show`; `--select` as every UI element. */
  protected override onCommand(command: string, source: Element | null): void {
    if (command === '--show') this.show = true;
    else if (command === '--hide') this.show = false;
    else if (command === '--toggle') this.show = !this.show;
    else super.onCommand(command, source);
  }

  protected override onBoxEvent(name: TalkEventName, arg: unknown): void {
    if (name === 'talk-open' || name === 'talk-close') {
      const open = name === 'talk-open';
      this.markApplied('show', open);
      this.show = open;
    }
    super.onBoxEvent(name, arg);
  }

  /** A popup TalkJS restored on page load (`keep-open`) and this element took over, if any. */
  #adopted: Popup | undefined;
  /** The session the current popup belongs to. */
  #createdOn: SessionLike | undefined;
  /** The check for a popup TalkJS restores after this element made its own (a task after creation). */
  #lateCheck: ReturnType<typeof setTimeout> | undefined;

  /**
   * Adopts a popup that TalkJS restored on page load (`keepOpen` on an earlier page; found in
   * `session.getPopups()`) instead of creating a duplicate; otherwise `session.createPopup()`.
   * TalkJS may restore it later than the session's constructor, so after making its own popup the
   * element looks again a task later and once its popup is mounted; a restored popup found then
   * replaces its own (never two live popups for one element). An adopted popup keeps the options
   * it was created with until an option change recreates it.
   */
  protected createBox(session: SessionLike, options: Talk.PopupOptions): Popup {
    const restored = this.#restoredPopup(session);
    const popup = restored ?? session.createPopup(options);
    ownedPopups.add(popup);
    this.#adopted = restored;
    this.#createdOn = session;
    clearTimeout(this.#lateCheck);
    if (!restored) this.#lateCheck = setTimeout(() => this.#adoptLate(popup, session));
    return popup;
  }

  /** A live popup of `session` that no `<talk-popup>` made or adopted: one TalkJS restored. */
  #restoredPopup(session: SessionLike): Popup | undefined {
    try {
      return session.getPopups().find((popup) => popup.isAlive && !ownedPopups.has(popup));
    } catch (cause) {
      this.reportSdkError('Session.getPopups()', cause);
      return undefined;
    }
  }

  /** If TalkJS restored a popup after `own` was made, takes it over in place of `own`. */
  #adoptLate(own: Popup, session: SessionLike): void {
    this.#lateCheck = undefined;
    if (this.popup !== own || !session.isAlive || !this.#restoredPopup(session)) return;
    this.recreate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#lateCheck);
    this.#lateCheck = undefined;
  }

  protected async mountBox(popup: Popup): Promise<void> {
    const show = this.show;
    const adopted = popup === this.#adopted;
    if (!adopted) {
      await (show === undefined || show === null ? popup.mount() : popup.mount({ show }));
      const session = this.#createdOn;
      if (session && this.popup === popup && this.#restoredPopup(session)) {
        // TalkJS restored its popup while this one mounted: take that one instead.
        queueMicrotask(() => this.#adoptLate(popup, session));
        return;
      }
    }
    // `show()`/`hide()` do nothing before mounting, and an adopted popup came with its own state:
    // catch up with `show` where it is set.
    const wanted = this.show;
    if (this.popup === popup && wanted !== undefined && wanted !== null && (adopted || wanted !== show)) {
      this.markApplied('show', wanted);
      if (wanted) popup.show();
      else popup.hide();
    }
  }

  protected readyDetail(popup: Popup): TalkEventDetails['talk-ready'] {
    return { popup };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-popup': TalkPopupElement;
  }
}
