/**
 * `desktop-notification-enabled` on one session: `Session.setDesktopNotificationEnabled`, called
 * so that it never prompts on page load (see `user-activation.ts`).
 */
import type { SessionLike } from './sdk-types.js';
import { mayPromptNow, whenUserActivates } from './user-activation.js';

/** The desktop-notification switch of one live session. */
export class DesktopNotificationSwitch {
  readonly #session: SessionLike;
  readonly #doc: Document;
  readonly #onError: (cause: unknown) => void;
  /** The value last passed to `setDesktopNotificationEnabled`. */
  #applied: boolean | undefined;
  /** A `true` waiting for a user activation, and how to stop waiting. */
  #pending: { readonly enabled: boolean; readonly cancel: () => void } | undefined;

  /** `onError` gets what the SDK threw or rejected with. */
  constructor(session: SessionLike, doc: Document, onError: (cause: unknown) => void) {
    this.#session = session;
    this.#doc = doc;
    this.#onError = onError;
  }

  /**
   * Asks for `enabled` (`undefined`/`null`: leave the user's own choice alone). Turning
   * notifications off, or on where the permission is already granted (or the page has a user
   * activation right now), applies at once; turning them on otherwise waits for the next click or
   * key press on the page, as the SDK advises.
   */
  set(enabled: boolean | null | undefined): void {
    const wanted = enabled === undefined || enabled === null || enabled === this.#applied ? undefined : enabled;
    if (this.#pending && this.#pending.enabled !== wanted) this.cancel();
    if (wanted === undefined || this.#pending) return;
    const apply = () => {
      this.#pending = undefined;
      this.#applied = wanted;
      try {
        this.#session.setDesktopNotificationEnabled(wanted).catch(this.#onError);
      } catch (cause) {
        this.#onError(cause);
      }
    };
    if (!wanted || mayPromptNow()) apply();
    else this.#pending = { enabled: wanted, cancel: whenUserActivates(this.#doc, apply) };
  }

  /** Stops waiting for a user activation (the session goes, or the value changed). */
  cancel(): void {
    this.#pending?.cancel();
    this.#pending = undefined;
  }
}
