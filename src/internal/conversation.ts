/**
 * Which conversation a chat element shows: `conversation-id`, the `syncConversation` property, or
 * the conversation-sync attributes (`subject`, `photo-url`, `participants`, `welcome-messages`,
 * `custom`, `with-user`, `with-user-name`) that create or update it for pages without script.
 * One list of those properties ({@link CONVERSATION_KEYS}) serves the change check, the rules and
 * the sync.
 */
import { attributeName, blank } from './converters.js';
import type { TalkErrorDetail } from './errors.js';
import { clearingPatch } from './patch.js';
import { sameData } from './same-data.js';
import type { ConversationBuilder, SessionLike, Talk, TalkSdk } from './sdk-types.js';

/** What `syncConversation` takes: a builder, or a function of the session that returns one. */
export type ConversationSource = ConversationBuilder | ((session: SessionLike) => ConversationBuilder);

/** The properties of a chat element that say which conversation it shows (see the element's docs for each). */
export interface ConversationInputs {
  readonly conversationId?: string | null;
  readonly syncConversation?: ConversationSource;
  readonly asGuest?: boolean;
  readonly subject?: string;
  readonly photoUrl?: string;
  readonly participants?: string[];
  readonly welcomeMessages?: string[];
  readonly custom?: Record<string, string | null>;
  readonly withUser?: string;
  readonly withUserName?: string;
}

/** Every property that decides what is selected: a change of any of them selects again. */
export const CONVERSATION_KEYS = [
  'conversationId',
  'syncConversation',
  'asGuest',
  'subject',
  'photoUrl',
  'participants',
  'welcomeMessages',
  'custom',
  'withUser',
  'withUserName',
] as const satisfies readonly (keyof ConversationInputs)[];

/** The properties that make the element create or update the conversation (not `with-user-name`: it only names `with-user`'s user). */
const SYNC_KEYS = ['withUser', 'subject', 'photoUrl', 'participants', 'welcomeMessages', 'custom'] as const satisfies readonly (keyof ConversationInputs)[];

/**
 * The values of {@link CONVERSATION_KEYS} read once from `element` (an absent `conversationId` as
 * `null`): what the rules check, what is selected, and what the next change is compared with.
 */
export function conversationInputs(element: ConversationInputs): ConversationInputs {
  // A literal (one object shape, fast to make and read); the compiler holds it to CONVERSATION_KEYS.
  return {
    conversationId: element.conversationId ?? null,
    syncConversation: element.syncConversation,
    asGuest: element.asGuest,
    subject: element.subject,
    photoUrl: element.photoUrl,
    participants: element.participants,
    welcomeMessages: element.welcomeMessages,
    custom: element.custom,
    withUser: element.withUser,
    withUserName: element.withUserName,
  } satisfies Record<(typeof CONVERSATION_KEYS)[number], unknown>;
}

/** True when `a` and `b` (from {@link conversationInputs}) ask for the same selection. */
export function sameInputs(a: ConversationInputs, b: ConversationInputs): boolean {
  return CONVERSATION_KEYS.every((key) => sameData(a[key], b[key]));
}

/** The attribute of the first conversation-sync property that is set (`with-user`, `subject`, …), if any. */
export function syncedAttribute(inputs: ConversationInputs): string | undefined {
  const key = SYNC_KEYS.find((name) => inputs[name] !== undefined && inputs[name] !== null);
  return key && attributeName(key);
}

/** What {@link conversationRules} gives when every rule holds (the usual case): one shared list. */
const ALL_HOLD: ReadonlyArray<readonly [unknown, TalkErrorDetail]> = [0, 1, 2, 3].map(() => [false, { code: 'invalid-attribute', message: '' }] as const);

/**
 * The rules the conversation properties must keep, as `findProblem` takes them; `hasSdk`: a
 * `<talk-session>` gave the SDK. The details are made only when a rule is broken.
 */
