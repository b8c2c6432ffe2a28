/**
 * The latest unread list of one session, kept by `<talk-session>` from its single
 * `Session.unreads.onChange` subscription and shared with every badge through the context.
 * TalkJS promises the list "on startup right after TalkJS loads" and on each change, not a
 * replay to a later subscriber, so a badge added later reads the kept list at once.
 */
import type { Talk } from './sdk-types.js';

/** A session's unread conversations, as last reported, and who wants to hear of changes. */
export class UnreadsStore {
  #current: Talk.UnreadConversation[] | undefined;
  readonly #listeners = new Set<(unreads: Talk.UnreadConversation[]) => void>();

  /** The list from the last `unreads.onChange` call, or `undefined` before the first. */
  get current(): Talk.UnreadConversation[] | undefined {
    return this.#current;
  }

  /** Records a new list and tells every listener. */
  set(unreads: Talk.UnreadConversation[]): void {
    this.#current = unreads;
    for (const listener of [...this.#listeners]) listener(unreads);
  }

  /**
   * Calls `listener` with the kept list at once (when there is one) and with every later list.
   * Returns the function that stops it.
   */
  subscribe(listener: (unreads: Talk.UnreadConversation[]) => void): () => void {
    this.#listeners.add(listener);
    if (this.#current) listener(this.#current);
    return () => this.#listeners.delete(listener);
  }

  /** Drops every listener (the session ended). */
  clear(): void {
    this.#listeners.clear();
  }
}
