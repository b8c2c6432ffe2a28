/**
 * <talk-chatbox>: the chatbox is created with exactly the options from its attributes (and the
 * `options` property), mounted in the element, selects its conversation, shows its loading and
 * error slots, exposes `chatbox` and announces `talk-ready`. The option table at the top is
 * shared by the three UI elements (they take the same `ChatboxOptions` attributes); what only
 * the inbox or the popup has lives in their own files.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ConversationSource, TalkChatboxElement, TalkSessionElement } from '../src/index.js';
import {
  EVERY_COMMON_ATTRIBUTE,
  EVERY_COMMON_OPTION,
  captureConsole,
  expectCreatedWith,
  expectNoLeaks,
  nextTask,
  placeUi,
  recordEvents,
  sampleFake,
  slots,
  until,
  type Attributes,
  type FakeTalk,
  type OptionCase,
  type Properties,
} from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

const placeChatbox = (attributes?: Attributes, properties?: Properties) => placeUi(fake, 'talk-chatbox', attributes, properties);

/** The `ChatboxOptions` attributes every UI element has, and the options they must produce. */
const COMMON_OPTION_CASES: OptionCase[] = [
  ['no option attributes', {}, {}],
  [
    'attributes that are not options (conversation-id, as-guest, highlighted-words, session-timeout)',
    { 'conversation-id': 'order-1', 'as-guest': '', 'highlighted-words': 'a, b', 'session-timeout': '1000' },
    {},
  ],
  ['show-chat-header="false"', { 'show-chat-header': 'false' }, { showChatHeader: false }],
  ['show-chat-header (present)', { 'show-chat-header': '' }, { showChatHeader: true }],
  ['show-chat-header="true"', { 'show-chat-header': 'true' }, { showChatHeader: true }],
  ['theme="dark"', { theme: 'dark' }, { theme: 'dark' }],
  ['chat-title-mode="subject"', { 'chat-title-mode': 'subject' }, { chatTitleMode: 'subject' }],
  ['chat-title-mode="participants"', { 'chat-title-mode': 'participants' }, { chatTitleMode: 'participants' }],
  ['chat-subtitle-mode="null"', { 'chat-subtitle-mode': 'null' }, { chatSubtitleMode: null }],
  ['chat-subtitle-mode="participants"', { 'chat-subtitle-mode': 'participants' }, { chatSubtitleMode: 'participants' }],
  ['dir="rtl"', { dir: 'rtl' }, { dir: 'rtl' }],
  ['dir="ltr"', { dir: 'ltr' }, { dir: 'ltr' }],
  ['dir="auto" (left to TalkJS)', { dir: 'auto' }, {}],
  ['capture-keyboard-events (present)', { 'capture-keyboard-events': '' }, { captureKeyboardEvents: true }],
  ['capture-keyboard-events="false"', { 'capture-keyboard-events': 'false' }, { captureKeyboardEvents: false }],
  ['show-translation-toggle="auto"', { 'show-translation-toggle': 'auto' }, { showTranslationToggle: 'auto' }],
  ['show-translation-toggle="false"', { 'show-translation-toggle': 'false' }, { showTranslationToggle: false }],
  ['show-translation-toggle (present)', { 'show-translation-toggle': '' }, { showTranslationToggle: true }],
  ['translate-conversations="auto"', { 'translate-conversations': 'auto' }, { translateConversations: 'auto' }],
  ['translate-conversations="true"', { 'translate-conversations': 'true' }, { translateConversations: true }],
  ['translate-conversations="false"', { 'translate-conversations': 'false' }, { translateConversations: false }],
  ['translate-conversations="order-1, order-2"', { 'translate-conversations': 'order-1, order-2' }, { translateConversations: ['order-1', 'order-2'] }],
  ['message-suggestion="Hello there"', { 'message-suggestion': 'Hello there' }, { messageSuggestion: 'Hello there' }],
  ['every common option attribute at once', EVERY_COMMON_ATTRIBUTE, EVERY_COMMON_OPTION],
];

