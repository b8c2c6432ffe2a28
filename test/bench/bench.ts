/**
 * The benchmark page (`npm run bench`, scripts/bench.mjs): the same work done by three
 * implementations on the same fake SDK, in alternating runs, so that the figures compare the
 * kit with what it replaces:
 *
 * - `kit`: `<talk-session app-id user-id>` (its `sdk` property set to the fake) with nested
 *   `<talk-chatbox conversation-id>` elements;
 * - `hand-written`: the TalkJS calls a page makes by hand (`await Talk.ready`, `new
 *   Talk.Session`, `createChatbox`, `select`, `onSendMessage` → a hand-made `CustomEvent`,
 *   `mount`, `destroy`);
 * - `react`: `@talkjs/react`'s `<Session>` and `<Chatbox>` on React 19.
 *
 * scripts/bench.mjs builds this page with Vite in production mode (the kit from dist/ unless
 * `BENCH_KIT=src`, `talkjs` aliased to ./talk-switch.ts so `@talkjs/react` gets the fake) and
 * calls `window.bench` from Node; this page only runs samples and returns raw numbers.
 */
import '../../src/index.js';
import { createFakeTalk, type FakeTalk } from '../../src/testing/index.js';
import type { TalkSdk } from '../../src/internal/sdk-types.js';
import Talk from 'talkjs';
import { createElement as h, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Chatbox as ReactChatbox, Session as ReactSession, useSession } from '@talkjs/react';
import { createCheapTalk, type CheapTalk } from './cheap-talk.js';
import { useFake } from './talk-switch.js';

export type ImplName = 'kit' | 'hand-written' | 'react';
export type FakeName = 'cheap' | 'project';

const users = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob' },
];
const CONVERSATIONS = 20;
const conversationId = (i: number) => `c${i % CONVERSATIONS}`;

// ---------------------------------------------------------------------------------------------
// The fakes: each with a way to count calls per SDK member and to fire a chatbox's sendMessage.

interface Fake {
  readonly name: FakeName;
  readonly sdk: TalkSdk;
  /** A mark to count calls from. */
  mark(): unknown;
  /** Calls per member since `mark`. */
  since(mark: unknown): Record<string, number>;
  /** Runs the `onSendMessage` handlers of the chatbox created last. */
  sendMessage(): void;
  /** Sessions, UI objects and subscriptions still live (0 after every teardown). */
  live(): number;
  /** Resolves once `count` mount() promises have resolved (the cheap fake only). */
  whenMounted?(count: number): Promise<void>;
  mounted?(): number;
}

function cheapFake(): Fake {
  const fake: CheapTalk = createCheapTalk(users);
  const sendEvent = {
    message: { id: 'm1', conversationId: 'c0', type: 'UserMessage', text: 'hi' },
    me: { id: 'alice', name: 'Alice' },
    conversation: { id: 'c0' },
    override: () => {},
  };
  return {
    name: 'cheap',
    sdk: fake,
    mark: () => new Map(fake.calls),
    since: (mark) => {
      const before = mark as Map<string, number>;
      const out: Record<string, number> = {};
      for (const [member, count] of fake.calls) {
        const delta = count - (before.get(member) ?? 0);
        if (delta > 0) out[member] = delta;
      }
      return out;
    },
    sendMessage: () => fake.lastChatbox!.emit('SendMessage', sendEvent),
    live: () => {
      const { sessions, boxes, subscriptions } = fake.live();
      return sessions + boxes + subscriptions;
    },
    whenMounted: (count) => fake.whenMounted(count),
    mounted: () => fake.mounted,
  };
}

