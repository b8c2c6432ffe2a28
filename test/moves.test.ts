/**
 * Moves, each done in one task (the kit tells a move from a removal a task later): every element
 * moved within its session, to another session, out of any session, and between parents of its
 * own kind (an HTML panel from one chat element to another, a session between two containers and
 * into another session's subtree). Each asserts which SDK objects were kept and which were made
 * anew (the fake's objects and call log), and that nothing is left alive at the end
 * (`expectNoLeaks`, after every test).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkChatboxElement, TalkHtmlPanelElement, TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import { boxesOf, expectNoLeaks, nextTask, sampleFake, until, watchErrors, type ErrorWatch, type FakeBox, type FakeTalk, type UiTag } from './helpers.js';

let fake: FakeTalk | undefined;
let watch: ErrorWatch;

beforeEach(() => {
  watch = watchErrors();
});

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

const UI_TAGS: readonly UiTag[] = ['talk-chatbox', 'talk-inbox', 'talk-popup'];

/** A page: two `<talk-session>`s (alice on A, bob on B), each with two containers, and a container outside both. */
async function page(f: FakeTalk) {
  const root = await fixture<HTMLDivElement>(html`
    <div>
      <talk-session id="a" app-id="tTEST" user-id="alice" .sdk=${f}
        ><div id="a1"></div>
        <div id="a2"></div
      ></talk-session>
      <talk-session id="b" app-id="tTEST" user-id="bob" .sdk=${f}><div id="b1"></div></talk-session>
      <div id="outside"></div>
    </div>
  `);
  const $ = <T extends Element = HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
  const a = $<TalkSessionElement>('a');
  const b = $<TalkSessionElement>('b');
  await until(() => a.status === 'ready' && b.status === 'ready', 'both sessions ready');
  return { root, a, b, a1: $('a1'), a2: $('a2'), b1: $('b1'), outside: $('outside') };
}

/** Settles: two tasks (past the removal check), then until `el` is no longer loading. */
async function settle(el: { status: string; localName: string }) {
  await nextTask();
  await nextTask();
  await until(() => el.status !== 'loading', `<${el.localName}> settled`);
}

const codes = (from: number) => watch.errors.events.slice(from).map((e) => `${(e.detail as { code: string }).code}`);

