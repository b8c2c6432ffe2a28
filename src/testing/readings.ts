/**
 * The fake's readings of what the `talkjs` declarations leave open (a timing, a replay), and the
 * module-level default {@link createFakeTalk} uses for options not passed explicitly.
 */

/**
 * How a fake behaves where the SDK's declarations leave the behaviour open. Each field is also a
 * {@link FakeTalkOptions} field of the same name, which wins over the module-level default.
 */
export interface FakeReadings {
  /**
   * `true`: every `unreads.onChange` (and legacy `unreads.on('change')`) subscriber gets the
   * current list once, a macrotask after subscribing. `false`: the session fires its startup
   * "change" once, a macrotask after `new Session`, to the handlers subscribed by then; a
   * handler subscribed later gets only later changes. (The declarations: "A 'change' event is
   * fired on startup right after TalkJS loads, as well as every time the amount of unread
   * conversations changed".)
   */
  unreadsReplay: boolean;
  /**
   * With `FakeTalkOptions.restoredPopup`: whether the `keepOpen` popup is restored inside the
   * `Session` constructor (`'sync'`) or a macrotask (`setTimeout 0`) after it (`'macrotask'`; not
   * if the session was destroyed meanwhile).
   */
  restoreTiming: 'sync' | 'macrotask';
  /**
   * Whether a session created with `tokenFetcher` and no `token` calls `tokenFetcher` for its
   * first token (a microtask after the constructor). The declarations only promise calls
   * "whenever the current token is about to expire" (`session.refreshToken()` simulates that).
   */
  fetchTokens: boolean;
}

/** Two sets of readings: `eager` (the most convenient for a client) and `strict` (the least). */
export const FAKE_READINGS: { readonly eager: Readonly<FakeReadings>; readonly strict: Readonly<FakeReadings> } = Object.freeze({
  eager: Object.freeze({ unreadsReplay: true, restoreTiming: 'sync', fetchTokens: true }),
  strict: Object.freeze({ unreadsReplay: false, restoreTiming: 'macrotask', fetchTokens: false }),
});

let current: FakeReadings = { ...FAKE_READINGS.strict };

/**
 * Sets the module-level default readings used by every later {@link createFakeTalk} call for the
 * options it is not given (fields not passed here keep their current value). Initially
 * {@link FAKE_READINGS}.strict.
 *
 * @example
 * ```ts
 * setFakeReadings(FAKE_READINGS.eager); // run a suite under the other reading
 * ```
 */
export function setFakeReadings(readings: Partial<FakeReadings>): void {
  const next = { ...current };
  for (const key of Object.keys(readings) as Array<keyof FakeReadings>) {
    if (readings[key] !== undefined) (next as Record<string, unknown>)[key] = readings[key];
  }
  current = next;
}

/** The current module-level default readings (a copy). */
export function currentFakeReadings(): FakeReadings {
  return { ...current };
}