function projectFake(): Fake {
  const fake: FakeTalk = createFakeTalk({
    users,
    conversations: Array.from({ length: CONVERSATIONS }, (_, i) => ({ id: `c${i}`, subject: `Conversation ${i}`, participants: ['alice', 'bob'] })),
  });
  return {
    name: 'project',
    sdk: fake,
    mark: () => fake.calls.length,
    since: (mark) => {
      const out: Record<string, number> = {};
      for (const call of fake.calls.slice(mark as number)) {
        const member = `${call.target.replace(/#[^.]*/g, '')}.${call.method}`.replace(/^(\w+)\.constructor$/, 'new $1');
        out[member] = (out[member] ?? 0) + 1;
      }
      return out;
    },
    sendMessage: () => void fake.chatboxes.at(-1)!.emit('sendMessage', {}),
    live: () => fake.live().total,
  };
}

const fakes: Record<FakeName, Fake> = { cheap: cheapFake(), project: projectFake() };

// ---------------------------------------------------------------------------------------------
// The three implementations: mount a session with `n` chatboxes, change things, remove.

interface MountOptions {
  /** Sync the user's name (kit: `user-name`; hand-written: `currentUser.set`; react: `syncUser`). */
  readonly userName?: string;
}

/** A mounted session with its chatboxes. */
interface Mounted {
  /** Shows conversation `id` in the first chatbox; resolves once applied. */
  select(id: string): Promise<void> | void;
  /** Changes the first chatbox's theme (a new UI object); resolves once the new one is mounted. */
  theme(value: string): Promise<void>;
  /** Changes the user's name; resolves once applied. */
  userName(value: string): Promise<void> | void;
  /** Removes everything (destroying the SDK objects). */
  remove(): void;
}

interface Impl {
  /** Untimed preparation of `host` (React: its root). */
  prepare?(host: HTMLElement): void;
  /** Inserts a session with `n` chatboxes into `host`; resolves when all are ready (the session alone when `n` is 0). */
  mount(host: HTMLElement, n: number, fake: Fake, options?: MountOptions): Promise<Mounted>;
}

/** Resolves on the `count`th `type` event at `target`; rejects on a `talk-error`. */
function events(target: EventTarget, type: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const onEvent = () => {
      if (++seen < count) return;
      done();
      resolve();
    };
    const onError = (event: Event) => {
      done();
      reject(new Error(`talk-error: ${JSON.stringify((event as CustomEvent).detail?.message)}`));
    };
    const done = () => {
      target.removeEventListener(type, onEvent);
      target.removeEventListener('talk-error', onError);
    };
    target.addEventListener(type, onEvent);
    target.addEventListener('talk-error', onError);
  });
}

const kit: Impl = {
  async mount(host, n, fake, options = {}) {
    const session = document.createElement('talk-session');
    session.sdk = fake.sdk;
    session.setAttribute('app-id', 'bench');
    session.setAttribute('user-id', 'alice');
    if (options.userName !== undefined) session.setAttribute('user-name', options.userName);
    for (let i = 0; i < n; i++) {
      const chatbox = document.createElement('talk-chatbox');
      chatbox.setAttribute('conversation-id', conversationId(i));
      session.append(chatbox);
    }
    const ready = n === 0 ? events(session, 'talk-session-ready', 1) : events(session, 'talk-ready', n);
    host.append(session);
    await ready;
    const first = session.firstElementChild as HTMLElementTagNameMap['talk-chatbox'];
    return {
      select: async (id) => {
        first.setAttribute('conversation-id', id);
        await first.updateComplete;
      },
      theme: async (value) => {
        const ready = events(first, 'talk-ready', 1);
        first.setAttribute('theme', value);
        await ready;
      },
      userName: async (value) => {
        session.setAttribute('user-name', value);
        await session.updateComplete;
      },
      remove: () => session.remove(),
    };
  },
};

