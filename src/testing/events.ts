/**
 * The event subscription machinery every fake object shares: `on*` subscriptions, the legacy
 * `on(type, handler)` / `off(type, handler)` pair, dispatch, and preventable event objects.
 */
import type Talk from 'talkjs';
import type { FakePreventable } from './types.js';

/** Where the hubs keep the count of active subscriptions (the runtime, for `live()`). */
export interface SubscriptionCounter {
  /** Active subscriptions across all hubs of one fake. */
  subscriptions: number;
}

type AnyHandler = (...args: never[]) => unknown;

interface Entry {
  readonly type: string;
  readonly handler: AnyHandler;
  readonly legacy: boolean;
  readonly accepts: ((arg: unknown) => boolean) | undefined;
  active: boolean;
}

/**
 * The handlers of one fake object, by event type. Each active handler counts once in the
 * shared {@link SubscriptionCounter}.
 */
export class EventHub {
  readonly #counter: SubscriptionCounter;
  #entries: Entry[] = [];

  /** @param counter - the fake's counter of active subscriptions. */
  constructor(counter: SubscriptionCounter) {
    this.#counter = counter;
  }

  /**
   * Adds `handler` for `type` and returns the SDK's `Subscription`, whose `unsubscribe()` is
   * idempotent. `accepts`, when given, filters the events this handler receives (e.g.
   * `onCustomMessageAction(action, handler)`).
   */
  subscribe(type: string, handler: AnyHandler, accepts?: (arg: unknown) => boolean): Talk.Subscription {
    const entry = this.#add(type, handler, false, accepts);
    return { unsubscribe: () => this.#remove(entry) };
  }

  /** The legacy `on(type, handler)`: like {@link subscribe}, ended by {@link off}. */
  on(type: string, handler: AnyHandler): void {
    this.#add(type, handler, true, undefined);
  }

  /** The legacy `off(type, handler)`: ends every legacy registration of this handler for this type. */
  off(type: string, handler: AnyHandler): void {
    for (const entry of this.#entries) {
      if (entry.legacy && entry.type === type && entry.handler === handler) this.#remove(entry);
    }
  }

  /**
   * Calls each active handler of `type` with `args`, in subscription order. A handler that
   * throws does not stop the others: its error is reported as an uncaught error (`reportError`),
   * as an error in a real SDK callback would be.
   *
   * @returns how many handlers were called.
   */
  dispatch(type: string, args: readonly unknown[]): number {
    let called = 0;
    for (const entry of [...this.#entries]) {
      if (!entry.active || entry.type !== type) continue;
      if (entry.accepts && !entry.accepts(args[0])) continue;
      called++;
      try {
        (entry.handler as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        reportHandlerError(error);
      }
    }
    return called;
  }

  /**
   * As {@link dispatch}, and returns what each called handler returned (a handler that threw
   * contributes nothing).
   */
  dispatchCollect(type: string, args: readonly unknown[]): unknown[] {
    const results: unknown[] = [];
    for (const entry of [...this.#entries]) {
      if (!entry.active || entry.type !== type) continue;
      if (entry.accepts && !entry.accepts(args[0])) continue;
      try {
        results.push((entry.handler as (...a: unknown[]) => unknown)(...args));
      } catch (error) {
        reportHandlerError(error);
      }
    }
    return results;
  }

  /** Whether `handler` is still subscribed to `type` (by any means). */
  has(type: string, handler: AnyHandler): boolean {
    return this.#entries.some((entry) => entry.active && entry.type === type && entry.handler === handler);
  }

  /** Active handlers, of `type` or of every type. */
  count(type?: string): number {
    return this.#entries.filter((entry) => type === undefined || entry.type === type).length;
  }

  /** Ends every subscription (the object was destroyed). */
  clear(): void {
    for (const entry of [...this.#entries]) this.#remove(entry);
  }

  #add(type: string, handler: AnyHandler, legacy: boolean, accepts: ((arg: unknown) => boolean) | undefined): Entry {
    if (typeof handler !== 'function') {
      throw new TypeError(`[fake TalkJS] the handler for "${type}" must be a function`);
    }
    const entry: Entry = { type, handler, legacy, accepts, active: true };
    this.#entries.push(entry);
    this.#counter.subscriptions++;
    return entry;
  }

  #remove(entry: Entry): void {
    if (!entry.active) return;
    entry.active = false;
    this.#entries = this.#entries.filter((e) => e !== entry);
    this.#counter.subscriptions--;
  }
}

/**
 * A copy of `payload` with `preventDefault()` and the non-SDK `defaultPrevented`, which becomes
 * true when `preventDefault()` is called.
 */
export function makePreventable<T extends object>(payload: T): FakePreventable<T> {
  const event = { ...payload, defaultPrevented: false } as FakePreventable<T>;
  event.preventDefault = () => {
    event.defaultPrevented = true;
  };
  return event;
}

/** Reports an error thrown by a user's handler as an uncaught error, without interrupting the caller. */
export function reportHandlerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report(error);
  } else {
    setTimeout(() => {
      throw error;
    });
  }
}
