/**
 * A property-based model test of lifecycles and races (fast-check): random sequences of
 * creating, connecting, moving (within the light DOM and into a shadow root), removing,
 * re-parenting, attribute changes (identity, conversation, recreating and live options),
 * SDK readiness, element definition order and mounts held pending, against the fake SDK.
 *
 * Shared sessions: in about half the sequences s0 and s1 use one fake (the same `sdk`) and start
 * with one identity (app, user, token), so they share one `Talk.Session` until an attribute step
 * tells them apart; in the others each has a fake of its own.
 *
 * After every step:
 *  - at most one live session per `<talk-session>` on each fake, never two live ones of one
 *    identity, and when a new one is constructed none alive on its fake (on a shared fake: at
 *    most the other element's, of another identity);
 *  - every live UI object is held by exactly one element, and every UI object a connected
 *    element holds is alive; its session is the ready session (credentials and user checked,
 *    `session` property set) of a `<talk-session>` (the elements: two sessions, two chatboxes, an inbox, a popup,
 *    an unread badge, a `<talk-online-status>`, a `<talk-typing-indicator>` and a Lit host with a
 *    `MessagesController`);
 *  - no more live Data API subscriptions than connected live-data elements (the last three);
 * after every `tick` (two tasks: past the kit's one-task removal check), in addition:
 *  - every live UI object's element is connected, and the object is on the live session of
 *    that element's nearest defined `<talk-session>` (across shadow roots), which is connected;
 *  - a disconnected `<talk-session>` holds no session, and each fake has at most as many live
 *    sessions as distinct identities among its connected `<talk-session>` elements;
 *  - every live Data API subscription is on the live session of a connected `<talk-session>`,
 *    and there are at most as many on it as connected live-data elements below the elements
 *    holding it that name a user or conversation (none twice, none left behind by a move or a
 *    removal);
 * at the end of a sequence (everything defined, ready resolved, mounts released): every
 * connected element reaches its working state (nothing lost; each live-data element below a
 * session subscribed exactly once), two connected session elements on one fake hold the same
 * session exactly when their identities match, and no live session is left that no connected
 * element holds; then, with everything removed,
 * zero live SDK objects and zero subscriptions on every fake. Throughout: no unhandled
 * rejection, no exception out of a callback (window `error`), no `talk-error`, no console.error.
 *
 * Sequences: `RACE_SEQUENCES` (default 500); seed: `RACE_SEED` (default: random, printed).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type Talk from 'talkjs';
import { LitElement, type PropertyDeclarations } from 'lit';
import { MessagesController } from '../src/controllers/index.js';
import {
  TalkChatboxElement,
  TalkInboxElement,
  TalkOnlineStatusElement,
  TalkPopupElement,
  TalkSessionElement,
  TalkTypingIndicatorElement,
  TalkUnreadBadgeElement,
} from '../src/index.js';
import { FakeChatbox, FakeConversationRef, FakeInbox, FakePopup, FakeSession, FakeUserRef } from '../src/testing/index.js';
import { expectNoLeaks, nextTask, onCleanup, sampleFake, until, type FakeBox, type FakeTalk } from './helpers.js';

declare global {
  interface Window {
    TEST_ENV?: { RACE_SEQUENCES?: string; RACE_SEED?: string };
  }
}

const env = window.TEST_ENV ?? {};
const SEQUENCES = Number(env.RACE_SEQUENCES) > 0 ? Math.floor(Number(env.RACE_SEQUENCES)) : 500;
const SEED =
  env.RACE_SEED !== undefined && env.RACE_SEED !== '' && Number.isFinite(Number(env.RACE_SEED)) ? Number(env.RACE_SEED) : (Math.random() * 2 ** 31) >>> 0;

// ---------------------------------------------------------------------------------------------
// The actions

type SessionName = 's0' | 's1';
type UiName = 'u0' | 'u1' | 'u2' | 'u3' | 'u4' | 'u5' | 'u6' | 'u7';
type ContainerName = 'A' | 'H';
type Kind = 'session' | 'chatbox' | 'inbox' | 'popup' | 'badge' | 'online' | 'typing' | 'live';
/** Where an element can go: the root, two light-DOM containers, H's shadow root (S), or a session. */
type Place = 'root' | 'A' | 'B' | 'S' | SessionName;

type Action =
  | { t: 'place'; el: SessionName | UiName | ContainerName; to: Place; first: boolean }
  | { t: 'remove'; el: SessionName | UiName }
  | { t: 'bounce'; el: SessionName | UiName }
  | { t: 'session-attr'; s: SessionName; name: 'app-id' | 'user-id' | 'token'; value: string | null }
  | { t: 'ui-attr'; u: UiName; name: 'conversation-id' | 'user-id' | 'show-chat-header' | 'theme' | 'highlighted-words' | 'show'; value: string | null }
  | { t: 'ready'; s: SessionName }
  | { t: 'define'; kind: Kind }
  | { t: 'hold' }
  | { t: 'release' }
  | { t: 'micro' }
  | { t: 'tick' };

const UI_KINDS: Record<UiName, Exclude<Kind, 'session'>> = {
  u0: 'chatbox',
  u1: 'inbox',
  u2: 'popup',
  u3: 'chatbox',
  u4: 'badge',
  u5: 'online',
  u6: 'typing',
  u7: 'live',
};
/** The live-data elements: each follows one user or conversation through a Data API subscription. */
const DATA_KINDS: ReadonlySet<Kind> = new Set<Kind>(['online', 'typing', 'live']);