const handWritten: Impl = {
  async mount(host, n, _fake, options = {}) {
    await Talk.ready;
    const session = new Talk.Session({ appId: 'bench', userId: 'alice' });
    if (options.userName !== undefined) void session.currentUser.set({ name: options.userName });
    const boxes: { div: HTMLElement; chatbox: Talk.Chatbox }[] = [];
    const make = (div: HTMLElement, id: string, chatboxOptions?: Talk.ChatboxOptions) => {
      const chatbox = session.createChatbox(chatboxOptions);
      void chatbox.select(id);
      chatbox.onSendMessage((event) => div.dispatchEvent(new CustomEvent('talk-send-message', { detail: event, bubbles: true, composed: true })));
      return chatbox;
    };
    const mounts: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const div = document.createElement('div');
      host.append(div);
      const chatbox = make(div, conversationId(i));
      boxes.push({ div, chatbox });
      mounts.push(chatbox.mount(div));
    }
    await Promise.all(mounts);
    return {
      select: (id) => void boxes[0]!.chatbox.select(id),
      theme: async (value) => {
        const first = boxes[0]!;
        first.chatbox.destroy();
        first.chatbox = make(first.div, 'c0', { theme: value });
        await first.chatbox.mount(first.div);
      },
      userName: (value) => void session.currentUser.set({ name: value }),
      remove: () => {
        for (const { div, chatbox } of boxes) {
          chatbox.destroy();
          div.remove();
        }
        session.destroy();
      },
    };
  },
};

// @talkjs/react: `<Session appId userId|syncUser>` with `n` `<Chatbox conversationId>`.
interface AppProps {
  readonly ids: string[];
  readonly theme?: string;
  readonly me?: Talk.User;
  readonly onSendMessage: (event: Talk.SendMessageEvent) => void;
}

const LOADING = h('span', { className: 'bench-loading' });

/** Renders a marker once `<Session>` provides its session: the session-alone ready signal. */
function SessionMarker(): ReactNode {
  return useSession() ? h('i', { className: 'bench-session' }) : null;
}

function App({ ids, theme, me, onSendMessage }: AppProps): ReactNode {
  const user = me ? { syncUser: me } : { userId: 'alice' };
  return h(
    ReactSession,
    { appId: 'bench', ...user },
    h(SessionMarker),
    ids.map((id, i) =>
      h(ReactChatbox, {
        key: i,
        conversationId: id,
        className: 'bench-box',
        loadingComponent: LOADING,
        onSendMessage,
        ...(theme === undefined ? {} : { theme }),
      }),
    ),
  );
}

/**
 * Resolves once `host` shows `n` chatboxes whose mount() resolved and React committed that (no
 * loading component left), and the session marker: @talkjs/react's visible ready state.
 */
function reactReady(host: HTMLElement, n: number): Promise<void> {
  const boxes = host.getElementsByClassName('bench-box');
  const loading = host.getElementsByClassName('bench-loading');
  const marker = host.getElementsByClassName('bench-session');
  const ready = () => marker.length === 1 && boxes.length === n && loading.length === 0;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  });
}

const roots = new WeakMap<HTMLElement, Root>();

const react: Impl = {
  prepare(host) {
    roots.set(host, createRoot(host));
  },
  async mount(host, n, fake, options = {}) {
    const root = roots.get(host)!;
    let props: AppProps = {
      ids: Array.from({ length: n }, (_, i) => conversationId(i)),
      onSendMessage: (event) => host.dispatchEvent(new CustomEvent('talk-send-message', { detail: event, bubbles: true, composed: true })),
      ...(options.userName === undefined ? {} : { me: new Talk.User({ id: 'alice', name: options.userName }) }),
    };
    const ready = reactReady(host, n);
    root.render(h(App, props));
    await ready;
    const rerender = (next: Partial<AppProps>) => {
      props = { ...props, ...next };
      flushSync(() => root.render(h(App, props)));
    };
    const remounted = async (count: number, change: () => void) => {
      if (!fake.whenMounted) throw new Error('react: this measure needs the cheap fake (whenMounted)');
      const target = fake.mounted!() + count;
      change();
      await fake.whenMounted(target);
    };
    return {
      select: (id) => rerender({ ids: [id, ...props.ids.slice(1)] }),
      theme: (value) => remounted(1, () => rerender({ theme: value })),
      // A new `syncUser` user is a new session in @talkjs/react (and every chatbox again).
      userName: (value) => remounted(props.ids.length, () => rerender({ me: new Talk.User({ id: 'alice', name: value }) })),
      remove: () => {
        root.unmount();
        roots.delete(host);
      },
    };
  },
};

