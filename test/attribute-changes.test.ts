/**
 * Attribute and property changes, table-driven: every attribute and property of every element
 * (each element class's `elementProperties`; a test checks the table covers them all) set, changed
 * and removed on a live element, one at a time, with `0` or empty where it is a number or a list.
 * Each step asserts what the SDK received, from the fake's call log (`fake.calls`), the options a
 * UI object or session was created with, and which objects were kept or made anew: an option
 * without an SDK setter recreates the UI once with exactly the new options (nothing else
 * changed), a live option calls its setter and keeps the UI, and a removed value goes back to the
 * SDK's default (sent as `null`, `{}`, `[]`, `''`, `false` as the SDK's update call needs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { TalkHtmlPanelElement, TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import type { FakeCall, FakeSession } from '../src/testing/index.js';
import {
  anotherFake,
  boxesOf,
  expectNoLeaks,
  nextTask,
  onCleanup,
  optionsOf,
  recordTimers,
  sampleFake,
  until,
  watchErrors,
  type ErrorWatch,
  type FakeBox,
  type FakeTalk,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk | undefined;
let watch: ErrorWatch;

beforeEach(() => {
  watch = watchErrors();
});

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

type El = HTMLElement & Record<string, unknown>;
const UI_TAGS: readonly UiTag[] = ['talk-chatbox', 'talk-inbox', 'talk-popup'];

/** What a step's check sees: what happened since the step began. */
interface StepResult {
  readonly fake: FakeTalk;
  readonly el: El;
  /** Calls made during the step. */
  readonly calls: FakeCall[];
  /** Calls of `method` made during the step, as their argument lists. */
  args(method: string): unknown[][];
  /** UI objects (or sessions, for `<talk-session>`) made during the step. */
  readonly made: number;
  /** The current UI object (or session). */
  readonly current: FakeBox | FakeSession | undefined;
  /** `talk-error` details dispatched during the step, as `code attribute`. */
  readonly errors: string[];
}

/** One step: what to do to the element, and what the SDK must have received. */
type Step = readonly [label: string, act: (el: El, fake: FakeTalk) => void, check: (r: StepResult) => void];

interface Row {
  /** The attribute, or the property for a property without an attribute. */
  readonly name: string;
  readonly tags: readonly string[];
  /** Attributes the element starts with (besides the row's). */
  readonly base?: Record<string, string>;
  readonly steps: readonly Step[];
}

const set = (name: string, value: string) => (el: El) => el.setAttribute(name, value);
const remove = (name: string) => (el: El) => el.removeAttribute(name);
const prop = (name: string, value: unknown) => (el: El) => void (el[name] = value);

/** The UI was recreated once, with exactly `options` (the old one destroyed). */
const recreatedWith = (options: Record<string, unknown>) => (r: StepResult) => {
  expect(r.made, 'UI objects made').to.equal(1);
  expect((r.current as FakeBox).options, 'options of the new UI').to.deep.equal(options);
  expect(r.errors, 'talk-error').to.deep.equal([]);
};

/** The UI was kept, and `method` was called once with `args`. */
const calledLive =
  (method: string, ...args: unknown[]) =>
  (r: StepResult) => {
    expect(r.made, 'UI objects made (a live option keeps the UI)').to.equal(0);
    expect(r.args(method), `${method} calls`).to.deep.equal([args]);
    expect(r.errors, 'talk-error').to.deep.equal([]);
  };

/** A row for an option without an SDK setter: set, changed, removed, each recreating the UI once with exactly that option. */
function optionRow(tags: readonly string[], name: string, key: string, first: [string, unknown], second: [string, unknown]): Row {
  return {
    name,
    tags,
    steps: [
      ['set', set(name, first[0]), recreatedWith({ [key]: first[1] })],
      ['changed', set(name, second[0]), recreatedWith({ [key]: second[1] })],
      ['removed', remove(name), recreatedWith({})],
    ],
  };
}

/** What `select` was called with: conversation ids (a builder as its id) and the options. */
const selects = (r: StepResult) => r.args('select').map((args) => args.map((a) => (a && typeof a === 'object' && 'id' in a ? (a as { id: string }).id : a)));
/** Whether the one `select` call of the step got a conversation builder (not an id). */
const selectedBuilder = (r: StepResult) => typeof r.args('select')[0]?.[0] === 'object';
/** The participants a conversation builder got, by user id, in order. */
const participantsSet = (r: StepResult) => r.args('setParticipant').map(([user]) => (user as { id: string }).id);

const withSelection = (expected: unknown[][], more?: (r: StepResult) => void) => (r: StepResult) => {
  expect(r.made, 'UI objects made (a selection keeps the UI)').to.equal(0);
  expect(selects(r), 'select calls').to.deep.equal(expected);
  expect(r.errors, 'talk-error').to.deep.equal([]);
  more?.(r);
};

/** A token-endpoint scenario of this run's own (the test server counts requests per scenario). */
const SCENARIO = `attribute-changes-${Math.random().toString(36).slice(2)}`;

/** The sync attribute a conversation-attribute row keeps throughout, as sent. */
const other = (name: string): Record<string, string> => (name === 'subject' ? { photoUrl: 'https://example.com/p.png' } : { subject: 'Order' });

