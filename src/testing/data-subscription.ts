/**
 * The fake Data API's subscriptions (`UserSubscription`, `MessageSubscription`, ...): the
 * declared state machine (`pending` → `active` → `unsubscribed`, or `error`), `connected`,
 * `terminated`, `unsubscribe()`, and for windowed lists `loadMore()` and `loadedAll`.
 *
 * Timing (the declarations say `connected` "resolves when the subscription starts receiving
 * updates from the server", so the first snapshot cannot be synchronous): a subscription is
 * `pending` when `subscribe*` returns; a macrotask later (`setTimeout 0`) it becomes `active`,
 * `connected` resolves with that state and `onSnapshot` gets the first snapshot. After that,
 * `onSnapshot` is called synchronously inside the backend change that altered the snapshot, and
 * only then (a snapshot that did not change is the same object and is not delivered again).
 * `loadMore()` extends the window a macrotask later, then calls `onSnapshot` and resolves.
 */
import type Talk from 'talkjs';
import { reportHandlerError } from './events.js';
import { reuseList } from './data-snapshots.js';
import type { CallSite, FakeRuntime } from './runtime.js';

/** The owner of a session's subscriptions: counts them, ends them when the session goes. */
export interface FakeSubscriptionRegistry {
  /** The fake's shared state (call log, subscription count, failures). */
  readonly runtime: FakeRuntime;
  /** Adds a subscription that is not yet unsubscribed. */
  add(subscription: FakeSubscriptionHandle): void;
  /** Removes a subscription that ended. */
  delete(subscription: FakeSubscriptionHandle): void;
}

/** What a registry does with its subscriptions. */
export interface FakeSubscriptionHandle {
  /** Recomputes after a backend change. */
  refresh(): void;
  /** Ends it (state `unsubscribed`). */
  end(): void;
}

type Ended = Talk.UnsubscribedState | Talk.ErrorState;

/** An active state: `latestSnapshot`, and `loadedAll` for windowed lists. */
interface ActiveShape<S> {
  readonly type: 'active';
  readonly latestSnapshot: S;
  readonly loadedAll?: boolean;
}

/**
 * What every fake Data API subscription has. `S` is the snapshot type (`UserSnapshot | null`,
 * `MessageSnapshot[] | null`, ...). Counted in `fake.live().subscriptions` from creation until
 * it ends. Recorded in `fake.calls` as `'Subscription#<n>'` (`unsubscribe`, `loadMore`).
 */
export abstract class FakeSubscriptionBase<S, A extends ActiveShape<S> = ActiveShape<S>> implements FakeSubscriptionHandle {
  /** Non-SDK: its label in `fake.calls` (`'Subscription#<n>'`). */
  readonly label: string;
  /** Resolves with the first active state; rejects (handled, so never "unhandled") if it ends first. */
  readonly connected: Promise<A>;
  /** Resolves with the final state when it ends (unsubscribed or error). */
  readonly terminated: Promise<Ended>;

  protected readonly registry: FakeSubscriptionRegistry;
  protected readonly site: CallSite;
  #state: Talk.PendingState | A | Ended = Object.freeze({ type: 'pending' });
  readonly #onSnapshot: ((...args: unknown[]) => void) | undefined;
  #resolveConnected!: (state: A) => void;
  #rejectConnected!: (error: Error) => void;
  #resolveTerminated!: (state: Ended) => void;
  readonly #startTimer: ReturnType<typeof setTimeout>;

