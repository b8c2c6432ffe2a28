/**
 * The fake `Talk.User` class and the fake `session.currentUser` (`Talk.UserRef`).
 */
import type Talk from 'talkjs';
import type { CallSite, FakeRuntime } from './runtime.js';

/**
 * Mirrors `Talk.User`: user data to synchronise (`new User(options)`) or a reference to an
 * existing user (`new User(id)`). Not recorded in `fake.calls`.
 */
export class FakeUser implements Talk.User {
  /** `User.id` (always a string, as in the SDK). */
  readonly id: string;
  /** `User.name`. For a user constructed from an id only, the id (the real SDK leaves it unset). */
  readonly name: string;
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
      this.name = this.id;
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
 * Mirrors `session.currentUser` (`Talk.UserRef`): `id`, `get()` and `set()`. Recorded as
 * `'UserRef#<id>'`.
 */
export class FakeUserRef implements Pick<Talk.UserRef, 'id' | 'get' | 'set'> {
  /** `UserRef.id`: the session's user id. */
  readonly id: string;
  readonly #runtime: FakeRuntime;
  readonly #site: CallSite;

  /** @internal Created by the session. */
  constructor(runtime: FakeRuntime, id: string, isLive: () => boolean) {
    this.id = id;
    this.#runtime = runtime;
    this.#site = { label: `UserRef#${id}`, object: this, isLive };
  }

  /** Mirrors `UserRef.get()`: resolves with the user's snapshot, or `null` when the backend does not know them. */
  get(): Promise<Talk.UserSnapshot | null> {
    return this.#runtime.invokeAsync(this.#site, 'get', [], () =>
      this.#runtime.backend.users.has(this.id) ? this.#runtime.backend.userSnapshot(this.id) : null,
    );
  }

  /** Mirrors `UserRef.set(params)`: creates or updates the user in the backend, then resolves. */
  set(params: Talk.SetUserParams): Promise<void> {
    return this.#runtime.invokeAsync(this.#site, 'set', [params], () => {
      this.#runtime.backend.upsertUser({ ...params, id: this.id });
    });
  }
}
