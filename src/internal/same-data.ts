/**
 * Equality for option values: plain objects and arrays are compared by content (recursively),
 * everything else (SDK objects such as a `ConversationBuilder`, functions, class instances) by
 * identity. So `options = { ...sameValues }` set again by a framework re-render is no change,
 * while a different builder object is; and SDK objects, which may hold cycles, are never walked.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True when `a` and `b` hold the same plain data (see the module comment). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
  }
  return false;
}