const UI_ROWS: Row[] = [
  // Options without a setter: recreate once with exactly that option.
  optionRow(UI_TAGS, 'show-chat-header', 'showChatHeader', ['', true], ['false', false]),
  optionRow(UI_TAGS, 'chat-title-mode', 'chatTitleMode', ['subject', 'subject'], ['participants', 'participants']),
  optionRow(UI_TAGS, 'chat-subtitle-mode', 'chatSubtitleMode', ['participants', 'participants'], ['null', null]),
  optionRow(UI_TAGS, 'show-translation-toggle', 'showTranslationToggle', ['auto', 'auto'], ['false', false]),
  optionRow(UI_TAGS, 'theme', 'theme', ['dark', 'dark'], ['light', 'light']),
  optionRow(UI_TAGS, 'capture-keyboard-events', 'captureKeyboardEvents', ['', true], ['false', false]),
  {
    name: 'dir',
    tags: UI_TAGS,
    steps: [
      ['set rtl', set('dir', 'rtl'), recreatedWith({ dir: 'rtl' })],
      ['changed to ltr', set('dir', 'ltr'), recreatedWith({ dir: 'ltr' })],
      ['changed to auto (TalkJS follows the page)', set('dir', 'auto'), recreatedWith({})],
      ['set rtl again', set('dir', 'rtl'), recreatedWith({ dir: 'rtl' })],
      ['removed', remove('dir'), recreatedWith({})],
    ],
  },
  optionRow(['talk-inbox'], 'show-feed-header', 'showFeedHeader', ['false', false], ['', true]),
  optionRow(['talk-inbox'], 'feed-conversation-title-mode', 'feedConversationTitleMode', ['subject', 'subject'], ['auto', 'auto']),
  optionRow(['talk-inbox'], 'use-browser-history', 'useBrowserHistory', ['false', false], ['true', true]),
  optionRow(['talk-inbox'], 'show-mobile-back-button', 'showMobileBackButton', ['', true], ['false', false]),
  optionRow(['talk-popup'], 'keep-open', 'keepOpen', ['', true], ['false', false]),
  optionRow(['talk-popup'], 'launcher', 'launcher', ['always', 'always'], ['never', 'never']),
  optionRow(['talk-popup'], 'show-close-in-header', 'showCloseInHeader', ['auto', 'auto'], ['false', false]),
  {
    name: 'options',
    tags: UI_TAGS,
    steps: [
      ['set', prop('options', { messageField: { placeholder: 'Say it' } }), recreatedWith({ messageField: { placeholder: 'Say it' } })],
      [
        'set an equal object again: nothing',
        prop('options', { messageField: { placeholder: 'Say it' } }),
        (r) => expect(r.calls.map((c) => c.method)).to.deep.equal([]),
      ],
      [
        'changed: only messageField.visible (live)',
        prop('options', { messageField: { placeholder: 'Say it', visible: false } }),
        calledLive('setVisible', false),
      ],
      ['changed: visible removed again (live, back to visible)', prop('options', { messageField: { placeholder: 'Say it' } }), calledLive('setVisible', true)],
      ['removed', prop('options', undefined), recreatedWith({})],
      ['set empty', prop('options', {}), (r) => expect(r.made, 'an empty options object is no change').to.equal(0)],
    ],
  },
  // Live options: the setter, the UI kept; removal back to the SDK's default.
  {
    name: 'message-suggestion',
    tags: UI_TAGS,
    steps: [
      ['set', set('message-suggestion', 'Hi'), calledLive('setText', 'Hi')],
      ['changed', set('message-suggestion', 'Bye'), calledLive('setText', 'Bye')],
      ['removed', remove('message-suggestion'), calledLive('setText', '')],
      ['set again', set('message-suggestion', 'Hi'), calledLive('setText', 'Hi')],
      ['empty', set('message-suggestion', ''), calledLive('setText', '')],
    ],
  },
  {
    name: 'highlighted-words',
    tags: UI_TAGS,
    steps: [
      ['set', set('highlighted-words', 'apple, pear'), calledLive('setHighlightedWords', ['apple', 'pear'])],
      ['changed', set('highlighted-words', 'plum'), calledLive('setHighlightedWords', ['plum'])],
      ['empty list', set('highlighted-words', ''), calledLive('setHighlightedWords', [])],
      ['set again', set('highlighted-words', 'fig'), calledLive('setHighlightedWords', ['fig'])],
      ['removed', remove('highlighted-words'), calledLive('setHighlightedWords', [])],
    ],
  },
  {
    name: 'messageFilter',
    tags: UI_TAGS,
    steps: [
      ['set', prop('messageFilter', { sender: { id: ['==', 'bob'] } }), calledLive('setMessageFilter', { sender: { id: ['==', 'bob'] } })],
      ['changed', prop('messageFilter', { type: ['==', 'UserMessage'] }), calledLive('setMessageFilter', { type: ['==', 'UserMessage'] })],
      ['removed', prop('messageFilter', undefined), calledLive('setMessageFilter', {})],
    ],
  },
  {
    name: 'presence',
    tags: UI_TAGS,
    steps: [
      ['set', prop('presence', { visible: false, custom: { page: 'cart' } }), calledLive('setPresence', { visible: false, custom: { page: 'cart' } })],
      [
        'changed: one custom field replaced',
        prop('presence', { visible: false, custom: { step: '2' } }),
        calledLive('setPresence', { visible: false, custom: { step: '2', page: null } }),
      ],
      ['removed: visible again, custom fields deleted', prop('presence', undefined), calledLive('setPresence', { visible: true, custom: null })],
    ],
  },
  {
    name: 'translate-conversations',
    tags: UI_TAGS,
    steps: [
      ['set true', set('translate-conversations', 'true'), calledLive('setTranslationEnabledDefault', true)],
      ['changed to auto', set('translate-conversations', 'auto'), calledLive('setTranslationEnabledDefault', 'auto')],
      ['removed', remove('translate-conversations'), calledLive('setTranslationEnabledDefault', false)],
      [
        'set a list (from absent: recreated)',
        set('translate-conversations', 'order-1, order-2'),
        recreatedWith({ translateConversations: ['order-1', 'order-2'] }),
      ],
      [
        'list changed: one id dropped',
        set('translate-conversations', 'order-2'),
        (r) => {
          expect(r.made).to.equal(0);
          expect(r.args('setTranslationEnabledForConversation')).to.deep.equal([['order-1', false]]);
        },
      ],
      [
        'list changed: one id added',
        set('translate-conversations', 'order-2,order-1'),
        (r) => {
          expect(r.made).to.equal(0);
          expect(r.args('setTranslationEnabledForConversation')).to.deep.equal([['order-1', true]]);
        },
      ],
      ['removed (from a list: recreated without)', remove('translate-conversations'), recreatedWith({})],
      ['empty: present, so true (live)', set('translate-conversations', ''), calledLive('setTranslationEnabledDefault', true)],
      ['removed again', remove('translate-conversations'), calledLive('setTranslationEnabledDefault', false)],
    ],
  },
  {
    name: 'feedFilter',
    tags: ['talk-inbox'],
    steps: [
      ['set', prop('feedFilter', { custom: { a: ['==', 'b'] } }), calledLive('setFeedFilter', { custom: { a: ['==', 'b'] } })],
      ['changed', prop('feedFilter', { hasUnreadMessages: true }), calledLive('setFeedFilter', { hasUnreadMessages: true })],
      ['removed', prop('feedFilter', undefined), calledLive('setFeedFilter', {})],
    ],
  },
  {
    name: 'show',
    tags: ['talk-popup'],
    steps: [
      ['set', set('show', ''), calledLive('show')],
      ['changed to false', set('show', 'false'), calledLive('hide')],
      ['changed to true', set('show', 'true'), calledLive('show')],
      ['removed', remove('show'), calledLive('hide')],
    ],
  },
  // What is selected.
  {
    name: 'conversation-id',
    tags: UI_TAGS,
    steps: [
      ['set', set('conversation-id', 'order-1'), withSelection([['order-1']])],
      ['changed', set('conversation-id', 'order-2'), withSelection([['order-2']])],
      ['removed', remove('conversation-id'), withSelection([[null]])],
      ['set again', set('conversation-id', 'order-1'), withSelection([['order-1']])],
      ['empty', set('conversation-id', ''), withSelection([[null]])],
    ],
  },
  {
    name: 'as-guest',
    tags: UI_TAGS,
    base: { 'conversation-id': 'order-1' },
    steps: [
      ['set', set('as-guest', ''), withSelection([['order-1', { asGuest: true }]])],
      ['changed', set('as-guest', 'false'), withSelection([['order-1', { asGuest: false }]])],
      ['removed', remove('as-guest'), withSelection([['order-1']])],
    ],
  },
  {
    name: 'syncConversation',
    tags: UI_TAGS,
    base: { 'conversation-id': 'order-1' },
    steps: [
      ['set (a function of the session)', prop('syncConversation', (s: FakeSession) => s.getOrCreateConversation('order-2')), withSelection([['order-2']])],
      ['changed', prop('syncConversation', (s: FakeSession) => s.getOrCreateConversation('order-3')), withSelection([['order-3']])],
      ['removed: conversation-id again', prop('syncConversation', undefined), withSelection([['order-1']])],
    ],
  },
  ...(
    [
      ['subject', 'subject', ['Order', 'Order'], ['Your order', 'Your order']],
      ['photo-url', 'photoUrl', ['https://example.com/a.png', 'https://example.com/a.png'], ['https://example.com/b.png', 'https://example.com/b.png']],
      ['welcome-messages', 'welcomeMessages', ['Hello', ['Hello']], ['["One","Two"]', ['One', 'Two']]],
      ['custom', 'custom', ['{"a":"1"}', { a: '1' }], ['{"b":"2"}', { b: '2', a: null }]],
    ] as const
  ).map(([name, key, first, second]): Row => ({
    name,
    tags: UI_TAGS,
    // Another sync attribute stays, so the conversation is still synced after the removal.
    base: { 'conversation-id': 'order-1', ...(name === 'subject' ? { 'photo-url': 'https://example.com/p.png' } : { subject: 'Order' }) },
    // setAttributes gets every synced attribute, with a removed one as null.
    steps: [
      ['set', set(name, first[0]), withSelection([['order-1']], (r) => expect(r.args('setAttributes')).to.deep.equal([[{ ...other(name), [key]: first[1] }]]))],
      [
        'changed',
        set(name, second[0]),
        withSelection([['order-1']], (r) => expect(r.args('setAttributes')).to.deep.equal([[{ ...other(name), [key]: second[1] }]])),
      ],
      [
        'removed: sent as null',
        remove(name),
        withSelection([['order-1']], (r) => expect(r.args('setAttributes')).to.deep.equal([[{ ...other(name), [key]: null }]])),
      ],
      ...(name === 'welcome-messages'
        ? ([
            [
              'empty list',
              set(name, '[]'),
              withSelection([['order-1']], (r) => expect(r.args('setAttributes')).to.deep.equal([[{ subject: 'Order', welcomeMessages: [] }]])),
            ],
          ] as Step[])
        : []),
    ],
  })),
  {
    name: 'participants',
    tags: UI_TAGS,
    base: { 'conversation-id': 'order-1', subject: 'Order' },
    steps: [
      ['set', set('participants', 'bob'), withSelection([['order-1']], (r) => expect(participantsSet(r)).to.deep.equal(['alice', 'bob']))],
      ['changed', set('participants', 'bob, carol'), withSelection([['order-1']], (r) => expect(participantsSet(r)).to.deep.equal(['alice', 'bob', 'carol']))],
      ['empty list', set('participants', ''), withSelection([['order-1']], (r) => expect(participantsSet(r)).to.deep.equal(['alice']))],
      ['set again', set('participants', 'carol'), withSelection([['order-1']], (r) => expect(participantsSet(r)).to.deep.equal(['alice', 'carol']))],
      ['removed', remove('participants'), withSelection([['order-1']], (r) => expect(participantsSet(r)).to.deep.equal(['alice']))],
    ],
  },
  {
    // The only sync attribute: removing it (or emptying it) decides whether the conversation is synced at all.
    name: 'participants',
    tags: UI_TAGS,
    base: { 'conversation-id': 'order-1' },
    steps: [
      [
        'set (now synced: a builder is selected)',
        set('participants', 'bob'),
        withSelection([['order-1']], (r) => expect([selectedBuilder(r), participantsSet(r)]).to.deep.equal([true, ['alice', 'bob']])),
      ],
      [
        'removed (no longer synced: the id is selected)',
        remove('participants'),
        withSelection([['order-1']], (r) => expect([selectedBuilder(r), participantsSet(r)]).to.deep.equal([false, []])),
      ],
    ],
  },
  {
    name: 'with-user',
    tags: UI_TAGS,
    steps: [
      ['set', set('with-user', 'bob'), (r) => withSelection([[r.fake.oneOnOneId('alice', 'bob')]])(r)],
      ['changed', set('with-user', 'carol'), (r) => withSelection([[r.fake.oneOnOneId('alice', 'carol')]])(r)],
      ['removed', remove('with-user'), withSelection([[null]])],
    ],
  },
  {
    name: 'with-user-name',
    tags: UI_TAGS,
    base: { 'with-user': 'dave' },
    steps: [
      ['set', set('with-user-name', 'Dave'), (r) => expect(r.args('createIfNotExists')).to.deep.equal([[{ name: 'Dave' }]])],
      ['changed', set('with-user-name', 'David'), (r) => expect(r.args('createIfNotExists')).to.deep.equal([[{ name: 'David' }]])],
      [
        'removed',
        remove('with-user-name'),
        (r) => withSelection([[r.fake.oneOnOneId('alice', 'dave')]], () => expect(r.args('createIfNotExists')).to.deep.equal([]))(r),
      ],
    ],
  },
];

