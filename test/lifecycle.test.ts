/**
 * Lifecycle races and leaks: removal or changes while the SDK or a mount is pending, repeated
 * connect/disconnect/move cycles, a session destroyed behind a UI's back, and every SDK object
 * destroyed with its element.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type Talk from 'talkjs';
import type { TalkChatboxElement, TalkInboxElement, TalkPopupElement, TalkSessionElement } from '../src/index.js';
import { FakeChatbox } from '../src/testing/index.js';
import {
  anotherFake,
  expectNoLeaks,
  nextTask,
  onCleanup,
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

/**
 * Holds every fake chatbox's `mount()` promise until `open()` (the call itself runs and is
 * recorded at once): the mount stays pending across tasks, as the real SDK's iframe load does.
 */
function gateChatboxMounts(): { open(): void } {
  const original = FakeChatbox.prototype.mount;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  FakeChatbox.prototype.mount = function (this: FakeChatbox, container: HTMLElement | null): Promise<void> {
    return original.call(this, container).then(() => gate);
  };
  onCleanup(() => {
    FakeChatbox.prototype.mount = original;
    release();
  });
  return { open: () => release() };
}

/** A `<talk-session>` for alice on `f` holding a `<talk-chatbox conversation-id="order-1">`. */
async function sessionWithChatbox(f: FakeTalk): Promise<{ el: TalkSessionElement; chatboxEl: TalkChatboxElement }> {
  const el = await fixture<TalkSessionElement>(html`
    <talk-session .sdk=${f} app-id="tAPP" user-id="alice">
      <talk-chatbox conversation-id="order-1"></talk-chatbox>
    </talk-session>
  `);
  return { el, chatboxEl: el.querySelector('talk-chatbox')! };
}

describe('lifecycle: ready still pending', () => {
  /** Resolves `f`'s pending ready and lets two tasks pass. */
  async function resolveReadyAndSettle(f: FakeTalk): Promise<void> {
    f.resolveReady();
    await f.ready;
    await nextTask();
    await nextTask();
  }

  it('removed while ready is pending: no session is ever created', async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    const events = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
    el.remove();
    await nextTask();
    await resolveReadyAndSettle(fake);
    expect(fake.sessions).to.have.length(0);
    expect(fake.callsTo('constructor')).to.have.length(0);
    expect(el.session).to.equal(undefined);
    expect(events.events).to.have.length(0);
  });

  it('removed, and ready resolves in the same task (before the removal is final): no session', async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    el.remove();
    await resolveReadyAndSettle(fake);
    expect(fake.sessions).to.have.length(0);
    expect(fake.callsTo('constructor')).to.have.length(0);
  });

  it('user-id changed while ready is pending: exactly one session, for the new user', async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    await nextTask();
    el.setAttribute('user-id', 'bob');
    await nextTask();
    expect(fake.calls).to.have.length(0);
    fake.resolveReady();
    await until(() => el.session !== undefined, 'the session');
    await nextTask();
    await nextTask();
    expect(fake.sessions).to.have.length(1);
    expect(sessionConstructors(fake)).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tAPP', userId: 'bob' });
    expect(el.session).to.equal(fake.sessions[0]);
    expect(fake.calls.some((call) => call.method === 'constructor' && (call.args[0] as Talk.SessionOptions)?.userId === 'alice')).to.equal(false);
  });

  it('sdk swapped while the first fake is still pending: the session is made on the second fake only', async () => {
    fake = sampleFake({ ready: 'manual' });
    const second = anotherFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`<talk-session .sdk=${fake} app-id="tAPP" user-id="alice"></talk-session>`);
    await nextTask();
    el.sdk = second;
    await nextTask();
    // The stale fake becomes ready first: nothing may happen on it.
    await resolveReadyAndSettle(fake);
    expect(fake.calls, 'calls on the first fake').to.have.length(0);
    expect(second.calls).to.have.length(0);
    expect(el.session).to.equal(undefined);

    second.resolveReady();
    await until(() => el.session !== undefined, 'the session on the second fake');
    await nextTask();
    expect(second.sessions).to.have.length(1);
    expect(el.session).to.equal(second.sessions[0]);
    expect(fake.sessions).to.have.length(0);
    expect(fake.calls).to.have.length(0);
  });
});