describe('UI elements alike: options from attributes (chatbox, inbox, popup)', () => {
  for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup'] as const) {
    for (const [name, attributes, expected] of COMMON_OPTION_CASES) {
      it(`<${tag}> ${name} → created with exactly ${JSON.stringify(expected)}`, async () => {
        await placeUi(fake, tag, attributes);
        expectCreatedWith(fake, tag, expected);
      });
    }
  }
});

describe('<talk-chatbox>: options', () => {
  it('merges the options property under the dedicated attributes (attributes win)', async () => {
    const options = {
      showChatHeader: true,
      theme: 'light',
      dir: 'ltr' as const,
      messageField: { placeholder: 'Say something', spellcheck: true },
      thirdparties: { giphy: false },
    };
    await placeChatbox({ 'show-chat-header': 'false', theme: 'dark', dir: 'rtl' }, { options });
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.options).to.deep.equal({
      showChatHeader: false,
      theme: 'dark',
      dir: 'rtl',
      messageField: { placeholder: 'Say something', spellcheck: true },
      thirdparties: { giphy: false },
    });
    // The user's object is not mutated by the merge.
    expect(options).to.deep.equal({
      showChatHeader: true,
      theme: 'light',
      dir: 'ltr',
      messageField: { placeholder: 'Say something', spellcheck: true },
      thirdparties: { giphy: false },
    });
  });

  it('keys only in the options property pass through as given', async () => {
    await placeChatbox({}, { options: { showChatHeader: false, chatTitleMode: 'participants' } });
    expect(fake.chatboxes[0]!.options).to.deep.equal({ showChatHeader: false, chatTitleMode: 'participants' });
  });

  it('messageFilter, presence and a theme object set as properties go into the creation options, with no setter call', async () => {
    const messageFilter = { sender: { id: ['!=', 'bob'] } } as const;
    const presence = { visible: false, custom: { page: 'checkout' } };
    const theme = { name: 'custom', custom: { accent: 'red' } };
    await placeChatbox({ 'conversation-id': 'order-1' }, { messageFilter, presence, theme });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({ messageFilter, presence, theme });
    expect(fake.callsTo('setMessageFilter'), 'setMessageFilter calls').to.have.length(0);
    expect(fake.callsTo('setPresence'), 'setPresence calls').to.have.length(0);
    expect(chatbox.messageFilter).to.deep.equal(messageFilter);
    expect(chatbox.presence).to.deep.equal(presence);
  });

  it('highlighted-words at creation calls setHighlightedWords once with the list (not an option)', async () => {
    await placeChatbox({ 'conversation-id': 'order-1', 'highlighted-words': 'ship, order ,' });
    const chatbox = fake.chatboxes[0]!;
    expect(chatbox.options).to.deep.equal({});
    expect(fake.callsTo('setHighlightedWords', chatbox).map((call) => call.args)).to.deep.equal([[['ship', 'order']]]);
  });
});