const impls: Record<ImplName, Impl> = { kit, 'hand-written': handWritten, react };

// ---------------------------------------------------------------------------------------------
// Sampling: alternating implementations, a GC and a task between samples.

const gc = (globalThis as { gc?: () => void }).gc;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One sample: its value and the SDK calls made during it (per operation, as the measure says). */
interface Sample {
  readonly value: number;
  readonly calls?: Record<string, number>;
}

interface Result {
  samples: Partial<Record<ImplName, number[]>>;
  calls: Partial<Record<ImplName, Record<string, number>>>;
  leaks: Partial<Record<ImplName, number>>;
}

/** A fresh host in the page, prepared for `impl`, and how to take it away again. */
function newHost(impl: ImplName): HTMLElement {
  const host = document.createElement('div');
  host.className = 'bench-host';
  document.body.append(host);
  impls[impl].prepare?.(host);
  return host;
}

/**
 * Runs `rounds` rounds (after `warmup` unrecorded ones), each taking one sample of every
 * implementation, in an order that rotates from round to round.
 */
async function alternate(names: ImplName[], rounds: number, warmup: number, fake: Fake, sample: (impl: ImplName) => Promise<Sample>): Promise<Result> {
  useFake(fake.sdk);
  const result: Result = { samples: {}, calls: {}, leaks: {} };
  for (let round = -warmup; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) {
      gc?.();
      await nextTask();
      const before = fake.live();
      const { value, calls } = await sample(name);
      await nextTask();
      if (round < 0) continue;
      (result.samples[name] ??= []).push(value);
      if (calls) result.calls[name] ??= calls;
      result.leaks[name] = Math.max(result.leaks[name] ?? 0, fake.live() - before);
    }
  }
  return result;
}

/** Calls per operation: `calls` divided by `ops`, rounded to 2 decimals. */
function perOp(calls: Record<string, number>, ops: number): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).map(([member, count]) => [member, Math.round((count / ops) * 100) / 100]));
}

function diffCalls(a: Record<string, number>, b: Record<string, number>, ops: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const member of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const delta = (b[member] ?? 0) - (a[member] ?? 0);
    if (delta !== 0) out[member] = Math.round((delta / ops) * 100) / 100;
  }
  return out;
}

/** Mounts `n` boxes with `impl` in a fresh host; returns the time to ready (ms), the calls, and the mounted handle. */
async function timedMount(name: ImplName, n: number, fake: Fake, options?: MountOptions) {
  const host = newHost(name);
  const mark = fake.mark();
  const start = performance.now();
  const mounted = await impls[name].mount(host, n, fake, options);
  const ms = performance.now() - start;
  const calls = fake.since(mark);
  return {
    ms,
    calls,
    mounted,
    remove: () => {
      mounted.remove();
      host.remove();
    },
  };
}

/**
 * A live update measure: one box mounted, then `change` done `n / slower(impl)` times in a row
 * (react rebuilds everything for some changes: fewer of those); µs and SDK calls per change.
 */
function liveUpdate(
  defaultN: number,
  slower: (name: ImplName) => number,
  change: (mounted: Mounted, i: number) => Promise<void> | void,
  options?: MountOptions,
): (params: MeasureParams) => Promise<Result> {
  return ({ impls: names, fake: fakeName, rounds, warmup = 2, n = defaultN }) => {
    const fake = fakes[fakeName];
    return alternate(names, rounds, warmup, fake, async (name) => {
      const run = await timedMount(name, 1, fake, options);
      const ops = Math.max(1, Math.round(n / slower(name)));
      const mark = fake.mark();
      const start = performance.now();
      for (let i = 1; i <= ops; i++) await change(run.mounted, i);
      const us = ((performance.now() - start) * 1000) / ops;
      const calls = perOp(fake.since(mark), ops);
      run.remove();
      return { value: us, calls };
    });
  };
}

