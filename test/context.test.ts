/**
 * How the UI elements find their session: `@lit/context` from the nearest `<talk-session>`,
 * in either definition order (the page's `ContextRoot`), across shadow roots, nearest provider
 * wins (and re-parenting when a nearer one upgrades later), the `session` property override,
 * moves between sessions, the shared context key, and session replacement.
 */
import { ContextProvider, createContext } from '@lit/context';
import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import { TalkChatboxElement, TalkSessionElement, sessionContext, type SessionContextValue } from '../src/elements.js';
import type Talk from 'talkjs';
import type { FakeChatbox, FakeSession } from '../src/testing/index.js';
import { callIndex, expectNoLeaks, nextTask, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk | undefined;
/** Sessions a test made itself (the kit does not own them); each test destroys its own. */
const owned: FakeSession[] = [];

afterEach(async () => {
  try {
    await expectNoLeaks(fake);
  } finally {
    // Only matters when a test failed before destroying its own session.
    for (const session of owned.splice(0)) session.destroy();
    fake = undefined;
  }
});

let tagCounter = 0;
/** A fresh, not yet defined tag name. */
function freshTag(base: string): string {
  return `${base}-late-${++tagCounter}-${Math.random().toString(36).slice(2, 7)}`;
}

function fakeBox(element: TalkChatboxElement): FakeChatbox | undefined {
  return element.chatbox as FakeChatbox | undefined;
}

/** Whether the chatbox element shows a mounted chatbox. */
function ready(element: TalkChatboxElement): boolean {
  return element.status === 'ready' && element.chatbox !== undefined;
}

/** No chatbox of the fake is alive while its session is dead. */
function expectNoOrphanChatbox(f: FakeTalk, when: string): void {
  for (const box of f.chatboxes) {
    if (box.isAlive) expect(box.session.isAlive, `${box.label} alive on a dead ${box.session.label} (${when})`).to.equal(true);
  }
}

describe('context: definition order', () => {
  it('provider defined before consumer: a <talk-chatbox> inside <talk-session> is created on that session', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = sessionEl.querySelector('talk-chatbox')!;
    await until(() => ready(chatboxEl), 'the chatbox to be ready');

    expect(fake.sessions).to.have.length(1);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(fake.sessions[0]);
    expect(sessionEl.session).to.equal(fake.sessions[0]);
    expect(chatboxEl.chatbox).to.equal(fake.chatboxes[0]);
    expect(fake.callsTo('createChatbox', fake.sessions[0])).to.have.length(1);
    expect(fake.chatboxes[0]!.selected).to.equal('order-1');
    // Mounted inside the element.
    const mount = fake.callsTo('mount', fake.chatboxes[0])[0];
    expect(mount, 'mount() called').to.not.equal(undefined);
    expect(chatboxEl.contains(mount!.args[0] as Node)).to.equal(true);
  });

  it('consumer defined before provider: a late-defined <talk-session> subclass keeps .sdk set before upgrade and serves the waiting chatbox', async () => {
    fake = sampleFake();
    const tag = freshTag('talk-session');
    const sessionTag = unsafeStatic(tag);
    const root = await fixture<HTMLElement>(html`
      <div>
        <${sessionTag} app-id="tTEST" user-id="alice" .sdk=${fake}>
          <talk-chatbox conversation-id="order-1"></talk-chatbox>
        </${sessionTag}>
      </div>
    `);
    const pending = root.querySelector(tag) as HTMLElement;
    const chatboxEl = root.querySelector('talk-chatbox')!;
    expect(customElements.get(tag), 'not yet defined').to.equal(undefined);
    expect(chatboxEl).to.be.instanceOf(TalkChatboxElement);

    // Without a provider nothing is created.
    await nextTask();
    expect(fake.calls, 'no SDK call before the provider exists').to.deep.equal([]);
    expect(chatboxEl.status).to.equal('loading');

    customElements.define(tag, class extends TalkSessionElement {});
    expect(pending).to.be.instanceOf(TalkSessionElement);
    const sessionEl = pending as TalkSessionElement;
    // Lit takes a property set before the upgrade back at the first update.
    await sessionEl.updateComplete;
    expect(sessionEl.sdk, 'the property set before the upgrade is kept').to.equal(fake);

    await until(() => ready(chatboxEl), 'the chatbox to be ready');
    expect(fake.sessions).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tTEST', userId: 'alice' });
    expect(sessionEl.session).to.equal(fake.sessions[0]);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(fake.sessions[0]);
    expect(fake.chatboxes[0]!.selected).to.equal('order-1');
  });

  it('provider defined before consumer: a late-defined <talk-chatbox> subclass gets the live session when it upgrades', async () => {
    fake = sampleFake();
    const tag = freshTag('talk-chatbox');
    const chatboxTag = unsafeStatic(tag);
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <${chatboxTag} conversation-id="order-2"></${chatboxTag}>
      </talk-session>
    `);
    await until(() => sessionEl.session !== undefined, 'the session');
    await nextTask();
    expect(fake.chatboxes, 'no chatbox before the consumer is defined').to.have.length(0);

    customElements.define(tag, class extends TalkChatboxElement {});
    const chatboxEl = sessionEl.querySelector(tag) as TalkChatboxElement;
    expect(chatboxEl).to.be.instanceOf(TalkChatboxElement);
    await until(() => ready(chatboxEl), 'the chatbox to be ready');

    expect(fake.sessions).to.have.length(1);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(sessionEl.session);
    expect(fake.chatboxes[0]!.selected).to.equal('order-2');
  });
});

/** A test-only element whose (open) shadow root holds a `<talk-chatbox>`. */
class ShadowHost extends HTMLElement {
  readonly inner: TalkChatboxElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<talk-chatbox conversation-id="order-1"></talk-chatbox>';
    this.inner = root.querySelector('talk-chatbox') as TalkChatboxElement;
  }
}
if (!customElements.get('context-test-shadow-host')) customElements.define('context-test-shadow-host', ShadowHost);

describe('context: shadow roots', () => {
  it('a <talk-chatbox> in a shadow root finds the <talk-session> outside it, and its events reach document (composed)', async () => {
    fake = sampleFake();
    const seen: { type: string; event: CustomEvent; target: EventTarget | null; origin: EventTarget | undefined }[] = [];
    const listener = (event: Event) => seen.push({ type: event.type, event: event as CustomEvent, target: event.target, origin: event.composedPath()[0] });
    document.addEventListener('talk-ready', listener);
    document.addEventListener('talk-send-message', listener);
    try {
      const sessionEl = await fixture<TalkSessionElement>(html`
        <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
          <context-test-shadow-host></context-test-shadow-host>
        </talk-session>
      `);
      const host = sessionEl.querySelector('context-test-shadow-host') as ShadowHost;
      const chatboxEl = host.inner;
      expect(chatboxEl.getRootNode()).to.equal(host.shadowRoot);

      await until(() => ready(chatboxEl), 'the chatbox in the shadow root to be ready');
      expect(fake.chatboxes).to.have.length(1);
      expect(fake.chatboxes[0]!.session).to.equal(sessionEl.session);
      expect(fake.sessions).to.have.length(1);

      const readyEvents = seen.filter((s) => s.type === 'talk-ready');
      expect(readyEvents, 'talk-ready at document').to.have.length(1);
      expect(readyEvents[0]!.origin).to.equal(chatboxEl);
      expect(readyEvents[0]!.target, 'retargeted to the shadow host').to.equal(host);
      expect((readyEvents[0]!.event.detail as { chatbox: unknown }).chatbox).to.equal(fake.chatboxes[0]);

      const sent = fake.chatboxes[0]!.emit('sendMessage', { message: { text: 'from the shadows' } as Talk.SentMessage });
      const sendEvents = seen.filter((s) => s.type === 'talk-send-message');
      expect(sendEvents, 'talk-send-message at document').to.have.length(1);
      expect(sendEvents[0]!.origin).to.equal(chatboxEl);
      expect(sendEvents[0]!.event.composed).to.equal(true);
      expect(sendEvents[0]!.event.detail).to.equal(sent);
    } finally {
      document.removeEventListener('talk-ready', listener);
      document.removeEventListener('talk-send-message', listener);
    }
  });
});

describe('context: nested sessions', () => {
  it('nearest wins: a chatbox in the inner <talk-session> uses the inner session, one in the outer uses the outer', async () => {
    fake = sampleFake();
    const outer = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-chatbox id="outer-box" conversation-id="order-1"></talk-chatbox>
        <talk-session id="inner" app-id="tTEST" user-id="bob" .sdk=${fake}>
          <talk-chatbox id="inner-box" conversation-id="order-1"></talk-chatbox>
        </talk-session>
      </talk-session>
    `);
    const inner = outer.querySelector<TalkSessionElement>('#inner')!;
    const outerBox = outer.querySelector<TalkChatboxElement>('#outer-box')!;
    const innerBox = outer.querySelector<TalkChatboxElement>('#inner-box')!;
    await until(() => ready(outerBox) && ready(innerBox), 'both chatboxes to be ready');

    expect(fake.sessions).to.have.length(2);
    expect(outer.session!.me.id).to.equal('alice');
    expect(inner.session!.me.id).to.equal('bob');
    expect(fakeBox(outerBox)!.session).to.equal(outer.session);
    expect(fakeBox(innerBox)!.session).to.equal(inner.session);
    expect(fake.chatboxes, 'one chatbox each, none created on the wrong session').to.have.length(2);
    expect(fake.callsTo('createChatbox', outer.session)).to.have.length(1);
    expect(fake.callsTo('createChatbox', inner.session)).to.have.length(1);
  });

  it('re-parenting: when an inner <talk-session> is defined after the outer one, its chatbox moves to the inner session', async () => {
    fake = sampleFake();
    const tag = freshTag('talk-session');
    const innerTag = unsafeStatic(tag);
    const outer = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <${innerTag} app-id="tTEST" user-id="bob" .sdk=${fake}>
          <talk-chatbox conversation-id="order-1"></talk-chatbox>
        </${innerTag}>
      </talk-session>
    `);
    const chatboxEl = outer.querySelector('talk-chatbox')!;
    // Until the inner provider exists, the outer one is the nearest.
    await until(() => ready(chatboxEl), 'the chatbox on the outer session');
    const first = fakeBox(chatboxEl)!;
    expect(first.session).to.equal(outer.session);

    customElements.define(tag, class extends TalkSessionElement {});
    const inner = outer.querySelector(tag) as TalkSessionElement;
    expect(inner).to.be.instanceOf(TalkSessionElement);

    await until(() => inner.session !== undefined && ready(chatboxEl) && fakeBox(chatboxEl)!.session === inner.session, 'the chatbox on the inner session');
    expect(inner.session!.me.id).to.equal('bob');
    expect(first.isAlive, 'the chatbox on the outer session is destroyed').to.equal(false);
    expect(fake.callsTo('destroy', first)).to.have.length(1);
    expect(outer.session!.isAlive, 'the outer session stays').to.equal(true);
    expect(fake.live()).to.deep.include({ sessions: 2, chatboxes: 1 });
    expect(fake.chatboxes).to.have.length(2);
  });
});

describe('context: the session property', () => {
  it('a session set on a <talk-chatbox> outside any <talk-session> is used, and not destroyed with the chatbox', async () => {
    fake = sampleFake();
    const session = new fake.Session({ appId: 'tTEST', userId: 'alice' });
    owned.push(session);
    const chatboxEl = await fixture<TalkChatboxElement>(html`<talk-chatbox conversation-id="order-1" .session=${session}></talk-chatbox>`);
    await until(() => ready(chatboxEl), 'the chatbox to be ready');

    expect(fake.sessions, 'the kit makes no session of its own').to.deep.equal([session]);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(session);
    const box = fake.chatboxes[0]!;

    chatboxEl.remove();
    await nextTask();
    await nextTask();
    expect(box.isAlive, 'the chatbox is destroyed').to.equal(false);
    expect(fake.callsTo('destroy', box)).to.have.length(1);
    expect(session.isAlive, 'the given session is not the kit’s to destroy').to.equal(true);
    expect(fake.callsTo('destroy', session)).to.have.length(0);
    session.destroy();
  });

  it('the session property wins over the nearest <talk-session>', async () => {
    fake = sampleFake();
    const bobSession = new fake.Session({ appId: 'tTEST', userId: 'bob' });
    owned.push(bobSession);
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-chatbox conversation-id="order-1" .session=${bobSession}></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = sessionEl.querySelector('talk-chatbox')!;
    await until(() => sessionEl.session !== undefined && ready(chatboxEl), 'the session and the chatbox');
    await nextTask();

    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(bobSession);
    expect(fake.callsTo('createChatbox', sessionEl.session)).to.have.length(0);

    sessionEl.remove();
    await nextTask();
    await nextTask();
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
    expect(bobSession.isAlive).to.equal(true);
    bobSession.destroy();
  });
});

describe('context: moving chatboxes', () => {
  it('moved to another <talk-session> in one task: recreated on the new session, the old chatbox destroyed', async () => {
    fake = sampleFake();
    const root = await fixture<HTMLElement>(html`
      <div>
        <talk-session id="a" app-id="tTEST" user-id="alice" .sdk=${fake}>
          <talk-chatbox conversation-id="order-1"></talk-chatbox>
        </talk-session>
        <talk-session id="b" app-id="tTEST" user-id="bob" .sdk=${fake}></talk-session>
      </div>
    `);
    const a = root.querySelector<TalkSessionElement>('#a')!;
    const b = root.querySelector<TalkSessionElement>('#b')!;
    const chatboxEl = root.querySelector('talk-chatbox')!;
    await until(() => a.session !== undefined && b.session !== undefined && ready(chatboxEl), 'both sessions and the chatbox');
    const first = fakeBox(chatboxEl)!;
    expect(first.session).to.equal(a.session);

    b.append(chatboxEl);
    await until(() => ready(chatboxEl) && fakeBox(chatboxEl)!.session === b.session, 'the chatbox on session b');
    await nextTask();

    expect(first.isAlive).to.equal(false);
    expect(fake.callsTo('destroy', first)).to.have.length(1);
    expect(fake.callsTo('createChatbox', a.session)).to.have.length(1);
    expect(fake.callsTo('createChatbox', b.session)).to.have.length(1);
    expect(fake.live()).to.deep.include({ sessions: 2, chatboxes: 1 });
    expect(a.session!.isAlive && b.session!.isAlive, 'both sessions stay').to.equal(true);
  });

  it('moved within the same <talk-session>: the same chatbox is kept', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <div id="one"><talk-chatbox conversation-id="order-1"></talk-chatbox></div>
        <div id="two"></div>
      </talk-session>
    `);
    const chatboxEl = sessionEl.querySelector('talk-chatbox')!;
    await until(() => ready(chatboxEl), 'the chatbox to be ready');
    const first = fakeBox(chatboxEl)!;

    sessionEl.querySelector('#two')!.append(chatboxEl);
    await nextTask();
    await nextTask();

    expect(chatboxEl.chatbox).to.equal(first);
    expect(first.isAlive).to.equal(true);
    expect(fake.callsTo('destroy', first)).to.have.length(0);
    expect(fake.callsTo('createChatbox')).to.have.length(1);
    expect(chatboxEl.status).to.equal('ready');
  });
});

