/**
 * `<talk-unread-badge>` counts the unread conversations (or messages) of the
 * nearest `<talk-session>`'s user, live, hidden at zero. `<talk-session>` makes the one
 * `session.unreads.onChange` subscription per session and keeps the latest list
 * (`sessionEl.unreads`); badges inside it read that list (TalkJS does not promise to replay it
 * to a later subscriber, so they do not subscribe themselves). Only a badge given a `session`
 * property subscribes itself. Messages arrive through `fake.backend.sendMessage` as if another
 * user sent them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import type { FakeSession } from '../src/testing/index.js';
import { READINGS, captureConsole, expectNoLeaks, nextTask, onCleanup, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

/** A `<talk-session user-id="alice">` holding a badge with `attributes` (and `extra` markup), once the badge counts. */
async function placeBadge(attributes: Record<string, string> = {}, extra: Node[] = []) {
  const sessionEl = document.createElement('talk-session');
  sessionEl.setAttribute('app-id', 'tAPP');
  sessionEl.setAttribute('user-id', 'alice');
  sessionEl.sdk = fake;
  const badge = document.createElement('talk-unread-badge');
  for (const [name, value] of Object.entries(attributes)) badge.setAttribute(name, value);
  sessionEl.append(badge, ...extra);
  await fixture(html`<div>${sessionEl}</div>`);
  await until(() => badge.status === 'ready', 'the badge counting');
  return { sessionEl, badge };
}

/** The badge's `part="badge"` element in its shadow root. */
function partOf(badge: TalkUnreadBadgeElement): HTMLElement {
  const part = badge.shadowRoot?.querySelector<HTMLElement>('[part="badge"]');
  if (!part) throw new Error('no [part="badge"] in <talk-unread-badge>');
  return part;
}

/** What a person (and a screen reader) gets from the badge. */
function shown(badge: TalkUnreadBadgeElement) {
  const part = partOf(badge);
  return { hidden: part.hidden, display: getComputedStyle(part).display, text: part.textContent, label: part.getAttribute('aria-label') };
}

/** Waits until the badge shows `text` (visible). */
async function untilShows(badge: TalkUnreadBadgeElement, text: string): Promise<void> {
  await until(() => !partOf(badge).hidden && partOf(badge).textContent === text, `the badge showing "${text}"`);
}

/** The `unreads.onChange` subscriptions made on `session`. */
function onChangeCalls(session: FakeSession) {
  return fake.callsTo('onChange', session.unreads);
}

/** `n` messages from `sender` in `conversationId`. */
function send(conversationId: string, sender: string, n = 1): void {
  for (let i = 0; i < n; i++) fake.backend.sendMessage(conversationId, sender, `message ${i + 1} from ${sender}`);
}