describe('moves: the UI elements', () => {
  for (const tag of UI_TAGS) {
    it(`<${tag}> moved within its session (between containers), in one task: the same UI object, no SDK call`, async () => {
      fake = sampleFake();
      const p = await page(fake);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready');
      await nextTask();
      const box = boxesOf(fake, tag)[0]!;
      const mark = fake.calls.length;
      p.a2.append(el);
      await settle(el);
      expect(boxesOf(fake, tag), 'UI objects').to.have.length(1);
      expect(box.isAlive, 'kept').to.equal(true);
      expect(
        fake.calls.slice(mark).map((c) => `${c.target}.${c.method}`),
        'SDK calls',
      ).to.deep.equal([]);
      expect(el.status).to.equal('ready');
      expect(codes(0)).to.deep.equal([]);
    });

    it(`<${tag}> moved to another session in one task: recreated on that session, the old one destroyed`, async () => {
      fake = sampleFake();
      const p = await page(fake);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready');
      const first = boxesOf(fake, tag)[0]!;
      const [alices, bobs] = fake.sessions;
      p.b1.append(el);
      await settle(el);
      await until(() => el.status === 'ready', 'ready again');
      const boxes = boxesOf(fake, tag);
      expect(boxes, 'UI objects').to.have.length(2);
      expect(first.isAlive, 'the old one destroyed').to.equal(false);
      expect(first.session === alices, 'the old one was alice’s').to.equal(true);
      expect(boxes[1]!.session === bobs, 'the new one on bob’s session').to.equal(true);
      expect(boxes[1]!.options, 'the same options').to.deep.equal(first.options);
      expect(
        fake.callsTo('select', boxes[1]!).map((c) => c.args),
        'the conversation selected again',
      ).to.deep.equal([['order-1']]);
      expect(alices!.isAlive && bobs!.isAlive, 'both sessions kept').to.equal(true);
      expect(codes(0)).to.deep.equal([]);
    });

    it(`<${tag}> moved through a place without a session and back, in one task: the same UI object, no SDK call, no error`, async () => {
      fake = sampleFake();
      const p = await page(fake);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready');
      await nextTask();
      const box = boxesOf(fake, tag)[0]!;
      const mark = fake.calls.length;
      p.outside.append(el);
      p.a2.append(el);
      await settle(el);
      expect(box.isAlive, 'kept').to.equal(true);
      expect(boxesOf(fake, tag), 'UI objects').to.have.length(1);
      expect(
        fake.calls.slice(mark).map((c) => `${c.target}.${c.method}`),
        'SDK calls',
      ).to.deep.equal([]);
      expect(el.status).to.equal('ready');
      expect(codes(0)).to.deep.equal([]);
    });

    it(`<${tag}> moved out of any session in one task: destroyed, then no-session after session-timeout`, async () => {
      fake = sampleFake();
      const p = await page(fake);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      el.setAttribute('session-timeout', '0');
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready');
      const box = boxesOf(fake, tag)[0]!;
      p.outside.append(el);
      await until(() => el.status === 'error', 'error');
      await nextTask();
      expect(box.isAlive, 'destroyed').to.equal(false);
      expect(boxesOf(fake, tag), 'none made').to.have.length(1);
      expect(codes(0)).to.deep.equal(['no-session']);
      expect(
        fake.sessions.every((s) => s.isAlive),
        'the sessions stay',
      ).to.equal(true);
      // And back into a session: a new UI object there.
      p.a2.append(el);
      await until(() => el.status === 'ready', 'ready again');
      expect(boxesOf(fake, tag), 'a new UI object').to.have.length(2);
      expect(boxesOf(fake, tag)[1]!.session === fake.sessions[0], 'on alice’s session').to.equal(true);
    });

    it(`<${tag}> removed, and added back a task later: a new UI object`, async () => {
      fake = sampleFake();
      const p = await page(fake);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready');
      const box = boxesOf(fake, tag)[0]!;
      el.remove();
      await nextTask();
      await nextTask();
      expect(box.isAlive, 'destroyed a task after removal').to.equal(false);
      p.a1.append(el);
      await until(() => el.status === 'ready', 'ready again');
      expect(boxesOf(fake, tag).filter((b: FakeBox) => b.isAlive)).to.have.length(1);
    });
  }
});