describe('context: the key', () => {
  const SHARED_KEY = Symbol.for('talkjs-elements/session@1');

  it('sessionContext is the registered symbol talkjs-elements/session@1', () => {
    expect(sessionContext).to.equal(SHARED_KEY);
    expect(typeof sessionContext).to.equal('symbol');
  });

  it('a consumer from another copy of the kit (its own createContext of the same key) gets the session of <talk-session>', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><div id="other-copy"></div></talk-session>
    `);
    await until(() => sessionEl.session !== undefined, 'the session');
    const otherCopyContext = createContext<SessionContextValue>(Symbol.for('talkjs-elements/session@1'));
    const received: SessionContextValue[] = [];
    const consumer = sessionEl.querySelector<HTMLElement>('#other-copy')!;
    // A bare `context-request` event, as the community protocol defines it (no @lit/context class).
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: otherCopyContext,
      contextTarget: consumer,
      callback: (value: SessionContextValue) => received.push(value),
      subscribe: false,
    });
    consumer.dispatchEvent(request);
    expect(received).to.have.length(1);
    expect(received[0]!.status).to.equal('ready');
    expect(received[0]!.session).to.equal(fake.sessions[0]);
  });

  it('a provider from another copy of the kit (same key) serves <talk-chatbox>', async () => {
    fake = sampleFake();
    const session = new fake.Session({ appId: 'tTEST', userId: 'alice' });
    owned.push(session);
    const otherCopyContext = createContext<SessionContextValue>(Symbol.for('talkjs-elements/session@1'));
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const providerHost = document.createElement('div');
    root.append(providerHost);
    const provider = new ContextProvider(providerHost, { context: otherCopyContext, initialValue: { status: 'ready', session, sdk: fake } });
    provider.hostConnected();
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.conversationId = 'order-1';
    providerHost.append(chatboxEl);

    await until(() => ready(chatboxEl), 'the chatbox to be ready');
    expect(fake.sessions).to.deep.equal([session]);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(session);

    chatboxEl.remove();
    await nextTask();
    await nextTask();
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
    session.destroy();
  });
});

describe('context: session replaced', () => {
  it('user-id change: the chatbox ends on the new session, its old chatbox destroyed before the old session, never alive on a dead session', async () => {
    fake = sampleFake();
    const f = fake;
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${f}>
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = sessionEl.querySelector('talk-chatbox')!;
    await until(() => {
      expectNoOrphanChatbox(f, 'while starting');
      return ready(chatboxEl);
    }, 'the chatbox to be ready');
    const firstSession = f.sessions[0]!;
    const firstBox = fakeBox(chatboxEl)!;
    expectNoOrphanChatbox(f, 'ready');

    sessionEl.userId = 'bob';
    expectNoOrphanChatbox(f, 'right after the change');
    await sessionEl.updateComplete;
    expectNoOrphanChatbox(f, 'after the session update');
    await until(() => {
      expectNoOrphanChatbox(f, 'while recreating');
      return sessionEl.session !== undefined && sessionEl.session !== firstSession && ready(chatboxEl) && chatboxEl.chatbox !== firstBox;
    }, 'the chatbox on the new session');
    await nextTask();
    expectNoOrphanChatbox(f, 'after recreating');

    const secondSession = f.sessions[1]!;
    expect(f.sessions).to.have.length(2);
    expect(secondSession.me.id).to.equal('bob');
    expect(sessionEl.session).to.equal(secondSession);
    expect(fakeBox(chatboxEl)!.session).to.equal(secondSession);
    expect(firstSession.isAlive).to.equal(false);
    expect(firstBox.isAlive).to.equal(false);
    expect(f.live()).to.deep.include({ sessions: 1, chatboxes: 1 });

    // The kit destroyed the old chatbox itself, before the old session; the new session and
    // chatbox came after.
    const boxDestroyed = callIndex(f, firstBox, 'destroy');
    const sessionDestroyed = callIndex(f, firstSession, 'destroy');
    const sessionCreated = callIndex(f, secondSession, 'constructor');
    const boxCreated = callIndex(f, secondSession, 'createChatbox');
    expect(boxDestroyed, 'old chatbox destroy() called by the kit').to.be.greaterThan(-1);
    expect(boxDestroyed, 'old chatbox destroyed before its session').to.be.lessThan(sessionDestroyed);
    expect(sessionDestroyed, 'old session destroyed before the new one is created').to.be.lessThan(sessionCreated);
    expect(sessionCreated).to.be.lessThan(boxCreated);
    expect(errors.events, 'no talk-error').to.have.length(0);
  });
});
