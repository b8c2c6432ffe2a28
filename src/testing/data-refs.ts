/**
 * The fake Data API references of one session: `ConversationRef` (`session.conversation(id)`),
 * `ParticipantRef`, `MessageRef` and `ReactionsRef`, as the declarations describe them, over the
 * fake backend. Methods are recorded in `fake.calls` (`'ConversationRef#<id>'`,
 * `'ParticipantRef#<conversation>/<user>'`, `'MessageRef#<id>'`, `'ReactionsRef#<message>/<emoji>'`)
 * and throw once the session is destroyed, like every fake object's.
 *
 * The fake's simplifications: messages are text only (a file or location block rejects; a text
 * block is stored as its plain text, so `content` is always one text block of `plaintext`);
 * there is no "client-side syncing disabled" mode (every `set`/`createIfNotExists` is allowed);
 * everyone may edit and delete their own messages only; `subscribeMessages`' `filter` option is
 * recorded but not applied.
 */
import type Talk from 'talkjs';
import type { FakeDataApi } from './data-api.js';
import {
  FakeConversationSubscription,
  FakeMessageSubscription,
  FakeParticipantSubscription,
  FakeReactionsSubscription,
  FakeSingleParticipantSubscription,
  FakeTypingSubscription,
  byKey,
} from './data-subscription.js';
import type { CallSite } from './runtime.js';

/** "Marks the current user as typing in this conversation for 10 seconds." */
const TYPING_MILLISECONDS = 10_000;

/** Mirrors `Talk.ConversationRef`: the current user's view of one conversation. One per session and id. */
export class FakeConversationRef implements Talk.ConversationRef {
  /** `ConversationRef.id`. */
  readonly id: string;
  readonly #data: FakeDataApi;
  readonly #site: CallSite;
  readonly #participants = new Map<string, FakeParticipantRef>();
  readonly #messages = new Map<string, FakeMessageRef>();

  /** @internal Created by `session.conversation(id)`. */
  constructor(data: FakeDataApi, id: string) {
    this.id = id;
    this.#data = data;
    this.#site = { label: `ConversationRef#${id}`, object: this, isLive: data.isLive };
  }

