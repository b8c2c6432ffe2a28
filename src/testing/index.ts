/**
 * `talkjs-elements/testing`: an in-memory fake of the TalkJS classic JavaScript SDK (with the
 * Data API its session carries: `session.user(id)`, `session.conversation(id)`,
 * `session.subscribeConversations()`), for the kit's tests, the offline demo, and your own tests.
 *
 * ```ts
 * import { createFakeTalk } from 'talkjs-elements/testing';
 * const fake = createFakeTalk({ users: [{ id: 'alice', name: 'Alice' }] });
 * document.querySelector('talk-session').sdk = fake;
 * ```
 */
export { createFakeTalk, type FakeTalk } from './fake-talk.js';
export { installFakeTalkCdn } from './fake-cdn.js';
export { FAKE_READINGS, currentFakeReadings, setFakeReadings, type FakeReadings } from './readings.js';
export type {
  FakeCall,
  FakeConversationSeed,
  FakeEmitPayload,
  FakeInboxEventMap,
  FakeLiveCounts,
  FakePopupEventMap,
  FakePreventable,
  FakeSendMessageEvent,
  FakeSessionEventMap,
  FakeTalkOptions,
  FakeUIEventMap,
} from './types.js';
export {
  FakeBackend,
  type FakeBackendChange,
  type FakeConversationRecord,
  type FakeConversationUpdate,
  type FakeMessageRecord,
  type FakeParticipation,
  type FakeReader,
  type FakeUserInput,
  type FakeUserRecord,
} from './backend.js';
export { FakeSession, FakeUnreads } from './fake-session.js';
export { FakeUser, FakeUserRef } from './fake-user.js';
export { FakeConversationRef, FakeMessageRef, FakeParticipantRef, FakeReactionsRef } from './data-refs.js';
export {
  FakeConversationListSubscription,
  FakeConversationSubscription,
  FakeMessageSubscription,
  FakeParticipantSubscription,
  FakeReactionsSubscription,
  FakeSingleParticipantSubscription,
  FakeSubscriptionBase,
  FakeTypingSubscription,
  FakeUserOnlineSubscription,
  FakeUserSubscription,
  FakeWindowedSubscription,
} from './data-subscription.js';
export { FEW_TYPING_LIMIT } from './data-snapshots.js';
export { FakeConversationBuilder, type FakeBuilderParticipant } from './fake-conversation.js';
export { FakeUIBox, FakeMessageField, type FakeHandler, type FakeSelectable, type FakeUIKind } from './fake-ui-box.js';
export { FakeChatbox, FakeInbox, FakePopup } from './fake-ui.js';
export { FakeHtmlPanel } from './fake-html-panel.js';
export { oneOnOneId } from './one-on-one-id.js';
export { TALK_EVENT_NAMES } from './event-names.js';
