/**
 * The fake SDK's Data API keeps the promises of the `talkjs` declarations (node_modules/talkjs/
 * types/talk.types.d.ts, version 0.46): one `describe` per declared member, each test quoting
 * the promise it checks. Where the declarations leave the behaviour open, the fake's choice is
 * checked as documented: the first snapshot comes a macrotask after subscribing (`connected`
 * "resolves when the subscription starts receiving updates from the server"), later snapshots
 * synchronously with the backend change. The non-SDK test handles `fake.backend.setOnline` and
 * `fake.backend.setTyping` drive `subscribeOnline` and `subscribeTyping`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type Talk from 'talkjs';
import { createFakeTalk, type FakeChatbox, type FakeSession, type FakeTalk, type FakeTalkOptions } from '../src/testing/index.js';

const USERS: Talk.UserOptions[] = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob', custom: { team: 'red' } },
  { id: 'carol', name: 'Carol' },
];

const CONVERSATIONS: FakeTalkOptions['conversations'] = [
  { id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'Your order shipped' }] },
  { id: 'team', participants: ['alice', 'bob', 'carol'], custom: { kind: 'team' } },
  { id: 'private', participants: ['bob', 'carol'] },
];

const USER_SNAPSHOT_KEYS = ['id', 'name', 'custom', 'locale', 'photoUrl', 'role', 'welcomeMessage'];
const CONVERSATION_SNAPSHOT_KEYS = [
  'id',
  'subject',
  'photoUrl',
  'welcomeMessages',
  'custom',
  'createdAt',
  'joinedAt',
  'lastMessage',
  'unreadMessageCount',
  'readUntil',
  'everyoneReadUntil',
  'isUnread',
  'access',
  'notify',
];
const MESSAGE_SNAPSHOT_KEYS = ['id', 'type', 'sender', 'custom', 'createdAt', 'editedAt', 'referencedMessage', 'origin', 'plaintext', 'content', 'reactions'];

const fakes: FakeTalk[] = [];

function makeFake(options: FakeTalkOptions = {}): FakeTalk {
  const fake = createFakeTalk({ users: USERS, conversations: CONVERSATIONS, ...options });
  fakes.push(fake);
  return fake;
}

function session(fake: FakeTalk, userId = 'alice'): FakeSession {
  return new fake.Session({ appId: 'tTEST', userId });
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Records every `onSnapshot` call's arguments. */
function recorder<A extends unknown[]>(): { calls: A[]; fn: (...args: A) => void; last: () => A[0] } {
  const calls: A[] = [];
  return { calls, fn: (...args: A) => void calls.push(args), last: () => calls[calls.length - 1]![0] };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

function expectKeys(value: object, declared: string[]): void {
  expect(Object.keys(value).sort()).to.deep.equal([...declared].sort());
}

/** A fake whose conversation `big` has `count` messages from bob (`m1` oldest ... `m<count>` newest). */
function fakeWithMessages(count: number): FakeTalk {
  const start = Date.now() - count * 1000;
  const messages = Array.from({ length: count }, (_, i) => ({ senderId: 'bob', text: `m${i + 1}`, timestamp: start + i * 1000 }));
  return makeFake({ conversations: [{ id: 'big', participants: ['alice', 'bob'], messages }] });
}

/** A fake where alice is in `count` conversations, `c1` most recently active ... `c<count>` least. */
function fakeWithConversations(count: number): FakeTalk {
  const now = Date.now();
  const conversations = Array.from({ length: count }, (_, i) => ({
    id: `c${i + 1}`,
    participants: ['alice', 'bob'],
    messages: [{ senderId: 'bob', text: `in c${i + 1}`, timestamp: now - (i + 1) * 60_000 }],
  }));
  return makeFake({ conversations });
}

afterEach(() => {
  for (const fake of fakes.splice(0)) for (const s of fake.sessions) s.destroy();
});

describe('Data API subscription state (PendingState → active → UnsubscribedState)', () => {
  // "state: The current state of the subscription ... `type` is one of "pending", "active", "unsubscribed", or "error"."
  // connected: "Resolves when the subscription starts receiving updates from the server."
  it('is pending when returned, still pending after a microtask, active a macrotask later with connected resolved', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.UserSnapshot | null]>();
    const sub = session(fake).user('bob').subscribe(calls.fn);
    expect(sub.state).to.deep.equal({ type: 'pending' });
    await Promise.resolve();
    expect(sub.state.type).to.equal('pending');
    expect(calls.calls).to.have.length(0);
    const active = await sub.connected;
    expect(active.type).to.equal('active');
    expect(sub.state).to.equal(active);
    expect(calls.calls).to.have.length(1);
    expect(active.latestSnapshot).to.equal(calls.last());
  });

  // "The promise rejects if the subscription is terminated before it connects."
  it('unsubscribed while pending: connected rejects, terminated resolves, onSnapshot is never called', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot | null]>();
    const sub = session(fake).conversation('order-1').subscribe(calls.fn);
    sub.unsubscribe();
    expect(sub.state).to.deep.equal({ type: 'unsubscribed' });
    expect(await rejection(sub.connected)).to.be.instanceOf(Error);
    expect(await sub.terminated).to.deep.equal({ type: 'unsubscribed' });
    await macrotask();
    expect(calls.calls).to.have.length(0);
  });

  // unsubscribe: "Unsubscribe from this resource and stop receiving updates. If the subscription is already in the "unsubscribed" or "error" state, this is a no-op."
  it('after unsubscribe no more snapshots arrive; a second unsubscribe is a no-op', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.MessageSnapshot[] | null, boolean]>();
    const sub = session(fake).conversation('order-1').subscribeMessages(calls.fn);
    await sub.connected;
    sub.unsubscribe();
    fake.backend.sendMessage('order-1', 'bob', 'after');
    expect(calls.calls).to.have.length(1);
    expect(sub.state).to.deep.equal({ type: 'unsubscribed' });
    expect(() => sub.unsubscribe()).to.not.throw();
    expect(await sub.terminated).to.deep.equal({ type: 'unsubscribed' });
    expect(fake.callsTo('unsubscribe', sub)).to.have.length(2);
  });

  // ErrorState: "The state of a subscription after it encounters an unrecoverable error".
  it('fake.failNext(method) ends the next subscription in the error state instead of connecting', async () => {
    const fake = makeFake();
    const failure = new Error('network down');
    fake.failNext('subscribeMessages', failure);
    const sub = session(fake).conversation('order-1').subscribeMessages();
    expect(sub.state.type).to.equal('pending');
    expect(await rejection(sub.connected)).to.equal(failure);
    expect(await sub.terminated).to.deep.equal({ type: 'error', error: failure });
    expect(sub.state).to.deep.equal({ type: 'error', error: failure });
    expect(fake.live().subscriptions).to.equal(0);
  });

  it('the active state object is frozen and replaced (not mutated) when the snapshot changes', async () => {
    const fake = makeFake();
    const sub = session(fake).conversation('order-1').subscribe();
    const first = await sub.connected;
    expect(Object.isFrozen(first)).to.equal(true);
    fake.backend.sendMessage('order-1', 'bob', 'news');
    expect(sub.state).to.not.equal(first);
    expect(first.latestSnapshot!.lastMessage!.plaintext).to.equal('Your order shipped');
    expect((sub.state as Talk.ConversationActiveState).latestSnapshot!.lastMessage!.plaintext).to.equal('news');
  });
});

