/**
 * `<talk-session>`: its attributes and properties (see docs/api.md), checked on what the fake
 * SDK recorded.
 * (Session events are in the events tests.)
 */
import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type Talk from 'talkjs';
import type { TalkSessionElement } from '../src/index.js';
import type { FakeSession } from '../src/testing/index.js';
import {
  anotherFake,
  callIndex,
  expectNoLeaks,
  nextTask,
  optionsOf,
  probeSessions,
  recordEvents,
  sampleFake,
  sessionConstructors,
  until,
  type FakeTalk,
} from './helpers.js';

let fake: FakeTalk | undefined;

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

async function sessionOf(el: TalkSessionElement, f: FakeTalk, count = 1): Promise<FakeSession> {
  await until(() => f.sessions.length >= count && el.session === f.sessions[count - 1], `session #${count}`);
  return f.sessions[count - 1]!;
}

/** A `<talk-session>` for alice on `f` with `tokenFetcher` set, and its session once made. */
async function withTokenFetcher(f: FakeTalk, tokenFetcher: () => Promise<string>): Promise<{ el: TalkSessionElement; session: FakeSession }> {
  const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${f} .tokenFetcher=${tokenFetcher} app-id="tAPP" user-id="alice"></talk-session>`);
  return { el, session: await sessionOf(el, f) };
}

/** Asserts that the old session was destroyed before the new one was constructed (same fake). */
function expectDestroyedFirst(f: FakeTalk, old: FakeSession, created: FakeSession): void {
  const destroyed = callIndex(f, old, 'destroy');
  const constructed = callIndex(f, created, 'constructor');
  expect(destroyed, 'old session destroy() call').to.be.greaterThan(-1);
  expect(constructed, 'new session constructor call').to.be.greaterThan(-1);
  expect(destroyed, 'destroy() of the old session before the new constructor').to.be.lessThan(constructed);
  expect(old.isAlive).to.equal(false);
  expect(created.isAlive).to.equal(true);
}

describe('<talk-session>: session options', () => {
  it('app-id + user-id: one session with exactly { appId, userId }', async () => {
    fake = sampleFake();
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const session = await sessionOf(el, fake);
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(sessionConstructors(fake)).to.have.length(1);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expect(el.status).to.equal('ready');
  });

  for (const [attribute, value] of [
    ['token', 'jwt-alice'],
    ['signature', 'hmac-alice'],
  ] as const) {
    it(`${attribute}: { appId, userId, ${attribute} }`, async () => {
      fake = sampleFake();
      const el = await fixture<TalkSessionElement>(
        html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice" ${unsafeStatic(`${attribute}="${value}"`)}></talk-session>`,
      );
      const session = await sessionOf(el, fake);
      await nextTask();
      expect(fake.sessions).to.have.length(1);
      // With a token, the kit also gives TalkJS a fetcher for refreshes (through talk-token-required).
      const refresh = attribute === 'token' ? { tokenFetcher: '<fetcher>' } : {};
      expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', [attribute]: value, ...refresh });
    });
  }

  it('tokenFetcher property: the kit asks it for the first token before new Session; options { appId, userId, token, tokenFetcher }', async () => {
    fake = sampleFake();
    const f = fake;
    const sessionsAtCall: number[] = [];
    let n = 0;
    const tokenFetcher = () => (sessionsAtCall.push(f.sessions.length), Promise.resolve(`jwt-fresh-alice-${++n}`));
    const { session } = await withTokenFetcher(fake, tokenFetcher);
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(sessionsAtCall, 'sessions alive when the first token was asked for').to.deep.equal([0]);
    const options = session.options;
    expect(Object.keys(options).sort()).to.deep.equal(['appId', 'token', 'tokenFetcher', 'userId']);
    expect(options).to.include({ appId: 'tAPP', userId: 'alice', token: 'jwt-fresh-alice-1' });
    expect(options.tokenFetcher).to.be.a('function');
    // TalkJS's refreshes go through options.tokenFetcher, which yields the page's next token.
    expect(await options.tokenFetcher!()).to.equal('jwt-fresh-alice-2');
    expect(sessionsAtCall).to.deep.equal([0, 1]);
  });

  it('user-* attributes: { appId, userId } (no me), and currentUser.set() with those fields before the session is ready', async () => {
    fake = sampleFake();
    const f = fake;
    let setsAtReady = -1;
    const el = await fixture<TalkSessionElement>(
      html`<talk-session
        .sdk=${f}
        app-id="tAPP"
        user-id="zoe"
        user-name="Zoe"
        @talk-session-ready=${() => (setsAtReady = f.callsTo('set').length)}
      ></talk-session>`,
    );
    const session = await sessionOf(el, f);
    await nextTask();
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'zoe' });
    const sets = f.callsTo('set');
    expect(sets).to.have.length(1);
    expect(sets[0]!.object).to.equal(session.currentUser);
    expect(sets[0]!.args).to.deep.equal([{ name: 'Zoe' }]);
    expect(setsAtReady, 'currentUser.set() calls when talk-session-ready fired').to.equal(1);
    expect(f.backend.users.get('zoe')!.name).to.equal('Zoe');
  });

  it('syncUser as a Talk.User: { appId, me } and no userId', async () => {
    fake = sampleFake();
    const me = new fake.User({ id: 'dave', name: 'Dave', email: 'dave@example.com' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} .syncUser=${me} app-id="tAPP"></talk-session>`);
    const session = await sessionOf(el, fake);
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(session.options).to.deep.equal({ appId: 'tAPP', me });
    expect(session.options.me).to.equal(me);
    expect(session.options).to.not.have.property('userId');
    expect(session.me.id).to.equal('dave');
  });

  it('syncUser as a function: called only once the SDK is ready; its user is `me`', async () => {
    fake = sampleFake({ ready: 'manual' });
    const f = fake;
    let resolved = false;
    const callsBeforeReady: number[] = [];
    const returned: Talk.User[] = [];
    const syncUser = () => {
      if (!resolved) callsBeforeReady.push(1);
      const user = new f.User({ id: 'dave', name: 'Dave' });
      returned.push(user);
      return user;
    };
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${f} .syncUser=${syncUser} app-id="tAPP"></talk-session>`);
    await nextTask();
    await nextTask();
    expect(returned, 'syncUser() calls before ready').to.have.length(0);
    expect(f.sessions).to.have.length(0);

    resolved = true;
    f.resolveReady();
    const session = await sessionOf(el, f);
    await nextTask();
    expect(callsBeforeReady).to.have.length(0);
    expect(returned.length).to.be.greaterThan(0);
    expect(f.sessions).to.have.length(1);
    expect(returned).to.include(session.options.me);
    expect(session.options).to.deep.equal({ appId: 'tAPP', me: session.options.me });
    expect(session.options).to.not.have.property('userId');
    expect(session.me.id).to.equal('dave');
  });
});