export function conversationRules(inputs: ConversationInputs, hasSdk: boolean): ReadonlyArray<readonly [unknown, TalkErrorDetail]> {
  const synced = syncedAttribute(inputs);
  const id = blank(inputs.conversationId) ? undefined : inputs.conversationId;
  const both = !blank(inputs.withUser) && id;
  const unanchored = synced && !id && blank(inputs.withUser) && !inputs.syncConversation;
  const nameAlone = !blank(inputs.withUserName) && blank(inputs.withUser);
  const noSdk = synced && !inputs.syncConversation && !hasSdk;
  if (!both && !unanchored && !nameAlone && !noSdk) return ALL_HOLD;
  return [
    [
      both,
      {
        code: 'invalid-attribute',
        attribute: 'with-user',
        message: 'with-user and conversation-id cannot both be set: with-user picks the one-on-one conversation.',
      },
    ],
    [
      unanchored,
      { code: 'invalid-attribute', attribute: synced, message: `${synced} needs conversation-id or with-user, to know which conversation to sync.` },
    ],
    [nameAlone, { code: 'invalid-attribute', attribute: 'with-user-name', message: 'with-user-name needs with-user: the id of the user it names.' }],
    [
      noSdk,
      {
        code: 'invalid-attribute',
        attribute: synced,
        message: `${synced} needs the SDK of a <talk-session>; with the session property, use syncConversation.`,
      },
    ],
  ];
}

/** The conversation attributes the sync properties last sent, and for which conversation. */
export interface SentAttributes {
  readonly id: string;
  readonly sent: Talk.ConversationAttributes;
}

/** What to `select`, and what has to happen first. */
export interface Selection {
  /** The conversation id, builder, or `null` (nothing: an inbox shows its feed). */
  readonly conversation: string | ConversationBuilder | null;
  /** With `with-user-name`: the `createIfNotExists` of the other user, to wait for before selecting. */
  readonly first?: Promise<unknown>;
  /** With the sync properties: the attributes sent now. */
  readonly sent?: SentAttributes;
}

/**
 * What the properties ask to select: the `syncConversation` builder, else the conversation the
 * sync properties describe (see {@link syncConversation}), else `conversation-id`. Throws what
 * building the conversation threw.
 */
export function resolveSelection(inputs: ConversationInputs, session: SessionLike, sdk: TalkSdk | undefined, previous: SentAttributes | undefined): Selection {
  if (inputs.syncConversation) {
    return { conversation: typeof inputs.syncConversation === 'function' ? inputs.syncConversation(session) : inputs.syncConversation };
  }
  if (syncedAttribute(inputs)) return syncConversation(inputs, session, sdk!, previous);
  return { conversation: blank(inputs.conversationId) ? null : inputs.conversationId! };
}

/**
 * The conversation the sync properties describe, as a `ConversationBuilder`: the one-on-one
 * conversation with `with-user` (`Talk.oneOnOneId`), else `conversation-id`, with the current user
 * and `participants`, and `subject`, `photo-url`, `welcome-messages` and `custom` set. An
 * attribute removed since the last sync of the same conversation is sent as `null`
 * (`setAttributes` treats a missing field as unchanged). With `with-user-name`, `first` is the
 * `createIfNotExists` that creates the other user only if absent (never renaming an existing one).
 */
function syncConversation(inputs: ConversationInputs, session: SessionLike, sdk: TalkSdk, previous: SentAttributes | undefined): Selection {
  const other = blank(inputs.withUser) ? undefined : inputs.withUser!.trim();
  const id = other ? sdk.oneOnOneId(session.me, other) : inputs.conversationId!.trim();
  const conversation = session.getOrCreateConversation(id);
  conversation.setParticipant(session.me);
  let first: Promise<unknown> | undefined;
  if (other) {
    if (!blank(inputs.withUserName)) first = session.user(other).createIfNotExists({ name: inputs.withUserName!.trim() });
    conversation.setParticipant(new sdk.User(other));
  }
  for (const participant of inputs.participants ?? []) conversation.setParticipant(new sdk.User(participant));
  const attributes: Talk.ConversationAttributes = {};
  if (inputs.subject !== undefined && inputs.subject !== null) attributes.subject = inputs.subject;
  if (inputs.photoUrl !== undefined && inputs.photoUrl !== null) attributes.photoUrl = inputs.photoUrl;
  if (inputs.welcomeMessages !== undefined && inputs.welcomeMessages !== null) attributes.welcomeMessages = inputs.welcomeMessages;
  if (inputs.custom !== undefined && inputs.custom !== null) attributes.custom = inputs.custom;
  const patch = clearingPatch(previous?.id === id ? previous.sent : undefined, attributes);
  if (Object.keys(patch).length > 0) conversation.setAttributes(patch);
  return { conversation, first, sent: { id, sent: attributes } };
}
