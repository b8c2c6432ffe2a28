/**
 * The fake SDK keeps the promises of the `talkjs` declarations (node_modules/talkjs/types/
 * talk.types.d.ts, version 0.46), never more lenient: one `describe` per declared member the kit
 * relies on; each test quotes the promise it checks. Where the declarations leave behaviour
 * open, the fake's switches (`unreadsReplay`, `restoreTiming`, `fetchTokens`) are checked under
 * each reading. Breaking a promise in the fake fails here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type Talk from 'talkjs';
import {
  FAKE_READINGS,
  createFakeTalk,
  currentFakeReadings,
  installFakeTalkCdn,
  setFakeReadings,
  type FakeChatbox,
  type FakeInbox,
  type FakePopup,
  type FakeSession,
  type FakeTalk,
  type FakeTalkOptions,
} from '../src/testing/index.js';

const USERS: Talk.UserOptions[] = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob', photoUrl: 'https://example.com/bob.png', custom: { team: 'red', level: '2' } },
  { id: 'carol', name: 'Carol' },
];

const CONVERSATIONS: FakeTalkOptions['conversations'] = [
  { id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'Your order shipped' }] },
  { id: 'team', participants: ['alice', 'bob', 'carol'], custom: { kind: 'team' } },
];

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

async function container(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div style="height: 400px"></div>`);
}

function parts(box: FakeChatbox | FakeInbox | FakePopup, name: string): HTMLElement[] {
  return [...(box.element?.shadowRoot?.querySelectorAll<HTMLElement>(`[data-part="${name}"]`) ?? [])];
}

function typeAndSend(box: FakeChatbox | FakeInbox | FakePopup, text: string): void {
  (parts(box, 'message-field')[0] as HTMLInputElement).value = text;
  parts(box, 'send')[0]!.click();
}

/** The rejection reason of `promise` (fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Checks that `value` has exactly the declared keys (no missing, no extra besides `extra`). */
function expectKeys(value: object, declared: string[], extra: string[] = []): void {
  const keys = Object.keys(value).filter((key) => !extra.includes(key));
  expect(keys.sort()).to.deep.equal([...declared].sort());
}

const CONVERSATION_DATA_KEYS = ['id', 'custom', 'subject', 'photoUrl', 'welcomeMessages', 'participants'];
const USER_SNAPSHOT_KEYS = ['id', 'name', 'custom', 'locale', 'photoUrl', 'role', 'welcomeMessage'];
const MESSAGE_KEYS = ['id', 'conversation', 'isByMe', 'senderId', 'sender', 'body', 'type', 'timestamp', 'read', 'origin', 'custom', 'attachment', 'location'];

afterEach(() => {
  for (const fake of fakes.splice(0)) for (const s of fake.sessions) s.destroy();
});

describe('Talk.ready and the talkjs package stub', () => {
  // index.esnext.js: `t.Talk={v:3,ready:{then:function(f){...l.push([f,r,e])...},catch:function(){return k&&new k();},c:l}}`
  it('before load the object is the stub: only `v: 3` and `ready` ({ then, catch, c }) as SDK members', () => {
    const fake = makeFake({ ready: 'manual' });
    const sdk = fake as unknown as Record<string, unknown>;
    expect(sdk['v']).to.equal(3);
    expect(fake.Session).to.equal(undefined);
    expect(fake.User).to.equal(undefined);
    expect(fake.oneOnOneId).to.equal(undefined);
    expect('Session' in fake).to.equal(false);
    const ready = fake.ready as unknown as { then: unknown; catch: unknown; c: unknown[] };
    expect(ready).to.not.be.instanceOf(Promise);
    expect(typeof ready.then).to.equal('function');
    expect(Array.isArray(ready.c)).to.equal(true);
    // Test helpers stay available throughout.
    expect(fake.calls).to.deep.equal([]);
    expect(fake.live().total).to.equal(0);
    expect(fake.backend.users.has('alice')).to.equal(true);
  });

  it("ready.then(f) queues [f, resolve, reject] and returns a promise settled with f's result after load", async () => {
    const fake = makeFake({ ready: 'manual' });
    const order: string[] = [];
    const first = fake.ready.then(() => {
      order.push('first');
      return 1;
    });
    const second = fake.ready.then(() => {
      order.push('second');
      throw new Error('boom');
    });
    const ready = fake.ready as unknown as { c: unknown[] };
    expect(ready.c).to.have.length(2);
    await macrotask();
    expect(order).to.deep.equal([]);
    fake.resolveReady();
    expect(order).to.deep.equal(['first', 'second']);
    expect(await first).to.equal(1);
    expect((await rejection(second)).message).to.equal('boom');
  });

  it("ready.catch() throws, as the stub's `new Promise()` does", () => {
    const fake = makeFake({ ready: 'manual' });
    expect(() => fake.ready.catch(() => undefined)).to.throw(TypeError);
  });

  it('resolveReady() fills Session, User and oneOnOneId in place on the same object; ready becomes a resolved promise', async () => {
    const fake = makeFake({ ready: 'manual' });
    const same = fake;
    fake.resolveReady();
    expect(same).to.equal(fake);
    expect(typeof fake.Session).to.equal('function');
    expect(typeof fake.User).to.equal('function');
    expect(fake.oneOnOneId('a', 'b')).to.have.length(20);
    expect(fake.ready).to.be.instanceOf(Promise);
    let settled = false;
    void fake.ready.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).to.equal(true);
    fake.resolveReady(); // idempotent
    expect(session(fake).isAlive).to.equal(true);
  });

  it("ready: 'resolved' (default) is loaded from the start; 'never' stays the stub", async () => {
    const loaded = makeFake();
    expect(loaded.ready).to.be.instanceOf(Promise);
    expect(typeof loaded.Session).to.equal('function');
    const never = makeFake({ ready: 'never' });
    expect(never.Session).to.equal(undefined);
    expect(() => never.resolveReady()).to.throw(/never/);
  });

  it("installFakeTalkCdn completes the page's stub object in place and runs its queue once loaded", async () => {
    const global = globalThis as unknown as { Talk?: unknown };
    const saved = global.Talk;
    const queue: unknown[][] = [];
    const stub: Record<string, unknown> = {
      v: 3,
      ready: {
        then(f: () => unknown) {
          return new Promise((r, e) => queue.push([f, r, e]));
        },
        catch() {
          return new (Promise as unknown as new () => unknown)();
        },
        c: queue,
      },
    };
    global.Talk = stub;
    try {
      const queued = (stub['ready'] as { then(f: () => unknown): Promise<unknown> }).then(() => 'ran');
      const fake = installFakeTalkCdn({ users: USERS, ready: 'manual' });
      fakes.push(fake);
      expect(global.Talk).to.equal(stub);
      expect(stub['Session']).to.equal(undefined);
      expect(typeof stub['live']).to.equal('function');
      fake.resolveReady();
      expect(await queued).to.equal('ran');
      expect(stub['Session']).to.equal(fake.Session);
      const s = new (stub['Session'] as FakeTalk['Session'])({ appId: 't', userId: 'alice' });
      expect(fake.sessions).to.deep.equal([s]);
    } finally {
      global.Talk = saved;
    }
  });
});

