/**
 * With the real SDK: what the kit does where the `talkjs` declarations promise less than a
 * lenient fake would (the items of "Faithful to the real SDK" that no other concern file owns):
 * `sdk` set to the package's stub before talk.js has loaded, a user the app does not know,
 * credentials TalkJS rejects, and the user created before any UI mounts. Runs under both
 * readings of the fake (see test/helpers.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkChatboxElement, TalkSessionElement } from '../src/index.js';
import { captureConsole, createFakeTalk, expectNoLeaks, nextTask, recordEvents, sampleData, sampleFake, slots, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

/** A session with `attributes` on `fake` and a chatbox on order-1 inside it. */
async function sessionWithChatbox(attributes: string) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  // Attributes as markup, as a CMS page would have them.
  const template = document.createElement('template');
  template.innerHTML = `<talk-session ${attributes}><talk-chatbox conversation-id="order-1"></talk-chatbox></talk-session>`;
  const sessionEl = template.content.firstElementChild as TalkSessionElement;
  sessionEl.sdk = fake;
  wrapper.append(sessionEl);
  const chatboxEl = sessionEl.querySelector('talk-chatbox') as TalkChatboxElement;
  return { sessionEl, chatboxEl };
}

describe('real SDK: sdk is the talkjs package stub before talk.js has loaded (item 1)', () => {
  it('a stub holding only { v, ready } is accepted: no talk-error, the session starts once ready resolves', async () => {
    fake = createFakeTalk({ ...sampleData, ready: 'manual' });
    expect(fake.Session, 'the stub has no Session before load').to.equal(undefined);
    const events = recordEvents(document, ['talk-error', 'talk-session-ready', 'talk-ready'], { untilTestEnds: true });
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="alice"');
    await nextTask();
    expect(events.of('talk-error'), 'no talk-error for the stub').to.have.length(0);
    expect(sessionEl.status).to.equal('loading');
    expect(chatboxEl.status).to.equal('loading');

    fake.resolveReady();
    await until(() => chatboxEl.status === 'ready', 'the chatbox mounted after load');
    expect(events.of('talk-session-ready')).to.have.length(1);
    expect(fake.sessions).to.have.length(1);
    expect(events.of('talk-error')).to.have.length(0);
  });

  it('an sdk whose ready resolves to something that is no Talk namespace: one invalid-attribute naming sdk', async () => {
    fake = sampleFake();
    const console = captureConsole({ untilTestEnds: true });
    const events = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" .sdk=${{ ready: Promise.resolve() } as never}></talk-session>`,
    );
    await until(() => sessionEl.status === 'error', 'status error');
    expect(events.of('talk-error').map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'sdk']]);
    expect(console.errors).to.have.length(1);
    expect(String(console.errors[0]![0])).to.contain('<talk-session>').and.contain('sdk');
  });
});

