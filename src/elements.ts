/**
 * The side-effect-free entry: every class and type of the kit, without defining any element.
 * Use it to register the elements under other names, or to extend them. `talkjs-elements`
 * (index) defines them under their standard tags.
 */
import { TalkSessionElement } from './elements/session/talk-session.js';
import { TalkChatboxElement } from './elements/chatbox/talk-chatbox.js';
import { TalkInboxElement } from './elements/inbox/talk-inbox.js';
import { TalkPopupElement } from './elements/popup/talk-popup.js';
import { TalkUnreadBadgeElement } from './elements/unread-badge/talk-unread-badge.js';
import { TalkHtmlPanelElement } from './elements/html-panel/talk-html-panel.js';
import { TalkOnlineStatusElement } from './elements/online-status/talk-online-status.js';
import { TalkTypingIndicatorElement } from './elements/typing-indicator/talk-typing-indicator.js';

export {
  TalkSessionElement,
  TalkChatboxElement,
  TalkInboxElement,
  TalkPopupElement,
  TalkUnreadBadgeElement,
  TalkHtmlPanelElement,
  TalkOnlineStatusElement,
  TalkTypingIndicatorElement,
};
export { DEFAULT_LOAD_TIMEOUT } from './elements/session/talk-session.js';

/**
 * Every element of the kit with its standard tag, for `defineElements(TALK_ELEMENTS)` (what the
 * main entry does), e.g. after setting properties on elements not yet upgraded.
 */
export const TALK_ELEMENTS = [
  ['talk-session', TalkSessionElement],
  ['talk-chatbox', TalkChatboxElement],
  ['talk-inbox', TalkInboxElement],
  ['talk-popup', TalkPopupElement],
  ['talk-unread-badge', TalkUnreadBadgeElement],
  ['talk-html-panel', TalkHtmlPanelElement],
  ['talk-online-status', TalkOnlineStatusElement],
  ['talk-typing-indicator', TalkTypingIndicatorElement],
] as const;
export { TalkElement, type TalkStatus } from './internal/talk-element.js';
export { TalkUiElement, DEFAULT_SESSION_TIMEOUT, type ConversationSource } from './internal/ui-element.js';
export { sessionContext, type SessionContextValue } from './internal/context.js';
export { TALK_ERROR_CODES, type TalkErrorCode, type TalkErrorDetail } from './internal/errors.js';
export type { BrowserPermissionNeededDetail, TalkEventDetails, TalkEventMap, TalkEventName, TokenRequiredDetail } from './internal/events.js';
export type { TalkSdk, SessionLike, Chatbox, Inbox, Popup, ConversationBuilder } from './internal/sdk-types.js';
export { defineElements, VERSION } from './internal/define.js';
export { TALK_SCRIPT_URL } from './internal/sdk-loader.js';
