/**
 * The fake SDK's in-memory backend: users, conversations, messages and read state, shared by
 * every session of one fake (as the TalkJS servers are shared by every browser tab).
 */
import type Talk from 'talkjs';
import type { FakeConversationSeed } from './types.js';

/** A user as the fake backend stores it (the fields of `Talk.UserOptions`, `id` as a string). */
export interface FakeUserRecord {
  /** `User.id`. */
  readonly id: string;
  /** `User.name`. */
  name: string;
  /** `User.email`. */
  email: string | string[] | null;
  /** `User.phone`. */
  phone: string | string[] | null;
  /** `User.photoUrl`. */
  photoUrl: string | null;
  /** `User.welcomeMessage`: shown in a conversation with this user that has no welcome messages of its own. */
  welcomeMessage: string | null;
  /** `User.role` (`null`: the default role). */
  role: string | null;
  /** `User.locale`. */
  locale: string | null;
  /** `User.availabilityText`. */
  availabilityText: string | null;
  /** `User.custom` (null values removed). */
  custom: Record<string, string>;
}

/** A user's participation in a conversation (`Talk.ParticipationSettings`, filled in). */
export interface FakeParticipation {
  /** `ParticipationSettings.access` (default `'ReadWrite'`). */
  access: 'Read' | 'ReadWrite';
  /** `ParticipationSettings.notify` (default `true`). */
  notify: boolean | 'MentionsOnly';
  /** When the user joined, milliseconds since the epoch (Data API `joinedAt`; seeded participants: the conversation's creation). */
  readonly joinedAt: number;
}

/** A message as the fake backend stores it. */
export interface FakeMessageRecord {
  /** `Message.id` (`'msg_1'`, `'msg_2'`, ...). */
  readonly id: string;
  /** The conversation it belongs to. */
  readonly conversationId: string;
  /** `Message.senderId` (`null` for a system message). */
  readonly senderId: string | null;
  /** `Message.body`: the plain text (changed by {@link FakeBackend.editMessage}). */
  text: string;
  /** `Message.timestamp`: milliseconds since the epoch. */
  readonly timestamp: number;
  /** `Message.custom`. */
  readonly custom: Record<string, string>;
  /** `Message.origin`. */
  readonly origin: 'web' | 'rest' | 'import' | 'email';
  /** Data API `MessageSnapshot.editedAt`: when it was last edited (`null`: never). */
  editedAt: number | null;
  /** The id of the message this one replies to (Data API `referencedMessage`), or `null`. */
  readonly referencedMessageId: string | null;
  /** Emoji reactions: for each emoji (in the order first used), the users who reacted and when. */
  readonly reactions: Map<string, Map<string, number>>;
}

/** A conversation as the fake backend stores it. */
export interface FakeConversationRecord {
  /** `Conversation.id`. */
  readonly id: string;
  /** `Conversation.subject`. */
  subject: string | null;
  /** `Conversation.photoUrl`. */
  photoUrl: string | null;
  /** `Conversation.welcomeMessages`. */
  welcomeMessages: string[] | null;
  /** `Conversation.custom` (null values removed). */
  custom: Record<string, string>;
  /** Participants by user id. */
  readonly participants: Map<string, FakeParticipation>;
  /** The messages, oldest first. */
  readonly messages: FakeMessageRecord[];
  /** Read state: for each user id, how many of `messages` (from the start) that user has read. */
  readonly readUntil: Map<string, number>;
  /** Creation time, milliseconds since the epoch. */
  readonly createdAt: number;
  /** The users who marked the conversation unread ("Mark as unread", Data API `markAsUnread`) and have not read it since. */
  readonly markedUnread: Set<string>;
}

/** Changes to conversation attributes (`undefined` leaves a field as it is; custom `null` values delete keys). */
export interface FakeConversationUpdate {
  /** New subject (`null` clears it). */
  subject?: string | null;
  /** New photo URL (`null` clears it). */
  photoUrl?: string | null;
  /** New welcome messages (`null` clears them). */
  welcomeMessages?: string[] | null;
  /** Custom fields to merge (`null` as the whole value clears all; a `null` value deletes that key). */
  custom?: Record<string, string | null> | null;
}