describe('fake.live().subscriptions (Data API)', () => {
  it('counts every Data API subscription from creation until it ends', async () => {
    const fake = makeFake();
    const s = session(fake);
    const before = fake.live().subscriptions;
    const subs = [
      s.user('bob').subscribe(),
      s.user('bob').subscribeOnline(),
      s.conversation('order-1').subscribe(),
      s.conversation('order-1').subscribeMessages(),
      s.conversation('order-1').subscribeTyping(),
      s.conversation('order-1').subscribeParticipants(),
      s.subscribeConversations(),
    ];
    expect(fake.live().subscriptions).to.equal(before + subs.length);
    await Promise.all(subs.map((sub) => sub.connected));
    expect(fake.live().subscriptions).to.equal(before + subs.length);
    subs[0]!.unsubscribe();
    subs[0]!.unsubscribe();
    expect(fake.live().subscriptions).to.equal(before + subs.length - 1);
    for (const sub of subs) sub.unsubscribe();
    expect(fake.live().subscriptions).to.equal(before);
  });
});

describe('Session.destroy (Data API)', () => {
  // destroy: "Disconnects all websockets ... and invalidates this session."
  it('ends every Data API subscription of the session (state unsubscribed), pending and active alike', async () => {
    const fake = makeFake();
    const s = session(fake);
    const other = session(fake, 'bob');
    const otherSub = other.conversation('order-1').subscribe();
    const active = s.conversation('order-1').subscribeMessages();
    await active.connected;
    const pending = s.subscribeConversations();
    const calls = recorder<[Talk.ConversationSnapshot[], boolean]>();
    const list = s.subscribeConversations(calls.fn);
    s.destroy();
    for (const sub of [active, pending, list]) expect(sub.state).to.deep.equal({ type: 'unsubscribed' });
    expect(await rejection(pending.connected)).to.be.instanceOf(Error);
    expect(await active.terminated).to.deep.equal({ type: 'unsubscribed' });
    await macrotask();
    expect(calls.calls).to.have.length(0);
    expect(otherSub.state.type).to.equal('active');
    otherSub.unsubscribe();
    other.destroy();
    expect(fake.live().subscriptions).to.equal(0);
  });

  // "You cannot use any objects that were created in this session after you destroy it."
  it('refs of a destroyed session throw', () => {
    const fake = makeFake();
    const s = session(fake);
    const conversation = s.conversation('order-1');
    const user = s.user('bob');
    s.destroy();
    expect(() => s.conversation('order-1')).to.throw(/destroyed/);
    expect(() => s.subscribeConversations()).to.throw(/destroyed/);
    expect(() => conversation.subscribeMessages()).to.throw(/destroyed/);
    expect(() => user.subscribeOnline()).to.throw(/destroyed/);
    expect(() => conversation.get()).to.throw(/destroyed/);
  });
});

