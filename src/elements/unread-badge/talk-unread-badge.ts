import type { PropertyDeclarations } from '@lit/reactive-element';
import { DEFAULT_SESSION_TIMEOUT, SessionController } from '../../controllers/session-controller.js';
import { enumAttribute, nonNegativeNumberAttribute, sessionProperty, stringAttribute } from '../../internal/converters.js';
import type { SessionLike, Talk } from '../../internal/sdk-types.js';
import { TalkElement } from '../../internal/talk-element.js';
import { unreadBadgeStyles } from './talk-unread-badge.styles.js';

/**
 * The number of unread conversations (or, with `count="messages"`, unread messages) of the
 * nearest `<talk-session>`'s user, as a badge that hides itself at zero and updates live
 * (`Session.unreads.onChange`, which `<talk-session>` subscribes once and keeps, so a badge added
 * late shows the current count at once). For pages without script: `<a href="/inbox">Messages
 * <talk-unread-badge></talk-unread-badge></a>`.
 *
 * Conversations where the user is a guest are not counted (TalkJS keeps no unread state there).
 *
 * @summary A live count of unread conversations or messages, hidden at zero.
 * @tagname talk-unread-badge
 *
 * @csspart badge - The count. Hidden (`hidden`) while zero.
 * @cssprop --talk-unread-badge-background - The badge's background colour. Default `#d93025`.
 * @cssprop --talk-unread-badge-color - The badge's text colour. Default `#fff`.
 * @cssstate loading - Until the first unread list arrives.
 * @cssstate ready - While counting.
 * @cssstate error - After `talk-error` (an invalid attribute, no session within `session-timeout`, or a failed session).
 *
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute`, `no-session` or `sdk-error`.
 */
export class TalkUnreadBadgeElement extends TalkElement {
  static override styles = unreadBadgeStyles;
  static override properties: PropertyDeclarations = {
    count: { converter: enumAttribute(['conversations', 'messages']) },
    max: { converter: nonNegativeNumberAttribute },
    label: { converter: stringAttribute },
    session: { attribute: false, converter: sessionProperty },
    sessionTimeout: { attribute: 'session-timeout', converter: nonNegativeNumberAttribute },
    conversationId: { attribute: 'conversation-id', converter: stringAttribute },
  };

  /**
   * One conversation's id: the badge then shows that conversation's unread message count (its
   * `UnreadConversation.unreadMessageCount`; 0 when it has none unread), whatever `count` says.
   */
  declare conversationId?: string;

  /** What to count: `conversations` (default) with unread messages, or unread `messages`. */
  declare count?: 'conversations' | 'messages';

  /** The highest number shown; above it the badge shows `max+` (e.g. `99+`). Default 99. */
  max: number | undefined = 99;

  /**
   * The accessible label, with `{count}` standing for the number (the exact number, not capped).
   * Default `{count} unread conversations`, or `{count} unread messages` (with `count="messages"` or `conversation-id`).
   */
  declare label?: string;

  /** A `Talk.Session` to count for, instead of the nearest `<talk-session>`'s. */
  declare session?: SessionLike;

  /**
   * How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
   * before reporting `no-session`. Default 5000.
   */
  sessionTimeout: number | undefined = DEFAULT_SESSION_TIMEOUT;

  /** Finds the session: the `session` property, else the nearest `<talk-session>`; `no-session` after `session-timeout`. */
  readonly #sessions = new SessionController(this, {
    // `undefined` comes from disconnectedCallback; connectedCallback follows up.
    onChange: () => this.#follow(),
    onNoSession: (detail) => this.reportNoSession(detail),
  });
  #counted: { session: SessionLike; stop: () => void } | undefined;
  #unreads: Talk.UnreadConversation[] | undefined;
  #badge = document.createElement('span');

  /** The current number (unread conversations or messages); 0 until known. */
  get value(): number {
    const unreads = this.#unreads ?? [];
    const id = typeof this.conversationId === 'string' ? this.conversationId.trim() : undefined;
    if (id) return unreads.find((unread) => unread.conversation.id === id)?.unreadMessageCount ?? 0;
    return this.count === 'messages' ? unreads.reduce((sum, u) => sum + (u.unreadMessageCount || 0), 0) : unreads.length;
  }

  protected override shadowContent(): Node[] {
    this.#badge.setAttribute('part', 'badge');
    this.#badge.setAttribute('role', 'status');
    this.#badge.hidden = true;
    return [this.#badge];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#follow();
  }

  protected override updated(): void {
    this.#follow();
    this.#render();
  }

  protected override teardown(): void {
    this.clearReportedInput('session');
    this.#unfollow();
    this.setStatus('loading');
  }

  /** Subscribes to the current session's unreads (once per session). */
  #follow(): void {
    if (!this.isConnected) return;
    if (this.findProblem('badge', () => [])) {
      this.setStatus('error');
      return;
    }
    const session = this.#sessions.session;
    if (this.#counted?.session === session && session?.isAlive) return;
    this.#unfollow();
    if (!session?.isAlive) return this.setStatus(this.#sessions.status === 'error' ? 'error' : 'loading');
    this.clearReportedInput('session');
    const onChange = (unreads: Talk.UnreadConversation[]) => {
      this.#unreads = unreads;
      this.setStatus('ready');
      this.#render();
    };
    // A <talk-session> keeps the list from its one subscription (TalkJS does not promise to
    // replay it to a later subscriber); a session set directly is subscribed here.
    const store = this.#sessions.unreads;
    if (store) {
      this.#counted = { session, stop: store.subscribe(onChange) };
      return;
    }
    try {
      const subscription = session.unreads.onChange(onChange);
      this.#counted = { session, stop: () => subscription.unsubscribe() };
    } catch (cause) {
      this.reportSdkError('Session.unreads.onChange()', cause);
      this.setStatus('error');
    }
  }

  #unfollow(): void {
    try {
      this.#counted?.stop();
    } catch {
      // The session is gone, and its subscriptions with it.
    }
    this.#counted = undefined;
    this.#unreads = undefined;
    this.#render();
  }

  #render(): void {
    const value = this.value;
    const max = this.max ?? 99;
    this.#badge.hidden = value === 0;
    this.#badge.textContent = value > max ? `${max}+` : String(value);
    const messages = this.count === 'messages' || (typeof this.conversationId === 'string' && this.conversationId.trim() !== '');
    const label = typeof this.label === 'string' ? this.label : `{count} unread ${messages ? 'messages' : 'conversations'}`;
    this.#badge.setAttribute('aria-label', label.replaceAll('{count}', String(value)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-unread-badge': TalkUnreadBadgeElement;
  }
}