/** Waits until the element is settled (not loading, no mount pending) and two tasks more. */
async function settle(el: El): Promise<void> {
  await nextTask();
  await until(() => el.status !== 'loading', `<${el.localName}> settled`);
  await nextTask();
  await nextTask();
}

/** Runs `steps` on `el`, each checked against what happened since it began. */
async function runSteps(f: FakeTalk, el: El, steps: readonly Step[], count: () => number, current: () => FakeBox | FakeSession | undefined): Promise<void> {
  for (const [label, act, check] of steps) {
    const mark = f.calls.length;
    const before = count();
    const errorsBefore = watch.errors.events.length;
    act(el, f);
    await settle(el);
    const calls = f.calls.slice(mark);
    const result: StepResult = {
      fake: f,
      el,
      calls,
      args: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
      made: count() - before,
      current: current(),
      errors: watch.errors.events.slice(errorsBefore).map((e) => `${(e.detail as { code: string }).code} ${(e.detail as { attribute?: string }).attribute}`),
    };
    try {
      check(result);
    } catch (error) {
      (error as Error).message = `step "${label}": ${(error as Error).message}`;
      throw error;
    }
    if (result.made > 0 && current() && 'isAlive' in current()!) {
      expect(boxesOf(f, el.localName as UiTag).filter((b) => b.isAlive).length, 'one live UI object').to.be.at.most(1);
    }
  }
}