  /**
   * @param failure - a `failNext` failure queued for the `subscribe*` method: the subscription
   * then ends in the `error` state instead of connecting.
   */
  protected constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: { error: unknown } | undefined) {
    if (onSnapshot !== undefined && typeof onSnapshot !== 'function') throw new TypeError('[fake TalkJS] onSnapshot must be a function');
    this.registry = registry;
    this.#onSnapshot = onSnapshot as ((...args: unknown[]) => void) | undefined;
    this.label = `Subscription#${registry.runtime.nextSubscriptionId()}`;
    this.site = { label: this.label, object: this, isLive: () => true };
    this.connected = new Promise<A>((resolve, reject) => {
      this.#resolveConnected = resolve;
      this.#rejectConnected = reject;
    });
    this.connected.catch(() => undefined);
    this.terminated = new Promise<Ended>((resolve) => {
      this.#resolveTerminated = resolve;
    });
    registry.runtime.subscriptions++;
    registry.add(this);
    this.#startTimer = setTimeout(() => {
      if (this.#state.type !== 'pending') return;
      if (failure) this.#end({ type: 'error', error: failure.error instanceof Error ? failure.error : new Error(String(failure.error)) });
      else this.#activate();
    });
  }

  /** The current state: `{ type: 'pending' }`, the active state, `{ type: 'unsubscribed' }` or `{ type: 'error', error }`. */
  get state(): Talk.PendingState | A | Ended {
    return this.#state;
  }

  /** "Unsubscribe from this resource and stop receiving updates." A no-op once unsubscribed or errored. */
  unsubscribe(): void {
    this.registry.runtime.invoke(this.site, 'unsubscribe', [], () => this.end());
  }

  /** @internal Ends the subscription (`unsubscribe()`, or its session was destroyed). */
  end(): void {
    this.#end({ type: 'unsubscribed' });
  }

  /** @internal Recomputes the snapshot after a backend change; calls `onSnapshot` when it changed. */
  refresh(): void {
    if (this.#state.type !== 'active') return;
    const previous = this.#state;
    const snapshot = this.compute(previous.latestSnapshot);
    const loadedAll = this.computeLoadedAll();
    if (snapshot === previous.latestSnapshot && loadedAll === (previous.loadedAll ?? false)) return;
    this.#state = this.activeState(snapshot, loadedAll);
    this.#deliver(snapshot, loadedAll);
  }

  /** The current snapshot (`previous`: the last one, to reuse when unchanged). */
  protected abstract compute(previous: S | undefined): S;

  /** Whether the window holds everything (lists); false for single-item subscriptions. */
  protected computeLoadedAll(): boolean {
    return false;
  }

  /** The declared active state object for `snapshot`. */
  protected activeState(snapshot: S, _loadedAll: boolean): A {
    return Object.freeze({ type: 'active', latestSnapshot: snapshot }) as A;
  }

  /** What `onSnapshot` is called with: `(snapshot)`; lists: `(snapshot, loadedAll)`. */
  protected callbackArgs(snapshot: S, _loadedAll: boolean): unknown[] {
    return [snapshot];
  }

  #activate(): void {
    const snapshot = this.compute(undefined);
    const loadedAll = this.computeLoadedAll();
    this.#state = this.activeState(snapshot, loadedAll);
    this.#resolveConnected(this.#state);
    this.#deliver(snapshot, loadedAll);
  }

  #deliver(snapshot: S, loadedAll: boolean): void {
    if (!this.#onSnapshot) return;
    try {
      this.#onSnapshot(...this.callbackArgs(snapshot, loadedAll));
    } catch (error) {
      reportHandlerError(error);
    }
  }

  #end(state: Ended): void {
    const type = this.#state.type;
    if (type === 'unsubscribed' || type === 'error') return;
    this.#state = Object.freeze(state);
    clearTimeout(this.#startTimer);
    if (type === 'pending') {
      this.#rejectConnected(state.type === 'error' ? state.error : new Error(`[fake TalkJS] ${this.label} was unsubscribed before it connected`));
    }
    this.#resolveTerminated(this.#state as Ended);
    this.registry.runtime.subscriptions--;
    this.registry.delete(this);
  }
}

/** A key that orders a list's items from the window's fixed end: smaller keys are loaded first. */
export type WindowKey = readonly [number, string];