describe('moves: <talk-session>', () => {
  it('moved between containers in one task: the same session, its UI objects kept, no SDK call', async () => {
    fake = sampleFake();
    const p = await page(fake);
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.setAttribute('conversation-id', 'order-1');
    p.a1.append(chatboxEl);
    await until(() => chatboxEl.status === 'ready', 'ready');
    const mark = fake.calls.length;
    p.outside.append(p.a);
    await settle(p.a);
    await settle(chatboxEl);
    expect(fake.sessions, 'sessions').to.have.length(2);
    expect(fake.sessions.every((s) => s.isAlive)).to.equal(true);
    expect(fake.chatboxes[0]!.isAlive, 'the chatbox kept').to.equal(true);
    expect(fake.calls.slice(mark).map((c) => `${c.target}.${c.method}`)).to.deep.equal([]);
    expect(p.a.session === fake.sessions[0]).to.equal(true);
  });

  it('moved into another <talk-session> in one task: keeps its own session; its chat elements stay on it', async () => {
    fake = sampleFake();
    const p = await page(fake);
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.setAttribute('conversation-id', 'order-1');
    p.a1.append(chatboxEl);
    await until(() => chatboxEl.status === 'ready', 'ready');
    const mark = fake.calls.length;
    p.b1.append(p.a);
    await settle(p.a);
    await settle(chatboxEl);
    expect(
      fake.sessions.every((s) => s.isAlive),
      'both sessions kept',
    ).to.equal(true);
    expect(fake.sessions, 'no new session').to.have.length(2);
    expect(fake.chatboxes, 'no new chatbox').to.have.length(1);
    expect(fake.chatboxes[0]!.session === fake.sessions[0], 'on alice’s (the nearest) session').to.equal(true);
    expect(fake.calls.slice(mark).map((c) => `${c.target}.${c.method}`)).to.deep.equal([]);
  });

  it('removed, and added back a task later: the old session destroyed, a new one made, its chat element on the new one', async () => {
    fake = sampleFake();
    const p = await page(fake);
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.setAttribute('conversation-id', 'order-1');
    p.a1.append(chatboxEl);
    await until(() => chatboxEl.status === 'ready', 'ready');
    const old = fake.sessions[0]!;
    p.a.remove();
    await nextTask();
    await nextTask();
    expect(old.isAlive, 'destroyed').to.equal(false);
    expect(fake.chatboxes[0]!.isAlive, 'its chatbox destroyed').to.equal(false);
    p.root.append(p.a);
    await until(() => p.a.status === 'ready' && chatboxEl.status === 'ready', 'ready again');
    expect(fake.sessions, 'a third session').to.have.length(3);
    expect(fake.chatboxes.at(-1)!.session === fake.sessions[2], 'the chatbox on the new session').to.equal(true);
  });
});