describe('attribute changes: the UI elements', () => {
  for (const row of UI_ROWS) {
    for (const tag of row.tags as readonly UiTag[]) {
      it(`<${tag}> ${row.name}: ${row.steps.map(([label]) => label).join(', ')}`, async () => {
        fake = sampleFake({
          conversations: [
            { id: 'order-1', participants: ['alice', 'bob'] },
            { id: 'order-2', participants: ['alice', 'carol'] },
            { id: 'order-3', participants: ['alice'] },
          ],
        });
        const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
        const el = document.createElement(tag) as unknown as El;
        for (const [name, value] of Object.entries(row.base ?? {})) el.setAttribute(name, value);
        sessionEl.append(el);
        await until(() => el.status === 'ready', `<${tag}> ready`);
        await settle(el);
        const boxes = () => boxesOf(fake!, tag);
        await runSteps(
          fake,
          el,
          row.steps,
          () => boxes().length,
          () => boxes().at(-1),
        );
        expect(
          boxes().filter((b) => b.isAlive),
          'one live UI object at the end',
        ).to.have.length(1);
        watch.expectNothingThrown();
      });
    }
  }

  for (const tag of UI_TAGS) {
    it(`<${tag}> session: set (another session), changed (a third), removed (back to the <talk-session>'s), each recreating the UI on that session`, async () => {
      fake = sampleFake();
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      const el = document.createElement(tag) as unknown as El;
      el.setAttribute('conversation-id', 'order-1');
      sessionEl.append(el);
      await until(() => el.status === 'ready', 'ready');
      const own = fake.sessions[0]!;
      const bobs = new fake.Session({ appId: 'tTEST', userId: 'bob' });
      const carols = new fake.Session({ appId: 'tTEST', userId: 'carol' });
      onCleanup(() => [bobs, carols].forEach((s) => s.isAlive && s.destroy()));
      const onSession = (r: StepResult, session: FakeSession) => {
        expect(r.made, 'UI objects made').to.equal(1);
        expect((r.current as FakeBox).session === session, 'the new UI is on the expected session').to.equal(true);
        expect(
          boxesOf(r.fake, tag).filter((b) => b.isAlive),
          'the old UI destroyed',
        ).to.have.length(1);
      };
      await runSteps(
        fake,
        el,
        [
          ['set', prop('session', bobs), (r) => onSession(r, bobs)],
          ['changed', prop('session', carols), (r) => onSession(r, carols)],
          ['removed', prop('session', undefined), (r) => onSession(r, own)],
        ],
        () => boxesOf(fake!, tag).length,
        () => boxesOf(fake!, tag).at(-1),
      );
    });
  }
});

describe('attribute changes: after a failure', () => {
  for (const tag of UI_TAGS) {
    const create = { 'talk-chatbox': 'createChatbox', 'talk-inbox': 'createInbox', 'talk-popup': 'createPopup' }[tag];
    it(`<${tag}>: ${create}() failed; one attribute changed on its own tries again, with that attribute`, async () => {
      fake = sampleFake();
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => sessionEl.status === 'ready', 'session ready');
      fake.failNext(create);
      const el = document.createElement(tag);
      el.setAttribute('conversation-id', 'order-1');
      sessionEl.append(el);
      await until(() => el.status === 'error', 'the failure');
      await nextTask();
      expect(watch.errors.events.map((e) => (e.detail as { code: string }).code)).to.deep.equal(['sdk-error']);
      expect(fake.callsTo(create), 'tried once, not again on every update').to.have.length(1);
      el.setAttribute('theme', 'dark');
      await until(() => el.status === 'ready', 'ready after the change');
      expect(fake.callsTo(create).map((c) => c.args)).to.deep.equal([[{}], [{ theme: 'dark' }]]);
    });
  }
});

describe('attribute changes: session-timeout (UI elements and the badge)', () => {
  for (const tag of [...UI_TAGS, 'talk-unread-badge'] as const) {
    it(`<${tag}> session-timeout: 0, 25, removed (5000): the no-session wait each time it is connected outside any session`, async () => {
      const timers = recordTimers('session-controller', { time: 'manual' });
      const el = document.createElement(tag) as unknown as El;
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const delays: number[] = [];
      for (const value of ['0', '25', null] as const) {
        if (value === null) el.removeAttribute('session-timeout');
        else el.setAttribute('session-timeout', value);
        host.append(el);
        await nextTask();
        const armed = timers.outstanding();
        expect(armed, `one no-session timer (session-timeout ${value})`).to.have.length(1);
        delays.push(armed[0]!.delay);
        const before = watch.errors.events.length;
        armed[0]!.fire();
        await nextTask();
        // Reported once per element (the key stays until a session turns up); the state says it each time.
        if (value === '0')
          expect(
            watch.errors.events.slice(before).map((e) => (e.detail as { code: string }).code),
            'no-session reported',
          ).to.deep.equal(['no-session']);
        expect((el as unknown as { status: string }).status, 'status after the wait').to.equal('error');
        el.remove();
        await nextTask();
      }
      expect(delays).to.deep.equal([0, 25, 5000]);
    });
  }
});