/** Something that changed in the backend, as passed to {@link FakeBackend.subscribe} listeners. */
export type FakeBackendChange =
  | { type: 'message'; conversationId: string; message: FakeMessageRecord }
  | { type: 'conversation'; conversationId: string }
  | { type: 'read'; conversationId: string; userId: string }
  | { type: 'user'; userId: string }
  | { type: 'presence'; userId: string }
  | { type: 'typing'; conversationId: string }
  | { type: 'messageChanged'; conversationId: string; messageId: string };

/** A UI through which a user reads conversations (see {@link FakeBackend.addReader}). */
export interface FakeReader {
  /** The user who reads. */
  readonly readerUserId: string;
  /** The conversation the user sees right now (mounted, visible, shown), or null. */
  readingConversationId(): string | null;
}

/** What {@link FakeBackend.upsertUser} accepts: a `Talk.User`, `Talk.UserOptions`, or an id with `SetUserParams`. */
export type FakeUserInput = Talk.UserOptions | Talk.User | ({ id: string | number } & Talk.SetUserParams);

/** The in-memory backend of one fake SDK. */
export class FakeBackend {
  /** Users by id. */
  readonly users = new Map<string, FakeUserRecord>();
  /** Conversations by id. */
  readonly conversations = new Map<string, FakeConversationRecord>();

  #nextMessage = 1;
  readonly #listeners = new Set<(change: FakeBackendChange) => void>();
  readonly #queue: FakeBackendChange[] = [];
  #draining = false;
  readonly #readers = new Set<FakeReader>();
  /** Live sessions per user id (a user with one is connected, as the classic SDK's users are). */
  readonly #connections = new Map<string, number>();
  /** Online states set through {@link setOnline}, winning over the sessions. */
  readonly #onlineOverrides = new Map<string, boolean>();
  /** Who is typing, per conversation: user id → since when (in insertion order: typing longest first). */
  readonly #typing = new Map<string, Map<string, number>>();
  readonly #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * @param seed - users and conversations known at start (see `FakeTalkOptions`).
   */
  constructor(seed: { users?: Talk.UserOptions[]; conversations?: FakeConversationSeed[] } = {}) {
    for (const user of seed.users ?? []) this.upsertUser(user);
    const start = Date.now();
    for (const conversation of seed.conversations ?? []) {
      // Seeded conversations were created before the fake (an hour earlier, or at their first message).
      const firstTimestamp = conversation.messages?.[0]?.timestamp;
      const record = this.#create(conversation.id, Math.min(start - 3_600_000, firstTimestamp ?? Infinity));
      this.#applyUpdate(record, conversation);
      for (const userId of conversation.participants) {
        record.participants.set(String(userId), { access: 'ReadWrite', notify: true, joinedAt: record.createdAt });
        record.readUntil.set(String(userId), 0);
      }
      const messages = conversation.messages ?? [];
      messages.forEach((message, index) => {
        record.messages.push({
          id: `msg_${this.#nextMessage++}`,
          conversationId: record.id,
          senderId: message.senderId,
          text: message.text,
          timestamp: message.timestamp ?? start - (messages.length - index) * 60_000,
          custom: {},
          origin: 'web',
          editedAt: null,
          referencedMessageId: null,
          reactions: new Map(),
        });
      });
    }
  }

  /**
   * Creates or updates a user from a `Talk.User`, `Talk.UserOptions` or `SetUserParams` with an
   * `id`, as `UserRef.set` does: a field omitted or `undefined` is left as it is, `null` resets
   * it to the default; `custom` is a patch (a `null` value deletes that key, `custom: null`
   * deletes all). A new user without a name is named after its id (the backend's own seeding
   * accepts that; `UserRef.set` and `createIfNotExists` reject it first, as the SDK does).
   */
  upsertUser(input: FakeUserInput): FakeUserRecord {
    const id = String(input.id);
    let user = this.users.get(id);
    if (!user) {
      user = {
        id,
        name: id,
        email: null,
        phone: null,
        photoUrl: null,
        welcomeMessage: null,
        role: null,
        locale: null,
        availabilityText: null,
        custom: {},
      };
      this.users.set(id, user);
    }
    const source = input as Partial<Record<keyof FakeUserRecord, unknown>> & { configuration?: string | null };
    if (typeof source.name === 'string' && source.name !== '') user.name = source.name;
    if (source.email !== undefined) user.email = source.email as FakeUserRecord['email'];
    if (source.phone !== undefined) user.phone = source.phone as FakeUserRecord['phone'];
    if (source.photoUrl !== undefined) user.photoUrl = source.photoUrl as string | null;
    if (source.welcomeMessage !== undefined) user.welcomeMessage = source.welcomeMessage as string | null;
    if (source.role !== undefined) user.role = source.role as string | null;
    else if (source.configuration !== undefined) user.role = source.configuration;
    if (source.locale !== undefined) user.locale = source.locale as string | null;
    if (source.availabilityText !== undefined) user.availabilityText = source.availabilityText as string | null;
    if (source.custom !== undefined) user.custom = mergeCustom(user.custom, source.custom as Record<string, string | null> | null);
    this.#notify({ type: 'user', userId: id });
    return user;
  }