describe('moves: <talk-unread-badge>', () => {
  /** A badge in alice's session, with bob one unread conversation (order-3, from carol) and alice two. */
  async function badgePage() {
    fake = sampleFake({
      conversations: [
        { id: 'order-1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'a' }] },
        { id: 'order-2', participants: ['alice', 'carol'], messages: [{ senderId: 'carol', text: 'b' }] },
        { id: 'order-3', participants: ['bob', 'carol'], messages: [{ senderId: 'carol', text: 'c' }] },
      ],
    });
    const p = await page(fake);
    const el = document.createElement('talk-unread-badge') as TalkUnreadBadgeElement;
    el.setAttribute('session-timeout', '0');
    p.a1.append(el);
    await until(() => el.status === 'ready' && el.value === 2, 'alice’s count');
    return { p, el, text: () => el.shadowRoot!.querySelector('[part="badge"]')!.textContent };
  }

  it('moved within its session in one task: the same count, no SDK call', async () => {
    const { p, el, text } = await badgePage();
    const mark = fake!.calls.length;
    p.a2.append(el);
    await settle(el);
    expect([el.status, text()]).to.deep.equal(['ready', '2']);
    expect(fake!.calls.slice(mark).map((c) => `${c.target}.${c.method}`)).to.deep.equal([]);
  });

  it('moved to another session in one task: counts that session’s unreads, not the old one’s', async () => {
    const { p, el, text } = await badgePage();
    p.b1.append(el);
    await until(() => text() === '1', 'bob’s count');
    expect(el.value).to.equal(1);
    fake!.backend.sendMessage('order-2', 'carol', 'only alice’s count changes');
    await nextTask();
    expect(text(), 'alice’s change not counted').to.equal('1');
    fake!.backend.sendMessage('order-1', 'alice', 'bob’s count changes');
    await nextTask();
    expect(text(), 'bob’s change counted').to.equal('2');
    expect(codes(0)).to.deep.equal([]);
  });

  it('moved out of any session in one task: no count, then no-session', async () => {
    const { p, el, text } = await badgePage();
    p.outside.append(el);
    await until(() => el.status === 'error', 'error');
    expect([text(), el.value]).to.deep.equal(['0', 0]);
    expect(codes(0)).to.deep.equal(['no-session']);
    fake!.backend.sendMessage('order-2', 'carol', 'not counted');
    await nextTask();
    expect(el.value, 'nothing counted outside a session').to.equal(0);
  });
});

describe('moves: <talk-html-panel>', () => {
  const URL = '/test/fixtures/panel.html';

  /** Two chatboxes in alice's session (a1, a2), one in bob's (b1), each mounted; a panel in the first. */
  async function panelPage() {
    fake = sampleFake();
    const p = await page(fake);
    const chatboxes = [p.a1, p.a2, p.b1].map((container) => {
      const chatboxEl = document.createElement('talk-chatbox') as TalkChatboxElement;
      chatboxEl.setAttribute('conversation-id', 'order-1');
      container.append(chatboxEl);
      return chatboxEl;
    });
    const el = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    el.setAttribute('url', URL);
    chatboxes[0]!.append(el);
    await until(() => chatboxes.every((c) => c.status === 'ready') && el.status === 'ready', 'all ready');
    return { p, el, chatboxes };
  }

  it('moved within its chat element (out and back in one task): the same panel', async () => {
    const { el, chatboxes } = await panelPage();
    const panel = el.htmlPanel;
    const mark = fake!.calls.length;
    chatboxes[0]!.prepend(el);
    await settle(el);
    expect(el.htmlPanel === panel, 'kept').to.equal(true);
    expect(fake!.calls.slice(mark).map((c) => `${c.target}.${c.method}`)).to.deep.equal([]);
  });

  it('moved to another chat element of its session in one task: a new panel there, the old one destroyed', async () => {
    const { el, chatboxes } = await panelPage();
    const old = el.htmlPanel!;
    chatboxes[1]!.append(el);
    await settle(el);
    await until(() => el.status === 'ready' && el.htmlPanel !== old, 'a new panel');
    expect(fake!.htmlPanels, 'panels').to.have.length(2);
    expect(fake!.htmlPanels[0]!.isAlive, 'the old one destroyed').to.equal(false);
    expect(fake!.callsTo('createHtmlPanel').map((c) => c.object === chatboxes[1]!.chatbox)).to.deep.equal([false, true]);
  });

  it('moved to a chat element of another session in one task: a new panel there', async () => {
    const { el, chatboxes } = await panelPage();
    chatboxes[2]!.append(el);
    await settle(el);
    await until(() => el.status === 'ready' && fake!.htmlPanels.length === 2, 'a new panel');
    expect(fake!.htmlPanels[0]!.isAlive).to.equal(false);
    expect(fake!.callsTo('createHtmlPanel')[1]!.object === chatboxes[2]!.chatbox, 'on bob’s chatbox').to.equal(true);
  });

  it('moved out of any chat element in one task: destroyed, and it says it must be a child of one', async () => {
    const { p, el } = await panelPage();
    p.outside.append(el);
    await settle(el);
    expect(el.status).to.equal('error');
    expect(fake!.htmlPanels[0]!.isAlive, 'destroyed').to.equal(false);
    expect(watch.errors.events.map((e) => (e.detail as { attribute?: string }).attribute)).to.deep.equal(['parent']);
    // Into a chat element again: a panel there.
    const [, second] = [...document.querySelectorAll('talk-chatbox')];
    second!.append(el);
    await until(() => el.status === 'ready', 'ready again');
    expect(fake!.htmlPanels.filter((panel) => panel.isAlive)).to.have.length(1);
  });

  it('its chat element moved to another session in one task: a new panel on the new UI object', async () => {
    const { p, el, chatboxes } = await panelPage();
    p.b1.append(chatboxes[0]!);
    await settle(chatboxes[0]!);
    await until(() => chatboxes[0]!.status === 'ready' && el.status === 'ready' && fake!.htmlPanels.length === 2, 'a new panel');
    expect(fake!.htmlPanels[0]!.isAlive).to.equal(false);
    expect(fake!.callsTo('createHtmlPanel')[1]!.object === chatboxes[0]!.chatbox, 'on the recreated chatbox').to.equal(true);
  });
});
