/**
 * `createFakeTalk()`: an in-memory stand-in for the TalkJS classic SDK's `Talk` namespace, with a
 * recorder of every call, fault injection and a shared backend.
 */
import type Talk from 'talkjs';
import type { TalkSdk } from '../internal/sdk-types.js';
import { FakeBackend } from './backend.js';
import type { FakeHtmlPanel } from './fake-html-panel.js';
import { FakeSession } from './fake-session.js';
import type { FakeChatbox, FakeInbox, FakePopup } from './fake-ui.js';
import { FakeUser } from './fake-user.js';
import { oneOnOneId } from './one-on-one-id.js';
import { currentFakeReadings } from './readings.js';
import { FakeRuntime } from './runtime.js';
import type { FakeCall, FakeLiveCounts, FakeTalkOptions } from './types.js';

/**
 * A fake `Talk` namespace (satisfies the kit's {@link TalkSdk}), plus what tests need to look
 * inside: the call log, the created objects, live counts, fault injection and the backend.
 */
export interface FakeTalk extends TalkSdk {
  /**
   * Mirrors `Talk.ready`: see {@link FakeTalkOptions.ready}. Never rejects. Before load
   * (`'manual'`, `'never'`) it is the `talkjs` package's stub thenable, not a real promise
   * (`then(f)` queues `f`; `catch()` throws); typed as a promise as the package types it.
   */
  readonly ready: Promise<void>;
  /**
   * Mirrors `Talk.Session`: `new fake.Session({ appId, userId | me, token? ... })`. `undefined`
   * before load (see {@link FakeTalkOptions.ready}), although typed as always there, as in the
   * `talkjs` package.
   */
  readonly Session: new (options: Talk.SessionOptions) => FakeSession;
  /** Mirrors `Talk.User`: `new fake.User(options)` or `new fake.User(id)`. `undefined` before load. */
  readonly User: typeof FakeUser;
  /** Mirrors `Talk.oneOnOneId(me, other)` (the SDK's algorithm, synchronous). `undefined` before load. */
  oneOnOneId(me: Talk.User | string, other: Talk.User | string): string;
  /**
   * Test helper: "loads" the SDK (option `ready: 'manual'`): fills in `Session`, `User` and
   * `oneOnOneId` on this same object, makes `ready` a resolved promise, then runs the callbacks
   * queued by `ready.then(f)` in order, settling each returned promise with `f`'s result (or
   * rejecting it with what `f` threw). Does nothing when already loaded. Throws with
   * `ready: 'never'`.
   */
  resolveReady(): void;
  /**
   * Non-SDK: what `session.hasValidCredentials()` resolves with from now on (option
   * `validCredentials`, default true).
   */
  validCredentials: boolean;
  /** Every call made on any fake object, in order (see {@link FakeCall}). Constructors are recorded as `'constructor'`. */
  readonly calls: FakeCall[];
  /** The calls of `method`, optionally only those made on `target` (a fake object, e.g. a chatbox or `session.unreads`). */
  callsTo(method: string, target?: object): FakeCall[];
  /** Every session created, in creation order. */
  readonly sessions: FakeSession[];
  /** Every chatbox created, in creation order. */
  readonly chatboxes: FakeChatbox[];
  /** Every inbox created, in creation order. */
  readonly inboxes: FakeInbox[];
  /** Every popup created (restored ones included), in creation order. */
  readonly popups: FakePopup[];
  /** Every HTML panel created, in creation order. */
  readonly htmlPanels: FakeHtmlPanel[];
  /** Counts of objects not yet destroyed and of active subscriptions; `total` is their sum. */
  live(): FakeLiveCounts;
  /**
   * Fault injection: the next call of `method` (a method name, on any fake object; `'new Session'`
   * for the Session constructor) throws `error` (default: an Error naming the method):
   * synchronously for synchronous methods, as a rejected promise for methods that return one
   * (`mount`, `select`, `createHtmlPanel`, `setDesktopNotificationEnabled`, `set`, ...). The call is
   * still recorded. Several failures can be queued; each is used once. Exception:
   * `hasValidCredentials`, which the declarations say never rejects, resolves `false` instead.
   */
  failNext(method: string, error?: unknown): void;
  /**
   * The in-memory backend: users, conversations, messages, read state, presence and typing. Its
   * changes reach the classic events and the Data API subscriptions of every session. Test
   * handles (non-SDK): `sendMessage(conversationId, senderId, text)`,
   * `setOnline(userId, online | null)` (drives `subscribeOnline`), `setTyping(conversationId,
   * userId, typing)` (drives `subscribeTyping`), `markRead`, `markUnread`, `addParticipant`, ...
   */
  readonly backend: FakeBackend;
}

/** One queued `ready.then(f)` call of the stub: `[f, resolve, reject]`, as the package's stub queues it. */
type QueuedThen = [onLoaded: unknown, resolve: (value: unknown) => void, reject: (reason: unknown) => void];

/** The `talkjs` package's stub `Talk.ready` (see node_modules/talkjs/src/index.esnext.js). */
interface ReadyStub {
  then(onLoaded?: unknown): Promise<unknown>;
  catch(): never;
  c: QueuedThen[];
}

