/**
 * The fake `Talk.User` class and the fake `session.currentUser` (`Talk.UserRef`).
 */
import type Talk from 'talkjs';
import type { FakeDataApi } from './data-api.js';
import { FakeUserOnlineSubscription, FakeUserSubscription } from './data-subscription.js';
import type { CallSite, FakeRuntime } from './runtime.js';

/**
 * Mirrors `Talk.User`: user data to synchronise (`new User(options)`) or a reference to an
 * existing user (`new User(id)`). Not recorded in `fake.calls`.
 */
export class FakeUser implements Talk.User {
  /** `User.id` (always a string, as in the SDK). */
  readonly id: string;
  /**
   * `User.name`. `undefined` for a user constructed from an id only (`new User(id)`), as in the
   * real SDK, although the declarations type it `string`.
   */
  readonly name!: string;
  /** `User.email`. */
  readonly email?: string | Array<string> | null;
  /** `User.phone`. */
  readonly phone?: string | Array<string> | null;
  /** `User.welcomeMessage`. */
  readonly welcomeMessage?: string | null;
  /** `User.photoUrl`. */
  readonly photoUrl?: string | null;
  /** `User.role`. */
  readonly role?: string | null;
  /** `User.configuration` (deprecated alias of `role`). */
  readonly configuration?: string | null;
  /** `User.custom`. */
  readonly custom?: { [name: string]: string | null } | null;
  /** `User.availabilityText`. */
  readonly availabilityText?: string | null;
  /** `User.locale`. */
  readonly locale?: string | null;
  /**
   * Non-SDK: true when constructed from an id only (`new User(id)`): such a user refers to an
   * existing one and its data is not synchronised to the backend.
   */
  readonly isReference: boolean;

  /** Mirrors `new Talk.User(options)`: user data, synchronised when used (session `me`, `setParticipant`). */
  constructor(options: Talk.UserOptions);
  /** Mirrors `new Talk.User(id)`: a reference to a user that already exists. */
  constructor(id: string | number);
  constructor(optionsOrId: Talk.UserOptions | string | number) {
    if (typeof optionsOrId === 'string' || typeof optionsOrId === 'number') {
      this.id = String(optionsOrId);
      this.isReference = true;
      return;
    }
    if (!optionsOrId || optionsOrId.id === undefined || optionsOrId.id === null) {
      throw new TypeError('[fake TalkJS] new User(options): options.id is required');
    }
    const { id, ...rest } = optionsOrId;
    Object.assign(this, rest);
    this.id = String(id);
    this.name = optionsOrId.name;
    this.isReference = false;
  }
}

/**
 * Mirrors a Data API `Talk.UserRef` (`session.currentUser`, `session.user(id)`): `id`, `get()`,
 * `set()`, `createIfNotExists()`, `subscribe()` and `subscribeOnline()`. One object per session
 * and user id. Recorded as `'UserRef#<id>'`.
 */
export class FakeUserRef implements Talk.UserRef {
  /** `UserRef.id`: the referenced user's id. */
  readonly id: string;
  readonly #runtime: FakeRuntime;
  readonly #site: CallSite;
  readonly #data: FakeDataApi;

  /** @internal Created by the session (`currentUser`, `user(id)`). */
  constructor(data: FakeDataApi, id: string) {
    this.id = id;
    this.#runtime = data.runtime;
    this.#data = data;
    this.#site = { label: `UserRef#${id}`, object: this, isLive: data.isLive };
  }

  /**
   * Mirrors `UserRef.subscribe(onSnapshot)`: the `UserSnapshot`, `null` while the user does not
   * exist; called again "when the user is created or the snapshot changes". Timing: see
   * `FakeSubscriptionBase` (first snapshot a macrotask after subscribing).
   */
  subscribe(onSnapshot?: (event: Talk.UserSnapshot | null) => void): FakeUserSubscription {
    return this.#runtime.invokeSubscribe(this.#site, 'subscribe', [onSnapshot], (failure) => {
      return new FakeUserSubscription(this.#data, onSnapshot, failure, () => this.#data.snapshots.user(this.id));
    });
  }

  /**
   * Mirrors `UserRef.subscribeOnline(onSnapshot)`: `{ user, isConnected }`, `null` while the user
   * does not exist. `isConnected` is true while the user has a live fake session, unless a test
   * set it with the non-SDK `fake.backend.setOnline(userId, online)`.
   */
  subscribeOnline(onSnapshot?: (event: Talk.UserOnlineSnapshot | null) => void): FakeUserOnlineSubscription {
    return this.#runtime.invokeSubscribe(this.#site, 'subscribeOnline', [onSnapshot], (failure) => {
      return new FakeUserOnlineSubscription(this.#data, onSnapshot, failure, () => this.#data.snapshots.online(this.id));
    });
  }

  /** Mirrors `UserRef.get()`: resolves with the user's snapshot, or `null` when the backend does not know them. */
  get(): Promise<Talk.UserSnapshot | null> {
    return this.#runtime.invokeAsync(this.#site, 'get', [], () =>
      this.#runtime.backend.users.has(this.id) ? this.#runtime.backend.userSnapshot(this.id) : null,
    );
  }

  /**
   * Mirrors `UserRef.set(params)`: "Sets properties of this user. The user is created if a user
   * with this ID doesn't already exist." A field omitted or `undefined` stays unchanged, `null`
   * resets it to the default; `custom` is a patch (a key set to `null` is deleted, `custom: null`
   * deletes all). Rejects when the user does not exist yet and no `name` is given ("`name` is
   * required when creating a user"), or when `name` is not a non-empty string.
   */
  set(params: Talk.SetUserParams): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'set', [params], () => {
      const backend = this.#runtime.backend;
      if (!params || typeof params !== 'object') throw new TypeError(`[fake TalkJS] ${this.#site.label}.set(params): params must be an object`);
      if (params.name !== undefined && (typeof params.name !== 'string' || params.name === '')) {
        throw new Error(`[fake TalkJS] ${this.#site.label}.set(): name must be a non-empty string`);
      }
      if (!backend.users.has(this.id) && params.name === undefined) {
        throw new Error(`[fake TalkJS] ${this.#site.label}.set(): \`name\` is required when creating a user (user "${this.id}" does not exist yet)`);
      }
      backend.upsertUser({ ...params, id: this.id });
    });
  }

  /**
   * Mirrors `UserRef.createIfNotExists(params)`: "Creates a user with this ID, or does nothing if
   * a user with this ID already exists." Resolves in both cases. Rejects when the user must be
   * created and `params.name` is missing (`CreateUserParams.name` is required).
   */
  createIfNotExists(params: Talk.CreateUserParams): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'createIfNotExists', [params], () => {
      const backend = this.#runtime.backend;
      if (backend.users.has(this.id)) return;
      if (!params || typeof params.name !== 'string' || params.name === '') {
        throw new Error(`[fake TalkJS] ${this.#site.label}.createIfNotExists(params): params.name is required to create user "${this.id}"`);
      }
      backend.upsertUser({ ...params, id: this.id });
    });
  }
}
