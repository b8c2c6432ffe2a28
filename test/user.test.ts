/**
 * The user: the `user-*` attributes of `<talk-session>` create or update the user as
 * the declarations recommend: the session is created with `{ appId, userId }` (no `me`), then
 * `session.currentUser.set()` writes the fields, and only once that resolved is the session
 * ready. A later change updates the user through `currentUser.set()` without a new session; a
 * removed field (or `custom` key) is sent as `null`, since `UserRef.set` treats a missing field
 * as unchanged.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement } from '../src/index.js';
import type { FakeSession } from '../src/testing/index.js';
import { captureConsole, expectNoLeaks, nextTask, recordEvents, sampleFake, sessionConstructors, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

/** Every user-* attribute, as a CMS editor would paste them. */
const EVERY_USER_ATTRIBUTE: Record<string, string> = {
  'user-name': 'Dana Buyer',
  'user-email': 'dana@example.com',
  'user-photo-url': 'https://example.com/dana.png',
  'user-role': 'buyer',
  'user-locale': 'nl-NL',
  'user-welcome-message': 'Hi, Dana here!',
  'user-custom': '{"plan": "gold", "country": "NL"}',
};

/** The `Talk.User` fields those attributes must give. */
const EVERY_USER_FIELD = {
  id: 'dana',
  name: 'Dana Buyer',
  email: 'dana@example.com',
  photoUrl: 'https://example.com/dana.png',
  role: 'buyer',
  locale: 'nl-NL',
  welcomeMessage: 'Hi, Dana here!',
  custom: { plan: 'gold', country: 'NL' },
};

/** A `<talk-session app-id="tAPP" user-id=…>` with `attributes`, on the fake. */
async function placeSession(attributes: Record<string, string>, userId = 'dana'): Promise<TalkSessionElement> {
  const el = document.createElement('talk-session');
  el.setAttribute('app-id', 'tAPP');
  el.setAttribute('user-id', userId);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.sdk = fake;
  await fixture(html`<div>${el}</div>`);
  return el;
}

async function liveSession(el: TalkSessionElement): Promise<FakeSession> {
  await until(() => el.session !== undefined, 'the session');
  return el.session as FakeSession;
}

/** The `Talk.User` fields without the id: what `currentUser.set()` must receive. */
const { id: _id, ...EVERY_SET_FIELD } = EVERY_USER_FIELD;

/** The arguments of every `set()` call on `session.currentUser`, in order. */
function setsOn(session: FakeSession): unknown[][] {
  return fake.callsTo('set', session.currentUser).map((call) => call.args);
}