function readyStub(): ReadyStub {
  const queue: QueuedThen[] = [];
  return {
    then(onLoaded?: unknown): Promise<unknown> {
      return new Promise((resolve, reject) => {
        queue.push([onLoaded, resolve, reject]);
      });
    },
    // The stub's `catch` is `function () { return new Promise(); }`, which throws a TypeError.
    catch(): never {
      return new (Promise as unknown as new () => never)();
    },
    c: queue,
  };
}

/** SDK members that exist only once the fake has "loaded". */
interface LoadedMembers {
  Session: new (options: Talk.SessionOptions) => FakeSession;
  User: typeof FakeUser;
  oneOnOneId: typeof oneOnOneId;
}

class FakeTalkImpl implements FakeTalk {
  /** The stub's version field (`Talk.v`), kept after load. */
  readonly v = 3;
  ready: Promise<void>;
  // `declare`: no own property until loaded, as on the package's stub.
  declare readonly Session: new (options: Talk.SessionOptions) => FakeSession;
  declare readonly User: typeof FakeUser;
  declare readonly oneOnOneId: typeof oneOnOneId;
  readonly backend: FakeBackend;
  readonly #runtime: FakeRuntime;
  readonly #mode: NonNullable<FakeTalkOptions['ready']>;

  constructor(options: FakeTalkOptions) {
    const readings = currentFakeReadings();
    this.backend = new FakeBackend({ users: options.users ?? [], conversations: options.conversations ?? [] });
    const runtime = new FakeRuntime(this.backend);
    this.#runtime = runtime;
    runtime.restoredPopup = options.restoredPopup;
    runtime.fetchTokens = options.fetchTokens ?? readings.fetchTokens;
    runtime.unreadsReplay = options.unreadsReplay ?? readings.unreadsReplay;
    runtime.restoreTiming = options.restoreTiming ?? readings.restoreTiming;
    runtime.validCredentials = options.validCredentials ?? true;
    this.#mode = options.ready ?? 'resolved';
    this.ready = readyStub() as unknown as Promise<void>;
    if (this.#mode === 'resolved') this.#load();
  }

  resolveReady(): void {
    if (this.#mode === 'never') throw new Error("[fake TalkJS] resolveReady(): this fake was created with ready: 'never'");
    this.#load();
  }

  get validCredentials(): boolean {
    return this.#runtime.validCredentials;
  }

  set validCredentials(value: boolean) {
    this.#runtime.validCredentials = value;
  }

  get calls(): FakeCall[] {
    return this.#runtime.calls;
  }

  callsTo(method: string, target?: object): FakeCall[] {
    return this.#runtime.calls.filter((call) => call.method === method && (target === undefined || call.object === target));
  }

  get sessions(): FakeSession[] {
    return this.#runtime.sessions;
  }

  get chatboxes(): FakeChatbox[] {
    return this.#runtime.chatboxes;
  }

  get inboxes(): FakeInbox[] {
    return this.#runtime.inboxes;
  }

  get popups(): FakePopup[] {
    return this.#runtime.popups;
  }

  get htmlPanels(): FakeHtmlPanel[] {
    return this.#runtime.htmlPanels;
  }

  live(): FakeLiveCounts {
    return this.#runtime.live();
  }

  failNext(method: string, error?: unknown): void {
    this.#runtime.failNext(method, error);
  }

  /** What talk.js does when it loads: completes this object in place, then flushes the stub's queue. */
  #load(): void {
    const runtime = this.#runtime;
    if (runtime.isReady) return;
    runtime.isReady = true;
    const stub = this.ready as unknown as ReadyStub;
    const members: LoadedMembers = {
      Session: class Session extends FakeSession {
        constructor(sessionOptions: Talk.SessionOptions) {
          super(runtime, sessionOptions);
        }
      },
      User: FakeUser,
      oneOnOneId,
    };
    Object.assign(this, members);
    this.ready = Promise.resolve();
    for (const [onLoaded, resolve, reject] of stub.c.splice(0)) {
      try {
        resolve(typeof onLoaded === 'function' ? (onLoaded as () => unknown)() : undefined);
      } catch (error) {
        reject(error);
      }
    }
  }
}

/**
 * Creates an independent fake `Talk` namespace: its own backend, call log and objects. Pass it
 * as `<talk-session>`'s `sdk` property. Options the declarations leave open (`unreadsReplay`,
 * `restoreTiming`, `fetchTokens`) default to the module-level readings (`setFakeReadings`,
 * initially `FAKE_READINGS.strict`).
 *
 * @example
 * ```ts
 * const fake = createFakeTalk({
 *   users: [{ id: 'alice', name: 'Alice' }, { id: 'bob', name: 'Bob' }],
 *   conversations: [{ id: 'c1', subject: 'Hello', participants: ['alice', 'bob'] }],
 * });
 * sessionElement.sdk = fake;
 * fake.backend.sendMessage('c1', 'bob', 'Hi Alice!'); // fires onMessage, unreads and Data API subscriptions
 * fake.backend.setOnline('bob', true); // session.user('bob').subscribeOnline(...) sees isConnected: true
 * fake.backend.setTyping('c1', 'bob', true); // session.conversation('c1').subscribeTyping(...) lists Bob
 * ```
 */
export function createFakeTalk(options: FakeTalkOptions = {}): FakeTalk {
  return new FakeTalkImpl(options);
}
