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
import { FakeRuntime } from './runtime.js';
import type { FakeCall, FakeLiveCounts, FakeTalkOptions } from './types.js';

/**
 * A fake `Talk` namespace (satisfies the kit's {@link TalkSdk}), plus what tests need to look
 * inside: the call log, the created objects, live counts, fault injection and the backend.
 */
export interface FakeTalk extends TalkSdk {
  /** Mirrors `Talk.ready`: see {@link FakeTalkOptions.ready}. Never rejects. */
  readonly ready: Promise<void>;
  /** Mirrors `Talk.Session`: `new fake.Session({ appId, userId | me, token? ... })`. */
  readonly Session: new (options: Talk.SessionOptions) => FakeSession;
  /** Mirrors `Talk.User`: `new fake.User(options)` or `new fake.User(id)`. */
  readonly User: typeof FakeUser;
  /** Mirrors `Talk.oneOnOneId(me, other)` (the SDK's algorithm, synchronous). */
  oneOnOneId(me: Talk.User | string, other: Talk.User | string): string;
  /**
   * Resolves `ready` (option `ready: 'manual'`); does nothing when it has already resolved.
   * Throws with `ready: 'never'`.
   */
  resolveReady(): void;
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
   * still recorded. Several failures can be queued; each is used once.
   */
  failNext(method: string, error?: unknown): void;
  /** The in-memory backend: users, conversations, messages, read state. */
  readonly backend: FakeBackend;
}

class FakeTalkImpl implements FakeTalk {
  readonly ready: Promise<void>;
  readonly Session: new (options: Talk.SessionOptions) => FakeSession;
  readonly User = FakeUser;
  readonly oneOnOneId = oneOnOneId;
  readonly backend: FakeBackend;
  readonly #runtime: FakeRuntime;
  readonly #mode: NonNullable<FakeTalkOptions['ready']>;
  #resolve: (() => void) | undefined;

  constructor(options: FakeTalkOptions) {
    this.backend = new FakeBackend({ users: options.users ?? [], conversations: options.conversations ?? [] });
    const runtime = new FakeRuntime(this.backend);
    this.#runtime = runtime;
    runtime.restoredPopup = options.restoredPopup;
    runtime.fetchTokens = options.fetchTokens ?? false;
    this.#mode = options.ready ?? 'resolved';
    if (this.#mode === 'resolved') {
      runtime.isReady = true;
      this.ready = Promise.resolve();
    } else {
      this.ready = new Promise<void>((resolve) => {
        this.#resolve = resolve;
      });
    }
    this.Session = class Session extends FakeSession {
      constructor(sessionOptions: Talk.SessionOptions) {
        super(runtime, sessionOptions);
      }
    };
  }

  resolveReady(): void {
    if (this.#mode === 'never') throw new Error("[fake TalkJS] resolveReady(): this fake was created with ready: 'never'");
    this.#runtime.isReady = true;
    this.#resolve?.();
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
}

/**
 * Creates an independent fake `Talk` namespace: its own backend, call log and objects. Pass it
 * as `<talk-session>`'s `sdk` property.
 *
 * @example
 * ```ts
 * const fake = createFakeTalk({
 *   users: [{ id: 'alice', name: 'Alice' }, { id: 'bob', name: 'Bob' }],
 *   conversations: [{ id: 'c1', subject: 'Hello', participants: ['alice', 'bob'] }],
 * });
 * sessionElement.sdk = fake;
 * fake.backend.sendMessage('c1', 'bob', 'Hi Alice!'); // fires onMessage and unreads
 * ```
 */
export function createFakeTalk(options: FakeTalkOptions = {}): FakeTalk {
  return new FakeTalkImpl(options);
}