describe('attribute changes: <talk-session>', () => {
  /** A live `<talk-session>` on `f` with `attributes` (app-id and user-id unless given) and `properties`. */
  async function liveSession(f: FakeTalk, attributes: Record<string, string> = {}, properties: Record<string, unknown> = {}): Promise<El> {
    const el = document.createElement('talk-session') as unknown as El;
    el.sdk = f;
    for (const [name, value] of Object.entries({ 'app-id': 'tTEST', 'user-id': 'alice', ...attributes })) el.setAttribute(name, value);
    Object.assign(el, properties);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(el);
    await until(() => el.status !== 'loading', '<talk-session> settled');
    await nextTask();
    return el;
  }
  const sessions = () => fake!.sessions;
  const newSession = (expected: Record<string, unknown>) => (r: StepResult) => {
    expect(r.made, 'sessions made').to.equal(1);
    expect(optionsOf(r.current as FakeSession), 'options of the new session').to.deep.equal(expected);
    expect(
      sessions().filter((s) => s.isAlive),
      'one live session',
    ).to.have.length(1);
    expect(r.errors).to.deep.equal([]);
  };
  const failedWith = (error: string) => (r: StepResult) => {
    expect(r.errors).to.deep.equal([error]);
    expect(
      sessions().filter((s) => s.isAlive),
      'no live session',
    ).to.have.length(0);
    expect(r.el.status).to.equal('error');
  };
  const userSet = (patch: Record<string, unknown> | undefined) => (r: StepResult) => {
    expect(r.made, 'sessions made (a user field keeps the session)').to.equal(0);
    expect(r.args('set'), 'currentUser.set calls').to.deep.equal(patch ? [[patch]] : []);
    expect(r.errors).to.deep.equal([]);
  };
  const SESSION_ROWS: Row[] = [
    {
      name: 'app-id',
      tags: ['talk-session'],
      steps: [
        ['changed', set('app-id', 'tOTHER'), newSession({ appId: 'tOTHER', userId: 'alice' })],
        ['removed', remove('app-id'), failedWith('missing-app-id app-id')],
        ['set', set('app-id', 'tTEST'), newSession({ appId: 'tTEST', userId: 'alice' })],
        ['empty', set('app-id', ''), failedWith('missing-app-id app-id')],
      ],
    },
    {
      name: 'user-id',
      tags: ['talk-session'],
      steps: [
        ['changed', set('user-id', 'bob'), newSession({ appId: 'tTEST', userId: 'bob' })],
        ['removed', remove('user-id'), failedWith('missing-user user-id')],
        ['set', set('user-id', 'carol'), newSession({ appId: 'tTEST', userId: 'carol' })],
        ['empty', set('user-id', ''), failedWith('missing-user user-id')],
      ],
    },
    ...(['token', 'signature'] as const).map((name): Row => ({
      name,
      tags: ['talk-session'],
      steps: [
        // With a token, the kit's fetcher asks talk-token-required for refreshes; a signature has none.
        ['set', set(name, 'one'), newSession({ appId: 'tTEST', userId: 'alice', [name]: 'one', ...(name === 'token' ? { tokenFetcher: '<fetcher>' } : {}) })],
        [
          'changed',
          set(name, 'two'),
          newSession({ appId: 'tTEST', userId: 'alice', [name]: 'two', ...(name === 'token' ? { tokenFetcher: '<fetcher>' } : {}) }),
        ],
        ['removed', remove(name), newSession({ appId: 'tTEST', userId: 'alice' })],
        ['empty: no new session (still none)', set(name, ''), (r) => expect(r.made).to.equal(0)],
      ],
    })),
    {
      name: 'token-endpoint',
      tags: ['talk-session'],
      steps: [
        [
          'set',
          set('token-endpoint', `/test-api/token?scenario=${SCENARIO}`),
          newSession({ appId: 'tTEST', userId: 'alice', token: 'jwt-for-alice-1', tokenFetcher: '<fetcher>' }),
        ],
        [
          'changed',
          set('token-endpoint', `/test-api/token?scenario=${SCENARIO}-2`),
          (r) => expect([r.made, optionsOf(r.current as FakeSession).tokenFetcher]).to.deep.equal([1, '<fetcher>']),
        ],
        ['removed', remove('token-endpoint'), newSession({ appId: 'tTEST', userId: 'alice' })],
      ],
    },
    {
      name: 'user-name',
      tags: ['talk-session'],
      steps: [
        ['set', set('user-name', 'Alice A'), userSet({ name: 'Alice A' })],
        ['changed', set('user-name', 'Alice B'), userSet({ name: 'Alice B' })],
        ['removed (no user-* left: the user is left alone)', remove('user-name'), userSet(undefined)],
      ],
    },
    ...(
      [
        ['user-email', 'email', 'a@example.com', 'b@example.com'],
        ['user-photo-url', 'photoUrl', 'https://example.com/a.png', 'https://example.com/b.png'],
        ['user-role', 'role', 'buyer', 'seller'],
        ['user-locale', 'locale', 'nl-NL', 'en-US'],
        ['user-welcome-message', 'welcomeMessage', 'Hi', 'Hello'],
      ] as const
    ).map(([name, field, first, second]): Row => ({
      name,
      tags: ['talk-session'],
      base: { 'user-name': 'Alice' },
      steps: [
        // currentUser.set gets every user field, with a removed one as null.
        ['set', set(name, first), userSet({ name: 'Alice', [field]: first })],
        ['changed', set(name, second), userSet({ name: 'Alice', [field]: second })],
        ['removed: sent as null', remove(name), userSet({ name: 'Alice', [field]: null })],
      ],
    })),
    {
      name: 'user-custom',
      tags: ['talk-session'],
      base: { 'user-name': 'Alice' },
      steps: [
        ['set', set('user-custom', '{"a":"1"}'), userSet({ name: 'Alice', custom: { a: '1' } })],
        ['changed', set('user-custom', '{"b":"2"}'), userSet({ name: 'Alice', custom: { b: '2', a: null } })],
        ['removed: sent as null', remove('user-custom'), userSet({ name: 'Alice', custom: null })],
        ['empty object', set('user-custom', '{}'), userSet({ name: 'Alice', custom: {} })],
      ],
    },
    {
      name: 'desktop-notification-enabled',
      tags: ['talk-session'],
      steps: [
        ['set false', set('desktop-notification-enabled', 'false'), (r) => expect(r.args('setDesktopNotificationEnabled')).to.deep.equal([[false]])],
        [
          'removed: the user’s own choice left alone',
          remove('desktop-notification-enabled'),
          (r) => expect(r.args('setDesktopNotificationEnabled')).to.deep.equal([]),
        ],
        [
          'set false again: already applied',
          set('desktop-notification-enabled', 'false'),
          (r) => expect(r.args('setDesktopNotificationEnabled')).to.deep.equal([]),
        ],
      ],
    },
  ];

  for (const row of SESSION_ROWS) {
    it(`<talk-session> ${row.name}: ${row.steps.map(([label]) => label).join(', ')}`, async () => {
      fake = sampleFake({
        users: [
          { id: 'alice', name: 'Alice' },
          { id: 'bob', name: 'Bob' },
          { id: 'carol', name: 'Carol' },
        ],
      });
      const el = await liveSession(fake, row.base);
      expect(el.status).to.equal('ready');
      await runSteps(
        fake,
        el,
        row.steps,
        () => sessions().length,
        () => sessions().at(-1),
      );
      watch.expectNothingThrown();
    });
  }

  it('<talk-session> talk-desktop-notification-clicked listener: added (subscribed in TalkJS), removed (unsubscribed), added again', async () => {
    fake = sampleFake();
    const el = await liveSession(fake);
    const session = fake.sessions[0]!;
    const subscribed = () => fake!.live().subscriptions;
    const before = subscribed();
    const listener = () => undefined;
    el.addEventListener('talk-desktop-notification-clicked', listener);
    expect(fake.callsTo('onDesktopNotificationClicked', session), 'subscribed').to.have.length(1);
    expect(subscribed()).to.equal(before + 1);
    el.removeEventListener('talk-desktop-notification-clicked', listener);
    expect(subscribed(), 'unsubscribed: TalkJS’s own default applies again').to.equal(before);
    el.addEventListener('talk-desktop-notification-clicked', listener);
    expect(fake.callsTo('onDesktopNotificationClicked', session), 'subscribed again').to.have.length(2);
    expect(subscribed()).to.equal(before + 1);
    el.removeEventListener('talk-desktop-notification-clicked', listener);
  });

  it('<talk-session> desktop-notification-enabled: set true waits for the user, then true; changed to false at once', async () => {
    fake = sampleFake();
    const el = await liveSession(fake);
    const calls = () => fake!.callsTo('setDesktopNotificationEnabled').map((c) => c.args);
    el.setAttribute('desktop-notification-enabled', '');
    await nextTask();
    if (calls().length === 0) {
      const spot = document.createElement('div');
      spot.style.cssText = 'position: fixed; left: 0; top: 0; width: 20px; height: 20px; z-index: 2147483647;';
      document.body.append(spot);
      onCleanup(() => spot.remove());
      await sendMouse({ type: 'click', position: [10, 10] });
      await until(() => calls().length > 0, 'setDesktopNotificationEnabled at the click');
    }
    expect(calls()).to.deep.equal([[true]]);
    el.setAttribute('desktop-notification-enabled', 'false');
    await nextTask();
    expect(calls()).to.deep.equal([[true], [false]]);
  });

  it('<talk-session> load-timeout: 0, 30, removed (15000): the wait for an SDK that never loads', async () => {
    const timers = recordTimers('sdk-loader', { time: 'manual' });
    const never = anotherFake({ ready: 'never' });
    const delays: number[] = [];
    const el = document.createElement('talk-session') as unknown as El;
    el.setAttribute('app-id', 'tTEST');
    el.setAttribute('user-id', 'alice');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    for (const value of ['0', '30', null] as const) {
      if (value === null) el.removeAttribute('load-timeout');
      else el.setAttribute('load-timeout', value);
      el.sdk = sampleFake({ ready: 'never' });
      host.append(el);
      await nextTask();
      const armed = timers.outstanding();
      expect(armed, `one load timer (load-timeout ${value})`).to.have.length(1);
      delays.push(armed[0]!.delay);
      const before = watch.errors.events.length;
      armed[0]!.fire();
      await until(() => watch.errors.events.length > before, 'sdk-load-failed');
      const detail = watch.errors.events.at(-1)!.detail as { code: string; message: string };
      expect(detail.code).to.equal('sdk-load-failed');
      expect(detail.message).to.include(`load-timeout=${value ?? 15000} ms`);
      el.remove();
      await nextTask();
    }
    expect(delays).to.deep.equal([0, 30, 15000]);
    expect(never.sessions).to.have.length(0);
  });

  it('<talk-session> tokenFetcher: set, changed, removed: a new session each time, with the kit’s fetcher and then without', async () => {
    fake = sampleFake();
    const el = await liveSession(fake);
    const steps: Step[] = [
      ['set', prop('tokenFetcher', () => 'jwt-a'), newSession({ appId: 'tTEST', userId: 'alice', token: 'jwt-a', tokenFetcher: '<fetcher>' })],
      ['changed', prop('tokenFetcher', () => 'jwt-b'), newSession({ appId: 'tTEST', userId: 'alice', token: 'jwt-b', tokenFetcher: '<fetcher>' })],
      ['removed', prop('tokenFetcher', undefined), newSession({ appId: 'tTEST', userId: 'alice' })],
    ];
    await runSteps(
      fake,
      el,
      steps,
      () => sessions().length,
      () => sessions().at(-1),
    );
  });

  it('<talk-session> tokenRetry: set, changed, zero delays, removed: the session is kept (it applies to the next fetch)', async () => {
    fake = sampleFake();
    const el = await liveSession(fake);
    const kept = (r: StepResult) => {
      expect(r.made, 'sessions made').to.equal(0);
      expect(
        r.calls.map((c) => c.method),
        'SDK calls',
      ).to.deep.equal([]);
      expect(r.errors).to.deep.equal([]);
    };
    await runSteps(
      fake,
      el,
      [
        ['set', prop('tokenRetry', { attempts: 2 }), kept],
        ['changed', prop('tokenRetry', { attempts: 3, baseDelay: 10 }), kept],
        ['zero delays', prop('tokenRetry', { baseDelay: 0, maxDelay: 0 }), kept],
        ['removed', prop('tokenRetry', undefined), kept],
      ],
      () => sessions().length,
      () => sessions().at(-1),
    );
    // Then it does apply: a fetcher that always fails is tried `attempts` times.
    let calls = 0;
    el.tokenRetry = { attempts: 2, baseDelay: 0, maxDelay: 0 };
    el.tokenFetcher = () => (calls++, Promise.reject(new Error('down')));
    await until(() => watch.errors.events.some((e) => (e.detail as { code: string }).code === 'token-fetch-failed'), 'token-fetch-failed');
    expect(calls, 'fetch attempts').to.equal(2);
  });

  it('<talk-session> syncUser: set (bob, no user-id), changed (carol), removed: a session per user, then missing-user', async () => {
    fake = sampleFake();
    const el = await liveSession(fake, { 'user-id': 'alice' });
    el.removeAttribute('user-id');
    el.syncUser = new fake.User({ id: 'bob', name: 'Bob' });
    await settle(el);
    const bobs = sessions().at(-1)!;
    expect((bobs.options.me as { id: string } | undefined)?.id, 'me of the session').to.equal('bob');
    await runSteps(
      fake,
      el,
      [
        [
          'changed',
          prop('syncUser', () => new fake!.User({ id: 'carol', name: 'Carol' })),
          (r) => {
            expect(r.made).to.equal(1);
            expect(((r.current as FakeSession).options.me as { id: string }).id).to.equal('carol');
            expect(bobs.isAlive).to.equal(false);
          },
        ],
        [
          'changed: same id, new name (the user updated, session kept)',
          prop('syncUser', new fake.User({ id: 'carol', name: 'Caroline' })),
          userSet({ name: 'Caroline' }),
        ],
        ['removed', prop('syncUser', undefined), failedWith('missing-user user-id')],
      ],
      () => sessions().length,
      () => sessions().at(-1),
    );
  });

  it('<talk-session> sdk: set (another fake), changed (a third), removed: the old session destroyed each time', async () => {
    fake = sampleFake();
    const el = await liveSession(fake);
    const second = anotherFake();
    const third = anotherFake();
    el.sdk = second;
    await settle(el);
    expect([fake.live().sessions, second.live().sessions]).to.deep.equal([0, 1]);
    el.sdk = third;
    await settle(el);
    expect([second.live().sessions, third.live().sessions]).to.deep.equal([0, 1]);
    // Back to the talkjs package: it loads TalkJS from its CDN, which a test must not wait for.
    el.setAttribute('load-timeout', '0');
    el.sdk = undefined;
    await nextTask();
    expect(third.live().sessions, 'the third fake’s session destroyed').to.equal(0);
    expect(el.session).to.equal(undefined);
    el.remove();
  });
});