describe('setFakeReadings (what the declarations leave open)', () => {
  let saved = currentFakeReadings();
  beforeEach(() => (saved = currentFakeReadings()));
  afterEach(() => setFakeReadings(saved));

  it('initial readings are FAKE_READINGS.strict; createFakeTalk uses the current readings for options not passed', async () => {
    expect(currentFakeReadings()).to.deep.equal(FAKE_READINGS.strict);
    expect(FAKE_READINGS.eager).to.deep.equal({ unreadsReplay: true, restoreTiming: 'sync', fetchTokens: true });
    setFakeReadings(FAKE_READINGS.eager);
    const eager = makeFake({ restoredPopup: 'order-1' });
    expect(session(eager).getPopups()).to.have.length(1); // restored inside the constructor
    const explicit = makeFake({ restoredPopup: 'order-1', restoreTiming: 'macrotask' });
    expect(session(explicit).getPopups()).to.have.length(0);
    setFakeReadings({ restoreTiming: 'macrotask' });
    expect(currentFakeReadings()).to.deep.equal({ unreadsReplay: true, restoreTiming: 'macrotask', fetchTokens: true });
  });
});

describe('Session constructor', () => {
  // SessionOptions.userId: "It is permitted to pass the ID of a user that does not exist yet."
  it('accepts the id of a user that does not exist yet; `me` then has no name', () => {
    const fake = makeFake();
    const s = session(fake, 'newcomer');
    expect(s.isAlive).to.equal(true);
    expect(s.me.id).to.equal('newcomer');
    expect(s.me.name).to.equal(undefined);
    expect(fake.backend.users.has('newcomer')).to.equal(false);
    expect(fake.callsTo('constructor')[0]!.args).to.deep.equal([{ appId: 'tTEST', userId: 'newcomer' }]);
  });

  // SessionOptions.me: "all other fields (name, photo, etc) are overwritten in the TalkJS database each time they change"
  it('with `me` (a full Talk.User) creates or updates that user', () => {
    const fake = makeFake();
    const me = new fake.User({ id: 'alice', name: 'Alice Cooper', photoUrl: 'https://example.com/a.png' });
    const s = new fake.Session({ appId: 'tTEST', me });
    expect(s.me).to.equal(me);
    expect(fake.backend.users.get('alice')).to.include({ name: 'Alice Cooper', photoUrl: 'https://example.com/a.png' });
  });

  it('requires appId and a user; is not there before load', () => {
    const fake = makeFake();
    expect(() => new fake.Session({ appId: 'tTEST' })).to.throw();
    expect(() => new fake.Session({ appId: '', userId: 'alice' })).to.throw(/appId/);
    expect(makeFake({ ready: 'manual' }).Session).to.equal(undefined);
  });
});

