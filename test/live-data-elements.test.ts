/**
 * `<talk-online-status user-id>` and `<talk-typing-indicator conversation-id>` on the fake's Data
 * API: their attribute set, changed and removed (the subscriptions the fake counts), their states
 * (`:state(online)`, `:state(typing)`, `:state(ready)`, …), slots and words (in English and in
 * the user's locale), their change events (once per new snapshot, bubbling and composed out of a
 * shadow root), bad input (an unknown user, a conversation the user is not in: one `talk-error`
 * each) and removal (no subscription left).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type Talk from 'talkjs';
import type { TalkOnlineStatusElement, TalkSessionElement, TalkTypingIndicatorElement } from '../src/index.js';
import { createFakeTalk } from '../src/testing/index.js';
import { consoleLine, expectNoLeaks, nextTask, recordEvents, sampleFake, until, watchErrors, type FakeTalk } from './helpers.js';

/** Whether the browser has CSS custom states (`:state(x)`); where not, `status` and the element's getters are checked instead. */
const STATES = (() => {
  try {
    document.querySelector(':state(x)');
    return true;
  } catch {
    return false;
  }
})();

/** The custom states of `el` among `names`, as `:state()` matches them (or `undefined` without custom states). */
function statesOf(el: Element, names: readonly string[]): string[] | undefined {
  return STATES ? names.filter((name) => el.matches(`:state(${name})`)) : undefined;
}

const ONLINE_STATES = ['online', 'offline', 'loading', 'ready', 'error'] as const;
const TYPING_STATES = ['typing', 'loading', 'ready', 'error'] as const;

function expectStates(el: Element, names: readonly string[], expected: string[], message: string): void {
  const states = statesOf(el, names);
  if (states) expect(states, `${message}: :state()`).to.deep.equal(expected);
}

async function liveSession(fake: FakeTalk, attributes: Record<string, string> = {}): Promise<TalkSessionElement> {
  const el = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await until(() => el.status === 'ready' && el.session !== undefined, '<talk-session> ready');
  await nextTask();
  return el;
}

const subscriptions = (fake: FakeTalk) => fake.live().subscriptions;
const targets = (fake: FakeTalk, method: string) => fake.callsTo(method).map((call) => call.target);

async function settled(el: TalkOnlineStatusElement | TalkTypingIndicatorElement, status: 'ready' | 'loading' | 'error' = 'ready'): Promise<void> {
  await until(() => el.status === status, `<${el.localName}> ${status}`);
  await el.updateComplete;
}

// ---------------------------------------------------------------------------------------------