  /** Creates the conversation if it does not exist, then applies `update`. */
  upsertConversation(id: string, update: FakeConversationUpdate = {}): FakeConversationRecord {
    const record = this.conversations.get(id) ?? this.#create(id);
    this.#applyUpdate(record, update);
    this.#notify({ type: 'conversation', conversationId: id });
    return record;
  }

  /**
   * Adds (or updates) a participant. A new participant has read every message already there.
   * Creates the conversation if it does not exist.
   */
  addParticipant(conversationId: string, userId: string, settings: Partial<FakeParticipation> = {}): void {
    const record = this.conversations.get(conversationId) ?? this.#create(conversationId);
    const existing = record.participants.get(userId);
    record.participants.set(userId, {
      access: settings.access ?? existing?.access ?? 'ReadWrite',
      notify: settings.notify ?? existing?.notify ?? true,
      joinedAt: existing?.joinedAt ?? Date.now(),
    });
    if (!existing) record.readUntil.set(userId, record.messages.length);
    this.#notify({ type: 'conversation', conversationId });
  }

  /** Removes a participant; returns whether they were one. */
  removeParticipant(conversationId: string, userId: string): boolean {
    const removed = this.conversations.get(conversationId)?.participants.delete(userId) ?? false;
    if (removed) this.#typing.get(conversationId)?.delete(userId);
    if (removed) this.#notify({ type: 'conversation', conversationId });
    return removed;
  }

  /** Whether `userId` is a participant of `conversationId`. */
  isParticipant(conversationId: string, userId: string): boolean {
    return this.conversations.get(conversationId)?.participants.has(userId) ?? false;
  }

  /**
   * Delivers a message as if `senderId` sent it: appends it (read by its sender and by every
   * user whose mounted, visible UI shows the conversation), then notifies the sessions, which
   * call their `onMessage` handlers (when their user is a participant) and their
   * `unreads.onChange` handlers (when their unread list changed), and the stand-in UIs.
   *
   * @throws Error when the conversation does not exist.
   */
  sendMessage(
    conversationId: string,
    senderId: string,
    text: string,
    options: { custom?: Record<string, string>; origin?: FakeMessageRecord['origin']; timestamp?: number; referencedMessageId?: string | null } = {},
  ): FakeMessageRecord {
    const record = this.conversations.get(conversationId);
    if (!record) throw new Error(`[fake TalkJS] sendMessage: no conversation with id "${conversationId}"`);
    const message: FakeMessageRecord = {
      id: `msg_${this.#nextMessage++}`,
      conversationId,
      senderId,
      text,
      timestamp: options.timestamp ?? Date.now(),
      custom: { ...options.custom },
      origin: options.origin ?? 'web',
      editedAt: null,
      referencedMessageId: options.referencedMessageId ?? null,
      reactions: new Map(),
    };
    record.messages.push(message);
    record.readUntil.set(senderId, record.messages.length);
    record.markedUnread.delete(senderId);
    // "Users are also considered 'not typing' when they send a message."
    this.#stopTyping(conversationId, senderId);
    for (const reader of this.#readers) {
      if (reader.readingConversationId() === conversationId) record.readUntil.set(reader.readerUserId, record.messages.length);
    }
    this.#notify({ type: 'message', conversationId, message });
    return message;
  }