describe('User constructor', () => {
  it('new Talk.User(id) leaves `name` undefined (a reference to an existing user)', () => {
    const fake = makeFake();
    const user = new fake.User('bob');
    expect(user.id).to.equal('bob');
    expect(user.name).to.equal(undefined);
  });
});

describe('Session.destroy / Session.isAlive', () => {
  // destroy: "Disconnects all websockets, removes all UIs, and invalidates this session."
  // "You cannot use any objects that were created in this session after you destroy it."
  it('removes all UIs, ends subscriptions, and later use throws', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    await chatbox.mount(await container());
    s.onMessage(() => undefined);
    s.destroy();
    expect(s.isAlive).to.equal(false);
    expect(chatbox.isAlive).to.equal(false);
    expect(chatbox.element).to.equal(undefined);
    expect(fake.live().total).to.equal(0);
    expect(() => s.createInbox()).to.throw(/destroyed/);
    expect(() => chatbox.select('order-1')).to.throw(/destroyed/);
    s.destroy(); // idempotent
  });
});

describe('Session.hasValidCredentials', () => {
  // "Verifies whether the `appId` is valid. Returns a Promise of a boolean, never rejects."
  it('resolves true by default, false with validCredentials: false, follows fake.validCredentials; recorded', async () => {
    const fake = makeFake();
    const s = session(fake);
    expect(await s.hasValidCredentials()).to.equal(true);
    fake.validCredentials = false;
    expect(await s.hasValidCredentials()).to.equal(false);
    expect(fake.callsTo('hasValidCredentials', s)).to.have.length(2);
    const invalid = makeFake({ validCredentials: false });
    expect(await session(invalid).hasValidCredentials()).to.equal(false);
  });

  it('never rejects: an injected failure resolves false', async () => {
    const fake = makeFake();
    const s = session(fake);
    fake.failNext('hasValidCredentials');
    expect(await s.hasValidCredentials()).to.equal(false);
    expect(await s.hasValidCredentials()).to.equal(true);
  });
});

describe('Session.user / Session.currentUser', () => {
  // currentUser: "This is a short-hand for `session.user(session.me.id)`."
  // user: "Calling this method multiple times with the same ID reuses the same UserRef object." "@throws If the id is not a string or is an empty string"
  it('returns one UserRef per id; currentUser is user(me.id); recorded; throws on an empty id', () => {
    const fake = makeFake();
    const s = session(fake);
    const bob = s.user('bob');
    expect(bob.id).to.equal('bob');
    expect(s.user('bob')).to.equal(bob);
    expect(s.user('alice')).to.equal(s.currentUser);
    expect(fake.callsTo('user', s).map((call) => call.args)).to.deep.equal([['bob'], ['bob'], ['alice']]);
    expect(() => s.user('')).to.throw();
  });
});

describe('UserRef.get', () => {
  // "@returns A snapshot of the user's public attributes, or null if the user doesn't exist."
  it('resolves a UserSnapshot, or null when the user does not exist', async () => {
    const fake = makeFake();
    const s = session(fake);
    const snapshot = await s.user('bob').get();
    expectKeys(snapshot!, USER_SNAPSHOT_KEYS);
    expect(snapshot).to.include({ id: 'bob', name: 'Bob', photoUrl: 'https://example.com/bob.png', role: 'default' });
    expect(await s.user('nobody').get()).to.equal(null);
  });
});

describe('UserRef.set', () => {
  // "`name` is required when creating a user. The promise will reject if you don't provide a `name` and the user does not exist yet."
  it('rejects when the user does not exist yet and no name is given', async () => {
    const fake = makeFake();
    const s = session(fake, 'newcomer');
    const error = await rejection(s.currentUser.set({ photoUrl: 'https://example.com/n.png' }));
    expect(error.message).to.match(/name.*required/);
    expect(fake.backend.users.has('newcomer')).to.equal(false);
    await s.currentUser.set({ name: 'Newcomer' });
    expect(fake.backend.users.get('newcomer')!.name).to.equal('Newcomer');
  });

  // SetUserParams: "Properties that are `undefined` will not be changed. To clear / reset a property to the default, pass `null`."
  // custom: "This value acts as a patch. Remove specific properties by setting them to `null`."
  it('undefined leaves a field unchanged, null resets it; custom is a patch (null deletes a key, custom: null all)', async () => {
    const fake = makeFake();
    const s = session(fake);
    const bob = s.user('bob');
    await bob.set({ name: undefined, photoUrl: undefined, custom: { level: null, mood: 'ok' } });
    expect(fake.backend.users.get('bob')).to.include({ name: 'Bob', photoUrl: 'https://example.com/bob.png' });
    expect(fake.backend.users.get('bob')!.custom).to.deep.equal({ team: 'red', mood: 'ok' });
    await bob.set({ photoUrl: null, locale: 'nl-NL' });
    expect(fake.backend.users.get('bob')).to.include({ name: 'Bob', photoUrl: null, locale: 'nl-NL' });
    await bob.set({ custom: null });
    expect(fake.backend.users.get('bob')!.custom).to.deep.equal({});
    expect(fake.callsTo('set', bob)).to.have.length(3);
  });
});