describe('UserRef.subscribe', () => {
  // "While the subscription is active, `onSnapshot` will be called when the user is created or the snapshot changes."
  it('delivers the UserSnapshot as declared, frozen', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.UserSnapshot | null]>();
    await session(fake).user('bob').subscribe(calls.fn).connected;
    const snapshot = calls.last()!;
    expectKeys(snapshot, USER_SNAPSHOT_KEYS);
    expect(snapshot).to.deep.include({ id: 'bob', name: 'Bob', custom: { team: 'red' }, locale: null, photoUrl: null, role: 'default', welcomeMessage: null });
    expect(Object.isFrozen(snapshot)).to.equal(true);
    expect(Object.isFrozen(snapshot.custom)).to.equal(true);
  });

  // UserActiveState.latestSnapshot: "or `null` if the user does not exist yet".
  it('is null for a user that does not exist, and called when the user is created', async () => {
    const fake = makeFake();
    const s = session(fake);
    const calls = recorder<[Talk.UserSnapshot | null]>();
    const sub = s.user('newcomer').subscribe(calls.fn);
    await sub.connected;
    expect(calls.calls).to.deep.equal([[null]]);
    await s.user('newcomer').set({ name: 'Newcomer' });
    expect(calls.calls).to.have.length(2);
    expect(calls.last()!.name).to.equal('Newcomer');
  });

  // "Snapshots are immutable and we try to reuse them when possible. You should only re-render your UI when `oldSnapshot !== newSnapshot`."
  it('a change to nothing keeps the same snapshot and does not call onSnapshot; a real change gives a new object', async () => {
    const fake = makeFake();
    const s = session(fake);
    const calls = recorder<[Talk.UserSnapshot | null]>();
    await s.user('bob').subscribe(calls.fn).connected;
    const first = calls.last();
    fake.backend.upsertUser({ id: 'bob', name: 'Bob' });
    fake.backend.sendMessage('order-1', 'bob', 'unrelated');
    expect(calls.calls).to.have.length(1);
    await s.user('bob').set({ name: 'Robert' });
    expect(calls.calls).to.have.length(2);
    expect(calls.last()).to.not.equal(first);
    expect(first!.name).to.equal('Bob');
  });
});

describe('UserRef.subscribeOnline', () => {
  // UserOnlineSnapshot.isConnected: "People using the JavaScript SDK ... are considered connected whenever they have an active `Session` object."
  it('isConnected follows the user having a live session', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.UserOnlineSnapshot | null]>();
    await session(fake).user('bob').subscribeOnline(calls.fn).connected;
    expect(calls.last()).to.deep.equal({ user: calls.last()!.user, isConnected: false });
    expectKeys(calls.last()!.user, USER_SNAPSHOT_KEYS);
    const bob = session(fake, 'bob');
    expect(calls.last()!.isConnected).to.equal(true);
    bob.destroy();
    expect(calls.last()!.isConnected).to.equal(false);
    expect(calls.calls).to.have.length(3);
  });

  it('the test handle fake.backend.setOnline(userId, online) sets it; null goes back to the sessions', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.UserOnlineSnapshot | null]>();
    await session(fake).user('bob').subscribeOnline(calls.fn).connected;
    fake.backend.setOnline('bob', true);
    expect(calls.last()!.isConnected).to.equal(true);
    const online = calls.last();
    fake.backend.setOnline('bob', true);
    expect(calls.calls).to.have.length(2);
    expect(calls.last()).to.equal(online);
    fake.backend.setOnline('bob', false);
    expect(calls.last()!.isConnected).to.equal(false);
    session(fake, 'bob');
    expect(calls.last()!.isConnected).to.equal(false);
    fake.backend.setOnline('bob', null);
    expect(calls.last()!.isConnected).to.equal(true);
  });

  // UserOnlineActiveState: "`null` means the user does not exist."
  it('is null for a user that does not exist', async () => {
    const fake = makeFake();
    const sub = session(fake).user('ghost').subscribeOnline();
    expect((await sub.connected).latestSnapshot).to.equal(null);
  });

  // "onSnapshot will be called when the user is created or the snapshot changes (including changes to the nested UserSnapshot)."
  it('is called when the nested UserSnapshot changes', async () => {
    const fake = makeFake();
    const s = session(fake);
    const calls = recorder<[Talk.UserOnlineSnapshot | null]>();
    await s.user('bob').subscribeOnline(calls.fn).connected;
    await s.user('bob').set({ name: 'Robert' });
    expect(calls.calls).to.have.length(2);
    expect(calls.last()!.user.name).to.equal('Robert');
  });
});