describe('lifecycle: removal while mounting', () => {
  it('session element removed while its UIs are still mounting: no talk-ready, everything destroyed', async () => {
    fake = sampleFake();
    const gate = gateChatboxMounts();
    const host = await fixture<HTMLDivElement>(html`
      <div>
        <talk-session .sdk=${fake} app-id="tAPP" user-id="alice">
          <talk-chatbox conversation-id="order-1"></talk-chatbox>
          <talk-chatbox conversation-id="order-2"></talk-chatbox>
        </talk-session>
      </div>
    `);
    const el = host.querySelector('talk-session')!;
    const chatboxes = [...host.querySelectorAll('talk-chatbox')];
    const atDocument = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    const atElements = chatboxes.map((chatbox) => recordEvents(chatbox, ['talk-ready'], { untilTestEnds: true }));
    await until(() => el.session !== undefined && fake!.callsTo('mount').length === 2, 'both mounts called');
    el.remove();
    await nextTask();
    await nextTask();
    gate.open();
    await nextTask();
    await nextTask();
    expect(atDocument.events, 'talk-ready at document').to.have.length(0);
    expect(
      atElements.flatMap((r) => r.events),
      'talk-ready on the chatbox elements',
    ).to.have.length(0);
    expect(fake.chatboxes).to.have.length(2);
    expect(fake.chatboxes.every((chatbox) => !chatbox.isAlive)).to.equal(true);
    expect(fake.live().total).to.equal(0);
    for (const chatbox of chatboxes) expect((chatbox as TalkChatboxElement).chatbox).to.equal(undefined);
  });

  it('session element removed right after talk-session-ready (ungated mounts): no talk-ready reaches document, nothing left alive', async () => {
    fake = sampleFake();
    const atDocument = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    let removed = false;
    const onReady = (event: Event) => {
      (event.target as Element).remove();
      removed = true;
    };
    document.addEventListener('talk-session-ready', onReady);
    onCleanup(() => document.removeEventListener('talk-session-ready', onReady));
    await fixture<HTMLDivElement>(html`
      <div>
        <talk-session .sdk=${fake} app-id="tAPP" user-id="alice">
          <talk-chatbox conversation-id="order-1"></talk-chatbox>
          <talk-inbox></talk-inbox>
        </talk-session>
      </div>
    `);
    await until(() => removed, 'talk-session-ready');
    // The removal happened inside the SDK-ready chain, whose timers may be clamped: wait for the outcome.
    await until(() => fake!.live().total === 0, 'everything destroyed');
    await nextTask();
    await nextTask();
    expect(atDocument.events).to.have.length(0);
    expect(fake.sessions).to.have.length(1);
    expect(fake.live().total).to.equal(0);
  });

  it('UI element removed while mounting: its chatbox is destroyed, no talk-ready, the session stays', async () => {
    fake = sampleFake();
    const gate = gateChatboxMounts();
    const { el, chatboxEl } = await sessionWithChatbox(fake);
    const atChatbox = recordEvents(chatboxEl, ['talk-ready'], { untilTestEnds: true });
    const atDocument = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    await until(() => fake!.callsTo('mount').length === 1, 'mount called');
    const session = el.session!;
    const chatbox = fake.chatboxes[0]!;
    chatboxEl.remove();
    await nextTask();
    await nextTask();
    expect(chatbox.isAlive).to.equal(false);
    expect(fake.callsTo('destroy', chatbox)).to.have.length(1);
    gate.open();
    await nextTask();
    await nextTask();
    expect(atChatbox.events).to.have.length(0);
    expect(atDocument.events).to.have.length(0);
    expect(session.isAlive).to.equal(true);
    expect(el.session).to.equal(session);
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 0 });
    expect(chatboxEl.chatbox).to.equal(undefined);
  });
});

