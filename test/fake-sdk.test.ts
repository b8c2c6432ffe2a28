import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type Talk from 'talkjs';
import { createFakeTalk, type FakeTalk, type FakeTalkOptions } from '../src/testing/index.js';
import type { FakeChatbox, FakeInbox, FakePopup, FakeSession } from '../src/testing/index.js';

const USERS: Talk.UserOptions[] = [
  { id: 'alice', name: 'Alice', email: null, role: 'default' },
  { id: 'bob', name: 'Bob', email: null, role: 'default', welcomeMessage: 'Hi, Bob here.' },
  { id: 'carol', name: 'Carol', email: null },
];

const CONVERSATIONS: FakeTalkOptions['conversations'] = [
  {
    id: 'order-1',
    subject: 'Order #1',
    participants: ['alice', 'bob'],
    welcomeMessages: ['Welcome to your order chat'],
    messages: [{ senderId: 'bob', text: 'Your order shipped' }],
  },
  { id: 'team', participants: ['alice', 'bob', 'carol'], custom: { kind: 'team' } },
];

let fake: FakeTalk | undefined;

function makeFake(options: FakeTalkOptions = {}): FakeTalk {
  fake = createFakeTalk({ users: USERS, conversations: CONVERSATIONS, ...options });
  return fake;
}

function session(f: FakeTalk, userId = 'alice'): FakeSession {
  return new f.Session({ appId: 'tTEST', userId });
}

