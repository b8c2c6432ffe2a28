/**
 * Shared by the browser tests: the fake SDK per test, waiting helpers, event and console
 * recorders, and the leak check every test ends with.
 */
import { chai, expect, fixtureCleanup } from '@open-wc/testing';
import '../src/index.js';
import { createFakeTalk, type FakeTalk, type FakeTalkOptions } from '../src/testing/index.js';

export { createFakeTalk, type FakeTalk };

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
            typeof value?.label === 'string' ? value.label : typeof value?.localName === 'string' ? `<${value.localName}>` : Object.prototype.toString.call(value);
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

/** Records the `talk-*` events (or the named ones) that reach `target`. */
export function recordEvents(target: EventTarget = document, names?: readonly string[]) {
  const events: CustomEvent[] = [];
  const all = names ?? (['talk-session-ready', 'talk-ready', 'talk-error'] as const);
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of all) target.addEventListener(name, listener);
  return {
    events,
    of: (name: string) => events.filter((event) => event.type === name),
    stop: () => {
      for (const name of all) target.removeEventListener(name, listener);
    },
  };
}

/** Captures console.error and console.warn (and silences them) until `restore()`. */
export function captureConsole() {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => errors.push(args);
  console.warn = (...args: unknown[]) => warnings.push(args);
  return {
    errors,
    warnings,
    restore: () => {
      console.error = error;
      console.warn = warn;
    },
  };
}

/** Removes the fixtures, lets the kit tear down, and checks that no SDK object is left alive. */
export async function expectNoLeaks(fake: FakeTalk | undefined): Promise<void> {
  fixtureCleanup();
  await nextTask();
  await nextTask();
  if (fake) expect(fake.live(), 'live SDK objects and subscriptions after the test').to.deep.include({ total: 0 });
}
