/**
 * The Data API controllers: a user, whether a user is online, a conversation, its messages, who is
 * typing in it, and the user's conversation list, each as a Lit reactive controller (see
 * {@link SubscriptionController} for the lifecycle they share).
 */
import type { Talk } from '../internal/sdk-types.js';
import type { SessionHost } from './session-controller.js';
import { SubscriptionController, type DataSession, type DataSubscription } from './subscription-controller.js';

/** An id getter: a user or conversation id, or nothing (then nothing is subscribed). */
export type IdArgument = () => string | null | undefined;

/**
 * One user's public data (`session.user(id).subscribe`): `value` is the `UserSnapshot`, or `null`
 * when TalkJS has no such user.
 *
 * ```ts
 * #seller = new UserController(this, () => this.sellerId);
 * render() { return html`${this.#seller.value?.name ?? '…'}`; }
 * ```
 */
export class UserController extends SubscriptionController<string | null | undefined, Talk.UserSnapshot | null> {
  protected readonly member = 'UserRef.subscribe()';

  constructor(host: SessionHost, userId: IdArgument) {
    super(host, userId);
  }

  protected subscribe(session: DataSession, userId: string, onSnapshot: (snapshot: Talk.UserSnapshot | null) => void): DataSubscription {
    return session.user(userId.trim()).subscribe(onSnapshot);
  }
}

/**
 * Whether one user is online (`session.user(id).subscribeOnline`): `value` is the
 * `UserOnlineSnapshot` (`null` when TalkJS has no such user), `online` its `isConnected`.
 */
export class OnlineStatusController extends SubscriptionController<string | null | undefined, Talk.UserOnlineSnapshot | null> {
  protected readonly member = 'UserRef.subscribeOnline()';

  constructor(host: SessionHost, userId: IdArgument) {
    super(host, userId);
  }

  /** True while the user has at least one TalkJS connection open; false otherwise, and before the first snapshot. */
  get online(): boolean {
    return this.value?.isConnected === true;
  }

  protected subscribe(session: DataSession, userId: string, onSnapshot: (snapshot: Talk.UserOnlineSnapshot | null) => void): DataSubscription {
    return session.user(userId.trim()).subscribeOnline(onSnapshot);
  }
}

/**
 * One conversation (`session.conversation(id).subscribe`): `value` is the `ConversationSnapshot`,
 * or `null` when the user is not a participant (or it does not exist).
 */
export class ConversationController extends SubscriptionController<string | null | undefined, Talk.ConversationSnapshot | null> {
  protected readonly member = 'ConversationRef.subscribe()';

  constructor(host: SessionHost, conversationId: IdArgument) {
    super(host, conversationId);
  }

  protected subscribe(session: DataSession, conversationId: string, onSnapshot: (snapshot: Talk.ConversationSnapshot | null) => void): DataSubscription {
    return session.conversation(conversationId.trim()).subscribe(onSnapshot);
  }
}

/**
 * Who is typing in one conversation (`session.conversation(id).subscribeTyping`): `value` is the
 * `TypingSnapshot` (`FewTypingSnapshot` with `participants`, or `ManyTypingSnapshot`), or `null`
 * when the user is not a participant.
 */
export class TypingController extends SubscriptionController<string | null | undefined, Talk.TypingSnapshot | null> {
  protected readonly member = 'ConversationRef.subscribeTyping()';

  constructor(host: SessionHost, conversationId: IdArgument) {
    super(host, conversationId);
  }

  protected subscribe(session: DataSession, conversationId: string, onSnapshot: (snapshot: Talk.TypingSnapshot | null) => void): DataSubscription {
    return session.conversation(conversationId.trim()).subscribeTyping(onSnapshot);
  }
}

/** What a list subscription adds: `loadMore`. */
interface ListSubscription extends DataSubscription {
  loadMore(count?: number): Promise<void>;
}

/** A controller of a windowed list: `loadedAll` and `loadMore()`. */
abstract class ListController<A, V> extends SubscriptionController<A, V> {
  #loadedAll = false;

  /** True when `value` holds the whole list; `loadMore()` extends the window into the past. */
  get loadedAll(): boolean {
    return this.#loadedAll;
  }

  /**
   * Loads `count` more items (older ones) into `value`; resolves when TalkJS has them. Does
   * nothing (resolves) without a subscription.
   */
  loadMore(count?: number): Promise<void> {
    const subscription = this.subscription as ListSubscription | undefined;
    return subscription ? subscription.loadMore(count) : Promise.resolve();
  }

  protected override onSnapshotDetail(loadedAll?: unknown): void {
    this.#loadedAll = loadedAll === true;
  }
}

/**
 * The latest messages of one conversation, newest first (`session.conversation(id).subscribeMessages`):
 * `value` is the `MessageSnapshot[]`, or `null` when the user is not a participant.
 */
export class MessagesController extends ListController<string | null | undefined, Talk.MessageSnapshot[] | null> {
  protected readonly member = 'ConversationRef.subscribeMessages()';

  constructor(host: SessionHost, conversationId: IdArgument) {
    super(host, conversationId);
  }

  protected subscribe(
    session: DataSession,
    conversationId: string,
    onSnapshot: (snapshot: Talk.MessageSnapshot[] | null, loadedAll: boolean) => void,
  ): DataSubscription {
    return session.conversation(conversationId.trim()).subscribeMessages(onSnapshot);
  }
}

/**
 * The user's conversations, most recently active first (`session.subscribeConversations`):
 * `value` is the `ConversationSnapshot[]`.
 */
export class ConversationListController extends ListController<true, Talk.ConversationSnapshot[]> {
  protected readonly member = 'Session.subscribeConversations()';

  constructor(host: SessionHost) {
    super(host, () => true);
  }

  protected subscribe(session: DataSession, _all: true, onSnapshot: (snapshot: Talk.ConversationSnapshot[], loadedAll: boolean) => void): DataSubscription {
    return session.subscribeConversations(onSnapshot);
  }
}
