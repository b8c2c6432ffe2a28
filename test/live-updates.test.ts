/**
 * Live updates: a change with an SDK setter calls it on the same UI object (no new chatbox, inbox,
 * popup or session); the same value set again calls nothing; any other option change recreates
 * the UI exactly once per task, destroying the old object before creating the new one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type Talk from 'talkjs';
import type { TalkChatboxElement, TalkInboxElement, TalkPopupElement, TalkSessionElement } from '../src/index.js';
import type { FakeCall } from '../src/testing/index.js';
import {
  expectNoLeaks,
  nextTask,
  onCleanup,
  placeUi,
  recordEvents,
  sampleFake,
  until,
  type Attributes,
  type FakeTalk,
  type Properties,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

const place = <T extends UiTag>(tag: T, attributes?: Attributes, properties?: Properties) => placeUi(fake, tag, attributes, properties);
const placeChatbox = (attributes?: Attributes, properties?: Properties) => place('talk-chatbox', attributes, properties);

/** Lets the element update and any follow-up work run. */
async function settle(el: TalkChatboxElement | TalkInboxElement | TalkPopupElement | TalkSessionElement): Promise<void> {
  await el.updateComplete;
  await nextTask();
}

/** The arguments of every call of `method` on `target`. */
function argsOf(method: string, target: object): unknown[][] {
  return fake.callsTo(method, target).map((call) => call.args);
}

/** The chatbox (or inbox, popup) was neither destroyed nor created again. */
function expectSameUi(kind: 'chatboxes' | 'inboxes' | 'popups' = 'chatboxes'): void {
  const create = { chatboxes: 'createChatbox', inboxes: 'createInbox', popups: 'createPopup' }[kind];
  expect(fake[kind], `fake.${kind}`).to.have.length(1);
  expect(fake.callsTo(create), `${create} calls`).to.have.length(1);
  expect(fake[kind][0]!.isAlive, 'still alive').to.equal(true);
  expect(fake.callsTo('destroy', fake[kind][0]!), 'destroy calls').to.have.length(0);
}

function indexOf(call: FakeCall | undefined): number {
  expect(call, 'call').to.not.equal(undefined);
  return fake.calls.indexOf(call!);
}

describe('live updates: selection', () => {
  it('conversation-id change → select(newId) on the same chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    const chatbox = fake.chatboxes[0]!;
    el.setAttribute('conversation-id', 'order-2');
    await settle(el);
    expect(argsOf('select', chatbox)).to.deep.equal([['order-1'], ['order-2']]);
    expect(chatbox.selected).to.equal('order-2');
    el.conversationId = 'order-1';
    await settle(el);
    expect(argsOf('select', chatbox)).to.deep.equal([['order-1'], ['order-2'], ['order-1']]);
    expectSameUi();
  });

  it('removing conversation-id → select(null)', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    el.removeAttribute('conversation-id');
    await settle(el);
    expect(argsOf('select', fake.chatboxes[0]!)).to.deep.equal([['order-1'], [null]]);
    expectSameUi();
  });

  it('syncConversation set later → select(builder) on the same chatbox', async () => {
    const { el, sessionEl } = await placeChatbox({ 'conversation-id': 'order-1' });
    const builder = sessionEl.session!.getOrCreateConversation('later');
    el.syncConversation = builder;
    await settle(el);
    const selects = fake.callsTo('select', fake.chatboxes[0]!);
    expect(selects).to.have.length(2);
    expect(selects[1]!.args).to.have.length(1);
    expect(selects[1]!.args[0]).to.equal(builder);
    expect(fake.chatboxes[0]!.selected).to.equal('later');
    expectSameUi();
  });

  it('as-guest toggled → select(id, { asGuest }) on the same chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    el.setAttribute('as-guest', '');
    await settle(el);
    el.setAttribute('as-guest', 'false');
    await settle(el);
    expect(argsOf('select', fake.chatboxes[0]!)).to.deep.equal([['order-1'], ['order-1', { asGuest: true }], ['order-1', { asGuest: false }]]);
    expectSameUi();
  });

  it('inbox conversation-id change → select(newId) on the same inbox', async () => {
    const { el } = await place('talk-inbox');
    el.conversationId = 'order-2';
    await settle(el);
    expect(argsOf('select', fake.inboxes[0]!)).to.deep.equal([[null], ['order-2']]);
    expectSameUi('inboxes');
  });

  it('popup conversation-id change → select(newId) on the same popup', async () => {
    const { el } = await place('talk-popup', { 'conversation-id': 'order-1' });
    el.setAttribute('conversation-id', 'order-2');
    await settle(el);
    expect(argsOf('select', fake.popups[0]!)).to.deep.equal([['order-1'], ['order-2']]);
    expectSameUi('popups');
  });
});