export interface MeasureParams {
  readonly impls: ImplName[];
  readonly fake: FakeName;
  readonly rounds: number;
  readonly warmup?: number;
  /** Boxes (per-box cost) or operations per sample (live updates, events, construction). */
  readonly n?: number;
}

const measures: Record<string, (params: MeasureParams) => Promise<Result>> = {
  /** Insert a session and one chatbox until ready, in ms. */
  firstMount: ({ impls: names, fake: fakeName, rounds, warmup = 3 }) => {
    const fake = fakes[fakeName];
    return alternate(names, rounds, warmup, fake, async (name) => {
      const run = await timedMount(name, 1, fake);
      run.remove();
      return { value: run.ms, calls: run.calls };
    });
  },

  /** (time for session + n chatboxes to ready − time for the session alone) / n, in µs per box; both timed in each sample. */
  perBox: ({ impls: names, fake: fakeName, rounds, warmup = 2, n = 1 }) => {
    const fake = fakes[fakeName];
    return alternate(names, rounds, warmup, fake, async (name) => {
      const alone = await timedMount(name, 0, fake);
      alone.remove();
      gc?.();
      await nextTask();
      const full = await timedMount(name, n, fake);
      full.remove();
      return { value: ((full.ms - alone.ms) * 1000) / n, calls: diffCalls(alone.calls, full.calls, n) };
    });
  },

  /** `conversation-id` change (kit), `select()` (hand-written), a new `conversationId` prop (react): µs per change. */
  select: liveUpdate(
    1000,
    () => 1,
    (mounted, i) => mounted.select(conversationId(i)),
  ),

  /** A `theme` change: a new UI object, until it is mounted; µs per change. */
  theme: liveUpdate(
    100,
    () => 1,
    (mounted, i) => mounted.theme(`theme-${i % 2}`),
  ),

  /** A user name change (kit: `user-name`; hand-written: `currentUser.set`; react: a new `syncUser`), µs per change. */
  userName: liveUpdate(
    1000,
    (name) => (name === 'react' ? 20 : 1),
    (mounted, i) => mounted.userName(`Alice ${i}`),
    { userName: 'Alice' },
  ),

  /** One SDK `sendMessage` callback to a `document` listener for `talk-send-message`, µs per event. */
  event: ({ impls: names, fake: fakeName, rounds, warmup = 2, n = 2000 }) => {
    const fake = fakes[fakeName];
    return alternate(names, rounds, warmup, fake, async (name) => {
      const run = await timedMount(name, 1, fake);
      let received = 0;
      const listener = () => void received++;
      document.addEventListener('talk-send-message', listener);
      const start = performance.now();
      for (let i = 0; i < n; i++) fake.sendMessage();
      const us = ((performance.now() - start) * 1000) / n;
      document.removeEventListener('talk-send-message', listener);
      run.remove();
      if (received !== n) throw new Error(`${name}: ${received} of ${n} events reached document`);
      return { value: us };
    });
  },

  /**
   * Element construction, µs per element: kit: `document.createElement('talk-chatbox')`;
   * hand-written: `document.createElement('div')` (the container it mounts into).
   */
  construct: ({ impls: names, rounds, warmup = 2, n = 2000 }) => {
    return alternate(
      names.filter((name) => name !== 'react'),
      rounds,
      warmup,
      fakes.cheap,
      async (name) => {
        const tag = name === 'kit' ? 'talk-chatbox' : 'div';
        const made: Element[] = [];
        const start = performance.now();
        for (let i = 0; i < n; i++) made.push(document.createElement(tag));
        return { value: ((performance.now() - start) * 1000) / n };
      },
    );
  },

  /**
   * Parsed markup: `innerHTML` of `n` `<talk-chatbox conversation-id>` (parse + upgrade; kit)
   * or `n` `<div conversation-id>` (parse only; hand-written), in a detached div; µs per element.
   */
  upgrade: ({ impls: names, rounds, warmup = 2, n = 500 }) => {
    return alternate(
      names.filter((name) => name !== 'react'),
      rounds,
      warmup,
      fakes.cheap,
      async (name) => {
        const tag = name === 'kit' ? 'talk-chatbox' : 'div';
        const markup = Array.from({ length: n }, (_, i) => `<${tag} conversation-id="${conversationId(i)}"></${tag}>`).join('');
        const div = document.createElement('div');
        const start = performance.now();
        div.innerHTML = markup;
        const us = ((performance.now() - start) * 1000) / n;
        if (name === 'kit' && !(div.firstElementChild instanceof customElements.get('talk-chatbox')!)) throw new Error('not upgraded');
        return { value: us };
      },
    );
  },

  /** The old bench's figure: a session with a chatbox, an inbox and a popup, insert to all ready (kit and hand-written), ms. */
  threeUis: ({ impls: names, fake: fakeName, rounds, warmup = 2 }) => {
    const fake = fakes[fakeName];
    return alternate(
      names.filter((name) => name !== 'react'),
      rounds,
      warmup,
      fake,
      async (name) => {
        const host = newHost(name);
        const mark = fake.mark();
        const start = performance.now();
        let remove: () => void;
        if (name === 'kit') {
          const session = document.createElement('talk-session');
          session.sdk = fake.sdk;
          session.setAttribute('app-id', 'bench');
          session.setAttribute('user-id', 'alice');
          const chatbox = document.createElement('talk-chatbox');
          chatbox.setAttribute('conversation-id', 'c0');
          session.append(chatbox, document.createElement('talk-inbox'), document.createElement('talk-popup'));
          const ready = events(session, 'talk-ready', 3);
          host.append(session);
          await ready;
          remove = () => session.remove();
        } else {
          await Talk.ready;
          const session = new Talk.Session({ appId: 'bench', userId: 'alice' });
          const a = document.createElement('div');
          const b = document.createElement('div');
          host.append(a, b);
          const chatbox = session.createChatbox();
          void chatbox.select('c0');
          const inbox = session.createInbox();
          const popup = session.createPopup();
          await Promise.all([chatbox.mount(a), inbox.mount(b), popup.mount()]);
          remove = () => {
            chatbox.destroy();
            inbox.destroy();
            popup.destroy();
            session.destroy();
          };
        }
        const ms = performance.now() - start;
        const calls = fake.since(mark);
        remove();
        host.remove();
        return { value: ms, calls };
      },
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Held mounts, for the heap measure (Node forces a GC and reads the heap between the calls).

let held: { remove(): void } | undefined;

async function hold(name: ImplName, n: number): Promise<void> {
  useFake(fakes.cheap.sdk);
  release();
  const run = await timedMount(name, n, fakes.cheap);
  held = run;
}

function release(): void {
  held?.remove();
  held = undefined;
}

/** For a CPU profile: mounts `n` boxes with the kit `times` times (Node starts and stops the profiler around it). */
async function profileKit(n: number, times: number): Promise<number> {
  useFake(fakes.cheap.sdk);
  let total = 0;
  for (let i = 0; i < times; i++) {
    const run = await timedMount('kit', n, fakes.cheap);
    total += run.ms;
    run.remove();
    await nextTask();
  }
  return total / times;
}

/** What the page was built with: Lit's dev mode sets `globalThis.litIssuedWarnings` at load; React's dev build freezes elements. */
function environment() {
  return {
    litDevMode: (globalThis as { litIssuedWarnings?: unknown }).litIssuedWarnings !== undefined,
    reactDevMode: Object.isFrozen(h('i')),
    crossOriginIsolated: globalThis.crossOriginIsolated,
    gc: typeof gc === 'function',
    userAgent: navigator.userAgent,
  };
}

declare global {
  interface Window {
    bench: {
      environment: typeof environment;
      measure(name: string, params: MeasureParams): Promise<Result>;
      hold: typeof hold;
      release: typeof release;
      profileKit: typeof profileKit;
    };
  }
}

window.bench = {
  environment,
  measure: (name, params) => {
    const measure = measures[name];
    if (!measure) throw new Error(`no measure ${name}`);
    return measure(params);
  },
  hold,
  release,
  profileKit,
};