/** Whether this build's badge has `conversation-id` (one conversation's count). */
function badgeHasConversationId(): boolean {
  return (customElements.get('talk-unread-badge') as unknown as { elementProperties: Map<string, unknown> }).elementProperties.has('conversationId');
}

describe('attribute changes: <talk-unread-badge>', () => {
  /** A badge in a live session where alice has unread messages: 2 in order-1, 1 in order-2. */
  async function badge(attributes: Record<string, string> = {}): Promise<TalkUnreadBadgeElement> {
    fake = sampleFake({
      conversations: [
        {
          id: 'order-1',
          participants: ['alice', 'bob'],
          messages: [
            { senderId: 'bob', text: 'a' },
            { senderId: 'bob', text: 'b' },
          ],
        },
        { id: 'order-2', participants: ['alice', 'carol'], messages: [{ senderId: 'carol', text: 'c' }] },
        { id: 'order-3', participants: ['bob', 'carol'] },
        { id: 'order-4', participants: ['alice', 'bob'] },
      ],
    });
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const el = document.createElement('talk-unread-badge');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    sessionEl.append(el);
    await until(() => el.status === 'ready', 'badge ready');
    return el;
  }
  const shown = (el: TalkUnreadBadgeElement) => {
    const part = el.shadowRoot!.querySelector('[part="badge"]') as HTMLElement;
    return { text: part.textContent, hidden: part.hidden, label: part.getAttribute('aria-label') };
  };
  async function step(el: TalkUnreadBadgeElement, act: () => void) {
    act();
    await el.updateComplete;
    await nextTask();
    return shown(el);
  }

  it('count: set messages, changed back to conversations, removed', async () => {
    const el = await badge();
    expect(shown(el)).to.deep.equal({ text: '2', hidden: false, label: '2 unread conversations' });
    expect(await step(el, () => el.setAttribute('count', 'messages'))).to.deep.equal({ text: '3', hidden: false, label: '3 unread messages' });
    expect(await step(el, () => el.setAttribute('count', 'conversations'))).to.deep.equal({ text: '2', hidden: false, label: '2 unread conversations' });
    el.setAttribute('count', 'messages');
    await el.updateComplete;
    expect(await step(el, () => el.removeAttribute('count'))).to.deep.equal({ text: '2', hidden: false, label: '2 unread conversations' });
  });

  it('max: set 1 (capped), changed to 2 (exactly max: not capped), 0, removed (99)', async () => {
    const el = await badge({ count: 'messages' });
    expect((await step(el, () => el.setAttribute('max', '1'))).text).to.equal('1+');
    expect((await step(el, () => el.setAttribute('max', '3'))).text, 'the count equal to max is shown as is').to.equal('3');
    expect((await step(el, () => el.setAttribute('max', '2'))).text).to.equal('2+');
    expect((await step(el, () => el.setAttribute('max', '0'))).text, 'max 0').to.equal('0+');
    expect((await step(el, () => el.removeAttribute('max'))).text).to.equal('3');
    expect(shown(el).label, 'the label has the exact number').to.equal('3 unread messages');
  });

  it('label: set, changed, empty, removed', async () => {
    const el = await badge();
    expect((await step(el, () => el.setAttribute('label', '{count} new chats'))).label).to.equal('2 new chats');
    expect((await step(el, () => el.setAttribute('label', 'Unread: {count}'))).label).to.equal('Unread: 2');
    expect((await step(el, () => el.setAttribute('label', ''))).label, 'an empty label is empty').to.equal('');
    expect((await step(el, () => el.removeAttribute('label'))).label).to.equal('2 unread conversations');
  });

  if (badgeHasConversationId()) {
    it('conversation-id: set, changed, unknown id (0, hidden), empty (all conversations again), removed', async () => {
      const el = await badge();
      expect(await step(el, () => el.setAttribute('conversation-id', 'order-1'))).to.deep.equal({ text: '2', hidden: false, label: '2 unread messages' });
      expect(await step(el, () => el.setAttribute('conversation-id', 'order-2'))).to.deep.equal({ text: '1', hidden: false, label: '1 unread messages' });
      expect(await step(el, () => el.setAttribute('conversation-id', 'nope'))).to.deep.equal({ text: '0', hidden: true, label: '0 unread messages' });
      expect(await step(el, () => el.setAttribute('conversation-id', ''))).to.deep.equal({ text: '2', hidden: false, label: '2 unread conversations' });
      el.setAttribute('conversation-id', 'order-1');
      await el.updateComplete;
      expect(await step(el, () => el.removeAttribute('conversation-id'))).to.deep.equal({ text: '2', hidden: false, label: '2 unread conversations' });
    });
  }

  it('zero unread: hidden, "0"; one arriving shows it; read again hides it', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const el = document.createElement('talk-unread-badge');
    sessionEl.append(el);
    await until(() => el.status === 'ready', 'badge ready');
    expect(shown(el)).to.deep.equal({ text: '0', hidden: true, label: '0 unread conversations' });
    fake.backend.sendMessage('order-1', 'bob', 'hi');
    await nextTask();
    expect(shown(el)).to.deep.equal({ text: '1', hidden: false, label: '1 unread conversations' });
  });

  it('session: set (another session), changed (a third), removed (the <talk-session>’s again), counting each', async () => {
    const el = await badge();
    const bobs = new fake!.Session({ appId: 'tTEST', userId: 'bob' });
    const carols = new fake!.Session({ appId: 'tTEST', userId: 'carol' });
    onCleanup(() => [bobs, carols].forEach((s) => s.isAlive && s.destroy()));
    const counted = (session: FakeSession) => fake!.callsTo('onChange', session.unreads).length;
    el.session = bobs;
    await until(() => counted(bobs) === 1, 'subscribed to bob’s unreads');
    await nextTask();
    // A change reaches the badge under either reading of the startup report.
    fake!.backend.sendMessage('order-3', 'carol', 'for bob');
    await until(() => shown(el).text === '1', 'bob’s count');
    el.session = carols;
    await until(() => counted(carols) === 1, 'subscribed to carol’s unreads');
    await nextTask();
    fake!.backend.sendMessage('order-3', 'bob', 'for carol');
    fake!.backend.sendMessage('order-3', 'bob', 'for carol again');
    await until(() => shown(el).text === '1' && el.value === 1, 'carol’s count');
    fake!.backend.sendMessage('order-4', 'alice', 'for bob again');
    await nextTask();
    expect(shown(el).text, 'bob’s changes no longer counted').to.equal('1');
    el.session = undefined;
    await nextTask();
    await nextTask();
    expect(shown(el).text, 'alice’s count again').to.equal('2');
  });
});