describe('live updates: setters', () => {
  it('highlighted-words="a, b" → setHighlightedWords(["a", "b"]); removal → setHighlightedWords([])', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    const chatbox = fake.chatboxes[0]!;
    expect(argsOf('setHighlightedWords', chatbox), 'at creation without the attribute').to.deep.equal([]);
    el.setAttribute('highlighted-words', 'a, b');
    await settle(el);
    expect(argsOf('setHighlightedWords', chatbox)).to.deep.equal([[['a', 'b']]]);
    el.removeAttribute('highlighted-words');
    await settle(el);
    expect(argsOf('setHighlightedWords', chatbox)).to.deep.equal([[['a', 'b']], [[]]]);
    expect(chatbox.highlightedWords).to.deep.equal([]);
    expectSameUi();
  });

  it('messageFilter → setMessageFilter(filter); an equal object again calls nothing', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    const chatbox = fake.chatboxes[0]!;
    el.messageFilter = { type: ['==', 'UserMessage'] };
    await settle(el);
    expect(argsOf('setMessageFilter', chatbox)).to.deep.equal([[{ type: ['==', 'UserMessage'] }]]);
    expect(chatbox.messageFilter).to.deep.equal({ type: ['==', 'UserMessage'] });
    const before = fake.calls.length;
    el.messageFilter = { type: ['==', 'UserMessage'] };
    await settle(el);
    expect(fake.calls.slice(before), 'calls after setting an equal filter').to.deep.equal([]);
    el.messageFilter = { type: ['==', 'SystemMessage'] };
    await settle(el);
    expect(argsOf('setMessageFilter', chatbox)).to.have.length(2);
    expect(argsOf('setMessageFilter', chatbox)[1]).to.deep.equal([{ type: ['==', 'SystemMessage'] }]);
    expectSameUi();
  });

  it('a setter-backed key changed inside the options property (presence) → setPresence, not a new chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { options: { showChatHeader: false, presence: { visible: true } } });
    el.options = { showChatHeader: false, presence: { visible: false } };
    await settle(el);
    expect(argsOf('setPresence', fake.chatboxes[0]!)).to.deep.equal([[{ visible: false }]]);
    expectSameUi();
  });

  it('presence → setPresence(presence) on the same chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    el.presence = { visible: false };
    await settle(el);
    expect(argsOf('setPresence', fake.chatboxes[0]!)).to.deep.equal([[{ visible: false }]]);
    expect(fake.chatboxes[0]!.presence, 'the presence in effect').to.deep.equal({ visible: false, custom: {} });
    expectSameUi();
  });

  it('presence { visible: false } then removed → setPresence({ visible: true }): visible again (setPresence patches)', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { presence: { visible: false } });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({ presence: { visible: false } });
    expect(chatbox.presence.visible, 'hidden from creation').to.equal(false);
    el.presence = undefined;
    await settle(el);
    expect(argsOf('setPresence', chatbox)).to.deep.equal([[{ visible: true }]]);
    expect(chatbox.presence, 'the presence in effect').to.deep.equal({ visible: true, custom: {} });
    expectSameUi();
  });

  it('presence custom keys removed → null for each (custom: null when all are gone); visible removed → true', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { presence: { visible: false, custom: { page: 'cart', step: '2' } } });
    const chatbox = fake.chatboxes[0]!;
    el.presence = { custom: { page: 'checkout' } };
    await settle(el);
    expect(argsOf('setPresence', chatbox)).to.deep.equal([[{ custom: { page: 'checkout', step: null }, visible: true }]]);
    expect(chatbox.presence).to.deep.equal({ visible: true, custom: { page: 'checkout' } });
    el.presence = undefined;
    await settle(el);
    expect(argsOf('setPresence', chatbox)[1]).to.deep.equal([{ custom: null }]);
    expect(chatbox.presence).to.deep.equal({ visible: true, custom: {} });
    expectSameUi();
  });

  it('message-suggestion change → messageField.setText(text) on the same chatbox; removal → setText("")', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'message-suggestion': 'Hi!' });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({ messageSuggestion: 'Hi!' });
    el.setAttribute('message-suggestion', 'Where is my order?');
    await settle(el);
    expect(argsOf('setText', chatbox.messageField)).to.deep.equal([['Where is my order?']]);
    expect(await chatbox.messageField.getText()).to.equal('Where is my order?');
    el.removeAttribute('message-suggestion');
    await settle(el);
    expect(argsOf('setText', chatbox.messageField)).to.deep.equal([['Where is my order?'], ['']]);
    expectSameUi();
  });

  it('options.messageField.visible change → messageField.setVisible on the same chatbox; another messageField key still recreates', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { options: { messageField: { placeholder: 'Ask us', visible: true } } });
    const chatbox = fake.chatboxes[0]!;
    el.options = { messageField: { placeholder: 'Ask us', visible: false } };
    await settle(el);
    expect(argsOf('setVisible', chatbox.messageField)).to.deep.equal([[false]]);
    expect(chatbox.messageFieldVisible).to.equal(false);
    const predicate: Talk.ConversationPredicate = { custom: { category: ['==', 'support'] } };
    el.options = { messageField: { placeholder: 'Ask us', visible: predicate } };
    await settle(el);
    expect(argsOf('setVisible', chatbox.messageField)).to.deep.equal([[false], [predicate]]);
    el.options = { messageField: { placeholder: 'Ask us' } };
    await settle(el);
    expect(argsOf('setVisible', chatbox.messageField), 'visible removed: the default, true').to.deep.equal([[false], [predicate], [true]]);
    expectSameUi();

    el.options = { messageField: { placeholder: 'Ask anything' } };
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'recreated for the placeholder');
    expect(fake.chatboxes[1]!.options).to.deep.equal({ messageField: { placeholder: 'Ask anything' } });
  });

  it("options changed in place, then requestUpdate() (Lit's way after a mutation): applied like a new options object; a conversation-id change alone keeps the options", async () => {
    const options: Record<string, unknown> = { messageField: { placeholder: 'Ask us', visible: true } };
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { options });
    const chatbox = fake.chatboxes[0]!;
    options.messageField = { placeholder: 'Ask us', visible: false };
    el.requestUpdate();
    await settle(el);
    expect(argsOf('setVisible', chatbox.messageField)).to.deep.equal([[false]]);
    el.setAttribute('conversation-id', 'order-2');
    await settle(el);
    expect(argsOf('setVisible', chatbox.messageField), 'nothing applied again').to.deep.equal([[false]]);
    options.theme = 'night';
    el.requestUpdate();
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'recreated for the theme');
    expect(fake.chatboxes[1]!.options).to.deep.equal({ messageField: { placeholder: 'Ask us', visible: false }, theme: 'night' });
    expect(argsOf('select', fake.chatboxes[1]!).at(-1)).to.deep.equal(['order-2']);
  });

  it('translate-conversations "a,b" → "b,c" → setTranslationEnabledForConversation(a, false) and (c, true) on the same chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'translate-conversations': 'a,b' });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({ translateConversations: ['a', 'b'] });
    el.setAttribute('translate-conversations', 'b,c');
    await settle(el);
    expect(argsOf('setTranslationEnabledForConversation', chatbox)).to.deep.equal([
      ['a', false],
      ['c', true],
    ]);
    expect([...chatbox.translationEnabledFor]).to.deep.equal([
      ['a', false],
      ['c', true],
    ]);
    expect(fake.callsTo('setTranslationEnabledDefault'), 'no default change').to.have.length(0);
    expectSameUi();
  });

  it('inbox feedFilter → setFeedFilter(filter) on the same inbox', async () => {
    const { el } = await place('talk-inbox');
    const filter: Talk.ConversationPredicate = { custom: { category: ['==', 'orders'] } };
    el.feedFilter = filter;
    await settle(el);
    expect(argsOf('setFeedFilter', fake.inboxes[0]!)).to.deep.equal([[filter]]);
    expect(fake.inboxes[0]!.feedFilter).to.deep.equal(filter);
    expectSameUi('inboxes');
  });

  it('translate-conversations true → auto → setTranslationEnabledDefault("auto") on the same chatbox', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'translate-conversations': 'true' });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({ translateConversations: true });
    expect(argsOf('setTranslationEnabledDefault', chatbox), 'at creation').to.deep.equal([]);
    el.setAttribute('translate-conversations', 'auto');
    await settle(el);
    expect(argsOf('setTranslationEnabledDefault', chatbox)).to.deep.equal([['auto']]);
    el.setAttribute('translate-conversations', 'false');
    await settle(el);
    expect(argsOf('setTranslationEnabledDefault', chatbox)).to.deep.equal([['auto'], [false]]);
    expectSameUi();
  });

  it('translate-conversations auto → a list of ids recreates the chatbox with the list', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'translate-conversations': 'auto' });
    el.setAttribute('translate-conversations', 'order-1, order-2');
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'recreated chatbox ready');
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
    expect(fake.chatboxes[1]!.options).to.deep.equal({ translateConversations: ['order-1', 'order-2'] });
    expect(fake.callsTo('setTranslationEnabledDefault')).to.have.length(0);
  });

  it('popup show → show(); show removed/false → hide(); on the same popup', async () => {
    const { el } = await place('talk-popup', { 'conversation-id': 'order-1' });
    const popup = fake.popups[0]!;
    el.setAttribute('show', '');
    await settle(el);
    expect(argsOf('show', popup)).to.deep.equal([[]]);
    expect(popup.visible).to.equal(true);
    el.show = false;
    await settle(el);
    expect(argsOf('hide', popup)).to.deep.equal([[]]);
    expect(popup.visible).to.equal(false);
    el.show = true;
    await settle(el);
    expect(argsOf('show', popup)).to.have.length(2);
    expect(argsOf('hide', popup)).to.have.length(1);
    expectSameUi('popups');
  });
});