describe('<talk-unread-badge>: counts', () => {
  it('hidden at zero (display: none), with role="status" and the label "0 unread conversations"', async () => {
    const { badge } = await placeBadge();
    expect(shown(badge)).to.deep.equal({ hidden: true, display: 'none', text: '0', label: '0 unread conversations' });
    expect(partOf(badge).getAttribute('role')).to.equal('status');
    expect(badge.value).to.equal(0);
  });

  it('a message from another user in a conversation not on screen: shows 1; one per conversation, not per message', async () => {
    const { badge } = await placeBadge();
    send('order-1', 'bob');
    await untilShows(badge, '1');
    expect(shown(badge)).to.deep.include({ hidden: false, label: '1 unread conversations' });
    expect(shown(badge).display).to.not.equal('none');

    send('order-2', 'carol');
    await untilShows(badge, '2');
    send('order-1', 'bob', 3);
    await nextTask();
    expect(shown(badge)).to.deep.include({ text: '2', label: '2 unread conversations' });
    expect(badge.value).to.equal(2);
  });

  it('hides again when the conversations are read', async () => {
    const { badge } = await placeBadge();
    send('order-1', 'bob');
    await untilShows(badge, '1');
    fake.backend.markRead('order-1', 'alice');
    await until(() => partOf(badge).hidden, 'the badge hidden');
    expect(shown(badge)).to.deep.equal({ hidden: true, display: 'none', text: '0', label: '0 unread conversations' });
  });

  it('a message in the conversation a chatbox shows is read at once: not counted; one elsewhere is', async () => {
    const chatbox = document.createElement('talk-chatbox');
    chatbox.setAttribute('conversation-id', 'order-2');
    const { badge } = await placeBadge({}, [chatbox]);
    await until(() => chatbox.status === 'ready', 'the chatbox');
    send('order-2', 'carol');
    await nextTask();
    await nextTask();
    expect(shown(badge)).to.deep.include({ hidden: true, text: '0' });
    send('order-1', 'bob');
    await untilShows(badge, '1');
  });

  it('count="messages": the sum of unread messages over the conversations', async () => {
    const { badge } = await placeBadge({ count: 'messages' });
    send('order-1', 'bob', 3);
    send('order-2', 'carol', 2);
    await untilShows(badge, '5');
    expect(shown(badge).label).to.equal('5 unread messages');
    expect(badge.value).to.equal(5);
  });

  it('max="9": 9 shows "9", 10 shows "9+", and the label keeps the exact number', async () => {
    const { badge } = await placeBadge({ count: 'messages', max: '9' });
    send('order-1', 'bob', 9);
    await untilShows(badge, '9');
    expect(shown(badge).label).to.equal('9 unread messages');
    send('order-2', 'carol');
    await untilShows(badge, '9+');
    expect(shown(badge).label).to.equal('10 unread messages');
    expect(badge.value).to.equal(10);
  });

  it('without max: up to 99, then "99+"', async () => {
    const { badge } = await placeBadge({ count: 'messages' });
    send('order-1', 'bob', 99);
    await untilShows(badge, '99');
    send('order-1', 'bob');
    await untilShows(badge, '99+');
    expect(shown(badge).label).to.equal('100 unread messages');
  });

  it('label with {count}: the accessible label, with the exact number', async () => {
    const { badge } = await placeBadge({ label: 'You have {count} chats waiting ({count} new)', max: '1' });
    send('order-1', 'bob');
    send('order-2', 'carol');
    await untilShows(badge, '1+');
    expect(shown(badge).label).to.equal('You have 2 chats waiting (2 new)');
  });

  it('changing count, max and label applies at once to the current number', async () => {
    const { badge } = await placeBadge();
    send('order-1', 'bob', 4);
    await untilShows(badge, '1');
    badge.setAttribute('count', 'messages');
    await untilShows(badge, '4');
    badge.setAttribute('max', '3');
    await untilShows(badge, '3+');
    badge.setAttribute('label', '{count} new');
    await until(() => shown(badge).label === '4 new', 'the new label');
  });

  it('CSS part "badge" and the custom properties style it from the page', async () => {
    const style = document.createElement('style');
    style.textContent = `
      talk-unread-badge.parted::part(badge) { color: rgb(1, 2, 3); }
      talk-unread-badge.themed { --talk-unread-badge-background: rgb(4, 5, 6); }
    `;
    document.head.append(style);
    onCleanup(() => style.remove());
    const { badge } = await placeBadge();
    badge.classList.add('parted', 'themed');
    send('order-1', 'bob');
    await untilShows(badge, '1');
    const computed = getComputedStyle(partOf(badge));
    expect(computed.color).to.equal('rgb(1, 2, 3)');
    expect(computed.backgroundColor).to.equal('rgb(4, 5, 6)');
  });
});

