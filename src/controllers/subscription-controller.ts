/**
 * The base of the Data API controllers: one TalkJS Data API subscription for a host element,
 * kept in line with the host's session (found by a {@link SessionController}) and argument.
 */
import type { ReactiveController } from '@lit/reactive-element';
import type { TalkErrorDetail } from '../internal/errors.js';
import type { SessionLike, Talk } from '../internal/sdk-types.js';
import { SessionController, type SessionHost, type SessionStatus } from './session-controller.js';

/** The session as the Data API controllers use it: the real `Talk.Session`'s Data API members. */
export type DataSession = Omit<SessionLike, 'user'> & Pick<Talk.Session, 'user' | 'conversation' | 'subscribeConversations'>;

/** What every Data API subscription has (`UserSubscription`, `MessageSubscription`, …). */
export interface DataSubscription {
  readonly terminated: Promise<{ readonly type: 'unsubscribed' } | { readonly type: 'error'; readonly error: Error }>;
  unsubscribe(): void;
}

/**
 * Keeps one Data API subscription for `host`: subscribes once the host is connected and its
 * session is live, subscribes again when the argument or the session changes, unsubscribes on
 * disconnect, and requests a host update on every snapshot. `A` is the argument (a user or
 * conversation id; `void` for the conversation list), `V` the snapshot.
 *
 * `status` is `loading` until the first snapshot, `ready` after, and `error` when the session
 * failed, none was found, or the subscription ended with an error (`error` says why). Without an
 * argument (`undefined`, `null` or blank) nothing is subscribed and `value` is `undefined`.
 */
export abstract class SubscriptionController<A, V> implements ReactiveController {
  /** The session lookup this controller follows (the host's `session` property, else the nearest `<talk-session>`). */
  readonly sessions: SessionController;
  readonly #host: SessionHost;
  readonly #argument: () => A;
  /** What is subscribed now (no `subscription`: subscribing failed; not retried until the session or argument changes). */
  #current: { readonly session: SessionLike; readonly argument: A; readonly subscription?: DataSubscription } | undefined;
  #value: V | undefined;
  #received = false;
  #error: TalkErrorDetail | undefined;

  /**
   * @param host - The element that owns the controller (a Lit `ReactiveElement`).
   * @param argument - Returns the id to subscribe to, read before each host update.
   */
  constructor(host: SessionHost, argument: () => A) {
    this.#host = host;
    this.#argument = argument;
    this.sessions = new SessionController(host, {
      onChange: () => {
        this.#sync();
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The latest snapshot (`null`: TalkJS has none, e.g. an unknown user); `undefined` before the first. */
  get value(): V | undefined {
    return this.#value;
  }

  /** `loading` until the first snapshot, `ready` after it, `error` when there is no session or the subscription failed. */
  get status(): SessionStatus {
    if (this.#error || this.sessions.status === 'error') return 'error';
    return this.#received ? 'ready' : 'loading';
  }

  /** Why `status` is `error`: the session's problem, or the subscription's (`sdk-error`). */
  get error(): TalkErrorDetail | undefined {
    return this.#error ?? this.sessions.error;
  }

  /** The live subscription, for subclasses (`loadMore`). */
  protected get subscription(): DataSubscription | undefined {
    return this.#current?.subscription;
  }

  /** Starts the subscription: calls `onSnapshot` with each snapshot. */
  protected abstract subscribe(session: DataSession, argument: A, onSnapshot: (value: V, ...rest: unknown[]) => void): DataSubscription;

  /** Called with the extra arguments of each snapshot callback (`loadedAll` of the lists). */
  protected onSnapshotDetail(..._rest: unknown[]): void {}

  /** What the SDK member is called, for error messages. */
  protected abstract readonly member: string;

  /** @internal */
  hostConnected(): void {
    this.#sync();
  }

  /** @internal Looks for a new argument before each host update. */
  hostUpdate(): void {
    this.#sync();
  }

  /** @internal */
  hostDisconnected(): void {
    this.#stop();
    // The host shows that it has nothing now (a move in one task subscribes again on connect).
    this.#host.requestUpdate();
  }

  /** Subscribes, resubscribes or unsubscribes as the session and the argument now say. */
  #sync(): void {
    if (!this.#host.isConnected) return;
    const session = this.sessions.session;
    const argument = this.#argument();
    // Ids are strings (a value of another type is the element's invalid input, reported there); the list takes `true`.
    const none = typeof argument === 'string' ? argument.trim() === '' : argument !== true;
    const current = this.#current;
    if (current && current.session === session && Object.is(current.argument, argument) && session?.isAlive) return;
    this.#stop();
    if (!session?.isAlive || none) return;
    let subscription: DataSubscription;
    const onSnapshot = (value: V, ...rest: unknown[]) => {
      if (this.#current?.subscription !== subscription) return;
      this.#value = value;
      this.#received = true;
      this.onSnapshotDetail(...rest);
      this.#host.requestUpdate();
    };
    try {
      subscription = this.subscribe(session as DataSession, argument, onSnapshot);
    } catch (cause) {
      this.#current = { session, argument };
      this.#fail(cause);
      return;
    }
    this.#current = { session, argument, subscription };
    subscription.terminated.then(
      (state) => {
        if (this.#current?.subscription === subscription && state.type === 'error') this.#fail(state.error);
      },
      () => undefined,
    );
  }

  #fail(cause: unknown): void {
    this.#error = { code: 'sdk-error', message: `${this.member} failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause };
    this.#host.requestUpdate();
  }

  /** Ends the subscription and forgets its snapshot. */
  #stop(): void {
    const current = this.#current;
    this.#current = undefined;
    this.#value = undefined;
    this.#received = false;
    this.#error = undefined;
    this.onSnapshotDetail();
    if (!current?.subscription) return;
    try {
      current.subscription.unsubscribe();
    } catch {
      // A destroyed session has ended its subscriptions already.
    }
  }
}
