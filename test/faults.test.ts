/**
 * Faults: the SDK throwing or rejecting where test/errors.test.ts does not already cover it —
 * popup mount, inbox select, every live setter (setPresence, setHighlightedWords, setFeedFilter,
 * setTranslationEnabledDefault, popup show/hide), destroy of an inbox or a popup and on
 * recreation, Session.destroy on an identity change, session subscriptions, createChatbox,
 * unreads.onChange (badge), setDesktopNotificationEnabled, currentUser.set, createHtmlPanel and
 * HtmlPanel.setHeight. Each: one `talk-error` `sdk-error` with the SDK's error as `cause`, one
 * console message naming the element (and the attribute for setters), nothing thrown, the
 * element still usable (a later change works), nothing left alive.
 *
 * Also: a session destroyed behind the kit's back (inbox, popup, badge wait for the next live
 * session), and an SDK that fails to load, then loads, with attribute changes in between.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkErrorDetail, TalkHtmlPanelElement, TalkInboxElement, TalkPopupElement, TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import { FakeChatbox } from '../src/testing/index.js';
import {
  consoleLine,
  expectNoLeaks,
  nextTask,
  onCleanup,
  recordEvents,
  sampleFake,
  until,
  watchErrors,
  type ErrorWatch,
  type FakeTalk,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk;
let watch: ErrorWatch;

beforeEach(() => {
  fake = sampleFake();
  watch = watchErrors();
});

afterEach(async () => {
  expectNothingThrown();
  await expectNoLeaks(fake);
});

/** Nothing thrown out of the kit since the last check (the entries are taken, so each is reported once). */
const expectNothingThrown = () => watch.expectNothingThrown();

/**
 * Exactly `count` talk-error events so far (after letting pending work run), the last one an
 * `sdk-error` from `tag` mentioning `method`, with `cause` and `attribute`; as many console.error
 * lines, the last naming the element (and the attribute).
 */
async function expectSdkError({
  tag,
  method,
  cause,
  attribute,
  events = watch.errors,
  count = 1,
}: {
  tag: string;
  method: string;
  cause?: unknown;
  attribute?: string;
  events?: ReturnType<typeof recordEvents>;
  count?: number;
}): Promise<TalkErrorDetail> {
  await until(() => events.of('talk-error').length >= count, `talk-error #${count} (${method})`);
  await nextTask();
  await nextTask();
  expectNothingThrown();
  const details = events.of('talk-error').map((event) => event.detail as TalkErrorDetail);
  expect(
    details.map((d) => `${d.code}: ${d.message}`),
    'talk-error events',
  ).to.have.length(count);
  const detail = details.at(-1)!;
  expect(detail.code).to.equal('sdk-error');
  expect(detail.message).to.include(`<${tag}>`).and.to.include(method);
  if (cause !== undefined) expect(detail.cause, 'detail.cause').to.equal(cause);
  else expect(detail.cause, 'detail.cause').to.be.instanceOf(Error);
  if (attribute !== undefined) {
    expect(detail.attribute, 'detail.attribute').to.equal(attribute);
    expect(detail.message).to.include(attribute);
  }
  expect(watch.console.errors.map(consoleLine), 'console.error calls').to.have.length(count);
  const line = consoleLine(watch.console.errors.at(-1)!);
  expect(line).to.include(`<${tag}>`);
  if (attribute !== undefined) expect(line).to.include(attribute);
  if (cause !== undefined) expect(watch.console.errors.at(-1)!).to.include(cause);
  expectNothingThrown();
  return detail;
}

/** Nothing thrown, and no further talk-error (on the document, or in `events`) or console.error than `count`. */
async function expectStill(count: number, events = watch.errors): Promise<void> {
  await nextTask();
  await nextTask();
  expectNothingThrown();
  expect(
    events.of('talk-error').map((e) => (e.detail as TalkErrorDetail).message),
    'talk-error events',
  ).to.have.length(count);
  expect(watch.console.errors.map(consoleLine), 'console.error calls').to.have.length(count);
}

/**
 * Stubs `Notification.permission` (a configurable static accessor of the `Notification`
 * interface object) until the test ends: with `granted`, `desktop-notification-enabled="true"`
 * is applied at once instead of at the next trusted click.
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

/** `<talk-session>` (alice) on the fake with a `tag` child; waits until the child is ready (unless `ready` is false). */
async function mounted<T extends UiTag>(tag: T, attributes: Record<string, string> = {}, { ready = true } = {}) {
  const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  sessionEl.append(el);
  if (ready) await until(() => el.status === 'ready', `<${tag}> ready`);
  return { sessionEl, el };
}

