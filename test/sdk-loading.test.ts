/**
 * Loading the SDK: the kit does not touch `Talk` on import, waits for `ready` (loading state),
 * reports `sdk-load-failed` when `ready` does not settle within `load-timeout` or the CDN script
 * fails, and retries cleanly afterwards.
 *
 * The last test uses the real default SDK (the `talkjs` package), which defines `window.Talk` and
 * injects the CDN script: it must stay last in this file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkChatboxElement, TalkInboxElement, TalkSessionElement } from '../src/index.js';
import { captureConsole, createFakeTalk, expectNoLeaks, nextTask, recordEvents, recordTimers, sampleFake, slots, until, type FakeTalk } from './helpers.js';

const TALK_SCRIPT = 'script[src="https://cdn.talkjs.com/talk.js"]';

let fake: FakeTalk | undefined;

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

describe('SDK loading', () => {
  it('importing the kit does not touch Talk: no window.Talk, no talk.js script', () => {
    // '../src/index.js' is imported (through ./helpers.js) and every element is defined.
    expect(customElements.get('talk-session')).to.be.a('function');
    expect(customElements.get('talk-chatbox')).to.be.a('function');
    expect('Talk' in window, 'window.Talk exists').to.equal(false);
    expect((window as unknown as { Talk?: unknown }).Talk).to.equal(undefined);
    expect(document.querySelector(TALK_SCRIPT)).to.equal(null);
  });

  it("a fake whose ready is pending: status 'loading' and the loading slots until resolveReady()", async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${fake} app-id="tAPP" user-id="alice">
        <talk-chatbox conversation-id="order-1"><span slot="loading">Loading chat…</span></talk-chatbox>
        <talk-inbox><span slot="loading">Loading inbox…</span></talk-inbox>
      </talk-session>
    `);
    const chatboxEl = el.querySelector<TalkChatboxElement>('talk-chatbox')!;
    const inboxEl = el.querySelector<TalkInboxElement>('talk-inbox')!;
    await chatboxEl.updateComplete;
    await inboxEl.updateComplete;
    await nextTask();
    await nextTask();
    expect(el.status).to.equal('loading');
    expect(el.session).to.equal(undefined);
    for (const ui of [chatboxEl, inboxEl]) {
      expect(ui.status, `<${ui.localName}> status`).to.equal('loading');
      expect(slots(ui).loading.hidden, `<${ui.localName}> loading slot hidden`).to.equal(false);
      expect(slots(ui).error.hidden, `<${ui.localName}> error slot hidden`).to.equal(true);
    }
    expect(fake.calls).to.deep.equal([]);

    fake.resolveReady();
    await until(() => chatboxEl.status === 'ready' && inboxEl.status === 'ready', 'the UIs mounted');
    expect(el.status).to.equal('ready');
    expect(el.session).to.equal(fake.sessions[0]);
    for (const ui of [chatboxEl, inboxEl]) {
      expect(slots(ui).loading.hidden, `<${ui.localName}> loading slot hidden once ready`).to.equal(true);
      expect(slots(ui).error.hidden).to.equal(true);
    }
  });

  it('ready never settles, load-timeout="200": one sdk-load-failed, error states and slots, no session', async () => {
    fake = createFakeTalk({ ready: 'never' });
    const console = captureConsole({ untilTestEnds: true });
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    // The loader's timers run only when the test says: the load-timeout runs out at `fire()`.
    const loadTimers = recordTimers('sdk-loader', { time: 'manual' });
    const el = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${fake} app-id="tAPP" user-id="alice" load-timeout="200">
        <talk-chatbox conversation-id="order-1"><span slot="error">Chat unavailable</span></talk-chatbox>
        <talk-inbox></talk-inbox>
      </talk-session>
    `);
    const chatboxEl = el.querySelector<TalkChatboxElement>('talk-chatbox')!;
    const inboxEl = el.querySelector<TalkInboxElement>('talk-inbox')!;

    await until(() => loadTimers.timers.length > 0, 'the load-timeout timer');
    await nextTask();
    await nextTask();
    expect(
      loadTimers.timers.map((timer) => timer.delay),
      'timers the loader set: one, for load-timeout',
    ).to.deep.equal([200]);
    expect(errors.events, 'talk-error before load-timeout').to.have.length(0);
    expect(el.status).to.equal('loading');

    loadTimers.timers[0]!.fire();
    await until(() => errors.events.length > 0, 'sdk-load-failed');
    await nextTask();
    await nextTask();
    // Nothing left that could report again: no timer of the loader pending, none set anew.
    expect(
      loadTimers.outstanding().map((timer) => timer.delay),
      'loader timers pending after the failure',
    ).to.deep.equal([]);
    expect(loadTimers.timers, 'timers the loader set').to.have.length(1);
    expect(errors.events, 'talk-error events').to.have.length(1);
    const event = errors.events[0]!;
    expect(event.target).to.equal(el);
    expect(event.detail.code).to.equal('sdk-load-failed');
    expect(event.detail.attribute).to.equal('load-timeout');
    expect(event.detail.message).to.be.a('string').and.contain('talk-session');
    expect(console.errors, 'console errors').to.have.length(1);
    expect(String(console.errors[0]![0])).to.contain('talk-session');

    expect(el.status).to.equal('error');
    expect(el.session).to.equal(undefined);
    for (const ui of [chatboxEl, inboxEl]) {
      expect(ui.status, `<${ui.localName}> status`).to.equal('error');
      expect(slots(ui).error.hidden, `<${ui.localName}> error slot hidden`).to.equal(false);
      expect(slots(ui).loading.hidden, `<${ui.localName}> loading slot hidden`).to.equal(true);
    }
    expect(fake.sessions).to.have.length(0);
    expect(fake.calls).to.deep.equal([]);
  });

  it('after sdk-load-failed, resolveReady() and an attribute change retry cleanly', async () => {
    fake = sampleFake({ ready: 'manual' });
    captureConsole({ untilTestEnds: true });
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const el = await fixture<TalkSessionElement>(html`
      <talk-session .sdk=${fake} app-id="tAPP" user-id="alice" load-timeout="50">
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = el.querySelector<TalkChatboxElement>('talk-chatbox')!;
    await until(() => errors.events.length > 0, 'sdk-load-failed');
    expect(errors.events[0]!.detail.code).to.equal('sdk-load-failed');
    expect(el.status).to.equal('error');
    await until(() => chatboxEl.status === 'error', 'the chatbox in error');

    fake.resolveReady();
    await fake.ready;
    el.setAttribute('user-id', 'bob');
    await until(() => el.session !== undefined && chatboxEl.status === 'ready', 'the session and the chatbox after the retry');
    await nextTask();
    expect(el.status).to.equal('ready');
    expect(fake.sessions).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tAPP', userId: 'bob' });
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.mounted).to.equal(true);
    expect(fake.chatboxes[0]!.selected).to.equal('order-1');
    expect(chatboxEl.chatbox).to.equal(fake.chatboxes[0]);
    expect(slots(chatboxEl).error.hidden).to.equal(true);
    expect(slots(chatboxEl).loading.hidden).to.equal(true);
    expect(errors.of('talk-error').map((e) => e.detail.code)).to.deep.equal(['sdk-load-failed']);
  });

  // Keep last: loads the real `talkjs` package, which defines window.Talk and injects the script.
  it('the default SDK (talkjs package) with no network: sdk-load-failed and the CDN script in <head>', async function () {
    this.timeout(10000);
    captureConsole({ untilTestEnds: true });
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const el = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tAPP" user-id="alice" load-timeout="5000">
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
      </talk-session>
    `);
    const chatboxEl = el.querySelector<TalkChatboxElement>('talk-chatbox')!;
    await until(() => errors.events.length > 0, 'sdk-load-failed', 8000);
    await nextTask();
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.target).to.equal(el);
    expect(errors.events[0]!.detail.code).to.equal('sdk-load-failed');
    expect(errors.events[0]!.detail.attribute).to.equal('load-timeout');
    expect(document.head.querySelector(TALK_SCRIPT), 'the talk.js script in <head>').to.not.equal(null);
    expect(el.status).to.equal('error');
    expect(el.session).to.equal(undefined);
    await until(() => chatboxEl.status === 'error', 'the chatbox in error');
    expect(slots(chatboxEl).error.hidden).to.equal(false);
  });
});