  /** Marks every message of the conversation as read by `userId`. */
  markRead(conversationId: string, userId: string): void {
    const record = this.conversations.get(conversationId);
    if (!record) return;
    const wasMarked = record.markedUnread.delete(userId);
    if (!wasMarked && (record.readUntil.get(userId) ?? 0) >= record.messages.length) return;
    record.readUntil.set(userId, record.messages.length);
    this.#notify({ type: 'read', conversationId, userId });
  }

  /**
   * Marks the conversation unread for `userId` (the SDK's "Mark as unread"): its last message
   * becomes unread, and the Data API's `isUnread` is true until they read it again.
   */
  markUnread(conversationId: string, userId: string): void {
    const record = this.conversations.get(conversationId);
    if (!record) return;
    record.markedUnread.add(userId);
    if (record.messages.length > 0) record.readUntil.set(userId, record.messages.length - 1);
    this.#notify({ type: 'read', conversationId, userId });
  }

  /** How many messages of the conversation `userId` has not read (their own count as read). */
  unreadCount(conversationId: string, userId: string): number {
    const record = this.conversations.get(conversationId);
    if (!record || !record.participants.has(userId)) return 0;
    const from = record.readUntil.get(userId) ?? 0;
    return record.messages.slice(from).filter((message) => message.senderId !== userId).length;
  }

  /**
   * What `session.unreads.onChange` reports for `userId`: the conversations they take part in
   * with unread messages, most recent first.
   */
  unreadsFor(userId: string): Talk.UnreadConversation[] {
    return this.conversationsOf(userId)
      .map((record) => ({ record, count: this.unreadCount(record.id, userId) }))
      .filter(({ count }) => count > 0)
      .map(({ record, count }) => {
        const lastMessage = this.message(record.messages[record.messages.length - 1]!, userId, true);
        // "Always identical to `lastMessage.conversation`".
        return { conversation: lastMessage.conversation, lastMessage, unreadMessageCount: count };
      });
  }

  /** The conversations `userId` takes part in, most recent activity first. */
  conversationsOf(userId: string): FakeConversationRecord[] {
    return [...this.conversations.values()].filter((record) => record.participants.has(userId)).sort((a, b) => lastActivity(b) - lastActivity(a));
  }

  /**
   * `Talk.ConversationData` of a conversation. With `onlyUserId`, `participants` lists only that
   * user, as in the `ConversationData` of `Session.onMessage`, `Session.onDesktopNotificationClicked`
   * and `Session.unreads.onChange` ("will only include the current user").
   */
  conversationData(record: FakeConversationRecord, onlyUserId?: string): Talk.ConversationData {
    const participants: Talk.ConversationData['participants'] = {};
    for (const [userId, participation] of record.participants) {
      if (onlyUserId === undefined || userId === onlyUserId) participants[userId] = { access: participation.access };
    }
    return {
      id: record.id,
      custom: { ...record.custom },
      subject: record.subject,
      photoUrl: record.photoUrl,
      welcomeMessages: record.welcomeMessages ? [...record.welcomeMessages] : null,
      participants,
    };
  }

  /** `Talk.UserSnapshot` of a user (an unknown id gives a snapshot named after the id). */
  userSnapshot(userId: string): Talk.UserSnapshot {
    const user = this.users.get(userId);
    return {
      id: userId,
      name: user?.name ?? userId,
      custom: { ...user?.custom },
      locale: user?.locale ?? null,
      photoUrl: user?.photoUrl ?? null,
      role: user?.role ?? 'default',
      welcomeMessage: user?.welcomeMessage ?? null,
    };
  }

  /**
   * `Talk.Message` of a stored message, as `forUserId`'s session sees it (`isByMe`, `read`).
   * `sessionView`: its `conversation.participants` lists only `forUserId` (see {@link conversationData}).
   */
  message(message: FakeMessageRecord, forUserId: string, sessionView = false): Talk.Message {
    const record = this.conversations.get(message.conversationId)!;
    const index = record.messages.indexOf(message);
    return {
      id: message.id,
      conversation: this.conversationData(record, sessionView ? forUserId : undefined),
      isByMe: message.senderId === forUserId,
      senderId: message.senderId,
      sender: message.senderId === null ? null : this.userSnapshot(message.senderId),
      body: message.text,
      type: 'text',
      timestamp: message.timestamp,
      read: message.senderId === forUserId || index < (record.readUntil.get(forUserId) ?? 0),
      origin: message.origin,
      custom: { ...message.custom },
      attachment: null,
      location: null,
    };
  }

