/**
 * Attribute converters that also validate.
 *
 * Each converter turns an attribute's text into the property's value and, when the text cannot
 * be read, keeps the raw string. None reflects (only `dir` does, see `directionAttribute`), so
 * they have no `toAttribute`. `valid()` then tells whether a property value (from the
 * attribute or set directly from script) is acceptable, so one check covers both ways in.
 * `TalkElement` runs these checks before every update and reports `invalid-attribute`.
 */
import type { ComplexAttributeConverter } from '@lit/reactive-element';

/** A Lit attribute converter that can also judge a property value. */
export interface CheckedConverter<T> extends ComplexAttributeConverter<T> {
  /** True when `value` is acceptable for the property. */
  valid(value: unknown): boolean;
  /** What an acceptable value looks like, for error messages. */
  readonly expected: string;
  /** For a value `valid()` rejects: a sentence saying what went wrong, instead of the generic one. */
  explain?(value: unknown): string | undefined;
  /**
   * True for an attribute that mirrors an object-valued property as JSON: once the property is
   * set from script, the attribute no longer changes it (the property wins).
   */
  readonly json?: boolean;
}

/** An attribute's JSON that could not be read: kept as is, so `valid()` rejects it. */
class UnreadableJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/**
 * An object-valued option as JSON in an attribute (`message-filter`, `feed-filter`, `presence`,
 * `options`), and as any value `property` accepts from script. Malformed JSON is invalid, and so
 * is `"[object Object]"`: what a framework writes when it sets an attribute where it meant the
 * property, which the error message says to bind instead.
 */
export function jsonAttribute(property: CheckedConverter<unknown>, propertyName: string): CheckedConverter<unknown> {
  return {
    json: true,
    fromAttribute(value: string | null) {
      if (value === null) return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return new UnreadableJson(value);
      }
    },
    valid: (value) => !(value instanceof UnreadableJson) && property.valid(value),
    expected: `JSON of ${property.expected}, or the ${propertyName} property set from script`,
    explain: (value) =>
      value instanceof UnreadableJson && value.text.trim() === '[object Object]'
        ? `got "[object Object]": an object was written as an attribute. Bind the ${propertyName} property instead (Lit .${propertyName}=\${…}, Vue :${propertyName}.prop or v-bind, Angular [${propertyName}], Svelte and React 19 set it as a property).`
        : undefined,
  };
}

const TRUE_WORDS = new Set(['', 'true']);

/**
 * True for an absent attribute, or text that is empty or only whitespace. A value of another
 * type is not blank (its converter reports it as invalid).
 */
export function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The attribute name of a property: `userPhotoUrl` → `user-photo-url`. */
export function attributeName(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Reads a boolean attribute the DOM way, except that `"false"` is false (Vue and Svelte write `attr="false"`). */
function readBoolean(value: string, name?: string): boolean | string {
  const v = value.trim().toLowerCase();
  if (v === 'false') return false;
  if (TRUE_WORDS.has(v) || (name !== undefined && v === name)) return true;
  return value;
}

/**
 * Tri-state boolean: absent → `undefined` (the SDK's default applies), present, `""`, `"true"` or
 * the attribute's own name → `true`, `"false"` → `false`. Any other text is invalid.
 */
export const booleanAttribute: CheckedConverter<boolean | undefined> = {
  fromAttribute(value: string | null) {
    return value === null ? undefined : (readBoolean(value) as boolean);
  },
  valid: (value) => value === undefined || value === null || typeof value === 'boolean',
  expected: 'present, "true" or "false"',
};

/**
 * One of a fixed list of words; with `boolean`, also `true`/`false` (`""`/`"true"`/`"false"`), with
 * `nullWord`, that word (or a property value of `null`) stands for the SDK's `null`.
 */
export function enumAttribute<T extends string>(
  values: readonly T[],
  { boolean = false, nullWord }: { boolean?: boolean; nullWord?: string } = {},
): CheckedConverter<T | boolean | null | undefined> {
  const words = [...values, ...(boolean ? ['true', 'false'] : []), ...(nullWord ? [nullWord] : [])];
  return {
    fromAttribute(value: string | null) {
      if (value === null) return undefined;
      const v = value.trim();
      if ((values as readonly string[]).includes(v)) return v as T;
      if (nullWord !== undefined && v === nullWord) return null;
      if (boolean) return readBoolean(value) as boolean;
      return value as T;
    },
    valid: (value) =>
      value === undefined ||
      (value === null && nullWord !== undefined) ||
      (boolean && typeof value === 'boolean') ||
      (values as readonly unknown[]).includes(value),
    expected: `one of ${words.map((w) => `"${w}"`).join(', ')}`,
  };
}

/**
 * A duration or count: a finite number ≥ 0. An absent attribute is `undefined` (the element then
 * uses its default); text that is no such number stays the raw string, which `valid()` rejects.
 */
export const nonNegativeNumberAttribute: CheckedConverter<number | string | undefined> = {
  fromAttribute(value: string | null) {
    if (value === null) return undefined;
    const n = value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(n) && n >= 0 ? n : value;
  },
  valid: (value) => value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0),
  expected: 'a number ≥ 0',
};