describe('Session.conversation', () => {
  // "Calling this method multiple times with the same ID reuses the same ConversationRef object." "@throws If the id is not a string or is an empty string"
  it('returns the same ConversationRef per id; throws for an empty or non-string id', () => {
    const fake = makeFake();
    const s = session(fake);
    const ref = s.conversation('order-1');
    expect(ref.id).to.equal('order-1');
    expect(s.conversation('order-1')).to.equal(ref);
    expect(s.conversation('team')).to.not.equal(ref);
    expect(() => s.conversation('')).to.throw(TypeError);
    expect(() => s.conversation(42 as unknown as string)).to.throw(TypeError);
  });
});

describe('ConversationRef.get', () => {
  // "@returns A snapshot of the current user's view of the conversation, or null if the current user is not a participant (including if the conversation doesn't exist)."
  it('resolves with the ConversationSnapshot as declared', async () => {
    const fake = makeFake();
    const snapshot = (await session(fake).conversation('order-1').get())!;
    expectKeys(snapshot, CONVERSATION_SNAPSHOT_KEYS);
    expect(snapshot).to.deep.include({
      id: 'order-1',
      subject: 'Order 1',
      photoUrl: null,
      welcomeMessages: [],
      custom: {},
      unreadMessageCount: 1,
      isUnread: true,
    });
    expect(snapshot).to.include({ access: 'ReadWrite', notify: true, readUntil: 0 });
    expect(snapshot.lastMessage!.plaintext).to.equal('Your order shipped');
    expect(snapshot.joinedAt).to.be.a('number');
    expect(snapshot.createdAt).to.be.a('number');
  });

  it('resolves null for a conversation the user is not in, and for one that does not exist', async () => {
    const fake = makeFake();
    const s = session(fake);
    expect(await s.conversation('private').get()).to.equal(null);
    expect(await s.conversation('nowhere').get()).to.equal(null);
  });
});

describe('ConversationRef.set / createIfNotExists', () => {
  // set: "If this conversation does not already exist, it will be created. If the user is not currently a participant in this conversation, they will be added."
  it('set creates the conversation, adds the user and sets attributes and participation', async () => {
    const fake = makeFake();
    const ref = session(fake).conversation('fresh');
    await ref.set({ subject: 'Fresh', custom: { a: '1' }, notify: false });
    const snapshot = (await ref.get())!;
    expect(snapshot).to.deep.include({ subject: 'Fresh', custom: { a: '1' }, notify: false, access: 'ReadWrite' });
    await ref.set({ subject: null, custom: { a: null, b: '2' } });
    expect(await ref.get()).to.deep.include({ subject: null, custom: { b: '2' } });
  });

  // createIfNotExists: "Creates this conversation if it does not already exist. Adds you as a participant ... If the conversation already exists or you are already a participant, this operation is still considered successful".
  it('createIfNotExists creates with the params once, and later calls leave the conversation alone', async () => {
    const fake = makeFake();
    const ref = session(fake).conversation('fresh');
    await ref.createIfNotExists({ subject: 'First', access: 'Read' });
    await ref.createIfNotExists({ subject: 'Second' });
    expect(await ref.get()).to.deep.include({ subject: 'First', access: 'Read' });
    const joined = session(fake, 'carol').conversation('order-1');
    await joined.createIfNotExists({ subject: 'Ignored' });
    expect((await joined.get())!.subject).to.equal('Order 1');
  });
});

describe('ConversationRef.markAsRead / markAsUnread', () => {
  // "The promise rejects if you are not a participant in the conversation." isUnread: "This can be true even when `unreadMessageCount` is zero, if the user has manually marked the conversation as unread."
  it('markAsRead clears the unread count; markAsUnread makes isUnread true; both reject for a non-participant', async () => {
    const fake = makeFake();
    const s = session(fake);
    const ref = s.conversation('order-1');
    await ref.markAsRead();
    expect(await ref.get()).to.deep.include({ unreadMessageCount: 0, isUnread: false });
    await ref.send('my reply');
    await ref.markAsUnread();
    expect(await ref.get()).to.deep.include({ unreadMessageCount: 0, isUnread: true });
    await ref.markAsRead();
    expect((await ref.get())!.isUnread).to.equal(false);
    await rejection(s.conversation('private').markAsRead());
    await rejection(s.conversation('private').markAsUnread());
  });
});