describe('<talk-online-status user-id>', () => {
  let fake: FakeTalk;
  beforeEach(() => {
    fake = sampleFake();
  });
  afterEach(async () => {
    await expectNoLeaks(fake);
  });

  function onlineStatus(userId?: string): TalkOnlineStatusElement {
    const el = document.createElement('talk-online-status');
    if (userId !== undefined) el.setAttribute('user-id', userId);
    return el;
  }

  function slotOf(el: TalkOnlineStatusElement, name: 'online' | 'offline'): HTMLSlotElement {
    return el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!;
  }

  it('user-id set, changed and removed: subscribes to that user, resubscribes, unsubscribes (the live count follows)', async () => {
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const el = onlineStatus('bob');
    sessionEl.append(el);
    await settled(el);
    expect(targets(fake, 'subscribeOnline')).to.deep.equal(['UserRef#bob']);
    expect(subscriptions(fake), 'with user-id="bob"').to.equal(before + 1);
    fake.backend.setOnline('carol', true);
    el.setAttribute('user-id', 'carol');
    await el.updateComplete;
    expect(targets(fake, 'subscribeOnline')).to.deep.equal(['UserRef#bob', 'UserRef#carol']);
    expect(subscriptions(fake), 'after the change').to.equal(before + 1);
    await until(() => el.online, 'carol online');
    expectStates(el, ONLINE_STATES, ['online', 'ready'], 'carol');
    el.removeAttribute('user-id');
    await el.updateComplete;
    expect(subscriptions(fake), 'without user-id').to.equal(before);
    expect(el.online).to.equal(false);
    expect(el.status, 'nothing to follow').to.equal('loading');
    expectStates(el, ONLINE_STATES, ['offline', 'loading'], 'without user-id');
    el.setAttribute('user-id', 'carol');
    await settled(el);
    expect(el.online, 'set again').to.equal(true);
    expect(targets(fake, 'subscribeOnline')).to.have.length(3);
    el.userId = 'bob';
    await settled(el);
    expect(targets(fake, 'subscribeOnline').at(-1), 'the userId property').to.equal('UserRef#bob');
    expect(subscriptions(fake)).to.equal(before + 1);
  });

  it('states and slots follow the user: offline (loading), offline (ready), online, offline again', async () => {
    const sessionEl = await liveSession(fake);
    const el = onlineStatus('bob');
    const mine = document.createElement('b');
    mine.slot = 'online';
    mine.textContent = 'Bob is here';
    el.append(mine);
    sessionEl.append(el);
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expectStates(el, ONLINE_STATES, ['offline', 'loading'], 'before the first snapshot');
    expect(slotOf(el, 'online').hidden, 'online slot before the first snapshot').to.equal(true);
    expect(slotOf(el, 'offline').hidden).to.equal(false);
    await settled(el);
    expectStates(el, ONLINE_STATES, ['offline', 'ready'], 'bob offline');
    expect([slotOf(el, 'online').hidden, slotOf(el, 'offline').hidden], 'online/offline slots hidden while offline').to.deep.equal([true, false]);
    expect(slotOf(el, 'offline').textContent, 'the offline fallback').to.equal('Offline');
    fake.backend.setOnline('bob', true);
    await el.updateComplete;
    expect(el.online).to.equal(true);
    expectStates(el, ONLINE_STATES, ['online', 'ready'], 'bob online');
    expect([slotOf(el, 'online').hidden, slotOf(el, 'offline').hidden], 'online/offline slots hidden while online').to.deep.equal([false, true]);
    expect(slotOf(el, 'online').assignedElements(), 'the page’s own online content').to.deep.equal([mine]);
    expect(el.shadowRoot!.querySelector('[part="dot"]'), 'the dot part').to.not.equal(null);
    fake.backend.setOnline('bob', false);
    await el.updateComplete;
    expect(el.online).to.equal(false);
    expectStates(el, ONLINE_STATES, ['offline', 'ready'], 'bob offline again');
    expect([slotOf(el, 'online').hidden, slotOf(el, 'offline').hidden]).to.deep.equal([true, false]);
    // A session of bob's own makes him online (the fake's automatic presence).
    fake.backend.setOnline('bob', null);
    const bobs = new fake.Session({ appId: 'tTEST', userId: 'bob' });
    await el.updateComplete;
    expect(el.online, 'bob with a session open').to.equal(true);
    bobs.destroy();
    await el.updateComplete;
    expect(el.online, 'bob’s session closed').to.equal(false);
  });

  it('talk-online-change: once per new snapshot, bubbles and is composed out of a shadow root, detail the snapshot', async () => {
    const sessionEl = await liveSession(fake);
    const wrapper = document.createElement('div');
    const shadow = wrapper.attachShadow({ mode: 'open' });
    sessionEl.append(wrapper);
    const events = recordEvents(document, ['talk-online-change'], { untilTestEnds: true });
    const el = onlineStatus('bob');
    shadow.append(el);
    await settled(el);
    await nextTask();
    expect(events.events, 'the first snapshot').to.have.length(1);
    const [first] = events.events as Array<CustomEvent<Talk.UserOnlineSnapshot | null>>;
    expect([first!.bubbles, first!.composed, first!.cancelable]).to.deep.equal([true, true, false]);
    expect(first!.target, 'retargeted to the shadow host at the document').to.equal(wrapper);
    expect(first!.detail!.isConnected).to.equal(false);
    expect(first!.detail!.user.id).to.equal('bob');
    fake.backend.setOnline('bob', true);
    await el.updateComplete;
    expect(events.events).to.have.length(2);
    expect(events.events[1]!.detail.isConnected).to.equal(true);
    // Nothing new for bob: no event.
    fake.backend.setOnline('bob', true);
    fake.backend.setOnline('carol', true);
    el.requestUpdate();
    await el.updateComplete;
    await nextTask();
    expect(events.events, 'no new snapshot, no event').to.have.length(2);
    fake.backend.setOnline('bob', false);
    await el.updateComplete;
    expect(events.events.map((e) => e.detail.isConnected)).to.deep.equal([false, true, false]);
  });

  it('an unknown user-id: offline, status ready, one unknown-user talk-error naming user-id; talk-online-change with null', async () => {
    const watch = watchErrors();
    const sessionEl = await liveSession(fake);
    const changes = recordEvents(document, ['talk-online-change'], { untilTestEnds: true });
    const el = onlineStatus('nobody');
    sessionEl.append(el);
    await until(() => watch.errors.events.length > 0, 'a talk-error');
    await settled(el);
    fake.backend.setOnline('bob', true);
    el.requestUpdate();
    await el.updateComplete;
    await nextTask();
    expect(watch.errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['unknown-user', 'user-id']]);
    expect(watch.errors.events[0]!.target).to.equal(el);
    expect(watch.errors.events[0]!.detail.message).to.contain('<talk-online-status>').and.contain('nobody');
    expect(watch.console.errors.map(consoleLine), 'one console message').to.have.length(1);
    expect(el.online).to.equal(false);
    expectStates(el, ONLINE_STATES, ['offline', 'ready'], 'unknown user');
    expect(changes.events.map((e) => e.detail)).to.deep.equal([null]);
    // A known user, then another unknown one: reported again, once.
    el.setAttribute('user-id', 'bob');
    await settled(el);
    await until(() => el.online, 'bob online');
    el.setAttribute('user-id', 'nobody-else');
    await until(() => watch.errors.events.length === 2, 'the second unknown user reported');
    await nextTask();
    expect(watch.errors.events.map((e) => e.detail.code)).to.deep.equal(['unknown-user', 'unknown-user']);
    watch.expectNothingThrown();
  });

  it('moved out of any session in one task: at once loading and offline (nothing stale), no subscription; no-session after session-timeout', async () => {
    const watch = watchErrors();
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const outside = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = onlineStatus('bob');
    el.setAttribute('session-timeout', '0');
    sessionEl.append(el);
    await settled(el);
    fake.backend.setOnline('bob', true);
    await el.updateComplete;
    expect(el.online).to.equal(true);
    outside.append(el);
    expect(subscriptions(fake), 'no subscription outside any session').to.equal(before);
    await el.updateComplete;
    expect([el.status, el.online], 'status and online right after the move').to.deep.equal(['loading', false]);
    expectStates(el, ONLINE_STATES, ['offline', 'loading'], 'right after the move');
    expect(slotOf(el, 'online').hidden, 'the online slot right after the move').to.equal(true);
    await until(() => el.status === 'error', 'no-session');
    expect(watch.errors.events.map((e) => e.detail.code)).to.deep.equal(['no-session']);
    expect(el.online).to.equal(false);
    sessionEl.append(el);
    await settled(el);
    expect(el.online, 'back in the session').to.equal(true);
    expect(subscriptions(fake)).to.equal(before + 1);
  });

  it('removal: the subscription ends, nothing is left; a move within the session in one task keeps one subscription', async () => {
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const box = document.createElement('div');
    sessionEl.append(box);
    const el = onlineStatus('bob');
    sessionEl.append(el);
    await settled(el);
    box.append(el);
    await nextTask();
    await nextTask();
    await settled(el);
    expect(subscriptions(fake), 'after a move').to.equal(before + 1);
    fake.backend.setOnline('bob', true);
    await el.updateComplete;
    expect(el.online, 'following after the move').to.equal(true);
    el.remove();
    await nextTask();
    await nextTask();
    expect(subscriptions(fake), 'after removal').to.equal(before);
    expect(el.status, 'status after removal').to.equal('loading');
    await expectNoLeaks(fake);
  });
});

