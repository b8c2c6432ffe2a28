/**
 * The base of the elements that show live data from TalkJS's Data API (`<talk-online-status>`,
 * `<talk-typing-indicator>`): one {@link SubscriptionController}, its status mirrored on the
 * element, its problems reported once.
 */
import type { PropertyDeclarations } from '@lit/reactive-element';
import { DEFAULT_SESSION_TIMEOUT } from '../controllers/session-controller.js';
import type { SubscriptionController } from '../controllers/subscription-controller.js';
import { nonNegativeNumberAttribute, sessionProperty } from './converters.js';
import type { TalkErrorDetail } from './errors.js';
import type { SessionLike } from './sdk-types.js';
import { TalkElement } from './talk-element.js';

/**
 * Base class of the Data API elements. Subclasses create their controller and draw its value in
 * {@link show}; this class checks the inputs, follows the controller's status and reports its
 * errors (`no-session`, `sdk-error`) and a missing user or conversation once each.
 */
export abstract class TalkDataElement<V> extends TalkElement {
  static override properties: PropertyDeclarations = {
    session: { attribute: false, converter: sessionProperty },
    sessionTimeout: { attribute: 'session-timeout', converter: nonNegativeNumberAttribute },
  };

  /** A `Talk.Session` to use instead of the nearest `<talk-session>`'s. */
  declare session?: SessionLike;

  /**
   * How long to wait, in milliseconds, for a `<talk-session>` ancestor (or the `session` property)
   * before reporting `no-session`. Default 5000.
   */
  sessionTimeout: number | undefined = DEFAULT_SESSION_TIMEOUT;

  /** The subscription behind the element. */
  protected abstract readonly data: SubscriptionController<string | null | undefined, V | null>;

  /** The snapshot last shown, so a change event fires once per new snapshot. */
  #shown: V | null | undefined;

  /**
   * What to report when TalkJS answers `null` for the id the page wrote (an unknown user, a
   * conversation the user is not in), or `undefined` for nothing to report.
   */
  protected abstract missing(): TalkErrorDetail | undefined;

  /** Draws `value` (`null`: TalkJS has none; `undefined`: not known yet, or nothing asked). */
  protected abstract show(value: V | null | undefined): void;

  /** Dispatches the element's change event with the new snapshot. */
  protected abstract announce(value: V | null): void;

  protected override updated(): void {
    if (this.findProblem('data', () => [])) {
      this.setStatus('error');
      this.show(undefined);
      return;
    }
    const { status, error, value } = this.data;
    if (error) this.reportInputOnce('data-error', error, error);
    else this.clearReportedInput('data-error');
    const missing = status === 'ready' && value === null ? this.missing() : undefined;
    if (missing) this.reportInputOnce('missing', missing.message, missing);
    else if (status === 'ready') this.clearReportedInput('missing');
    this.setStatus(status);
    this.show(value);
    if (status === 'ready' && value !== undefined && value !== this.#shown) {
      this.#shown = value;
      this.announce(value);
    } else if (value === undefined) {
      this.#shown = undefined;
    }
  }

  protected override teardown(): void {
    this.#shown = undefined;
    this.setStatus('loading');
  }
}