describe('ConversationRef.send', () => {
  // "@returns A promise that resolves with a reference to the newly created message. The promise will reject if you do not have permission to send the message."
  it('sends as the current user and resolves with the MessageRef', async () => {
    const fake = makeFake();
    const s = session(fake);
    const ref = await s.conversation('order-1').send({ text: 'Thanks', custom: { k: 'v' } });
    expect(ref.conversationId).to.equal('order-1');
    const snapshot = (await ref.get())!;
    expect(snapshot).to.deep.include({ plaintext: 'Thanks', custom: { k: 'v' }, origin: 'rest', type: 'UserMessage' });
    expect(snapshot.sender!.id).to.equal('alice');
    const reply = await s.conversation('order-1').send({ text: 'Reply', referencedMessage: ref });
    expect((await reply.get())!.referencedMessage!.id).to.equal(ref.id);
    const record = fake.backend.conversations.get('order-1')!.messages.at(-1)!;
    expect(record).to.include({ senderId: 'alice', text: 'Reply' });
  });

  it('rejects for a non-participant, with Read access, and for non-text content', async () => {
    const fake = makeFake();
    const s = session(fake);
    await rejection(s.conversation('private').send('hi'));
    fake.backend.addParticipant('team', 'alice', { access: 'Read' });
    await rejection(s.conversation('team').send('hi'));
    await rejection(s.conversation('order-1').send({ content: [{ type: 'location', latitude: 1, longitude: 2 }] }));
    expect(fake.backend.conversations.get('team')!.messages).to.have.length(0);
  });
});

describe('ConversationRef.subscribe', () => {
  // "onSnapshot will be called when you join or leave the conversation, or when the snapshot changes." "The snapshot is null if you are not a participant".
  it('follows messages (lastMessage, unreadMessageCount) and reuses the snapshot when nothing about it changed', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot | null]>();
    await session(fake).conversation('order-1').subscribe(calls.fn).connected;
    expect(calls.last()!.unreadMessageCount).to.equal(1);
    fake.backend.sendMessage('order-1', 'bob', 'Delivered');
    expect(calls.calls).to.have.length(2);
    expect(calls.last()!.lastMessage!.plaintext).to.equal('Delivered');
    expect(calls.last()!.unreadMessageCount).to.equal(2);
    fake.backend.sendMessage('team', 'bob', 'elsewhere');
    fake.backend.setOnline('carol', true);
    expect(calls.calls).to.have.length(2);
  });

  it('is null while the user is not a participant; a snapshot once they join; null again when they leave', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot | null]>();
    await session(fake).conversation('private').subscribe(calls.fn).connected;
    expect(calls.last()).to.equal(null);
    fake.backend.addParticipant('private', 'alice');
    expect(calls.last()!.id).to.equal('private');
    fake.backend.removeParticipant('private', 'alice');
    expect(calls.calls.map(([snapshot]) => snapshot?.id ?? null)).to.deep.equal([null, 'private', null]);
  });
});

