/**
 * Errors: every bad input or failed SDK call gives exactly one `talk-error` (with a documented
 * code, the attribute, and a message naming the element and the attribute) and exactly one
 * console.error line naming the same; nothing is thrown out of a lifecycle callback; the element
 * stays usable once the input is fixed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { TALK_ERROR_CODES, type TalkErrorDetail, type TalkSessionElement } from '../src/index.js';
import {
  consoleLine,
  expectNoLeaks,
  nextTask,
  optionsOf,
  recordEvents,
  sampleFake,
  slots,
  until,
  watchErrors,
  type ErrorWatch,
  type FakeTalk,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk;
let watch: ErrorWatch;

beforeEach(() => {
  fake = sampleFake();
  watch = watchErrors();
});
afterEach(async () => {
  // An uncaught error is kept from the test runner (see watchErrors): any left over fails here.
  watch.expectNothingThrown();
  await expectNoLeaks(fake);
});

interface Expected {
  code: TalkErrorDetail['code'];
  /** The element's tag, named in the message as `<tag>`. */
  tag: string;
  /** The attribute named by `detail.attribute` and in both messages (omit for SDK failures without one). */
  attribute?: string;
  /** The element the event must be dispatched on. */
  target?: Element;
  /** Further words the message must contain. */
  mentions?: string[];
  /** Where the events were recorded (default: the document). */
  events?: ReturnType<typeof recordEvents>;
}

/**
 * Waits for a `talk-error`, lets anything else happen, then checks: exactly one event, its code,
 * attribute and message; exactly one console.error naming the element and attribute; nothing thrown.
 */
async function expectOneError(expected: Expected): Promise<TalkErrorDetail> {
  const recorded = expected.events ?? watch.errors;
  await until(() => recorded.events.length > 0, `a talk-error (${expected.code})`);
  await nextTask();
  await nextTask();
  const events = recorded.of('talk-error');
  expect(
    events.map((event) => `${(event.detail as TalkErrorDetail).code}: ${(event.detail as TalkErrorDetail).message}`),
    'talk-error events',
  ).to.have.length(1);
  const event = events[0]!;
  const detail = event.detail as TalkErrorDetail;
  expect(detail.code, 'detail.code').to.equal(expected.code);
  expect(TALK_ERROR_CODES, 'TALK_ERROR_CODES').to.include(detail.code);
  expect(event.bubbles, 'bubbles').to.equal(true);
  expect(event.composed, 'composed').to.equal(true);
  if (expected.target) expect(event.target, 'event target').to.equal(expected.target);
  expect(detail.message, 'detail.message').to.include(`<${expected.tag}>`);
  if (expected.attribute !== undefined) {
    expect(detail.attribute, 'detail.attribute').to.equal(expected.attribute);
    expect(detail.message, 'detail.message').to.include(expected.attribute);
  }
  for (const word of expected.mentions ?? []) expect(detail.message, 'detail.message').to.include(word);

  expect(watch.console.errors.map(consoleLine), 'console.error calls').to.have.length(1);
  const line = consoleLine(watch.console.errors[0]!);
  expect(line, 'console.error').to.include(`<${expected.tag}>`);
  if (expected.attribute !== undefined) expect(line, 'console.error').to.include(expected.attribute);
  expectNothingThrown();
  return detail;
}

/** Still exactly one talk-error and one console.error (after letting pending work run). */
async function expectStillOne(events: ReturnType<typeof recordEvents> = watch.errors): Promise<void> {
  await nextTask();
  await nextTask();
  expect(
    events.of('talk-error').map((event) => (event.detail as TalkErrorDetail).message),
    'talk-error events',
  ).to.have.length(1);
  expect(watch.console.errors.map(consoleLine), 'console.error calls').to.have.length(1);
  expectNothingThrown();
}

const expectNothingThrown = () => watch.expectNothingThrown();

/** A UI element in error: status, state and slots. */
function expectUiInError(el: HTMLElementTagNameMap[UiTag]): void {
  expect(el.status, `<${el.localName}> status`).to.equal('error');
  expect(el.matches(':state(error)'), ':state(error)').to.equal(true);
  expect(slots(el).error.hidden, 'error slot hidden').to.equal(false);
  expect(slots(el).loading.hidden, 'loading slot hidden').to.equal(true);
}