describe('faults: mount and select', () => {
  it('Popup.mount() rejects → sdk-error with the cause; a later option change recreates it and it mounts', async () => {
    const failure = new Error('popup mount exploded');
    fake.failNext('mount', failure);
    const { el } = await mounted('talk-popup', { 'conversation-id': 'order-1' }, { ready: false });
    await expectSdkError({ tag: 'talk-popup', method: 'Popup.mount()', cause: failure });
    await until(() => el.status === 'error', 'popup in error');
    expect(fake.popups[0]!.isAlive, 'the failed popup is destroyed').to.equal(false);
    el.setAttribute('launcher', 'always');
    await until(() => el.status === 'ready', 'popup ready after the change');
    expect(fake.popups).to.have.length(2);
    expect(fake.popups[1]!.options).to.deep.equal({ launcher: 'always' });
    expect(el.popup).to.equal(fake.popups[1]);
    await expectStill(1);
  });

  it('Inbox.select() rejects on a live conversation change → sdk-error; the inbox stays; the next change selects', async () => {
    const { el } = await mounted('talk-inbox', { 'conversation-id': 'order-1' });
    const inbox = fake.inboxes[0]!;
    const failure = new Error('select exploded');
    fake.failNext('select', failure);
    el.setAttribute('conversation-id', 'order-2');
    await expectSdkError({ tag: 'talk-inbox', method: 'Inbox.select()', cause: failure });
    expect(el.inbox).to.equal(inbox);
    expect(inbox.isAlive).to.equal(true);
    expect(el.status).to.equal('ready');
    el.setAttribute('conversation-id', 'order-1');
    await el.updateComplete;
    await until(() => inbox.selected === 'order-1', 'order-1 selected again');
    expect(fake.callsTo('select', inbox).map((call) => call.args[0])).to.deep.equal(['order-1', 'order-2', 'order-1']);
    expect(fake.inboxes).to.have.length(1);
    await expectStill(1);
  });

  it('Session.createChatbox() throws → sdk-error; a later change creates the chatbox', async () => {
    const failure = new Error('no chatbox today');
    fake.failNext('createChatbox', failure);
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' }, { ready: false });
    await expectSdkError({ tag: 'talk-chatbox', method: 'createChatbox', cause: failure });
    // One attempt per change: the failure is not retried until a property changes.
    await nextTask();
    expect(fake.callsTo('createChatbox')).to.have.length(1);
    expect(el.status).to.equal('error');
    el.setAttribute('conversation-id', 'order-2');
    await until(() => el.status === 'ready' && fake.chatboxes.at(-1)?.selected === 'order-2', 'chatbox ready after the change');
    expect(fake.live().chatboxes).to.equal(1);
    expect(el.chatbox).to.equal(fake.chatboxes.at(-1));
    await expectStill(1);
  });
});

describe('faults: a failure that persists', () => {
  it('createChatbox() failing on every call: one sdk-error when connected (not one per context update), one more per change', async () => {
    for (let i = 0; i < 3; i++) fake.failNext('createChatbox', new Error(`no chatbox (${i + 1})`));
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' }, { ready: false });
    await expectSdkError({ tag: 'talk-chatbox', method: 'createChatbox' });
    await nextTask();
    await nextTask();
    expect(fake.callsTo('createChatbox'), 'attempts after connecting').to.have.length(1);
    el.setAttribute('conversation-id', 'order-2');
    await expectSdkError({ tag: 'talk-chatbox', method: 'createChatbox', count: 2 });
    el.setAttribute('conversation-id', 'order-1');
    await expectSdkError({ tag: 'talk-chatbox', method: 'createChatbox', count: 3 });
    el.setAttribute('conversation-id', 'order-2');
    await until(() => el.status === 'ready', 'the fourth attempt mounts');
    expect(fake.callsTo('createChatbox')).to.have.length(4);
    await expectStill(3);
  });

  it('the chatbox getter is undefined once the session destroyed the chatbox behind the kit', async () => {
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' });
    expect(el.chatbox).to.equal(fake.chatboxes[0]);
    fake.chatboxes[0]!.destroy();
    expect(el.chatbox, 'a destroyed chatbox is not offered').to.equal(undefined);
  });
});

