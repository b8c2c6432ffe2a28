/**
 * The base class of every talkjs-elements element: typed events, error reporting, the
 * loading/ready/error state, attribute validation and the removal-versus-move rule.
 */
import { ReactiveElement, type PropertyDeclaration } from '@lit/reactive-element';
import type { CheckedConverter } from './converters.js';
import { sdkErrorDetail, type TalkErrorDetail } from './errors.js';
import { VERSION } from './define.js';
import type { TalkEventDetails, TalkEventName } from './events.js';

/** Where an element stands: waiting for its SDK object, showing it, or failed. */
export type TalkStatus = 'loading' | 'ready' | 'error';

/** A kit event: a `CustomEvent` that bubbles and is composed (out of shadow roots). */
function talkEvent<T>(name: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

/** A `<slot>` (named, or the default one), with `fallback` content shown when nothing is slotted. */
export function slot(name?: string, ...fallback: Node[]): HTMLSlotElement {
  const element = document.createElement('slot');
  if (name) element.name = name;
  element.append(...fallback);
  return element;
}

function isCheckedConverter(converter: unknown): converter is CheckedConverter<unknown> {
  return typeof converter === 'object' && converter !== null && 'valid' in converter;
}

/** A property declared with a validating converter: `[property, attribute, converter]`. */
type CheckedInput = readonly [property: PropertyKey, attribute: string, converter: CheckedConverter<unknown>];

/** What a class's declarations say about its inputs, worked out once per class. */
interface ClassInputs {
  /** Every property with a validating converter, in declaration order. */
  readonly checked: readonly CheckedInput[];
  /** The same, by property. */
  readonly byProperty: ReadonlyMap<PropertyKey, CheckedInput>;
  /** The properties a JSON attribute (see `jsonAttribute`) mirrors, by attribute. */
  readonly jsonByAttribute: ReadonlyMap<string, PropertyKey>;
  /** The properties whose converter is a JSON attribute's. */
  readonly json: ReadonlySet<PropertyKey>;
}

const CLASS_INPUTS = new WeakMap<object, ClassInputs>();

/** The inputs of an element class (its `elementProperties`, finalized by then). */
function classInputs(ctor: typeof ReactiveElement): ClassInputs {
  let inputs = CLASS_INPUTS.get(ctor);
  if (!inputs) {
    const checked: CheckedInput[] = [];
    const jsonByAttribute = new Map<string, PropertyKey>();
    const json = new Set<PropertyKey>();
    for (const [property, declaration] of ctor.elementProperties) {
      if (!isCheckedConverter(declaration.converter)) continue;
      const attribute = typeof declaration.attribute === 'string' ? declaration.attribute : String(property);
      checked.push([property, attribute, declaration.converter]);
      if (declaration.converter.json) {
        json.add(property);
        if (typeof declaration.attribute === 'string') jsonByAttribute.set(declaration.attribute, property);
      }
    }
    inputs = { checked, byProperty: new Map(checked.map((input) => [input[0], input])), jsonByAttribute, json };
    CLASS_INPUTS.set(ctor, inputs);
  }
  return inputs;
}

/**
 * Base class of the kit's elements.
 *
 * - `emit()` dispatches a `talk-*` `CustomEvent` that bubbles and is composed.
 * - `status` and the custom states `:state(loading)`, `:state(ready)`, `:state(error)`.
 * - `report()` sends one `talk-error` and one console message naming the element.
 * - Removal is told from a move: SDK objects are destroyed only if the element is still
 *   disconnected a task after `disconnectedCallback` (a move within one task keeps them).
 */
export abstract class TalkElement extends ReactiveElement {
  /** The version of talkjs-elements this class belongs to. */
  static readonly kitVersion: string = VERSION;

  #internals: ElementInternals | undefined;
  #status: TalkStatus = 'loading';
  #teardownTimer: ReturnType<typeof setTimeout> | undefined;
  /** The shadow root's `loading` and `error` slots, found once it is made. */
  #statusSlots: HTMLSlotElement[] | undefined;
  /** Invalid inputs already reported, by attribute, with the value reported (made on first use). */
  #reportedInputs: Map<string, unknown> | undefined;
  /**
   * The properties set since the last check. A property never set is `undefined`, which every
   * converter accepts, so only those set need checking.
   */
  #unchecked: PropertyKey[] | undefined;
  /** The problems of the inputs found invalid, by property (made on first use). */
  #invalid: Map<PropertyKey, TalkErrorDetail> | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Without ElementInternals there are no custom states; `status` still works.
    }
    this.setCustomState(this.#status, true);
  }

  /** The element's `ElementInternals` (custom states, ARIA), where the browser has them. */
  protected get internals(): ElementInternals | undefined {
    return this.#internals;
  }

  /**
   * Where the element stands: `loading` until its SDK object is ready, `ready` once it is, and
   * `error` when it failed (after a `talk-error`). Mirrored as the CSS custom states
   * `:state(loading)`, `:state(ready)` and `:state(error)`.
   */
  get status(): TalkStatus {
    return this.#status;
  }

  /**
   * Sets {@link status}, the matching custom state and the visibility of the `loading` and
   * `error` slots. Deliberately no re-render: a status change must not start another update.
   */
  protected setStatus(status: TalkStatus): void {
    if (status === this.#status) return;
    this.setCustomState(this.#status, false);
    this.setCustomState(status, true);
    this.#status = status;
    this.syncStatusSlots();
  }

  /** Shows the `loading` slot only while loading and the `error` slot only on error. */
  protected syncStatusSlots(): void {
    for (const slot of this.#statusSlots ?? []) {
      const hidden = slot.name !== this.#status;
      if (slot.hidden !== hidden) slot.hidden = hidden;
    }
  }

  /**
   * The shadow root's fixed content, built once with DOM calls (no templating library, no
   * `innerHTML`: fine under a strict CSP and Trusted Types).
   */
  protected abstract shadowContent(): Node[];

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(...this.shadowContent());
    this.#statusSlots = [...root.querySelectorAll<HTMLSlotElement>('slot[name="loading"], slot[name="error"]')];
    this.syncStatusSlots();
    return root;
  }

  /**
   * Turns the CSS custom state `:state(name)` on or off (`ElementInternals.states`; the legacy
   * `--name` form where a browser accepts only that). Does nothing without custom states.
   */
  protected setCustomState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Chromium before 125 accepts only the legacy `--name` form.
      try {
        if (on) states.add(`--${name}`);
        else states.delete(`--${name}`);
      } catch {
        // No form accepted: no custom states.
      }
    }
  }

  /**
   * Dispatches `name` on this element as a `CustomEvent` with `bubbles: true` and
   * `composed: true`. Returns the event, so callers can read `defaultPrevented`.
   */
  emit<K extends TalkEventName>(name: K, detail: TalkEventDetails[K], options: { cancelable?: boolean } = {}): CustomEvent<TalkEventDetails[K]> {
    const event = talkEvent(name, detail, options.cancelable ?? false);
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Re-dispatches an SDK callback's argument as the DOM event `name` (`detail` = `arg`, or `null`
   * when the SDK passed nothing). Only while connected: a removed element's events reach no
   * listener. When the SDK event can be prevented (it has `preventDefault`), the DOM event is
   * cancelable (as it is when `cancelable` is passed), and `preventDefault()` on it is passed
   * on to the SDK event. Returns the DOM event, or `undefined` when none was dispatched.
   */
  protected relay(name: TalkEventName, arg: unknown, cancelable = false): CustomEvent | undefined {
    if (!this.isConnected) return undefined;
    const sdkEvent = arg as { preventDefault?: unknown } | null | undefined;
    const preventable = typeof sdkEvent?.preventDefault === 'function';
    const event = talkEvent(name, arg ?? null, cancelable || preventable);
    this.dispatchEvent(event);
    if (preventable && event.defaultPrevented) (sdkEvent as { preventDefault(): void }).preventDefault();
    return event;
  }

  /**
   * Reports a problem: one `talk-error` event (detail `{ code, message, attribute?, cause? }`) and
   * one `console.error` line. The message is prefixed with the element's tag.
   */
  protected report(detail: TalkErrorDetail): void {
    const message = `<${this.localName}> ${detail.message}`;
    const full: TalkErrorDetail = { ...detail, message };
    if (detail.cause === undefined) console.error(`[talkjs-elements] ${message}`);
    else console.error(`[talkjs-elements] ${message}`, detail.cause);
    this.emit('talk-error', full);
  }

  /**
   * Checks the properties declared with a validating converter (see `converters.ts`) that were
   * set since the last check: the others cannot have changed (every property set goes through
   * `requestUpdate`), and one never set is `undefined`, which every converter accepts. Reports
   * each invalid value once (until it changes), and returns the problems of all inputs that are
   * invalid now, in declaration order.
   */
  protected checkInputs(): TalkErrorDetail[] {
    const { checked, byProperty } = classInputs(this.constructor as typeof ReactiveElement);
    const unchecked = this.#unchecked;
    if (unchecked?.length === 1) {
      // The usual case: one property set since the last check.
      const input = byProperty.get(unchecked[0]!);
      if (input) this.#check(input);
    } else if (unchecked?.length) {
      for (const input of checked) if (unchecked.includes(input[0])) this.#check(input);
    }
    if (unchecked) unchecked.length = 0;
    const invalid = this.#invalid;
    if (!invalid?.size) return [];
    return checked.filter(([property]) => invalid.has(property)).map(([property]) => invalid.get(property)!);
  }

  /** Checks one input's value: reports it (once) if invalid, forgets its report once valid. */
  #check([property, attribute, converter]: CheckedInput): void {
    const value = (this as unknown as Record<PropertyKey, unknown>)[property];
    if (converter.valid(value)) {
      if (this.#invalid?.delete(property)) this.clearReportedInput(`attr:${attribute}`);
      return;
    }
    const explained = converter.explain?.(value);
    const detail = this.reportInputOnce(`attr:${attribute}`, value, {
      code: 'invalid-attribute',
      attribute,
      message: explained ? `${attribute}: ${explained}` : `${attribute}=${JSON.stringify(value)} is not valid: expected ${converter.expected}.`,
    });
    (this.#invalid ??= new Map()).set(property, detail);
  }

  /**
   * Reports `detail` unless the same `key` was already reported with the same `value` and not
   * cleared since (see {@link clearReportedInput}). Returns `detail` either way.
   */
  protected reportInputOnce(key: string, value: unknown, detail: TalkErrorDetail): TalkErrorDetail {
    const reported = (this.#reportedInputs ??= new Map());
    if (!reported.has(key) || !Object.is(reported.get(key), value)) {
      reported.set(key, value);
      this.report(detail);
    }
    return detail;
  }

  /** Forgets that the input under `key` was reported, so a recurrence is reported again. */
  protected clearReportedInput(key: string): void {
    this.#reportedInputs?.delete(key);
  }

  /**
   * Checks the inputs: first every property's converter ({@link checkInputs}), then `rules`
   * (a function, called once every value has its type) in order, each `[broken, detail]`.
   * Returns the first problem, reported once for as long as
   * it stays the same (same rule, same message); a rule that passes is forgotten, so it is
   * reported again if it breaks again. `scope` tells apart the rule lists of one element.
   */
  protected findProblem(scope: string, rules: () => ReadonlyArray<readonly [broken: unknown, detail: TalkErrorDetail]>): TalkErrorDetail | undefined {
    const invalid = this.checkInputs()[0];
    // The rules may assume every value has its type: check them only when all have.
    if (invalid) return invalid;
    let problem: TalkErrorDetail | undefined;
    rules().forEach(([broken, detail], index) => {
      if (broken && !problem) problem = this.reportInputOnce(`${scope}:${index}`, detail.message, detail);
      // (Nothing reported yet: nothing to forget.)
      else if (!broken && this.#reportedInputs?.size) this.clearReportedInput(`${scope}:${index}`);
    });
    return problem;
  }

  /**
   * Runs a fire-and-forget SDK call; if it throws, reports `sdk-error` naming `what` and returns
   * `undefined`. A returned promise that rejects is reported the same way (so callers must not
   * also handle that rejection).
   */
  protected guard<T>(what: string, call: () => T): T | undefined {
    try {
      const result = call();
      if (result instanceof Promise) {
        result.catch((cause: unknown) => this.reportSdkError(what, cause));
      }
      return result;
    } catch (cause) {
      this.reportSdkError(what, cause);
      return undefined;
    }
  }

  /** Reports `sdk-error` for a failed SDK call named `what` (e.g. `Chatbox.mount()`). */
  protected reportSdkError(what: string, cause: unknown, attribute?: string): void {
    this.report(sdkErrorDetail(what, cause, attribute));
  }

  /** Reports `no-session` (once, until a session turns up) and shows the error state: what a `SessionController` calls `onNoSession`. */
  protected reportNoSession(detail: TalkErrorDetail): void {
    this.reportInputOnce('session', undefined, detail);
    this.setStatus('error');
  }

  /** The JSON-attribute properties set from script: their attributes no longer change them (made on first use). */
  #setByProperty: Set<PropertyKey> | undefined;
  /** True while an attribute's value is being converted into its property. */
  #fromAttribute = false;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    const property = classInputs(this.constructor as typeof ReactiveElement).jsonByAttribute.get(name);
    // The property wins over the attribute: once set from script, the attribute no longer counts.
    if (property !== undefined && this.#setByProperty?.has(property)) return;
    this.#fromAttribute = true;
    try {
      super.attributeChangedCallback(name, old, value);
    } finally {
      this.#fromAttribute = false;
    }
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (name !== undefined) {
      if (!this.#unchecked?.includes(name)) (this.#unchecked ??= []).push(name);
      if (!this.#fromAttribute && classInputs(this.constructor as typeof ReactiveElement).json.has(name)) (this.#setByProperty ??= new Set()).add(name);
    }
    super.requestUpdate(name, oldValue, options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.#teardownTimer);
    this.#teardownTimer = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#teardownTimer);
    this.#teardownTimer = setTimeout(() => {
      this.#teardownTimer = undefined;
      if (!this.isConnected) this.teardown();
    });
  }

  /**
   * Destroys every SDK object the element holds. Called a task after the element was removed
   * (not moved); the element can be connected again later and starts afresh.
   */
  protected abstract teardown(): void;
}
