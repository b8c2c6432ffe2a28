/**
 * Markup only, item 2: the `user-*` attributes of `<talk-session>` create or update the user
 * (`SessionOptions.me`), and a later change updates it through `session.currentUser.set()`
 * without a new session.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement } from '../src/index.js';
import { FakeUser, type FakeSession } from '../src/testing/index.js';
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

/** A user's own fields (a FakeUser also carries the non-SDK `isReference`). */
function fieldsOf(user: object): Record<string, unknown> {
  const { isReference: _ignored, ...fields } = user as Record<string, unknown>;
  return fields;
}

describe('cms: user-* attributes create the user', () => {
  it('every user-* attribute: the session is created with me = a Talk.User with those fields, and no userId', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(Object.keys(session.options).sort()).to.deep.equal(['appId', 'me']);
    expect(session.options.appId).to.equal('tAPP');
    const me = session.options.me!;
    expect(me).to.be.instanceOf(fake.User);
    expect((me as FakeUser).isReference, 'made with new Talk.User(options), not new Talk.User(id)').to.equal(false);
    expect(fieldsOf(me)).to.deep.equal(EVERY_USER_FIELD);
    // Synchronised: the backend now knows the user with those fields.
    expect(fake.backend.users.get('dana')).to.deep.include({ name: 'Dana Buyer', email: 'dana@example.com', role: 'buyer', locale: 'nl-NL' });
    expect(fake.backend.users.get('dana')!.custom).to.deep.equal({ plan: 'gold', country: 'NL' });
  });

  it('user-name alone: me = { id, name } (only the attributes present become fields)', async () => {
    const el = await placeSession({ 'user-name': 'Dana' });
    const session = await liveSession(el);
    expect(fieldsOf(session.options.me!)).to.deep.equal({ id: 'dana', name: 'Dana' });
    expect(session.me.id).to.equal('dana');
  });

  it('no user-* attribute: the session uses { userId } as before (nothing to sync)', async () => {
    const el = await placeSession({}, 'alice');
    const session = await liveSession(el);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
  });
});

describe('cms: user-* changes update the user without a new session', () => {
  it('user-name changes: currentUser.set() with the new fields, the same session stays', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const session = await liveSession(el);
    expect(fake.callsTo('set'), 'set() calls at creation').to.have.length(0);

    el.setAttribute('user-name', 'Dana B.');
    await until(() => fake.callsTo('set').length > 0, 'currentUser.set()');
    await nextTask();

    const sets = fake.callsTo('set');
    expect(sets).to.have.length(1);
    expect(sets[0]!.object).to.equal(session.currentUser);
    const { id: _id, ...withoutId } = EVERY_USER_FIELD;
    expect(sets[0]!.args).to.deep.equal([{ ...withoutId, name: 'Dana B.' }]);
    expect(fake.backend.users.get('dana')!.name).to.equal('Dana B.');
    expect(sessionConstructors(fake), 'sessions constructed').to.have.length(1);
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
  });

  for (const [attribute, value, field, expected] of [
    ['user-email', 'dana@work.example', 'email', 'dana@work.example'],
    ['user-photo-url', 'https://example.com/new.png', 'photoUrl', 'https://example.com/new.png'],
    ['user-role', 'seller', 'role', 'seller'],
    ['user-locale', 'de-DE', 'locale', 'de-DE'],
    ['user-welcome-message', 'Hallo!', 'welcomeMessage', 'Hallo!'],
    ['user-custom', '{"plan": "silver"}', 'custom', { plan: 'silver' }],
  ] as const) {
    it(`${attribute} changes: currentUser.set({ …, ${field} }) on the same session`, async () => {
      const el = await placeSession(EVERY_USER_ATTRIBUTE);
      const session = await liveSession(el);
      el.setAttribute(attribute, value);
      await until(() => fake.callsTo('set').length > 0, 'currentUser.set()');
      await nextTask();
      const sets = fake.callsTo('set');
      expect(sets).to.have.length(1);
      expect((sets[0]!.args[0] as Record<string, unknown>)[field]).to.deep.equal(expected);
      expect(sessionConstructors(fake)).to.have.length(1);
      expect(el.session).to.equal(session);
    });
  }

  it('several user-* changes in one task: one currentUser.set() with all of them', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    await liveSession(el);
    el.setAttribute('user-name', 'Dana C.');
    el.setAttribute('user-role', 'seller');
    await until(() => fake.callsTo('set').length > 0, 'currentUser.set()');
    await nextTask();
    const sets = fake.callsTo('set');
    expect(sets).to.have.length(1);
    expect(sets[0]!.args[0]).to.include({ name: 'Dana C.', role: 'seller' });
  });

  it('setting the same values again: no currentUser.set()', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    await liveSession(el);
    el.setAttribute('user-name', 'Dana Buyer');
    el.setAttribute('user-custom', '{"country": "NL", "plan": "gold"}');
    await nextTask();
    await nextTask();
    expect(fake.callsTo('set')).to.have.length(0);
  });

  it('user-id changes: a new session for the new user (destroying the old one first)', async () => {
    const el = await placeSession(EVERY_USER_ATTRIBUTE);
    const first = await liveSession(el);
    el.setAttribute('user-id', 'erin');
    await until(() => el.session !== undefined && el.session !== first, 'the session for erin');
    const second = el.session as FakeSession;
    expect(first.isAlive).to.equal(false);
    expect(fieldsOf(second.options.me!)).to.deep.equal({ ...EVERY_USER_FIELD, id: 'erin' });
    expect(fake.callsTo('set')).to.have.length(0);
  });
});

describe('cms: user-* input errors', () => {
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
    expect(fieldsOf(session.options.me!)).to.deep.equal({ id: 'dana', name: 'Dana', email: 'dana@example.com' });
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
    const second = await liveSession(el);
    expect(fieldsOf(second.options.me!)).to.deep.equal({ id: 'dana', name: 'Dana', custom: { plan: 'silver' } });
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
