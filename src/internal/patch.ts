/**
 * Clearing what an attribute or property no longer sets. TalkJS's update calls (`UserRef.set`,
 * `ConversationBuilder.setAttributes`, `UIBox.setPresence`) treat an omitted or `undefined` field
 * as "unchanged" and `null` as "delete"; in `custom`, a key set to `null` deletes that key and
 * `custom: null` deletes them all. So to remove a value the kit must send `null` for it.
 */

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The update to send when the fields go from `before` (what the kit sent last, if anything) to
 * `after`: every field of `after` that is not `undefined`, plus, for each field `before` had and
 * `after` has not, its entry in `cleared` (default `null`). In `custom`, each key `before` had and
 * `after` has not is sent as `null`; a `custom` that is gone altogether is sent as `null`.
 */
export function clearingPatch<T extends object>(before: T | undefined, after: T, cleared: Partial<Record<keyof T, unknown>> = {}): T {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) if (value !== undefined) patch[key] = value;
  const previous = (before ?? {}) as Fields;
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined || value === null) continue;
    const now = patch[key];
    if (now === undefined || now === null) {
      patch[key] = key in cleared ? (cleared as Fields)[key] : null;
    } else if (key === 'custom' && isRecord(value) && isRecord(now)) {
      const custom: Record<string, unknown> = { ...now };
      for (const name of Object.keys(value)) if (!(name in custom) || custom[name] === undefined) custom[name] = null;
      patch[key] = custom;
    }
  }
  return patch as T;
}