interface SetterCase {
  tag: UiTag;
  method: string;
  attribute: string;
  /** Makes the change that calls the setter (`second` for the later change that must work). */
  change(el: HTMLElement, second: boolean): void;
  /** Checks the later change reached the SDK object. */
  applied(box: Record<string, unknown>): void;
}

const SETTERS: SetterCase[] = [
  {
    tag: 'talk-chatbox',
    method: 'setPresence',
    attribute: 'presence',
    change: (el, second) => ((el as unknown as { presence: unknown }).presence = { visible: second, custom: { n: second ? '2' : '1' } }),
    applied: (box) => expect(box.presence).to.deep.equal({ visible: true, custom: { n: '2' } }),
  },
  {
    tag: 'talk-chatbox',
    method: 'setHighlightedWords',
    attribute: 'highlighted-words',
    change: (el, second) => el.setAttribute('highlighted-words', second ? 'ship,late' : 'late'),
    applied: (box) => expect(box.highlightedWords).to.deep.equal(['ship', 'late']),
  },
  {
    tag: 'talk-chatbox',
    method: 'setTranslationEnabledDefault',
    attribute: 'translate-conversations',
    change: (el, second) => el.setAttribute('translate-conversations', second ? 'auto' : 'true'),
    applied: (box) => expect(box.translationEnabledDefault).to.equal('auto'),
  },
  {
    tag: 'talk-inbox',
    method: 'setFeedFilter',
    attribute: 'feedFilter',
    change: (el, second) => ((el as unknown as { feedFilter: unknown }).feedFilter = { hasUnreadMessages: second }),
    applied: (box) => expect(box.feedFilter).to.deep.equal({ hasUnreadMessages: true }),
  },
  {
    tag: 'talk-inbox',
    method: 'setMessageFilter',
    attribute: 'messageFilter',
    change: (el, second) => ((el as unknown as { messageFilter: unknown }).messageFilter = { type: ['==', second ? 'SystemMessage' : 'UserMessage'] }),
    applied: (box) => expect(box.messageFilter).to.deep.equal({ type: ['==', 'SystemMessage'] }),
  },
  {
    tag: 'talk-popup',
    method: 'show',
    attribute: 'show',
    change: (el, second) => el.setAttribute('show', second ? 'false' : ''),
    applied: (box) => expect(box.visible).to.equal(false),
  },
  {
    tag: 'talk-popup',
    method: 'setPresence',
    attribute: 'presence',
    change: (el, second) => ((el as unknown as { presence: unknown }).presence = { visible: second }),
    applied: (box) => expect(box.presence, 'the presence in effect').to.deep.equal({ visible: true, custom: {} }),
  },
];

describe('faults: live setters', () => {
  for (const c of SETTERS) {
    it(`<${c.tag}> ${c.method}() throws → sdk-error naming ${c.attribute}, the UI stays, the next change is applied`, async () => {
      const { el } = await mounted(c.tag, { 'conversation-id': 'order-1' });
      const box = el as unknown as { chatbox?: object; inbox?: object; popup?: object };
      const object = (box.chatbox ?? box.inbox ?? box.popup)!;
      const failure = new Error(`${c.method} exploded`);
      fake.failNext(c.method, failure);
      c.change(el, false);
      await expectSdkError({ tag: c.tag, method: c.method, cause: failure, attribute: c.attribute });
      expect(el.status).to.equal('ready');
      const methods = c.method === 'show' ? ['show', 'hide'] : [c.method];
      const calls = () => methods.flatMap((method) => fake.callsTo(method, object));
      expect(calls(), `${methods.join('/')} calls`).to.have.length(1);
      c.change(el, true);
      await el.updateComplete;
      await nextTask();
      expect(calls(), `${methods.join('/')} calls`).to.have.length(2);
      c.applied(object as Record<string, unknown>);
      // Nothing recreated.
      expect(fake.chatboxes.length + fake.inboxes.length + fake.popups.length).to.equal(1);
      expect((object as { isAlive: boolean }).isAlive).to.equal(true);
      await expectStill(1);
    });
  }
});