describe('<talk-chatbox>: mounting', () => {
  it("mounts the chatbox in the element's own [data-talk-mount] light-DOM child", async () => {
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    const container = el.querySelector<HTMLElement>(':scope > [data-talk-mount]');
    expect(container, '[data-talk-mount] child').to.not.equal(null);
    expect(el.querySelectorAll('[data-talk-mount]')).to.have.length(1);
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('mount', chatbox).map((call) => call.args)).to.deep.equal([[container]]);
    expect(fake.callsTo('mount', chatbox)[0]!.args[0]).to.equal(container);
    expect(chatbox.container).to.equal(container);
    expect(chatbox.mounted).to.equal(true);
    expect(chatbox.element?.parentNode).to.equal(container);
    // The mounted UI takes the element's space.
    expect(container!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('works with markup written inside <talk-session> in one template', async () => {
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-chatbox conversation-id="order-2" theme="dark"></talk-chatbox></talk-session>`,
    );
    const el = sessionEl.querySelector('talk-chatbox')!;
    await until(() => el.status === 'ready', 'chatbox ready');
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.options).to.deep.equal({ theme: 'dark' });
    expect(fake.chatboxes[0]!.session).to.equal(sessionEl.session);
    expect(fake.chatboxes[0]!.selected).to.equal('order-2');
    expect(fake.chatboxes[0]!.container).to.equal(el.querySelector(':scope > [data-talk-mount]'));
  });
});

describe('<talk-chatbox>: selection', () => {
  it('conversation-id="order-1" → select("order-1")', async () => {
    await placeChatbox({ 'conversation-id': 'order-1' });
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('select', chatbox).map((call) => call.args)).to.deep.equal([['order-1']]);
    expect(chatbox.selected).to.equal('order-1');
    expect(chatbox.shownConversationId).to.equal('order-1');
  });

  it('no conversation-id → select(null)', async () => {
    await placeChatbox();
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('select', chatbox).map((call) => call.args)).to.deep.equal([[null]]);
    expect(chatbox.selected).to.equal(null);
  });

  it('a syncConversation builder is selected instead of conversation-id', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'session');
    const builder = sessionEl.session!.getOrCreateConversation('x');
    const el = document.createElement('talk-chatbox');
    el.setAttribute('conversation-id', 'order-1');
    el.syncConversation = builder;
    sessionEl.append(el);
    await until(() => el.status === 'ready', 'chatbox ready');
    const selects = fake.callsTo('select', fake.chatboxes[0]!);
    expect(selects, 'select calls').to.have.length(1);
    expect(selects[0]!.args).to.have.length(1);
    expect(selects[0]!.args[0]).to.equal(builder);
    expect(fake.chatboxes[0]!.selected).to.equal('x');
    // Selecting the builder wrote the conversation with the user in it.
    expect(fake.backend.conversations.has('x')).to.equal(true);
  });

  it('a syncConversation function is called with the session and its builder selected', async () => {
    const seen: unknown[] = [];
    const source: ConversationSource = (session) => {
      seen.push(session);
      return session.getOrCreateConversation('from-fn');
    };
    const { sessionEl } = await placeChatbox({ 'conversation-id': 'order-1' }, { syncConversation: source });
    expect(seen.length).to.be.greaterThan(0);
    expect(seen[0]).to.equal(sessionEl.session);
    const selects = fake.callsTo('select', fake.chatboxes[0]!);
    expect(selects).to.have.length(1);
    expect(selects[0]!.args).to.have.length(1);
    expect(selects[0]!.args[0]).to.equal(fake.sessions[0]!.getOrCreateConversation('from-fn'));
    expect(fake.chatboxes[0]!.selected).to.equal('from-fn');
  });

  it('as-guest → select(id, { asGuest: true })', async () => {
    await placeChatbox({ 'conversation-id': 'order-1', 'as-guest': '' });
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('select', chatbox).map((call) => call.args)).to.deep.equal([['order-1', { asGuest: true }]]);
    expect(chatbox.selectOptions).to.deep.equal({ asGuest: true });
  });

  it('as-guest="false" → select(id, { asGuest: false })', async () => {
    await placeChatbox({ 'conversation-id': 'order-1', 'as-guest': 'false' });
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('select', chatbox).map((call) => call.args)).to.deep.equal([['order-1', { asGuest: false }]]);
  });

  it('as-guest with a syncConversation builder → select(builder, { asGuest: true })', async () => {
    const source: ConversationSource = (session) => session.getOrCreateConversation('guest-room');
    await placeChatbox({ 'as-guest': '' }, { syncConversation: source });
    const selects = fake.callsTo('select', fake.chatboxes[0]!);
    expect(selects).to.have.length(1);
    expect(selects[0]!.args[1]).to.deep.equal({ asGuest: true });
    expect((selects[0]!.args[0] as { id: string }).id).to.equal('guest-room');
  });
});

describe('<talk-chatbox>: loading and error slots, status and states', () => {
  /** A `<talk-session>` on the test's fake holding a `<talk-chatbox>` with loading and error content. */
  async function chatboxWithSlotContent(): Promise<TalkChatboxElement> {
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-chatbox conversation-id="order-1"><span slot="loading">Loading…</span><span slot="error">Failed</span></talk-chatbox>
      </talk-session>
    `);
    return sessionEl.querySelector('talk-chatbox')!;
  }

  it('shows the loading slot until mounted, then hides it; status and :state() follow', async () => {
    fake = sampleFake({ ready: 'manual' });
    const el = await chatboxWithSlotContent();
    await el.updateComplete;
    await nextTask();
    const { loading: loadingSlot, error: errorSlot } = slots(el);
    const loadingContent = el.querySelector<HTMLElement>('[slot="loading"]')!;
    const errorContent = el.querySelector<HTMLElement>('[slot="error"]')!;

    expect(fake.chatboxes, 'no chatbox before the SDK is ready').to.have.length(0);
    expect(el.status).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(el.matches(':state(ready)')).to.equal(false);
    expect(el.matches(':state(error)')).to.equal(false);
    expect(loadingSlot.hidden, 'loading slot hidden').to.equal(false);
    expect(errorSlot.hidden, 'error slot hidden').to.equal(true);
    expect(loadingContent.getClientRects().length, 'loading content rendered').to.be.greaterThan(0);
    expect(errorContent.getClientRects().length, 'error content rendered').to.equal(0);

    fake.resolveReady();
    await until(() => el.status === 'ready', 'chatbox ready');
    expect(fake.chatboxes[0]!.mounted).to.equal(true);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.matches(':state(error)')).to.equal(false);
    expect(loadingSlot.hidden).to.equal(true);
    expect(errorSlot.hidden).to.equal(true);
    expect(loadingContent.getClientRects().length, 'loading content rendered once ready').to.equal(0);
    expect(errorContent.getClientRects().length).to.equal(0);
  });

  it('shows the error slot when mounting fails (status error, :state(error))', async () => {
    captureConsole({ untilTestEnds: true });
    const events = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    fake.failNext('mount');
    const el = await chatboxWithSlotContent();
    await until(() => el.status === 'error', 'chatbox error');
    const { loading: loadingSlot, error: errorSlot } = slots(el);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.matches(':state(ready)')).to.equal(false);
    expect(errorSlot.hidden).to.equal(false);
    expect(loadingSlot.hidden).to.equal(true);
    expect(el.querySelector<HTMLElement>('[slot="error"]')!.getClientRects().length, 'error content rendered').to.be.greaterThan(0);
    expect(el.querySelector<HTMLElement>('[slot="loading"]')!.getClientRects().length).to.equal(0);
    expect(el.chatbox, 'chatbox after a failed mount').to.equal(undefined);
    expect(fake.chatboxes[0]!.isAlive, 'failed chatbox destroyed').to.equal(false);
    expect(events.of('talk-error').map((e) => e.detail.code)).to.deep.equal(['sdk-error']);
  });
});