describe('<talk-session>: user-* attributes create the user', () => {
  it('every user-* attribute: the session is created with { appId, userId } (no me), then currentUser.set() with those fields, then ready', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'dana' });
    // One set() on the session's own currentUser, with every field (not the id).
    expect(fake.callsTo('set'), 'set() calls').to.have.length(1);
    expect(fake.callsTo('set')[0]!.object, 'set() on session.currentUser').to.equal(session.currentUser);
    expect(setsOn(session)).to.deep.equal([[EVERY_SET_FIELD]]);
    // Synchronised: the backend now knows the user with those fields.
    expect(fake.backend.users.get('dana')).to.deep.include({
      name: 'Dana Buyer',
      email: 'dana@example.com',
      photoUrl: 'https://example.com/dana.png',
      role: 'buyer',
      locale: 'nl-NL',
      welcomeMessage: 'Hi, Dana here!',
    });
    expect(fake.backend.users.get('dana')!.custom).to.deep.equal({ plan: 'gold', country: 'NL' });
    expect(el.status).to.equal('ready');
  });

  it('the session is ready only once currentUser.set() has resolved: until then no session property, status loading', async () => {
    // Hold every session's currentUser.set() until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const Base = fake.Session;
    const Held = class extends Base {
      constructor(options: ConstructorParameters<typeof Base>[0]) {
        super(options);
        const set = this.currentUser.set.bind(this.currentUser);
        Object.defineProperty(this.currentUser, 'set', { value: (params: Parameters<typeof set>[0]) => held.then(() => set(params)), configurable: true });
      }
    };
    Object.defineProperty(fake, 'Session', { value: Held, configurable: true });
    const ready = recordEvents(document, ['talk-session-ready'], { untilTestEnds: true });
    const el = await placeSession({ 'user-name': 'Dana' });
    await until(() => fake.sessions.length === 1, 'the session constructed');
    await nextTask();
    await nextTask();
    expect(el.session, 'no session before the user is written').to.equal(undefined);
    expect(el.status).to.equal('loading');
    expect(ready.events).to.have.length(0);
    expect(fake.backend.users.has('dana')).to.equal(false);

    release();
    const session = await liveSession(el);
    expect(session).to.equal(fake.sessions[0]);
    expect(fake.backend.users.get('dana')!.name).to.equal('Dana');
    expect(el.status).to.equal('ready');
    expect(ready.events).to.have.length(1);
  });

  it('user-name alone: currentUser.set({ name }) (only the attributes present become fields)', async () => {
    const el = await placeSession({ 'user-name': 'Dana' });
    const session = await liveSession(el);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'dana' });
    expect(setsOn(session)).to.deep.equal([[{ name: 'Dana' }]]);
    expect(session.me.id).to.equal('dana');
    expect(fake.backend.users.get('dana')).to.deep.include({ name: 'Dana', email: null, role: null });
  });

  it('user-name for an existing user: currentUser.set() updates that user (no new session needed)', async () => {
    const el = await placeSession({ 'user-name': 'Alice A.' }, 'alice');
    const session = await liveSession(el);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expect(setsOn(session)).to.deep.equal([[{ name: 'Alice A.' }]]);
    expect(fake.backend.users.get('alice')!.name).to.equal('Alice A.');
  });

  it('no user-* attribute: the session uses { userId } as before (nothing to sync, the user is looked up)', async () => {
    const el = await placeSession({}, 'alice');
    const session = await liveSession(el);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expect(fake.callsTo('set')).to.have.length(0);
    expect(fake.callsTo('get', session.currentUser), 'currentUser.get()').to.have.length(1);
  });
});