describe('UserRef.createIfNotExists', () => {
  // "Creates a user with this ID, or does nothing if a user with this ID already exists."
  // "If the user already exists, this operation is still considered successful and the promise will still resolve."
  it('creates an absent user; does nothing (and resolves) when present; name is required to create', async () => {
    const fake = makeFake();
    const s = session(fake);
    await s.user('dave').createIfNotExists({ name: 'Dave', custom: { a: '1' } });
    expect(fake.backend.users.get('dave')).to.include({ name: 'Dave' });
    expect(fake.backend.users.get('dave')!.custom).to.deep.equal({ a: '1' });
    await s.user('bob').createIfNotExists({ name: 'Robert' });
    expect(fake.backend.users.get('bob')!.name).to.equal('Bob');
    await rejection(s.user('erin').createIfNotExists({} as Talk.CreateUserParams));
    expect(fake.backend.users.has('erin')).to.equal(false);
    expect(fake.callsTo('createIfNotExists')).to.have.length(3);
  });
});

describe('Session.createChatbox / createInbox / createPopup', () => {
  it('create UI objects that are alive and not mounted; recorded with their options', () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox({ showChatHeader: false });
    const inbox = s.createInbox();
    const popup = s.createPopup({ keepOpen: false });
    for (const box of [chatbox, inbox, popup]) {
      expect(box.isAlive).to.equal(true);
      expect(box.mounted).to.equal(false);
    }
    expect(fake.callsTo('createChatbox', s)[0]!.args).to.deep.equal([{ showChatHeader: false }]);
    expect(fake.callsTo('createInbox', s)[0]!.args).to.deep.equal([]);
    expect(fake.callsTo('createPopup', s)[0]!.args).to.deep.equal([{ keepOpen: false }]);
  });
});

describe('UIBox.mount', () => {
  // SessionOptions.userId: "However, you cannot mount a Chat UI before creating your user."
  it('rejects for a user that does not exist, naming the user id; resolves once the user exists', async () => {
    const fake = makeFake();
    const s = session(fake, 'newcomer');
    const chatbox = s.createChatbox();
    const error = await rejection(chatbox.mount(await container()));
    expect(error.message).to.contain('newcomer');
    expect(chatbox.mounted).to.equal(false);
    const inbox = s.createInbox();
    expect((await rejection(inbox.mount(await container()))).message).to.contain('newcomer');
    const popup = s.createPopup();
    expect((await rejection(popup.mount({ show: true }))).message).to.contain('newcomer');
    expect(popup.visible).to.equal(false);

    await s.currentUser.set({ name: 'Newcomer' });
    await chatbox.mount(await container());
    expect(chatbox.mounted).to.equal(true);
  });

  it('resolves at once for a user created through SessionOptions.me', async () => {
    const fake = makeFake();
    const s = new fake.Session({ appId: 'tTEST', me: new fake.User({ id: 'zed', name: 'Zed' }) });
    const inbox = s.createInbox();
    await inbox.mount(await container());
    expect(inbox.mounted).to.equal(true);
  });

  it('rejects for a null container', async () => {
    const fake = makeFake();
    await rejection(session(fake).createChatbox().mount(null));
  });
});

describe('UIBox.select', () => {
  it('selects by id, by builder (written to the backend with the user as participant), null; resolves', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    await chatbox.mount(await container());
    await chatbox.select('order-1');
    expect(chatbox.currentConversation?.id).to.equal('order-1');
    const builder = s.getOrCreateConversation('new-one');
    builder.setAttributes({ subject: 'New' });
    await chatbox.select(builder);
    expect(fake.backend.conversations.get('new-one')!.subject).to.equal('New');
    expect(fake.backend.isParticipant('new-one', 'alice')).to.equal(true);
    await chatbox.select(null);
    expect(chatbox.currentConversation).to.equal(null);
    expect(fake.callsTo('select', chatbox)).to.have.length(3);
  });
});

describe('Popup.show / Popup.hide', () => {
  it('before mount do nothing (still recorded); after mount open and close it', async () => {
    const fake = makeFake();
    const s = session(fake);
    const popup = s.createPopup();
    popup.show();
    expect(popup.visible).to.equal(false);
    expect(popup.mounted).to.equal(false);
    popup.hide();
    expect(fake.callsTo('show', popup)).to.have.length(1);
    expect(fake.callsTo('hide', popup)).to.have.length(1);
    await popup.mount({ show: false });
    expect(popup.visible).to.equal(false);
    popup.show();
    expect(popup.visible).to.equal(true);
    popup.hide();
    expect(popup.visible).to.equal(false);
  });
});

describe('Session.getPopups', () => {
  // "Only includes popups that are still mounted in the DOM."
  it('lists only live, mounted popups', async () => {
    const fake = makeFake();
    const s = session(fake);
    const popup = s.createPopup();
    expect(s.getPopups()).to.deep.equal([]);
    await popup.mount();
    expect(s.getPopups()).to.deep.equal([popup]);
    popup.destroy();
    expect(s.getPopups()).to.deep.equal([]);
  });
});

