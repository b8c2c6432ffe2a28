/**
 * Evaluation of the SDK's message and conversation predicates (`setMessageFilter`,
 * `setFeedFilter`), so the stand-in UI honours them.
 */
import type Talk from 'talkjs';
import type { FakeBackend, FakeConversationRecord, FakeMessageRecord } from './backend.js';

type Field<T> = Talk.FieldPredicate<T>;

function field<T>(predicate: Field<T> | undefined, value: T): boolean {
  if (!predicate) return true;
  const [op, operand] = predicate;
  switch (op) {
    case '==':
      return value === operand;
    case '!=':
      return value !== operand;
    case 'oneOf':
      return (operand as T[]).includes(value);
    case '!oneOf':
      return !(operand as T[]).includes(value);
    default:
      return true;
  }
}

function number(predicate: Talk.NumberPredicate | undefined, value: number): boolean {
  if (!predicate) return true;
  const [op, operand] = predicate;
  switch (op) {
    case '>':
      return value > operand;
    case '<':
      return value < operand;
    case '>=':
      return value >= operand;
    case '<=':
      return value <= operand;
    case 'between':
      return value >= operand[0] && value <= operand[1];
    case '!between':
      return value < operand[0] || value > operand[1];
    default:
      return true;
  }
}

function custom(predicate: { [key: string]: Talk.CustomFieldPredicate } | undefined, values: Record<string, string>): boolean {
  if (!predicate) return true;
  return Object.entries(predicate).every(([key, condition]) => {
    const has = Object.prototype.hasOwnProperty.call(values, key);
    if (condition === 'exists') return has;
    if (condition === '!exists') return !has;
    // A missing field only satisfies the negative operators.
    if (!has) return condition[0] === '!=' || condition[0] === '!oneOf';
    return field(condition, values[key]!);
  });
}

/** Whether `message` passes a `MessagePredicate` (simple or `["any", [...]]`). */
export function messageMatches(backend: FakeBackend, predicate: Talk.MessagePredicate | undefined, message: FakeMessageRecord): boolean {
  if (!predicate) return true;
  if (Array.isArray(predicate)) return predicate[1].some((p) => messageMatches(backend, p, message));
  const sender = message.senderId === null ? undefined : backend.users.get(message.senderId);
  if (predicate.sender) {
    if (message.senderId === null) return false;
    const s = predicate.sender;
    if (!field(s.id, message.senderId)) return false;
    if (!field(s.locale, sender?.locale ?? '')) return false;
    if (!field(s.role, sender?.role ?? 'default')) return false;
    if (!custom(s.custom, sender?.custom ?? {})) return false;
  }
  return (
    field(predicate.type, message.senderId === null ? 'SystemMessage' : 'UserMessage') &&
    field(predicate.origin, message.origin) &&
    custom(predicate.custom, message.custom) &&
    number(predicate.createdAt, message.timestamp)
  );
}

/** Whether `conversation` passes a `ConversationPredicate` for `userId` (simple or `["any", [...]]`). */
export function conversationMatches(
  backend: FakeBackend,
  predicate: Talk.ConversationPredicate | undefined,
  conversation: FakeConversationRecord,
  userId: string,
): boolean {
  if (!predicate) return true;
  if (Array.isArray(predicate)) return predicate[1].some((p) => conversationMatches(backend, p, conversation, userId));
  const unread = backend.unreadCount(conversation.id, userId) > 0;
  const last = conversation.messages[conversation.messages.length - 1];
  const access: Talk.ConversationAccessLevel = conversation.participants.get(userId)?.access ?? 'None';
  return (
    field(predicate.access, access) &&
    custom(predicate.custom, conversation.custom) &&
    (predicate.isUnread === undefined || predicate.isUnread === unread) &&
    (predicate.hasUnreadMessages === undefined || predicate.hasUnreadMessages === unread) &&
    field(predicate.subject, conversation.subject) &&
    (predicate.lastMessageTs === undefined || (last !== undefined && number(predicate.lastMessageTs, last.timestamp))) &&
    number(predicate.createdAt, conversation.createdAt)
  );
}

/** A Data API `NumberFilter`: as {@link number}, except that `between`'s upper bound is exclusive, as declared. */
function numberFilter(filter: Talk.NumberFilter | undefined, value: number): boolean {
  if (!filter) return true;
  if (filter[0] === 'between') return value >= filter[1][0] && value < filter[1][1];
  if (filter[0] === '!between') return value < filter[1][0] || value >= filter[1][1];
  return number(filter, value);
}

/**
 * Whether `conversation` passes a Data API `ConversationFilter` (`session.subscribeConversations({ filter })`)
 * for `userId`, a participant: simple, or `["any", [...]]`.
 */
export function conversationFilterMatches(
  backend: FakeBackend,
  filter: Talk.ConversationFilter | undefined,
  conversation: FakeConversationRecord,
  userId: string,
): boolean {
  if (!filter) return true;
  if (Array.isArray(filter)) return filter[1].some((f) => conversationFilterMatches(backend, f, conversation, userId));
  const participation = conversation.participants.get(userId);
  const unread = backend.unreadCount(conversation.id, userId) > 0 || conversation.markedUnread.has(userId);
  return (
    field(filter.access, participation?.access ?? 'Read') &&
    custom(filter.custom, conversation.custom) &&
    (filter.isUnread === undefined || filter.isUnread === unread) &&
    field(filter.subject, conversation.subject) &&
    numberFilter(filter.lastActivityAt, backend.lastActivityFor(conversation, userId)) &&
    numberFilter(filter.createdAt, conversation.createdAt) &&
    (filter.hasMessages === undefined || filter.hasMessages === conversation.messages.length > 0) &&
    numberFilter(filter.joinedAt, participation?.joinedAt ?? conversation.createdAt)
  );
}
