/**
 * Shared by the browser tests: the fake SDK per test, placing a UI element in a session, waiting
 * helpers, event and console recorders, slot and session probes, and the leak check (with the
 * cleanups it runs first) every test ends with.
 */
import { chai, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type Talk from 'talkjs';
import '../src/index.js';
import type { TalkSessionElement } from '../src/index.js';
import {
  FAKE_READINGS,
  createFakeTalk,
  setFakeReadings,
  type FakeChatbox,
  type FakeInbox,
  type FakePopup,
  type FakeTalk,
  type FakeTalkOptions,
} from '../src/testing/index.js';

export { createFakeTalk, type FakeTalk };

/**
 * The readings of what the talkjs declarations leave open (a timing, a replay) that every fake of
 * this run takes: `FAKE_READINGS=strict` (default) or `eager` in the environment of
 * `web-test-runner`; `npm test` runs the browser tests under both.
 */
export const READINGS: 'strict' | 'eager' =
  (window as unknown as { TEST_ENV?: { FAKE_READINGS?: string } }).TEST_ENV?.FAKE_READINGS === 'eager' ? 'eager' : 'strict';
setFakeReadings(FAKE_READINGS[READINGS]);

/**
 * A failed assertion whose `actual`/`expected` is a DOM node or a fake SDK object (functions
 * inside) makes @web/test-runner hang instead of reporting it: it sends the error to Node through
 * `structuredClone`, which throws (modernweb-dev/web#2802, #2967). Replace such values by a
 * description, so a failure is reported as a failure.
 */
chai.use((lib) => {
  const proto = lib.Assertion.prototype as unknown as { assert: (...args: unknown[]) => unknown };
  const assert = proto.assert;
  proto.assert = function (this: unknown, ...args: unknown[]) {
    try {
      return assert.apply(this, args);
    } catch (error) {
      const err = error as Record<string, unknown>;
      for (const key of ['actual', 'expected']) {
        try {
          structuredClone(err[key]);
        } catch {
          const value = err[key] as { label?: unknown; localName?: unknown } | null;
          err[key] =
            typeof value?.label === 'string'
              ? value.label
              : typeof value?.localName === 'string'
                ? `<${value.localName}>`
                : Object.prototype.toString.call(value);
          err['showDiff'] = false;
        }
      }
      throw error;
    }
  };
});

/** Resolves after the current task (and its microtasks): past the kit's removal check. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Waits until `condition()` is true, polling every few ms; fails after `timeout` ms. */
export async function until(condition: () => boolean, message = 'condition', timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Users and conversations most tests use. */
export const sampleData: FakeTalkOptions = {
  users: [
    { id: 'alice', name: 'Alice', email: null },
    { id: 'bob', name: 'Bob', email: null },
    { id: 'carol', name: 'Carol', email: null },
  ],
  conversations: [
    { id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'] },
    { id: 'order-2', subject: 'Order 2', participants: ['alice', 'carol'] },
  ],
};

/** A fake with the sample data (and `options` on top). */
export function sampleFake(options: FakeTalkOptions = {}): FakeTalk {
  return createFakeTalk({ ...sampleData, ...options });
}

/** For `recordEvents()` and `captureConsole()`: `untilTestEnds` stops or restores them in `expectNoLeaks()`. */
export interface UntilTestEnds {
  untilTestEnds?: boolean;
}

/** Records the `talk-*` events (or the named ones) that reach `target`. */
export function recordEvents(target: EventTarget = document, names?: readonly string[], { untilTestEnds = false }: UntilTestEnds = {}) {
  const events: CustomEvent[] = [];
  const all = names ?? (['talk-session-ready', 'talk-ready', 'talk-error'] as const);
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of all) target.addEventListener(name, listener);
  const stop = () => {
    for (const name of all) target.removeEventListener(name, listener);
  };
  if (untilTestEnds) onCleanup(stop);
  return {
    events,
    of: (name: string) => events.filter((event) => event.type === name),
    stop,
  };
}

/** Captures console.error and console.warn (and silences them) until `restore()`. */
export function captureConsole({ untilTestEnds = false }: UntilTestEnds = {}) {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => errors.push(args);
  console.warn = (...args: unknown[]) => warnings.push(args);
  const restore = () => {
    console.error = error;
    console.warn = warn;
  };
  if (untilTestEnds) onCleanup(restore);
  return { errors, warnings, restore };
}

/** A console call's arguments as one line (an Error as its message). */
export const consoleLine = (args: unknown[]): string => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');

/** What {@link watchErrors} records: `talk-error` events at the document, console.error/warn, and anything thrown. */
export interface ErrorWatch {
  readonly errors: ReturnType<typeof recordEvents>;
  readonly console: ReturnType<typeof captureConsole>;
  /** Errors thrown out of the kit (window `error` events) and rejections left unhandled. */
  readonly thrown: unknown[];
  /** Fails if anything was thrown since the last call; takes the entries, so each is reported once. */
  expectNothingThrown(message?: string): void;
  /** Stops watching: the listeners go, console and `window.onerror` are restored. */
  stop(): void;
}

/**
 * Watches what a test about errors checks: the `talk-error` events that reach the document, the
 * console's errors and warnings (silenced), and errors thrown out of the kit or rejections left
 * unhandled. An uncaught error is kept from the test runner's own handler (which would abort the
 * whole file): the test checks `thrown` (or calls `expectNothingThrown()`) itself. Stops when the
 * test ends (first thing in `expectNoLeaks()`), or, with `untilTestEnds: false`, at `stop()`:
 * for a file that still wants to see what is thrown while the fixtures are torn down.
 */
export function watchErrors({ untilTestEnds = true }: UntilTestEnds = {}): ErrorWatch {
  const errors = recordEvents(document, ['talk-error']);
  const output = captureConsole();
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const runnerOnError = window.onerror;
  window.onerror = () => true;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    window.onerror = runnerOnError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    output.restore();
    errors.stop();
  };
  if (untilTestEnds) onCleanup(stop);
  return {
    errors,
    console: output,
    thrown,
    expectNothingThrown(message = 'errors thrown out of the kit (window error / unhandledrejection)') {
      expect(thrown.splice(0).map(String), message).to.deep.equal([]);
    },
    stop,
  };
}

/** A timer the code under test set, as {@link recordTimers} records it. */
export interface RecordedTimer {
  id: number;
  /** The delay asked for, in ms. */
  delay: number;
  fired: boolean;
  cleared: boolean;
  /** Runs the timer now (`manual` timers only; once, and not after it was cleared). */
  fire(): void;
}

/**
 * Records every `setTimeout` whose caller's stack names `source` (a file of the kit, such as
 * `'token-fetch'` or `'sdk-loader'`), until the test ends; other timers are left alone. `time`
 * decides when a recorded timer runs: `real` (its own delay), `instant` (a task later, whatever
 * its delay) or `manual` (only when the test calls `fire()`): time driven through the timers the
 * kit set, so a test neither waits on the wall clock nor depends on the machine's speed.
 */
export function recordTimers(source: string, { time = 'real' }: { time?: 'real' | 'instant' | 'manual' } = {}) {
  const timers: RecordedTimer[] = [];
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const fromSource = () => new Error().stack?.includes(source) === true;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (!fromSource() || typeof handler !== 'function') return realSet(handler, delay, ...args);
    const run = () => {
      if (timer.fired || timer.cleared) return;
      timer.fired = true;
      realClear(timer.id);
      (handler as (...a: unknown[]) => void)(...args);
    };
    const timer: RecordedTimer = { id: 0, delay: Number(delay ?? 0), fired: false, cleared: false, fire: () => (time === 'manual' ? run() : undefined) };
    // A manual timer still holds a real id (a timer that never runs), so ids never collide.
    timer.id = realSet(time === 'manual' ? () => {} : run, time === 'manual' ? 2 ** 31 - 1 : time === 'instant' ? 0 : delay);
    timers.push(timer);
    return timer.id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = timers.find((t) => t.id === id);
    if (timer && !timer.fired) timer.cleared = true;
    realClear(id);
  }) as typeof window.clearTimeout;
  const restore = () => {
    window.setTimeout = realSet;
    window.clearTimeout = realClear;
    if (time === 'manual') for (const timer of timers) realClear(timer.id);
  };
  onCleanup(restore);
  return { timers, outstanding: () => timers.filter((t) => !t.fired && !t.cleared), restore, fromSource };
}