describe('FakeTalkOptions.restoredPopup (PopupOptions.keepOpen restored on page load)', () => {
  // getPopups: "Includes ... popups created on page load, if PopupOptions.keepOpen was set to `true` on an earlier page."
  it("restoreTiming 'sync': the popup is there when the constructor returns", () => {
    const fake = makeFake({ restoredPopup: 'order-1', restoreTiming: 'sync' });
    const [popup] = session(fake).getPopups();
    expect(popup!.restored).to.equal(true);
    expect(popup!.visible).to.equal(true);
    expect(popup!.currentConversation?.id).to.equal('order-1');
  });

  it("restoreTiming 'macrotask': the popup appears a macrotask later, not if the session was destroyed meanwhile", async () => {
    const fake = makeFake({ restoredPopup: 'order-1', restoreTiming: 'macrotask' });
    const s = session(fake);
    expect(s.getPopups()).to.deep.equal([]);
    await Promise.resolve();
    expect(s.getPopups()).to.deep.equal([]);
    await macrotask();
    expect(s.getPopups()).to.have.length(1);
    const gone = session(fake);
    gone.destroy();
    await macrotask();
    expect(fake.popups).to.have.length(1);
  });
});

describe('Unreads.onChange', () => {
  // "A "change" event is fired on startup right after TalkJS loads, as well as every time the amount of unread conversations changed."
  it('unreadsReplay: false: the startup change goes to handlers subscribed by then; a later handler gets only later changes', async () => {
    const fake = makeFake({ unreadsReplay: false });
    const s = session(fake);
    const early: Talk.UnreadConversation[][] = [];
    s.unreads.onChange((list) => early.push(list));
    await macrotask();
    expect(early.map((list) => list.map((u) => u.conversation.id))).to.deep.equal([['order-1']]);
    const late: Talk.UnreadConversation[][] = [];
    s.unreads.onChange((list) => late.push(list));
    await macrotask();
    expect(late).to.deep.equal([]);
    fake.backend.sendMessage('team', 'bob', 'Hi team');
    expect(early).to.have.length(2);
    expect(late.map((list) => list.map((u) => u.conversation.id))).to.deep.equal([['team', 'order-1']]);
  });

  it('unreadsReplay: true: every subscriber gets the current list once, a macrotask after subscribing', async () => {
    const fake = makeFake({ unreadsReplay: true });
    const s = session(fake);
    await macrotask();
    const late: Talk.UnreadConversation[][] = [];
    s.unreads.onChange((list) => late.push(list));
    expect(late).to.deep.equal([]);
    await macrotask();
    expect(late.map((list) => list.map((u) => u.conversation.id))).to.deep.equal([['order-1']]);
    const legacy: Talk.UnreadConversation[][] = [];
    s.unreads.on('change', (list) => legacy.push(list));
    await macrotask();
    expect(legacy).to.have.length(1);
  });

  // UnreadConversation.conversation: "Always identical to `lastMessage.conversation`"; ConversationData.participants:
  // "ConversationData returned from ... Session.unreads.onChange will only include the current user".
  it('passes UnreadConversation objects as declared', async () => {
    const fake = makeFake();
    const s = session(fake);
    const lists: Talk.UnreadConversation[][] = [];
    s.unreads.onChange((list) => lists.push(list));
    await macrotask();
    const [item] = lists[0]!;
    expectKeys(item!, ['conversation', 'lastMessage', 'unreadMessageCount']);
    expect(item!.conversation).to.deep.equal(item!.lastMessage.conversation);
    expectKeys(item!.conversation, CONVERSATION_DATA_KEYS);
    expect(item!.conversation.participants).to.deep.equal({ alice: { access: 'ReadWrite' } });
    expectKeys(item!.lastMessage, MESSAGE_KEYS);
    expect(item!.unreadMessageCount).to.equal(1);
  });
});

describe('SessionOptions.tokenFetcher', () => {
  // "TalkJS calls this function whenever the current token is about to expire."
  it('is not called for the first token unless fetchTokens; refreshToken() simulates expiry', async () => {
    const fake = makeFake({ fetchTokens: false });
    let calls = 0;
    const tokenFetcher = () => `jwt-${++calls}`;
    const s = new fake.Session({ appId: 'tTEST', userId: 'alice', tokenFetcher });
    await macrotask();
    expect(calls).to.equal(0);
    expect(await s.refreshToken()).to.equal('jwt-1');
    expect(s.tokens).to.deep.equal(['jwt-1']);

    const eager = makeFake({ fetchTokens: true });
    const s2 = new eager.Session({ appId: 'tTEST', userId: 'alice', tokenFetcher });
    await macrotask();
    expect(calls).to.equal(2);
    expect(s2.tokens).to.deep.equal(['jwt-2']);
    const withToken = new eager.Session({ appId: 'tTEST', userId: 'alice', token: 'given', tokenFetcher });
    await macrotask();
    expect(calls).to.equal(2);
    expect(withToken.tokens).to.deep.equal(['given']);
  });
});

