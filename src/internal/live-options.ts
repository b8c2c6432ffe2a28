/**
 * The options of the UI elements that change without recreating the UI: each applied through the
 * SDK setter the `talkjs` declarations offer, and the list of primitive options that have an
 * attribute of their own.
 */
import { clearingPatch } from './patch.js';
import { sameData } from './same-data.js';
import type { Talk, UIBox } from './sdk-types.js';

/** The primitive `ChatboxOptions` that have a dedicated property (and attribute) of the same name. */
export const CHATBOX_OPTION_KEYS = [
  'messageSuggestion',
  'showChatHeader',
  'chatTitleMode',
  'chatSubtitleMode',
  'showTranslationToggle',
  'translateConversations',
  'theme',
  'captureKeyboardEvents',
  'messageFilter',
  'presence',
] as const satisfies readonly (keyof Talk.ChatboxOptions)[];

/**
 * An option that can change without recreating the UI: how to apply it through the SDK.
 * `inOptions` options are passed at creation in the options object (so their creation value
 * needs no call); the others are applied after creation.
 */
export interface LiveOption<Box> {
  /** The option's key in the SDK options object, or the element property it comes from. */
  readonly key: string;
  /** The attribute or property named in error messages. */
  readonly attribute: string;
  /** The SDK method, named in error messages. */
  readonly method: string;
  /** True when the option is part of the options object given at creation. */
  readonly inOptions: boolean;
  /** When present, a change is applied live only if this returns true (else the UI is recreated). */
  readonly canApply?: (before: unknown, after: unknown) => boolean;
  /** For options not in the options object: the value creation and mounting already applied (`element`: the UI element). */
  readonly atCreation?: (element: HTMLElement) => unknown;
  /** Applies `value` to the live UI object; `before` is the value applied last (or given at creation). */
  readonly apply: (box: Box, value: unknown, before: unknown) => void;
}

const isPrimitiveTranslate = (value: unknown) => value === undefined || value === null || typeof value === 'boolean' || value === 'auto';

/** The conversation ids of a `translateConversations` list (ids or builders), or `undefined` when it is not a list. */
function translatedIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item: unknown) => (typeof item === 'string' ? item : String((item as { id?: unknown } | null)?.id)));
}

/** `options.messageField` without `visible`: what `messageField.setVisible` cannot change. */
function messageFieldRest(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const { visible: _visible, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * Options that change without recreating the UI, each through the SDK setter the declarations
 * offer. A removed value goes back to the SDK's own default as the declarations define it: no
 * filter (`{}`), presence visible with its custom fields deleted (`setPresence` patches), no
 * highlighted words, an empty message field, a visible message field. Subclasses add theirs.
 */
export function commonLiveOptions<Box extends UIBox>(): LiveOption<Box>[] {
  return [
    {
      key: 'messageFilter',
      attribute: 'messageFilter',
      method: 'setMessageFilter',
      inOptions: true,
      apply: (box, value) => box.setMessageFilter((value ?? {}) as Talk.MessagePredicate),
    },
    {
      key: 'presence',
      attribute: 'presence',
      method: 'setPresence',
      inOptions: true,
      // `setPresence` patches: an omitted `visible` "remains unchanged", so a removed one is sent as `true` (the default) and removed custom fields as `null`.
      apply: (box, value, before) => box.setPresence(clearingPatch((before ?? {}) as Talk.UserPresence, (value ?? {}) as Talk.UserPresence, { visible: true })),
    },
    {
      key: 'translateConversations',
      attribute: 'translate-conversations',
      method: 'setTranslationEnabledDefault',
      inOptions: true,
      canApply: (before, after) =>
        (isPrimitiveTranslate(before) && isPrimitiveTranslate(after)) || (translatedIds(before) !== undefined && translatedIds(after) !== undefined),
      apply: (box, value, before) => {
        const now = translatedIds(value);
        if (!now) return box.setTranslationEnabledDefault((value ?? false) as boolean | 'auto');
        const was = translatedIds(before) ?? [];
        for (const id of was) if (!now.includes(id)) box.setTranslationEnabledForConversation(id, false);
        for (const id of now) if (!was.includes(id)) box.setTranslationEnabledForConversation(id, true);
      },
    },
    {
      key: 'messageSuggestion',
      attribute: 'message-suggestion',
      method: 'messageField.setText',
      inOptions: true,
      apply: (box, value) => box.messageField.setText(typeof value === 'string' ? value : ''),
    },
    {
      key: 'messageField',
      attribute: 'options',
      method: 'messageField.setVisible',
      inOptions: true,
      canApply: (before, after) => sameData(messageFieldRest(before), messageFieldRest(after)),
      apply: (box, value) => {
        const visible = (value as Talk.MessageFieldOptions | undefined)?.visible;
        box.messageField.setVisible(visible ?? true);
      },
    },
    {
      key: 'highlightedWords',
      attribute: 'highlighted-words',
      method: 'setHighlightedWords',
      inOptions: false,
      atCreation: () => undefined,
      apply: (box, value) => box.setHighlightedWords((value ?? []) as string[]),
    },
  ];
}
