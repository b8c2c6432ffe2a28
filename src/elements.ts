/**
 * The side-effect-free entry: every class and type of the kit, without defining any element.
 * Use it to register the elements under other names, or to extend them. `talkjs-elements`
 * (index) defines them under their standard tags.
 */
export { TalkSessionElement, DEFAULT_LOAD_TIMEOUT } from './elements/session/talk-session.js';
export { TalkChatboxElement } from './elements/chatbox/talk-chatbox.js';
export { TalkInboxElement } from './elements/inbox/talk-inbox.js';
export { TalkPopupElement } from './elements/popup/talk-popup.js';
export { TalkUnreadBadgeElement } from './elements/unread-badge/talk-unread-badge.js';
export { TalkHtmlPanelElement } from './elements/html-panel/talk-html-panel.js';
export { TalkElement, type TalkStatus } from './internal/talk-element.js';
export { TalkUiElement, DEFAULT_SESSION_TIMEOUT, type ConversationSource } from './internal/ui-element.js';
export { sessionContext, type SessionContextValue } from './internal/context.js';
export { TALK_ERROR_CODES, type TalkErrorCode, type TalkErrorDetail } from './internal/errors.js';
export type { TalkEventDetails, TalkEventMap, TalkEventName, TokenRequiredDetail } from './internal/events.js';
export type { TalkSdk, SessionLike, Chatbox, Inbox, Popup, ConversationBuilder } from './internal/sdk-types.js';
export { defineElements, VERSION } from './internal/define.js';
export { TALK_SCRIPT_URL } from './internal/sdk-loader.js';