describe('ConversationRef.subscribeMessages', () => {
  // "The `snapshot` list is ordered chronologically with the most recent messages at the start." "Initially, you will be subscribed to the 30 most recent messages and any new messages."
  it('starts with the 30 most recent messages, newest first, loadedAll false when there are more', async () => {
    const fake = fakeWithMessages(45);
    const calls = recorder<[Talk.MessageSnapshot[] | null, boolean]>();
    const sub = session(fake).conversation('big').subscribeMessages(calls.fn);
    const active = await sub.connected;
    expect(active.latestSnapshot!.map((m) => m.plaintext)).to.deep.equal(Array.from({ length: 30 }, (_, i) => `m${45 - i}`));
    expect(active.loadedAll).to.equal(false);
    expect(calls.calls[0]![1]).to.equal(false);
    expect(Object.isFrozen(active.latestSnapshot)).to.equal(true);
  });

  // loadMore: "Expand the window to include older messages" "@param count ... Must be between 1 and 100. Default 30." "@returns A promise that resolves once the additional messages have loaded"
  it('loadMore extends into the past and resolves after the snapshot; loadedAll once all are in', async () => {
    const fake = fakeWithMessages(45);
    const calls = recorder<[Talk.MessageSnapshot[] | null, boolean]>();
    const sub = session(fake).conversation('big').subscribeMessages(calls.fn);
    await sub.connected;
    await sub.loadMore(10);
    expect(calls.calls).to.have.length(2);
    expect(calls.last()!).to.have.length(40);
    expect(calls.last()![39]!.plaintext).to.equal('m6');
    expect(sub.state).to.deep.include({ loadedAll: false });
    await sub.loadMore();
    expect(calls.last()!).to.have.length(45);
    expect(calls.calls.at(-1)![1]).to.equal(true);
    expect((sub.state as Talk.MessageActiveState).loadedAll).to.equal(true);
  });

  // "The `count` parameter is relative to the current number of loaded messages. If you call `loadMore(5)` and then call `loadMore(10)` immediately afterwards ... then only 10 additional messages will be loaded, not 15."
  it('loadMore counts from what is loaded now, not from earlier pending calls', async () => {
    const fake = fakeWithMessages(60);
    const sub = session(fake).conversation('big').subscribeMessages();
    await sub.connected;
    await Promise.all([sub.loadMore(5), sub.loadMore(10)]);
    expect((sub.state as Talk.MessageActiveState).latestSnapshot).to.have.length(40);
  });

  it('loadMore rejects a count outside 1..100 and once the subscription ended', async () => {
    const fake = fakeWithMessages(5);
    const sub = session(fake).conversation('big').subscribeMessages();
    await sub.connected;
    expect(await rejection(sub.loadMore(0))).to.be.instanceOf(RangeError);
    expect(await rejection(sub.loadMore(101))).to.be.instanceOf(RangeError);
    sub.unsubscribe();
    await rejection(sub.loadMore(1));
  });

  // "When a new message is received, it will be added to the start of the list." (the window includes "any new messages")
  it('a new message joins the start of the window without pushing the oldest out; unchanged messages keep their snapshots', async () => {
    const fake = fakeWithMessages(30);
    const calls = recorder<[Talk.MessageSnapshot[] | null, boolean]>();
    await session(fake).conversation('big').subscribeMessages(calls.fn).connected;
    const first = calls.last()!;
    expect(calls.calls[0]![1]).to.equal(true);
    fake.backend.sendMessage('big', 'bob', 'new');
    const second = calls.last()!;
    expect(second).to.have.length(31);
    expect(second[0]!.plaintext).to.equal('new');
    expect(second[1]).to.equal(first[0]);
    expect(second[30]).to.equal(first[29]);
  });

  it('delivers MessageSnapshots as declared', async () => {
    const fake = makeFake();
    const sub = session(fake).conversation('order-1').subscribeMessages();
    const [message] = (await sub.connected).latestSnapshot!;
    expectKeys(message!, MESSAGE_SNAPSHOT_KEYS);
    expect(message).to.deep.include({
      type: 'UserMessage',
      custom: {},
      editedAt: null,
      referencedMessage: null,
      origin: 'web',
      plaintext: 'Your order shipped',
      reactions: [],
    });
    expect(message!.content).to.deep.equal([{ type: 'text', children: ['Your order shipped'] }]);
    expect(message!.sender!.name).to.equal('Bob');
    expect(Object.isFrozen(message)).to.equal(true);
  });

  // "The snapshot is null if you are not a participant in the conversation (including when the conversation doesn't exist)"
  it('is null for a conversation the user is not in or that does not exist', async () => {
    const fake = makeFake();
    const s = session(fake);
    const active = await s.conversation('private').subscribeMessages().connected;
    expect(active).to.deep.equal({ type: 'active', latestSnapshot: null, loadedAll: false });
    expect((await s.conversation('nowhere').subscribeMessages().connected).latestSnapshot).to.equal(null);
  });

  // "This includes when a message is sent, edited, deleted".
  it('a message typed in the stand-in chat UI, ConversationBuilder.sendMessage, edits and deletes all reach it', async () => {
    const fake = makeFake();
    const s = session(fake);
    const calls = recorder<[Talk.MessageSnapshot[] | null, boolean]>();
    await s.conversation('order-1').subscribeMessages(calls.fn).connected;
    const chatbox: FakeChatbox = s.createChatbox();
    chatbox.select('order-1');
    await chatbox.mount(await fixture<HTMLElement>(html`<div style="height: 400px"></div>`));
    const field = chatbox.element!.shadowRoot!.querySelector<HTMLInputElement>('[data-part="message-field"]')!;
    field.value = 'typed in the UI';
    chatbox.element!.shadowRoot!.querySelector<HTMLElement>('[data-part="send"]')!.click();
    expect(calls.last()![0]!.plaintext).to.equal('typed in the UI');
    expect(calls.last()![0]!.sender!.id).to.equal('alice');
    await s.getOrCreateConversation('order-1').sendMessage('from the builder');
    expect(calls.last()![0]!.plaintext).to.equal('from the builder');
    const ref = s.conversation('order-1').message(calls.last()![0]!.id);
    await ref.edit('edited');
    expect(calls.last()![0]).to.deep.include({ plaintext: 'edited' });
    expect(calls.last()![0]!.editedAt).to.be.a('number');
    await ref.delete();
    expect(calls.last()!.map((m) => m.plaintext)).to.deep.equal(['typed in the UI', 'Your order shipped']);
  });
});

