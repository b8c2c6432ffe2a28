/**
 * What `<talk-session>` makes sure of before any chat UI mounts, as the `talkjs` declarations
 * require: the credentials (`Session.hasValidCredentials()`) and the user ("you cannot mount a
 * Chat UI before creating your user"), and the user data behind the `user-*` attributes.
 */
import type { TalkErrorDetail } from './errors.js';
import type { SessionLike, Talk } from './sdk-types.js';

/** The `user-*` properties of `<talk-session>` and the `Talk.User` fields they set. */
export const USER_ATTRIBUTES = {
  userName: 'name',
  userEmail: 'email',
  userPhotoUrl: 'photoUrl',
  userRole: 'role',
  userLocale: 'locale',
  userWelcomeMessage: 'welcomeMessage',
  userCustom: 'custom',
} as const;

/**
 * The user a session is for: `me` (from `syncUser`, passed as `SessionOptions.me`), or `data`
 * (from the `user-*` attributes, sent with `currentUser.set` after the session starts), or
 * neither (`user-id` alone: the user must already exist).
 */
export interface SessionUser {
  readonly me?: Talk.User;
  readonly data?: Talk.SetUserParams;
}

/** The credentials a session was made with, for the `invalid-credentials` message. */
export interface SessionCredentials {
  readonly appId: string;
  readonly userId: string;
  readonly token: string | undefined;
  readonly signature: string | undefined;
  readonly tokenFetcher: unknown;
  readonly tokenEndpoint: string | undefined;
}

/** The user fields `Talk.User` carries that `UserRef.set()` can update (those that are set). */
export function userData(user: Talk.User): Talk.SetUserParams {
  const data: Record<string, unknown> = {};
  for (const key of ['name', 'email', 'phone', 'photoUrl', 'welcomeMessage', 'role', 'locale', 'custom'] as const) {
    if (user[key] !== undefined && user[key] !== null) data[key] = user[key];
  }
  return data as Talk.SetUserParams;
}

/** `SetUserParams` from the `user-*` properties of `element` that are set. */
export function userDataFromAttributes(element: object): Talk.SetUserParams {
  const data: Record<string, unknown> = {};
  for (const [property, field] of Object.entries(USER_ATTRIBUTES)) {
    const value = (element as Record<string, unknown>)[property];
    if (value !== undefined && value !== null) data[field] = value;
  }
  return data as Talk.SetUserParams;
}

/** Calls `call`; a throw becomes a rejection. */
function attempt<T>(call: () => T | PromiseLike<T>): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

const reason = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/**
 * Checks a new session, both at once: its credentials (`hasValidCredentials()`, which never
 * rejects; a session without it counts as valid) and its user (written with `currentUser.set`
 * from the `user-*` attributes, or looked up with `currentUser.get` for `user-id` alone; a `me`
 * user is synced by TalkJS itself). Resolves with the problem to report, or `undefined`.
 */
export async function checkSession(session: SessionLike, user: SessionUser, credentials: SessionCredentials): Promise<TalkErrorDetail | undefined> {
  const valid = typeof session.hasValidCredentials === 'function' ? attempt(() => session.hasValidCredentials()).catch(() => true) : Promise.resolve(true);
  const userProblem: Promise<TalkErrorDetail | undefined> = user.me
    ? Promise.resolve(undefined)
    : user.data
      ? attempt(() => session.currentUser.set(user.data!)).then(
          () => undefined,
          (cause: unknown) => ({
            code: 'sdk-error',
            attribute: 'user-name',
            message: `Session.currentUser.set() (for user-name and the other user-* attributes) failed: ${reason(cause)}`,
            cause,
          }),
        )
      : attempt(() => session.currentUser.get()).then(
          (snapshot) => (snapshot ? undefined : unknownUser(credentials.userId)),
          (cause: unknown) => ({ code: 'sdk-error', attribute: 'user-id', message: `Session.currentUser.get() failed: ${reason(cause)}`, cause }),
        );
  const [ok, problem] = await Promise.all([valid, userProblem]);
  return ok === false ? invalidCredentials(credentials) : problem;
}

/** `unknown-user`: the message names the user and how to create it. */
function unknownUser(userId: string): TalkErrorDetail {
  return {
    code: 'unknown-user',
    attribute: 'user-id',
    message:
      `user-id="${userId}" is not a user of this TalkJS app, and no chat can mount before the user exists. ` +
      'Create it: add user-name (and any other user-* attribute) to create it from this page, set the syncUser property, or create it from your server with the REST API.',
  };
}

/** `invalid-credentials`: the message names `app-id` and where the token came from. */
function invalidCredentials(credentials: SessionCredentials): TalkErrorDetail {
  const source =
    credentials.token !== undefined
      ? 'token'
      : credentials.tokenFetcher
        ? 'tokenFetcher'
        : credentials.tokenEndpoint
          ? 'token-endpoint'
          : credentials.signature
            ? 'signature'
            : undefined;
  const what = source ? `app-id="${credentials.appId}" or the credentials from ${source}` : `app-id="${credentials.appId}"`;
  return {
    code: 'invalid-credentials',
    attribute: 'app-id',
    message: `TalkJS rejected ${what} (Session.hasValidCredentials() is false): check the app ID on the dashboard's Settings page${source ? ` and that ${source} gives a token for this app and user` : ''}.`,
  };
}