describe('faults: destroy', () => {
  for (const tag of ['talk-inbox', 'talk-popup'] as const) {
    it(`<${tag}> removed and destroy() throws → sdk-error, its subscriptions are gone, nothing thrown`, async () => {
      const { el } = await mounted(tag, { 'conversation-id': 'order-1' });
      const onElement = recordEvents(el, ['talk-error'], { untilTestEnds: true });
      const object = (tag === 'talk-inbox' ? fake.inboxes[0] : fake.popups[0])!;
      const before = fake.live().subscriptions;
      fake.failNext('destroy');
      el.remove();
      await expectSdkError({ tag, method: 'destroy()', events: onElement });
      expect(fake.callsTo('destroy', object)).to.have.length(1);
      expect(fake.live().subscriptions, "only the session's own subscriptions remain").to.be.lessThan(before);
      object.destroy(); // what the failed destroy left alive is the SDK's; clean it up
      expect(fake.live()).to.deep.include({ chatboxes: 0, inboxes: 0, popups: 0 });
      await expectStill(1, onElement);
    });
  }

  it('destroy() throws when an option change recreates the chatbox → sdk-error, and the new chatbox is still made and mounted', async () => {
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' });
    const old = fake.chatboxes[0]!;
    fake.failNext('destroy');
    el.setAttribute('theme', 'dark');
    await expectSdkError({ tag: 'talk-chatbox', method: 'Chatbox.destroy()' });
    await until(() => el.status === 'ready' && el.chatbox === fake.chatboxes[1], 'the new chatbox');
    expect(fake.chatboxes[1]!.options).to.deep.equal({ theme: 'dark' });
    expect(fake.chatboxes[1]!.mounted).to.equal(true);
    old.destroy();
    await expectStill(1);
  });

  it('Session.destroy() throws on a user-id change → sdk-error; the new session is made; the kit left no subscription on the old one', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the first session');
    const old = fake.sessions[0]!;
    const subscriptions = fake.live().subscriptions;
    expect(subscriptions, 'the session subscriptions').to.be.greaterThan(0);
    fake.failNext('destroy');
    sessionEl.setAttribute('user-id', 'bob');
    await expectSdkError({ tag: 'talk-session', method: 'Session.destroy()' });
    await until(() => sessionEl.session === fake.sessions[1], 'the new session');
    expect(fake.sessions[1]!.options).to.deep.equal({ appId: 'tAPP', userId: 'bob' });
    expect(old.isAlive, 'the old session the SDK failed to destroy').to.equal(true);
    // All live subscriptions are the new session's: as many as the first one had.
    expect(fake.live().subscriptions).to.equal(subscriptions);
    old.destroy();
    await expectStill(1);
  });
});

