/**
 * <talk-inbox>: what is specific to the inbox (its own option attributes, `feedFilter`, the feed
 * shown when no conversation is selected, `inbox`, `talk-ready` with `{ inbox }`), plus mounting,
 * selection and the status slots as the inbox does them. The `ChatboxOptions` attributes the three
 * UI elements share are tested for the inbox in chatbox.test.ts's shared table.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ConversationSource, TalkSessionElement } from '../src/index.js';
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

const placeInbox = (attributes?: Attributes, properties?: Properties) => placeUi(fake, 'talk-inbox', attributes, properties);

const INBOX_OPTION_CASES: OptionCase[] = [
  ['show-feed-header="false"', { 'show-feed-header': 'false' }, { showFeedHeader: false }],
  ['show-feed-header (present)', { 'show-feed-header': '' }, { showFeedHeader: true }],
  ['feed-conversation-title-mode="subject"', { 'feed-conversation-title-mode': 'subject' }, { feedConversationTitleMode: 'subject' }],
  ['feed-conversation-title-mode="auto"', { 'feed-conversation-title-mode': 'auto' }, { feedConversationTitleMode: 'auto' }],
  ['use-browser-history="false"', { 'use-browser-history': 'false' }, { useBrowserHistory: false }],
  ['use-browser-history="true"', { 'use-browser-history': 'true' }, { useBrowserHistory: true }],
  ['show-mobile-back-button (present)', { 'show-mobile-back-button': '' }, { showMobileBackButton: true }],
  ['show-mobile-back-button="false"', { 'show-mobile-back-button': 'false' }, { showMobileBackButton: false }],
  [
    'every inbox option attribute with the common ones',
    {
      'show-feed-header': 'false',
      'feed-conversation-title-mode': 'participants',
      'use-browser-history': 'false',
      'show-mobile-back-button': '',
      ...EVERY_COMMON_ATTRIBUTE,
    },
    {
      showFeedHeader: false,
      feedConversationTitleMode: 'participants',
      useBrowserHistory: false,
      showMobileBackButton: true,
      ...EVERY_COMMON_OPTION,
    },
  ],
];

describe('<talk-inbox>: options', () => {
  for (const [name, attributes, expected] of INBOX_OPTION_CASES) {
    it(`${name} → createInbox(${JSON.stringify(expected)})`, async () => {
      await placeInbox(attributes);
      expectCreatedWith(fake, 'talk-inbox', expected);
    });
  }

  it('no option attributes → createInbox({}) (no `selected` key: selection goes through select)', async () => {
    await placeInbox({ 'conversation-id': 'order-1' });
    expect(fake.inboxes[0]!.options).to.deep.equal({});
  });

  it('merges the options property under the dedicated attributes (attributes win)', async () => {
    await placeInbox(
      { 'show-feed-header': 'false', 'use-browser-history': 'false' },
      { options: { showFeedHeader: true, useBrowserHistory: true, showMobileBackButton: true, messageField: { placeholder: 'Write…' } } },
    );
    expect(fake.inboxes[0]!.options).to.deep.equal({
      showFeedHeader: false,
      useBrowserHistory: false,
      showMobileBackButton: true,
      messageField: { placeholder: 'Write…' },
    });
  });

  it('feedFilter set as a property goes into the creation options, with no setFeedFilter call', async () => {
    const feedFilter = { custom: { category: ['==', 'orders'] } } as const;
    await placeInbox({}, { feedFilter });
    const inbox = fake.inboxes[0]!;
    expect(inbox.options).to.deep.equal({ feedFilter });
    expect(inbox.feedFilter).to.deep.equal(feedFilter);
    expect(fake.callsTo('setFeedFilter')).to.have.length(0);
  });
});

describe('<talk-inbox>: mounting and selection', () => {
  it("mounts the inbox in the element's own [data-talk-mount] light-DOM child", async () => {
    const { el } = await placeInbox();
    const container = el.querySelector<HTMLElement>(':scope > [data-talk-mount]');
    expect(container).to.not.equal(null);
    const inbox = fake.inboxes[0]!;
    const mounts = fake.callsTo('mount', inbox);
    expect(mounts).to.have.length(1);
    expect(mounts[0]!.args).to.have.length(1);
    expect(mounts[0]!.args[0]).to.equal(container);
    expect(inbox.container).to.equal(container);
    expect(inbox.element?.parentNode).to.equal(container);
  });

  it('no conversation-id → select(null): the inbox shows its feed', async () => {
    await placeInbox();
    const inbox = fake.inboxes[0]!;
    expect(fake.callsTo('select', inbox).map((call) => call.args)).to.deep.equal([[null]]);
    expect(inbox.selected).to.equal(null);
    expect(inbox.element!.shadowRoot!.querySelector('[data-part="feed"]'), 'feed').to.not.equal(null);
  });

  it('conversation-id="order-1" → select("order-1")', async () => {
    await placeInbox({ 'conversation-id': 'order-1' });
    const inbox = fake.inboxes[0]!;
    expect(fake.callsTo('select', inbox).map((call) => call.args)).to.deep.equal([['order-1']]);
    expect(inbox.selected).to.equal('order-1');
  });

  it('as-guest → select(id, { asGuest: true })', async () => {
    await placeInbox({ 'conversation-id': 'order-2', 'as-guest': '' });
    expect(fake.callsTo('select', fake.inboxes[0]!).map((call) => call.args)).to.deep.equal([['order-2', { asGuest: true }]]);
  });

  it('as-guest="false" → select(id, { asGuest: false })', async () => {
    await placeInbox({ 'conversation-id': 'order-2', 'as-guest': 'false' });
    expect(fake.callsTo('select', fake.inboxes[0]!).map((call) => call.args)).to.deep.equal([['order-2', { asGuest: false }]]);
  });

  it('a syncConversation function is selected instead of conversation-id', async () => {
    const source: ConversationSource = (session) => session.getOrCreateConversation('support');
    const { sessionEl } = await placeInbox({ 'conversation-id': 'order-1' }, { syncConversation: source });
    const selects = fake.callsTo('select', fake.inboxes[0]!);
    expect(selects).to.have.length(1);
    expect(selects[0]!.args).to.have.length(1);
    expect(selects[0]!.args[0]).to.equal(sessionEl.session!.getOrCreateConversation('support'));
    expect(fake.inboxes[0]!.selected).to.equal('support');
  });
});

describe('<talk-inbox>: loading and error slots, status and states', () => {
  it('loading slot shown (error slot hidden) until mounted, then both hidden; :state() follows', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-inbox><span slot="loading">Loading…</span><span slot="error">Failed</span></talk-inbox>
      </talk-session>
    `);
    const el = sessionEl.querySelector('talk-inbox')!;
    await nextTask();
    const { loading: loadingSlot, error: errorSlot } = slots(el);
    expect(el.status).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(loadingSlot.hidden, 'loading slot hidden while loading').to.equal(false);
    expect(errorSlot.hidden, 'error slot hidden while loading').to.equal(true);

    fake.resolveReady();
    await until(() => el.status === 'ready', 'inbox ready');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(loadingSlot.hidden).to.equal(true);
    expect(errorSlot.hidden).to.equal(true);
  });

  it('error slot shown when mounting fails', async () => {
    captureConsole({ untilTestEnds: true });
    fake.failNext('mount');
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-inbox><span slot="error">Failed</span></talk-inbox>
      </talk-session>
    `);
    const el = sessionEl.querySelector('talk-inbox')!;
    await until(() => el.status === 'error', 'inbox error');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(slots(el).error.hidden).to.equal(false);
    expect(slots(el).loading.hidden).to.equal(true);
    expect(el.inbox).to.equal(undefined);
    expect(fake.inboxes[0]!.isAlive).to.equal(false);
  });
});

describe('<talk-inbox>: inbox property and talk-ready', () => {
  it('inbox is undefined before creation, the live fake inbox once ready, undefined after removal', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-inbox></talk-inbox></talk-session>`,
    );
    const el = sessionEl.querySelector('talk-inbox')!;
    expect(el.inbox).to.equal(undefined);
    fake.resolveReady();
    await until(() => el.status === 'ready', 'inbox ready');
    expect(el.inbox).to.equal(fake.inboxes[0]);
    el.remove();
    await nextTask();
    await nextTask();
    expect(el.inbox).to.equal(undefined);
    expect(fake.inboxes[0]!.isAlive).to.equal(false);
  });

  it('talk-ready fires once on the element with detail { inbox }', async () => {
    const events = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    const { el } = await placeInbox();
    await nextTask();
    const ready = events.of('talk-ready');
    expect(ready).to.have.length(1);
    expect(ready[0]!.target).to.equal(el);
    expect(Object.keys(ready[0]!.detail)).to.deep.equal(['inbox']);
    expect(ready[0]!.detail.inbox).to.equal(fake.inboxes[0]);
  });
});