describe('live updates: session desktop-notification-enabled', () => {
  async function placeSession(value?: string, f: FakeTalk = fake) {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${f}></talk-session>`);
    if (value !== undefined) sessionEl.setAttribute('desktop-notification-enabled', value);
    const el = document.createElement('talk-chatbox');
    el.setAttribute('conversation-id', 'order-1');
    sessionEl.append(el);
    await until(() => el.status === 'ready', 'chatbox ready');
    await settle(sessionEl);
    return { sessionEl, el, session: f.sessions[0]! };
  }

  const userActivation = () => (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;

  /**
   * The page may not prompt now: `Notification.permission` is not `granted` and there is no
   * transient user activation. A trusted click or key press of an earlier test leaves one active
   * for a few seconds (Chromium: 5 s): wait for it to expire.
   */
  async function expectNoActivation(): Promise<void> {
    expect(typeof Notification === 'undefined' ? 'default' : Notification.permission, 'Notification.permission').to.not.equal('granted');
    await until(() => userActivation()?.isActive !== true, 'the transient user activation of an earlier test to expire', 7000);
  }

  /** A trusted click (the test runner's, through the browser's input pipeline) on a spot of its own. */
  async function trustedClick(): Promise<void> {
    const spot = document.createElement('div');
    spot.style.cssText = 'position: fixed; left: 0; top: 0; width: 20px; height: 20px; z-index: 2147483647;';
    document.body.append(spot);
    try {
      await sendMouse({ type: 'click', position: [10, 10] });
    } finally {
      spot.remove();
      await resetMouse();
    }
  }

  /**
   * Stubs `Notification.permission` (a static accessor on the `Notification` interface object,
   * configurable) until the test ends.
   */
  function stubPermission(permission: NotificationPermission): void {
    const original = Object.getOwnPropertyDescriptor(Notification, 'permission');
    Object.defineProperty(Notification, 'permission', { configurable: true, enumerable: true, get: () => permission });
    onCleanup(() => {
      if (original) Object.defineProperty(Notification, 'permission', original);
      else delete (Notification as { permission?: unknown }).permission;
    });
    expect(Notification.permission, 'the stub is in effect').to.equal(permission);
  }

  it('absent → setDesktopNotificationEnabled is never called', async () => {
    const { sessionEl } = await placeSession();
    await settle(sessionEl);
    expect(fake.callsTo('setDesktopNotificationEnabled')).to.deep.equal([]);
  });

  it('"true" at creation, no permission and no user activation: no call (not even on untrusted events); one call right after a trusted click; none on later clicks', async function () {
    this.timeout(20000);
    await expectNoActivation();
    const { sessionEl, session } = await placeSession('true');
    expect(argsOf('setDesktopNotificationEnabled', session), 'calls before a user activation').to.deep.equal([]);
    // Untrusted input (script-made) is no user activation.
    sessionEl.click();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await settle(sessionEl);
    expect(argsOf('setDesktopNotificationEnabled', session), 'calls after untrusted events').to.deep.equal([]);

    await trustedClick();
    expect(argsOf('setDesktopNotificationEnabled', session), 'applied inside the trusted click').to.deep.equal([[true]]);
    await trustedClick();
    await settle(sessionEl);
    expect(argsOf('setDesktopNotificationEnabled', session), 'once').to.deep.equal([[true]]);
    expect(session.desktopNotificationEnabled).to.equal(true);
    expect(fake.sessions, 'no new session').to.have.length(1);
    expectSameUi();
  });

  it('"true" at creation: a trusted key press (sendKeys) applies it too', async function () {
    this.timeout(20000);
    await expectNoActivation();
    const { session } = await placeSession('true');
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([]);
    await sendKeys({ press: 'a' });
    await until(() => argsOf('setDesktopNotificationEnabled', session).length > 0, 'applied at the trusted key press');
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([[true]]);
  });

  it('"true" with Notification.permission already granted: applied at once, no click needed', async function () {
    this.timeout(20000);
    await expectNoActivation();
    stubPermission('granted');
    const { session } = await placeSession('true');
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([[true]]);
  });

  it('only once the session is ready: nothing while the SDK loads, then the one call after the credentials and user checks', async () => {
    stubPermission('granted');
    const f = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" desktop-notification-enabled .sdk=${f}></talk-session>`,
    );
    await settle(sessionEl);
    expect(f.calls, 'nothing before the SDK is ready').to.deep.equal([]);
    f.resolveReady();
    await until(() => sessionEl.session !== undefined, 'the session ready');
    await settle(sessionEl);
    const session = f.sessions[0]!;
    expect(f.callsTo('setDesktopNotificationEnabled', session).map((call) => call.args)).to.deep.equal([[true]]);
    const at = f.calls.indexOf(f.callsTo('setDesktopNotificationEnabled', session)[0]!);
    expect(at, 'after hasValidCredentials()').to.be.greaterThan(f.calls.indexOf(f.callsTo('hasValidCredentials', session)[0]!));
    expect(at, 'after currentUser.get()').to.be.greaterThan(f.calls.indexOf(f.callsTo('get')[0]!));
    sessionEl.remove();
    await nextTask();
    await nextTask();
    expect(f.live().total).to.equal(0);
  });

  it('"false" is applied at once (no activation needed)', async function () {
    this.timeout(20000);
    await expectNoActivation();
    const { session } = await placeSession('false');
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([[false]]);
  });

  it('changed live: "true" waits for a trusted click, then "false" at once; on the same session, nothing recreated', async function () {
    this.timeout(20000);
    await expectNoActivation();
    const { sessionEl, session } = await placeSession();
    sessionEl.setAttribute('desktop-notification-enabled', '');
    await settle(sessionEl);
    expect(argsOf('setDesktopNotificationEnabled', session), 'waiting for a user activation').to.deep.equal([]);
    await trustedClick();
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([[true]]);
    sessionEl.setAttribute('desktop-notification-enabled', 'false');
    await settle(sessionEl);
    expect(argsOf('setDesktopNotificationEnabled', session)).to.deep.equal([[true], [false]]);
    expect(session.desktopNotificationEnabled).to.equal(false);
    expect(fake.sessions, 'sessions').to.have.length(1);
    expect(session.isAlive).to.equal(true);
    expect(fake.callsTo('destroy', session)).to.have.length(0);
    expectSameUi();
  });
});

