/**
 * The closed list of `talk-error` codes and the shape of the event's detail.
 */

/**
 * Every code a `talk-error` event can carry. The list is closed: a new code is a new minor
 * version of the kit.
 *
 * | code | reported by | when |
 * |---|---|---|
 * | `sdk-load-failed` | `<talk-session>` | the SDK's script failed to load, or `Talk.ready` did not settle within `load-timeout` ms |
 * | `missing-app-id` | `<talk-session>` | `app-id` is absent, empty or only whitespace |
 * | `missing-user` | `<talk-session>` | neither `user-id` nor `syncUser` is given |
 * | `unknown-user` | `<talk-session>`, `<talk-online-status>` | `user-id` names a user the TalkJS app does not know (`currentUser.get()` or the Data API answers `null`); for the session, no `user-name` or `syncUser` creates it and no UI can mount for it |
 * | `unknown-conversation` | `<talk-typing-indicator>` | `conversation-id` names a conversation the current user does not take part in (the Data API answers `null`) |
 * | `invalid-credentials` | `<talk-session>` | `Session.hasValidCredentials()` answered `false`: a wrong `app-id`, or a token (from `token`, `tokenFetcher`, `token-endpoint` or `talk-token-required`) or `signature` that TalkJS rejects |
 * | `invalid-attribute` | any element | an attribute or property has a value of the wrong type or outside its allowed values, or two settings conflict |
 * | `token-fetch-failed` | `<talk-session>` | the token source (`tokenFetcher`, `token-endpoint` or a `talk-token-required` listener) failed on every attempt, for the first token or a refresh |
 * | `no-session` | UI elements | no `<talk-session>` ancestor answered and no `session` property was set within `session-timeout` ms |
 * | `sdk-error` | any element | a TalkJS SDK call threw or rejected (the `Session` constructor, `mount`, `select`, a setter, `destroy`, …); `cause` holds what the SDK threw |
 */
export const TALK_ERROR_CODES = [
  'sdk-load-failed',
  'missing-app-id',
  'missing-user',
  'unknown-user',
  'unknown-conversation',
  'invalid-credentials',
  'invalid-attribute',
  'token-fetch-failed',
  'no-session',
  'sdk-error',
] as const;

/** One of {@link TALK_ERROR_CODES}. */
export type TalkErrorCode = (typeof TALK_ERROR_CODES)[number];

/** `sdk-error` for a failed SDK call named `what` (e.g. `Chatbox.mount()`), made for `attribute` if given. */
export function sdkErrorDetail(what: string, cause: unknown, attribute?: string): TalkErrorDetail {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const where = attribute ? ` (for ${attribute})` : '';
  return { code: 'sdk-error', message: `${what}${where} failed: ${reason}`, cause, ...(attribute ? { attribute } : {}) };
}

/** `detail` of a `talk-error` event. */
export interface TalkErrorDetail {
  /** What went wrong, from the closed list {@link TALK_ERROR_CODES}. */
  readonly code: TalkErrorCode;
  /** A sentence for people, naming the element and the attribute or property concerned. */
  readonly message: string;
  /** The attribute (kebab-case) or, for properties without an attribute, the property name concerned, if any. */
  readonly attribute?: string;
  /** What the SDK or the user's callback threw, if anything. */
  readonly cause?: unknown;
}