describe('ConversationBuilder.setAttributes', () => {
  // ConversationAttributes: null clears a field; custom is a patch (null deletes a key); undefined leaves as is.
  it('null clears subject, photoUrl, welcomeMessages; a custom key set to null is deleted; undefined leaves fields', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    const builder = s.getOrCreateConversation('team');
    builder.setAttributes({ subject: 'Team', photoUrl: 'https://example.com/t.png', welcomeMessages: ['Hi'], custom: { a: '1' } });
    await chatbox.select(builder);
    expect(fake.backend.conversations.get('team')).to.include({ subject: 'Team', photoUrl: 'https://example.com/t.png' });
    expect(fake.backend.conversations.get('team')!.custom).to.deep.equal({ kind: 'team', a: '1' });
    builder.setAttributes({ subject: undefined, custom: { kind: null } });
    builder.setAttributes({ custom: { b: '2' } }); // patches accumulate until the next write
    await chatbox.select(builder);
    expect(fake.backend.conversations.get('team')!.subject).to.equal('Team');
    expect(fake.backend.conversations.get('team')!.custom).to.deep.equal({ a: '1', b: '2' });
    builder.setAttributes({ subject: null, photoUrl: null, welcomeMessages: null });
    await chatbox.select(builder);
    expect(fake.backend.conversations.get('team')).to.include({ subject: null, photoUrl: null, welcomeMessages: null });
    expect(fake.callsTo('setAttributes', builder)).to.have.length(4);
  });
});

describe('UIBox.setPresence', () => {
  // UserPresence.visible: "When omitted or `undefined`, the existing value remains unchanged."
  // UserPresence.custom: "Set any property to `null` to delete the existing value (if any)."
  it('patches: visible stays when omitted, custom merges per key, custom: null clears; visible defaults to true', () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    expect(chatbox.presence).to.deep.equal({ visible: true, custom: {} });
    chatbox.setPresence({ visible: false, custom: { a: '1', b: '2' } });
    chatbox.setPresence({ custom: { b: null, c: '3' } });
    expect(chatbox.presence).to.deep.equal({ visible: false, custom: { a: '1', c: '3' } });
    chatbox.setPresence({ visible: undefined });
    expect(chatbox.presence.visible).to.equal(false);
    chatbox.setPresence({ custom: null });
    expect(chatbox.presence).to.deep.equal({ visible: false, custom: {} });
    const withOption = s.createInbox({ presence: { custom: { x: '1' } } });
    expect(withOption.presence).to.deep.equal({ visible: true, custom: { x: '1' } });
  });

  // "messages arriving on this UI will not be marked as read until you set `visible` to true again"
  it('messages are marked read only while visible', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox({ presence: { visible: false } });
    await chatbox.select('team');
    await chatbox.mount(await container());
    fake.backend.sendMessage('team', 'bob', 'unseen');
    expect(fake.backend.unreadCount('team', 'alice')).to.equal(1);
    chatbox.setPresence({ custom: { any: 'thing' } });
    expect(fake.backend.unreadCount('team', 'alice')).to.equal(1);
    chatbox.setPresence({ visible: true });
    expect(fake.backend.unreadCount('team', 'alice')).to.equal(0);
    fake.backend.sendMessage('team', 'bob', 'seen');
    expect(fake.backend.unreadCount('team', 'alice')).to.equal(0);
  });
});

describe('UIBox.setMessageFilter / Inbox.setFeedFilter', () => {
  // MessagePredicate: "chatbox.setMessageFilter({});" and ConversationPredicate: "inbox.setFeedFilter({});" reset the filter.
  it('{} means no filter', async () => {
    const fake = makeFake();
    const s = session(fake);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    await inbox.mount(await container());
    inbox.setMessageFilter({ sender: { id: ['!=', 'bob'] } });
    expect(parts(inbox, 'message-text')).to.have.length(0);
    inbox.setMessageFilter({});
    expect(parts(inbox, 'message-text').map((node) => node.textContent)).to.deep.equal(['Your order shipped']);
    inbox.setFeedFilter({ custom: { kind: ['==', 'team'] } });
    expect(parts(inbox, 'feed-item')).to.have.length(1);
    inbox.setFeedFilter({});
    expect(parts(inbox, 'feed-item')).to.have.length(2);
  });
});

describe('MessageField.setText / MessageField.setVisible', () => {
  it('setText replaces the text (also before mount); setVisible hides and shows the field', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    chatbox.messageField.setText('draft');
    expect(await chatbox.messageField.getText()).to.equal('draft');
    await chatbox.select('order-1');
    await chatbox.mount(await container());
    expect((parts(chatbox, 'message-field')[0] as HTMLInputElement).value).to.equal('draft');
    chatbox.messageField.setText('other');
    expect(await chatbox.messageField.getText()).to.equal('other');
    chatbox.messageField.setVisible(false);
    expect(parts(chatbox, 'composer')[0]!.hidden).to.equal(true);
    chatbox.messageField.setVisible(true);
    expect(parts(chatbox, 'composer')[0]!.hidden).to.equal(false);
    expect(fake.callsTo('setText').map((call) => call.args)).to.deep.equal([['draft'], ['other']]);
    expect(fake.callsTo('setVisible').map((call) => call.args)).to.deep.equal([[false], [true]]);
  });
});

