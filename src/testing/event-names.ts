/**
 * The name of every event the kit dispatches, as a runtime list (for logging them all, as the
 * demo does, or for tests). Kept here, not in the kit's entry, so bundles of the kit do not carry it.
 */
import type { TalkEventName } from '../internal/events.js';

/** Every event name: a `Record` over `TalkEventName`, so a name missing or unknown fails `tsc`. */
const EVENT_NAMES: Record<TalkEventName, true> = {
  'talk-message': true,
  'talk-unreads-change': true,
  'talk-desktop-notification-clicked': true,
  'talk-browser-permission-needed': true,
  'talk-browser-permission-denied': true,
  'talk-session-ready': true,
  'talk-token-required': true,
  'talk-send-message': true,
  'talk-custom-message-action': true,
  'talk-custom-conversation-action': true,
  'talk-leave-conversation': true,
  'talk-mark-conversation-as-unread': true,
  'talk-focus': true,
  'talk-blur': true,
  'talk-translation-toggled': true,
  'talk-keyup': true,
  'talk-keydown': true,
  'talk-select-conversation': true,
  'talk-conversation-selected': true,
  'talk-desktop-notification-toggled': true,
  'talk-open': true,
  'talk-close': true,
  'talk-ready': true,
  'talk-error': true,
  'talk-online-change': true,
  'talk-typing-change': true,
};

/** The name of every event the kit dispatches. */
export const TALK_EVENT_NAMES = Object.keys(EVENT_NAMES) as TalkEventName[];