describe('ConversationRef.subscribeTyping', () => {
  // FewTypingSnapshot.users: "The list is in chronological order, starting with the users who have been typing the longest. The current user is never contained in the list".
  it('the test handle fake.backend.setTyping drives FewTypingSnapshot, typing longest first, never the current user', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.TypingSnapshot | null]>();
    await session(fake).conversation('team').subscribeTyping(calls.fn).connected;
    expect(calls.last()).to.deep.equal({ many: false, users: [] });
    fake.backend.setTyping('team', 'carol', true);
    fake.backend.setTyping('team', 'bob', true);
    fake.backend.setTyping('team', 'alice', true);
    const names = (snapshot: Talk.TypingSnapshot | null) => (snapshot && !snapshot.many ? snapshot.users.map((user) => user.name) : snapshot);
    expect(names(calls.last())).to.deep.equal(['Carol', 'Bob']);
    expect(calls.calls).to.have.length(3);
    fake.backend.setTyping('team', 'carol', false);
    expect(names(calls.last())).to.deep.equal(['Bob']);
    expectKeys((calls.last() as Talk.FewTypingSnapshot).users[0]!, USER_SNAPSHOT_KEYS);
  });

  // "Users are also considered "not typing" when they send a message".
  it('sending a message stops the sender typing', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.TypingSnapshot | null]>();
    await session(fake).conversation('order-1').subscribeTyping(calls.fn).connected;
    fake.backend.setTyping('order-1', 'bob', true);
    expect((calls.last() as Talk.FewTypingSnapshot).users).to.have.length(1);
    fake.backend.sendMessage('order-1', 'bob', 'done typing');
    expect(calls.last()).to.deep.equal({ many: false, users: [] });
  });

  // TypingSnapshot: "FewTypingSnapshot is used when there are 5 or less people typing ... ManyTypingSnapshot is used when more than 5 people are typing."
  // "You will not be notified when there are already "many" people typing, and another person starts typing, because the snapshot does not change."
  it('more than 5 typists give ManyTypingSnapshot, and one more is not notified', async () => {
    const ids = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
    const fake = makeFake({
      users: [...USERS, ...ids.map((id) => ({ id, name: id.toUpperCase() }))],
      conversations: [{ id: 'crowd', participants: ['alice', ...ids] }],
    });
    const calls = recorder<[Talk.TypingSnapshot | null]>();
    await session(fake).conversation('crowd').subscribeTyping(calls.fn).connected;
    for (const id of ids.slice(0, 5)) fake.backend.setTyping('crowd', id, true);
    expect((calls.last() as Talk.FewTypingSnapshot).users).to.have.length(5);
    fake.backend.setTyping('crowd', 'u6', true);
    expect(calls.last()).to.deep.equal({ many: true });
    const count = calls.calls.length;
    fake.backend.setTyping('crowd', 'u7', true);
    expect(calls.calls).to.have.length(count);
    fake.backend.setTyping('crowd', 'u7', false);
    fake.backend.setTyping('crowd', 'u6', false);
    expect((calls.last() as Talk.FewTypingSnapshot).users).to.have.length(5);
  });

  it('is null for a conversation the user is not in; markAsTyping of another session shows, for 10 seconds at most', async () => {
    const fake = makeFake();
    expect((await session(fake).conversation('private').subscribeTyping().connected).latestSnapshot).to.equal(null);
    const calls = recorder<[Talk.TypingSnapshot | null]>();
    await session(fake).conversation('order-1').subscribeTyping(calls.fn).connected;
    await session(fake, 'bob').conversation('order-1').markAsTyping();
    expect((calls.last() as Talk.FewTypingSnapshot).users.map((user) => user.id)).to.deep.equal(['bob']);
    await rejection(session(fake, 'carol').conversation('order-1').markAsTyping());
  });
});