/** A sized container for a UI, in the test fixture. */
async function container(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div class="host"></div>`);
}

function part<T extends Element = HTMLElement>(box: FakeChatbox | FakeInbox | FakePopup, name: string): T {
  const found = box.element?.shadowRoot?.querySelector<T>(`[data-part="${name}"]`);
  if (!found) throw new Error(`no [data-part="${name}"] in ${box.label}`);
  return found;
}

function parts(box: FakeChatbox | FakeInbox | FakePopup, name: string): HTMLElement[] {
  return [...(box.element?.shadowRoot?.querySelectorAll<HTMLElement>(`[data-part="${name}"]`) ?? [])];
}

function messageTexts(box: FakeChatbox | FakeInbox | FakePopup): string[] {
  return parts(box, 'message-text').map((node) => node.textContent ?? '');
}

function typeAndSend(box: FakeChatbox | FakeInbox | FakePopup, text: string): void {
  part<HTMLInputElement>(box, 'message-field').value = text;
  part<HTMLButtonElement>(box, 'send').click();
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve));

afterEach(() => {
  // Whatever a failed test left behind.
  for (const s of fake?.sessions ?? []) s.destroy();
  fake = undefined;
});

describe('fake SDK: ready', () => {
  it("'resolved' (default): ready is resolved and Session is usable at once", async () => {
    const f = makeFake();
    let settled = false;
    void f.ready.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).to.equal(true);
    const s = session(f);
    expect(s.isAlive).to.equal(true);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it("'manual': the package's stub until resolveReady(), which completes the same object", async () => {
    const f = makeFake({ ready: 'manual' });
    let settled = false;
    const queued = f.ready.then(() => {
      settled = true;
      return 'loaded';
    });
    await macrotask();
    expect(settled).to.equal(false);
    // The stub: `{ v: 3, ready: { then, catch, c } }`; no Session, User or oneOnOneId yet.
    expect((f as unknown as { v: number }).v).to.equal(3);
    expect(f.Session).to.equal(undefined);
    expect(f.User).to.equal(undefined);
    expect(f.oneOnOneId).to.equal(undefined);
    expect(f.ready).to.not.be.instanceOf(Promise);
    expect(() => f.ready.catch(() => undefined)).to.throw();
    expect(() => session(f)).to.throw();
    f.resolveReady();
    expect(f.ready).to.be.instanceOf(Promise);
    expect(await queued).to.equal('loaded');
    await f.ready;
    expect(settled).to.equal(true);
    const s = session(f);
    expect(f.sessions).to.deep.equal([s]);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it("'never': never settles, and resolveReady() refuses", async () => {
    const f = makeFake({ ready: 'never' });
    const outcome = await Promise.race([f.ready.then(() => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 50))]);
    expect(outcome).to.equal('pending');
    expect(() => f.resolveReady()).to.throw(/never/);
    expect(() => session(f)).to.throw();
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: session', () => {
  it('keeps the options object and records the constructor', () => {
    const f = makeFake();
    const tokenFetcher = () => Promise.resolve('jwt-2');
    const options: Talk.SessionOptions = { appId: 'tAPP', userId: 'alice', token: 'jwt-1', tokenFetcher };
    const s = new f.Session(options);
    expect(s.options).to.equal(options);
    expect(s.id).to.equal(1);
    expect(s.appId).to.equal('tAPP');
    expect(f.calls[0]).to.deep.equal({ target: 'Session#1', method: 'constructor', args: [options] });
    expect(f.calls[0]!.args[0]).to.equal(options);
    expect(f.calls[0]!.object).to.equal(s);
    expect(f.callsTo('constructor', s)).to.have.length(1);
    // `me` comes from the backend's user for `userId`.
    expect(s.me.id).to.equal('alice');
    expect(s.me.name).to.equal('Alice');
    expect(s.currentUser.id).to.equal('alice');
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('takes `me` as is, synchronises it to the backend, and falls back to new User(userId)', async () => {
    const f = makeFake();
    const me = new f.User({ id: 'dave', name: 'Dave', email: 'dave@example.com', custom: { plan: 'pro' } });
    const s1 = new f.Session({ appId: 'tAPP', me });
    expect(s1.me).to.equal(me);
    expect(f.backend.users.get('dave')).to.include({ name: 'Dave', email: 'dave@example.com' });
    expect(f.backend.users.get('dave')!.custom).to.deep.equal({ plan: 'pro' });

    const s2 = new f.Session({ appId: 'tAPP', userId: 'stranger' });
    expect(s2.me.id).to.equal('stranger');
    expect(s2.me.isReference).to.equal(true);
    expect(s2.me.name).to.equal(undefined);

    await s1.currentUser.set({ name: 'David', custom: { plan: null } });
    expect(f.backend.users.get('dave')!.name).to.equal('David');
    expect(f.backend.users.get('dave')!.custom).to.deep.equal({});
    expect(f.callsTo('set')[0]).to.deep.include({ target: 'UserRef#dave', args: [{ name: 'David', custom: { plan: null } }] });
    expect((await s1.currentUser.get())?.name).to.equal('David');

    expect(() => new f.Session({ appId: 'tAPP' })).to.throw(/me or options\.userId/);
    expect(() => new f.Session({ appId: '', userId: 'alice' })).to.throw(/appId/);
    s1.destroy();
    s2.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('User has both constructor forms', () => {
    const f = makeFake();
    const full = new f.User({ id: 7, name: 'Seven', photoUrl: 'https://example.com/7.png' });
    expect(full.id).to.equal('7');
    expect(full.name).to.equal('Seven');
    expect(full.photoUrl).to.equal('https://example.com/7.png');
    expect(full.isReference).to.equal(false);
    const ref = new f.User('bob');
    expect(ref.id).to.equal('bob');
    expect(ref.name).to.equal(undefined);
    expect(ref.isReference).to.equal(true);
    expect(f.calls).to.deep.equal([]); // not SDK calls on objects
    expect(f.live().total).to.equal(0);
  });

  it('setDesktopNotificationEnabled records and resolves; emit fires session events', async () => {
    const f = makeFake();
    const s = session(f);
    await s.setDesktopNotificationEnabled(true, { alertOnFailure: false });
    expect(s.desktopNotificationEnabled).to.equal(true);
    expect(f.callsTo('setDesktopNotificationEnabled', s)[0]!.args).to.deep.equal([true, { alertOnFailure: false }]);

    const clicked: Talk.DesktopNotificationClickedEvent[] = [];
    s.onDesktopNotificationClicked((e) => clicked.push(e));
    const conversation = f.backend.conversationData(f.backend.conversations.get('order-1')!);
    s.emit('desktopNotificationClicked', { conversation });
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.conversation.id).to.equal('order-1');

    s.onBrowserPermissionNeeded((e) => e.preventDefault());
    const needed = s.emit('browserPermissionNeeded', { type: 'microphone' });
    expect(needed.type).to.equal('microphone');
    expect(needed.defaultPrevented).to.equal(true);

    const denied: Talk.BrowserPermissionDeniedEvent[] = [];
    s.onBrowserPermissionDenied((e) => denied.push(e));
    s.emit('browserPermissionDenied');
    expect(denied).to.deep.equal([{ type: 'notifications' }]);

    s.destroy();
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: UI lifecycle', () => {
  it('create, mount, select and destroy; live counts go back to zero', async () => {
    const f = makeFake();
    const s = session(f);
    const options: Talk.ChatboxOptions = { showChatHeader: true };
    const chatbox = s.createChatbox(options);
    expect(chatbox.options).to.equal(options);
    expect(chatbox.label).to.equal('Chatbox#2');
    expect(chatbox.mounted).to.equal(false);
    expect(chatbox.selected).to.equal(undefined);
    expect(f.live()).to.include({ sessions: 1, chatboxes: 1, total: 2 });

    const el = await container();
    await chatbox.select('order-1', { asGuest: false });
    await chatbox.mount(el);
    expect(chatbox.mounted).to.equal(true);
    expect(chatbox.container).to.equal(el);
    expect(chatbox.selected).to.equal('order-1');
    expect(chatbox.selectOptions).to.deep.equal({ asGuest: false });
    expect(chatbox.currentConversation?.subject).to.equal('Order #1');
    expect(el.querySelector('[data-fake-talk="chatbox"]')).to.equal(chatbox.element);
    expect(part(chatbox, 'header').textContent).to.contain('Order #1');
    expect(parts(chatbox, 'welcome-message').map((n) => n.textContent)).to.deep.equal(['Welcome to your order chat']);
    expect(messageTexts(chatbox)).to.deep.equal(['Your order shipped']);
    expect(s.getChatboxes()).to.deep.equal([chatbox]);

    await chatbox.select(null);
    expect(chatbox.selected).to.equal(null);
    expect(chatbox.currentConversation).to.equal(null);
    expect(part(chatbox, 'empty').textContent).to.match(/No conversation selected/);

    const inbox = s.createInbox({ selected: 'team' });
    const popup = s.createPopup();
    expect(inbox.selected).to.equal('team');
    expect(f.live()).to.include({ chatboxes: 1, inboxes: 1, popups: 1, total: 4 });
    expect(f.calls.map((c) => `${c.target}.${c.method}`)).to.include.members([
      'Session#1.createChatbox',
      'Chatbox#2.constructor',
      'Chatbox#2.select',
      'Chatbox#2.mount',
      'Session#1.createInbox',
      'Session#1.createPopup',
    ]);

    chatbox.destroy();
    chatbox.destroy(); // idempotent
    expect(chatbox.isAlive).to.equal(false);
    expect(chatbox.mounted).to.equal(false);
    expect(el.childElementCount).to.equal(0);
    expect(f.live().chatboxes).to.equal(0);

    s.destroy();
    expect(inbox.isAlive).to.equal(false);
    expect(popup.isAlive).to.equal(false);
    expect(s.isAlive).to.equal(false);
    expect(f.live()).to.deep.equal({ sessions: 0, chatboxes: 0, inboxes: 0, popups: 0, htmlPanels: 0, subscriptions: 0, total: 0 });
  });

  it('createChatbox/createPopup accept a conversation first; a builder is written to the backend on select', async () => {
    const f = makeFake();
    const s = session(f);
    const builder = s.getOrCreateConversation('new-chat');
    expect(s.getOrCreateConversation('new-chat')).to.equal(builder);
    builder.subject = 'Brand new';
    builder.setParticipant(new f.User('carol'), { access: 'Read' });
    expect(f.backend.conversations.has('new-chat')).to.equal(false);

    const options = { chatTitleMode: 'subject' as const };
    const chatbox = s.createChatbox(builder, options);
    expect(chatbox.options).to.equal(options);
    expect(chatbox.selected).to.equal('new-chat');
    const record = f.backend.conversations.get('new-chat')!;
    expect(record.subject).to.equal('Brand new');
    expect([...record.participants.keys()].sort()).to.deep.equal(['alice', 'carol']);
    expect(record.participants.get('carol')!.access).to.equal('Read');

    const popup = s.createPopup(null, { keepOpen: false });
    expect(popup.selected).to.equal(null);
    expect(popup.options).to.deep.equal({ keepOpen: false });

    const guestBuilder = s.getOrCreateConversation('guest-room');
    await s.createChatbox().select(guestBuilder, { asGuest: true });
    expect(f.backend.conversations.get('guest-room')!.participants.has('alice')).to.equal(false);

    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('getPopups/getInboxes/getChatboxes list live, mounted UIs', async () => {
    const f = makeFake();
    const s = session(f);
    const inbox = s.createInbox();
    expect(s.getInboxes()).to.deep.equal([]);
    await inbox.mount(await container());
    expect(s.getInboxes()).to.deep.equal([inbox]);
    const popup = s.createPopup();
    await popup.mount();
    expect(s.getPopups()).to.deep.equal([popup]);
    popup.destroy();
    expect(s.getPopups()).to.deep.equal([]);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('restores a keepOpen popup in every new session (a macrotask after the constructor)', async () => {
    const f = makeFake({ restoredPopup: 'order-1', restoreTiming: 'macrotask' });
    const s = session(f);
    expect(s.getPopups()).to.deep.equal([]);
    await macrotask();
    const [popup] = s.getPopups();
    expect(popup, 'the restored popup').to.not.equal(undefined);
    expect(popup!.restored).to.equal(true);
    expect(popup!.visible).to.equal(true);
    expect(popup!.currentConversation?.id).to.equal('order-1');
    expect(document.body.contains(popup!.element!)).to.equal(true);
    expect(f.live().popups).to.equal(1);
    s.destroy();
    expect(document.body.contains(popup!.element ?? null)).to.equal(false);
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: subscriptions and events', () => {
  it('counts subscriptions and ends them on unsubscribe, off and destroy', async () => {
    const f = makeFake();
    const s = session(f);
    const chatbox = s.createChatbox();
    const sub1 = chatbox.onSendMessage(() => {});
    const sub2 = chatbox.onCustomMessageAction('approve', () => {});
    const sub3 = s.onMessage(() => {});
    const sub4 = s.unreads.onChange(() => {});
    const legacy = () => {};
    chatbox.on('focus', legacy);
    expect(f.live().subscriptions).to.equal(5);
    sub1.unsubscribe();
    sub1.unsubscribe(); // idempotent
    expect(f.live().subscriptions).to.equal(4);
    chatbox.off('focus', legacy);
    expect(f.live().subscriptions).to.equal(3);
    sub2.unsubscribe();
    sub3.unsubscribe();
    sub4.unsubscribe();
    expect(f.live().subscriptions).to.equal(0);

    chatbox.onBlur(() => {});
    s.onDesktopNotificationClicked(() => {});
    s.unreads.on('change', () => {});
    expect(f.live().subscriptions).to.equal(3);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('emit returns the event; preventable ones carry defaultPrevented', async () => {
    const f = makeFake();
    const s = session(f);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    inbox.onLeaveConversation((e) => e.preventDefault());
    const leave = inbox.emit('leaveConversation');
    expect(leave.conversation.id).to.equal('order-1');
    expect(leave.defaultPrevented).to.equal(true);

    const unread = inbox.emit('markConversationAsUnread');
    expect(unread.defaultPrevented).to.equal(false);
    expect(typeof unread.preventDefault).to.equal('function');

    const received: unknown[][] = [];
    inbox.onFocus((...args: unknown[]) => received.push(args));
    expect(inbox.emit('focus')).to.equal(undefined);
    expect(received).to.deep.equal([[]]);

    const actions: string[] = [];
    inbox.onCustomMessageAction('approve', (e) => actions.push(`approve:${e.params['id']}`));
    inbox.onCustomMessageAction((e) => actions.push(`any:${e.action}`));
    inbox.emit('customMessageAction', { action: 'approve', params: { id: '1' } });
    inbox.emit('customMessageAction', { action: 'reject', params: {} });
    expect(actions).to.deep.equal(['approve:1', 'any:approve', 'any:reject']);

    const keys: Talk.KeyEvent[] = [];
    inbox.onKeyup((e) => keys.push(e));
    inbox.emit('keyup', { key: 'q', ctrlKey: true });
    expect(keys[0]).to.include({ key: 'q', ctrlKey: true, shiftKey: false, isInputFocused: false });

    const selected = inbox.emit('selectConversation');
    expect(selected.conversation.id).to.equal('order-1');
    expect(selected.me.id).to.equal('alice');
    expect(selected.others.map((u) => u.id)).to.deep.equal(['bob']);

    inbox.destroy();
    let called = false;
    expect(() => inbox.onFocus(() => (called = true))).to.throw(/destroyed/);
    inbox.emit('focus');
    expect(called).to.equal(false);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('unreads.onChange: the startup change (a macrotask after new Session), then each change', async () => {
    const f = makeFake();
    const alice = session(f, 'alice');
    const lists: Talk.UnreadConversation[][] = [];
    alice.unreads.onChange((list) => lists.push(list));
    await Promise.resolve();
    expect(lists).to.have.length(0);
    await macrotask();
    expect(lists).to.have.length(1);
    expect(lists[0]!.map((u) => [u.conversation.id, u.unreadMessageCount])).to.deep.equal([['order-1', 1]]);
    expect(lists[0]![0]!.lastMessage.body).to.equal('Your order shipped');

    f.backend.sendMessage('team', 'carol', 'Standup in 5');
    expect(lists).to.have.length(2);
    expect(lists[1]!.map((u) => u.conversation.id)).to.deep.equal(['team', 'order-1']);

    // Showing a conversation in a mounted chatbox reads it.
    const chatbox = alice.createChatbox();
    await chatbox.select('team');
    expect(lists).to.have.length(2); // not mounted yet: not read
    await chatbox.mount(await container());
    expect(lists).to.have.length(3);
    expect(lists[2]!.map((u) => u.conversation.id)).to.deep.equal(['order-1']);
    // A message into the shown conversation stays read; no change to report.
    f.backend.sendMessage('team', 'bob', 'On my way');
    expect(lists).to.have.length(3);
    expect(f.backend.unreadsFor('alice').map((u) => u.conversation.id)).to.deep.equal(['order-1']);

    alice.destroy();
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: the stand-in UI', () => {
  it('sending through the UI fires sendMessage, shows the message and reaches the other session', async () => {
    const f = makeFake();
    const alice = session(f, 'alice');
    const bob = session(f, 'bob');
    const chatbox = alice.createChatbox();
    await chatbox.select('order-1');
    await chatbox.mount(await container());

    const sent: Talk.SendMessageEvent[] = [];
    chatbox.onSendMessage((e) => sent.push(e));
    const bobMessages: Talk.Message[] = [];
    bob.onMessage((m) => bobMessages.push(m));
    const bobUnreads: Talk.UnreadConversation[][] = [];
    bob.unreads.onChange((list) => bobUnreads.push(list));
    await macrotask();
    // Subscribed after the session's startup "change" (strict reading): nothing yet.
    expect(bobUnreads).to.have.length(0);

    typeAndSend(chatbox, 'Where is it now?');
    expect(sent).to.have.length(1);
    expect(sent[0]!.message).to.include({ text: 'Where is it now?', senderId: 'alice', conversationId: 'order-1', type: 'UserMessage' });
    expect(sent[0]!.me.id).to.equal('alice');
    expect(sent[0]!.conversation.id).to.equal('order-1');
    expect(part<HTMLInputElement>(chatbox, 'message-field').value).to.equal('');
    expect(messageTexts(chatbox)).to.deep.equal(['Your order shipped', 'Where is it now?']);
    const last = parts(chatbox, 'message').at(-1)!;
    expect(last.dataset['senderId']).to.equal('alice');
    expect(last.querySelector('[data-part="message-sender"]')!.textContent).to.equal('Alice');

    expect(bobMessages).to.have.length(1);
    expect(bobMessages[0]).to.include({ body: 'Where is it now?', senderId: 'alice', isByMe: false });
    expect(bobMessages[0]!.conversation.participants).to.deep.equal({ bob: { access: 'ReadWrite' } });
    expect(bobUnreads).to.have.length(1);
    expect(bobUnreads[0]!.map((u) => [u.conversation.id, u.unreadMessageCount])).to.deep.equal([['order-1', 1]]);

    // A bot reply from the backend shows up in Alice's chatbox.
    f.backend.sendMessage('order-1', 'bob', 'It is in Paris');
    expect(messageTexts(chatbox).at(-1)).to.equal('It is in Paris');

    alice.destroy();
    bob.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('override({ cancel: true }) drops the message; override({ text }) changes it', async () => {
    const f = makeFake();
    const s = session(f);
    const chatbox = s.createChatbox();
    await chatbox.select('order-1');
    await chatbox.mount(await container());
    let mode: 'cancel' | 'text' | 'async' = 'cancel';
    chatbox.onSendMessage((e) => {
      if (mode === 'cancel') e.override({ cancel: true });
      else if (mode === 'text') e.override({ text: e.message.text!.toUpperCase(), custom: { edited: 'yes' } });
      else e.override(async () => ({ text: 'from a promise' }));
    });

    typeAndSend(chatbox, 'secret');
    expect(messageTexts(chatbox)).to.deep.equal(['Your order shipped']);
    expect(part<HTMLInputElement>(chatbox, 'message-field').value).to.equal('');

    mode = 'text';
    typeAndSend(chatbox, 'shout');
    expect(messageTexts(chatbox).at(-1)).to.equal('SHOUT');
    const stored = f.backend.conversations.get('order-1')!.messages.at(-1)!;
    expect(stored.custom).to.deep.equal({ edited: 'yes' });

    mode = 'async';
    typeAndSend(chatbox, 'later');
    await macrotask();
    expect(messageTexts(chatbox).at(-1)).to.equal('from a promise');

    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('inbox feed click fires selectConversation, then selects and fires conversationSelected', async () => {
    const f = makeFake();
    const s = session(f);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    const selectedEvents: Talk.ConversationSelectedEvent[] = [];
    inbox.onConversationSelected((e) => selectedEvents.push(e));
    await inbox.mount(await container());
    // Fired once the inbox has loaded.
    expect(selectedEvents.map((e) => e.conversation?.id)).to.deep.equal(['order-1']);

    const items = parts(inbox, 'feed-item');
    expect(items.map((i) => i.dataset['conversationId'])).to.have.members(['order-1', 'team']);
    const teamItem = items.find((i) => i.dataset['conversationId'] === 'team')!;
    expect(teamItem.querySelector('[data-part="feed-title"]')!.textContent).to.equal('Bob, Carol');

    let prevent = true;
    const selectEvents: Talk.SelectConversationEvent[] = [];
    inbox.onSelectConversation((e) => {
      selectEvents.push(e);
      if (prevent) e.preventDefault();
    });
    teamItem.click();
    expect(selectEvents).to.have.length(1);
    expect(selectEvents[0]!.conversation.id).to.equal('team');
    expect(inbox.currentConversation?.id).to.equal('order-1');
    expect(selectedEvents).to.have.length(1);

    prevent = false;
    parts(inbox, 'feed-item')
      .find((i) => i.dataset['conversationId'] === 'team')!
      .click();
    expect(selectEvents).to.have.length(2);
    expect(inbox.currentConversation?.id).to.equal('team');
    expect(inbox.selected).to.equal('order-1'); // what select() last received
    expect(selectedEvents.map((e) => e.conversation?.id)).to.deep.equal(['order-1', 'team']);
    expect(part(inbox, 'header').textContent).to.contain('Bob, Carol');

    await inbox.select(null);
    expect(selectedEvents.at(-1)!.conversation).to.equal(null);

    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('popup: launcher and header close fire open/close; show/hide do not', async () => {
    const f = makeFake();
    const s = session(f);
    const popup = s.createPopup({ showCloseInHeader: true });
    await popup.select('order-1');
    const events: string[] = [];
    popup.onOpen(() => events.push('open'));
    popup.onClose(() => events.push('close'));
    await popup.mount({ show: false });
    expect(popup.element!.parentElement).to.equal(document.body);
    expect(popup.visible).to.equal(false);
    expect(part(popup, 'panel').hidden).to.equal(true);

    part<HTMLButtonElement>(popup, 'launcher').click();
    expect(popup.visible).to.equal(true);
    expect(part(popup, 'panel').hidden).to.equal(false);
    part<HTMLButtonElement>(popup, 'launcher').click();
    expect(popup.visible).to.equal(false);
    expect(events).to.deep.equal(['open', 'close']);

    popup.show();
    expect(popup.visible).to.equal(true);
    part<HTMLButtonElement>(popup, 'close').click();
    expect(popup.visible).to.equal(false);
    popup.show();
    popup.hide();
    expect(events).to.deep.equal(['open', 'close', 'close']);

    // mount({ show: true }) opens it without an event.
    const other = s.createPopup();
    await other.mount({ show: true });
    expect(other.visible).to.equal(true);

    popup.destroy();
    expect(document.body.contains(popup.element ?? null)).to.equal(false);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('a closed popup does not read; an open one does', async () => {
    const f = makeFake();
    const s = session(f);
    const popup = s.createPopup();
    await popup.select('order-1');
    await popup.mount();
    expect(f.backend.unreadCount('order-1', 'alice')).to.equal(1);
    popup.show();
    expect(f.backend.unreadCount('order-1', 'alice')).to.equal(0);
    popup.hide();
    f.backend.sendMessage('order-1', 'bob', 'ping');
    expect(f.backend.unreadCount('order-1', 'alice')).to.equal(1);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('focus and blur fire from the UI; key events only with captureKeyboardEvents', async () => {
    const f = makeFake();
    const s = session(f);
    const outside = await fixture<HTMLButtonElement>(html`<button>outside</button>`);
    const plain = s.createChatbox();
    const capturing = s.createChatbox({ captureKeyboardEvents: true });
    for (const box of [plain, capturing]) {
      await box.select('order-1');
      await box.mount(await container());
    }
    const events: string[] = [];
    plain.onFocus(() => events.push('focus'));
    plain.onBlur(() => events.push('blur'));
    plain.onKeydown(() => events.push('plain-keydown'));
    const keys: Talk.KeyEvent[] = [];
    capturing.onKeydown((e) => keys.push(e));

    part<HTMLInputElement>(plain, 'message-field').focus();
    part<HTMLButtonElement>(plain, 'send').focus(); // inside: no blur
    outside.focus();
    expect(events).to.deep.equal(['focus', 'blur']);

    const key = () => new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', shiftKey: true, bubbles: true, composed: true });
    part(plain, 'message-field').dispatchEvent(key());
    part(capturing, 'message-field').dispatchEvent(key());
    expect(events).to.deep.equal(['focus', 'blur']);
    expect(keys).to.have.length(1);
    expect(keys[0]).to.include({ key: 'k', code: 'KeyK', shiftKey: true, isInputFocused: true });

    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('renders with adopted stylesheets only (no <style>, no style attributes)', async () => {
    const f = makeFake();
    const s = session(f);
    const inbox = s.createInbox();
    await inbox.mount(await container());
    const root = inbox.element!.shadowRoot!;
    expect(inbox.element!.dataset['fakeTalk']).to.equal('inbox');
    expect(root.adoptedStyleSheets).to.have.length(1);
    expect(root.querySelectorAll('style, [style]')).to.have.length(0);
    expect(inbox.element!.hasAttribute('style')).to.equal(false);
    // An inbox that never selected shows the most recent conversation.
    expect(inbox.currentConversation?.id).to.equal('order-1');
    await nextFrame();
    expect(inbox.element!.getBoundingClientRect().height).to.be.greaterThan(0);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('setters reach the UI: highlighted words, message filter, feed filter, message field', async () => {
    const f = makeFake();
    const s = session(f);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    await inbox.mount(await container());

    const controls = inbox.setHighlightedWords(['shipped']);
    expect(parts(inbox, 'highlight').map((m) => m.textContent)).to.deep.equal(['shipped']);
    expect(await controls.jumpDown()).to.deep.equal({ found: true, isLast: true });

    inbox.setMessageFilter({ sender: { id: ['!=', 'bob'] } });
    expect(messageTexts(inbox)).to.deep.equal([]);
    inbox.setMessageFilter({ sender: { id: ['==', 'bob'] } });
    expect(messageTexts(inbox)).to.deep.equal(['Your order shipped']);

    inbox.setFeedFilter({ custom: { kind: ['==', 'team'] } });
    expect(parts(inbox, 'feed-item').map((i) => i.dataset['conversationId'])).to.deep.equal(['team']);

    inbox.messageField.setText('draft');
    inbox.messageField.typeText('!');
    expect(await inbox.messageField.getText()).to.equal('draft!');
    inbox.messageField.setVisible(false);
    expect(part(inbox, 'composer').hidden).to.equal(true);
    expect(f.callsTo('setText')[0]).to.deep.include({ target: `${inbox.label}.messageField`, args: ['draft'] });

    inbox.setPresence({ visible: false });
    inbox.setTranslationEnabledDefault('auto');
    inbox.setTranslationEnabledForConversation('order-1', true);
    inbox.toggleDesktopNotifications(false);
    expect(inbox.presence).to.deep.equal({ visible: false, custom: {} });
    expect(inbox.translationEnabledDefault).to.equal('auto');
    expect(inbox.translationEnabledFor.get('order-1')).to.equal(true);
    expect(s.desktopNotificationEnabled).to.equal(false);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: failures', () => {
  it('failNext throws for a sync method and rejects for an async one', async () => {
    const f = makeFake();
    expect(() => {
      f.failNext('new Session');
      session(f);
    }).to.throw(/new Session/);
    const s = session(f);

    const boom = new Error('boom');
    f.failNext('createChatbox', boom);
    expect(() => s.createChatbox()).to.throw(boom);
    const chatbox = s.createChatbox(); // only the next call fails

    f.failNext('mount');
    f.failNext('select', 'nope');
    let mountError: unknown;
    await chatbox.mount(await container()).catch((e: unknown) => (mountError = e));
    expect(String(mountError)).to.match(/mount/);
    expect(chatbox.mounted).to.equal(false);
    let selectError: unknown;
    await chatbox.select('order-1').catch((e: unknown) => (selectError = e));
    expect(selectError).to.equal('nope');
    expect(chatbox.selected).to.equal(undefined);
    expect(f.callsTo('select', chatbox)).to.have.length(1); // recorded though it failed

    f.failNext('set');
    let setError: unknown;
    await s.currentUser.set({ name: 'X' }).catch((e: unknown) => (setError = e));
    expect(setError).to.be.instanceOf(Error);

    let nullError: unknown;
    await chatbox.mount(null).catch((e: unknown) => (nullError = e));
    expect(String(nullError)).to.match(/container is null/);

    s.destroy();
    expect(f.live().total).to.equal(0);
  });

  it('methods of destroyed objects throw; destroy() stays idempotent', async () => {
    const f = makeFake();
    const s = session(f);
    const chatbox = s.createChatbox();
    const popup = s.createPopup();
    const panel = await chatbox.createHtmlPanel({ url: 'about:blank' });
    s.destroy();
    expect(() => s.createChatbox()).to.throw(/destroyed/);
    expect(() => s.onMessage(() => {})).to.throw(/destroyed/);
    expect(() => s.unreads.onChange(() => {})).to.throw(/destroyed/);
    expect(() => chatbox.select('order-1')).to.throw(/destroyed/);
    expect(() => chatbox.mount(document.body)).to.throw(/destroyed/);
    expect(() => chatbox.messageField.setText('x')).to.throw(/destroyed/);
    expect(() => popup.show()).to.throw(/destroyed/);
    expect(() => panel.setHeight(10)).to.throw(/destroyed/);
    expect(panel.isVisible()).to.equal(false);
    s.destroy();
    chatbox.destroy();
    popup.destroy();
    await panel.destroy();
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: oneOnOneId', () => {
  it('matches the SDK algorithm (sha1 of the sorted JSON ids, 20 hex chars)', () => {
    const f = makeFake();
    expect(f.oneOnOneId('aa', 'bb')).to.equal('fd031b78f1add01539dc');
    expect(f.oneOnOneId('bb', 'aa')).to.equal('fd031b78f1add01539dc');
    const alice = new f.User({ id: 'alice', name: 'Alice' });
    expect(f.oneOnOneId(alice, 'bob')).to.equal(f.oneOnOneId('bob', 'alice'));
    expect(f.oneOnOneId('alice', 'bob')).to.match(/^[0-9a-f]{20}$/);
    expect(f.live().total).to.equal(0);
  });
});

describe('fake SDK: HTML panels', () => {
  it('create, setHeight, hide, show, destroy; limited to its conversation', async () => {
    const f = makeFake();
    const s = session(f);
    const chatbox = s.createChatbox();
    await chatbox.select('order-1');
    await chatbox.mount(await container());
    const panel = await chatbox.createHtmlPanel({ url: 'about:blank', conversation: 'order-1' });
    expect(f.htmlPanels).to.deep.equal([panel]);
    expect(f.live().htmlPanels).to.equal(1);
    const iframe = part<HTMLIFrameElement>(chatbox, 'html-panel');
    expect(iframe).to.equal(panel.iframe);
    expect(iframe.height).to.equal('100');
    expect(panel.isVisible()).to.equal(true);
    await panel.windowLoadedPromise;
    expect(panel.window).to.equal(iframe.contentWindow);
    // It sits above the message field.
    expect(iframe.compareDocumentPosition(part(chatbox, 'composer')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);

    panel.setHeight(240);
    expect(iframe.height).to.equal('240');
    panel.hide();
    expect(panel.isVisible()).to.equal(false);
    expect(iframe.hidden).to.equal(true);
    panel.show();
    expect(iframe.hidden).to.equal(false);

    await chatbox.select('team');
    expect(panel.isVisible()).to.equal(false);
    expect(iframe.hidden).to.equal(true);
    await chatbox.select('order-1');
    expect(panel.isVisible()).to.equal(true);

    await panel.destroy();
    await panel.destroy();
    expect(iframe.isConnected).to.equal(false);
    expect(f.live().htmlPanels).to.equal(0);
    expect(f.callsTo('setHeight', panel)[0]!.target).to.equal(`HtmlPanel#${panel.id}`);

    // Destroying the UI destroys its panels.
    const second = await chatbox.createHtmlPanel({ url: 'about:blank', height: 50, show: false });
    expect(second.isVisible()).to.equal(false);
    chatbox.destroy();
    expect(second.isAlive).to.equal(false);
    s.destroy();
    expect(f.live().total).to.equal(0);
  });
});