describe('attribute changes: <talk-html-panel>', () => {
  async function panel(attributes: Record<string, string>) {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.setAttribute('conversation-id', 'order-1');
    const el = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    chatboxEl.append(el);
    sessionEl.append(chatboxEl);
    await until(() => el.status === 'ready', 'panel ready');
    return el as unknown as El;
  }
  const panels = () => fake!.htmlPanels;
  const madeWith = (options: Record<string, unknown>) => (r: StepResult) => {
    expect(r.made, 'panels made').to.equal(1);
    expect(r.args('createHtmlPanel')).to.deep.equal([[options]]);
    expect(
      panels().filter((p) => p.isAlive),
      'one panel',
    ).to.have.length(1);
    expect(r.errors).to.deep.equal([]);
  };
  const live =
    (method: string, ...args: unknown[]) =>
    (r: StepResult) => {
      expect(r.made, 'panels made').to.equal(0);
      expect(r.args(method)).to.deep.equal([args]);
    };
  const URL_A = '/test/fixtures/panel.html';
  const URL_B = '/test/fixtures/panel.html?b';
  const ROWS: Row[] = [
    {
      name: 'url',
      tags: ['talk-html-panel'],
      base: { url: URL_A },
      steps: [
        ['changed', set('url', URL_B), madeWith({ url: URL_B })],
        [
          'removed',
          remove('url'),
          (r) => {
            expect(r.errors).to.deep.equal(['invalid-attribute url']);
            expect(
              panels().filter((p) => p.isAlive),
              'no panel',
            ).to.have.length(0);
          },
        ],
        ['set', set('url', URL_A), madeWith({ url: URL_A })],
      ],
    },
    {
      name: 'height',
      tags: ['talk-html-panel'],
      base: { url: URL_A },
      steps: [
        ['set', set('height', '60'), live('setHeight', 60)],
        ['changed', set('height', '80'), live('setHeight', 80)],
        ['zero', set('height', '0'), live('setHeight', 0)],
        ['removed: the panel kept, back to the default 100 px', remove('height'), live('setHeight', 100)],
      ],
    },
    {
      name: 'show',
      tags: ['talk-html-panel'],
      base: { url: URL_A },
      steps: [
        ['set false', set('show', 'false'), live('hide')],
        ['changed to true', set('show', 'true'), live('show')],
        ['set false again', set('show', 'false'), live('hide')],
        ['removed (default: shown)', remove('show'), live('show')],
      ],
    },
    {
      name: 'conversation-id',
      tags: ['talk-html-panel'],
      base: { url: URL_A },
      steps: [
        ['set', set('conversation-id', 'order-1'), madeWith({ url: URL_A, conversation: 'order-1' })],
        ['changed', set('conversation-id', 'order-2'), madeWith({ url: URL_A, conversation: 'order-2' })],
        ['removed', remove('conversation-id'), madeWith({ url: URL_A })],
      ],
    },
  ];
  for (const row of ROWS) {
    it(`<talk-html-panel> ${row.name}: ${row.steps.map(([label]) => label).join(', ')}`, async () => {
      const el = await panel(row.base ?? {});
      await nextTask();
      await runSteps(
        fake!,
        el,
        row.steps,
        () => panels().length,
        () => undefined,
      );
    });
  }

  it('<talk-html-panel> height 0 and show false at creation: in the options', async () => {
    const el = await panel({ url: URL_A, height: '0', show: 'false' });
    expect(fake!.callsTo('createHtmlPanel').map((c) => c.args)).to.deep.equal([[{ url: URL_A, height: 0, show: false }]]);
    expect(el.status).to.equal('ready');
  });
});