describe('Session.subscribeConversations', () => {
  // "The `snapshot` list is ordered chronologically with the most recently active conversations at the start." "If you join a new conversation, or you receive a message in a conversation, that conversation will appear at the start of the list."
  it('lists the user’s conversations, most recently active first; a message moves one to the start with its lastMessage and unread count', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot[], boolean]>();
    const sub = session(fake).subscribeConversations(calls.fn);
    await sub.connected;
    expect(calls.last().map((c) => c.id)).to.deep.equal(['order-1', 'team']);
    expect(calls.calls[0]![1]).to.equal(true);
    fake.backend.sendMessage('team', 'bob', 'standup?');
    expect(calls.last().map((c) => c.id)).to.deep.equal(['team', 'order-1']);
    expect(calls.last()[0]).to.deep.include({ unreadMessageCount: 1 });
    expect(calls.last()[0]!.lastMessage!.plaintext).to.equal('standup?');
    fake.backend.addParticipant('private', 'alice');
    expect(calls.last()[0]!.id).to.equal('private');
    fake.backend.sendMessage('private', 'bob', 'now alice sees it');
    expect(calls.last()).to.have.length(3);
    expect(calls.last()[0]!.lastMessage!.plaintext).to.equal('now alice sees it');
  });

  it('reuses the list and its snapshots when nothing in it changed', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot[], boolean]>();
    await session(fake).subscribeConversations(calls.fn).connected;
    const first = calls.last();
    fake.backend.sendMessage('private', 'bob', 'alice is not in this one');
    fake.backend.setTyping('team', 'bob', true);
    expect(calls.calls).to.have.length(1);
    fake.backend.sendMessage('team', 'bob', 'hello');
    expect(calls.calls).to.have.length(2);
    expect(calls.last()[1]).to.equal(first[0]);
  });

  // "Initially, you will be subscribed to the 20 most recently active conversations" loadMore: "@param count ... Must be between 1 and 30. Default 20."
  it('starts with 20, loadMore extends to older ones until loadedAll', async () => {
    const fake = fakeWithConversations(45);
    const calls = recorder<[Talk.ConversationSnapshot[], boolean]>();
    const sub = session(fake).subscribeConversations(calls.fn);
    await sub.connected;
    expect(calls.last().map((c) => c.id)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `c${i + 1}`));
    expect((sub.state as Talk.ConversationListActiveState).loadedAll).to.equal(false);
    await sub.loadMore(5);
    expect(calls.last()).to.have.length(25);
    await sub.loadMore();
    expect(calls.last()).to.have.length(45);
    expect(calls.calls.at(-1)![1]).to.equal(true);
    expect(await rejection(sub.loadMore(31))).to.be.instanceOf(RangeError);
  });

  // "The window will automatically expand to include ... any old conversations that receive new messages after subscribing."
  it('an old conversation outside the window that gets a message joins it at the start', async () => {
    const fake = fakeWithConversations(22);
    const sub = session(fake).subscribeConversations();
    await sub.connected;
    fake.backend.sendMessage('c22', 'bob', 'revived');
    const list = (sub.state as Talk.ConversationListActiveState).latestSnapshot;
    expect(list).to.have.length(21);
    expect(list[0]!.id).to.equal('c22');
  });

  // subscribeConversations(options, onSnapshot): "only conversations matching the filter will be included in the snapshot"; "The snapshot is an empty list if the current user does not exist yet."
  it('takes { filter } first; an unknown user gets an empty list', async () => {
    const fake = makeFake();
    const calls = recorder<[Talk.ConversationSnapshot[], boolean]>();
    await session(fake).subscribeConversations({ filter: { custom: { kind: ['==', 'team'] } } }, calls.fn).connected;
    expect(calls.last().map((c) => c.id)).to.deep.equal(['team']);
    const unread = await session(fake).subscribeConversations({ filter: { isUnread: true } }).connected;
    expect(unread.latestSnapshot.map((c) => c.id)).to.deep.equal(['order-1']);
    const nobody = await session(fake, 'nobody').subscribeConversations().connected;
    expect(nobody).to.deep.equal({ type: 'active', latestSnapshot: [], loadedAll: true });
  });
});

describe('ConversationRef.participant / subscribeParticipants', () => {
  // ParticipantRef.createIfNotExists: "Adds the user as a participant, or does nothing if they are already a participant."
  // subscribeParticipants: "ordered chronologically with the participants who joined most recently at the start."
  it('adds and removes participants, seen by subscribeParticipants most recent first', async () => {
    const fake = makeFake();
    const s = session(fake);
    const ref = s.conversation('order-1');
    expect(ref.participant('carol')).to.equal(ref.participant(s.user('carol')));
    const calls = recorder<[Talk.ParticipantSnapshot[] | null, boolean]>();
    await ref.subscribeParticipants(calls.fn).connected;
    expect(
      calls
        .last()!
        .map((p) => p.user.id)
        .sort(),
    ).to.deep.equal(['alice', 'bob']);
    await ref.participant('carol').createIfNotExists({ access: 'Read' });
    expect(calls.last()![0]).to.deep.include({ access: 'Read', notify: true });
    expect(calls.last()![0]!.user.id).to.equal('carol');
    await ref.participant('carol').delete();
    expect(calls.last()).to.have.length(2);
    await rejection(ref.participant('ghost').set({ access: 'ReadWrite' }));
    expect(() => ref.participant('')).to.throw(TypeError);
  });
});

describe('MessageRef.reactions', () => {
  // ReactionsRef.add: "React with this emoji reaction, as the current user." ReactionsSummarySnapshot.currentUserReacted.
  it('add and remove show in the message snapshot and in ReactionsRef.subscribe', async () => {
    const fake = makeFake();
    const s = session(fake);
    const messageId = fake.backend.conversations.get('order-1')!.messages[0]!.id;
    const message = s.conversation('order-1').message(messageId);
    expect(message.reactions('👍')).to.equal(message.reactions('👍'));
    const calls = recorder<[Talk.SingleReactionSnapshot[] | null, boolean]>();
    await message.reactions('👍').subscribe(calls.fn).connected;
    expect(calls.last()).to.deep.equal([]);
    await message.reactions('👍').add();
    expect(calls.last()!.map((r) => r.user.id)).to.deep.equal(['alice']);
    expect((await message.get())!.reactions).to.deep.equal([{ emoji: '👍', count: 1, currentUserReacted: true }]);
    await message.reactions('👍').remove();
    expect(calls.last()).to.deep.equal([]);
    await rejection(s.conversation('order-1').message('msg_999').reactions('👍').add());
  });
});