describe('faults: subscriptions and session calls', () => {
  it('Session.onMessage() throws → sdk-error from <talk-session>, no session, children in error; a later change recovers', async () => {
    const failure = new Error('cannot subscribe');
    fake.failNext('onMessage', failure);
    const { sessionEl, el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' }, { ready: false });
    await expectSdkError({ tag: 'talk-session', method: 'subscription', cause: failure });
    expect(sessionEl.session).to.equal(undefined);
    expect(sessionEl.status).to.equal('error');
    expect(fake.live().sessions, 'the half-made session is destroyed').to.equal(0);
    expect(fake.live().subscriptions, 'no subscription left').to.equal(0);
    await until(() => el.status === 'error', 'the chatbox in error');
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => el.status === 'ready', 'the chatbox on the new session');
    expect(fake.live().sessions).to.equal(1);
    await expectStill(1);
  });

  it('Session.unreads.onChange() throws for a <talk-unread-badge> given a session → sdk-error naming the badge; on the next session it counts', async () => {
    // A badge inside a <talk-session> reads that element's one subscription; only a badge given
    // a `session` property subscribes itself.
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    const failure = new Error('unreads unavailable');
    fake.failNext('onChange', failure);
    const badge = document.createElement('talk-unread-badge') as TalkUnreadBadgeElement;
    badge.session = sessionEl.session;
    document.body.append(badge);
    onCleanup(() => badge.remove());
    await expectSdkError({ tag: 'talk-unread-badge', method: 'unreads.onChange()', cause: failure });
    expect(badge.status).to.equal('error');
    fake.backend.sendMessage('order-2', 'carol', 'Hi there');
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => sessionEl.session !== undefined && sessionEl.session !== fake.sessions[0], 'the new session');
    badge.session = sessionEl.session;
    await badge.updateComplete;
    expect(fake.callsTo('onChange', fake.sessions[1]!.unreads), 'the badge subscribed on the new session (and the element)').to.have.length(2);
    // A subscriber that comes late gets the current list only under the eager reading (the
    // declarations promise a change event on startup and on every change): count on a change.
    fake.backend.sendMessage('order-1', 'alice', 'For Bob');
    await until(() => badge.status === 'ready' && badge.value === 1, 'the badge counting one unread conversation for bob');
    await expectStill(1);
  });

  it('Session.unreads.onChange() throws for <talk-session> → sdk-error from the session (its one subscription), no session, its badge waits; a later change recovers and the badge counts', async () => {
    const failure = new Error('unreads unavailable');
    fake.failNext('onChange', failure);
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}><talk-unread-badge></talk-unread-badge></talk-session>`,
    );
    const badge = sessionEl.querySelector('talk-unread-badge')!;
    await expectSdkError({ tag: 'talk-session', method: 'subscription', cause: failure });
    expect(sessionEl.status).to.equal('error');
    expect(sessionEl.session).to.equal(undefined);
    expect(fake.live(), 'the half-made session is destroyed, nothing subscribed').to.deep.include({ sessions: 0, subscriptions: 0 });
    expect(badge.status, 'the badge counts nothing').to.not.equal('ready');
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => badge.status === 'ready', 'the badge counting on the new session');
    expect(fake.callsTo('onChange', fake.sessions[1]!.unreads), 'one unreads.onChange on the new session: the element’s').to.have.length(1);
    fake.backend.sendMessage('order-1', 'alice', 'For Bob');
    await until(() => badge.value === 1, 'one unread conversation for bob');
    await expectStill(1);
  });

  it('setDesktopNotificationEnabled() rejects → sdk-error naming desktop-notification-enabled; the session stays; a later value is applied', async () => {
    // Applied at once only where the page may prompt now: the permission is stubbed as granted.
    stubPermission('granted');
    const failure = new Error('permission denied');
    fake.failNext('setDesktopNotificationEnabled', failure);
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tAPP" user-id="alice" desktop-notification-enabled .sdk=${fake}></talk-session>`,
    );
    await expectSdkError({ tag: 'talk-session', method: 'setDesktopNotificationEnabled', cause: failure, attribute: 'desktop-notification-enabled' });
    const session = fake.sessions[0]!;
    expect(sessionEl.session).to.equal(session);
    sessionEl.setAttribute('desktop-notification-enabled', 'false');
    await until(() => session.desktopNotificationEnabled === false, 'the later value');
    expect(fake.sessions).to.have.length(1);
    await expectStill(1);
  });

  it('currentUser.set() rejects when syncUser changes its name → sdk-error; the session stays; the next change is sent', async () => {
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tAPP" .syncUser=${new fake.User({ id: 'dave', name: 'Dave' })} .sdk=${fake}></talk-session>`,
    );
    await until(() => sessionEl.session !== undefined, 'the session');
    const failure = new Error('user update refused');
    fake.failNext('set', failure);
    sessionEl.syncUser = new fake.User({ id: 'dave', name: 'David' });
    await expectSdkError({ tag: 'talk-session', method: 'currentUser.set()', cause: failure });
    sessionEl.syncUser = new fake.User({ id: 'dave', name: 'Dave D.' });
    await until(() => fake.backend.users.get('dave')?.name === 'Dave D.', 'the next name in the backend');
    expect(fake.sessions).to.have.length(1);
    await expectStill(1);
  });
});

/** A cross-origin page for HTML panels that needs no network (a data: URL has an opaque origin). */
const PANEL_URL = 'data:text/html,<p>Order 1</p>';