const sessionName = fc.constantFrom<SessionName>('s0', 's1');
const uiName = fc.constantFrom<UiName>('u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7');
/** The chat UIs and the badge (the attribute actions below are theirs). */
const chatUiName = fc.constantFrom<UiName>('u0', 'u1', 'u2', 'u3', 'u4');

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('place' as const), el: sessionName, to: fc.constantFrom<Place>('root', 'A', 'B', 'S'), first: fc.boolean() }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      t: fc.constant('place' as const),
      el: uiName,
      to: fc.constantFrom<Place>('root', 'A', 'S', 's0', 's1', 's0', 's1'),
      first: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('place' as const),
      el: fc.constantFrom<ContainerName>('A', 'H'),
      to: fc.constantFrom<Place>('root', 's0', 's1'),
      first: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('remove' as const), el: fc.oneof(sessionName, uiName) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('bounce' as const), el: fc.oneof(sessionName, uiName) }) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.record({ t: fc.constant('session-attr' as const), s: sessionName, name: fc.constant('app-id' as const), value: fc.constantFrom('tA', 'tB') }),
      fc.record({ t: fc.constant('session-attr' as const), s: sessionName, name: fc.constant('user-id' as const), value: fc.constantFrom('alice', 'bob') }),
      fc.record({
        t: fc.constant('session-attr' as const),
        s: sessionName,
        name: fc.constant('token' as const),
        value: fc.constantFrom('jwt-1', 'jwt-2', null),
      }),
    ),
  },
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: chatUiName,
        name: fc.constant('conversation-id' as const),
        value: fc.constantFrom('order-1', 'order-2', null),
      }),
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: chatUiName,
        name: fc.constant('show-chat-header' as const),
        value: fc.constantFrom('true', 'false', null),
      }),
      fc.record({ t: fc.constant('ui-attr' as const), u: chatUiName, name: fc.constant('theme' as const), value: fc.constantFrom('dark', 'light', null) }),
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: chatUiName,
        name: fc.constant('highlighted-words' as const),
        value: fc.constantFrom('late', 'ship,late', null),
      }),
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: fc.constant('u2' as const),
        name: fc.constant('show' as const),
        value: fc.constantFrom('', 'false', null),
      }),
      // The live-data elements: known users and a conversation both alice and bob are in (an
      // unknown one is bad input, with its own talk-error), or none.
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: fc.constant('u5' as const),
        name: fc.constant('user-id' as const),
        value: fc.constantFrom('bob', 'alice', null),
      }),
      fc.record({
        t: fc.constant('ui-attr' as const),
        u: fc.constantFrom<UiName>('u6', 'u7'),
        name: fc.constant('conversation-id' as const),
        value: fc.constantFrom('order-1', null),
      }),
    ),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('ready' as const), s: sessionName }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('define' as const),
      kind: fc.constantFrom<Kind>('session', 'chatbox', 'inbox', 'popup', 'badge', 'online', 'typing', 'live'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'hold' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'release' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'micro' as const }) },
  { weight: 5, arbitrary: fc.constant({ t: 'tick' as const }) },
);

const ALL_KINDS: Kind[] = ['session', 'chatbox', 'inbox', 'popup', 'badge', 'online', 'typing', 'live'];

/**
 * One sequence: which kinds are defined from the start (often all of them), whether s0 and s1
 * use one fake (`oneSdk`: both start as alice on tA, so they share one session until an
 * `app-id`, `user-id` or `token` step tells them apart) or one each, how each session's SDK
 * becomes ready (with one fake: s0's mode), where each element is placed at the start (synchronously, in this order;
 * `null`: not created yet), then the actions.
 */
