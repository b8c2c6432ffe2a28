/**
 * The fake `Talk.ConversationBuilder`, returned by `session.getOrCreateConversation(id)`.
 */
import type Talk from 'talkjs';
import { FakeUser } from './fake-user.js';
import type { CallSite, FakeRuntime } from './runtime.js';

/** A participant set on a builder through `setParticipant`. */
export interface FakeBuilderParticipant {
  /** The user passed to `setParticipant`. */
  readonly user: Talk.User;
  /** The settings passed to `setParticipant`. */
  readonly settings: Partial<Talk.ParticipationSettings>;
}

/**
 * Mirrors `Talk.ConversationBuilder`. Like the real one, it only records what you set; the
 * backend conversation is created or updated (attributes, participants, and the session's user
 * as a participant) when the builder is selected in a UI (`select`, `createChatbox(builder)`,
 * ...) or when its `sendMessage` is called. Calls are recorded as `'ConversationBuilder#<id>'`.
 */
export class FakeConversationBuilder implements Talk.ConversationBuilder {
  /** The conversation id (as on the real builder object). */
  readonly id: string;
  /** `ConversationBuilder.subject`. */
  subject?: string | null;
  /** `ConversationBuilder.custom`. */
  custom?: { [name: string]: string | null } | null;
  /** `ConversationBuilder.photoUrl`. */
  photoUrl?: string | null;
  /** `ConversationBuilder.welcomeMessages`. */
  welcomeMessages?: Array<string> | null;
  /** Non-SDK: the participants set through `setParticipant`, by user id. */
  readonly participants = new Map<string, FakeBuilderParticipant>();

  readonly #runtime: FakeRuntime;
  readonly #meId: string;
  readonly #site: CallSite;

  /** @internal Created by `FakeSession.getOrCreateConversation`. */
  constructor(runtime: FakeRuntime, id: string, meId: string, isLive: () => boolean) {
    this.id = id;
    this.#runtime = runtime;
    this.#meId = meId;
    this.#site = { label: `ConversationBuilder#${id}`, object: this, isLive };
  }

  /** Mirrors `ConversationBuilder.setParticipant(user, settings)`: adds or updates a participant. */
  setParticipant(user: Talk.User, settings: Partial<Talk.ParticipationSettings> = {}): void {
    this.#runtime.invoke(this.#site, 'setParticipant', [user, settings], () => {
      this.participants.set(String(user.id), { user, settings: { ...settings } });
    });
  }

  /**
   * Mirrors `ConversationBuilder.setAttributes(attributes)`: sets `subject`, `photoUrl`, `custom`,
   * `welcomeMessages`, written to the backend when the builder is next selected (or sends a
   * message). A field omitted or `undefined` stays as it is; `null` clears it. `custom` is a
   * patch: a key set to `null` is deleted, `custom: null` deletes all (patches set before the
   * next write accumulate).
   */
  setAttributes(attributes: Talk.ConversationAttributes): void {
    this.#runtime.invoke(this.#site, 'setAttributes', [attributes], () => {
      if (attributes.subject !== undefined) this.subject = attributes.subject;
      if (attributes.photoUrl !== undefined) this.photoUrl = attributes.photoUrl;
      if (attributes.custom === null) this.custom = null;
      else if (attributes.custom !== undefined) this.custom = { ...this.custom, ...attributes.custom };
      if (attributes.welcomeMessages !== undefined) this.welcomeMessages = attributes.welcomeMessages;
    });
  }

  /** Mirrors `ConversationBuilder.sendMessage(text, options)`: creates/updates the conversation and sends `text` as the session's user. */
  sendMessage(text: string, options: Talk.SendMessageOptions = {}): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'sendMessage', [text, options], () => {
      this.apply(false);
      this.#runtime.backend.sendMessage(this.id, this.#meId, text, options.custom ? { custom: options.custom } : {});
    });
  }

  /** Mirrors `ConversationBuilder.leave()`: removes the session's user; resolves with whether they were a participant. */
  leave(): Promise<boolean> {
    return this.#runtime.invokeAsync(this.#site, 'leave', [], () => this.#runtime.backend.removeParticipant(this.id, this.#meId));
  }

  /**
   * @internal Writes the builder to the backend: attributes, participants (their user data too,
   * unless constructed from an id), and the session's user unless `asGuest`.
   */
  apply(asGuest: boolean): void {
    const backend = this.#runtime.backend;
    backend.upsertConversation(this.id, {
      subject: this.subject,
      photoUrl: this.photoUrl,
      welcomeMessages: this.welcomeMessages,
      custom: this.custom,
    });
    for (const [userId, { user, settings }] of this.participants) {
      if (!(user instanceof FakeUser && user.isReference)) backend.upsertUser(user);
      backend.addParticipant(this.id, userId, settings);
    }
    if (!asGuest && !backend.isParticipant(this.id, this.#meId)) backend.addParticipant(this.id, this.#meId);
  }
}