/** Builds `<talk-session>` (with `sessionAttributes`) holding `<uiTag>` (with `uiAttributes`), then connects them. */
async function build<T extends UiTag>(
  sessionAttributes: Record<string, string>,
  uiTag: T,
  uiAttributes: Record<string, string> = {},
): Promise<{ sessionEl: TalkSessionElement; el: HTMLElementTagNameMap[T] }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const sessionEl = document.createElement('talk-session');
  for (const [name, value] of Object.entries(sessionAttributes)) sessionEl.setAttribute(name, value);
  sessionEl.sdk = fake;
  const el = document.createElement(uiTag);
  for (const [name, value] of Object.entries(uiAttributes)) el.setAttribute(name, value);
  sessionEl.append(el);
  host.append(sessionEl);
  return { sessionEl, el };
}

describe('errors: <talk-session> inputs', () => {
  it('missing app-id → missing-app-id; no session; every UI child shows its error slot; fixing it recovers', async () => {
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session user-id="alice" .sdk=${fake}>
        <talk-chatbox conversation-id="order-1"><span slot="error">Chat unavailable</span></talk-chatbox>
        <talk-inbox></talk-inbox>
        <talk-popup></talk-popup>
      </talk-session>
    `);
    await expectOneError({ code: 'missing-app-id', tag: 'talk-session', attribute: 'app-id', target: sessionEl });
    expect(
      fake.callsTo('constructor').filter((call) => call.target.startsWith('Session')),
      'Session constructor calls',
    ).to.deep.equal([]);
    expect(fake.sessions).to.have.length(0);
    expect(sessionEl.status).to.equal('error');
    expect(sessionEl.session).to.equal(undefined);
    for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup'] as const) {
      const el = sessionEl.querySelector(tag)!;
      await until(() => el.status === 'error', `${tag} error`);
      expectUiInError(el);
    }
    expect(sessionEl.querySelector<HTMLElement>('[slot="error"]')!.getClientRects().length, 'error content rendered').to.be.greaterThan(0);

    sessionEl.setAttribute('app-id', 'tTEST');
    const chatbox = sessionEl.querySelector('talk-chatbox')!;
    await until(() => chatbox.status === 'ready', 'chatbox ready after app-id is set');
    expect(fake.sessions).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tTEST', userId: 'alice' });
    await expectStillOne();
  });

  it('blank app-id ("  ") → missing-app-id; no session', async () => {
    const { sessionEl, el } = await build({ 'app-id': '  ', 'user-id': 'alice' }, 'talk-chatbox');
    await expectOneError({ code: 'missing-app-id', tag: 'talk-session', attribute: 'app-id', target: sessionEl });
    expect(fake.sessions).to.have.length(0);
    await until(() => el.status === 'error', 'chatbox error');
    expectUiInError(el);
  });

  it('missing user-id (no syncUser) → missing-user; no session', async () => {
    const { sessionEl, el } = await build({ 'app-id': 'tTEST' }, 'talk-chatbox');
    await expectOneError({ code: 'missing-user', tag: 'talk-session', attribute: 'user-id', target: sessionEl });
    expect(fake.sessions).to.have.length(0);
    await until(() => el.status === 'error', 'chatbox error');
    expectUiInError(el);
    // An unrelated change does not report again.
    sessionEl.setAttribute('token', 'jwt-1');
    await expectStillOne();
  });

  it('token and signature both → invalid-attribute naming signature; no session', async () => {
    const { sessionEl } = await build({ 'app-id': 'tTEST', 'user-id': 'alice', token: 'jwt-1', signature: 'abc123' }, 'talk-chatbox');
    await expectOneError({ code: 'invalid-attribute', tag: 'talk-session', attribute: 'signature', target: sessionEl });
    expect(fake.sessions).to.have.length(0);
    sessionEl.removeAttribute('signature');
    await until(() => sessionEl.session !== undefined, 'session once signature is removed');
    expect(optionsOf(fake.sessions[0]!)).to.deep.equal({ appId: 'tTEST', userId: 'alice', token: 'jwt-1', tokenFetcher: '<fetcher>' });
    await expectStillOne();
  });

  it('syncUser with another id than user-id → invalid-attribute naming user-id; no session', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const sessionEl = document.createElement('talk-session');
    sessionEl.setAttribute('app-id', 'tTEST');
    sessionEl.setAttribute('user-id', 'alice');
    sessionEl.sdk = fake;
    sessionEl.syncUser = new fake.User({ id: 'bob', name: 'Bob', email: null });
    host.append(sessionEl);
    const detail = await expectOneError({ code: 'invalid-attribute', tag: 'talk-session', attribute: 'user-id', target: sessionEl });
    expect(detail.message).to.include('syncUser');
    expect(fake.sessions).to.have.length(0);
    sessionEl.removeAttribute('user-id');
    await until(() => sessionEl.session !== undefined, 'session once user-id is removed');
    expect(fake.sessions[0]!.me.id).to.equal('bob');
    await expectStillOne();
  });
});

interface InvalidCase {
  /** Which element carries the attribute. */
  on: 'talk-session' | UiTag;
  attribute: string;
  bad: string;
  good: string;
  /** The UI element inside the session. */
  ui: UiTag;
  /** An attribute change unrelated to the bad one, on the same element. */
  unrelated: [string, string];
  /** Checks what the fixed value produced. */
  fixed(): void;
}

const INVALID_CASES: InvalidCase[] = [
  {
    on: 'talk-session',
    attribute: 'load-timeout',
    bad: 'soon',
    good: '5000',
    ui: 'talk-chatbox',
    unrelated: ['token', 'jwt-1'],
    fixed: () => expect(fake.sessions).to.have.length(1),
  },
  {
    on: 'talk-session',
    attribute: 'desktop-notification-enabled',
    bad: 'maybe',
    good: 'false',
    ui: 'talk-chatbox',
    unrelated: ['token', 'jwt-1'],
    fixed: () => expect(fake.callsTo('setDesktopNotificationEnabled').map((call) => call.args)).to.deep.equal([[false]]),
  },
  {
    on: 'talk-chatbox',
    attribute: 'show-chat-header',
    bad: 'maybe',
    good: 'false',
    ui: 'talk-chatbox',
    unrelated: ['conversation-id', 'order-2'],
    fixed: () => expect(fake.chatboxes[0]!.options).to.deep.equal({ showChatHeader: false }),
  },
  {
    on: 'talk-chatbox',
    attribute: 'chat-title-mode',
    bad: 'bogus',
    good: 'subject',
    ui: 'talk-chatbox',
    unrelated: ['theme', 'dark'],
    fixed: () => expect(fake.chatboxes[0]!.options).to.deep.equal({ chatTitleMode: 'subject', theme: 'dark' }),
  },
  {
    on: 'talk-chatbox',
    attribute: 'dir',
    bad: 'up',
    good: 'rtl',
    ui: 'talk-chatbox',
    unrelated: ['conversation-id', 'order-2'],
    fixed: () => expect(fake.chatboxes[0]!.options).to.deep.equal({ dir: 'rtl' }),
  },
  {
    on: 'talk-popup',
    attribute: 'launcher',
    bad: 'sometimes',
    good: 'never',
    ui: 'talk-popup',
    unrelated: ['keep-open', ''],
    fixed: () => expect(fake.popups[0]!.options).to.deep.equal({ launcher: 'never', keepOpen: true }),
  },
  {
    on: 'talk-chatbox',
    attribute: 'session-timeout',
    bad: '-5',
    good: '1000',
    ui: 'talk-chatbox',
    unrelated: ['conversation-id', 'order-2'],
    fixed: () => expect(fake.chatboxes[0]!.options).to.deep.equal({}),
  },
  {
    on: 'talk-inbox',
    attribute: 'use-browser-history',
    bad: 'nope',
    good: 'false',
    ui: 'talk-inbox',
    unrelated: ['conversation-id', 'order-2'],
    fixed: () => expect(fake.inboxes[0]!.options).to.deep.equal({ useBrowserHistory: false }),
  },
];

describe('errors: invalid attribute values', () => {
  for (const c of INVALID_CASES) {
    it(`<${c.on}> ${c.attribute}="${c.bad}" → one invalid-attribute, no UI; an unrelated change does not report again; ${c.attribute}="${c.good}" creates it`, async () => {
      const onSession = c.on === 'talk-session';
      const { sessionEl, el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice', ...(onSession ? { [c.attribute]: c.bad } : {}) }, c.ui, {
        'conversation-id': 'order-1',
        ...(onSession ? {} : { [c.attribute]: c.bad }),
      });
      const target: Element = onSession ? sessionEl : el;
      const detail = await expectOneError({ code: 'invalid-attribute', tag: c.on, attribute: c.attribute, target, mentions: [c.bad] });
      expect(detail.cause).to.equal(undefined);

      if (onSession) {
        expect(fake.sessions, 'sessions').to.have.length(0);
        await until(() => el.status === 'error', 'UI error');
        expectUiInError(el);
      } else {
        expect(fake.sessions, 'sessions').to.have.length(1);
        expect(fake.chatboxes.length + fake.inboxes.length + fake.popups.length, 'UI objects').to.equal(0);
        expect(el.status).to.equal('error');
        expectUiInError(el);
      }

      const [name, value] = c.unrelated;
      target.setAttribute(name, value);
      await expectStillOne();
      expect(fake.chatboxes.length + fake.inboxes.length + fake.popups.length, 'UI objects while still invalid').to.equal(0);

      target.setAttribute(c.attribute, c.good);
      await until(() => el.status === 'ready', 'UI ready once fixed');
      expect(fake.sessions).to.have.length(1);
      expect(fake.chatboxes.length + fake.inboxes.length + fake.popups.length, 'UI objects once fixed').to.equal(1);
      c.fixed();
      await expectStillOne();
    });
  }

  it('the same bad value again after a fix is reported again (once)', async () => {
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'show-chat-header': 'maybe' });
    await expectOneError({ code: 'invalid-attribute', tag: 'talk-chatbox', attribute: 'show-chat-header', target: el });
    el.setAttribute('show-chat-header', 'true');
    await until(() => el.status === 'ready', 'ready once fixed');
    el.setAttribute('show-chat-header', 'maybe');
    await until(() => watch.errors.events.length === 2, 'second report');
    await nextTask();
    expect(watch.errors.events).to.have.length(2);
    expect(watch.console.errors).to.have.length(2);
    expect(el.status).to.equal('error');
    expect(el.chatbox).to.equal(undefined);
    expect(fake.chatboxes[0]!.isAlive, 'chatbox destroyed while the value is invalid').to.equal(false);
    expectNothingThrown();
  });
});

describe('errors: no session', () => {
  it('<talk-chatbox session-timeout="50"> outside any <talk-session> → no-session; setting .session later recovers', async () => {
    const el = await fixture(html`<talk-chatbox session-timeout="50" conversation-id="order-1"><span slot="error">No chat</span></talk-chatbox>`);
    if (el.localName !== 'talk-chatbox') throw new Error('expected <talk-chatbox>');
    const chatboxEl = el as HTMLElementTagNameMap['talk-chatbox'];
    await expectOneError({ code: 'no-session', tag: 'talk-chatbox', attribute: 'session', target: chatboxEl });
    expectUiInError(chatboxEl);
    expect(fake.chatboxes).to.have.length(0);

    const session = new fake.Session({ appId: 'tTEST', userId: 'alice' });
    chatboxEl.session = session;
    await until(() => chatboxEl.status === 'ready', 'chatbox ready once .session is set');
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.session).to.equal(session);
    expect(fake.chatboxes[0]!.selected).to.equal('order-1');
    expect(slots(chatboxEl).error.hidden).to.equal(true);
    await expectStillOne();

    // The kit destroys its chatbox on removal, but not a session it was given.
    chatboxEl.remove();
    await nextTask();
    await nextTask();
    expect(fake.live()).to.deep.include({ chatboxes: 0, subscriptions: 0 });
    expect(session.isAlive, 'given session left alive').to.equal(true);
    session.destroy();
  });
});

describe('errors: SDK failures (sdk-error)', () => {
  it('failNext("mount") → sdk-error with cause, status error; changing conversation-id then recreates successfully', async () => {
    const failure = new Error('mount exploded');
    fake.failNext('mount', failure);
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const detail = await expectOneError({ code: 'sdk-error', tag: 'talk-chatbox', target: el, mentions: ['mount'] });
    expect(detail.cause).to.equal(failure);
    expect(watch.console.errors[0]).to.include(failure);
    await until(() => el.status === 'error', 'status error');
    expectUiInError(el);
    expect(fake.chatboxes[0]!.isAlive).to.equal(false);

    el.setAttribute('conversation-id', 'order-2');
    await until(() => el.status === 'ready', 'ready after conversation-id change');
    expect(fake.chatboxes).to.have.length(2);
    expect(el.chatbox).to.equal(fake.chatboxes[1]);
    expect(fake.chatboxes[1]!.selected).to.equal('order-2');
    expect(fake.chatboxes[1]!.mounted).to.equal(true);
    expect(slots(el).error.hidden).to.equal(true);
    await expectStillOne();
  });

  it('failNext("mount") → sdk-error; changing an option then recreates successfully', async () => {
    fake.failNext('mount');
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-inbox', { 'conversation-id': 'order-1' });
    const detail = await expectOneError({ code: 'sdk-error', tag: 'talk-inbox', target: el, mentions: ['mount'] });
    expect(detail.cause).to.be.instanceOf(Error);
    await until(() => el.status === 'error', 'status error');
    el.setAttribute('theme', 'dark');
    await until(() => el.status === 'ready', 'ready after an option change');
    expect(fake.inboxes).to.have.length(2);
    expect(fake.inboxes[1]!.options).to.deep.equal({ theme: 'dark' });
    expect(fake.inboxes[1]!.mounted).to.equal(true);
    await expectStillOne();
  });

  it('failNext("select") → sdk-error reported; the chatbox stays mounted', async () => {
    fake.failNext('select');
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const detail = await expectOneError({ code: 'sdk-error', tag: 'talk-chatbox', target: el, mentions: ['select'] });
    expect(detail.cause).to.be.instanceOf(Error);
    await until(() => el.status === 'ready', 'chatbox ready');
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.isAlive).to.equal(true);
    expect(fake.chatboxes[0]!.mounted).to.equal(true);
    expect(fake.callsTo('destroy', fake.chatboxes[0]!)).to.have.length(0);
    expect(el.chatbox).to.equal(fake.chatboxes[0]);
    await expectStillOne();
  });

  it('failNext("setMessageFilter") on a live update → sdk-error naming messageFilter; the UI stays', async () => {
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    await until(() => el.status === 'ready', 'chatbox ready');
    fake.failNext('setMessageFilter');
    el.messageFilter = { type: ['==', 'UserMessage'] };
    const detail = await expectOneError({ code: 'sdk-error', tag: 'talk-chatbox', attribute: 'messageFilter', target: el, mentions: ['setMessageFilter'] });
    expect(detail.cause).to.be.instanceOf(Error);
    expect(fake.callsTo('setMessageFilter')).to.have.length(1);
    expect(fake.chatboxes).to.have.length(1);
    expect(fake.chatboxes[0]!.isAlive).to.equal(true);
    expect(el.status).to.equal('ready');
    expect(el.chatbox).to.equal(fake.chatboxes[0]);
    // A later filter still goes through.
    el.messageFilter = { type: ['==', 'SystemMessage'] };
    await el.updateComplete;
    expect(fake.callsTo('setMessageFilter')).to.have.length(2);
    expect(fake.chatboxes[0]!.messageFilter).to.deep.equal({ type: ['==', 'SystemMessage'] });
    await expectStillOne();
  });

  it('failNext("new Session") → sdk-error on <talk-session>; UI children in error; a later change recovers', async () => {
    const failure = new Error('no session for you');
    fake.failNext('new Session', failure);
    const { sessionEl, el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const detail = await expectOneError({ code: 'sdk-error', tag: 'talk-session', target: sessionEl, mentions: ['Session'] });
    expect(detail.cause).to.equal(failure);
    expect(sessionEl.status).to.equal('error');
    expect(sessionEl.session).to.equal(undefined);
    expect(fake.live().sessions).to.equal(0);
    await until(() => el.status === 'error', 'chatbox error');
    expectUiInError(el);

    sessionEl.setAttribute('user-id', 'bob');
    await until(() => el.status === 'ready', 'chatbox ready with a new session');
    expect(fake.sessions).to.have.length(1);
    expect(fake.sessions[0]!.options).to.deep.equal({ appId: 'tTEST', userId: 'bob' });
    await expectStillOne();
  });

  it('failNext("destroy") when a chatbox is removed → sdk-error reported on it, nothing thrown', async () => {
    const { el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    await until(() => el.status === 'ready', 'chatbox ready');
    const onElement = recordEvents(el, ['talk-error'], { untilTestEnds: true });
    fake.failNext('destroy');
    el.remove();
    await expectOneError({ code: 'sdk-error', tag: 'talk-chatbox', target: el, mentions: ['destroy'], events: onElement });
    const chatbox = fake.chatboxes[0]!;
    expect(fake.callsTo('destroy', chatbox), 'destroy calls').to.have.length(1);
    expect(el.chatbox).to.equal(undefined);
    // The kit unsubscribed before destroying: only the session's own subscriptions remain.
    const sessionSubscriptions = fake.live().subscriptions;
    chatbox.destroy(); // the SDK object the failed destroy left alive
    expect(fake.live().subscriptions).to.equal(sessionSubscriptions);
    expect(fake.live().chatboxes).to.equal(0);
  });

  it('failNext("destroy") when the whole tree is removed → sdk-error from <talk-session>, the chatbox still destroyed, nothing thrown', async () => {
    const { sessionEl, el } = await build({ 'app-id': 'tTEST', 'user-id': 'alice' }, 'talk-chatbox', { 'conversation-id': 'order-1' });
    await until(() => el.status === 'ready', 'chatbox ready');
    const onSession = recordEvents(sessionEl, ['talk-error'], { untilTestEnds: true });
    const onChatbox = recordEvents(el, ['talk-error'], { untilTestEnds: true });
    fake.failNext('destroy');
    sessionEl.parentElement!.remove();
    await until(() => onSession.events.length + onChatbox.events.length > 0, 'a talk-error');
    await nextTask();
    await nextTask();
    const all = [...onSession.events, ...onChatbox.events].filter((event, i, list) => list.indexOf(event) === i);
    expect(
      all.map((event) => (event.detail as TalkErrorDetail).message),
      'talk-error events',
    ).to.have.length(1);
    const detail = all[0]!.detail as TalkErrorDetail;
    expect(detail.code).to.equal('sdk-error');
    expect(detail.message).to.include('destroy');
    expect(watch.console.errors, 'console.error calls').to.have.length(1);
    expectNothingThrown();
    expect(sessionEl.session).to.equal(undefined);
    expect(el.chatbox).to.equal(undefined);
    expect(fake.live().subscriptions, 'subscriptions left by the kit').to.equal(0);
    expect(fake.live().chatboxes, 'chatboxes left alive').to.equal(0);
    // Whatever the failed destroy left alive is the SDK's doing; clean it up for the leak check.
    for (const session of fake.sessions) if (session.isAlive) session.destroy();
  });
});

describe('errors: the code list', () => {
  it('TALK_ERROR_CODES holds every code the kit reports, each once', () => {
    const used = ['sdk-load-failed', 'missing-app-id', 'missing-user', 'invalid-attribute', 'token-fetch-failed', 'no-session', 'sdk-error'];
    for (const code of used) expect(TALK_ERROR_CODES, code).to.include(code);
    expect(new Set(TALK_ERROR_CODES).size).to.equal(TALK_ERROR_CODES.length);
    for (const code of TALK_ERROR_CODES) expect(code).to.match(/^[a-z]+(-[a-z]+)*$/);
  });
});