function compareKeys(a: WindowKey, b: WindowKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** How a windowed list subscription loads its items. */
export interface WindowSpec<T> {
  /** Initial window size (e.g. 30 messages). */
  readonly pageSize: number;
  /** Largest `loadMore` count (e.g. 100 for messages). */
  readonly maxLoad: number;
  /** Default `loadMore` count. */
  readonly defaultLoad: number;
  /**
   * `'since'`: the window holds every item from a boundary on, so new items join it (messages,
   * conversations, participants); `'count'`: the first N items only (reactions, "the 10 oldest").
   */
  readonly mode: 'since' | 'count';
  /** The items in display order with their keys (ascending), or `null` when the list is not visible to the user. */
  items(): Array<{ key: WindowKey; snapshot: T }> | null;
}

/**
 * A windowed list subscription: `latestSnapshot` is the loaded part of the list; `loadedAll` is
 * true once it is all of it. `loadMore(count)` loads `count` more than are loaded now ("relative
 * to the current number of loaded" items: `loadMore(5)` then at once `loadMore(10)` loads 10);
 * a count outside the declared range rejects with a `RangeError`, as does `loadMore` on a
 * subscription that ended.
 */
export abstract class FakeWindowedSubscription<
  T,
  S extends T[] | null,
  A extends ActiveShape<S> & { readonly loadedAll: boolean },
> extends FakeSubscriptionBase<S, A> {
  readonly #spec: WindowSpec<T>;
  /** `since`: the last key in the window (`null`: everything); `count`: unused. */
  #boundary: WindowKey | null = null;
  /** Whether the window was set (it is set when the list is first visible: at the start, or when the user joins). */
  #initialized = false;
  #count = 0;
  #target: number | undefined;
  #waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  #loadTimer: ReturnType<typeof setTimeout> | undefined;

  protected constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: { error: unknown } | undefined, spec: WindowSpec<T>) {
    super(registry, onSnapshot, failure);
    this.#spec = spec;
  }

  /** Mirrors `loadMore(count?)`: "Expand the window"; resolves once the additional items have loaded. */
  loadMore(count?: number): Promise<void> {
    return this.registry.runtime.invokeAsync(this.site, 'loadMore', count === undefined ? [] : [count], async () => {
      const n = count ?? this.#spec.defaultLoad;
      if (!Number.isInteger(n) || n < 1 || n > this.#spec.maxLoad) {
        throw new RangeError(`[fake TalkJS] ${this.label}.loadMore(count): count must be an integer between 1 and ${this.#spec.maxLoad}`);
      }
      if (this.state.type === 'pending') await this.connected;
      if (this.state.type !== 'active') throw new Error(`[fake TalkJS] ${this.label}.loadMore(): the subscription has ended (${this.state.type})`);
      this.#target = this.#loadedCount() + n;
      await new Promise<void>((resolve, reject) => {
        this.#waiting.push({ resolve, reject });
        if (this.#waiting.length === 1) this.#loadTimer = setTimeout(() => this.#applyLoad());
      });
    });
  }

  /** `latestSnapshot` and `loadedAll` of the current window. */
  protected override activeState(snapshot: S, loadedAll: boolean): A {
    return Object.freeze({ type: 'active', latestSnapshot: snapshot, loadedAll }) as unknown as A;
  }

  protected override callbackArgs(snapshot: S, loadedAll: boolean): unknown[] {
    return [snapshot, loadedAll];
  }

  protected override compute(previous: S | undefined): S {
    const visible = this.#visible();
    if (visible === null) return null as S;
    return reuseList(
      previous ?? null,
      visible.map((item) => item.snapshot),
    ) as S;
  }

  protected override computeLoadedAll(): boolean {
    const all = this.#spec.items();
    if (all === null) return false;
    return (this.#visible()?.length ?? 0) >= all.length;
  }

  override end(): void {
    super.end();
    clearTimeout(this.#loadTimer);
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error(`[fake TalkJS] ${this.label}.loadMore(): the subscription has ended`));
  }

  #applyLoad(): void {
    const waiting = this.#waiting.splice(0);
    if (this.state.type !== 'active') return;
    if (this.#target !== undefined) this.#setWindow(this.#target);
    this.#target = undefined;
    this.refresh();
    for (const waiter of waiting) waiter.resolve();
  }

  #setWindow(size: number): void {
    this.#initialized = true;
    if (this.#spec.mode === 'count') {
      this.#count = size;
      return;
    }
    const all = this.#spec.items() ?? [];
    this.#boundary = size >= all.length ? null : all[size - 1]!.key;
  }

  #loadedCount(): number {
    return this.#visible()?.length ?? 0;
  }

  #visible(): Array<{ key: WindowKey; snapshot: T }> | null {
    const all = this.#spec.items();
    if (all === null) return null;
    if (!this.#initialized) this.#setWindow(this.#spec.pageSize);
    if (this.#spec.mode === 'count') return all.slice(0, this.#count);
    const boundary = this.#boundary;
    return boundary === null ? all : all.filter((item) => compareKeys(item.key, boundary) <= 0);
  }
}

/** Sorts `items` by key, ascending (display order). */
export function byKey<T extends { key: WindowKey }>(items: T[]): T[] {
  return items.sort((a, b) => compareKeys(a.key, b.key));
}

/** A subscription to one snapshot (`get` returns the current one, reused when unchanged). */
abstract class FakeSingleSubscription<S, A extends ActiveShape<S>> extends FakeSubscriptionBase<S, A> {
  readonly #get: () => S;

  protected constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: { error: unknown } | undefined, get: () => S) {
    super(registry, onSnapshot, failure);
    this.#get = get;
  }

  protected override compute(): S {
    return this.#get();
  }
}