describe('UIBox.setTranslationEnabledForConversation', () => {
  // "@param conversation - The conversation for which this should be set."
  it('records the setting per conversation (id or builder)', () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    chatbox.setTranslationEnabledForConversation('order-1', true);
    chatbox.setTranslationEnabledForConversation(s.getOrCreateConversation('team'), false);
    expect(chatbox.translationEnabledFor.get('order-1')).to.equal(true);
    expect(chatbox.translationEnabledFor.get('team')).to.equal(false);
    expect(fake.callsTo('setTranslationEnabledForConversation', chatbox)).to.have.length(2);
  });
});

describe('UIBox.setHighlightedWords', () => {
  // "Call again with an empty array to disable highlighting." "The returned HighlightControls object lets you scroll ..."
  it('highlights words and returns HighlightControls; [] disables highlighting', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    await chatbox.select('order-1');
    await chatbox.mount(await container());
    const controls = chatbox.setHighlightedWords(['shipped']);
    expect(parts(chatbox, 'highlight').map((node) => node.textContent)).to.deep.equal(['shipped']);
    const result = await controls.jumpUp();
    expectKeys(result, ['found', 'isLast']);
    expect(result.found).to.equal(true);
    chatbox.setHighlightedWords([]);
    expect(parts(chatbox, 'highlight')).to.have.length(0);
  });
});

describe('Subscription.unsubscribe', () => {
  it('stops the handler; idempotent', async () => {
    const fake = makeFake();
    const s = session(fake);
    const messages: Talk.Message[] = [];
    const subscription = s.onMessage((message) => messages.push(message));
    fake.backend.sendMessage('team', 'bob', 'one');
    subscription.unsubscribe();
    subscription.unsubscribe();
    fake.backend.sendMessage('team', 'bob', 'two');
    expect(messages.map((message) => message.body)).to.deep.equal(['one']);
    expect(fake.live().subscriptions).to.equal(0);
  });
});

describe('Session.onMessage', () => {
  // Message; ConversationData.participants: "Session.onMessage ... will only include the current user".
  it('passes a Message as declared', () => {
    const fake = makeFake();
    const s = session(fake);
    const messages: Talk.Message[] = [];
    s.onMessage((message) => messages.push(message));
    fake.backend.sendMessage('team', 'bob', 'hello', { custom: { k: 'v' } });
    const [message] = messages;
    expectKeys(message!, MESSAGE_KEYS);
    expect(message).to.include({ body: 'hello', senderId: 'bob', isByMe: false, type: 'text', origin: 'web', attachment: null, location: null });
    expect(typeof message!.id).to.equal('string');
    expect(typeof message!.timestamp).to.equal('number');
    expect(message!.custom).to.deep.equal({ k: 'v' });
    expectKeys(message!.sender!, USER_SNAPSHOT_KEYS);
    expect(message!.conversation.participants).to.deep.equal({ alice: { access: 'ReadWrite' } });
  });
});

describe('Session.onDesktopNotificationClicked', () => {
  // "2. If you provided one or more "desktopNotificationClicked" handlers, they will be invoked in order;
  //  3. If you did not, then the currently active inbox (if any) will jump to the conversation corresponding to the notification."
  it('calls the handlers (DesktopNotificationClickedEvent) and then leaves the inbox alone', async () => {
    const fake = makeFake();
    const s = session(fake);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    await inbox.mount(await container());
    const events: Talk.DesktopNotificationClickedEvent[] = [];
    const subscription = s.onDesktopNotificationClicked((event) => events.push(event));
    s.emit('desktopNotificationClicked', { conversation: { id: 'team' } as Talk.ConversationData });
    expect(events).to.have.length(1);
    expectKeys(events[0]!, ['conversation']);
    expectKeys(events[0]!.conversation, CONVERSATION_DATA_KEYS);
    expect(events[0]!.conversation.participants).to.deep.equal({ alice: { access: 'ReadWrite' } });
    expect(inbox.shownConversationId).to.equal('order-1');
    subscription.unsubscribe();

    const legacy = () => undefined;
    s.on('desktopNotificationClicked', legacy);
    s.emit('desktopNotificationClicked', { conversation: { id: 'team' } as Talk.ConversationData });
    expect(inbox.shownConversationId).to.equal('order-1');
    s.off('desktopNotificationClicked', legacy);
  });

  it('without handlers, the most recently mounted live inbox jumps to the conversation', async () => {
    const fake = makeFake();
    const s = session(fake);
    const older = s.createInbox();
    const newer = s.createInbox();
    await newer.mount(await container());
    await older.select('order-1');
    await older.mount(await container());
    const selected: Talk.ConversationSelectedEvent[] = [];
    older.onConversationSelected((event) => selected.push(event));
    s.emit('desktopNotificationClicked', { conversation: { id: 'team' } as Talk.ConversationData });
    expect(older.shownConversationId).to.equal('team');
    expect(selected.map((event) => event.conversation?.id)).to.deep.equal(['team']);
    expect(newer.shownConversationId).to.not.equal('team');
    older.destroy();
    s.emit('desktopNotificationClicked', { conversation: { id: 'order-1' } as Talk.ConversationData });
    expect(newer.shownConversationId).to.equal('order-1');
  });
});