describe('attribute changes: the table covers every declared attribute and property', () => {
  it('every element’s elementProperties has rows here', () => {
    const covered: Record<string, string[]> = {
      'talk-chatbox': [...UI_ROWS.filter((r) => r.tags.includes('talk-chatbox')).map((r) => r.name), 'session', 'session-timeout'],
      'talk-inbox': [...UI_ROWS.filter((r) => r.tags.includes('talk-inbox')).map((r) => r.name), 'session', 'session-timeout'],
      'talk-popup': [...UI_ROWS.filter((r) => r.tags.includes('talk-popup')).map((r) => r.name), 'session', 'session-timeout'],
      'talk-session': [
        'app-id',
        'user-id',
        'token',
        'signature',
        'token-endpoint',
        'user-name',
        'user-email',
        'user-photo-url',
        'user-role',
        'user-locale',
        'user-welcome-message',
        'user-custom',
        'desktop-notification-enabled',
        'load-timeout',
        'tokenFetcher',
        'tokenRetry',
        'syncUser',
        'sdk',
      ],
      'talk-unread-badge': ['count', 'max', 'label', 'session', 'session-timeout', ...(badgeHasConversationId() ? ['conversation-id'] : [])],
      'talk-html-panel': ['url', 'height', 'show', 'conversation-id'],
    };
    const missing: string[] = [];
    for (const [tag, names] of Object.entries(covered)) {
      const ctor = customElements.get(tag) as unknown as { elementProperties: Map<string, { attribute?: unknown }> };
      for (const [property, declaration] of ctor.elementProperties) {
        const name = typeof declaration.attribute === 'string' ? declaration.attribute : String(property);
        // A row may name the property (set from script) where it also has an attribute.
        if (!names.includes(name) && !names.includes(String(property))) missing.push(`<${tag}> ${name}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