const scenarioArb = fc.record({
  definedAtStart: fc.oneof({ weight: 2, arbitrary: fc.constant(ALL_KINDS) }, { weight: 1, arbitrary: fc.subarray<Kind>(ALL_KINDS) }),
  oneSdk: fc.boolean(),
  initial: fc.record({
    s0: fc.constantFrom<Place | null>(null, 'root', 'A', 'S'),
    s1: fc.constantFrom<Place | null>(null, 'root', 'B', 'S'),
    u0: fc.constantFrom<Place | null>(null, 's0', 's1', 'S'),
    u1: fc.constantFrom<Place | null>(null, 's0', 's1', 'A'),
    u2: fc.constantFrom<Place | null>(null, 's0', 's1', 'root'),
    u3: fc.constantFrom<Place | null>(null, 's0', 's1', 'S'),
    u4: fc.constantFrom<Place | null>(null, 's0', 's1', 'A'),
    u5: fc.constantFrom<Place | null>(null, 's0', 's1', 'S'),
    u6: fc.constantFrom<Place | null>(null, 's0', 's1', 'A'),
    u7: fc.constantFrom<Place | null>(null, 's0', 's1', 'S'),
  }),
  readyMode: fc.tuple(fc.constantFrom<'resolved' | 'manual'>('resolved', 'manual'), fc.constantFrom<'resolved' | 'manual'>('resolved', 'manual')),
  actions: fc.array(actionArb, { minLength: 1, maxLength: 50, size: 'max' }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function describeAction(action: Action): string {
  switch (action.t) {
    case 'place':
      return `${action.first ? 'prepend' : 'append'} ${action.el} → ${action.to}`;
    case 'remove':
    case 'bounce':
      return `${action.t} ${action.el}`;
    case 'session-attr':
      return `${action.s}[${action.name}] = ${JSON.stringify(action.value)}`;
    case 'ui-attr':
      return `${action.u}[${action.name}] = ${JSON.stringify(action.value)}`;
    case 'ready':
      return `resolveReady ${action.s}`;
    case 'define':
      return `define ${action.kind}`;
    default:
      return action.t;
  }
}

function describeScenario(scenario: Scenario): string {
  return [
    `defined at start: [${scenario.definedAtStart.join(', ')}]; ` +
      (scenario.oneSdk
        ? `one fake for s0 and s1 (both alice on tA at first), ready: ${scenario.readyMode[0]}`
        : `one fake each, ready: s0 ${scenario.readyMode[0]}, s1 ${scenario.readyMode[1]}`),
    `placed at start: ${
      Object.entries(scenario.initial)
        .filter(([, place]) => place !== null)
        .map(([el, place]) => `${el} → ${place}`)
        .join(', ') || 'nothing'
    }`,
    ...scenario.actions.map((action, i) => `  ${String(i + 1).padStart(2)}. ${describeAction(action)}`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Waiting

/** A task that does not nest timers (a message task), so the next setTimeout(0) is not clamped. */
const messageTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
const timerTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Two tasks, past the kit's one-task removal check (a setTimeout(0) set before this). */
async function tick(): Promise<void> {
  await messageTask();
  await timerTask();
  await messageTask();
  await timerTask();
}

// ---------------------------------------------------------------------------------------------
// Mount gating: while held, every fake UI's mount() stays pending until released.

const gate = { held: false, pending: [] as Array<() => void> };
const originalMounts = new Map<{ prototype: { mount: unknown } }, unknown>();

function installMountGate(): void {
  for (const Box of [FakeChatbox, FakeInbox, FakePopup] as Array<{ prototype: { mount: (...args: unknown[]) => Promise<void> } }>) {
    const original = Box.prototype.mount;
    originalMounts.set(Box, original);
    Box.prototype.mount = function (this: unknown, ...args: unknown[]): Promise<void> {
      const mounting = original.apply(this, args);
      if (!gate.held) return mounting;
      return mounting.then(() => new Promise<void>((resolve) => gate.pending.push(resolve)));
    };
  }
}

function releaseMounts(): void {
  for (const resolve of gate.pending.splice(0)) resolve();
}

function uninstallMountGate(): void {
  gate.held = false;
  releaseMounts();
  for (const [Box, original] of originalMounts) (Box.prototype as { mount: unknown }).mount = original;
  originalMounts.clear();
}

// ---------------------------------------------------------------------------------------------
// Data API subscriptions: every one the live-data elements make, with the session it is on.

/** The session each user and conversation ref belongs to (`session.user(id)`, `session.conversation(id)`). */
const refSessions = new WeakMap<object, FakeSession>();
/** Every Data API subscription made through a user or conversation ref, with its session. */
const dataSubscriptions: Array<{ readonly subscription: { readonly state: { readonly type: string } }; readonly session: FakeSession | undefined }> = [];
const originalMethods: Array<[object, string, unknown]> = [];

function wrapMethod(proto: object, name: string, after: (self: object, result: unknown) => void): void {
  const original = (proto as Record<string, (...args: unknown[]) => unknown>)[name]!;
  originalMethods.push([proto, name, original]);
  (proto as Record<string, unknown>)[name] = function (this: object, ...args: unknown[]) {
    const result = original.apply(this, args);
    after(this, result);
    return result;
  };
}

function installSubscriptionProbe(): void {
  for (const name of ['user', 'conversation'])
    wrapMethod(FakeSession.prototype, name, (session, ref) => refSessions.set(ref as object, session as FakeSession));
  const record = (ref: object, subscription: unknown) =>
    dataSubscriptions.push({ subscription: subscription as { state: { type: string } }, session: refSessions.get(ref) });
  for (const name of ['subscribe', 'subscribeOnline']) wrapMethod(FakeUserRef.prototype, name, record);
  for (const name of ['subscribe', 'subscribeMessages', 'subscribeTyping']) wrapMethod(FakeConversationRef.prototype, name, record);
}

function uninstallSubscriptionProbe(): void {
  for (const [proto, name, original] of originalMethods.splice(0)) (proto as Record<string, unknown>)[name] = original;
}

/** The Data API subscriptions not yet ended (pending or active), by session. */
function liveDataSubscriptions(): Map<FakeSession | undefined, number> {
  const counts = new Map<FakeSession | undefined, number>();
  for (const { subscription, session } of dataSubscriptions) {
    const type = subscription.state.type;
    if (type === 'pending' || type === 'active') counts.set(session, (counts.get(session) ?? 0) + 1);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Shared sessions: what makes one (the app, the user and the token; the model sets no signature,
// token source or syncUser), and what each `Session` construction saw on its fake.

/** A session identity as the model varies it: `app-id`, `user-id`, `token` (blank: none). */
function identityKey(appId: string | null | undefined, userId: string | null | undefined, token: string | null | undefined): string {
  return JSON.stringify([appId?.trim() ?? null, userId?.trim() ?? null, token === null || token === undefined || token.trim() === '' ? null : token]);
}

/** The identity a live SDK session was made for (from its constructor options). */
function sessionKey(session: FakeSession): string {
  const options = session.options as { appId?: string; userId?: string; token?: string };
  return identityKey(options.appId, options.userId, options.token);
}

/** What a `Session` construction saw on its fake: the live sessions, and those among them of the same identity. */
interface Construction {
  readonly live: number;
  readonly sameIdentity: number;
}

/** Records, at each `new Session()` on `fake`, the live sessions already there (and of the same identity). */
function probeConstructions(fake: FakeTalk): Construction[] {
  const seen: Construction[] = [];
  const Base = fake.Session;
  const Probed = class extends Base {
    constructor(options: Talk.SessionOptions) {
      const live = fake.sessions.filter((session) => session.isAlive);
      const key = identityKey(options.appId, options.userId, options.token);
      seen.push({ live: live.length, sameIdentity: live.filter((session) => sessionKey(session) === key).length });
      super(options);
    }
  };
  Object.defineProperty(fake, 'Session', { value: Probed, configurable: true });
  return seen;
}

/** A Lit element of an app's own, following one conversation's messages (`conversation-id`) through a `MessagesController`. */
class LiveHost extends LitElement {
  static override properties: PropertyDeclarations = { conversationId: { attribute: 'conversation-id' } };
  declare conversationId: string | undefined;
  /** Long enough never to end a sequence: outside any session the host waits (`loading`). */
  readonly sessionTimeout = 60_000;
  readonly data = new MessagesController(this, () => this.conversationId);
  get status(): string {
    return this.data.status;
  }
}

// ---------------------------------------------------------------------------------------------
// One sequence

let tagCounter = 0;

/** What a sequence did, for the figures. */
const totals = {
  sequences: 0,
  steps: 0,
  ticks: 0,
  sessionsCreated: 0,
  uisCreated: 0,
  sdkSessions: 0,
  sdkUis: 0,
  mounted: 0,
  dataSubscriptions: 0,
  warnings: 0,
  /** Sequences with one fake for s0 and s1, and those of them ending with both connected on one shared session. */
  oneSdk: 0,
  sharedAtSettle: 0,
};

type UiElement =
  TalkChatboxElement | TalkInboxElement | TalkPopupElement | TalkUnreadBadgeElement | TalkOnlineStatusElement | TalkTypingIndicatorElement | LiveHost;

class World {
  readonly root = document.createElement('div');
  readonly containers: Record<'A' | 'B' | 'H', HTMLDivElement> = {
    A: document.createElement('div'),
    B: document.createElement('div'),
    H: document.createElement('div'),
  };
  readonly shadow: ShadowRoot;
  readonly tags: Record<Kind, string>;
  readonly classes: Record<Kind, CustomElementConstructor>;
  readonly defined = new Set<Kind>();
  readonly fakes: Record<SessionName, FakeTalk>;
  /** The distinct fakes: one per session element, or one for both (`oneSdk`). */
  readonly fakeList: FakeTalk[];
  /** What each `Session` construction saw on its fake (see {@link probeWhenLoaded}). */
  readonly probes = new Map<FakeTalk, Construction[]>();
  readonly sessions = new Map<SessionName, TalkSessionElement>();
  readonly uis = new Map<UiName, UiElement>();
  readonly problems: string[] = [];
  readonly #cleanups: Array<() => void> = [];

  constructor(scenario: Scenario) {
    const n = ++tagCounter;
    this.tags = {
      session: `race${n}-session`,
      chatbox: `race${n}-chatbox`,
      inbox: `race${n}-inbox`,
      popup: `race${n}-popup`,
      badge: `race${n}-badge`,
      online: `race${n}-online`,
      typing: `race${n}-typing`,
      live: `race${n}-live`,
    };
    this.classes = {
      session: class extends TalkSessionElement {},
      chatbox: class extends TalkChatboxElement {},
      inbox: class extends TalkInboxElement {},
      popup: class extends TalkPopupElement {},
      badge: class extends TalkUnreadBadgeElement {},
      online: class extends TalkOnlineStatusElement {},
      typing: class extends TalkTypingIndicatorElement {},
      live: class extends LiveHost {},
    };
    dataSubscriptions.length = 0;
    const s0Fake = sampleFake({ ready: scenario.readyMode[0] });
    this.fakes = { s0: s0Fake, s1: scenario.oneSdk ? s0Fake : sampleFake({ ready: scenario.readyMode[1] }) };
    this.fakeList = [...new Set(Object.values(this.fakes))];
    if (scenario.oneSdk) totals.oneSdk++;
    for (const name of ['s0', 's1'] as const) this.probeWhenLoaded(name);
    this.root.id = `race-root-${n}`;
    this.shadow = this.containers.H.attachShadow({ mode: 'open' });
    this.root.append(this.containers.A, this.containers.B, this.containers.H);
    document.body.append(this.root);
    for (const kind of scenario.definedAtStart) this.define(kind);
    this.#watch();
  }

  /** Collects everything that must not happen: thrown errors, rejections, talk-error, console.error. */
  #watch(): void {
    const onError = (event: ErrorEvent) => this.problems.push(`window error: ${String(event.error?.stack ?? event.message)}`);
    const onRejection = (event: PromiseRejectionEvent) => this.problems.push(`unhandled rejection: ${String((event.reason as Error)?.stack ?? event.reason)}`);
    const onTalkError = (event: Event) => this.problems.push(`talk-error: ${JSON.stringify((event as CustomEvent).detail?.message)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('talk-error', onTalkError);
    // An uncaught error is a failed invariant of this sequence (shrunk like any other), not a
    // crash of the test file: keep it from the runner's handler.
    const runnerOnError = window.onerror;
    window.onerror = () => true;
    const { error, warn } = console;
    console.error = (...args: unknown[]) => this.problems.push(`console.error: ${args.map(String).join(' ')}`);
    console.warn = () => void totals.warnings++;
    this.#cleanups.push(() => {
      window.onerror = runnerOnError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('talk-error', onTalkError);
      console.error = error;
      console.warn = warn;
    });
  }

  /**
   * Installs the construction probe on a fake once its `Session` exists: before load (`ready:
   * 'manual'`) the fake is the package's stub `{ v, ready }`, filled in place by `resolveReady()`,
   * so the probe goes in right after that (synchronously, before any `ready.then` callback of the
   * kit can construct a session).
   */
  probeWhenLoaded(name: SessionName): void {
    const fake = this.fakes[name];
    if (this.probes.has(fake) || typeof (fake as { Session?: unknown }).Session !== 'function') return;
    this.probes.set(fake, probeConstructions(fake));
  }

  /** The session elements on `fake`, by name. */
  namesOn(fake: FakeTalk): SessionName[] {
    return (['s0', 's1'] as const).filter((name) => this.fakes[name] === fake);
  }

  /** The distinct identities (app, user, token) among the connected, defined session elements on `fake`. */
  connectedIdentities(fake: FakeTalk): Set<string> {
    const keys = new Set<string>();
    for (const name of this.namesOn(fake)) {
      const el = this.sessions.get(name);
      if (el?.isConnected && el instanceof TalkSessionElement)
        keys.add(identityKey(el.getAttribute('app-id'), el.getAttribute('user-id'), el.getAttribute('token')));
    }
    return keys;
  }

  define(kind: Kind): void {
    if (this.defined.has(kind)) return;
    this.defined.add(kind);
    customElements.define(this.tags[kind], this.classes[kind]);
  }

  session(name: SessionName): TalkSessionElement {
    let el = this.sessions.get(name);
    if (!el) {
      el = document.createElement(this.tags.session) as TalkSessionElement;
      el.setAttribute('app-id', 'tA');
      // With one fake for both, s1 starts as alice too: the two share a session until told apart.
      el.setAttribute('user-id', name === 's0' || this.fakes.s0 === this.fakes.s1 ? 'alice' : 'bob');
      el.dataset.name = name;
      // Before the upgrade this is an own property; the element's accessor picks it up on upgrade.
      (el as { sdk?: FakeTalk }).sdk = this.fakes[name];
      this.sessions.set(name, el);
      totals.sessionsCreated++;
    }
    return el;
  }

  ui(name: UiName): UiElement {
    let el = this.uis.get(name);
    if (!el) {
      el = document.createElement(this.tags[UI_KINDS[name]]) as UiElement;
      if (UI_KINDS[name] === 'online') el.setAttribute('user-id', 'bob');
      else if (UI_KINDS[name] !== 'badge') el.setAttribute('conversation-id', name === 'u1' ? 'order-2' : 'order-1');
      el.dataset.name = name;
      this.uis.set(name, el);
      totals.uisCreated++;
    }
    return el;
  }

  element(name: SessionName | UiName): TalkSessionElement | UiElement {
    return name.startsWith('s') ? this.session(name as SessionName) : this.ui(name as UiName);
  }

  target(place: Place): ParentNode {
    if (place === 'root') return this.root;
    if (place === 'S') return this.shadow;
    if (place === 'A' || place === 'B') return this.containers[place];
    return this.session(place);
  }

  /** Runs one action synchronously (or awaits for micro/tick). Returns false when it did nothing. */
  async run(action: Action): Promise<boolean> {
    switch (action.t) {
      case 'place': {
        const el = action.el === 'A' || action.el === 'H' ? this.containers[action.el] : this.element(action.el);
        const target = this.target(action.to);
        if (composedContains(el, target)) return false;
        if (action.first) target.prepend(el);
        else target.append(el);
        return true;
      }
      case 'remove': {
        const el = this.sessions.get(action.el as SessionName) ?? this.uis.get(action.el as UiName);
        if (!el?.parentNode) return false;
        el.remove();
        return true;
      }
      case 'bounce': {
        const el = this.sessions.get(action.el as SessionName) ?? this.uis.get(action.el as UiName);
        const parent = el?.parentNode;
        if (!el || !parent) return false;
        const next = el.nextSibling;
        el.remove();
        parent.insertBefore(el, next);
        return true;
      }
      case 'session-attr': {
        const el = this.session(action.s);
        if (action.value === null) el.removeAttribute(action.name);
        else el.setAttribute(action.name, action.value);
        return true;
      }
      case 'ui-attr': {
        const el = this.ui(action.u);
        if (action.value === null) el.removeAttribute(action.name);
        else el.setAttribute(action.name, action.value);
        return true;
      }
      case 'ready':
        this.fakes[action.s].resolveReady();
        this.probeWhenLoaded(action.s);
        return true;
      case 'define':
        if (this.defined.has(action.kind)) return false;
        this.define(action.kind);
        return true;
      case 'hold':
        gate.held = true;
        return true;
      case 'release':
        gate.held = false;
        releaseMounts();
        return true;
      case 'micro':
        await Promise.resolve();
        return true;
      case 'tick':
        totals.ticks++;
        await tick();
        return true;
    }
  }

  /** Every live UI object across the fakes. */
  liveBoxes(): FakeBox[] {
    return this.fakeList.flatMap((fake) => [...fake.chatboxes, ...fake.inboxes, ...fake.popups].filter((box) => box.isAlive));
  }

  holderOf(el: UiElement): FakeBox | undefined {
    return ((el as TalkChatboxElement).chatbox ?? (el as TalkInboxElement).inbox ?? (el as TalkPopupElement).popup) as FakeBox | undefined;
  }

  /** The nearest defined session element above `node`, across shadow roots. */
  sessionAncestor(node: Node): TalkSessionElement | undefined {
    for (let n = composedParent(node); n; n = composedParent(n)) {
      if (n instanceof TalkSessionElement && [...this.sessions.values()].includes(n)) return n;
    }
    return undefined;
  }

  /** Invariants that hold at every moment. */
  checkAlways(where: string): void {
    for (const fake of this.fakeList) {
      const names = this.namesOn(fake);
      const label = names.join(' and ');
      const live = fake.sessions.filter((session) => session.isAlive);
      // At most one per <talk-session> on the fake (a removed one holds its own until its teardown, a task later).
      expect(live.length, `${where}: live sessions of ${label}`).to.be.at.most(names.length);
      // Elements of one identity share one session: never two live ones for an identity.
      const keys = live.map(sessionKey);
      expect(keys, `${where}: the identities of the live sessions on ${label}'s fake (none twice)`).to.have.length(new Set(keys).size);
      // A new session is made after the element's old one was let go: on its own fake none is
      // alive then; on a shared fake at most the other element's one, never one it could share.
      expect(
        (this.probes.get(fake) ?? []).filter((seen) => seen.live > names.length - 1 || seen.sameIdentity !== 0),
        `${where}: sessions alive on ${label}'s fake when a new one was constructed`,
      ).to.deep.equal([]);
    }
    for (const name of ['s0', 's1'] as const) {
      const el = this.sessions.get(name);
      const session = el?.session;
      if (session) expect(session.isAlive, `${where}: ${name}.session is alive`).to.equal(true);
    }
    const holders = new Map<FakeBox, string[]>();
    for (const [name, el] of this.uis) {
      const box = this.holderOf(el);
      if (!box) continue;
      // A removed element keeps its (possibly already destroyed) object until its teardown, a task later.
      if (el.isConnected) expect(box.isAlive, `${where}: the UI object connected ${name} holds is alive`).to.equal(true);
      holders.set(box, [...(holders.get(box) ?? []), name]);
    }
    // A live-data element subscribes while connected and unsubscribes as it leaves (a move subscribes again).
    const connectedData = this.dataElements().filter(([, el]) => el.isConnected).length;
    const liveData = [...liveDataSubscriptions().values()].reduce((sum, n) => sum + n, 0);
    expect(liveData, `${where}: live Data API subscriptions (${connectedData} live-data elements connected)`).to.be.at.most(connectedData);
    const readySessions = new Set([...this.sessions.values()].map((el) => el.session).filter((session) => session !== undefined));
    for (const box of this.liveBoxes()) {
      const holder = holders.get(box) ?? [];
      expect(holder, `${where}: elements holding the live ${box.label}`).to.have.length(1);
      expect(box.session.isAlive, `${where}: the session of the live ${box.label}`).to.equal(true);
      // A UI element moved, within the task, to a place without a session keeps its object until
      // the end of the task (a move within one task keeps the UI), even when the <talk-session>
      // it left lets go of that session meanwhile (alive still: another holds it, and is not
      // ready yet). `checkSettled` holds it to a session element again.
      const el = this.uis.get(holder[0] as UiName)!;
      if (el.isConnected && !this.sessionAncestor(el)) continue;
      // Sessions become ready asynchronously (credentials and user checked first): no UI object
      // is ever made on a session that is not (or no longer) a <talk-session>'s ready one.
      expect(readySessions.has(box.session), `${where}: the session of the live ${box.label} is a <talk-session>'s ready session`).to.equal(true);
    }
  }

  /** The live-data elements (online status, typing indicator, the Lit host), by name. */
  dataElements(): Array<[UiName, UiElement]> {
    return [...this.uis].filter(([name]) => DATA_KINDS.has(UI_KINDS[name]));
  }

  /** Whether a live-data element names what to follow (a `user-id`, a `conversation-id`). */
  namesData(name: UiName, el: UiElement): boolean {
    return el.getAttribute(UI_KINDS[name] === 'online' ? 'user-id' : 'conversation-id') !== null;
  }

  /** Connected live-data elements below `owner` (its nearest session element) that name what to follow. */
  dataBelow(owner: TalkSessionElement): number {
    return this.dataElements().filter(([name, el]) => el.isConnected && this.namesData(name, el) && this.sessionAncestor(el) === owner).length;
  }

  /** The connected session elements whose live session `session` is (two when they share it). */
  sessionsHolding(session: FakeSession | undefined): TalkSessionElement[] {
    return [...this.sessions.values()].filter((el) => el.isConnected && session !== undefined && el.session === session);
  }

  /** Connected live-data elements that name what to follow, below the connected session elements holding `session`. */
  dataOn(session: FakeSession | undefined): number {
    return this.sessionsHolding(session).reduce((sum, el) => sum + this.dataBelow(el), 0);
  }

  /** Invariants that hold once the kit's one-task removal delay has passed. */
  checkSettled(where: string): void {
    this.checkAlways(where);
    for (const [session, count] of liveDataSubscriptions()) {
      const owners = this.sessionsHolding(session).map((el) => el.dataset.name);
      expect(owners, `${where}: ${count} live Data API subscription(s) on a session no connected <talk-session> holds`).to.not.deep.equal([]);
      expect(count, `${where}: live Data API subscriptions on the session of ${owners.join(' and ')}`).to.be.at.most(this.dataOn(session));
    }
    for (const [name, el] of this.sessions) {
      if (!el.isConnected) expect(el.session, `${where}: disconnected ${name} holds no session`).to.equal(undefined);
    }
    for (const fake of this.fakeList) {
      // One session per identity among the connected session elements, none for the disconnected ones.
      const identities = this.connectedIdentities(fake).size;
      expect(
        fake.live().sessions,
        `${where}: live sessions on ${this.namesOn(fake).join(' and ')}'s fake (${identities} distinct identities among its connected <talk-session> elements)`,
      ).to.be.at.most(identities);
    }
    for (const [name, el] of this.uis) {
      const box = this.holderOf(el);
      if (!box) continue;
      expect(el.isConnected, `${where}: ${name} holds ${box.label} while connected`).to.equal(true);
      const owner = this.sessionAncestor(el);
      expect(owner?.dataset.name, `${where}: the session element above ${name}`).to.not.equal(undefined);
      expect(owner!.isConnected, `${where}: the session element above ${name} is connected`).to.equal(true);
      expect(box.session === owner!.session, `${where}: ${name}'s ${box.label} is on ${owner!.dataset.name}'s live session`).to.equal(true);
    }
    this.expectNoProblems(where);
  }

  expectNoProblems(where: string): void {
    expect(this.problems, `${where}: errors, rejections, talk-error or console.error`).to.deep.equal([]);
  }

  /** Everything defined and ready, mounts released: every connected element reaches its working state. */
  async settle(): Promise<void> {
    gate.held = false;
    releaseMounts();
    for (const kind of ALL_KINDS) this.define(kind);
    for (const name of ['s0', 's1'] as const) {
      this.fakes[name].resolveReady();
      this.probeWhenLoaded(name);
    }
    await tick();
    const expected = () => {
      for (const el of this.sessions.values()) {
        if (el.isConnected && !el.session) return `${el.dataset.name} has a session`;
        const session = el.session as FakeSession | undefined;
        const subscribed = liveDataSubscriptions().get(session) ?? 0;
        if (el.isConnected && subscribed !== this.dataOn(session))
          return `${el.dataset.name}'s session with one Data API subscription per live-data element below the elements holding it (${subscribed} for ${this.dataOn(session)})`;
      }
      for (const [name, el] of this.dataElements()) {
        const owner = el.isConnected ? this.sessionAncestor(el) : undefined;
        if (owner && this.namesData(name, el) && el.status !== 'ready') return `${name} following its data on ${owner.dataset.name}'s session`;
        if ((!owner || !this.namesData(name, el)) && el.isConnected && el.status !== 'loading') return `${name} (no session above it, or nothing named) waits`;
      }
      for (const el of this.uis.values()) {
        if (el instanceof TalkOnlineStatusElement || el instanceof TalkTypingIndicatorElement || el instanceof LiveHost) continue;
        const owner = el.isConnected ? this.sessionAncestor(el) : undefined;
        const box = this.holderOf(el);
        if (el instanceof TalkUnreadBadgeElement) {
          // A badge counts the unreads of the session above it (a subscription, no UI object).
          if (owner && el.status !== 'ready') return `${el.dataset.name} counting for ${owner.dataset.name}`;
          if (!owner && el.isConnected && el.status !== 'loading') return `${el.dataset.name} (no session above it) waits`;
        } else if (owner) {
          if (el.status !== 'ready' || !box || box.session !== owner.session || !box.mounted)
            return `${el.dataset.name} mounted on ${owner.dataset.name}'s session`;
        } else if (box || (el.isConnected && el.status !== 'loading')) {
          return `${el.dataset.name} (no session above it) waits with nothing created`;
        }
      }
      return undefined;
    };
    let last: string | undefined;
    try {
      // The fake SDK is in memory: a working state is reached within a few tasks, or never.
      await until(() => (last = expected()) === undefined, 'every connected element in its working state', 1000);
    } catch {
      throw new Error(`after settling, expected: ${last}`);
    }
    this.checkSettled('settled');
    this.checkSharing();
  }

  /**
   * Once settled: connected session elements on one fake with one identity hold the same
   * session, with different identities different ones; no live session that no connected
   * session element holds.
   */
  checkSharing(): void {
    const connected = [...this.sessions.values()].filter((el) => el.isConnected);
    const key = (el: TalkSessionElement) => identityKey(el.getAttribute('app-id'), el.getAttribute('user-id'), el.getAttribute('token'));
    const fakeOf = (el: TalkSessionElement) => this.fakes[el.dataset.name as SessionName];
    for (const [i, a] of connected.entries()) {
      for (const b of connected.slice(i + 1)) {
        if (fakeOf(a) !== fakeOf(b)) continue;
        const same = key(a) === key(b);
        expect(
          a.session === b.session,
          `settled: ${a.dataset.name} (${key(a)}) and ${b.dataset.name} (${key(b)}) on one fake hold ${same ? 'the same session' : 'different sessions'}`,
        ).to.equal(same);
        if (same) totals.sharedAtSettle++;
      }
    }
    const held = new Set(connected.map((el) => el.session));
    for (const fake of this.fakeList) {
      expect(
        fake.sessions.filter((session) => session.isAlive && !held.has(session)).map(sessionKey),
        `settled: live sessions on ${this.namesOn(fake).join(' and ')}'s fake that no connected <talk-session> holds`,
      ).to.deep.equal([]);
    }
  }

  /** Removes everything; then nothing may be left alive on any fake. */
  async removeAll(): Promise<void> {
    this.root.remove();
    await tick();
    for (const fake of this.fakeList) {
      expect(fake.live(), `live SDK objects and subscriptions on ${this.namesOn(fake).join(' and ')}'s fake after removing everything`).to.deep.include({
        total: 0,
      });
    }
    this.expectNoProblems('after removing everything');
  }

  dispose(): void {
    for (const fake of this.fakeList) {
      totals.sdkSessions += fake.sessions.length;
      const boxes = [...fake.chatboxes, ...fake.inboxes, ...fake.popups];
      totals.sdkUis += boxes.length;
      totals.mounted += fake.callsTo('mount').length;
    }
    totals.dataSubscriptions += dataSubscriptions.length;
    this.root.remove();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}

function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent;
}

/** True when `ancestor` is `node` or above it, across shadow roots. */
function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n === ancestor) return true;
  }
  return false;
}

async function runScenario(scenario: Scenario): Promise<void> {
  totals.sequences++;
  const world = new World(scenario);
  try {
    for (const [el, to] of Object.entries(scenario.initial) as Array<[SessionName | UiName, Place | null]>) {
      if (to !== null) await world.run({ t: 'place', el, to, first: false });
    }
    world.checkAlways('start');
    for (const [i, action] of scenario.actions.entries()) {
      const where = `step ${i + 1} (${describeAction(action)})`;
      if (await world.run(action)) totals.steps++;
      if (action.t === 'tick') world.checkSettled(where);
      else world.checkAlways(where);
    }
    await tick();
    world.checkSettled('after the last step');
    await world.settle();
    await world.removeAll();
  } finally {
    world.dispose();
    gate.held = false;
    releaseMounts();
    await tick();
  }
}

describe('race model (fast-check)', () => {
  before(() => {
    installMountGate();
    installSubscriptionProbe();
  });
  after(() => {
    uninstallMountGate();
    uninstallSubscriptionProbe();
  });

  it(`random sequences of lifecycle steps keep every invariant (${SEQUENCES} sequences, seed from RACE_SEED or printed)`, async function () {
    this.timeout(30 * 60 * 1000);
    const started = performance.now();
    const result = await fc.check(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        await runScenario(scenario);
      }),
      { numRuns: SEQUENCES, seed: SEED },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[figures] race-model: ${result.numRuns} sequences, ${totals.steps} steps (${totals.ticks} task boundaries), ` +
        `${totals.sessionsCreated} session and ${totals.uisCreated} UI elements, ${totals.sdkSessions} SDK sessions and ${totals.sdkUis} UI objects ` +
        `(${totals.mounted} mounts), ${totals.dataSubscriptions} Data API subscriptions, ` +
        `${totals.oneSdk} sequences with one fake for both sessions (${totals.sharedAtSettle} ending on one shared session), seed ${SEED}, ${seconds} s` +
        (result.numShrinks ? ` (+${result.numShrinks} shrink runs)` : '') +
        (totals.warnings ? `, ${totals.warnings} console warnings` : ''),
    );
    if (result.failed) {
      const shrunk = result.counterexample?.[0] as Scenario | undefined;
      const error = result.errorInstance as Error | undefined;
      console.log(
        `[race-model] FAILED with seed ${result.seed}, path "${result.counterexamplePath}" (rerun: RACE_SEED=${result.seed}).\n` +
          `Shrunk sequence:\n${shrunk ? describeScenario(shrunk) : '(none)'}\n` +
          `Failure: ${error?.message ?? String(result.errorInstance)}`,
      );
      throw new Error(
        `race model failed (seed ${result.seed}, path ${result.counterexamplePath}): ${error?.message ?? String(result.errorInstance)}\n${shrunk ? describeScenario(shrunk) : ''}`,
      );
    }
    expect(result.numRuns).to.equal(SEQUENCES);
  });
});

/**
 * Sequences the model found, shrunk, kept as plain tests. Both come down to `@lit/context`'s
 * ContextRoot replaying a buffered `context-request` from an element that is no longer in the
 * page: a `<talk-session>` in a detached subtree answers it, and the UI element keeps that
 * subscription after it is put back in the page elsewhere.
 */
describe('race model: shrunk sequences', () => {
  let fakes: FakeTalk[] = [];
  afterEach(async () => {
    await expectNoLeaks(undefined);
    for (const fake of fakes) expect(fake.live(), 'live SDK objects after removal').to.deep.include({ total: 0 });
    fakes = [];
  });

  function sessionElement(userId: string): TalkSessionElement {
    const fake = sampleFake();
    fakes.push(fake);
    const el = document.createElement('talk-session');
    el.setAttribute('app-id', 'tA');
    el.setAttribute('user-id', userId);
    el.sdk = fake;
    return el;
  }

  /** How many unread conversations the `<talk-session>` itself keeps (its `unreads` property). */
  function sessionUnreads(el: TalkSessionElement): number | undefined {
    return el.unreads?.length;
  }

  function pageRoot(): HTMLDivElement {
    const root = document.createElement('div');
    document.body.append(root);
    onCleanup(() => root.remove());
    return root;
  }

  for (const tag of ['talk-chatbox', 'talk-unread-badge'] as const) {
    it(`<${tag}> put in a detached <talk-session> while a replay happens, then back in the page outside any session: it uses no session`, async () => {
      const root = pageRoot();
      const s0 = sessionElement('alice');
      const s1 = sessionElement('bob');
      const ui = document.createElement(tag);
      root.append(ui); // no <talk-session> above it: the page's ContextRoot keeps its request
      s1.append(ui); // into a <talk-session> that is not in the page
      root.append(s0); // a provider appears: the ContextRoot replays the request from where ui is now
      root.append(ui); // back in the page, outside any session
      root.append(s1); // s1 makes its session
      await until(() => s0.session !== undefined && s1.session !== undefined, 'both sessions');
      await nextTask();
      await nextTask();
      const onS1 = fakes[1]!;
      if (tag === 'talk-chatbox') expect(onS1.chatboxes, 'chatboxes made on the session of a <talk-session> it is not in').to.have.length(0);
      // The session's own unreads subscription is the only one.
      else expect(onS1.callsTo('onChange'), 'unreads.onChange calls on the session of a <talk-session> it is not in').to.have.length(1);
      expect(ui.status, `<${tag}> status outside any session`).to.equal('loading');
    });
  }

  it('<talk-chatbox> put in a detached <talk-session> while a replay happens, then the session is put in the page: the chatbox mounts on it', async () => {
    const root = pageRoot();
    const s0 = sessionElement('alice');
    const s1 = sessionElement('bob');
    const ui = document.createElement('talk-chatbox');
    ui.setAttribute('conversation-id', 'order-1');
    root.append(ui); // buffered by the ContextRoot
    s0.append(ui); // into a detached <talk-session>
    root.append(s1); // replay: s0, detached, answers
    root.append(s0); // s0 (with the chatbox) in the page
    await until(() => s0.session !== undefined && s1.session !== undefined, 'both sessions');
    await until(() => ui.status === 'ready', 'the chatbox mounted', 1000);
    expect(ui.chatbox).to.equal(fakes[0]!.chatboxes[0]);
    expect(fakes[0]!.live().chatboxes).to.equal(1);
    expect(fakes[1]!.chatboxes).to.have.length(0);
  });

  it('<talk-unread-badge> moved (in one task) out of its <talk-session> to where there is none: it stops counting that session', async () => {
    const root = pageRoot();
    const s0 = sessionElement('alice');
    const badge = document.createElement('talk-unread-badge');
    s0.append(badge);
    root.append(s0);
    await until(() => badge.status === 'ready', 'the badge counting');
    const session = fakes[0]!.sessions[0]!;
    // A badge inside a <talk-session> reads the session's one unreads.onChange subscription
    // (through the context): it has none of its own on the SDK.
    expect(fakes[0]!.callsTo('onChange', session.unreads), 'unreads.onChange calls (the session’s own)').to.have.length(1);
    const subscriptions = fakes[0]!.live().subscriptions;
    root.append(badge); // a move: out of the session, in the same task
    await nextTask();
    await nextTask();
    expect(badge.status, 'status outside any session').to.equal('loading');
    expect(fakes[0]!.live().subscriptions, 'the session’s subscriptions, unchanged').to.equal(subscriptions);
    expect(fakes[0]!.callsTo('onChange', session.unreads), 'no new unreads.onChange call').to.have.length(1);
    fakes[0]!.backend.sendMessage('order-1', 'bob', 'Unread for alice');
    await nextTask();
    expect(sessionUnreads(s0), 'the session saw the unread conversation').to.equal(1);
    expect(badge.value, 'what the badge counts').to.equal(0);
    expect(session.isAlive).to.equal(true);
  });

  it('<talk-inbox> moved in one task out of its <talk-session>, which then lets go of the session another <talk-session> shares: the inbox keeps its object to the end of the task, then lets it go', async () => {
    // Shrunk from the model (seed 428985020): s0 → root, u1 → s0; tick; append u1 → root;
    // append s1 → root (same fake and identity: it shares s0's session); s0[token] = "jwt-1".
    const root = pageRoot();
    const fake = sampleFake();
    fakes.push(fake);
    const make = () => {
      const el = document.createElement('talk-session');
      el.setAttribute('app-id', 'tA');
      el.setAttribute('user-id', 'alice');
      el.sdk = fake;
      return el;
    };
    const s0 = make();
    const inbox = document.createElement('talk-inbox');
    s0.append(inbox);
    root.append(s0);
    await until(() => inbox.status === 'ready', 'the inbox mounted');
    const shared = fake.sessions[0]!;
    root.append(inbox);
    const s1 = make();
    root.append(s1);
    s0.token = 'jwt-1';
    await s0.updateComplete;
    expect(inbox.inbox?.isAlive, 'the inbox keeps its object within the task').to.equal(true);
    expect(shared.isAlive, 's1 still holds the shared session').to.equal(true);
    await nextTask();
    await nextTask();
    expect(inbox.inbox, 'no object outside any session after the task').to.equal(undefined);
    expect(inbox.status).to.equal('loading');
    expect(fake.live().inboxes, 'live inboxes').to.equal(0);
    await until(() => s1.session === shared && s0.session !== undefined && s0.session !== shared, 's1 on the shared session, s0 on its own');
  });

  it('<talk-online-status> moved in one task out of its <talk-session> (in a shadow root) to the page root, then another session appears: it waits (loading), nothing stale', async () => {
    // Shrunk from the model (seed 2078123432): s1 → S, u5 → s1; tick; append u5 → root; append
    // s0 → root; after settling, u5 was still `ready` (the disconnect stopped its subscription,
    // but nothing re-rendered it).
    const root = pageRoot();
    const holder = document.createElement('div');
    const shadow = holder.attachShadow({ mode: 'open' });
    root.append(holder);
    const s1 = sessionElement('bob');
    const status = document.createElement('talk-online-status');
    status.setAttribute('user-id', 'bob');
    s1.append(status);
    shadow.append(s1);
    await until(() => status.status === 'ready', 'following bob');
    const following = fakes[0]!.live().subscriptions;
    root.append(status);
    root.append(sessionElement('alice'));
    await nextTask();
    await nextTask();
    expect(fakes[0]!.live().subscriptions, 'subscriptions on bob’s fake: the element’s one ended').to.equal(following - 1);
    expect(fakes[1]!.callsTo('subscribeOnline'), 'nothing subscribed on the other session').to.have.length(0);
    expect(status.status, 'status outside any session').to.equal('loading');
  });

  for (const microtasks of [0, 1, 2, 3]) {
    it(`sdk is the stub before load, and talk.js completes it ${microtasks} microtask(s) after <talk-session> is connected: the session is created`, async () => {
      // Shrunk from the model (seed 598566934): append s0 (ready manual) → root; resolveReady s0;
      // tick; after settling, s0 had no session. The stub's `then` called after the load lands in
      // a queue nobody flushes any more (as with the talkjs package's own stub).
      const root = pageRoot();
      const fake = sampleFake({ ready: 'manual' });
      fakes.push(fake);
      const el = document.createElement('talk-session');
      el.setAttribute('app-id', 'tA');
      el.setAttribute('user-id', 'alice');
      el.sdk = fake;
      root.append(el);
      for (let i = 0; i < microtasks; i++) await Promise.resolve();
      fake.resolveReady();
      await until(() => el.session !== undefined, 'the session', 1000);
      expect(el.status).to.equal('ready');
      expect(fake.live().sessions).to.equal(1);
    });
  }

  it('<talk-chatbox> moved into a <talk-session>, which is then removed and re-added elsewhere after a replay: the chatbox (now outside) uses no session', async () => {
    const root = pageRoot();
    const s0 = sessionElement('alice');
    const s1 = sessionElement('bob');
    const ui = document.createElement('talk-chatbox');
    root.append(ui); // buffered by the ContextRoot
    root.append(s1);
    s1.append(ui); // answered by s1; the buffered request stays in the ContextRoot
    s1.remove(); // s1 and ui leave the page
    root.append(s0); // replay: s1, detached, answers again
    root.append(ui);
    root.append(s1);
    await until(() => s0.session !== undefined && s1.session !== undefined, 'both sessions');
    await nextTask();
    await nextTask();
    expect(ui.chatbox, 'the chatbox outside any session').to.equal(undefined);
    expect(
      fakes[1]!.chatboxes.filter((box) => box.isAlive),
      "live chatboxes on s1's session",
    ).to.have.length(0);
  });
});