describe('<talk-chatbox>: chatbox property and talk-ready', () => {
  it('chatbox is undefined before creation, the live fake chatbox once ready, undefined after removal', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-chatbox conversation-id="order-1"></talk-chatbox></talk-session>`,
    );
    const el = sessionEl.querySelector('talk-chatbox')!;
    expect(el.chatbox).to.equal(undefined);
    fake.resolveReady();
    await until(() => el.status === 'ready', 'chatbox ready');
    expect(el.chatbox).to.equal(fake.chatboxes[0]);
    expect(el.chatbox!.isAlive).to.equal(true);
    el.remove();
    await nextTask();
    await nextTask();
    expect(el.chatbox).to.equal(undefined);
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);
    expect(fake.callsTo('destroy', fake.chatboxes[0]!)).to.have.length(1);
  });

  it('talk-ready fires once on the element with detail { chatbox }', async () => {
    const events = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    const { el } = await placeChatbox({ 'conversation-id': 'order-1' });
    await nextTask();
    const ready = events.of('talk-ready');
    expect(ready).to.have.length(1);
    expect(ready[0]!.target).to.equal(el);
    expect(ready[0]!.bubbles).to.equal(true);
    expect(ready[0]!.composed).to.equal(true);
    expect(Object.keys(ready[0]!.detail)).to.deep.equal(['chatbox']);
    expect(ready[0]!.detail.chatbox).to.equal(fake.chatboxes[0]);
  });
});