describe('<talk-unread-badge>: follows its session', () => {
  it("user-id changes: the badge counts for the new session's user, one onChange subscription on each session (the <talk-session>'s)", async () => {
    const { sessionEl, badge } = await placeBadge();
    const first = sessionEl.session as FakeSession;
    expect(onChangeCalls(first), 'onChange subscriptions on the first session').to.have.length(1);
    send('order-1', 'bob');
    await untilShows(badge, '1');

    sessionEl.setAttribute('user-id', 'bob');
    await until(() => sessionEl.session !== undefined && sessionEl.session !== first, 'the session for bob');
    const second = sessionEl.session as FakeSession;
    expect(first.isAlive).to.equal(false);
    // Bob has read everything he sent: nothing to show.
    await until(() => badge.status === 'ready' && partOf(badge).hidden, 'the badge hidden for bob');
    expect(onChangeCalls(second), "onChange subscriptions on the new session (the <talk-session>'s only)").to.have.length(1);
    expect(onChangeCalls(first), 'none added on the old session').to.have.length(1);

    fake.backend.sendMessage('order-1', 'alice', 'Hi Bob');
    await untilShows(badge, '1');
    // A message only alice has unread does not count for bob.
    send('order-2', 'carol');
    await nextTask();
    expect(shown(badge).text).to.equal('1');
  });

  it('removing the badge: it stops counting; the session keeps its one subscription, and the list goes on', async () => {
    const { sessionEl, badge } = await placeBadge();
    const session = sessionEl.session as FakeSession;
    const before = fake.live().subscriptions;
    badge.remove();
    await nextTask();
    await nextTask();
    // The badge had no SDK subscription of its own: nothing to end on the SDK side.
    expect(fake.live().subscriptions).to.equal(before);
    expect(onChangeCalls(session)).to.have.length(1);
    expect(session.isAlive).to.equal(true);
    send('order-1', 'bob');
    await until(() => sessionEl.unreads?.length === 1, 'the session keeping the new list');
    await nextTask();
    expect(shown(badge)).to.deep.include({ hidden: true, text: '0' });
    expect(badge.value).to.equal(0);
  });

  it('moving the badge within the session in one task: no new subscription, it keeps counting', async () => {
    const { sessionEl, badge } = await placeBadge();
    const session = sessionEl.session as FakeSession;
    const before = fake.live().subscriptions;
    const holder = document.createElement('p');
    sessionEl.append(holder);
    holder.append(badge);
    await nextTask();
    await nextTask();
    expect(fake.live().subscriptions).to.equal(before);
    expect(onChangeCalls(session)).to.have.length(1);
    send('order-1', 'bob');
    await untilShows(badge, '1');
  });

  it(`a badge added after the first unreads change shows the kept count at once (reading: ${READINGS}), with one onChange subscription per session`, async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.status === 'ready', 'the session ready');
    const session = sessionEl.session as FakeSession;
    send('order-1', 'bob');
    send('order-2', 'carol', 2);
    await until(() => sessionEl.unreads?.length === 2, 'the session keeping the list with 2 conversations');
    const calls = fake.calls.length;

    const badge = document.createElement('talk-unread-badge');
    sessionEl.append(badge);
    const messages = document.createElement('talk-unread-badge');
    messages.setAttribute('count', 'messages');
    sessionEl.append(messages);
    // At once: no new list from TalkJS is needed (none comes: nothing changed in the backend).
    await badge.updateComplete;
    await messages.updateComplete;
    expect(badge.status).to.equal('ready');
    expect(shown(badge)).to.deep.include({ hidden: false, text: '2', label: '2 unread conversations' });
    expect(badge.value).to.equal(2);
    expect(shown(messages)).to.deep.include({ hidden: false, text: '3', label: '3 unread messages' });
    expect(
      fake.calls.slice(calls).filter((call) => call.method === 'onChange'),
      'no onChange by the badges',
    ).to.have.length(0);
    expect(onChangeCalls(session), 'onChange subscriptions on the session').to.have.length(1);

    await nextTask();
    await nextTask();
    expect(shown(badge).text).to.equal('2');
    expect(onChangeCalls(session)).to.have.length(1);
    send('order-1', 'bob');
    await untilShows(messages, '4');
    expect(shown(badge).text).to.equal('2');
  });

  it('a badge given the session property (no <talk-session> around it) subscribes itself, once, and ends that on removal', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.status === 'ready', 'the session ready');
    const session = sessionEl.session as FakeSession;
    const before = fake.live().subscriptions;
    const badge = document.createElement('talk-unread-badge');
    badge.session = session;
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(badge);
    // Under the strict reading TalkJS gives a later subscriber only later lists: wait for the subscription, then change the count.
    await until(() => onChangeCalls(session).length === 2, 'the badge subscribing');
    await nextTask();
    expect(onChangeCalls(session), "the session's and the badge's own").to.have.length(2);
    expect(fake.live().subscriptions).to.equal(before + 1);
    send('order-1', 'bob');
    await untilShows(badge, '1');
    expect(badge.status).to.equal('ready');
    expect(onChangeCalls(session)).to.have.length(2);
    badge.remove();
    await nextTask();
    await nextTask();
    expect(fake.live().subscriptions).to.equal(before);
  });

  it('the session element removed: the badge hides and nothing stays subscribed', async () => {
    const { sessionEl, badge } = await placeBadge();
    send('order-1', 'bob');
    await untilShows(badge, '1');
    sessionEl.remove();
    await nextTask();
    await nextTask();
    expect(fake.live()).to.deep.include({ sessions: 0, subscriptions: 0 });
  });
});

describe('<talk-unread-badge>: input errors', () => {
  for (const [attribute, value] of [
    ['count', 'words'],
    ['max', 'lots'],
    ['max', '-1'],
  ] as const) {
    it(`${attribute}="${value}": one invalid-attribute naming ${attribute}, status error`, async () => {
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      const console = captureConsole({ untilTestEnds: true });
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" .sdk=${fake}></talk-session>`);
      const badge = document.createElement('talk-unread-badge');
      badge.setAttribute(attribute, value);
      sessionEl.append(badge);
      await until(() => badge.status === 'error', 'status error');
      await nextTask();
      expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', attribute]]);
      expect(errors.events[0]!.target).to.equal(badge);
      expect(console.errors).to.have.length(1);
      expect(partOf(badge).hidden).to.equal(true);
    });
  }
});