  /** A user's display name: their name, or their id when unknown. */
  displayName(userId: string): string {
    return this.users.get(userId)?.name ?? userId;
  }

  /** The title a UI shows for a conversation to `forUserId`: subject, else the other participants' names, else the id. */
  conversationTitle(record: FakeConversationRecord, forUserId: string): string {
    if (record.subject) return record.subject;
    const others = [...record.participants.keys()].filter((id) => id !== forUserId);
    return others.length > 0 ? others.map((id) => this.displayName(id)).join(', ') : record.id;
  }

  /**
   * Registers a reader: something (a mounted stand-in UI) through which a user reads a
   * conversation. Whenever a message arrives, the backend asks each reader which conversation it
   * shows right now and marks the message read for the reader's user. Call {@link markRead} when
   * the reader starts showing a conversation.
   */
  addReader(reader: FakeReader): void {
    this.#readers.add(reader);
  }

  /** Removes a reader added by {@link addReader}. */
  removeReader(reader: FakeReader): void {
    this.#readers.delete(reader);
  }

  /**
   * Calls `listener` after every change (new message, read state, conversation or user data).
   * Changes made by a listener are queued and delivered after the current one, in order.
   *
   * @returns a function that removes the listener.
   */
  subscribe(listener: (change: FakeBackendChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Test handle: sets whether `userId` is online (connected), as `UserRef.subscribeOnline`
   * reports it (`UserOnlineSnapshot.isConnected`). `null` goes back to the automatic state: a
   * user is connected while they have a live fake session ("People using the JavaScript SDK ...
   * are considered connected whenever they have an active `Session` object").
   */
  setOnline(userId: string, online: boolean | null): void {
    const before = this.isOnline(userId);
    if (online === null) this.#onlineOverrides.delete(userId);
    else this.#onlineOverrides.set(userId, online);
    if (this.isOnline(userId) !== before) this.#notify({ type: 'presence', userId });
  }

  /** Whether `userId` is online: set by {@link setOnline}, else whether they have a live session. */
  isOnline(userId: string): boolean {
    return this.#onlineOverrides.get(userId) ?? (this.#connections.get(userId) ?? 0) > 0;
  }

  /** @internal A session of `userId` started (`+1`) or was destroyed (`-1`). */
  connection(userId: string, delta: 1 | -1): void {
    const before = this.isOnline(userId);
    const count = (this.#connections.get(userId) ?? 0) + delta;
    if (count > 0) this.#connections.set(userId, count);
    else this.#connections.delete(userId);
    if (this.isOnline(userId) !== before) this.#notify({ type: 'presence', userId });
  }

  /**
   * Test handle: starts (`true`) or stops (`false`) `userId` typing in `conversationId`, as
   * `ConversationRef.subscribeTyping` reports it. Typing has no time limit here (the SDK's
   * `markAsTyping` lasts 10 s); sending a message stops it, as in TalkJS. Only participants can
   * type: for anyone else, or an unknown conversation, this does nothing.
   */
  setTyping(conversationId: string, userId: string, typing: boolean): void {
    if (typing) {
      if (!this.isParticipant(conversationId, userId)) return;
      let typists = this.#typing.get(conversationId);
      if (!typists) this.#typing.set(conversationId, (typists = new Map()));
      if (typists.has(userId)) return;
      typists.set(userId, Date.now());
      this.#notify({ type: 'typing', conversationId });
    } else {
      this.#stopTyping(conversationId, userId);
    }
  }

  /** @internal `ConversationRef.markAsTyping()`: `userId` types in `conversationId` for 10 seconds (again from now when called again). */
  typeFor(conversationId: string, userId: string, milliseconds: number): void {
    const key = `${conversationId}\u0000${userId}`;
    clearTimeout(this.#typingTimers.get(key));
    this.setTyping(conversationId, userId, true);
    this.#typingTimers.set(
      key,
      setTimeout(() => this.#stopTyping(conversationId, userId), milliseconds),
    );
  }

  /** The ids of the users typing in `conversationId`, typing longest first. */
  typingUsers(conversationId: string): string[] {
    return [...(this.#typing.get(conversationId)?.keys() ?? [])];
  }

  /**
   * Changes a message's text (Data API `MessageRef.edit`) and sets its `editedAt`.
   *
   * @returns false when there is no such message.
   */
  editMessage(conversationId: string, messageId: string, text: string): boolean {
    const message = this.findMessage(conversationId, messageId);
    if (!message) return false;
    message.text = text;
    message.editedAt = Date.now();
    this.#notify({ type: 'messageChanged', conversationId, messageId });
    return true;
  }

  /**
   * Deletes a message (Data API `MessageRef.delete`); read positions after it move back by one.
   *
   * @returns false when there was no such message.
   */
  deleteMessage(conversationId: string, messageId: string): boolean {
    const record = this.conversations.get(conversationId);
    const index = record ? record.messages.findIndex((message) => message.id === messageId) : -1;
    if (!record || index < 0) return false;
    record.messages.splice(index, 1);
    for (const [userId, until] of record.readUntil) if (until > index) record.readUntil.set(userId, until - 1);
    this.#notify({ type: 'messageChanged', conversationId, messageId });
    return true;
  }

  /**
   * Adds (`true`) or removes (`false`) `userId`'s reaction with `emoji` to a message (Data API
   * `ReactionsRef.add` / `remove`); nothing happens when it is already so.
   *
   * @returns false when there is no such message.
   */
  setReaction(conversationId: string, messageId: string, emoji: string, userId: string, reacted: boolean): boolean {
    const message = this.findMessage(conversationId, messageId);
    if (!message) return false;
    let users = message.reactions.get(emoji);
    if (reacted === (users?.has(userId) ?? false)) return true;
    if (reacted) {
      if (!users) message.reactions.set(emoji, (users = new Map()));
      users.set(userId, Date.now());
    } else {
      users!.delete(userId);
      if (users!.size === 0) message.reactions.delete(emoji);
    }
    this.#notify({ type: 'messageChanged', conversationId, messageId });
    return true;
  }

  /** The stored message `messageId` of `conversationId`, or undefined. */
  findMessage(conversationId: string, messageId: string): FakeMessageRecord | undefined {
    return this.conversations.get(conversationId)?.messages.find((message) => message.id === messageId);
  }

  /**
   * A conversation's last activity for `userId`, as the Data API orders conversation lists: the
   * later of its last message and the time they joined.
   */
  lastActivityFor(record: FakeConversationRecord, userId: string): number {
    const last = record.messages[record.messages.length - 1]?.timestamp ?? -Infinity;
    return Math.max(last, record.participants.get(userId)?.joinedAt ?? record.createdAt);
  }

  #stopTyping(conversationId: string, userId: string): void {
    const key = `${conversationId}\u0000${userId}`;
    clearTimeout(this.#typingTimers.get(key));
    this.#typingTimers.delete(key);
    if (this.#typing.get(conversationId)?.delete(userId)) this.#notify({ type: 'typing', conversationId });
  }

  #create(id: string, createdAt = Date.now()): FakeConversationRecord {
    const record: FakeConversationRecord = {
      id,
      subject: null,
      photoUrl: null,
      welcomeMessages: null,
      custom: {},
      participants: new Map(),
      messages: [],
      readUntil: new Map(),
      createdAt,
      markedUnread: new Set(),
    };
    this.conversations.set(id, record);
    return record;
  }

  #applyUpdate(record: FakeConversationRecord, update: FakeConversationUpdate): void {
    if (update.subject !== undefined) record.subject = update.subject;
    if (update.photoUrl !== undefined) record.photoUrl = update.photoUrl;
    if (update.welcomeMessages !== undefined) record.welcomeMessages = update.welcomeMessages ? [...update.welcomeMessages] : null;
    if (update.custom !== undefined) record.custom = mergeCustom(record.custom, update.custom);
  }

  #notify(change: FakeBackendChange): void {
    this.#queue.push(change);
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const next = this.#queue.shift()!;
        for (const listener of [...this.#listeners]) listener(next);
      }
    } finally {
      this.#draining = false;
      this.#queue.length = 0;
    }
  }
}

function lastActivity(record: FakeConversationRecord): number {
  return record.messages[record.messages.length - 1]?.timestamp ?? record.createdAt;
}

function mergeCustom(current: Record<string, string>, update: Record<string, string | null> | null): Record<string, string> {
  if (update === null) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
