/**
 * One session's Data API: its snapshots, its subscriptions (refreshed on every backend change,
 * ended with the session), its `ConversationRef`s and `subscribeConversations`.
 */
import type Talk from 'talkjs';
import { FakeSnapshots } from './data-snapshots.js';
import { FakeConversationRef } from './data-refs.js';
import { FakeConversationListSubscription, byKey, type FakeSubscriptionHandle, type FakeSubscriptionRegistry } from './data-subscription.js';
import { conversationFilterMatches } from './predicates.js';
import type { CallSite, FakeRuntime } from './runtime.js';

/** @internal The Data API state of one fake session. */
export class FakeDataApi implements FakeSubscriptionRegistry {
  /** The fake's shared state. */
  readonly runtime: FakeRuntime;
  /** The session user's id. */
  readonly meId: string;
  /** The session's snapshots (reused across its subscriptions). */
  readonly snapshots: FakeSnapshots;
  /** False once the session was destroyed: refs' methods then throw. */
  readonly isLive: () => boolean;
  readonly #subscriptions = new Set<FakeSubscriptionHandle>();
  readonly #conversations = new Map<string, FakeConversationRef>();
  readonly #stopListening: () => void;

  constructor(runtime: FakeRuntime, meId: string, isLive: () => boolean) {
    this.runtime = runtime;
    this.meId = meId;
    this.isLive = isLive;
    this.snapshots = new FakeSnapshots(runtime.backend, meId);
    this.#stopListening = runtime.backend.subscribe(() => {
      for (const subscription of [...this.#subscriptions]) subscription.refresh();
    });
  }

  add(subscription: FakeSubscriptionHandle): void {
    this.#subscriptions.add(subscription);
  }

  delete(subscription: FakeSubscriptionHandle): void {
    this.#subscriptions.delete(subscription);
  }

  /** The session's `ConversationRef` for `id` (one per id). */
  conversation(id: string): FakeConversationRef {
    let ref = this.#conversations.get(id);
    if (!ref) {
      ref = new FakeConversationRef(this, id);
      this.#conversations.set(id, ref);
    }
    return ref;
  }

  /** `Session.subscribeConversations` (arguments as passed, either overload). */
  subscribeConversations(site: CallSite, args: unknown[]): FakeConversationListSubscription {
    return this.runtime.invokeSubscribe(site, 'subscribeConversations', args, (failure) => {
      const [first, second] = args;
      const withOptions = typeof first === 'object' && first !== null;
      const options = (withOptions ? first : undefined) as { filter?: Talk.ConversationFilter } | undefined;
      const onSnapshot = withOptions ? second : first;
      const backend = this.runtime.backend;
      return new FakeConversationListSubscription(this, onSnapshot, failure, () => {
        // "The snapshot is an empty list if the current user does not exist yet."
        if (!backend.users.has(this.meId)) return [];
        const records = backend.conversationsOf(this.meId).filter((record) => conversationFilterMatches(backend, options?.filter, record, this.meId));
        return byKey(
          records.map((record) => ({
            key: [-backend.lastActivityFor(record, this.meId), record.id] as const,
            snapshot: this.snapshots.conversation(record.id)!,
          })),
        );
      });
    });
  }

  /** Ends every subscription (state `unsubscribed`) and stops listening: the session was destroyed. */
  destroy(): void {
    for (const subscription of [...this.#subscriptions]) subscription.end();
    this.#stopListening();
  }
}