describe('Session.onBrowserPermissionNeeded', () => {
  // "If you return a promise from your event handler, then TalkJS will wait until this promise resolves before showing the permission dialog."
  it("waits for the handlers' promises before prompting; preventDefault() cancels", async () => {
    const fake = makeFake();
    const s = session(fake);
    let release: () => void = () => undefined;
    const steps: string[] = [];
    const waiting = s.onBrowserPermissionNeeded((event) => {
      expect(event.type).to.equal('notifications');
      steps.push('handler');
      return new Promise<void>((resolve) => (release = resolve)).then(() => void steps.push('handler done'));
    });
    const outcome = s.requestBrowserPermission().then((result) => {
      steps.push(`prompt: ${result}`);
      return result;
    });
    await macrotask();
    expect(steps).to.deep.equal(['handler']);
    release();
    expect(await outcome).to.equal('prompted');
    expect(steps).to.deep.equal(['handler', 'handler done', 'prompt: prompted']);
    waiting.unsubscribe();

    s.onBrowserPermissionNeeded((event) => event.preventDefault());
    expect(await s.requestBrowserPermission('microphone')).to.equal('prevented');
    const event = s.emit('browserPermissionNeeded', { type: 'geolocation' });
    expect(event.defaultPrevented).to.equal(true);
  });
});

describe('Session.onBrowserPermissionDenied', () => {
  // BrowserPermissionDeniedEvent: "Sent by Session.onBrowserPermissionDenied" = { type }. (The handler's parameter is
  // typed BrowserPermissionNeededEvent; the fake passes the lesser, documented event, so nothing may rely on preventDefault.)
  it('passes a BrowserPermissionDeniedEvent ({ type } only)', () => {
    const fake = makeFake();
    const s = session(fake);
    const events: Talk.BrowserPermissionDeniedEvent[] = [];
    s.onBrowserPermissionDenied((event) => events.push(event));
    s.emit('browserPermissionDenied', { type: 'microphone' });
    expect(events).to.deep.equal([{ type: 'microphone' }]);
  });
});

describe('UI event payloads', () => {
  // SendMessageEvent { message: SentMessage, me: UserSnapshot, conversation: ConversationData, override }
  it('SendMessageEvent', async () => {
    const fake = makeFake();
    const s = session(fake);
    const chatbox = s.createChatbox();
    await chatbox.select('order-1');
    await chatbox.mount(await container());
    const events: Talk.SendMessageEvent[] = [];
    chatbox.onSendMessage((event) => events.push(event));
    typeAndSend(chatbox, 'Hello');
    const [event] = events;
    expectKeys(event!, ['message', 'me', 'conversation', 'override'], ['overrides']);
    expect(event!.message).to.include({ conversationId: 'order-1', type: 'UserMessage', senderId: 'alice', text: 'Hello', id: undefined });
    expect(event!.message.readBy).to.deep.equal([]);
    expectKeys(event!.me, USER_SNAPSHOT_KEYS);
    expectKeys(event!.conversation, CONVERSATION_DATA_KEYS);
    expect(Object.keys(event!.conversation.participants).sort()).to.deep.equal(['alice', 'bob']);
  });

  // SelectConversationEvent { me, others, participants, conversation, messageId?, preventDefault } ; ConversationSelectedEvent { me, others?, participants?, conversation }
  it('SelectConversationEvent and ConversationSelectedEvent', async () => {
    const fake = makeFake();
    const s = session(fake);
    const inbox = s.createInbox();
    await inbox.select('order-1');
    await inbox.mount(await container());
    const select: Talk.SelectConversationEvent[] = [];
    const selected: Talk.ConversationSelectedEvent[] = [];
    inbox.onSelectConversation((event) => select.push(event));
    inbox.onConversationSelected((event) => selected.push(event));
    parts(inbox, 'feed-item')
      .find((item) => item.dataset['conversationId'] === 'team')!
      .click();
    expectKeys(select[0]!, ['me', 'others', 'participants', 'conversation', 'preventDefault'], ['defaultPrevented']);
    expect(select[0]!.others.map((user) => user.id).sort()).to.deep.equal(['bob', 'carol']);
    expect(select[0]!.participants).to.have.length(3);
    expectKeys(select[0]!.conversation, CONVERSATION_DATA_KEYS);
    expect(selected.at(-1)!.conversation?.id).to.equal('team');
    expectKeys(selected.at(-1)!.me, USER_SNAPSHOT_KEYS);
  });
});
