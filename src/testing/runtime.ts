/**
 * The state one fake SDK shares between its objects: the call recorder, the fault-injection
 * queue, the registry of created objects, the subscription count and the ready state.
 *
 * @internal Reached through `createFakeTalk()`; fake objects receive it in their constructor.
 */
import type { FakeBackend } from './backend.js';
import type { SubscriptionCounter } from './events.js';
import type { FakeHtmlPanel } from './fake-html-panel.js';
import type { FakeSession } from './fake-session.js';
import type { FakeChatbox, FakeInbox, FakePopup } from './fake-ui.js';
import type { FakeCall, FakeLiveCounts } from './types.js';

/** A fake object (or sub-object) whose methods are recorded and guarded. */
export interface CallSite {
  /** Its label in `fake.calls` (e.g. `'Chatbox#2'`). */
  readonly label: string;
  /** The object `FakeCall.object` points at. */
  readonly object: object;
  /** False once it (or the object it belongs to) was destroyed: its methods then throw. */
  isLive(): boolean;
}

/** @internal The shared state of one fake SDK. */
export class FakeRuntime implements SubscriptionCounter {
  /** Every recorded call, in order. */
  readonly calls: FakeCall[] = [];
  /** Every session created, in order. */
  readonly sessions: FakeSession[] = [];
  /** Every chatbox created, in order. */
  readonly chatboxes: FakeChatbox[] = [];
  /** Every inbox created, in order. */
  readonly inboxes: FakeInbox[] = [];
  /** Every popup created (restored ones included), in order. */
  readonly popups: FakePopup[] = [];
  /** Every HTML panel created, in order. */
  readonly htmlPanels: FakeHtmlPanel[] = [];
  /** Active subscriptions across every object: event handlers, and Data API subscriptions not yet ended. */
  subscriptions = 0;
  /** Whether `ready` has resolved (the fake `Talk.Session` may be constructed). */
  isReady = false;
  /** The conversation id of the popup each new session restores, if any. */
  restoredPopup: string | undefined;
  /** Whether sessions ask `tokenFetcher` for their first token (see `FakeTalkOptions.fetchTokens`). */
  fetchTokens = false;
  /** Whether every unreads subscriber gets the current list once (see `FakeTalkOptions.unreadsReplay`). */
  unreadsReplay = false;
  /** When a session restores its popup (see `FakeTalkOptions.restoreTiming`). */
  restoreTiming: 'sync' | 'macrotask' = 'macrotask';
  /** What `session.hasValidCredentials()` resolves with (see `FakeTalkOptions.validCredentials`). */
  validCredentials = true;
  /** A counter that orders mounts (the most recently mounted inbox is the "active" one). */
  mountCount = 0;

  readonly #failures: Array<{ method: string; error: unknown }> = [];
  #nextId = 1;
  #nextSubscriptionId = 1;

  /** @param backend - the fake's in-memory data. */
  constructor(readonly backend: FakeBackend) {}

  /** The next object number (one counter for sessions, UIs and panels). */
  nextId(): number {
    return this.#nextId++;
  }

  /** The next Data API subscription number (`'Subscription#<n>'`; a counter of its own). */
  nextSubscriptionId(): number {
    return this.#nextSubscriptionId++;
  }

  /** Queues a failure for the next call of `method` (see `FakeTalk.failNext`). */
  failNext(method: string, error?: unknown): void {
    this.#failures.push({ method, error: error === undefined ? defaultFailure(method) : error });
  }

  /** Records a call without guarding it (constructors). */
  record(site: CallSite, method: string, args: unknown[]): void {
    const call = { target: site.label, method, args } as FakeCall;
    // Not enumerable: a call deep-equals `{ target, method, args }`.
    Object.defineProperty(call, 'object', { value: site.object, enumerable: false });
    this.calls.push(call);
  }

  /** Removes and returns the queued failure for `method`, if any (`{ error }`), else undefined. */
  takeFailure(method: string): { error: unknown } | undefined {
    const index = this.#failures.findIndex((failure) => failure.method === method);
    if (index < 0) return undefined;
    const [failure] = this.#failures.splice(index, 1);
    return { error: failure!.error };
  }

  /** Throws the queued failure for `method`, if any (used by constructors: `'new Session'`). */
  throwIfFailing(method: string): void {
    const index = this.#failures.findIndex((failure) => failure.method === method);
    if (index >= 0) {
      const [failure] = this.#failures.splice(index, 1);
      throw failure!.error;
    }
  }

  /**
   * Runs a synchronous SDK method: records it, throws if the object is destroyed (unless the
   * method is `destroy`), throws a queued `failNext` failure, then runs `body`.
   */
  invoke<T>(site: CallSite, method: string, args: unknown[], body: () => T): T {
    this.record(site, method, args);
    if (method !== 'destroy' && !site.isLive()) throw destroyedError(site, method);
    this.throwIfFailing(method);
    return body();
  }

  /**
   * Runs an SDK method that returns a promise: as {@link invoke}, except that a `failNext`
   * failure and an error thrown by `body` become a rejected promise. Calling it on a destroyed
   * object still throws synchronously, as the real SDK does.
   */
  invokeAsync<T>(site: CallSite, method: string, args: unknown[], body: () => T | PromiseLike<T>): Promise<T> {
    this.record(site, method, args);
    if (method !== 'destroy' && !site.isLive()) throw destroyedError(site, method);
    try {
      this.throwIfFailing(method);
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Runs a Data API `subscribe*` method: records it and throws if the object is destroyed, as
   * {@link invoke}; a queued `failNext` failure does not throw but is passed to `body`, whose
   * subscription then ends in the `error` state instead of connecting.
   */
  invokeSubscribe<T>(site: CallSite, method: string, args: unknown[], body: (failure: { error: unknown } | undefined) => T): T {
    this.record(site, method, args);
    if (!site.isLive()) throw destroyedError(site, method);
    return body(this.takeFailure(method));
  }

  /** The counts behind `fake.live()`. */
  live(): FakeLiveCounts {
    const alive = (list: ReadonlyArray<{ readonly isAlive: boolean }>) => list.filter((item) => item.isAlive).length;
    const counts = {
      sessions: alive(this.sessions),
      chatboxes: alive(this.chatboxes),
      inboxes: alive(this.inboxes),
      popups: alive(this.popups),
      htmlPanels: alive(this.htmlPanels),
      subscriptions: this.subscriptions,
    };
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { ...counts, total };
  }
}

function defaultFailure(method: string): Error {
  return new Error(`[fake TalkJS] ${method} failed (injected by failNext)`);
}

function destroyedError(site: CallSite, method: string): Error {
  return new Error(`[fake TalkJS] ${site.label}.${method}(): this object has been destroyed (isAlive is false); create a new one instead`);
}
