/**
 * The attributes and properties of `<talk-session>` (`TalkSessionProperties`) and the rules they
 * must keep, apart from the session machinery that reads them (`elements/session/talk-session.ts`).
 */
import type { PropertyDeclarations } from '@lit/reactive-element';
import {
  attributeName,
  blank,
  booleanAttribute,
  customDataAttribute,
  functionProperty,
  nonNegativeNumberAttribute,
  objectOrFunctionProperty,
  objectProperty,
  stringAttribute,
  tokenRetryProperty,
} from './converters.js';
import type { TalkErrorDetail } from './errors.js';
import type { Talk, TalkSdk } from './sdk-types.js';
import { USER_ATTRIBUTES } from './session-checks.js';
import { TalkElement } from './talk-element.js';
import type { TokenRetry } from './token-fetch.js';

/** `load-timeout` when the attribute is absent: 15 000 ms. */
export const DEFAULT_LOAD_TIMEOUT = 15_000;

/** The declared attributes and properties of `<talk-session>`, each documented with the SDK member it maps to. */
export abstract class TalkSessionProperties extends TalkElement {
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id', converter: stringAttribute },
    userId: { attribute: 'user-id', converter: stringAttribute },
    token: { converter: stringAttribute },
    signature: { converter: stringAttribute },
    desktopNotificationEnabled: { attribute: 'desktop-notification-enabled', converter: booleanAttribute },
    loadTimeout: { attribute: 'load-timeout', converter: nonNegativeNumberAttribute },
    tokenEndpoint: { attribute: 'token-endpoint', converter: stringAttribute },
    userName: { attribute: 'user-name', converter: stringAttribute },
    userEmail: { attribute: 'user-email', converter: stringAttribute },
    userPhotoUrl: { attribute: 'user-photo-url', converter: stringAttribute },
    userRole: { attribute: 'user-role', converter: stringAttribute },
    userLocale: { attribute: 'user-locale', converter: stringAttribute },
    userWelcomeMessage: { attribute: 'user-welcome-message', converter: stringAttribute },
    userCustom: { attribute: 'user-custom', converter: customDataAttribute },
    syncUser: { attribute: false, converter: objectOrFunctionProperty },
    tokenFetcher: { attribute: false, converter: functionProperty },
    tokenRetry: { attribute: false, converter: tokenRetryProperty },
    sdk: { attribute: false, converter: objectProperty },
  };

  /** Your TalkJS app's ID, from the dashboard's Settings page (`SessionOptions.appId`). Required. */
  declare appId?: string;

  /** The current user's id (`SessionOptions.userId`). Required unless `syncUser` is set. */
  declare userId?: string;

  /**
   * A JWT that authenticates the session (`SessionOptions.token`). See
   * https://talkjs.com/docs/Features/Security/Authentication/. Cannot be combined with `signature`.
   */
  declare token?: string;

  /**
   * Legacy HMAC-SHA256 signature of the user id (`SessionOptions.signature`). Prefer `token`.
   * Cannot be combined with `token`.
   */
  declare signature?: string;

  /**
   * Turns desktop notifications on or off (`Session.setDesktopNotificationEnabled`); absent leaves
   * the user's own choice alone. The string `"false"` means false. Turning them on may show the
   * browser's permission prompt, which browsers block or penalise on page load: unless
   * `Notification.permission` is already `granted`, the kit waits for the next click or key
   * press the page receives (clicks inside TalkJS's frames do not reach the page; the inbox's own
   * notification toggle covers those). A refusal by the browser is reported as `sdk-error`.
   */
  declare desktopNotificationEnabled?: boolean;

  /**
   * How long to wait for the TalkJS SDK to load, in milliseconds, before reporting
   * `sdk-load-failed`. Default 15000.
   */
  loadTimeout: number | undefined = DEFAULT_LOAD_TIMEOUT;

  /**
   * A URL that returns a fresh JWT for the user, for pages without script: the kit `POST`s
   * `{ "userId": … }` as JSON with `credentials: 'same-origin'` and accepts the token as plain text
   * or as JSON `{ "token": "…" }`. Used for the first token (unless `token` is set) and every
   * refresh, retried as `tokenRetry` says; a final failure reports `token-fetch-failed`.
   * Changing it creates a new session.
   */
  declare tokenEndpoint?: string;

  /** The user's name (`Talk.User.name`). Required with any other `user-*` attribute. */
  declare userName?: string;
  /** The user's email address (`Talk.User.email`), for email notifications. */
  declare userEmail?: string;
  /** The URL of the user's photo (`Talk.User.photoUrl`). */
  declare userPhotoUrl?: string;
  /** The user's role (`Talk.User.role`), as configured in the TalkJS dashboard. */
  declare userRole?: string;
  /** The user's locale, an IETF language tag such as `nl-NL` (`Talk.User.locale`). */
  declare userLocale?: string;
  /** The message others see when they start a chat with the user (`Talk.User.welcomeMessage`). */
  declare userWelcomeMessage?: string;
  /** Custom data for the user, as JSON with string values (`Talk.User.custom`). */
  declare userCustom?: Record<string, string | null>;

  /**
   * The user to create or update (`SessionOptions.me`): a `Talk.User`, or a function returning one
   * (called once the SDK is ready, so it may use `new Talk.User(...)`). A different user id
   * creates a new session; other changed fields update the user through
   * `session.currentUser.set()` without a new session.
   */
  declare syncUser?: Talk.User | (() => Talk.User);

  /**
   * Fetches a fresh JWT from your server (`SessionOptions.tokenFetcher`); TalkJS calls it when the
   * token is about to expire. Pass a stable function: a new function creates a new session.
   */
  declare tokenFetcher?: () => string | Promise<string>;

  /**
   * How failed token fetches (`tokenFetcher`, `token-endpoint`, `talk-token-required`) are
   * retried: `{ attempts, baseDelay, maxDelay }` (milliseconds), default `{ attempts: 4, baseDelay:
   * 500, maxDelay: 8000 }`: exponential backoff with full jitter. TalkJS does not retry on its own.
   */
  declare tokenRetry?: Partial<TokenRetry>;

  /**
   * The Talk namespace to use. Defaults to the `talkjs` package (which loads
   * https://cdn.talkjs.com/talk.js); tests and offline demos put the fake from
   * `talkjs-elements/testing` here. Changing it creates a new session.
   */
  declare sdk?: TalkSdk;
}