describe('<talk-session>: user-* changes update the user without a new session', () => {
  it('user-name changes: currentUser.set() with the new fields, the same session stays', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    expect(fake.callsTo('set'), 'set() calls at creation (writing the user)').to.have.length(1);

    el.setAttribute('user-name', 'Dana B.');
    await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
    await nextTask();

    const sets = fake.callsTo('set');
    expect(sets).to.have.length(2);
    expect(sets[1]!.object).to.equal(session.currentUser);
    expect(sets[1]!.args).to.deep.equal([{ ...EVERY_SET_FIELD, name: 'Dana B.' }]);
    expect(fake.backend.users.get('dana')!.name).to.equal('Dana B.');
    expect(sessionConstructors(fake), 'sessions constructed').to.have.length(1);
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
  });

  // [attribute, new value, field, what set() sends for it, what the backend user then has]
  for (const [attribute, value, field, expected, stored] of [
    ['user-email', 'dana@work.example', 'email', 'dana@work.example', 'dana@work.example'],
    ['user-photo-url', 'https://example.com/new.png', 'photoUrl', 'https://example.com/new.png', 'https://example.com/new.png'],
    ['user-role', 'seller', 'role', 'seller', 'seller'],
    ['user-locale', 'de-DE', 'locale', 'de-DE', 'de-DE'],
    ['user-welcome-message', 'Hallo!', 'welcomeMessage', 'Hallo!', 'Hallo!'],
    // The key no longer there ("country") is sent as null: custom is a patch.
    ['user-custom', '{"plan": "silver"}', 'custom', { plan: 'silver', country: null }, { plan: 'silver' }],
  ] as const) {
    it(`${attribute} changes: currentUser.set({ …, ${field} }) on the same session`, async () => {
      const el = await placeSession(EVERY_USER_ATTRIBUTE);
      const session = await liveSession(el);
      el.setAttribute(attribute, value);
      await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
      await nextTask();
      const sets = fake.callsTo('set');
      expect(sets).to.have.length(2);
      expect(sets[1]!.object).to.equal(session.currentUser);
      expect((sets[1]!.args[0] as Record<string, unknown>)[field]).to.deep.equal(expected);
      expect((fake.backend.users.get('dana') as unknown as Record<string, unknown>)[field]).to.deep.equal(stored);
      expect(sessionConstructors(fake)).to.have.length(1);
      expect(el.session).to.equal(session);
    });
  }

  it('several user-* changes in one task: one currentUser.set() with all of them', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    await liveSession(el);
    el.setAttribute('user-name', 'Dana C.');
    el.setAttribute('user-role', 'seller');
    await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
    await nextTask();
    const sets = fake.callsTo('set');
    expect(sets).to.have.length(2);
    expect(sets[1]!.args[0]).to.include({ name: 'Dana C.', role: 'seller' });
  });

  it('setting the same values again: no further currentUser.set()', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    await liveSession(el);
    expect(fake.callsTo('set'), 'the one at creation').to.have.length(1);
    el.setAttribute('user-name', 'Dana Buyer');
    el.setAttribute('user-custom', '{"country": "NL", "plan": "gold"}');
    await nextTask();
    await nextTask();
    expect(fake.callsTo('set')).to.have.length(1);
  });

  it('user-photo-url removed: currentUser.set() with photoUrl: null, and the backend user loses it', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    expect(fake.backend.users.get('dana')!.photoUrl).to.equal('https://example.com/dana.png');
    el.removeAttribute('user-photo-url');
    await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
    await nextTask();
    const sets = setsOn(session);
    expect(sets).to.have.length(2);
    const patch = sets[1]![0] as Record<string, unknown>;
    expect(patch, 'photoUrl sent as null (a missing field would mean "unchanged")').to.have.property('photoUrl', null);
    expect(patch).to.deep.equal({ ...EVERY_SET_FIELD, photoUrl: null });
    expect(fake.backend.users.get('dana')!.photoUrl).to.equal(null);
    expect(fake.backend.users.get('dana')!.name, 'the other fields stay').to.equal('Dana Buyer');
    expect(sessionConstructors(fake)).to.have.length(1);
    expect(el.session).to.equal(session);
  });

  it('a user-custom key removed: currentUser.set() with that key as null, and the backend user loses it', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    el.setAttribute('user-custom', '{"plan": "gold"}');
    await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
    await nextTask();
    const sets = setsOn(session);
    expect(sets).to.have.length(2);
    expect((sets[1]![0] as Record<string, unknown>).custom).to.deep.equal({ plan: 'gold', country: null });
    expect(fake.backend.users.get('dana')!.custom).to.deep.equal({ plan: 'gold' });
    expect(el.session).to.equal(session);
  });

  it('user-custom removed altogether: currentUser.set() with custom: null, and the backend user has no custom keys left', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    el.removeAttribute('user-custom');
    await until(() => fake.callsTo('set').length > 1, 'the second currentUser.set()');
    await nextTask();
    const sets = setsOn(session);
    expect(sets).to.have.length(2);
    expect(sets[1]![0]).to.have.property('custom', null);
    expect(fake.backend.users.get('dana')!.custom).to.deep.equal({});
  });

  it('user-id changes: a new session for the new user (destroying the old one first)', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const first = await liveSession(el);
    el.setAttribute('user-id', 'erin');
    await until(() => el.session !== undefined && el.session !== first, 'the session for erin');
    const second = el.session as FakeSession;
    expect(first.isAlive).to.equal(false);
    expect(second.options).to.deep.equal({ appId: 'tAPP', userId: 'erin' });
    // One set() per session, each on its own currentUser: dana's at first, then erin's with the same fields.
    expect(fake.callsTo('set')).to.have.length(2);
    expect(setsOn(first)).to.deep.equal([[EVERY_SET_FIELD]]);
    expect(setsOn(second)).to.deep.equal([[EVERY_SET_FIELD]]);
    expect(fake.backend.users.get('erin')).to.deep.include({ name: 'Dana Buyer', email: 'dana@example.com' });
  });
});