describe('faults: HTML panels', () => {
  it('a cross-origin panel: changing its attributes (height, show) throws nothing and is applied', async () => {
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' });
    const panel = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    panel.setAttribute('url', PANEL_URL);
    el.append(panel);
    await until(() => panel.status === 'ready', 'the panel');
    await fake.htmlPanels[0]!.windowLoadedPromise;
    expect(() => fake.htmlPanels[0]!.window.document, 'the panel page is cross-origin').to.throw();
    panel.setAttribute('height', '120');
    panel.setAttribute('show', 'false');
    await until(() => fake.callsTo('hide').length === 1, 'hide()');
    await nextTask();
    expect(fake.callsTo('setHeight').map((call) => call.args)).to.deep.equal([[120]]);
    await expectStill(0);
  });

  it('createHtmlPanel() rejects → sdk-error naming url; a later url creates it', async () => {
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' });
    const failure = new Error('panel refused');
    fake.failNext('createHtmlPanel', failure);
    const panel = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    panel.setAttribute('url', `${PANEL_URL}-1`);
    el.append(panel);
    await expectSdkError({ tag: 'talk-html-panel', method: 'createHtmlPanel()', cause: failure, attribute: 'url' });
    expect(panel.status).to.equal('error');
    panel.setAttribute('url', `${PANEL_URL}-2`);
    await until(() => panel.status === 'ready', 'the panel');
    expect(fake.htmlPanels.filter((p) => p.isAlive ?? true)).to.have.length.greaterThan(0);
    await expectStill(1);
  });

  it('HtmlPanel.setHeight() throws → sdk-error; the panel stays; the next height is applied', async () => {
    const { el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' });
    const panel = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    panel.setAttribute('url', PANEL_URL);
    el.append(panel);
    await until(() => panel.status === 'ready', 'the panel');
    const failure = new Error('height refused');
    fake.failNext('setHeight', failure);
    panel.height = 120;
    await expectSdkError({ tag: 'talk-html-panel', method: 'setHeight()', cause: failure });
    panel.height = 140;
    await until(() => fake.callsTo('setHeight').length === 2, 'the second setHeight');
    expect(fake.callsTo('setHeight').map((call) => call.args)).to.deep.equal([[120], [140]]);
    expect(panel.htmlPanel).to.equal(fake.htmlPanels[0]);
    await expectStill(1);
  });
});

describe('faults: a session destroyed behind the kit', () => {
  it('inbox, popup and unread badge stop calling into it and come back on the next session', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tAPP" user-id="alice" .sdk=${fake}>
        <talk-inbox conversation-id="order-1"></talk-inbox>
        <talk-popup conversation-id="order-2"></talk-popup>
        <talk-unread-badge></talk-unread-badge>
      </talk-session>
    `);
    const inboxEl = sessionEl.querySelector<TalkInboxElement>('talk-inbox')!;
    const popupEl = sessionEl.querySelector<TalkPopupElement>('talk-popup')!;
    const badge = sessionEl.querySelector<TalkUnreadBadgeElement>('talk-unread-badge')!;
    await until(() => inboxEl.status === 'ready' && popupEl.status === 'ready' && badge.status === 'ready', 'all ready');
    const dead = fake.sessions[0]!;
    dead.destroy();
    const mark = fake.calls.length;
    // Prod every element: live options, recreating options, badge settings.
    inboxEl.setAttribute('conversation-id', 'order-2');
    inboxEl.feedFilter = { hasUnreadMessages: true };
    popupEl.setAttribute('show', '');
    popupEl.setAttribute('keep-open', '');
    badge.setAttribute('count', 'messages');
    await nextTask();
    await nextTask();
    const intoDead = fake.calls.slice(mark).filter((call) => call.target.startsWith(dead.label) || dead.uis.includes(call.object as never));
    expect(
      intoDead.map((call) => `${call.target}.${call.method}`),
      'calls into the dead session or its UIs',
    ).to.deep.equal([]);
    expect(watch.errors.events, 'talk-error').to.have.length(0);

    sessionEl.setAttribute('user-id', 'bob');
    await until(
      () => fake.sessions.length === 2 && inboxEl.status === 'ready' && popupEl.status === 'ready' && badge.status === 'ready',
      'all ready on the new session',
    );
    const fresh = fake.sessions[1]!;
    expect(inboxEl.inbox?.isAlive).to.equal(true);
    expect(fake.inboxes.at(-1)!.session).to.equal(fresh);
    expect(fake.inboxes.at(-1)!.selected).to.equal('order-2');
    expect(fake.inboxes.at(-1)!.feedFilter).to.deep.equal({ hasUnreadMessages: true });
    expect(fake.popups.at(-1)!.session).to.equal(fresh);
    expect(fake.popups.at(-1)!.options).to.deep.include({ keepOpen: true });
    expect(fake.popups.at(-1)!.visible).to.equal(true);
    expect(fake.callsTo('onChange', fresh.unreads).length, "the badge's subscription on the new session").to.be.greaterThan(0);
    await expectStill(0);
  });

  it('<talk-session> itself: a change that keeps its identity makes no call into its dead session, and a new session replaces it', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    const dead = fake.sessions[0]!;
    dead.destroy();
    // "true" applies at once only where the page may prompt now: the permission is stubbed as granted.
    stubPermission('granted');
    const mark = fake.calls.length;
    sessionEl.setAttribute('desktop-notification-enabled', 'true');
    sessionEl.setAttribute('user-name', 'Alice A.');
    await nextTask();
    await nextTask();
    const intoDead = fake.calls.slice(mark).filter((call) => call.target.startsWith(dead.label));
    expect(
      intoDead.map((call) => `${call.target}.${call.method}`),
      'calls into the dead session',
    ).to.deep.equal([]);
    await until(() => sessionEl.session !== undefined && sessionEl.session !== dead, 'a new session');
    expect(sessionEl.session!.isAlive).to.equal(true);
    expect(fake.live().sessions).to.equal(1);
    expect(fake.sessions.at(-1)!.desktopNotificationEnabled, 'the new session got the setting').to.equal(true);
    await expectStill(0);
  });
});

describe('faults: the SDK fails to load, then loads', () => {
  it('load-timeout passes twice (a change in between waits again), then ready resolves and a change makes the session and mounts the UI', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${fake} app-id="tAPP" user-id="alice" load-timeout="40">
        <talk-inbox></talk-inbox>
      </talk-session>
    `);
    const inboxEl = sessionEl.querySelector<TalkInboxElement>('talk-inbox')!;
    const failures = () => watch.errors.of('talk-error').map((event) => (event.detail as TalkErrorDetail).code);
    await until(() => failures().length === 1, 'the first sdk-load-failed');
    expect(failures()).to.deep.equal(['sdk-load-failed']);
    await until(() => inboxEl.status === 'error', 'inbox in error');

    sessionEl.setAttribute('user-id', 'bob'); // still not ready: a new wait, a new failure
    await until(() => sessionEl.status === 'loading', 'loading again');
    await until(() => failures().length === 2, 'the second sdk-load-failed');
    expect(failures()).to.deep.equal(['sdk-load-failed', 'sdk-load-failed']);
    expect(fake.calls, 'no SDK call before ready').to.deep.equal([]);

    fake.resolveReady();
    await fake.ready;
    sessionEl.setAttribute('user-id', 'carol');
    await until(() => inboxEl.status === 'ready', 'the inbox once loaded');
    expect(fake.sessions).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tAPP', userId: 'carol' });
    expect(fake.inboxes).to.have.length(1);
    expect(sessionEl.status).to.equal('ready');
    await expectStill(2);
  });

  it('after sdk-load-failed, swapping sdk for one that is ready retries at once', async () => {
    const never = sampleFake({ ready: 'never' });
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${never} app-id="tAPP" user-id="alice" load-timeout="30">
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = sessionEl.querySelector('talk-chatbox')!;
    await until(() => watch.errors.events.length === 1, 'sdk-load-failed');
    sessionEl.sdk = fake;
    await until(() => chatboxEl.status === 'ready', 'the chatbox on the working SDK');
    expect(fake.sessions).to.have.length(1);
    expect(never.calls).to.deep.equal([]);
    await expectStill(1);
  });

  it('a mount still pending when the SDK object is destroyed by its session: no talk-ready, no error', async () => {
    const original = FakeChatbox.prototype.mount;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    FakeChatbox.prototype.mount = function (this: FakeChatbox, container: HTMLElement | null) {
      return original.call(this, container).then(() => gate);
    };
    onCleanup(() => {
      FakeChatbox.prototype.mount = original;
      release();
    });
    const { sessionEl, el } = await mounted('talk-chatbox', { 'conversation-id': 'order-1' }, { ready: false });
    const ready = recordEvents(el, ['talk-ready'], { untilTestEnds: true });
    await until(() => fake.callsTo('mount').length === 1, 'mount called');
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => fake.callsTo('mount').length === 2, 'the second mount');
    release();
    await until(() => el.status === 'ready', 'the second chatbox ready');
    expect(ready.events.map((event) => (event.detail as { chatbox: unknown }).chatbox)).to.deep.equal([fake.chatboxes[1]]);
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
    await expectStill(0);
  });
});
