/**
 * Data API snapshots of the fake backend's data, as one session's user sees them. "Snapshots are
 * immutable and we try to reuse them when possible": every snapshot is frozen (deeply), and a
 * snapshot whose content did not change is the same object as before.
 */
import type Talk from 'talkjs';
import type { FakeBackend, FakeConversationRecord, FakeMessageRecord } from './backend.js';

/** How many typists a `FewTypingSnapshot` lists at most ("5 or less people typing"); more gives a `ManyTypingSnapshot`. */
export const FEW_TYPING_LIMIT = 5;

/** Builds and reuses the snapshots of one session (its user: `meId`). */
export class FakeSnapshots {
  readonly #backend: FakeBackend;
  readonly #meId: string;
  readonly #cache = new Map<string, { json: string; value: unknown }>();

  constructor(backend: FakeBackend, meId: string) {
    this.#backend = backend;
    this.#meId = meId;
  }

  /** `UserSnapshot`, or `null` when the backend does not know the user. */
  user(userId: string): Talk.UserSnapshot | null {
    if (!this.#backend.users.has(userId)) return null;
    return this.#sender(userId);
  }

  /** `UserOnlineSnapshot`, or `null` when the backend does not know the user. */
  online(userId: string): Talk.UserOnlineSnapshot | null {
    const user = this.user(userId);
    if (!user) return null;
    return this.#intern(`online:${userId}`, { user, isConnected: this.#backend.isOnline(userId) });
  }

  /** `ConversationSnapshot`, or `null` when the user is not a participant (or the conversation does not exist). */
  conversation(conversationId: string): Talk.ConversationSnapshot | null {
    const record = this.#backend.conversations.get(conversationId);
    const participation = record?.participants.get(this.#meId);
    if (!record || !participation) return null;
    const last = record.messages[record.messages.length - 1];
    const unreadMessageCount = this.#backend.unreadCount(record.id, this.#meId);
    const everyone = [...record.participants.keys()].map((userId) => readUntil(record, userId));
    return this.#intern(`conversation:${record.id}`, {
      id: record.id,
      subject: record.subject,
      photoUrl: record.photoUrl,
      welcomeMessages: [...(record.welcomeMessages ?? [])],
      custom: { ...record.custom },
      createdAt: record.createdAt,
      joinedAt: participation.joinedAt,
      lastMessage: last ? this.message(last) : null,
      unreadMessageCount,
      readUntil: readUntil(record, this.#meId),
      everyoneReadUntil: Math.min(...everyone),
      isUnread: unreadMessageCount > 0 || record.markedUnread.has(this.#meId),
      access: participation.access,
      notify: participation.notify,
    });
  }

  /** `MessageSnapshot` of a stored message. */
  message(message: FakeMessageRecord): Talk.MessageSnapshot {
    const referenced = message.referencedMessageId === null ? undefined : this.#backend.findMessage(message.conversationId, message.referencedMessageId);
    return this.#intern(`message:${message.id}`, {
      id: message.id,
      type: message.senderId === null ? 'SystemMessage' : 'UserMessage',
      sender: message.senderId === null ? null : this.#sender(message.senderId),
      custom: { ...message.custom },
      createdAt: message.timestamp,
      editedAt: message.editedAt,
      referencedMessage: referenced ? this.#referenced(referenced) : null,
      origin: message.origin,
      plaintext: message.text,
      content: [{ type: 'text', children: [message.text] }],
      reactions: this.#reactionSummaries(message),
    });
  }

  /** `TypingSnapshot` of a conversation, or `null` when the user is not a participant. The user never counts as typing. */
  typing(conversationId: string): Talk.TypingSnapshot | null {
    if (!this.#backend.isParticipant(conversationId, this.#meId)) return null;
    const typists = this.#backend.typingUsers(conversationId).filter((userId) => userId !== this.#meId);
    if (typists.length > FEW_TYPING_LIMIT) return this.#intern(`typing:${conversationId}`, { many: true });
    return this.#intern(`typing:${conversationId}`, { many: false, users: typists.map((userId) => this.#sender(userId)) });
  }

  /** `ParticipantSnapshot`, or `null` when `userId` is not a participant. */
  participant(conversationId: string, userId: string): Talk.ParticipantSnapshot | null {
    const participation = this.#backend.conversations.get(conversationId)?.participants.get(userId);
    if (!participation) return null;
    return this.#intern(`participant:${conversationId}:${userId}`, {
      user: this.#sender(userId),
      access: participation.access,
      notify: participation.notify,
      joinedAt: participation.joinedAt,
    });
  }

  /** The `SingleReactionSnapshot`s of one emoji on a message, oldest first (`null`: no such message). */
  reactions(conversationId: string, messageId: string, emoji: string): Talk.SingleReactionSnapshot[] | null {
    const message = this.#backend.findMessage(conversationId, messageId);
    if (!message) return null;
    return [...(message.reactions.get(emoji) ?? [])]
      .sort(([, a], [, b]) => a - b)
      .map(([userId, createdAt]) => this.#intern(`reaction:${messageId}:${emoji}:${userId}`, { user: this.#sender(userId), createdAt }));
  }

  /** A user snapshot, named after the id when the backend does not know the user (a sender must have one). */
  #sender(userId: string): Talk.UserSnapshot {
    return this.#intern(`user:${userId}`, this.#backend.userSnapshot(userId));
  }

  #referenced(message: FakeMessageRecord): Talk.ReferencedMessageSnapshot {
    return this.#intern(`referenced:${message.id}`, {
      id: message.id,
      type: 'UserMessage',
      sender: this.#sender(message.senderId ?? ''),
      custom: { ...message.custom },
      createdAt: message.timestamp,
      editedAt: message.editedAt,
      referencedMessageId: message.referencedMessageId,
      origin: message.origin,
      plaintext: message.text,
      content: [{ type: 'text', children: [message.text] }],
      reactions: this.#reactionSummaries(message),
    });
  }

  #reactionSummaries(message: FakeMessageRecord): Talk.ReactionsSummarySnapshot[] {
    return [...message.reactions].map(([emoji, users]) => ({ emoji, count: users.size, currentUserReacted: users.has(this.#meId) }));
  }

  /** Returns the cached snapshot under `key` when its content equals `value`'s, else freezes and caches `value`. */
  #intern<T>(key: string, value: T): T {
    const json = JSON.stringify(value);
    const cached = this.#cache.get(key);
    if (cached && cached.json === json) return cached.value as T;
    deepFreeze(value);
    this.#cache.set(key, { json, value });
    return value;
  }
}

/**
 * `items` when it has the same elements (by identity) as `previous`, else `previous` if that
 * is equal, else `items` frozen: a list snapshot is reused when none of its elements changed.
 */
export function reuseList<T>(previous: readonly T[] | null | undefined, items: T[]): T[] {
  if (previous && previous.length === items.length && previous.every((item, index) => item === items[index])) return previous as T[];
  return Object.freeze(items) as T[];
}

/** `ConversationSnapshot.readUntil`: when `userId` last read, as the time of the last message they read (0: none). */
function readUntil(record: FakeConversationRecord, userId: string): number {
  const count = record.readUntil.get(userId) ?? 0;
  return count > 0 ? (record.messages[count - 1]?.timestamp ?? 0) : 0;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
