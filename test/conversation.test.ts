/**
 * Conversation sync: the attributes of `<talk-chatbox>`, `<talk-inbox>` and
 * `<talk-popup>` (`subject`, `photo-url`, `participants`, `welcome-messages`, `custom`), and
 * `with-user` (+ `with-user-name`) for the one-on-one conversation `Talk.oneOnOneId(me, other)`.
 * A sync attribute removed later is sent as `null` (`setAttributes` treats a missing field as
 * unchanged). `with-user-name` creates the other user only if absent
 * (`session.user(other).createIfNotExists({ name })`, then `setParticipant(new Talk.User(other))`):
 * an existing user is never renamed. Asserted on the fake's call log, on the backend
 * conversation and on the stand-in UI.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { FakeConversationBuilder, type FakeUser } from '../src/testing/index.js';
import {
  boxesOf,
  callIndex,
  captureConsole,
  expectNoLeaks,
  nextTask,
  onCleanup,
  placeUi,
  recordEvents,
  sampleFake,
  until,
  type Attributes,
  type FakeBox,
  type FakeTalk,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

const TAGS: UiTag[] = ['talk-chatbox', 'talk-inbox', 'talk-popup'];
const CREATE: Record<UiTag, string> = { 'talk-chatbox': 'createChatbox', 'talk-inbox': 'createInbox', 'talk-popup': 'createPopup' };

/** Every conversation-sync attribute, as a CMS editor would paste them. */
const FULL_SYNC: Attributes = {
  'conversation-id': 'deal-7',
  subject: 'Deal #7: a vintage lamp',
  'photo-url': 'https://example.com/lamp.png',
  participants: 'bob, carol',
  'welcome-messages': 'Welcome! Ask the seller anything.',
  custom: '{"dealId": "7", "category": "lamps"}',
};

/** What `select` last received on `box`. */
function selected(box: FakeBox): unknown {
  const selects = fake.callsTo('select', box);
  return selects[selects.length - 1]?.args[0];
}

/** The builder `box` last selected (fails when it selected something else). */
function selectedBuilder(box: FakeBox): FakeConversationBuilder {
  const conversation = selected(box);
  expect(conversation, 'select() received a ConversationBuilder').to.be.instanceOf(FakeConversationBuilder);
  return conversation as FakeConversationBuilder;
}

/** The user ids passed to `setParticipant` on `builder`, in order, with whether each was a bare reference (`new User(id)`). */
function participantCalls(builder: FakeConversationBuilder): Array<[id: string, reference: boolean]> {
  return fake.callsTo('setParticipant', builder).map((call) => {
    const user = call.args[0] as FakeUser;
    return [user.id, user.isReference];
  });
}

/** A stand-in UI part's text (the fake renders the UI in the box's shadow root). */
function partTexts(box: FakeBox, part: string): string[] {
  return [...(box.element?.shadowRoot?.querySelectorAll(`[data-part="${part}"]`) ?? [])].map((node) => node.textContent ?? '');
}

