/**
 * `talkjs-elements/controllers`: Lit reactive controllers for your own elements inside a
 * `<talk-session>`. Importing this module defines no element and touches no browser global.
 */
export { SessionController, DEFAULT_SESSION_TIMEOUT, type SessionControllerOptions, type SessionHost, type SessionStatus } from './session-controller.js';
export { SubscriptionController, type DataSession, type DataSubscription } from './subscription-controller.js';
export {
  ConversationController,
  ConversationListController,
  MessagesController,
  OnlineStatusController,
  TypingController,
  UserController,
  type IdArgument,
} from './data-controllers.js';