/** Free text; `undefined`/`null` when absent. */
export const stringAttribute: CheckedConverter<string | undefined> = {
  fromAttribute: (value: string | null) => value ?? undefined,
  valid: (value) => value === undefined || value === null || typeof value === 'string',
  expected: 'text',
};

/** A comma-separated list of strings (items trimmed, empty items dropped) ↔ `string[]`. */
export const listAttribute: CheckedConverter<string[] | undefined> = {
  fromAttribute(value: string | null) {
    if (value === null) return undefined;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  },
  valid: (value) => value === undefined || value === null || (Array.isArray(value) && value.every((v) => typeof v === 'string')),
  expected: 'a comma-separated list',
};

/**
 * For properties without an attribute (`attribute: false`): Lit never calls the conversion, but
 * `valid()` still checks what script sets. A function, or `undefined`.
 */
export const functionProperty: CheckedConverter<unknown> = {
  valid: (value) => value === undefined || value === null || typeof value === 'function',
  expected: 'a function',
};

/** For properties without an attribute: an object, or `undefined`. */
export const objectProperty: CheckedConverter<unknown> = {
  valid: (value) => value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value)),
  expected: 'an object',
};

/** For properties without an attribute: an object or a function returning one, or `undefined`. */
export const objectOrFunctionProperty: CheckedConverter<unknown> = {
  valid: (value) => objectProperty.valid(value) || typeof value === 'function',
  expected: 'an object or a function returning one',
};

/** For properties without an attribute: a TalkJS predicate (an object, or a compound `["any", [...]]` array). */
export const predicateProperty: CheckedConverter<unknown> = {
  valid: (value) => value === undefined || value === null || typeof value === 'object',
  expected: 'a TalkJS predicate object (or ["any", [...]])',
};

/** The HTML `dir` attribute as the SDK reads it: `ltr` or `rtl` (`auto` or absent: the SDK decides). */
export const directionAttribute: CheckedConverter<string> = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim().toLowerCase()) as string,
  toAttribute: (value: string) => value,
  valid: (value) => value === undefined || value === null || ['', 'ltr', 'rtl', 'auto'].includes(value as string),
  expected: 'one of "ltr", "rtl", "auto"',
};

/** Text as an attribute, or any object from script (e.g. `theme`: a name or `ThemeOptions`). */
export const stringOrObjectAttribute: CheckedConverter<unknown> = {
  fromAttribute: (value: string | null) => value ?? undefined,
  valid: (value) => value === undefined || value === null || typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value)),
  expected: 'a name, or an object set from script',
};

/**
 * `translate-conversations`: `true`/`false`/`auto`, or a comma-separated list of conversation ids;
 * from script also an array of conversation builders.
 */
export const translateConversationsAttribute: CheckedConverter<unknown> = {
  fromAttribute(value: string | null) {
    if (value === null) return undefined;
    const v = value.trim();
    if (v === 'auto') return 'auto';
    const bool = readBoolean(value);
    if (typeof bool === 'boolean') return bool;
    return listAttribute.fromAttribute!(value, undefined);
  },
  valid: (value) => value === undefined || typeof value === 'boolean' || value === 'auto' || Array.isArray(value),
  expected: '"true", "false", "auto" or a comma-separated list of conversation ids',
};

const isCustomData = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v === 'string');

/** TalkJS `custom` data as JSON: an object whose values are strings (or `null` to delete a key). */
export const customDataAttribute: CheckedConverter<Record<string, string | null> | undefined> = {
  fromAttribute(value: string | null) {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as Record<string, string | null>;
    } catch {
      return value as unknown as Record<string, string | null>;
    }
  },
  valid: (value) => value === undefined || value === null || isCustomData(value),
  expected: 'JSON like {"key": "text"} (string values)',
};

/** Welcome messages: a JSON array of strings, or one message as plain text. */
export const messagesAttribute: CheckedConverter<string[] | undefined> = {
  fromAttribute(value: string | null) {
    if (value === null) return undefined;
    if (!value.trim().startsWith('[')) return [value];
    try {
      return JSON.parse(value) as string[];
    } catch {
      return value as unknown as string[];
    }
  },
  valid: listAttribute.valid,
  expected: 'one message, or a JSON array of messages',
};

/** For `tokenRetry`: an object whose `attempts` (≥ 1), `baseDelay` and `maxDelay` (≥ 0, ms) are numbers where set. */
export const tokenRetryProperty: CheckedConverter<unknown> = {
  valid: (value) => {
    if (value === undefined || value === null) return true;
    if (!objectProperty.valid(value)) return false;
    const { attempts, baseDelay, maxDelay } = value as Record<string, unknown>;
    const ok = (n: unknown, min: number) => n === undefined || (typeof n === 'number' && Number.isFinite(n) && n >= min);
    return ok(attempts, 1) && ok(baseDelay, 0) && ok(maxDelay, 0);
  },
  expected: '{ attempts ≥ 1, baseDelay ≥ 0, maxDelay ≥ 0 } (numbers, milliseconds)',
};

/** For `session`: a `Talk.Session` (an object with the session's methods), or `undefined`. */
export const sessionProperty: CheckedConverter<unknown> = {
  valid: (value) =>
    value === undefined || value === null || (objectProperty.valid(value) && typeof (value as { createChatbox?: unknown }).createChatbox === 'function'),
  expected: 'a Talk.Session',
};