for (const tag of TAGS) {
  describe(`<${tag}>: conversation sync`, () => {
    it('conversation-id + subject, photo-url, participants, welcome-messages, custom: getOrCreateConversation, setParticipant ×3, setAttributes, select(builder)', async () => {
      const { sessionEl } = await placeUi(fake, tag, FULL_SYNC);
      const session = fake.sessions[0]!;
      expect(sessionEl.session).to.equal(session);
      const box = boxesOf(fake, tag)[0]!;

      expect(fake.callsTo('getOrCreateConversation').map((call) => call.args)).to.deep.equal([['deal-7']]);
      const builder = selectedBuilder(box);
      expect(builder.id).to.equal('deal-7');
      expect(participantCalls(builder)).to.deep.equal([
        ['alice', false],
        ['bob', true],
        ['carol', true],
      ]);
      expect(fake.callsTo('setParticipant', builder)[0]!.args[0], 'the first participant is session.me').to.equal(session.me);
      expect(fake.callsTo('setAttributes', builder).map((call) => call.args)).to.deep.equal([
        [
          {
            subject: 'Deal #7: a vintage lamp',
            photoUrl: 'https://example.com/lamp.png',
            welcomeMessages: ['Welcome! Ask the seller anything.'],
            custom: { dealId: '7', category: 'lamps' },
          },
        ],
      ]);
      // In this order: build the conversation, then select it.
      const sequence = fake.calls
        .filter((call) => call.object === builder || call.method === 'getOrCreateConversation' || (call.object === box && call.method === 'select'))
        .map((call) => call.method);
      expect(sequence).to.deep.equal(['getOrCreateConversation', 'setParticipant', 'setParticipant', 'setParticipant', 'setAttributes', 'select']);
      expect(fake.callsTo(CREATE[tag]), `${CREATE[tag]} calls`).to.have.length(1);

      // The backend conversation exists with those attributes and participants.
      const conversation = fake.backend.conversations.get('deal-7')!;
      expect(conversation, 'the backend conversation').to.not.equal(undefined);
      expect(conversation).to.deep.include({
        subject: 'Deal #7: a vintage lamp',
        photoUrl: 'https://example.com/lamp.png',
        welcomeMessages: ['Welcome! Ask the seller anything.'],
        custom: { dealId: '7', category: 'lamps' },
      });
      expect([...conversation.participants.keys()].sort()).to.deep.equal(['alice', 'bob', 'carol']);
      // The UI shows it.
      expect(box.shownConversationId).to.equal('deal-7');
      if (tag !== 'talk-inbox') {
        expect(partTexts(box, 'title')).to.deep.equal(['Deal #7: a vintage lamp']);
        expect(partTexts(box, 'welcome-message')).to.deep.equal(['Welcome! Ask the seller anything.']);
      }
    });

    it('welcome-messages as a JSON array: several messages', async () => {
      await placeUi(fake, tag, { 'conversation-id': 'deal-8', 'welcome-messages': '["Hello!", "We answer within a day."]' });
      const builder = selectedBuilder(boxesOf(fake, tag)[0]!);
      expect(fake.callsTo('setAttributes', builder).map((call) => call.args)).to.deep.equal([[{ welcomeMessages: ['Hello!', 'We answer within a day.'] }]]);
      expect(fake.backend.conversations.get('deal-8')!.welcomeMessages).to.deep.equal(['Hello!', 'We answer within a day.']);
    });

    it('participants alone: no setAttributes, the current user and the listed ones take part', async () => {
      await placeUi(fake, tag, { 'conversation-id': 'deal-9', participants: 'carol' });
      const builder = selectedBuilder(boxesOf(fake, tag)[0]!);
      expect(participantCalls(builder)).to.deep.equal([
        ['alice', false],
        ['carol', true],
      ]);
      expect(fake.callsTo('setAttributes', builder)).to.have.length(0);
      expect([...fake.backend.conversations.get('deal-9')!.participants.keys()].sort()).to.deep.equal(['alice', 'carol']);
    });

    it('conversation-id alone (no sync attribute): select(id), no getOrCreateConversation', async () => {
      await placeUi(fake, tag, { 'conversation-id': 'order-1' });
      expect(selected(boxesOf(fake, tag)[0]!)).to.equal('order-1');
      expect(fake.callsTo('getOrCreateConversation')).to.have.length(0);
    });

    it('with-user + with-user-name, the other user absent: createIfNotExists({ name }) creates them, setParticipant(new Talk.User(id)), then select', async () => {
      expect(fake.backend.users.has('sam'), 'sam is not in the backend yet').to.equal(false);
      const { sessionEl } = await placeUi(fake, tag, { 'with-user': 'sam', 'with-user-name': 'Sam the Seller' });
      const session = sessionEl.session as unknown as { user(id: string): object };
      const box = boxesOf(fake, tag)[0]!;
      const id = fake.oneOnOneId('alice', 'sam');
      expect(fake.callsTo('getOrCreateConversation').map((call) => call.args)).to.deep.equal([[id]]);
      const builder = selectedBuilder(box);
      expect(builder.id).to.equal(id);
      // The other user by id only (a reference): their data goes through createIfNotExists, not new Talk.User({ id, name }).
      expect(participantCalls(builder)).to.deep.equal([
        ['alice', false],
        ['sam', true],
      ]);
      const other = fake.callsTo('setParticipant', builder)[1]!.args[0] as FakeUser;
      expect(other).to.be.instanceOf(fake.User);
      expect(other.name, 'no name on the reference').to.equal(undefined);
      const creates = fake.callsTo('createIfNotExists');
      expect(
        creates.map((call) => call.args),
        'createIfNotExists calls',
      ).to.deep.equal([[{ name: 'Sam the Seller' }]]);
      expect(creates[0]!.object, 'on session.user(other)').to.equal(session.user('sam'));
      expect(fake.callsTo('set'), 'no UserRef.set for the other user').to.have.length(0);
      // select only after createIfNotExists (which resolves first).
      expect(callIndex(fake, creates[0]!.object, 'createIfNotExists')).to.be.lessThan(callIndex(fake, box, 'select'));
      expect(fake.callsTo('setAttributes', builder)).to.have.length(0);
      // The backend now has the conversation with both, and the new user with that name.
      expect([...fake.backend.conversations.get(id)!.participants.keys()].sort()).to.deep.equal(['alice', 'sam']);
      expect(fake.backend.users.get('sam')!.name).to.equal('Sam the Seller');
      expect(box.shownConversationId).to.equal(id);
    });

    it('with-user + with-user-name: select waits until createIfNotExists has resolved', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const Base = fake.Session;
      const Held = class extends Base {
        override user(id: string) {
          const ref = super.user(id);
          if (!Object.hasOwn(ref, 'createIfNotExists')) {
            const create = ref.createIfNotExists.bind(ref);
            Object.defineProperty(ref, 'createIfNotExists', {
              value: (params: Parameters<typeof create>[0]) => held.then(() => create(params)),
              configurable: true,
            });
          }
          return ref;
        }
      };
      Object.defineProperty(fake, 'Session', { value: Held, configurable: true });
      const { el } = await placeUi(fake, tag, { 'with-user': 'sam', 'with-user-name': 'Sam the Seller' }, {}, { waitReady: false });
      await until(() => boxesOf(fake, tag).length === 1 && fake.callsTo('setParticipant').length === 2, 'the UI and the conversation built');
      const box = boxesOf(fake, tag)[0]!;
      await nextTask();
      await nextTask();
      expect(fake.callsTo('select', box), 'no select() before the other user exists').to.have.length(0);
      expect(fake.backend.users.has('sam')).to.equal(false);
      release();
      await until(() => fake.callsTo('select', box).length === 1, 'select() once the user exists');
      expect(fake.backend.users.get('sam')!.name).to.equal('Sam the Seller');
      expect(selectedBuilder(box).id).to.equal(fake.oneOnOneId('alice', 'sam'));
      await until(() => el.status === 'ready', 'ready');
    });

    it('with-user + with-user-name, the other user exists: createIfNotExists leaves them as they are (never renamed), the conversation is selected', async () => {
      const { el } = await placeUi(fake, tag, { 'with-user': 'bob', 'with-user-name': 'Robert the Buyer' });
      const box = boxesOf(fake, tag)[0]!;
      const id = fake.oneOnOneId('alice', 'bob');
      const builder = selectedBuilder(box);
      expect(builder.id).to.equal(id);
      expect(participantCalls(builder)).to.deep.equal([
        ['alice', false],
        ['bob', true],
      ]);
      expect(fake.callsTo('createIfNotExists').map((call) => call.args)).to.deep.equal([[{ name: 'Robert the Buyer' }]]);
      expect(fake.callsTo('set'), 'no UserRef.set (it would rename)').to.have.length(0);
      expect(fake.backend.users.get('bob')!.name, 'an existing user keeps their name').to.equal('Bob');
      expect(box.shownConversationId).to.equal(id);

      // A changed with-user-name does not rename them either.
      el.setAttribute('with-user-name', 'Bobby');
      await until(() => fake.callsTo('select', box).length === 2, 'the second select()');
      expect(fake.callsTo('createIfNotExists').map((call) => call.args)).to.deep.equal([[{ name: 'Robert the Buyer' }], [{ name: 'Bobby' }]]);
      expect(fake.backend.users.get('bob')!.name).to.equal('Bob');
      expect(fake.callsTo('set')).to.have.length(0);
    });

    it('with-user alone: the other user as a reference (new Talk.User(id)), the same one-on-one id', async () => {
      await placeUi(fake, tag, { 'with-user': 'bob', subject: 'You and Bob' });
      const builder = selectedBuilder(boxesOf(fake, tag)[0]!);
      expect(builder.id).to.equal(fake.oneOnOneId('alice', 'bob'));
      expect(participantCalls(builder)).to.deep.equal([
        ['alice', false],
        ['bob', true],
      ]);
      expect(fake.callsTo('setAttributes', builder).map((call) => call.args)).to.deep.equal([[{ subject: 'You and Bob' }]]);
      expect(fake.backend.users.get('bob')!.name, 'an existing user keeps their name').to.equal('Bob');
    });

    it('changes re-select on the same UI object: subject, participants, then with-user', async () => {
      const { el } = await placeUi(fake, tag, FULL_SYNC);
      const box = boxesOf(fake, tag)[0]!;
      expect(fake.callsTo('select', box)).to.have.length(1);

      el.setAttribute('subject', 'Deal #7: sold');
      await until(() => fake.callsTo('select', box).length === 2, 'the second select()');
      let builder = selectedBuilder(box);
      expect(fake.callsTo('setAttributes', builder).at(-1)!.args[0]).to.include({ subject: 'Deal #7: sold' });
      expect(fake.backend.conversations.get('deal-7')!.subject).to.equal('Deal #7: sold');

      el.setAttribute('participants', 'bob, carol, dave');
      await until(() => fake.callsTo('select', box).length === 3, 'the third select()');
      expect(
        fake
          .callsTo('setParticipant', builder)
          .slice(-4)
          .map((call) => (call.args[0] as FakeUser).id),
      ).to.deep.equal(['alice', 'bob', 'carol', 'dave']);
      expect(fake.backend.conversations.get('deal-7')!.participants.has('dave')).to.equal(true);

      el.removeAttribute('conversation-id');
      el.setAttribute('with-user', 'carol');
      await until(() => fake.callsTo('select', box).length === 4, 'the fourth select()');
      builder = selectedBuilder(box);
      expect(builder.id).to.equal(fake.oneOnOneId('alice', 'carol'));
      expect(box.shownConversationId).to.equal(builder.id);

      await nextTask();
      expect(boxesOf(fake, tag), 'UI objects created').to.have.length(1);
      expect(fake.callsTo(CREATE[tag])).to.have.length(1);
      expect(fake.callsTo('destroy', box)).to.have.length(0);
      expect(box.isAlive).to.equal(true);
      expect(el.status).to.equal('ready');
    });

    for (const [attribute, field] of [
      ['subject', 'subject'],
      ['photo-url', 'photoUrl'],
      ['welcome-messages', 'welcomeMessages'],
    ] as const) {
      it(`${attribute} removed: setAttributes({ ${field}: null }) and select again; the backend conversation loses it`, async () => {
        const { el } = await placeUi(fake, tag, FULL_SYNC);
        const box = boxesOf(fake, tag)[0]!;
        expect((fake.backend.conversations.get('deal-7') as unknown as Record<string, unknown>)[field]).to.not.equal(null);
        el.removeAttribute(attribute);
        await until(() => fake.callsTo('select', box).length === 2, 'the second select()');
        const builder = selectedBuilder(box);
        const patch = fake.callsTo('setAttributes', builder).at(-1)!.args[0] as Record<string, unknown>;
        expect(patch, `${field} sent as null (a missing field would mean "unchanged")`).to.have.property(field, null);
        const conversation = fake.backend.conversations.get('deal-7')! as unknown as Record<string, unknown>;
        expect(conversation[field]).to.equal(null);
        // The other attributes stay.
        expect(conversation.custom).to.deep.equal({ dealId: '7', category: 'lamps' });
        expect(fake.callsTo(CREATE[tag])).to.have.length(1);
        expect(el.status).to.equal('ready');
      });
    }

    it('a custom key removed: setAttributes({ custom: { key: null } }); the backend conversation loses that key only', async () => {
      const { el } = await placeUi(fake, tag, FULL_SYNC);
      const box = boxesOf(fake, tag)[0]!;
      el.setAttribute('custom', '{"dealId": "7"}');
      await until(() => fake.callsTo('select', box).length === 2, 'the second select()');
      const builder = selectedBuilder(box);
      const patch = fake.callsTo('setAttributes', builder).at(-1)!.args[0] as Record<string, unknown>;
      expect(patch.custom).to.deep.equal({ dealId: '7', category: null });
      expect(fake.backend.conversations.get('deal-7')!.custom).to.deep.equal({ dealId: '7' });
      expect(fake.backend.conversations.get('deal-7')!.subject).to.equal('Deal #7: a vintage lamp');
    });

    it('custom removed altogether: setAttributes({ custom: null }); the backend conversation has no custom keys left', async () => {
      const { el } = await placeUi(fake, tag, FULL_SYNC);
      const box = boxesOf(fake, tag)[0]!;
      el.removeAttribute('custom');
      await until(() => fake.callsTo('select', box).length === 2, 'the second select()');
      const builder = selectedBuilder(box);
      expect(fake.callsTo('setAttributes', builder).at(-1)!.args[0]).to.have.property('custom', null);
      expect(fake.backend.conversations.get('deal-7')!.custom).to.deep.equal({});
    });

    it('an equal value again (custom with keys reordered): no new select()', async () => {
      const { el } = await placeUi(fake, tag, FULL_SYNC);
      const box = boxesOf(fake, tag)[0]!;
      el.setAttribute('custom', '{"category": "lamps", "dealId": "7"}');
      el.setAttribute('participants', 'bob,carol');
      await nextTask();
      await nextTask();
      expect(fake.callsTo('select', box)).to.have.length(1);
    });

    it('with-user together with conversation-id: one invalid-attribute naming with-user, no UI; removing conversation-id fixes it', async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      const console = captureConsole({ untilTestEnds: true });
      const { el } = await placeUi(fake, tag, { 'with-user': 'bob', 'conversation-id': 'order-1' }, {}, { waitReady: false });
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      expect(errors.events).to.have.length(1);
      expect(errors.events[0]!.target).to.equal(el);
      expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute', attribute: 'with-user' });
      expect(errors.events[0]!.detail.message).to.contain('conversation-id');
      expect(console.errors).to.have.length(1);
      expect(boxesOf(fake, tag)).to.have.length(0);

      el.removeAttribute('conversation-id');
      await until(() => el.status === 'ready', 'ready once fixed');
      expect(selectedBuilder(boxesOf(fake, tag)[0]!).id).to.equal(fake.oneOnOneId('alice', 'bob'));
    });

    it('with-user-name without with-user: one invalid-attribute naming with-user-name, no UI; adding with-user fixes it', async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      const console = captureConsole({ untilTestEnds: true });
      const { el } = await placeUi(fake, tag, { 'with-user-name': 'Bob', 'conversation-id': 'order-1' }, {}, { waitReady: false });
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      expect(errors.events).to.have.length(1);
      expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute', attribute: 'with-user-name' });
      expect(console.errors).to.have.length(1);
      expect(boxesOf(fake, tag)).to.have.length(0);

      el.removeAttribute('conversation-id');
      el.setAttribute('with-user', 'bob');
      await until(() => el.status === 'ready', 'ready once fixed');
      expect(selectedBuilder(boxesOf(fake, tag)[0]!).id).to.equal(fake.oneOnOneId('alice', 'bob'));
    });

    for (const attribute of ['subject', 'photo-url', 'participants', 'welcome-messages', 'custom'] as const) {
      it(`${attribute} without conversation-id or with-user: one invalid-attribute naming ${attribute}, no UI`, async () => {
        const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
        captureConsole({ untilTestEnds: true });
        const value = attribute === 'custom' ? '{"a": "b"}' : attribute === 'participants' ? 'bob' : 'x';
        const { el } = await placeUi(fake, tag, { [attribute]: value }, {}, { waitReady: false });
        await until(() => el.status === 'error', 'status error');
        await nextTask();
        expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', attribute]]);
        expect(errors.events[0]!.detail.message).to.contain('conversation-id or with-user');
        expect(boxesOf(fake, tag)).to.have.length(0);
      });
    }

    it('sync attributes with the session property (no <talk-session>, so no SDK to build users): invalid-attribute, no UI', async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      captureConsole({ untilTestEnds: true });
      const session = new fake.Session({ appId: 'tAPP', userId: 'alice' });
      onCleanup(() => session.destroy());
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'deal-7');
      el.setAttribute('subject', 'Deal #7');
      el.session = session;
      await fixture(html`<div>${el}</div>`);
      await until(() => el.status === 'error', 'status error');
      expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'subject']]);
      expect(errors.events[0]!.detail.message).to.contain('syncConversation');
      expect(boxesOf(fake, tag)).to.have.length(0);
    });

    it('custom that is not JSON with string values: invalid-attribute naming custom', async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      captureConsole({ untilTestEnds: true });
      const { el } = await placeUi(fake, tag, { 'conversation-id': 'deal-7', custom: '{"dealId": 7}' }, {}, { waitReady: false });
      await until(() => el.status === 'error', 'status error');
      expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'custom']]);
      expect(boxesOf(fake, tag)).to.have.length(0);
    });
  });
}