describe('lifecycle: repeated connect, move, disconnect', () => {
  it('20 rounds of append, move and remove: never two live sessions, nothing left at the end', async () => {
    fake = sampleFake();
    const seen = probeSessions(fake);
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <div id="a"></div>
        <div id="b"></div>
      </div>`,
    );
    const a = host.querySelector<HTMLDivElement>('#a')!;
    const b = host.querySelector<HTMLDivElement>('#b')!;
    const shadow = b.attachShadow({ mode: 'open' });
    shadow.append(document.createElement('slot'));
    const el = document.createElement('talk-session');
    el.sdk = fake;
    el.setAttribute('app-id', 'tAPP');
    el.setAttribute('user-id', 'alice');
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.setAttribute('conversation-id', 'order-1');
    el.append(chatboxEl);

    const maxLive: number[] = [];
    const check = (step: string) => {
      const live = fake!.live();
      maxLive.push(live.sessions);
      expect(live.sessions, `live sessions after ${step}`).to.be.at.most(1);
      expect(live.chatboxes, `live chatboxes after ${step}`).to.be.at.most(1);
    };

    for (let round = 0; round < 20; round++) {
      a.append(el);
      check(`round ${round}: append`);
      if (round % 2 === 0) {
        await nextTask();
        check(`round ${round}: append + task`);
      }
      (round % 4 === 1 ? shadow : b).append(el);
      check(`round ${round}: move`);
      if (round % 3 === 0) {
        await nextTask();
        check(`round ${round}: move + task`);
      }
      el.remove();
      check(`round ${round}: remove`);
      if (round % 2 === 1) {
        await nextTask();
        check(`round ${round}: remove + task`);
      }
    }
    // Settle connected: exactly one session and one chatbox, mounted.
    a.append(el);
    await until(() => el.session !== undefined && chatboxEl.status === 'ready', 'the final session and chatbox');
    await nextTask();
    check('final append');
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 1 });
    expect(el.session!.isAlive).to.equal(true);
    expect(chatboxEl.chatbox?.isAlive).to.equal(true);

    el.remove();
    await nextTask();
    await nextTask();
    expect(fake.live().total, 'live objects after the last removal').to.equal(0);
    expect(
      seen.every((n) => n === 0),
      `live sessions at each construction: ${seen.join(',')}`,
    ).to.equal(true);
    expect(Math.max(...maxLive)).to.be.at.most(1);
  });
});

describe('lifecycle: session destroyed behind the UI', () => {
  it('the UI does not call into the dead session, and mounts on the next one', async () => {
    fake = sampleFake();
    const { el, chatboxEl } = await sessionWithChatbox(fake);
    // The session becomes ready (credentials and user checked) a few microtasks after the
    // fixture: record from the first chatbox's mount on, so only later events count.
    await until(() => chatboxEl.status === 'ready' && fake!.chatboxes[0]?.mounted === true, 'the first chatbox mounted');
    const events = recordEvents(chatboxEl, ['talk-ready', 'talk-error'], { untilTestEnds: true });
    const dead = fake.sessions[0]!;
    const deadChatbox = fake.chatboxes[0]!;

    dead.destroy();
    expect(dead.isAlive).to.equal(false);
    const mark = fake.calls.length;
    // Prod the UI: live updates and an option change that would recreate it.
    chatboxEl.setAttribute('conversation-id', 'order-2');
    chatboxEl.setAttribute('highlighted-words', 'shipped');
    chatboxEl.setAttribute('show-chat-header', 'false');
    await chatboxEl.updateComplete;
    await nextTask();
    await nextTask();
    const afterDeath = fake.calls.slice(mark);
    expect(
      afterDeath.filter((call) => call.object === dead || call.object === deadChatbox || call.target.startsWith(`${dead.label}.`)),
      'calls into the dead session or its chatbox',
    ).to.deep.equal([]);
    expect(fake.callsTo('createChatbox')).to.have.length(1);
    expect(events.of('talk-error')).to.have.length(0);
    expect(events.of('talk-ready')).to.have.length(0);

    el.setAttribute('user-id', 'bob');
    await until(() => fake!.sessions.length === 2 && events.of('talk-ready').length === 1, 'talk-ready on the new session');
    const fresh = fake.sessions[1]!;
    expect(fresh.isAlive).to.equal(true);
    expect(fake.callsTo('createChatbox', fresh)).to.have.length(1);
    expect(fake.callsTo('createChatbox', dead)).to.have.length(1); // only the first one, before its death
    const chatbox = fake.chatboxes[1]!;
    expect(chatboxEl.chatbox).to.equal(chatbox);
    expect(chatbox.isAlive).to.equal(true);
    expect(chatbox.mounted).to.equal(true);
    expect(chatbox.selected).to.equal('order-2');
    expect(chatbox.options).to.deep.include({ showChatHeader: false });
    expect((events.of('talk-ready')[0]!.detail as { chatbox: unknown }).chatbox).to.equal(chatbox);
    expect(chatboxEl.status).to.equal('ready');
    expect(events.of('talk-error')).to.have.length(0);
  });
});

describe('lifecycle: every SDK object is destroyed with its element', () => {
  it('chatbox, inbox and popup inside a session, removed one by one, then the session', async () => {
    fake = sampleFake();
    const el = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${fake} app-id="tAPP" user-id="alice">
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
        <talk-inbox></talk-inbox>
        <talk-popup conversation-id="order-2"></talk-popup>
      </talk-session>
    `);
    const chatboxEl = el.querySelector('talk-chatbox')!;
    const inboxEl = el.querySelector<TalkInboxElement>('talk-inbox')!;
    const popupEl = el.querySelector<TalkPopupElement>('talk-popup')!;
    await until(() => [chatboxEl, inboxEl, popupEl].every((ui) => ui.status === 'ready'), 'the three UIs mounted');
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 1, inboxes: 1, popups: 1 });
    const [chatbox, inbox, popup] = [fake.chatboxes[0]!, fake.inboxes[0]!, fake.popups[0]!];

    chatboxEl.remove();
    await nextTask();
    expect(chatbox.isAlive).to.equal(false);
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 0, inboxes: 1, popups: 1 });

    inboxEl.remove();
    await nextTask();
    expect(inbox.isAlive).to.equal(false);
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 0, inboxes: 0, popups: 1 });

    popupEl.remove();
    await nextTask();
    expect(popup.isAlive).to.equal(false);
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 0, inboxes: 0, popups: 0 });
    expect(fake.callsTo('destroy', chatbox)).to.have.length(1);
    expect(fake.callsTo('destroy', inbox)).to.have.length(1);
    expect(fake.callsTo('destroy', popup)).to.have.length(1);

    const session = el.session!;
    el.remove();
    await nextTask();
    expect(session.isAlive).to.equal(false);
    expect(fake.live().total).to.equal(0);
  });
});