describe('live updates: the same value again', () => {
  it('an equal options object calls nothing and recreates nothing', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' }, { options: { showChatHeader: false, messageField: { placeholder: 'Hi' } } });
    const before = fake.calls.length;
    el.options = { showChatHeader: false, messageField: { placeholder: 'Hi' } };
    await settle(el);
    expect(fake.calls.slice(before), 'calls after an equal options object').to.deep.equal([]);
    expectSameUi();
  });

  it('the same attribute values set again call nothing', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', theme: 'dark', 'highlighted-words': 'a,b' });
    const before = fake.calls.length;
    el.setAttribute('conversation-id', 'order-1');
    el.setAttribute('theme', 'dark');
    el.setAttribute('highlighted-words', 'a, b');
    el.highlightedWords = ['a', 'b'];
    await settle(el);
    expect(fake.calls.slice(before), 'calls after setting the same values').to.deep.equal([]);
    expectSameUi();
  });
});

describe('live updates: other option changes recreate the UI once per task', () => {
  it('two option attributes changed in one task → exactly one new chatbox, the old destroyed first', async () => {
    const events = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'show-chat-header': 'true', theme: 'light' });
    const old = fake.chatboxes[0]!;
    const container = el.querySelector(':scope > [data-talk-mount]');
    el.setAttribute('show-chat-header', 'false');
    el.setAttribute('theme', 'dark');
    await settle(el);
    await until(() => el.status === 'ready' && el.chatbox === fake.chatboxes[1], 'recreated chatbox ready');
    await nextTask();

    expect(fake.chatboxes, 'chatboxes').to.have.length(2);
    expect(fake.callsTo('createChatbox'), 'createChatbox calls').to.have.length(2);
    const replacement = fake.chatboxes[1]!;
    expect(replacement.options).to.deep.equal({ showChatHeader: false, theme: 'dark' });
    expect(old.isAlive).to.equal(false);
    expect(fake.callsTo('destroy', old)).to.have.length(1);
    expect(indexOf(fake.callsTo('destroy', old)[0]), 'old destroyed before the new one is created').to.be.lessThan(indexOf(fake.callsTo('createChatbox')[1]));
    // The new chatbox shows the same conversation, in the same place.
    expect(argsOf('select', replacement)).to.deep.equal([['order-1']]);
    expect(replacement.container).to.equal(container);
    expect(el.chatbox).to.equal(replacement);
    expect(events.of('talk-ready').map((event) => event.detail.chatbox)).to.deep.equal([old, replacement]);
  });

  it('option changes in two separate tasks → two recreations', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    el.setAttribute('show-chat-header', 'false');
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'first recreation');
    el.setAttribute('theme', 'dark');
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 3, 'second recreation');
    await nextTask();
    expect(fake.chatboxes).to.have.length(3);
    expect(fake.chatboxes.map((box) => box.isAlive)).to.deep.equal([false, false, true]);
    expect(fake.chatboxes[1]!.options).to.deep.equal({ showChatHeader: false });
    expect(fake.chatboxes[2]!.options).to.deep.equal({ showChatHeader: false, theme: 'dark' });
    expect(indexOf(fake.callsTo('destroy', fake.chatboxes[1]!)[0])).to.be.lessThan(indexOf(fake.callsTo('createChatbox')[2]));
  });

  it('an options object with different content recreates once with the merged options', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', theme: 'dark' }, { options: { showChatHeader: true } });
    el.options = { showChatHeader: false, theme: 'light' };
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'recreated');
    await nextTask();
    expect(fake.chatboxes).to.have.length(2);
    expect(fake.chatboxes[1]!.options).to.deep.equal({ showChatHeader: false, theme: 'dark' });
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
  });

  it('an option change and a setter change in one task: one recreation, the new chatbox gets the current live values', async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1', 'highlighted-words': 'ship' });
    el.setAttribute('theme', 'dark');
    el.setAttribute('highlighted-words', 'ship, order');
    el.messageFilter = { type: ['==', 'UserMessage'] };
    el.setAttribute('conversation-id', 'order-2');
    await settle(el);
    await until(() => el.status === 'ready' && fake.chatboxes.length === 2, 'recreated');
    await nextTask();
    expect(fake.chatboxes).to.have.length(2);
    const replacement = fake.chatboxes[1]!;
    expect(replacement.options).to.deep.equal({ theme: 'dark', messageFilter: { type: ['==', 'UserMessage'] } });
    expect(argsOf('select', replacement)).to.deep.equal([['order-2']]);
    expect(argsOf('setHighlightedWords', replacement)).to.deep.equal([[['ship', 'order']]]);
    expect(fake.callsTo('setMessageFilter')).to.have.length(0);
  });

  it('inbox: an inbox option change recreates the inbox once', async () => {
    const { el } = await place('talk-inbox', { 'show-feed-header': 'true' });
    el.setAttribute('show-feed-header', 'false');
    el.setAttribute('use-browser-history', 'false');
    await settle(el);
    await until(() => el.status === 'ready' && fake.inboxes.length === 2, 'recreated');
    await nextTask();
    expect(fake.inboxes).to.have.length(2);
    expect(fake.inboxes[0]!.isAlive).to.equal(false);
    expect(fake.inboxes[1]!.options).to.deep.equal({ showFeedHeader: false, useBrowserHistory: false });
  });

  it('popup: a launcher change recreates the popup once, and it stays open when show is set', async () => {
    const { el } = await place('talk-popup', { 'conversation-id': 'order-1', show: '', launcher: 'always' });
    el.setAttribute('launcher', 'never');
    await settle(el);
    await until(() => el.status === 'ready' && fake.popups.length === 2, 'recreated');
    await nextTask();
    expect(fake.popups).to.have.length(2);
    expect(fake.popups[0]!.isAlive).to.equal(false);
    expect(fake.popups[1]!.options).to.deep.equal({ launcher: 'never' });
    expect(argsOf('mount', fake.popups[1]!)).to.deep.equal([[{ show: true }]]);
    expect(fake.popups[1]!.visible).to.equal(true);
  });
});
