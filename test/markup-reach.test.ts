/**
 * Markup reach: object-valued options as JSON attributes (the property wins; malformed JSON and
 * "[object Object]" are invalid-attribute), invoker commands (`commandfor`/`command`), and one
 * conversation's unread count on `<talk-unread-badge conversation-id>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import { captureConsole, expectNoLeaks, placeUi, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

/** True where the browser runs invoker commands (Chromium, Firefox); WebKitGTK 2.50 has none. */
const hasInvokers = 'commandForElement' in HTMLButtonElement.prototype;

/** Sends `command` to `target` as the browser would: a real click where it can, else a `command` event. */
async function invoke(target: HTMLElement, command: string, value = ''): Promise<HTMLButtonElement> {
  const button = document.createElement('button');
  button.textContent = command;
  button.value = value;
  target.id ||= `target-${Math.random().toString(36).slice(2)}`;
  button.setAttribute('commandfor', target.id);
  button.setAttribute('command', command);
  target.parentElement!.append(button);
  if (hasInvokers) button.click();
  else target.dispatchEvent(Object.assign(new Event('command', { cancelable: true }), { command, source: button }));
  await (target as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return button;
}

describe('markup reach: JSON attributes', () => {
  it('message-filter JSON reaches TalkJS as the option; a later attribute change applies live (setMessageFilter)', async () => {
    fake = sampleFake();
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1', 'message-filter': '{"type": ["==", "UserMessage"]}' });
    expect(fake.chatboxes[0]!.options.messageFilter).to.deep.equal({ type: ['==', 'UserMessage'] });
    el.setAttribute('message-filter', '{"origin": ["==", "web"]}');
    await el.updateComplete;
    expect(fake.callsTo('setMessageFilter').map((call) => call.args)).to.deep.equal([[{ origin: ['==', 'web'] }]]);
    expect(fake.chatboxes).to.have.length(1);
  });

  it('the property wins: once set from script, the attribute no longer changes it', async () => {
    fake = sampleFake();
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1', presence: '{"visible": false}' });
    el.presence = { visible: true, custom: { page: 'home' } };
    await el.updateComplete;
    el.setAttribute('presence', '{"visible": false}');
    await el.updateComplete;
    expect(el.presence).to.deep.equal({ visible: true, custom: { page: 'home' } });
    expect(fake.callsTo('setPresence').map((call) => call.args[0])).to.deep.equal([{ visible: true, custom: { page: 'home' } }]);
  });

  it('"[object Object]" (a framework that set an attribute where it meant the property): one invalid-attribute that says to bind the property', async () => {
    fake = sampleFake();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const output = captureConsole({ untilTestEnds: true });
    const { el } = await placeUi(fake, 'talk-inbox', { 'feed-filter': '[object Object]' }, {}, { waitReady: false });
    await until(() => el.status === 'error', 'error');
    const details = errors.of('talk-error').map((event) => event.detail);
    expect(details.map((d) => [d.code, d.attribute])).to.deep.equal([['invalid-attribute', 'feed-filter']]);
    expect(details[0].message).to.contain('<talk-inbox>').and.contain('Bind the feedFilter property');
    expect(output.errors).to.have.length(1);
    expect(fake.inboxes).to.have.length(0);
  });

  it('options JSON: its keys reach TalkJS; a dedicated attribute still wins over the same key', async () => {
    fake = sampleFake();
    await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1', options: '{"showChatHeader": false, "theme": "x"}', theme: 'dark' });
    expect(fake.chatboxes[0]!.options).to.deep.equal({ showChatHeader: false, theme: 'dark' });
  });
});

describe(`markup reach: invoker commands (${hasInvokers ? 'real button clicks' : 'no invoker commands in this browser: command events dispatched by the test'})`, () => {
  it('<talk-popup>: --show, --hide and --toggle open and close the popup', async () => {
    fake = sampleFake();
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const popup = fake.popups.at(-1)!;
    await invoke(el, '--show');
    expect(el.show).to.equal(true);
    expect(popup.visible).to.equal(true);
    await invoke(el, '--hide');
    expect(el.show).to.equal(false);
    expect(popup.visible).to.equal(false);
    await invoke(el, '--toggle');
    expect(popup.visible).to.equal(true);
    await invoke(el, '--toggle');
    expect(popup.visible).to.equal(false);
  });

  for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup'] as const) {
    it(`<${tag}>: --select selects the conversation in the button's value; unknown commands change nothing`, async () => {
      fake = sampleFake();
      const { el } = await placeUi(fake, tag, { 'conversation-id': 'order-1' });
      await invoke(el, '--select', 'order-2');
      expect(el.conversationId).to.equal('order-2');
      expect(fake.callsTo('select').at(-1)!.args[0]).to.equal('order-2');
      const calls = fake.calls.length;
      await invoke(el, '--dance', 'order-1');
      expect(el.conversationId).to.equal('order-2');
      expect(fake.calls.length).to.equal(calls);
    });
  }
});

describe('markup reach: one conversation on <talk-unread-badge conversation-id>', () => {
  it("shows that conversation's unread message count, 0 for one with none unread, and follows changes", async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const badge = document.createElement('talk-unread-badge') as TalkUnreadBadgeElement;
    badge.setAttribute('conversation-id', 'order-2');
    sessionEl.append(badge);
    await until(() => sessionEl.status === 'ready', 'session ready');
    fake.backend.sendMessage('order-1', 'bob', 'one');
    fake.backend.sendMessage('order-2', 'carol', 'two');
    fake.backend.sendMessage('order-2', 'carol', 'three');
    await until(() => badge.value === 2, 'two unread in order-2');
    expect(badge.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('2');
    expect(badge.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('aria-label')).to.equal('2 unread messages');
    badge.setAttribute('conversation-id', 'order-1');
    await badge.updateComplete;
    expect(badge.value).to.equal(1);
    badge.setAttribute('conversation-id', 'nope');
    await badge.updateComplete;
    expect(badge.value).to.equal(0);
  });
});
