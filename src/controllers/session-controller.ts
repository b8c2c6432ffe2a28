/**
 * `SessionController`: finds the TalkJS session for a host element, the way every element of the
 * kit does: the host's own `session` property if set, else the nearest `<talk-session>` through
 * the context protocol (across shadow roots, whichever is defined first), and `no-session` when
 * neither turns up within the host's `session-timeout`.
 */
import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';
import { consumeSession, type SessionContextValue } from '../internal/context.js';
import type { TalkErrorDetail } from '../internal/errors.js';
import type { SessionLike, TalkSdk } from '../internal/sdk-types.js';
import type { UnreadsStore } from '../internal/unreads.js';

/** `session-timeout` when the host sets none: 5000 ms. */
export const DEFAULT_SESSION_TIMEOUT = 5_000;

/** Where the host stands with its session. */
export type SessionStatus = 'loading' | 'ready' | 'error';

/** A host element: a Lit `ReactiveElement`, optionally with a `session` override and a `sessionTimeout`. */
export type SessionHost = ReactiveElement & {
  /** A `Talk.Session` that overrides the context (for use outside any `<talk-session>`). */
  readonly session?: SessionLike | null;
  /** How long to wait for a session, in milliseconds, before `no-session`. */
  readonly sessionTimeout?: number;
};

/** What the controller tells its host besides the updates it requests. */
export interface SessionControllerOptions {
  /**
   * Called when what the controller offers changed (a new context value). Default: the host's
   * `requestUpdate()`. Not called with the `undefined` value of a disconnect.
   */
  readonly onChange?: () => void;
  /**
   * Called once, `sessionTimeout` ms after connecting, when no `<talk-session>` answered and no
   * `session` property was set; the kit's elements report `no-session` here.
   */
  readonly onNoSession?: (detail: TalkErrorDetail) => void;
}

/**
 * Finds the session for `host` (see the module comment) and requests a host update whenever it
 * changes.
 *
 * ```ts
 * class OrderChat extends LitElement {
 *   #talk = new SessionController(this);
 *   render() {
 *     return this.#talk.status === 'ready' ? html`Signed in as ${this.#talk.session!.me.name}` : html`…`;
 *   }
 * }
 * ```
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #options: SessionControllerOptions;
  #context: SessionContextValue | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #noSession: TalkErrorDetail | undefined;

  constructor(host: SessionHost, options: SessionControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    // The consumer is a controller of its own, added first: on connect it has asked (and a
    // provider has answered) before this controller's hostConnected looks.
    consumeSession(host, (value) => {
      this.#context = value;
      if (!value) return;
      this.#clearTimer();
      this.#noSession = undefined;
      // Before the host's first update, that update looks (one attempt).
      if (host.hasUpdated) (this.#options.onChange ?? (() => host.requestUpdate()))();
    });
    host.addController(this);
  }

  /** The nearest `<talk-session>`'s context value (`status`, `session`, `sdk`, `error`), if one answered. */
  get context(): SessionContextValue | undefined {
    return this.#context;
  }

  /** The session to use: the host's `session` property, else the nearest `<talk-session>`'s live one. */
  get session(): SessionLike | undefined {
    return this.#host.session ?? this.#context?.session;
  }

  /** The loaded Talk namespace of the nearest `<talk-session>`, when its session is ready. */
  get sdk(): TalkSdk | undefined {
    return this.#context?.sdk;
  }

  /** The unread list the nearest `<talk-session>` keeps, when its session is ready. */
  get unreads(): UnreadsStore | undefined {
    return this.#host.session ? undefined : this.#context?.unreads;
  }

  /**
   * `ready` while there is a live session; `error` when the nearest `<talk-session>` failed, or
   * none answered within `sessionTimeout`; `loading` otherwise.
   */
  get status(): SessionStatus {
    if (this.session?.isAlive) return 'ready';
    if (this.#host.session) return 'loading';
    if (this.#context) return this.#context.status === 'error' ? 'error' : 'loading';
    return this.#noSession ? 'error' : 'loading';
  }

  /** Why there is no session, when `status` is `error`. */
  get error(): TalkErrorDetail | undefined {
    if (this.#host.session) return undefined;
    return this.#context ? (this.#context.status === 'error' ? this.#context.error : undefined) : this.#noSession;
  }

  /** @internal Arms the `no-session` timer when nothing answered. */
  hostConnected(): void {
    this.#clearTimer();
    if (this.#context || this.#host.session) return;
    const timeout = this.#host.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#host.isConnected || this.#context || this.#host.session) return;
      this.#noSession = {
        code: 'no-session',
        attribute: 'session',
        message: `found no session within session-timeout=${timeout} ms: put it inside a <talk-session>, or set its session property.`,
      };
      if (this.#options.onNoSession) this.#options.onNoSession(this.#noSession);
      else this.#host.requestUpdate();
    }, timeout);
  }

  /** @internal */
  hostDisconnected(): void {
    this.#clearTimer();
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
