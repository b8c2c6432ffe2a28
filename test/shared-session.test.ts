/**
 * Separate embeds, one connection: `<talk-session>` elements with the same `sdk`, app, user and
 * credentials share one `Talk.Session`, reference-counted; different credentials never share.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkChatboxElement, TalkSessionElement } from '../src/index.js';
import { expectNoLeaks, nextTask, recordEvents, sampleFake, sessionConstructors, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

/** Two blocks pasted into a CMS page: a header with a badge and a body with a chatbox, each in its own <talk-session>. */
async function twoBlocks(first: Record<string, string>, second: Record<string, string>) {
  const page = await fixture<HTMLDivElement>(html`<div></div>`);
  const make = (attributes: Record<string, string>) => {
    const sessionEl = document.createElement('talk-session') as TalkSessionElement;
    for (const [name, value] of Object.entries(attributes)) sessionEl.setAttribute(name, value);
    sessionEl.sdk = fake;
    return sessionEl;
  };
  const header = make(first);
  header.append(document.createElement('talk-unread-badge'));
  const body = make(second);
  const chatbox = document.createElement('talk-chatbox') as TalkChatboxElement;
  chatbox.setAttribute('conversation-id', 'order-1');
  body.append(chatbox);
  page.append(header, body);
  await until(() => header.status === 'ready' && body.status === 'ready' && chatbox.status === 'ready', 'both blocks ready');
  return { page, header, body, chatbox };
}

describe('shared sessions', () => {
  it('same sdk, app, user and token: one Talk.Session for both elements, checked once', async () => {
    fake = sampleFake();
    const { header, body } = await twoBlocks({ 'app-id': 'tTEST', 'user-id': 'alice', token: 't1' }, { 'app-id': 'tTEST', 'user-id': 'alice', token: 't1' });
    expect(sessionConstructors(fake), 'Session constructors').to.have.length(1);
    expect(header.session).to.equal(body.session);
    expect(fake.callsTo('hasValidCredentials')).to.have.length(1);
    expect(fake.callsTo('onChange', fake.sessions[0]!.unreads), 'one unreads.onChange per session').to.have.length(1);
  });

  it('each element still dispatches the session events on itself (one talk-message each)', async () => {
    fake = sampleFake();
    const { header, body } = await twoBlocks({ 'app-id': 'tTEST', 'user-id': 'alice' }, { 'app-id': 'tTEST', 'user-id': 'alice' });
    const onHeader = recordEvents(header, ['talk-message'], { untilTestEnds: true });
    const onBody = recordEvents(body, ['talk-message'], { untilTestEnds: true });
    fake.backend.sendMessage('order-1', 'bob', 'Hi');
    await until(() => onHeader.events.length === 1 && onBody.events.length === 1, 'one talk-message on each');
    expect(onHeader.events[0]!.target).to.equal(header);
    expect(onBody.events[0]!.target).to.equal(body);
  });

  it('reference-counted: removing one block keeps the session for the other; removing the last destroys it', async () => {
    fake = sampleFake();
    const { header, body, chatbox } = await twoBlocks({ 'app-id': 'tTEST', 'user-id': 'alice' }, { 'app-id': 'tTEST', 'user-id': 'alice' });
    const session = fake.sessions[0]!;
    header.remove();
    await nextTask();
    await nextTask();
    expect(session.isAlive, 'still held by the body').to.equal(true);
    expect(chatbox.status).to.equal('ready');
    expect(body.session).to.equal(session);
    body.remove();
    await nextTask();
    await nextTask();
    expect(session.isAlive).to.equal(false);
  });

  it('different credentials never share: another token, another user or another app id each get their own session', async () => {
    fake = sampleFake();
    await twoBlocks({ 'app-id': 'tTEST', 'user-id': 'alice', token: 't1' }, { 'app-id': 'tTEST', 'user-id': 'alice', token: 't2' });
    expect(sessionConstructors(fake)).to.have.length(2);
    expect(fake.live().sessions).to.equal(2);
  });

  it('a token endpoint asked once for both blocks started together: one request, one session', async () => {
    fake = sampleFake();
    const requests: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      requests.push(String(input));
      return realFetch(input, init);
    };
    try {
      await twoBlocks(
        { 'app-id': 'tTEST', 'user-id': 'alice', 'token-endpoint': '/test-api/token?scenario=shared-blocks' },
        { 'app-id': 'tTEST', 'user-id': 'alice', 'token-endpoint': '/test-api/token?scenario=shared-blocks' },
      );
    } finally {
      window.fetch = realFetch;
    }
    expect(
      requests.filter((url) => url.includes('/test-api/token')),
      'token requests',
    ).to.have.length(1);
    expect(sessionConstructors(fake)).to.have.length(1);
  });

  it('a user-id change on one block moves it to its own session; the other keeps the shared one', async () => {
    fake = sampleFake();
    const { header, body } = await twoBlocks({ 'app-id': 'tTEST', 'user-id': 'alice' }, { 'app-id': 'tTEST', 'user-id': 'alice' });
    const first = fake.sessions[0]!;
    header.setAttribute('user-id', 'bob');
    await until(() => header.status === 'ready' && header.session !== first, 'the header on its own session');
    expect(first.isAlive).to.equal(true);
    expect(body.session).to.equal(first);
    expect(fake.live().sessions).to.equal(2);
  });
});