/** A rule as `findProblem` takes it: `[broken, what to report]`. */
type Rule = readonly [unknown, TalkErrorDetail];

/** The rules the attributes and properties of `<talk-session>` must keep, in the order they are reported. */
export function sessionRules(el: TalkSessionProperties): Rule[] {
  const self = el as unknown as Record<string, unknown>;
  const userProperty = Object.keys(USER_ATTRIBUTES).find((key) => self[key] !== undefined && self[key] !== null);
  const userAttribute = userProperty && attributeName(userProperty);
  return [
    [
      blank(el.appId),
      { code: 'missing-app-id', attribute: 'app-id', message: 'app-id is required: your TalkJS app ID, from the Settings page of the dashboard.' },
    ],
    [blank(el.userId) && !el.syncUser, { code: 'missing-user', attribute: 'user-id', message: 'user-id is required (or set the syncUser property).' }],
    [
      !blank(el.token) && !blank(el.signature),
      { code: 'invalid-attribute', attribute: 'signature', message: 'token and signature cannot both be set: use token (JWT) alone.' },
    ],
    [
      !blank(el.signature) && (el.tokenFetcher || !blank(el.tokenEndpoint)),
      {
        code: 'invalid-attribute',
        attribute: 'signature',
        message: `signature cannot be combined with ${el.tokenFetcher ? 'the tokenFetcher property' : 'token-endpoint'}: use tokens (JWT) alone.`,
      },
    ],
    [
      el.tokenFetcher && !blank(el.tokenEndpoint),
      { code: 'invalid-attribute', attribute: 'token-endpoint', message: 'token-endpoint and the tokenFetcher property cannot both be set: use one.' },
    ],
    [
      !blank(el.tokenEndpoint) && !URL.canParse(el.tokenEndpoint!.trim(), document.baseURI),
      { code: 'invalid-attribute', attribute: 'token-endpoint', message: `token-endpoint="${el.tokenEndpoint}" is not a URL.` },
    ],
    [
      el.syncUser && userProperty,
      { code: 'invalid-attribute', attribute: userAttribute, message: `${userAttribute} and the syncUser property cannot both be set: use one.` },
    ],
    [
      !el.syncUser && userProperty && blank(el.userName),
      { code: 'invalid-attribute', attribute: 'user-name', message: `user-name is required with ${userAttribute} (TalkJS users need a name).` },
    ],
    [
      el.sdk && typeof (el.sdk.ready as { then?: unknown } | undefined)?.then !== 'function',
      { code: 'invalid-attribute', attribute: 'sdk', message: 'sdk must be a Talk namespace (with ready, Session, User and oneOnOneId).' },
    ],
  ];
}

/** The rules for the user `syncUser` gave: a `Talk.User` with an id, the same as `user-id` if both are set. */
export function syncUserRules(el: TalkSessionProperties, me: Talk.User): Rule[] {
  const id = me?.id as unknown;
  const bad = typeof me !== 'object' || (typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '';
  return [
    [bad, { code: 'invalid-attribute', attribute: 'syncUser', message: 'syncUser must be a Talk.User (or a function returning one) with an id.' }],
    [
      !bad && !blank(el.userId) && el.userId!.trim() !== String(id),
      {
        code: 'invalid-attribute',
        attribute: 'user-id',
        message: `user-id="${el.userId}" conflicts with syncUser, whose id is "${String(id)}": set one of them.`,
      },
    ],
  ];
}