describe('<talk-session>: the session property and talk-session-ready', () => {
  it('undefined while loading, the session once ready, undefined after removal; talk-session-ready once', async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const recorder = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
    await nextTask();
    expect(el.session).to.equal(undefined);
    expect(el.status).to.equal('loading');

    fake.resolveReady();
    const session = await sessionOf(el, fake);
    await nextTask();
    await nextTask();
    expect(el.session).to.equal(session);
    expect(el.status).to.equal('ready');
    const ready = recorder.of('talk-session-ready');
    expect(ready).to.have.length(1);
    expect(ready[0]!.detail.session).to.equal(session);
    expect(ready[0]!.target).to.equal(el);
    expect(ready[0]!.bubbles).to.equal(true);
    expect(ready[0]!.composed).to.equal(true);

    el.remove();
    await nextTask();
    expect(el.session).to.equal(undefined);
    expect(session.isAlive).to.equal(false);
    expect(recorder.of('talk-session-ready')).to.have.length(1);
  });
});

describe('<talk-session>: ready only once credentials and user are checked', () => {
  it('session undefined, status loading and no talk-session-ready until hasValidCredentials() resolves; currentUser.get() is asked meanwhile', async () => {
    fake = sampleFake();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const Base = fake.Session;
    Object.defineProperty(fake, 'Session', {
      value: class extends Base {
        override hasValidCredentials(): Promise<boolean> {
          const answer = super.hasValidCredentials();
          return held.then(() => answer);
        }
      },
      configurable: true,
    });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const recorder = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
    const f = fake;
    await until(() => f.callsTo('hasValidCredentials').length === 1, 'hasValidCredentials()');
    await until(() => f.callsTo('get').length === 1, 'currentUser.get() (at the same time)');
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(el.session, 'session before the credentials are checked').to.equal(undefined);
    expect(el.status).to.equal('loading');
    expect(recorder.events).to.have.length(0);

    release();
    const session = await sessionOf(el, fake);
    expect(el.status).to.equal('ready');
    expect(recorder.of('talk-session-ready')).to.have.length(1);
    expect(recorder.events[0]!.detail.session).to.equal(session);
  });

  it('invalid credentials: one talk-error invalid-credentials naming app-id, status error, no session property', async () => {
    fake = sampleFake({ validCredentials: false });
    const errors = recordEvents(document, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    const { error } = console;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tWRONG" user-id="alice"></talk-session>`);
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      expect(errors.events.map((e) => [e.type, e.detail.code, e.detail.attribute])).to.deep.equal([['talk-error', 'invalid-credentials', 'app-id']]);
      expect(errors.events[0]!.detail.message).to.include('tWRONG');
      expect(el.session).to.equal(undefined);
      expect(logged).to.have.length(1);
    } finally {
      console.error = error;
    }
  });

  it('user-id alone for a user TalkJS does not know: one talk-error unknown-user naming user-id and the user, status error', async () => {
    fake = sampleFake();
    const errors = recordEvents(document, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    const { error } = console;
    console.error = () => undefined;
    try {
      const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="nobody"></talk-session>`);
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      expect(errors.events.map((e) => [e.type, e.detail.code, e.detail.attribute])).to.deep.equal([['talk-error', 'unknown-user', 'user-id']]);
      expect(errors.events[0]!.detail.message).to.include('nobody').and.to.include('user-name');
      expect(el.session).to.equal(undefined);
    } finally {
      console.error = error;
    }
  });
});

describe('<talk-session>: recreation', () => {
  it('user-id change: the old session is destroyed first, then one new session', async () => {
    fake = sampleFake();
    const seen = probeSessions(fake);
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const old = await sessionOf(el, fake);
    expect(fake.live().sessions).to.equal(1);

    el.setAttribute('user-id', 'bob');
    const created = await sessionOf(el, fake, 2);
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(2);
    expect(sessionConstructors(fake)).to.have.length(2);
    expectDestroyedFirst(fake, old, created);
    expect(created.options).to.deep.equal({ appId: 'tAPP', userId: 'bob' });
    expect(fake.live().sessions).to.equal(1);
    expect(seen, 'live sessions at each construction').to.deep.equal([0, 0]);
  });

  /** A change to one identity input: the markup it starts from, the change, and the new session's options. */
  interface IdentityChange {
    name: string;
    start: string;
    change(el: TalkSessionElement): void;
    expected: Record<string, unknown>;
    /** What the test title says the new session has. */
    has?: string;
  }
  const changes: IdentityChange[] = [
    {
      name: 'app-id',
      start: 'token="jwt-1"',
      change: (el) => el.setAttribute('app-id', 'tOTHER'),
      expected: { appId: 'tOTHER', userId: 'alice', token: 'jwt-1', tokenFetcher: '<fetcher>' },
    },
    {
      name: 'token',
      start: 'token="jwt-1"',
      change: (el) => el.setAttribute('token', 'jwt-2'),
      expected: { appId: 'tAPP', userId: 'alice', token: 'jwt-2', tokenFetcher: '<fetcher>' },
    },
    {
      name: 'signature',
      start: 'signature="sig-1"',
      change: (el) => (el.signature = 'sig-2'),
      expected: { appId: 'tAPP', userId: 'alice', signature: 'sig-2' },
      has: 'the new signature',
    },
  ];
  for (const { name, start, change, expected, has = 'the new options' } of changes) {
    it(`${name} change: old destroyed first, one new session with ${has}`, async () => {
      fake = sampleFake();
      const seen = probeSessions(fake);
      const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice" ${unsafeStatic(start)}></talk-session>`);
      const old = await sessionOf(el, fake);
      change(el);
      const created = await sessionOf(el, fake, 2);
      await nextTask();
      await nextTask();
      expect(fake.sessions).to.have.length(2);
      expectDestroyedFirst(fake, old, created);
      expect(optionsOf(created)).to.deep.equal(expected);
      expect(seen).to.deep.equal([0, 0]);
    });
  }

  it('tokenFetcher change (a new function): old destroyed first, the new session has the new fetcher', async () => {
    fake = sampleFake();
    const seen = probeSessions(fake);
    const first = () => Promise.resolve('jwt-1');
    const second = () => Promise.resolve('jwt-2');
    const { el, session: old } = await withTokenFetcher(fake, first);
    expect(await old.options.tokenFetcher!()).to.equal('jwt-1');
    el.tokenFetcher = second;
    const created = await sessionOf(el, fake, 2);
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(2);
    expectDestroyedFirst(fake, old, created);
    expect(await created.options.tokenFetcher!()).to.equal('jwt-2');
    expect(seen).to.deep.equal([0, 0]);
  });

  it('setting the same tokenFetcher again creates no new session', async () => {
    fake = sampleFake();
    const fetcher = () => Promise.resolve('jwt-1');
    const { el, session } = await withTokenFetcher(fake, fetcher);
    el.tokenFetcher = fetcher;
    el.setAttribute('user-id', 'alice');
    await el.updateComplete;
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(session.isAlive).to.equal(true);
    expect(callIndex(fake, session, 'destroy')).to.equal(-1);
  });

  it('sdk change (another fake): the old session is destroyed before the new one is made on the new fake', async () => {
    fake = sampleFake();
    const second = anotherFake();
    const seenFirst = probeSessions(fake, [fake, second]);
    const seenSecond = probeSessions(second, [fake, second]);
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const old = await sessionOf(el, fake);
    el.sdk = second;
    const created = await sessionOf(el, second);
    await nextTask();
    await nextTask();
    expect(old.isAlive).to.equal(false);
    expect(fake.sessions).to.have.length(1);
    expect(second.sessions).to.have.length(1);
    expect(created.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expect(seenFirst).to.deep.equal([0]);
    expect(seenSecond, 'live sessions (both fakes) when the new one was constructed').to.deep.equal([0]);
  });

  it('several identity changes in the same task: exactly one new session', async () => {
    fake = sampleFake();
    const seen = probeSessions(fake);
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice" token="jwt-1"></talk-session>`);
    const old = await sessionOf(el, fake);
    el.setAttribute('app-id', 'tOTHER');
    el.setAttribute('user-id', 'bob');
    el.setAttribute('token', 'jwt-bob');
    el.tokenFetcher = () => Promise.resolve('jwt-bob-2');
    const created = await sessionOf(el, fake, 2);
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(2);
    expect(sessionConstructors(fake)).to.have.length(2);
    expectDestroyedFirst(fake, old, created);
    expect(created.options).to.include({ appId: 'tOTHER', userId: 'bob', token: 'jwt-bob' });
    expect(Object.keys(created.options).sort()).to.deep.equal(['appId', 'token', 'tokenFetcher', 'userId']);
    expect(seen).to.deep.equal([0, 0]);
  });
});

describe('<talk-session>: syncUser updates', () => {
  it('same user id with a changed name: currentUser.set() on the live session, no new session', async () => {
    fake = sampleFake();
    const el = await fixture<TalkSessionElement>(
      html`<talk-session .sdk=${fake} .syncUser=${new fake.User({ id: 'dave', name: 'Dave' })} app-id="tAPP"></talk-session>`,
    );
    const session = await sessionOf(el, fake);
    expect(fake.callsTo('set')).to.have.length(0);

    el.syncUser = new fake.User({ id: 'dave', name: 'David' });
    await until(() => fake!.callsTo('set').length > 0, 'currentUser.set()');
    await nextTask();
    await nextTask();
    const sets = fake.callsTo('set');
    expect(sets).to.have.length(1);
    expect(sets[0]!.object).to.equal(session.currentUser);
    expect(sets[0]!.target).to.equal('UserRef#dave');
    expect(sets[0]!.args[0]).to.deep.include({ name: 'David' });
    expect(fake.sessions).to.have.length(1);
    expect(session.isAlive).to.equal(true);
    expect(el.session).to.equal(session);
    expect(fake.backend.users.get('dave')!.name).to.equal('David');
  });

  it('syncUser with a different id: old destroyed first, new session with the new `me`', async () => {
    fake = sampleFake();
    const seen = probeSessions(fake);
    const el = await fixture<TalkSessionElement>(
      html`<talk-session .sdk=${fake} .syncUser=${new fake.User({ id: 'dave', name: 'Dave' })} app-id="tAPP"></talk-session>`,
    );
    const old = await sessionOf(el, fake);
    const erin = new fake.User({ id: 'erin', name: 'Erin' });
    el.syncUser = erin;
    const created = await sessionOf(el, fake, 2);
    await nextTask();
    expect(fake.sessions).to.have.length(2);
    expectDestroyedFirst(fake, old, created);
    expect(created.options).to.deep.equal({ appId: 'tAPP', me: erin });
    expect(created.me.id).to.equal('erin');
    expect(fake.callsTo('set')).to.have.length(0);
    expect(seen).to.deep.equal([0, 0]);
  });
});

describe('<talk-session>: removal and moves', () => {
  it('removal destroys the session (after a task)', async () => {
    fake = sampleFake();
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const session = await sessionOf(el, fake);
    el.remove();
    await nextTask();
    expect(session.isAlive).to.equal(false);
    expect(callIndex(fake, session, 'destroy')).to.be.greaterThan(-1);
    expect(fake.live().sessions).to.equal(0);
    expect(fake.live().total).to.equal(0);
    expect(el.session).to.equal(undefined);
  });

  it('moved within its parent in one task: same session, still alive', async () => {
    fake = sampleFake();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>
        <p>after</p>
      </div>`,
    );
    const el = host.querySelector('talk-session')!;
    const session = await sessionOf(el, fake);
    host.append(el); // after the <p>: disconnect + connect in one task
    expect(host.lastElementChild).to.equal(el);
    await nextTask();
    await nextTask();
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
    expect(sessionConstructors(fake)).to.have.length(1);
    expect(callIndex(fake, session, 'destroy')).to.equal(-1);
    expect(el.status).to.equal('ready');
  });

  it('moved into another parent element in one task: same session', async () => {
    fake = sampleFake();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <div id="a"><talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session></div>
        <div id="b"></div>
      </div>`,
    );
    const el = host.querySelector('talk-session')!;
    const session = await sessionOf(el, fake);
    host.querySelector('#b')!.append(el);
    await nextTask();
    await nextTask();
    expect(el.parentElement!.id).to.equal('b');
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
    expect(sessionConstructors(fake)).to.have.length(1);
    expect(fake.live().sessions).to.equal(1);
  });

  it('moved into a shadow root in one task: same session', async () => {
    fake = sampleFake();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>
        <div id="shadow-host"></div>
      </div>`,
    );
    const el = host.querySelector('talk-session')!;
    const session = await sessionOf(el, fake);
    const root = host.querySelector('#shadow-host')!.attachShadow({ mode: 'open' });
    root.append(el);
    await nextTask();
    await nextTask();
    expect(el.isConnected).to.equal(true);
    expect(el.getRootNode()).to.equal(root);
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
    expect(sessionConstructors(fake)).to.have.length(1);
  });

  it('re-inserted after a removal: a fresh session', async () => {
    fake = sampleFake();
    const host = await fixture<HTMLDivElement>(html`<div><talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session></div>`);
    const el = host.querySelector('talk-session')!;
    const first = await sessionOf(el, fake);
    el.remove();
    await nextTask();
    await nextTask();
    expect(first.isAlive).to.equal(false);
    expect(fake.live().sessions).to.equal(0);

    host.append(el);
    const second = await sessionOf(el, fake, 2);
    await nextTask();
    expect(second).to.not.equal(first);
    expect(second.isAlive).to.equal(true);
    expect(second.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expect(sessionConstructors(fake)).to.have.length(2);
    expect(fake.live().sessions).to.equal(1);
    expect(el.status).to.equal('ready');
  });
});

describe('<talk-session>: desktop-notification-enabled', () => {
  /** A `<talk-session>` for alice on `f` with desktop-notification-enabled="`value`", once its session was told so. */
  async function withDesktopNotificationEnabled(f: FakeTalk, value: 'true' | 'false') {
    const el = await fixture<TalkSessionElement>(
      html`<talk-session .sdk=${f} app-id="tAPP" user-id="alice" desktop-notification-enabled=${value}></talk-session>`,
    );
    const session = await sessionOf(el, f);
    await until(() => f.callsTo('setDesktopNotificationEnabled', session).length > 0, `setDesktopNotificationEnabled(${value})`);
    await nextTask();
    return { el, session };
  }

  it('absent: setDesktopNotificationEnabled is never called', async () => {
    fake = sampleFake();
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    await sessionOf(el, fake);
    await nextTask();
    await nextTask();
    expect(fake.callsTo('setDesktopNotificationEnabled')).to.have.length(0);
  });

  /** A trusted click (from the test runner, through the browser's input pipeline) on a spot of its own. */
  async function trustedClick(): Promise<void> {
    const spot = document.createElement('div');
    spot.style.cssText = 'position: fixed; left: 0; top: 0; width: 20px; height: 20px; z-index: 2147483647;';
    document.body.append(spot);
    try {
      await sendMouse({ type: 'click', position: [10, 10] });
    } finally {
      spot.remove();
    }
  }

  /** The page may not prompt now (no permission yet, no user activation): `true` has to wait for one. */
  function expectNoActivation(): void {
    expect(typeof Notification === 'undefined' ? 'default' : Notification.permission, 'Notification.permission').to.not.equal('granted');
    expect((navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive, 'navigator.userActivation.isActive').to.not.equal(
      true,
    );
  }

  // One test: the trusted click leaves a user activation active for seconds, which would let a
  // later test's "true" apply at once.
  it('"true": applied only at the next trusted click (not at untrusted events); "false" at once, dropping a pending "true"; no new session', async () => {
    fake = sampleFake();
    const f = fake;
    const el = await fixture<TalkSessionElement>(
      html`<talk-session .sdk=${f} app-id="tAPP" user-id="alice" desktop-notification-enabled="true"></talk-session>`,
    );
    const session = await sessionOf(el, f);
    const applied = () => f.callsTo('setDesktopNotificationEnabled', session).map((call) => call.args[0]);
    await nextTask();
    await nextTask();
    expectNoActivation();
    expect(applied(), 'calls before a user activation').to.deep.equal([]);
    el.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await nextTask();
    expect(applied(), 'calls after untrusted events').to.deep.equal([]);

    // "false" while "true" waits: false at once, the wait for a click is dropped.
    el.setAttribute('desktop-notification-enabled', 'false');
    await until(() => applied().length > 0, 'setDesktopNotificationEnabled(false)');
    expect(applied()).to.deep.equal([false]);
    // "true" again, still without a user activation: it waits again.
    el.setAttribute('desktop-notification-enabled', 'true');
    await el.updateComplete;
    await nextTask();
    expect(applied(), 'true before a user activation').to.deep.equal([false]);

    await trustedClick();
    await until(() => applied().length > 1, 'setDesktopNotificationEnabled(true) at the trusted click');
    await nextTask();
    await nextTask();
    // Exactly one true: the wait dropped by "false" never fires.
    expect(applied()).to.deep.equal([false, true]);
    expect(session.desktopNotificationEnabled).to.equal(true);

    el.setAttribute('desktop-notification-enabled', 'false');
    await until(() => applied().length > 2, 'setDesktopNotificationEnabled(false)');
    await nextTask();
    expect(applied()).to.deep.equal([false, true, false]);
    expect(session.desktopNotificationEnabled).to.equal(false);
    expect(fake.sessions).to.have.length(1);
    expect(session.isAlive).to.equal(true);
    expect(el.session).to.equal(session);
  });

  it('"false" from the start: called with false', async () => {
    fake = sampleFake();
    const { el, session } = await withDesktopNotificationEnabled(fake, 'false');
    const calls = fake.callsTo('setDesktopNotificationEnabled', session);
    expect(calls).to.have.length(1);
    expect(calls[0]!.args[0]).to.equal(false);
    expect(el.desktopNotificationEnabled).to.equal(false);
  });
});