type Failure = { error: unknown } | undefined;

/** Mirrors `Talk.UserSubscription` (`UserRef.subscribe`): `latestSnapshot` is `null` while the user does not exist. */
export class FakeUserSubscription extends FakeSingleSubscription<Talk.UserSnapshot | null, Talk.UserActiveState> implements Talk.UserSubscription {
  /** @internal Created by `UserRef.subscribe`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, get: () => Talk.UserSnapshot | null) {
    super(registry, onSnapshot, failure, get);
  }
}

/** Mirrors `Talk.UserOnlineSubscription` (`UserRef.subscribeOnline`): `null` while the user does not exist. */
export class FakeUserOnlineSubscription
  extends FakeSingleSubscription<Talk.UserOnlineSnapshot | null, Talk.UserOnlineActiveState>
  implements Talk.UserOnlineSubscription
{
  /** @internal Created by `UserRef.subscribeOnline`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, get: () => Talk.UserOnlineSnapshot | null) {
    super(registry, onSnapshot, failure, get);
  }
}

/** Mirrors `Talk.ConversationSubscription` (`ConversationRef.subscribe`): `null` while the user is not a participant. */
export class FakeConversationSubscription
  extends FakeSingleSubscription<Talk.ConversationSnapshot | null, Talk.ConversationActiveState>
  implements Talk.ConversationSubscription
{
  /** @internal Created by `ConversationRef.subscribe`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, get: () => Talk.ConversationSnapshot | null) {
    super(registry, onSnapshot, failure, get);
  }
}

/** Mirrors `Talk.TypingSubscription` (`ConversationRef.subscribeTyping`): `null` while the user is not a participant. */
export class FakeTypingSubscription extends FakeSingleSubscription<Talk.TypingSnapshot | null, Talk.TypingActiveState> implements Talk.TypingSubscription {
  /** @internal Created by `ConversationRef.subscribeTyping`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, get: () => Talk.TypingSnapshot | null) {
    super(registry, onSnapshot, failure, get);
  }
}

/** `SingleParticipantSubscription` (not exported by the declarations). */
type SingleParticipantSubscription = ReturnType<Talk.ParticipantRef['subscribe']>;
type SingleParticipantActiveState = Awaited<SingleParticipantSubscription['connected']>;

/** Mirrors `SingleParticipantSubscription` (`ParticipantRef.subscribe`): `null` while the user is not a participant. */
export class FakeSingleParticipantSubscription
  extends FakeSingleSubscription<Talk.ParticipantSnapshot | null, SingleParticipantActiveState>
  implements SingleParticipantSubscription
{
  /** @internal Created by `ParticipantRef.subscribe`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, get: () => Talk.ParticipantSnapshot | null) {
    super(registry, onSnapshot, failure, get);
  }
}

/**
 * Mirrors `Talk.MessageSubscription` (`ConversationRef.subscribeMessages`): the 30 most recent
 * messages and every message sent since, newest first; `loadMore(count = 30)`, 1 to 100.
 */
export class FakeMessageSubscription
  extends FakeWindowedSubscription<Talk.MessageSnapshot, Talk.MessageSnapshot[] | null, Talk.MessageActiveState>
  implements Talk.MessageSubscription
{
  /** @internal Created by `ConversationRef.subscribeMessages`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, items: WindowSpec<Talk.MessageSnapshot>['items']) {
    super(registry, onSnapshot, failure, { pageSize: 30, maxLoad: 100, defaultLoad: 30, mode: 'since', items });
  }
}

/**
 * Mirrors `Talk.ConversationListSubscription` (`Session.subscribeConversations`): the 20 most
 * recently active conversations and every conversation active since, most recent first;
 * `loadMore(count = 20)`, 1 to 30.
 */
export class FakeConversationListSubscription
  extends FakeWindowedSubscription<Talk.ConversationSnapshot, Talk.ConversationSnapshot[], Talk.ConversationListActiveState>
  implements Talk.ConversationListSubscription
{
  /** @internal Created by `Session.subscribeConversations`. */
  constructor(
    registry: FakeSubscriptionRegistry,
    onSnapshot: unknown,
    failure: Failure,
    items: () => Array<{ key: WindowKey; snapshot: Talk.ConversationSnapshot }>,
  ) {
    super(registry, onSnapshot, failure, { pageSize: 20, maxLoad: 30, defaultLoad: 20, mode: 'since', items });
  }
}

/**
 * Mirrors `Talk.ParticipantSubscription` (`ConversationRef.subscribeParticipants`): the 10 who
 * joined most recently and everyone who joins later, most recent first; `loadMore(count = 10)`, 1 to 50.
 */
export class FakeParticipantSubscription
  extends FakeWindowedSubscription<Talk.ParticipantSnapshot, Talk.ParticipantSnapshot[] | null, Talk.ParticipantActiveState>
  implements Talk.ParticipantSubscription
{
  /** @internal Created by `ConversationRef.subscribeParticipants`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, items: WindowSpec<Talk.ParticipantSnapshot>['items']) {
    super(registry, onSnapshot, failure, { pageSize: 10, maxLoad: 50, defaultLoad: 10, mode: 'since', items });
  }
}

/**
 * Mirrors `Talk.ReactionsSubscription` (`ReactionsRef.subscribe`): the 10 oldest reactions;
 * `loadMore(count = 30)`, 1 to 100, loads later ones.
 */
export class FakeReactionsSubscription
  extends FakeWindowedSubscription<Talk.SingleReactionSnapshot, Talk.SingleReactionSnapshot[] | null, Talk.ReactionsActiveState>
  implements Talk.ReactionsSubscription
{
  /** @internal Created by `ReactionsRef.subscribe`. */
  constructor(registry: FakeSubscriptionRegistry, onSnapshot: unknown, failure: Failure, items: WindowSpec<Talk.SingleReactionSnapshot>['items']) {
    super(registry, onSnapshot, failure, { pageSize: 10, maxLoad: 100, defaultLoad: 30, mode: 'count', items });
  }
}
