/**
 * `installFakeTalkCdn()`: what the real `https://cdn.talkjs.com/talk.js` does when it loads, with
 * the in-memory fake instead of the real SDK, so that a page on the kit's DEFAULT path (no `sdk`
 * property: the `talkjs` package injects that script) runs offline.
 *
 * The `talkjs` package (and TalkJS's copy-paste snippet) put a stub on `window.Talk` before the
 * script loads: `{ v: 3, ready: { then, catch, c: queue } }`, where each `ready.then(f)` call
 * queued `[f, resolve?, reject?]`. The package's default export IS that stub object, so whoever
 * imported it keeps a reference to it: the script must complete the object in place, not replace
 * it. This function does exactly that with a fake from {@link createFakeTalk}, then flushes the
 * queue once the fake is ready.
 *
 * In end-to-end tests, serve the classic-script build `dist/testing/fake-talk-cdn.iife.js`
 * (global `FakeTalkCdn`) at the CDN URL:
 *
 * ```js
 * await page.route('https://cdn.talkjs.com/talk.js', (route) =>
 *   route.fulfill({
 *     contentType: 'text/javascript',
 *     body: `${bundle}\nwindow.fakeTalk = FakeTalkCdn.installFakeTalkCdn(${JSON.stringify(seed)});`,
 *   }),
 * );
 * ```
 */
import { createFakeTalk, type FakeTalk } from './fake-talk.js';
import type { FakeTalkOptions } from './types.js';

/** One queued `Talk.ready.then(f)` call of the stub: `[onFulfilled, resolve?, reject?]`. */
type QueuedThen = [onFulfilled: (() => unknown) | undefined, resolve?: (value: unknown) => void, reject?: (reason: unknown) => void];

/** The stub the `talkjs` package puts on `window.Talk` before the SDK script has loaded. */
interface TalkStub {
  v?: number;
  ready?: { then?: unknown; catch?: unknown; c?: QueuedThen[] } | PromiseLike<void>;
  [key: string]: unknown;
}

/** The SDK members that exist only once the fake has loaded (see `FakeTalkOptions.ready`). */
const LOADED_MEMBERS = ['Session', 'User', 'oneOnOneId'] as const;

/**
 * Every member of the fake but {@link LOADED_MEMBERS}, as property descriptors that delegate to
 * it: `v`, `ready` (the fake's current one: its stub before load, a promise after), `backend`,
 * the test helpers (methods bound to the fake, accessors read and written through it).
 */
function delegatingDescriptors(fake: FakeTalk): PropertyDescriptorMap {
  const target = fake as unknown as Record<string, unknown>;
  const descriptors: PropertyDescriptorMap = {};
  const skip = new Set<string>(LOADED_MEMBERS);
  for (const name of Object.getOwnPropertyNames(fake)) {
    if (skip.has(name)) continue;
    descriptors[name] = { get: () => target[name], enumerable: true, configurable: true };
  }
  // Prototype members (`live()`, `callsTo()`, `sessions`, `validCredentials`, ...) use the
  // fake's private state: accessors go through the fake, methods are bound to it.
  for (let proto = Object.getPrototypeOf(fake) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name in descriptors || skip.has(name)) continue;
      const own = Object.getOwnPropertyDescriptor(proto, name)!;
      descriptors[name] = own.get
        ? {
            get: () => target[name],
            ...(own.set ? { set: (value: unknown) => void (target[name] = value) } : {}),
            enumerable: true,
            configurable: true,
          }
        : {
            value: typeof own.value === 'function' ? (own.value as (...args: unknown[]) => unknown).bind(fake) : own.value,
            enumerable: true,
            configurable: true,
            writable: true,
          };
    }
  }
  return descriptors;
}

/**
 * Acts as the TalkJS SDK script (`https://cdn.talkjs.com/talk.js`) loading, with an in-memory
 * fake: completes the existing `window.Talk` stub object in place (`ready` and every test helper
 * of {@link FakeTalk}, delegating to the fake; `Session`, `User` and `oneOnOneId` once the fake
 * has loaded), then, once the fake is ready, calls each queued `ready.then` callback and settles
 * the promise it returned with the callback's result. Without a stub, sets `window.Talk` to the fake.
 *
 * Returns the fake itself (its call log, `live()` counts, `backend`, ...); `window.Talk`
 * delegates to it.
 */
export function installFakeTalkCdn(seed: FakeTalkOptions = {}): FakeTalk {
  const fake = createFakeTalk(seed);
  const global = globalThis as unknown as { Talk?: TalkStub | FakeTalk };
  const stub = global.Talk;
  if (!stub || (typeof stub !== 'object' && typeof stub !== 'function')) {
    global.Talk = fake;
    return fake;
  }
  const readyStub = (stub as TalkStub).ready;
  const queue: QueuedThen[] = readyStub && 'c' in readyStub && Array.isArray(readyStub.c) ? readyStub.c : [];
  Object.defineProperties(stub, delegatingDescriptors(fake));
  // `Session`, `User` and `oneOnOneId` appear on the page's object once the fake has loaded
  // (at once with `ready: 'resolved'`; on `resolveReady()` with `'manual'`; never with `'never'`).
  const complete = () => {
    for (const name of LOADED_MEMBERS) {
      (stub as Record<string, unknown>)[name] = (fake as unknown as Record<string, unknown>)[name];
    }
  };
  if (fake.Session !== undefined) complete();
  // Whatever the page queued before "the script" loaded runs once the fake is ready, in order,
  // as the real SDK does; later `Talk.ready.then(...)` calls go to the fake's `ready`.
  void fake.ready.then(() => {
    complete();
    for (const [onFulfilled, resolve, reject] of queue.splice(0)) {
      try {
        const result = onFulfilled?.();
        resolve?.(result);
      } catch (error) {
        if (reject) reject(error);
        else console.error('[fake TalkJS CDN] a queued Talk.ready callback threw:', error);
      }
    }
  });
  return fake;
}