const cleanups: Array<() => void> = [];
const otherFakes: FakeTalk[] = [];

/** Runs `cleanup` when the test ends, first thing in `expectNoLeaks()`; the last registered runs first. */
export function onCleanup(cleanup: () => void): void {
  cleanups.push(cleanup);
}

/** Runs (and forgets) every registered cleanup, each even when an earlier one threw; then rethrows the first failure. */
function runCleanups(): void {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/** A second sample fake for a test that swaps `sdk`: `expectNoLeaks()` checks it too. */
export function anotherFake(options: FakeTalkOptions = {}): FakeTalk {
  const other = sampleFake(options);
  otherFakes.push(other);
  return other;
}

/**
 * Runs the cleanups, removes the fixtures, lets the kit tear down, and checks that no SDK object
 * is left alive on `fake` (and on the fakes from `anotherFake()`).
 */
export async function expectNoLeaks(fake: FakeTalk | undefined): Promise<void> {
  const others = otherFakes.splice(0);
  runCleanups();
  fixtureCleanup();
  await nextTask();
  await nextTask();
  if (fake) expect(fake.live(), 'live SDK objects and subscriptions after the test').to.deep.include({ total: 0 });
  for (const other of others) expect(other.live(), 'live objects on the other fake').to.deep.include({ total: 0 });
}

export type UiKind = 'chatbox' | 'inbox' | 'popup';
export type UiTag = `talk-${UiKind}`;
export type FakeBox = FakeChatbox | FakeInbox | FakePopup;
export type Attributes = Record<string, string>;
export type Properties = Partial<Record<string, unknown>>;

/**
 * A `<talk-session app-id="tTEST" user-id="alice">` fixture on `fake`, and a `tag` element (with
 * `attributes`, then `properties`) appended to it once it exists; waits until that one is ready
 * (unless `waitReady` is false).
 */
export async function placeUi<T extends UiTag>(
  fake: FakeTalk,
  tag: T,
  attributes: Attributes = {},
  properties: Properties = {},
  { waitReady = true } = {},
): Promise<{ sessionEl: TalkSessionElement; el: HTMLElementTagNameMap[T] }> {
  const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  sessionEl.append(el);
  if (waitReady) await until(() => el.status === 'ready', `<${tag}> ready`);
  return { sessionEl, el };
}

/** The UI objects `fake` made for a kind of element (`'chatbox'` or `'talk-chatbox'`, and so on). */
export function boxesOf(fake: FakeTalk, ui: UiKind | UiTag): FakeBox[] {
  const kind = ui.replace(/^talk-/, '') as UiKind;
  return kind === 'chatbox' ? fake.chatboxes : kind === 'inbox' ? fake.inboxes : fake.popups;
}

const CREATE: Record<UiTag, string> = { 'talk-chatbox': 'createChatbox', 'talk-inbox': 'createInbox', 'talk-popup': 'createPopup' };

/** An option-table row: a name, the attributes set, and exactly the options they must produce. */
export type OptionCase = [name: string, attributes: Attributes, expected: Record<string, unknown>];

/** Every `ChatboxOptions` attribute the three UI elements share, at once (and conversation-id, not an option). */
export const EVERY_COMMON_ATTRIBUTE: Attributes = {
  'show-chat-header': 'false',
  theme: 'dark',
  'chat-title-mode': 'subject',
  'chat-subtitle-mode': 'null',
  dir: 'rtl',
  'capture-keyboard-events': '',
  'show-translation-toggle': 'auto',
  'translate-conversations': 'auto',
  'message-suggestion': 'Hi!',
  'conversation-id': 'order-1',
};

/** The options `EVERY_COMMON_ATTRIBUTE` must produce. */
export const EVERY_COMMON_OPTION: Record<string, unknown> = {
  showChatHeader: false,
  theme: 'dark',
  chatTitleMode: 'subject',
  chatSubtitleMode: null,
  dir: 'rtl',
  captureKeyboardEvents: true,
  showTranslationToggle: 'auto',
  translateConversations: 'auto',
  messageSuggestion: 'Hi!',
};

/** `fake` made exactly one UI object for `tag`, with exactly `expected` as its options, in one create call. */
export function expectCreatedWith(fake: FakeTalk, tag: UiTag, expected: Record<string, unknown>): void {
  const boxes = boxesOf(fake, tag);
  expect(boxes, 'UI objects created').to.have.length(1);
  expect(boxes[0]!.options).to.deep.equal(expected);
  const creates = fake.callsTo(CREATE[tag]);
  expect(creates, `${CREATE[tag]} calls`).to.have.length(1);
  expect(creates[0]!.args).to.deep.equal([expected]);
}

/** The `loading` and `error` slots in a UI element's shadow root. */
export function slots(el: Element): { loading: HTMLSlotElement; error: HTMLSlotElement } {
  const loading = el.shadowRoot?.querySelector<HTMLSlotElement>('slot[name="loading"]');
  const error = el.shadowRoot?.querySelector<HTMLSlotElement>('slot[name="error"]');
  if (!loading || !error) throw new Error(`<${el.localName}> has no loading/error slots`);
  return { loading, error };
}

/** The `Session` constructor calls recorded by `f` (UI constructors left out). */
export function sessionConstructors(f: FakeTalk) {
  return f.calls.filter((call) => call.method === 'constructor' && /^Session#\d+$/.test(call.target));
}

/** Index in `f.calls` of the first `method` call made on `object` (-1 if none). */
export function callIndex(f: FakeTalk, object: object, method: string): number {
  return f.calls.findIndex((call) => call.object === object && call.method === method);
}

/**
 * Replaces `target.Session` with a subclass that records, at each construction, how many
 * sessions are alive across `fakes`: "at most one live session at every step" means every entry is 0.
 */
export function probeSessions(target: FakeTalk, fakes: FakeTalk[] = [target]): number[] {
  const seen: number[] = [];
  const Base = target.Session;
  const Probed = class extends Base {
    constructor(options: Talk.SessionOptions) {
      seen.push(fakes.reduce((n, f) => n + f.live().sessions, 0));
      super(options);
    }
  };
  Object.defineProperty(target, 'Session', { value: Probed, configurable: true });
  return seen;
}

/**
 * A session's options with a function-valued `tokenFetcher` shown as `'<fetcher>'`: the kit gives
 * TalkJS its own fetcher (retries, `token-endpoint`, `talk-token-required`), so tests compare
 * the rest by value and check the fetcher by calling it.
 */
export function optionsOf(session: { options: object }): Record<string, unknown> {
  const options = { ...(session.options as Record<string, unknown>) };
  if (typeof options.tokenFetcher === 'function') options.tokenFetcher = '<fetcher>';
  return options;
}