// ---------------------------------------------------------------------------------------------

/** Alice and seven others, all in `team`; `duo` is alice and bob; `private` is bob and carol only. */
function teamFake(): FakeTalk {
  const names = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi'];
  return createFakeTalk({
    users: names.map((name) => ({ id: name.toLowerCase(), name })),
    conversations: [
      { id: 'team', participants: names.map((name) => name.toLowerCase()) },
      { id: 'duo', participants: ['alice', 'bob'] },
      { id: 'private', participants: ['bob', 'carol'] },
    ],
  });
}

describe('<talk-typing-indicator conversation-id>', () => {
  let fake: FakeTalk;
  beforeEach(() => {
    fake = teamFake();
  });
  afterEach(async () => {
    await expectNoLeaks(fake);
  });

  function indicator(conversationId?: string): TalkTypingIndicatorElement {
    const el = document.createElement('talk-typing-indicator');
    if (conversationId !== undefined) el.setAttribute('conversation-id', conversationId);
    return el;
  }

  /** What is shown: the words, and whether the box around them is hidden. */
  function shown(el: TalkTypingIndicatorElement): { text: string; hidden: boolean } {
    const text = el.shadowRoot!.querySelector('[part="text"]')!;
    return { text: text.textContent ?? '', hidden: (text.parentElement as HTMLElement).hidden };
  }

  it('conversation-id set, changed and removed: subscribes, resubscribes, unsubscribes (the live count follows)', async () => {
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const el = indicator('team');
    sessionEl.append(el);
    await settled(el);
    expect(targets(fake, 'subscribeTyping')).to.deep.equal(['ConversationRef#team']);
    expect(subscriptions(fake)).to.equal(before + 1);
    fake.backend.setTyping('duo', 'bob', true);
    el.setAttribute('conversation-id', 'duo');
    await settled(el);
    await until(() => el.text !== '', 'bob typing in duo');
    expect(targets(fake, 'subscribeTyping')).to.deep.equal(['ConversationRef#team', 'ConversationRef#duo']);
    expect(subscriptions(fake), 'after the change').to.equal(before + 1);
    el.removeAttribute('conversation-id');
    await el.updateComplete;
    expect(subscriptions(fake), 'without conversation-id').to.equal(before);
    expect(shown(el), 'nothing shown without conversation-id').to.deep.equal({ text: '', hidden: true });
    expect(el.status).to.equal('loading');
    expectStates(el, TYPING_STATES, ['loading'], 'without conversation-id');
    el.conversationId = 'duo';
    await settled(el);
    expect(targets(fake, 'subscribeTyping').at(-1), 'the conversationId property').to.equal('ConversationRef#duo');
    expect(el.text).to.not.equal('');
  });

  it('words in English: one, two, three typists, "Several people" for many; hidden when nobody types; :state(typing)', async () => {
    const sessionEl = await liveSession(fake);
    sessionEl.setAttribute('lang', 'en');
    const el = indicator('team');
    sessionEl.append(el);
    await settled(el);
    expect(shown(el), 'nobody typing').to.deep.equal({ text: '', hidden: true });
    expectStates(el, TYPING_STATES, ['ready'], 'nobody typing');
    const steps: Array<[string, boolean, string]> = [
      ['bob', true, 'Bob is typing…'],
      ['carol', true, 'Bob and Carol are typing…'],
      ['dave', true, 'Bob, Carol, and Dave are typing…'],
      ['erin', true, 'Bob, Carol, Dave, and Erin are typing…'],
      ['frank', true, 'Bob, Carol, Dave, Erin, and Frank are typing…'],
      ['grace', true, 'Several people are typing…'],
      ['grace', false, 'Bob, Carol, Dave, Erin, and Frank are typing…'],
      ['carol', false, 'Bob, Dave, Erin, and Frank are typing…'],
    ];
    for (const [user, typing, words] of steps) {
      fake.backend.setTyping('team', user, typing);
      await el.updateComplete;
      expect(shown(el), `${user} ${typing ? 'starts' : 'stops'}`).to.deep.equal({ text: words, hidden: false });
      expect(el.text).to.equal(words);
      expectStates(el, TYPING_STATES, ['typing', 'ready'], words);
    }
    // The user never counts as typing.
    fake.backend.setTyping('team', 'alice', true);
    for (const user of ['bob', 'dave', 'erin', 'frank']) fake.backend.setTyping('team', user, false);
    await el.updateComplete;
    expect(shown(el), 'only the user herself typing').to.deep.equal({ text: '', hidden: true });
    expectStates(el, TYPING_STATES, ['ready'], 'nobody else typing');
  });

  it('words in the user’s locale: user-locale="nl-NL" on the session joins names with "en" (over the page’s lang)', async () => {
    const sessionEl = await liveSession(fake, { 'user-name': 'Alice', 'user-locale': 'nl-NL', lang: 'en' });
    await until(() => fake.backend.users.get('alice')?.locale === 'nl-NL', 'the user written with her locale');
    const el = indicator('team');
    sessionEl.append(el);
    await settled(el);
    fake.backend.setTyping('team', 'bob', true);
    fake.backend.setTyping('team', 'carol', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob en Carol are typing…');
    fake.backend.setTyping('team', 'dave', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob, Carol en Dave are typing…');
  });

  it('words in the user’s locale from syncUser (Talk.User locale "nl-NL"), over the page’s lang', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" lang="en" .sdk=${fake}></talk-session>`);
    sessionEl.syncUser = new fake.User({ id: 'alice', name: 'Alice', locale: 'nl-NL' });
    await until(() => sessionEl.status === 'ready' && sessionEl.session !== undefined, '<talk-session> ready');
    const el = indicator('team');
    sessionEl.append(el);
    await settled(el);
    fake.backend.setTyping('team', 'bob', true);
    fake.backend.setTyping('team', 'carol', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob en Carol are typing…');
  });

  it('without a user locale, the page’s lang: lang="nl" on an ancestor joins with "en", lang="en" with "and"', async () => {
    const sessionEl = await liveSession(fake);
    const region = document.createElement('section');
    region.lang = 'nl';
    sessionEl.append(region);
    const el = indicator('team');
    region.append(el);
    await settled(el);
    fake.backend.setTyping('team', 'bob', true);
    fake.backend.setTyping('team', 'carol', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob en Carol are typing…');
    region.lang = 'en';
    fake.backend.setTyping('team', 'dave', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob, Carol, and Dave are typing…');
  });

  it('talk-typing-change: once per new snapshot, bubbles and is composed out of a shadow root, detail the snapshot', async () => {
    const sessionEl = await liveSession(fake);
    const wrapper = document.createElement('div');
    const shadow = wrapper.attachShadow({ mode: 'open' });
    sessionEl.append(wrapper);
    const events = recordEvents(document, ['talk-typing-change'], { untilTestEnds: true });
    const el = indicator('team');
    shadow.append(el);
    await settled(el);
    await nextTask();
    expect(events.events, 'the first snapshot').to.have.length(1);
    const first = events.events[0] as CustomEvent<Talk.TypingSnapshot | null>;
    expect([first.bubbles, first.composed, first.cancelable]).to.deep.equal([true, true, false]);
    expect(first.target).to.equal(wrapper);
    expect(first.detail).to.deep.equal({ many: false, users: [] });
    fake.backend.setTyping('team', 'bob', true);
    await el.updateComplete;
    fake.backend.setTyping('team', 'bob', true); // already typing: no new snapshot
    fake.backend.setTyping('duo', 'bob', true); // another conversation
    el.requestUpdate();
    await el.updateComplete;
    await nextTask();
    expect(events.events).to.have.length(2);
    const second = events.events[1]!.detail as Talk.FewTypingSnapshot;
    expect(second.many).to.equal(false);
    expect(second.users.map((u) => u.id)).to.deep.equal(['bob']);
    fake.backend.setTyping('team', 'bob', false);
    await el.updateComplete;
    expect(events.events.map((e) => (e.detail as Talk.FewTypingSnapshot).users.length)).to.deep.equal([0, 1, 0]);
  });

  for (const [id, why] of [
    ['private', 'a conversation the user is not in'],
    ['nope', 'a conversation that does not exist'],
  ] as const) {
    it(`${why}: nothing shown, status ready, one unknown-conversation talk-error naming conversation-id; talk-typing-change with null`, async () => {
      const watch = watchErrors();
      const sessionEl = await liveSession(fake);
      const changes = recordEvents(document, ['talk-typing-change'], { untilTestEnds: true });
      const el = indicator(id);
      sessionEl.append(el);
      await until(() => watch.errors.events.length > 0, 'a talk-error');
      await settled(el);
      fake.backend.setTyping('private', 'bob', true);
      el.requestUpdate();
      await el.updateComplete;
      await nextTask();
      expect(watch.errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['unknown-conversation', 'conversation-id']]);
      expect(watch.errors.events[0]!.detail.message).to.contain('<talk-typing-indicator>').and.contain(id);
      expect(watch.console.errors, 'one console message').to.have.length(1);
      expect(shown(el)).to.deep.equal({ text: '', hidden: true });
      expectStates(el, TYPING_STATES, ['ready'], id);
      expect(changes.events.map((e) => e.detail)).to.deep.equal([null]);
      watch.expectNothingThrown();
    });
  }

  it('moved out of any session in one task: the words go at once (nothing stale), no subscription; no-session after session-timeout', async () => {
    const watch = watchErrors();
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const outside = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = indicator('team');
    el.setAttribute('session-timeout', '0');
    sessionEl.append(el);
    await settled(el);
    fake.backend.setTyping('team', 'bob', true);
    await el.updateComplete;
    expect(el.text).to.equal('Bob is typing…');
    outside.append(el);
    expect(subscriptions(fake), 'no subscription outside any session').to.equal(before);
    await el.updateComplete;
    expect(el.status, 'status right after the move').to.equal('loading');
    expect(shown(el), 'words right after the move').to.deep.equal({ text: '', hidden: true });
    expectStates(el, TYPING_STATES, ['loading'], 'right after the move');
    await until(() => el.status === 'error', 'no-session');
    expect(watch.errors.events.map((e) => e.detail.code)).to.deep.equal(['no-session']);
    sessionEl.append(el);
    await settled(el);
    expect(el.text, 'back in the session').to.equal('Bob is typing…');
  });

  it('removal: the subscription ends, nothing is left; a move within the session in one task keeps one subscription', async () => {
    const sessionEl = await liveSession(fake);
    const before = subscriptions(fake);
    const box = document.createElement('div');
    sessionEl.append(box);
    const el = indicator('team');
    sessionEl.append(el);
    await settled(el);
    box.append(el);
    await nextTask();
    await nextTask();
    await settled(el);
    expect(subscriptions(fake), 'after a move').to.equal(before + 1);
    fake.backend.setTyping('team', 'bob', true);
    await el.updateComplete;
    expect(el.text, 'following after the move').to.equal('Bob is typing…');
    el.remove();
    await nextTask();
    await nextTask();
    expect(subscriptions(fake), 'after removal').to.equal(before);
    expect(el.status).to.equal('loading');
    await expectNoLeaks(fake);
  });
});