describe('<talk-session>: user-* input errors', () => {
  it('user-* without user-name: one invalid-attribute naming user-name, no session; adding user-name fixes it', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    const el = await placeSession({ 'user-email': 'dana@example.com' });
    await until(() => el.status === 'error', 'status error');
    await nextTask();
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.target).to.equal(el);
    expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute', attribute: 'user-name' });
    expect(errors.events[0]!.detail.message).to.contain('user-email');
    expect(console.errors).to.have.length(1);
    expect(fake.sessions).to.have.length(0);

    el.setAttribute('user-name', 'Dana');
    const session = await liveSession(el);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'dana' });
    expect(setsOn(session)).to.deep.equal([[{ name: 'Dana', email: 'dana@example.com' }]]);
    expect(fake.backend.users.get('dana')).to.deep.include({ name: 'Dana', email: 'dana@example.com' });
    expect(errors.events).to.have.length(1);
  });

  it('user-name="" (blank) with other user-* attributes: invalid-attribute naming user-name', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const el = await placeSession({ 'user-name': '  ', 'user-role': 'buyer' });
    await until(() => el.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'user-name']]);
    expect(fake.sessions).to.have.length(0);
  });

  for (const [name, value] of [
    ['not JSON', '{plan: gold}'],
    ['JSON that is not an object', '["gold"]'],
    ['an object with a non-string value', '{"plan": 3}'],
  ] as const) {
    it(`user-custom ${name}: one invalid-attribute naming user-custom, no session`, async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      const console = captureConsole({ untilTestEnds: true });
      const el = await placeSession({ 'user-name': 'Dana', 'user-custom': value });
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      expect(errors.events).to.have.length(1);
      expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute', attribute: 'user-custom' });
      expect(console.errors).to.have.length(1);
      expect(fake.sessions).to.have.length(0);
    });
  }

  it('invalid user-custom on a live session: the session goes, and comes back (with set()) once fixed', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const el = await placeSession({ 'user-name': 'Dana', 'user-custom': '{"plan": "gold"}' });
    const first = await liveSession(el);
    el.setAttribute('user-custom', '{broken');
    await until(() => el.status === 'error', 'status error');
    expect(first.isAlive).to.equal(false);
    expect(errors.events.map((e) => e.detail.attribute)).to.deep.equal(['user-custom']);
    el.setAttribute('user-custom', '{"plan": "silver"}');
    await until(() => el.session !== undefined && el.session !== first, 'the new session');
    const second = el.session as FakeSession;
    expect(second.options).to.deep.equal({ appId: 'tAPP', userId: 'dana' });
    expect(setsOn(second)).to.deep.equal([[{ name: 'Dana', custom: { plan: 'silver' } }]]);
    expect(fake.backend.users.get('dana')!.custom).to.deep.equal({ plan: 'silver' });
  });

  it('user-* together with the syncUser property: invalid-attribute naming the user-* attribute', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const el = document.createElement('talk-session');
    el.setAttribute('app-id', 'tAPP');
    el.setAttribute('user-role', 'buyer');
    el.syncUser = new fake.User({ id: 'dana', name: 'Dana' });
    el.sdk = fake;
    await fixture(html`<div>${el}</div>`);
    await until(() => el.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'user-role']]);
    expect(fake.sessions).to.have.length(0);
  });
});