  /** Mirrors `participant(user)`: the same `ParticipantRef` per user id. Throws if `user` is not a UserRef or a non-empty string. */
  participant(user: string | Talk.UserRef): FakeParticipantRef {
    return this.#data.runtime.invoke(this.#site, 'participant', [user], () => {
      const userId = typeof user === 'string' ? user : typeof user === 'object' && user !== null && typeof user.id === 'string' ? user.id : '';
      if (userId === '') throw new TypeError(`[fake TalkJS] ${this.#site.label}.participant(user): user must be a UserRef or a non-empty string`);
      let ref = this.#participants.get(userId);
      if (!ref) this.#participants.set(userId, (ref = new FakeParticipantRef(this.#data, this.id, userId)));
      return ref;
    });
  }

  /** Mirrors `message(id)`: the same `MessageRef` per id. Throws if `id` is not a non-empty string. */
  message(id: string): FakeMessageRef {
    return this.#data.runtime.invoke(this.#site, 'message', [id], () => this.messageRef(id));
  }

  /** @internal `message(id)` without recording. */
  messageRef(id: string): FakeMessageRef {
    if (typeof id !== 'string' || id === '') throw new TypeError(`[fake TalkJS] ${this.#site.label}.message(id): id must be a non-empty string`);
    let ref = this.#messages.get(id);
    if (!ref) this.#messages.set(id, (ref = new FakeMessageRef(this.#data, this.id, id)));
    return ref;
  }

  /** Mirrors `get()`: the snapshot, or `null` if the user is not a participant (including if the conversation doesn't exist). */
  get(): Promise<Talk.ConversationSnapshot | null> {
    return this.#data.runtime.invokeAsync(this.#site, 'get', [], () => this.#data.snapshots.conversation(this.id));
  }

  /**
   * Mirrors `set(params)`: creates the conversation if needed, adds the user if needed, sets the
   * attributes (`undefined` leaves a field, `null` resets it; `custom` is a patch) and the user's
   * `access`/`notify` (`null`: `'ReadWrite'`/`true`).
   */
  set(params: Talk.SetConversationParams): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'set', [params], () => {
      if (!params || typeof params !== 'object') throw new TypeError(`[fake TalkJS] ${this.#site.label}.set(params): params must be an object`);
      const backend = this.#data.runtime.backend;
      const { subject, photoUrl, welcomeMessages, custom } = params;
      backend.upsertConversation(this.id, { subject, photoUrl, welcomeMessages, custom });
      backend.addParticipant(this.id, this.#data.meId, {
        ...(params.access !== undefined ? { access: params.access ?? 'ReadWrite' } : {}),
        ...(params.notify !== undefined ? { notify: params.notify ?? true } : {}),
      });
    });
  }

  /** Mirrors `createIfNotExists(params)`: creates it with `params` if it does not exist, and adds the user if not a participant. */
  createIfNotExists(params: Talk.CreateConversationParams = {}): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'createIfNotExists', [params], () => {
      const backend = this.#data.runtime.backend;
      if (!backend.conversations.has(this.id)) {
        backend.upsertConversation(this.id, {
          subject: params.subject,
          photoUrl: params.photoUrl,
          welcomeMessages: params.welcomeMessages,
          custom: params.custom,
        });
      }
      if (!backend.isParticipant(this.id, this.#data.meId)) backend.addParticipant(this.id, this.#data.meId, { access: params.access, notify: params.notify });
    });
  }

  /** Mirrors `markAsRead()`; rejects if the user is not a participant. */
  markAsRead(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'markAsRead', [], () => {
      this.#requireParticipant('markAsRead');
      this.#data.runtime.backend.markRead(this.id, this.#data.meId);
    });
  }

  /** Mirrors `markAsUnread()`; rejects if the user is not a participant. */
  markAsUnread(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'markAsUnread', [], () => {
      this.#requireParticipant('markAsUnread');
      this.#data.runtime.backend.markUnread(this.id, this.#data.meId);
    });
  }

  /**
   * Mirrors `send(params)`: sends a message as the user (origin `'rest'`, "sent normally, via
   * ... the Data API"); resolves with its `MessageRef`. Rejects if the user is not a participant,
   * has `Read` access, the referenced message is not in this conversation, or the content is not text.
   */
  send(params: string | Talk.SendTextMessageParams | Talk.SendMessageParams): Promise<FakeMessageRef> {
    return this.#data.runtime.invokeAsync(this.#site, 'send', [params], () => {
      const backend = this.#data.runtime.backend;
      const participation = this.#requireParticipant('send');
      if (participation.access !== 'ReadWrite') throw new Error(`[fake TalkJS] ${this.#site.label}.send(): the user has Read access only`);
      const text = messageText(params, `${this.#site.label}.send`);
      const options = typeof params === 'object' && params !== null ? params : undefined;
      const reference = options?.referencedMessage;
      const referencedMessageId = reference === undefined ? null : typeof reference === 'string' ? reference : reference.id;
      if (referencedMessageId !== null && !backend.findMessage(this.id, referencedMessageId)) {
        throw new Error(`[fake TalkJS] ${this.#site.label}.send(): referenced message "${referencedMessageId}" is not in this conversation`);
      }
      const message = backend.sendMessage(this.id, this.#data.meId, text, { custom: options?.custom, origin: 'rest', referencedMessageId });
      return this.messageRef(message.id);
    });
  }

  /** Mirrors `subscribeMessages(onSnapshot, options)` (see {@link FakeMessageSubscription}); `null` while the user is not a participant. */
  subscribeMessages(
    onSnapshot?: (snapshot: Talk.MessageSnapshot[] | null, loadedAll: boolean) => void,
    options?: { filter?: Talk.ConversationFilter },
  ): FakeMessageSubscription {
    const args = options === undefined ? [onSnapshot] : [onSnapshot, options];
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribeMessages', args, (failure) => {
      const backend = this.#data.runtime.backend;
      return new FakeMessageSubscription(this.#data, onSnapshot, failure, () => {
        const record = backend.conversations.get(this.id);
        if (!record || !record.participants.has(this.#data.meId)) return null;
        return byKey(record.messages.map((message) => ({ key: [-sequence(message.id), ''] as const, snapshot: this.#data.snapshots.message(message) })));
      });
    });
  }

  /** Mirrors `subscribeParticipants(onSnapshot)` (see {@link FakeParticipantSubscription}); `null` while the user is not a participant. */
  subscribeParticipants(onSnapshot?: (snapshot: Talk.ParticipantSnapshot[] | null, loadedAll: boolean) => void): FakeParticipantSubscription {
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribeParticipants', [onSnapshot], (failure) => {
      const backend = this.#data.runtime.backend;
      return new FakeParticipantSubscription(this.#data, onSnapshot, failure, () => {
        const record = backend.conversations.get(this.id);
        if (!record || !record.participants.has(this.#data.meId)) return null;
        return byKey(
          [...record.participants].map(([userId, participation]) => ({
            key: [-participation.joinedAt, userId] as const,
            snapshot: this.#data.snapshots.participant(this.id, userId)!,
          })),
        );
      });
    });
  }

  /** Mirrors `subscribe(onSnapshot)`: the `ConversationSnapshot`, `null` while the user is not a participant. */
  subscribe(onSnapshot?: (snapshot: Talk.ConversationSnapshot | null) => void): FakeConversationSubscription {
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribe', [onSnapshot], (failure) => {
      return new FakeConversationSubscription(this.#data, onSnapshot, failure, () => this.#data.snapshots.conversation(this.id));
    });
  }

  /**
   * Mirrors `subscribeTyping(onSnapshot)`: `{ many: false, users }` (typing longest first, never
   * the current user) while 5 or fewer others type, `{ many: true }` beyond; `null` while the user
   * is not a participant. Driven by `fake.backend.setTyping(conversationId, userId, typing)` and
   * by `markAsTyping()` of other sessions.
   */
  subscribeTyping(onSnapshot?: (snapshot: Talk.TypingSnapshot | null) => void): FakeTypingSubscription {
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribeTyping', [onSnapshot], (failure) => {
      return new FakeTypingSubscription(this.#data, onSnapshot, failure, () => this.#data.snapshots.typing(this.id));
    });
  }

  /** Mirrors `markAsTyping()`: the user types for 10 seconds (from now again on each call), or until they send a message. */
  markAsTyping(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'markAsTyping', [], () => {
      this.#requireParticipant('markAsTyping');
      this.#data.runtime.backend.typeFor(this.id, this.#data.meId, TYPING_MILLISECONDS);
    });
  }

  #requireParticipant(method: string) {
    const participation = this.#data.runtime.backend.conversations.get(this.id)?.participants.get(this.#data.meId);
    if (!participation) throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the user "${this.#data.meId}" is not a participant`);
    return participation;
  }
}

/** Mirrors `Talk.ParticipantRef`: a user's participation in a conversation. */
export class FakeParticipantRef implements Talk.ParticipantRef {
  /** `ParticipantRef.userId`. */
  readonly userId: string;
  /** `ParticipantRef.conversationId`. */
  readonly conversationId: string;
  readonly #data: FakeDataApi;
  readonly #site: CallSite;

  /** @internal Created by `ConversationRef.participant`. */
  constructor(data: FakeDataApi, conversationId: string, userId: string) {
    this.userId = userId;
    this.conversationId = conversationId;
    this.#data = data;
    this.#site = { label: `ParticipantRef#${conversationId}/${userId}`, object: this, isLive: data.isLive };
  }

  /** Mirrors `get()`: the snapshot, or `null` if not a participant; rejects when the current user is not one and asks about someone else. */
  get(): Promise<Talk.ParticipantSnapshot | null> {
    return this.#data.runtime.invokeAsync(this.#site, 'get', [], () => {
      this.#requireAccess('get');
      return this.#data.snapshots.participant(this.conversationId, this.userId);
    });
  }

  /** Mirrors `set(params)`: adds the user if needed (they must exist, and so must the conversation), then sets `access`/`notify`. */
  set(params: Talk.SetParticipantParams): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'set', [params], () => this.#write('set', params));
  }

  /** Mirrors `edit(params)`: as `set`, but rejects if the user is not a participant. */
  edit(params: Talk.SetParticipantParams): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'edit', [params], () => {
      if (!this.#data.runtime.backend.isParticipant(this.conversationId, this.userId)) {
        throw new Error(`[fake TalkJS] ${this.#site.label}.edit(): "${this.userId}" is not a participant`);
      }
      this.#write('edit', params);
    });
  }

  /** Mirrors `createIfNotExists(params)`: adds the user unless already a participant. */
  createIfNotExists(params: Talk.CreateParticipantParams = {}): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'createIfNotExists', [params], () => {
      if (this.#data.runtime.backend.isParticipant(this.conversationId, this.userId)) return;
      this.#write('createIfNotExists', params);
    });
  }

  /** Mirrors `delete()`: removes the participant; succeeds when they were not one. */
  delete(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'delete', [], () => {
      this.#data.runtime.backend.removeParticipant(this.conversationId, this.userId);
    });
  }

  /** Mirrors `subscribe(onSnapshot)`: the `ParticipantSnapshot`, `null` while not a participant. */
  subscribe(onSnapshot?: (snapshot: Talk.ParticipantSnapshot | null) => void): FakeSingleParticipantSubscription {
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribe', [onSnapshot], (failure) => {
      return new FakeSingleParticipantSubscription(this.#data, onSnapshot, failure, () => this.#data.snapshots.participant(this.conversationId, this.userId));
    });
  }

  #write(method: string, params: Talk.SetParticipantParams | Talk.CreateParticipantParams): void {
    const backend = this.#data.runtime.backend;
    if (!params || typeof params !== 'object') throw new TypeError(`[fake TalkJS] ${this.#site.label}.${method}(params): params must be an object`);
    if (!backend.conversations.has(this.conversationId)) throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the conversation does not exist`);
    if (!backend.users.has(this.userId)) throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the user "${this.userId}" does not exist`);
    backend.addParticipant(this.conversationId, this.userId, {
      ...(params.access !== undefined ? { access: params.access ?? 'ReadWrite' } : {}),
      ...(params.notify !== undefined ? { notify: params.notify ?? true } : {}),
    });
  }

  #requireAccess(method: string): void {
    const backend = this.#data.runtime.backend;
    if (this.userId !== this.#data.meId && !backend.isParticipant(this.conversationId, this.#data.meId)) {
      throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the current user is not a participant`);
    }
  }
}

/** Mirrors `Talk.MessageRef`. */
export class FakeMessageRef implements Talk.MessageRef {
  /** `MessageRef.id`. */
  readonly id: string;
  /** `MessageRef.conversationId`. */
  readonly conversationId: string;
  readonly #data: FakeDataApi;
  readonly #site: CallSite;
  readonly #reactions = new Map<string, FakeReactionsRef>();

  /** @internal Created by `ConversationRef.message`. */
  constructor(data: FakeDataApi, conversationId: string, id: string) {
    this.id = id;
    this.conversationId = conversationId;
    this.#data = data;
    this.#site = { label: `MessageRef#${id}`, object: this, isLive: data.isLive };
  }

  /** Mirrors `reactions(emoji)`: the same `ReactionsRef` per emoji; throws if `emoji` is not a non-empty string. */
  reactions(emoji: string): FakeReactionsRef {
    return this.#data.runtime.invoke(this.#site, 'reactions', [emoji], () => this.#reactionsRef(emoji));
  }

  /** Mirrors the deprecated alias `reaction(emoji)`. */
  reaction(emoji: string): FakeReactionsRef {
    return this.#data.runtime.invoke(this.#site, 'reaction', [emoji], () => this.#reactionsRef(emoji));
  }

  /** Mirrors `get()`: the snapshot, or `null` if the message or conversation doesn't exist or the user is not a participant. */
  get(): Promise<Talk.MessageSnapshot | null> {
    return this.#data.runtime.invokeAsync(this.#site, 'get', [], () => {
      const backend = this.#data.runtime.backend;
      const message = backend.findMessage(this.conversationId, this.id);
      return message && backend.isParticipant(this.conversationId, this.#data.meId) ? this.#data.snapshots.message(message) : null;
    });
  }

  /** Mirrors `edit(params)`: rejects unless the message exists and the current user sent it. */
  edit(params: string | Talk.EditTextMessageParams | Talk.EditMessageParams): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'edit', [params], () => {
      const backend = this.#data.runtime.backend;
      const message = backend.findMessage(this.conversationId, this.id);
      if (!message || !backend.isParticipant(this.conversationId, this.#data.meId))
        throw new Error(`[fake TalkJS] ${this.#site.label}.edit(): no such message`);
      if (message.senderId !== this.#data.meId) throw new Error(`[fake TalkJS] ${this.#site.label}.edit(): only its sender may edit a message`);
      const text =
        typeof params === 'object' && params !== null && !('text' in params) && !('content' in params)
          ? message.text
          : messageText(params, `${this.#site.label}.edit`);
      if (typeof params === 'object' && params !== null && params.custom !== undefined) {
        if (params.custom === null) for (const key of Object.keys(message.custom)) delete message.custom[key];
        for (const [key, value] of Object.entries(params.custom ?? {})) {
          if (value === null) delete message.custom[key];
          else message.custom[key] = value;
        }
      }
      backend.editMessage(this.conversationId, this.id, text);
    });
  }

  /** Mirrors `delete()`: succeeds when the message does not exist; rejects if the user is not a participant or did not send it. */
  delete(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'delete', [], () => {
      const backend = this.#data.runtime.backend;
      if (!backend.isParticipant(this.conversationId, this.#data.meId))
        throw new Error(`[fake TalkJS] ${this.#site.label}.delete(): the current user is not a participant`);
      const message = backend.findMessage(this.conversationId, this.id);
      if (!message) return;
      if (message.senderId !== this.#data.meId) throw new Error(`[fake TalkJS] ${this.#site.label}.delete(): only its sender may delete a message`);
      backend.deleteMessage(this.conversationId, this.id);
    });
  }

  #reactionsRef(emoji: string): FakeReactionsRef {
    if (typeof emoji !== 'string' || emoji === '') throw new TypeError(`[fake TalkJS] ${this.#site.label}.reactions(emoji): emoji must be a non-empty string`);
    let ref = this.#reactions.get(emoji);
    if (!ref) this.#reactions.set(emoji, (ref = new FakeReactionsRef(this.#data, this.conversationId, this.id, emoji)));
    return ref;
  }
}

/** Mirrors `Talk.ReactionsRef`: the reactions with one emoji on one message. */
export class FakeReactionsRef implements Talk.ReactionsRef {
  /** `ReactionsRef.emoji`. */
  readonly emoji: string;
  /** `ReactionsRef.messageId`. */
  readonly messageId: string;
  /** `ReactionsRef.conversationId`. */
  readonly conversationId: string;
  readonly #data: FakeDataApi;
  readonly #site: CallSite;

  /** @internal Created by `MessageRef.reactions`. */
  constructor(data: FakeDataApi, conversationId: string, messageId: string, emoji: string) {
    this.emoji = emoji;
    this.messageId = messageId;
    this.conversationId = conversationId;
    this.#data = data;
    this.#site = { label: `ReactionsRef#${messageId}/${emoji}`, object: this, isLive: data.isLive };
  }

  /** Mirrors `add()`: reacts as the current user; no effect if already. Rejects if the message does not exist or the user is not a participant. */
  add(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'add', [], () => this.#set('add', true));
  }

  /** Mirrors `remove()`: un-reacts; no effect if not reacted. Rejects as `add` does. */
  remove(): Promise<void> {
    return this.#data.runtime.invokeAsync(this.#site, 'remove', [], () => this.#set('remove', false));
  }

  /** Mirrors `getFirstReactions()`: the first 10, or `null` if the message doesn't exist or is inaccessible. */
  getFirstReactions(): Promise<Talk.SingleReactionSnapshot[] | null> {
    return this.#data.runtime.invokeAsync(this.#site, 'getFirstReactions', [], () => this.#list()?.slice(0, 10) ?? null);
  }

  /** Mirrors `subscribe(onSnapshot)` (see {@link FakeReactionsSubscription}). */
  subscribe(onSnapshot?: (snapshot: Talk.SingleReactionSnapshot[] | null, loadedAll: boolean) => void): FakeReactionsSubscription {
    return this.#data.runtime.invokeSubscribe(this.#site, 'subscribe', [onSnapshot], (failure) => {
      return new FakeReactionsSubscription(this.#data, onSnapshot, failure, () => {
        const list = this.#list();
        return list === null ? null : list.map((snapshot) => ({ key: [snapshot.createdAt, snapshot.user.id] as const, snapshot }));
      });
    });
  }

  #list(): Talk.SingleReactionSnapshot[] | null {
    if (!this.#data.runtime.backend.isParticipant(this.conversationId, this.#data.meId)) return null;
    return this.#data.snapshots.reactions(this.conversationId, this.messageId, this.emoji);
  }

  #set(method: string, reacted: boolean): void {
    const backend = this.#data.runtime.backend;
    if (!backend.isParticipant(this.conversationId, this.#data.meId))
      throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the current user is not a participant`);
    if (!backend.setReaction(this.conversationId, this.messageId, this.emoji, this.#data.meId, reacted)) {
      throw new Error(`[fake TalkJS] ${this.#site.label}.${method}(): the message does not exist`);
    }
  }
}

/** The message number of a fake message id (`'msg_12'` → 12): the order messages were stored in. */
function sequence(id: string): number {
  return Number(id.slice(id.lastIndexOf('_') + 1)) || 0;
}

/** The plain text of `send`/`edit` params: a string, `{ text }`, or `{ content: [textBlock] }`; other content rejects. */
function messageText(params: unknown, label: string): string {
  if (typeof params === 'string') return params;
  if (typeof params !== 'object' || params === null) throw new TypeError(`[fake TalkJS] ${label}(params): params must be a string or an object`);
  const { text, content } = params as { text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  if (Array.isArray(content) && content.length === 1 && (content[0] as { type?: unknown })?.type === 'text') {
    return plainText((content[0] as Talk.TextBlock).children);
  }
  throw new Error(`[fake TalkJS] ${label}(params): the fake sends text only (a string, { text } or { content: [a text block] })`);
}

function plainText(nodes: readonly Talk.TextNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      const { text, children } = node as { text?: unknown; children?: unknown };
      if (typeof text === 'string') return text;
      return Array.isArray(children) ? plainText(children as Talk.TextNode[]) : '';
    })
    .join('');
}