describe('real SDK: a user-id the app does not know (item 7)', () => {
  it('one talk-error unknown-user naming the user and how to create it; no UI is created; the chatbox shows its error state', async () => {
    fake = sampleFake();
    const console = captureConsole({ untilTestEnds: true });
    const events = recordEvents(document, ['talk-error', 'talk-session-ready', 'talk-ready'], { untilTestEnds: true });
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="dave"');
    await until(() => sessionEl.status === 'error', 'session status error');
    await until(() => chatboxEl.status === 'error', 'chatbox status error, not an endless loading state');
    const errors = events.of('talk-error');
    expect(errors.map((e) => [e.detail.code, e.detail.attribute, e.target])).to.deep.equal([['unknown-user', 'user-id', sessionEl]]);
    expect(errors[0]!.detail.message).to.contain('"dave"').and.contain('user-name').and.contain('syncUser');
    expect(console.errors, 'one console message').to.have.length(1);
    expect(String(console.errors[0]![0])).to.contain('<talk-session>').and.contain('user-id');
    expect(fake.callsTo('get', fake.sessions[0]!.currentUser), 'looked the user up').to.have.length(1);
    expect(fake.callsTo('createChatbox'), 'no UI for a user that does not exist').to.have.length(0);
    expect(events.of('talk-session-ready')).to.have.length(0);
    expect(sessionEl.session).to.equal(undefined);
    expect(slots(chatboxEl).error.hidden).to.equal(false);
  });

  it('the same user-id with user-name: the kit creates the user (currentUser.set) before the chatbox mounts', async () => {
    fake = sampleFake();
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="dave" user-name="Dave"');
    await until(() => chatboxEl.status === 'ready', 'the chatbox mounted');
    const session = fake.sessions[0]!;
    expect(session.options.me, 'the recommended path: userId, not me').to.equal(undefined);
    expect(session.options.userId).to.equal('dave');
    const set = fake.calls.findIndex((call) => call.object === session.currentUser && call.method === 'set');
    const create = fake.calls.findIndex((call) => call.method === 'createChatbox');
    expect(set, 'currentUser.set() called').to.be.greaterThan(-1);
    expect(set, 'the user is written before any UI is created').to.be.lessThan(create);
    expect(fake.callsTo('set', session.currentUser)[0]!.args).to.deep.equal([{ name: 'Dave' }]);
    expect(fake.backend.users.get('dave')?.name).to.equal('Dave');
    expect(sessionEl.session).to.equal(session);
  });

  it('a user created later (user-name added) recovers: a new attempt, then ready', async () => {
    fake = sampleFake();
    captureConsole({ untilTestEnds: true });
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="dave"');
    await until(() => chatboxEl.status === 'error', 'chatbox error');
    sessionEl.setAttribute('user-name', 'Dave');
    await until(() => chatboxEl.status === 'ready', 'the chatbox mounted once the user exists');
    expect(fake.live().sessions).to.equal(1);
  });
});

describe('real SDK: credentials TalkJS rejects (item 10)', () => {
  it('hasValidCredentials() false: one talk-error invalid-credentials naming app-id and the token source; UIs in their error state', async () => {
    fake = sampleFake({ validCredentials: false });
    const console = captureConsole({ untilTestEnds: true });
    const events = recordEvents(document, ['talk-error', 'talk-session-ready', 'talk-ready'], { untilTestEnds: true });
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tWRONG" user-id="alice" token="eyJ.bad.token"');
    await until(() => chatboxEl.status === 'error', 'chatbox error, not a dead chat');
    const errors = events.of('talk-error');
    expect(errors.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-credentials', 'app-id']]);
    expect(errors[0]!.detail.message).to.contain('app-id="tWRONG"').and.contain('token');
    expect(console.errors).to.have.length(1);
    expect(fake.callsTo('hasValidCredentials')).to.have.length(1);
    expect(fake.live().sessions, 'the rejected session is destroyed').to.equal(0);
    expect(fake.callsTo('createChatbox')).to.have.length(0);
    expect(events.of('talk-session-ready')).to.have.length(0);
    expect(sessionEl.status).to.equal('error');
  });

  it('fixed credentials (a new token): a new session, checked again, and the chat mounts', async () => {
    fake = sampleFake({ validCredentials: false });
    captureConsole({ untilTestEnds: true });
    const { sessionEl, chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="alice" token="old"');
    await until(() => chatboxEl.status === 'error', 'chatbox error');
    fake.validCredentials = true;
    sessionEl.setAttribute('token', 'new');
    await until(() => chatboxEl.status === 'ready', 'mounted on the new session');
    expect(fake.callsTo('hasValidCredentials')).to.have.length(2);
    expect(fake.live().sessions).to.equal(1);
  });

  it('valid credentials: hasValidCredentials() is asked once per session and the UI mounts after the answer', async () => {
    fake = sampleFake();
    const { chatboxEl } = await sessionWithChatbox('app-id="tTEST" user-id="alice"');
    await until(() => chatboxEl.status === 'ready', 'mounted');
    const asked = fake.calls.findIndex((call) => call.method === 'hasValidCredentials');
    const create = fake.calls.findIndex((call) => call.method === 'createChatbox');
    expect(asked).to.be.greaterThan(-1);
    expect(asked).to.be.lessThan(create);
    expect(fake.callsTo('hasValidCredentials')).to.have.length(1);
  });
});
