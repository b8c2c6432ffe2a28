/**
 * Which listeners an element has for one event type, as the DOM counts them (one per listener
 * and capture flag), so the element can subscribe to an SDK callback only while someone listens.
 */

/** The listeners for one event type on one target. */
export class ListenerSet {
  readonly #flags = new Map<EventListenerOrEventListenerObject, Set<boolean>>();
  readonly #onChange: () => void;

  /** `onChange` runs after every addition or removal. */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** How many listeners there are. */
  get size(): number {
    return this.#flags.size;
  }

  /** Records an `addEventListener` call (with its `capture` and `signal`). */
  add(listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    if (!listener) return;
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    const signal = typeof options === 'object' ? options.signal : undefined;
    if (signal?.aborted) return;
    let flags = this.#flags.get(listener);
    if (!flags) this.#flags.set(listener, (flags = new Set()));
    flags.add(capture);
    signal?.addEventListener('abort', () => this.#forget(listener, capture), { once: true });
    this.#onChange();
  }

  /** Records a `removeEventListener` call. */
  remove(listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    if (!listener) return;
    this.#forget(listener, typeof options === 'boolean' ? options : options?.capture === true);
  }

  #forget(listener: EventListenerOrEventListenerObject, capture: boolean): void {
    const flags = this.#flags.get(listener);
    flags?.delete(capture);
    if (flags?.size === 0) this.#flags.delete(listener);
    this.#onChange();
  }
}
