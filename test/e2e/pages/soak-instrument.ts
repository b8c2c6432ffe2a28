/**
 * Loaded first by soak.html: counts the timers and event listeners still outstanding, by owner.
 * The owner of a call is the first frame of its stack in the repository's `src/`: `kit` for the
 * kit's own code, `fake` for `src/testing/` (the fake SDK); `page` when no `src/` frame is on
 * the stack (the soak script, Vite's client). Listeners are tracked only on the page's
 * long-lived targets (window, document, <html>, <body>): a listener on an element that is
 * gone goes with it.
 */
type Owner = 'kit' | 'fake' | 'page';

// Kit frames can sit deep below the DOM call (Lit, @lit/context): keep enough of the stack.
Error.stackTraceLimit = 60;

function ownerOfStack(): Owner {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(2)) {
    if (line.includes('/src/testing/')) return 'fake';
    if (line.includes('/src/')) return 'kit';
  }
  return 'page';
}

const timers = new Map<number, Owner>();
const realSetTimeout = window.setTimeout.bind(window);
const realClearTimeout = window.clearTimeout.bind(window);
window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
  const owner = ownerOfStack();
  const id = realSetTimeout(
    typeof handler === 'function'
      ? (...a: unknown[]) => {
          timers.delete(id);
          (handler as (...x: unknown[]) => void)(...a);
        }
      : handler,
    delay,
    ...args,
  );
  timers.set(id, owner);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  realClearTimeout(id);
}) as typeof window.clearTimeout;

const longLived = (target: unknown) => target === window || target === document || target === document.documentElement || target === document.body;
type Key = string;
const listeners = new Map<Key, { owner: Owner; count: number }>();
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (value: object) => {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
};
const keyOf = (target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) =>
  `${idOf(target)}|${type}|${idOf(listener)}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
const addedBy = { kit: 0, fake: 0, page: 0 };

const realAdd = EventTarget.prototype.addEventListener;
const realRemove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  if (listener && longLived(this)) {
    const owner = ownerOfStack();
    addedBy[owner]++;
    const key = keyOf(this, type, listener, options);
    if (!listeners.has(key)) listeners.set(key, { owner, count: 1 });
    const once = typeof options === 'object' && options?.once;
    const signal = typeof options === 'object' ? options?.signal : undefined;
    if (once) {
      // A `once` listener goes after its first call: track that through a wrapper-free check.
      realAdd.call(this, type, () => listeners.delete(key), { once: true, capture: typeof options === 'object' ? options.capture : false });
    }
    signal?.addEventListener('abort', () => listeners.delete(key), { once: true });
  }
  return realAdd.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | EventListenerOptions,
) {
  if (listener && longLived(this)) listeners.delete(keyOf(this, type, listener, options));
  return realRemove.call(this, type, listener, options);
};

function count<T extends { owner: Owner }>(values: Iterable<T | Owner>): Record<Owner, number> {
  const counts = { kit: 0, fake: 0, page: 0 };
  for (const value of values) counts[typeof value === 'string' ? value : value.owner]++;
  return counts;
}

/** What the soak reads: outstanding timers and listeners on long-lived targets, by owner. */
(window as unknown as { soakInstrument: unknown }).soakInstrument = {
  outstanding: () => ({ timers: count(timers.values()), listeners: count(listeners.values()), listenersAddedOnLongLivedTargets: { ...addedBy } }),
};
