/**
 * Bad input, table-driven: every attribute (and object- or function-valued property) of every
 * element — `<talk-session>`, `<talk-chatbox>`, `<talk-inbox>`, `<talk-popup>`,
 * `<talk-unread-badge>`, `<talk-html-panel>` — with empty, whitespace-only, wrong-type and
 * invalid-JSON values, unknown option names, and conflicting settings.
 *
 * A row either expects an error — exactly one `talk-error` with the documented code and
 * attribute, dispatched on the element, and exactly one console.error, both naming the element
 * and the attribute — or documents that the value is accepted, and checks what it does instead
 * (for example, an empty free-text option passes through to TalkJS). Nothing may be thrown
 * either way. The count of inputs tried is printed.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import {
  TALK_ERROR_CODES,
  type TalkErrorCode,
  type TalkErrorDetail,
  type TalkHtmlPanelElement,
  type TalkSessionElement,
  type TalkUnreadBadgeElement,
} from '../src/index.js';
import { consoleLine, expectNoLeaks, nextTask, onCleanup, sampleFake, until, watchErrors, type ErrorWatch, type FakeTalk } from './helpers.js';

type Tag =
  'talk-session' | 'talk-chatbox' | 'talk-inbox' | 'talk-popup' | 'talk-unread-badge' | 'talk-html-panel' | 'talk-online-status' | 'talk-typing-indicator';
type UiTag = 'talk-chatbox' | 'talk-inbox' | 'talk-popup';

/** What a row's `apply` and `check` get. */
interface Page {
  readonly fake: FakeTalk;
  readonly sessionEl: TalkSessionElement;
  /** The element under test. */
  readonly el: HTMLElement & Record<string, unknown>;
  /** The SDK object of the UI element (chatbox/inbox/popup) on the page, once made. */
  box(): Record<string, unknown> | undefined;
}

interface Row {
  readonly on: Tag;
  /** The attribute or property the row is about (what the error must name). */
  readonly name: string;
  /** What kind of bad: empty, whitespace, wrong type, invalid JSON, unknown option, conflict, … */
  readonly what: string;
  /** Sets the input on the element before it is connected. */
  apply(el: HTMLElement & Record<string, unknown>, fake: FakeTalk): void;
  /** The documented error; or, for a value the kit accepts, what it does instead. */
  readonly expect: { code: TalkErrorCode; attribute: string } | { accepted: string; check(page: Page): unknown };
}

const attr = (name: string, value: string) => (el: HTMLElement) => el.setAttribute(name, value);
const prop = (name: string, value: unknown) => (el: Record<string, unknown>) => void (el[name] = value);
const both =
  (...steps: Array<(el: HTMLElement & Record<string, unknown>, fake: FakeTalk) => void>) =>
  (el: HTMLElement & Record<string, unknown>, fake: FakeTalk) => {
    for (const step of steps) step(el, fake);
  };
const invalid = (attribute: string) => ({ code: 'invalid-attribute' as const, attribute });
const accepted = (accepted: string, check: (page: Page) => unknown) => ({ accepted, check });

/** The arguments of every `currentUser.set()` call of the page's session. */
const userSets = (page: Page) => page.fake.callsTo('set', page.fake.sessions[0]!.currentUser).map((call) => call.args);

/**
 * `desktop-notification-enabled` read as true: the property is `true`, and TalkJS gets
 * `setDesktopNotificationEnabled(true)` — at once where the page may prompt now (permission
 * granted, or a user activation), else at the next trusted click on the page (here one from
 * `sendMouse`, on a spot of its own); never `false`.
 */
async function expectNotificationsEnabled(page: Page): Promise<void> {
  expect(page.sessionEl.desktopNotificationEnabled, 'the property').to.equal(true);
  const calls = () => page.fake.callsTo('setDesktopNotificationEnabled').map((call) => call.args);
  expect(calls(), 'nothing applied but true').to.satisfy((args: unknown[][]) => args.length === 0 || JSON.stringify(args) === '[[true]]');
  if (calls().length === 0) {
    const spot = document.createElement('div');
    spot.style.cssText = 'position: fixed; left: 0; top: 0; width: 20px; height: 20px; z-index: 2147483647;';
    document.body.append(spot);
    onCleanup(() => spot.remove());
    await sendMouse({ type: 'click', position: [10, 10] });
    await until(() => calls().length > 0, 'setDesktopNotificationEnabled at the trusted click');
  }
  expect(calls()).to.deep.equal([[true]]);
}

const sessionOptions = (page: Page) => {
  const options = { ...(page.fake.sessions[0]?.options as unknown as Record<string, unknown>) };
  if (typeof options.tokenFetcher === 'function') options.tokenFetcher = '<fetcher>';
  return options;
};

/** Rows for `<talk-session>`. */
const SESSION_ROWS: Row[] = [
  { on: 'talk-session', name: 'app-id', what: 'empty', apply: attr('app-id', ''), expect: { code: 'missing-app-id', attribute: 'app-id' } },
  { on: 'talk-session', name: 'app-id', what: 'whitespace', apply: attr('app-id', '  \t'), expect: { code: 'missing-app-id', attribute: 'app-id' } },
  { on: 'talk-session', name: 'app-id', what: 'wrong type (number property)', apply: prop('appId', 42), expect: invalid('app-id') },
  { on: 'talk-session', name: 'user-id', what: 'empty', apply: attr('user-id', ''), expect: { code: 'missing-user', attribute: 'user-id' } },
  { on: 'talk-session', name: 'user-id', what: 'whitespace', apply: attr('user-id', '   '), expect: { code: 'missing-user', attribute: 'user-id' } },
  { on: 'talk-session', name: 'user-id', what: 'wrong type (object property)', apply: prop('userId', { id: 'alice' }), expect: invalid('user-id') },
  {
    on: 'talk-session',
    name: 'token',
    what: 'empty',
    apply: attr('token', ''),
    expect: accepted('an empty token means no token', (page) => expect(sessionOptions(page)).to.deep.equal({ appId: 'tAPP', userId: 'alice' })),
  },
  {
    on: 'talk-session',
    name: 'token',
    what: 'whitespace',
    apply: attr('token', '   '),
    expect: accepted('a blank token means no token', (page) => expect(sessionOptions(page)).to.deep.equal({ appId: 'tAPP', userId: 'alice' })),
  },
  { on: 'talk-session', name: 'token', what: 'wrong type (number property)', apply: prop('token', 12345), expect: invalid('token') },
  {
    on: 'talk-session',
    name: 'signature',
    what: 'empty',
    apply: attr('signature', ''),
    expect: accepted('an empty signature means no signature', (page) => expect(sessionOptions(page)).to.deep.equal({ appId: 'tAPP', userId: 'alice' })),
  },
  { on: 'talk-session', name: 'signature', what: 'wrong type (object property)', apply: prop('signature', {}), expect: invalid('signature') },
  {
    on: 'talk-session',
    name: 'token',
    what: 'conflict: token and signature',
    apply: both(attr('token', 'jwt'), attr('signature', 'hmac')),
    expect: invalid('signature'),
  },
  {
    on: 'talk-session',
    name: 'desktop-notification-enabled',
    what: 'empty (present)',
    apply: attr('desktop-notification-enabled', ''),
    expect: accepted('present means true', expectNotificationsEnabled),
  },
  {
    on: 'talk-session',
    name: 'desktop-notification-enabled',
    what: 'whitespace',
    apply: attr('desktop-notification-enabled', '  '),
    expect: accepted('blank means present, true', expectNotificationsEnabled),
  },
  {
    on: 'talk-session',
    name: 'desktop-notification-enabled',
    what: 'upper case FALSE',
    apply: attr('desktop-notification-enabled', 'FALSE'),
    expect: accepted('"false" in any case is false', (page) =>
      expect(page.fake.callsTo('setDesktopNotificationEnabled').map((c) => c.args)).to.deep.equal([[false]]),
    ),
  },
  {
    on: 'talk-session',
    name: 'desktop-notification-enabled',
    what: 'wrong type (word)',
    apply: attr('desktop-notification-enabled', 'maybe'),
    expect: invalid('desktop-notification-enabled'),
  },
  {
    on: 'talk-session',
    name: 'desktop-notification-enabled',
    what: 'wrong type (number property)',
    apply: prop('desktopNotificationEnabled', 1),
    expect: invalid('desktop-notification-enabled'),
  },
  { on: 'talk-session', name: 'load-timeout', what: 'empty', apply: attr('load-timeout', ''), expect: invalid('load-timeout') },
  { on: 'talk-session', name: 'load-timeout', what: 'whitespace', apply: attr('load-timeout', '  '), expect: invalid('load-timeout') },
  { on: 'talk-session', name: 'load-timeout', what: 'wrong type (word)', apply: attr('load-timeout', 'soon'), expect: invalid('load-timeout') },
  { on: 'talk-session', name: 'load-timeout', what: 'negative', apply: attr('load-timeout', '-5'), expect: invalid('load-timeout') },
  { on: 'talk-session', name: 'load-timeout', what: 'Infinity', apply: attr('load-timeout', 'Infinity'), expect: invalid('load-timeout') },
  { on: 'talk-session', name: 'load-timeout', what: 'NaN property', apply: prop('loadTimeout', Number.NaN), expect: invalid('load-timeout') },
  {
    on: 'talk-session',
    name: 'load-timeout',
    what: 'exponent notation',
    apply: attr('load-timeout', '1e3'),
    expect: accepted('1e3 is the number 1000', (page) => expect(page.sessionEl.loadTimeout).to.equal(1000)),
  },
  {
    on: 'talk-session',
    name: 'token-endpoint',
    what: 'empty',
    apply: attr('token-endpoint', ''),
    expect: accepted('an empty endpoint means none', (page) => expect(sessionOptions(page)).to.deep.equal({ appId: 'tAPP', userId: 'alice' })),
  },
  {
    on: 'talk-session',
    name: 'token-endpoint',
    what: 'whitespace',
    apply: attr('token-endpoint', '  '),
    expect: accepted('a blank endpoint means none', (page) => expect(sessionOptions(page)).to.deep.equal({ appId: 'tAPP', userId: 'alice' })),
  },
  { on: 'talk-session', name: 'token-endpoint', what: 'not a URL', apply: attr('token-endpoint', 'http://[::1'), expect: invalid('token-endpoint') },
  { on: 'talk-session', name: 'token-endpoint', what: 'wrong type (number property)', apply: prop('tokenEndpoint', 8080), expect: invalid('token-endpoint') },
  {
    on: 'talk-session',
    name: 'token-endpoint',
    what: 'conflict: token-endpoint and tokenFetcher',
    apply: both(
      attr('token-endpoint', '/test-api/token'),
      prop('tokenFetcher', () => 'jwt'),
    ),
    expect: invalid('token-endpoint'),
  },
  { on: 'talk-session', name: 'user-name', what: 'empty', apply: attr('user-name', ''), expect: invalid('user-name') },
  { on: 'talk-session', name: 'user-name', what: 'whitespace', apply: attr('user-name', '   '), expect: invalid('user-name') },
  { on: 'talk-session', name: 'user-name', what: 'wrong type (number property)', apply: prop('userName', 7), expect: invalid('user-name') },
  {
    on: 'talk-session',
    name: 'user-name',
    what: 'conflict: syncUser and user-name',
    apply: both(attr('user-name', 'Alice'), (el, fake) => (el.syncUser = new fake.User({ id: 'alice', name: 'Alice' }))),
    expect: invalid('user-name'),
  },
  ...(['user-email', 'user-photo-url', 'user-role', 'user-locale', 'user-welcome-message'] as const).flatMap((name): Row[] => {
    const field = {
      'user-email': 'email',
      'user-photo-url': 'photoUrl',
      'user-role': 'role',
      'user-locale': 'locale',
      'user-welcome-message': 'welcomeMessage',
    }[name];
    const property = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return [
      // Without user-name the kit cannot make a Talk.User: the error names user-name (and mentions this attribute).
      { on: 'talk-session', name, what: 'empty, without user-name', apply: attr(name, ''), expect: invalid('user-name') },
      {
        on: 'talk-session',
        name,
        what: 'empty, with user-name',
        apply: both(attr('user-name', 'Alice'), attr(name, '')),
        expect: accepted('sent with currentUser.set() as an empty string', (page) => {
          expect(page.fake.sessions[0]!.options, 'no me: the user goes through currentUser.set()').to.deep.equal({ appId: 'tAPP', userId: 'alice' });
          expect(userSets(page)).to.deep.equal([[{ name: 'Alice', [field]: '' }]]);
          expect((page.fake.backend.users.get('alice') as unknown as Record<string, unknown>)[field]).to.equal('');
        }),
      },
      { on: 'talk-session', name, what: 'wrong type (number property)', apply: both(attr('user-name', 'Alice'), prop(property, 5)), expect: invalid(name) },
    ];
  }),
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'empty (invalid JSON)',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'whitespace (invalid JSON)',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '  ')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'invalid JSON',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '{"plan": premium}')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'JSON with a number value',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '{"seats": 3}')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'JSON array',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '["a"]')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'JSON string',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '"premium"')),
    expect: invalid('user-custom'),
  },
  {
    on: 'talk-session',
    name: 'user-custom',
    what: 'JSON null value (delete a key)',
    apply: both(attr('user-name', 'Alice'), attr('user-custom', '{"plan": null}')),
    expect: accepted('null deletes a custom key', (page) => {
      expect(userSets(page)).to.deep.equal([[{ name: 'Alice', custom: { plan: null } }]]);
      expect(page.fake.backend.users.get('alice')!.custom).to.deep.equal({});
    }),
  },
  { on: 'talk-session', name: 'syncUser', what: 'wrong type (number)', apply: prop('syncUser', 42), expect: invalid('syncUser') },
  { on: 'talk-session', name: 'syncUser', what: 'object without id', apply: prop('syncUser', { name: 'Nobody' }), expect: invalid('syncUser') },
  {
    on: 'talk-session',
    name: 'syncUser',
    what: 'function that throws',
    apply: prop('syncUser', () => {
      throw new Error('no user');
    }),
    expect: invalid('syncUser'),
  },
  { on: 'talk-session', name: 'syncUser', what: 'function returning a number', apply: prop('syncUser', () => 7), expect: invalid('syncUser') },
  {
    on: 'talk-session',
    name: 'syncUser',
    what: 'function returning nothing, no user-id',
    apply: both(
      (el) => el.removeAttribute('user-id'),
      prop('syncUser', () => undefined),
    ),
    expect: invalid('syncUser'),
  },
  {
    on: 'talk-session',
    name: 'user-id',
    what: 'conflict: user-id and syncUser with another id',
    apply: (el, fake) => (el.syncUser = new fake.User({ id: 'bob', name: 'Bob' })),
    expect: invalid('user-id'),
  },
  {
    on: 'talk-session',
    name: 'user-id',
    what: 'user-id and syncUser with the same id',
    apply: (el, fake) => (el.syncUser = new fake.User({ id: 'alice', name: 'Alice' })),
    expect: accepted('no conflict: the same user', (page) => expect(page.fake.sessions[0]!.me.id).to.equal('alice')),
  },
  {
    on: 'talk-session',
    name: 'tokenFetcher',
    what: 'wrong type (string)',
    apply: prop('tokenFetcher', 'https://example.com/token'),
    expect: invalid('tokenFetcher'),
  },
  { on: 'talk-session', name: 'tokenRetry', what: 'wrong type (number)', apply: prop('tokenRetry', 3), expect: invalid('tokenRetry') },
  { on: 'talk-session', name: 'tokenRetry', what: 'wrong type (array)', apply: prop('tokenRetry', [3, 100]), expect: invalid('tokenRetry') },
  { on: 'talk-session', name: 'tokenRetry', what: 'attempts not a number', apply: prop('tokenRetry', { attempts: 'three' }), expect: invalid('tokenRetry') },
  { on: 'talk-session', name: 'tokenRetry', what: 'baseDelay negative', apply: prop('tokenRetry', { baseDelay: -100 }), expect: invalid('tokenRetry') },
  { on: 'talk-session', name: 'sdk', what: 'wrong type (string)', apply: prop('sdk', 'talkjs'), expect: invalid('sdk') },
  { on: 'talk-session', name: 'sdk', what: 'object that is not a Talk namespace', apply: prop('sdk', { ready: Promise.resolve() }), expect: invalid('sdk') },
];

/** Rows for the attributes the three UI elements share, for `tag`. */
function uiRows(tag: UiTag): Row[] {
  const options = (page: Page) => page.box()?.options;
  return [
    {
      on: tag,
      name: 'conversation-id',
      what: 'empty',
      apply: attr('conversation-id', ''),
      expect: accepted('empty selects nothing (select(null))', (page) => expect(page.fake.callsTo('select').map((c) => c.args)).to.deep.equal([[null]])),
    },
    {
      on: tag,
      name: 'conversation-id',
      what: 'whitespace',
      apply: attr('conversation-id', '  '),
      expect: accepted('blank selects nothing (select(null))', (page) => expect(page.fake.callsTo('select').map((c) => c.args)).to.deep.equal([[null]])),
    },
    { on: tag, name: 'conversation-id', what: 'wrong type (number property)', apply: prop('conversationId', 1234), expect: invalid('conversation-id') },
    { on: tag, name: 'as-guest', what: 'wrong type (word)', apply: attr('as-guest', 'sometimes'), expect: invalid('as-guest') },
    {
      on: tag,
      name: 'as-guest',
      what: 'empty (present)',
      apply: attr('as-guest', ''),
      expect: accepted('present means true', (page) => expect(page.fake.callsTo('select').at(-1)!.args).to.deep.equal(['order-1', { asGuest: true }])),
    },
    {
      on: tag,
      name: 'subject',
      what: 'without conversation-id or with-user',
      apply: both((el) => el.removeAttribute('conversation-id'), attr('subject', 'Order')),
      expect: invalid('subject'),
    },
    {
      on: tag,
      name: 'subject',
      what: 'empty',
      apply: attr('subject', ''),
      expect: accepted('an empty subject is set', (page) => expect(page.fake.backend.conversations.get('order-1')!.subject ?? '').to.equal('')),
    },
    { on: tag, name: 'subject', what: 'wrong type (number property)', apply: prop('subject', 5), expect: invalid('subject') },
    {
      on: tag,
      name: 'photo-url',
      what: 'without conversation-id or with-user',
      apply: both((el) => el.removeAttribute('conversation-id'), attr('photo-url', '/p.png')),
      expect: invalid('photo-url'),
    },
    { on: tag, name: 'photo-url', what: 'wrong type (object property)', apply: prop('photoUrl', {}), expect: invalid('photo-url') },
    {
      on: tag,
      name: 'participants',
      what: 'empty',
      apply: attr('participants', ''),
      expect: accepted('no participants besides the user', (page) =>
        expect(page.fake.callsTo('setParticipant').map((c) => (c.args[0] as { id: string }).id)).to.deep.equal(['alice']),
      ),
    },
    {
      on: tag,
      name: 'participants',
      what: 'only commas and spaces',
      apply: attr('participants', ' , ,'),
      expect: accepted('empty items are dropped', (page) =>
        expect(page.fake.callsTo('setParticipant').map((c) => (c.args[0] as { id: string }).id)).to.deep.equal(['alice']),
      ),
    },
    { on: tag, name: 'participants', what: 'wrong type (string property)', apply: prop('participants', 'bob'), expect: invalid('participants') },
    { on: tag, name: 'welcome-messages', what: 'invalid JSON array', apply: attr('welcome-messages', '["Hi", '), expect: invalid('welcome-messages') },
    { on: tag, name: 'welcome-messages', what: 'JSON array of numbers', apply: attr('welcome-messages', '[1, 2]'), expect: invalid('welcome-messages') },
    {
      on: tag,
      name: 'welcome-messages',
      what: 'text that looks like JSON (an object)',
      apply: attr('welcome-messages', '{"a": 1}'),
      expect: accepted('one message, as text', (page) => expect(page.fake.backend.conversations.get('order-1')!.welcomeMessages).to.deep.equal(['{"a": 1}'])),
    },
    { on: tag, name: 'custom', what: 'empty (invalid JSON)', apply: attr('custom', ''), expect: invalid('custom') },
    { on: tag, name: 'custom', what: 'invalid JSON', apply: attr('custom', '{status: "open"}'), expect: invalid('custom') },
    { on: tag, name: 'custom', what: 'JSON with a boolean value', apply: attr('custom', '{"open": true}'), expect: invalid('custom') },
    { on: tag, name: 'with-user', what: 'conflict: with-user and conversation-id', apply: attr('with-user', 'bob'), expect: invalid('with-user') },
    {
      on: tag,
      name: 'with-user',
      what: 'wrong type (number property)',
      apply: both((el) => el.removeAttribute('conversation-id'), prop('withUser', 2)),
      expect: invalid('with-user'),
    },
    { on: tag, name: 'with-user-name', what: 'without with-user', apply: attr('with-user-name', 'Bob'), expect: invalid('with-user-name') },
    {
      on: tag,
      name: 'with-user-name',
      what: 'empty, with with-user',
      apply: both((el) => el.removeAttribute('conversation-id'), attr('with-user', 'bob'), attr('with-user-name', '')),
      expect: accepted('the other user is made without a name', (page) =>
        expect(page.fake.callsTo('setParticipant').map((c) => (c.args[0] as { id: string }).id)).to.deep.equal(['alice', 'bob']),
      ),
    },
    {
      on: tag,
      name: 'highlighted-words',
      what: 'empty',
      apply: attr('highlighted-words', ''),
      expect: accepted('no words', (page) => expect(page.box()!.highlightedWords).to.deep.equal([])),
    },
    { on: tag, name: 'highlighted-words', what: 'wrong type (string property)', apply: prop('highlightedWords', 'ship'), expect: invalid('highlighted-words') },
    { on: tag, name: 'dir', what: 'wrong value', apply: attr('dir', 'up'), expect: invalid('dir') },
    { on: tag, name: 'dir', what: 'empty', apply: attr('dir', ''), expect: accepted('TalkJS decides', (page) => expect(options(page)).to.deep.equal({})) },
    {
      on: tag,
      name: 'dir',
      what: 'upper case',
      apply: attr('dir', 'RTL'),
      expect: accepted('case-insensitive', (page) => expect(options(page)).to.deep.equal({ dir: 'rtl' })),
    },
    {
      on: tag,
      name: 'message-suggestion',
      what: 'empty',
      apply: attr('message-suggestion', ''),
      expect: accepted('free text: passed through', (page) => expect(options(page)).to.deep.equal({ messageSuggestion: '' })),
    },
    { on: tag, name: 'message-suggestion', what: 'wrong type (number property)', apply: prop('messageSuggestion', 3), expect: invalid('message-suggestion') },
    { on: tag, name: 'show-chat-header', what: 'wrong type (word)', apply: attr('show-chat-header', 'no'), expect: invalid('show-chat-header') },
    {
      on: tag,
      name: 'show-chat-header',
      what: 'empty (present)',
      apply: attr('show-chat-header', ''),
      expect: accepted('present means true', (page) => expect(options(page)).to.deep.equal({ showChatHeader: true })),
    },
    { on: tag, name: 'chat-title-mode', what: 'empty', apply: attr('chat-title-mode', ''), expect: invalid('chat-title-mode') },
    { on: tag, name: 'chat-title-mode', what: 'wrong value', apply: attr('chat-title-mode', 'title'), expect: invalid('chat-title-mode') },
    {
      on: tag,
      name: 'chat-title-mode',
      what: 'padded with spaces',
      apply: attr('chat-title-mode', ' subject '),
      expect: accepted('trimmed', (page) => expect(options(page)).to.deep.equal({ chatTitleMode: 'subject' })),
    },
    { on: tag, name: 'chat-subtitle-mode', what: 'whitespace', apply: attr('chat-subtitle-mode', '  '), expect: invalid('chat-subtitle-mode') },
    {
      on: tag,
      name: 'show-translation-toggle',
      what: 'wrong value',
      apply: attr('show-translation-toggle', 'sometimes'),
      expect: invalid('show-translation-toggle'),
    },
    {
      on: tag,
      name: 'translate-conversations',
      what: 'empty (present)',
      apply: attr('translate-conversations', ''),
      expect: accepted('present means true', (page) => expect(options(page)).to.deep.equal({ translateConversations: true })),
    },
    {
      on: tag,
      name: 'translate-conversations',
      what: 'a word (read as a conversation id)',
      apply: attr('translate-conversations', 'maybe'),
      expect: accepted('a list of conversation ids', (page) => expect(options(page)).to.deep.equal({ translateConversations: ['maybe'] })),
    },
    {
      on: tag,
      name: 'translate-conversations',
      what: 'wrong type (number property)',
      apply: prop('translateConversations', 1),
      expect: invalid('translate-conversations'),
    },
    {
      on: tag,
      name: 'theme',
      what: 'empty',
      apply: attr('theme', ''),
      expect: accepted('a theme name: passed through', (page) => expect(options(page)).to.deep.equal({ theme: '' })),
    },
    { on: tag, name: 'theme', what: 'wrong type (number property)', apply: prop('theme', 2), expect: invalid('theme') },
    { on: tag, name: 'theme', what: 'wrong type (array property)', apply: prop('theme', ['dark']), expect: invalid('theme') },
    {
      on: tag,
      name: 'capture-keyboard-events',
      what: 'wrong type (word)',
      apply: attr('capture-keyboard-events', 'yes'),
      expect: invalid('capture-keyboard-events'),
    },
    { on: tag, name: 'session-timeout', what: 'empty', apply: attr('session-timeout', ''), expect: invalid('session-timeout') },
    { on: tag, name: 'session-timeout', what: 'wrong type (word)', apply: attr('session-timeout', 'long'), expect: invalid('session-timeout') },
    { on: tag, name: 'session-timeout', what: 'negative', apply: attr('session-timeout', '-1'), expect: invalid('session-timeout') },
    { on: tag, name: 'syncConversation', what: 'wrong type (string)', apply: prop('syncConversation', 'order-1'), expect: invalid('syncConversation') },
    {
      on: tag,
      name: 'syncConversation',
      what: 'function that throws',
      apply: prop('syncConversation', () => {
        throw new Error('no conversation');
      }),
      expect: { code: 'sdk-error', attribute: 'syncConversation' },
    },
    { on: tag, name: 'message-filter', what: 'wrong type (string property)', apply: prop('messageFilter', 'UserMessage'), expect: invalid('message-filter') },
    { on: tag, name: 'message-filter', what: 'malformed JSON', apply: attr('message-filter', '{"type": '), expect: invalid('message-filter') },
    {
      on: tag,
      name: 'message-filter',
      what: '"[object Object]" (an object written as an attribute)',
      apply: attr('message-filter', '[object Object]'),
      expect: invalid('message-filter'),
    },
    { on: tag, name: 'presence', what: 'wrong type (array)', apply: prop('presence', [true]), expect: invalid('presence') },
    { on: tag, name: 'presence', what: 'malformed JSON', apply: attr('presence', '{visible: false}'), expect: invalid('presence') },
    { on: tag, name: 'presence', what: '"[object Object]"', apply: attr('presence', '[object Object]'), expect: invalid('presence') },
    {
      on: tag,
      name: 'presence',
      what: 'JSON object',
      apply: attr('presence', '{"visible": false}'),
      expect: accepted('passed to TalkJS as the presence option', (page) =>
        expect((options(page) as Record<string, unknown> | undefined)?.presence).to.deep.equal({ visible: false }),
      ),
    },
    { on: tag, name: 'options', what: 'malformed JSON', apply: attr('options', '{"theme"}'), expect: invalid('options') },
    { on: tag, name: 'options', what: 'JSON array', apply: attr('options', '[1]'), expect: invalid('options') },
    { on: tag, name: 'options', what: 'wrong type (string)', apply: prop('options', 'dark'), expect: invalid('options') },
    { on: tag, name: 'options', what: 'wrong type (array)', apply: prop('options', [{ theme: 'dark' }]), expect: invalid('options') },
    {
      on: tag,
      name: 'options',
      what: 'unknown option name',
      apply: prop('options', { themee: 'dark' }),
      expect: accepted('passed through to TalkJS unchanged', (page) => expect(options(page)).to.deep.equal({ themee: 'dark' })),
    },
    { on: tag, name: 'session', what: 'wrong type (string)', apply: prop('session', 'Session#1'), expect: invalid('session') },
  ];
}

const INBOX_ROWS: Row[] = [
  { on: 'talk-inbox', name: 'show-feed-header', what: 'wrong type (word)', apply: attr('show-feed-header', 'hidden'), expect: invalid('show-feed-header') },
  {
    on: 'talk-inbox',
    name: 'feed-conversation-title-mode',
    what: 'empty',
    apply: attr('feed-conversation-title-mode', ''),
    expect: invalid('feed-conversation-title-mode'),
  },
  {
    on: 'talk-inbox',
    name: 'feed-conversation-title-mode',
    what: 'wrong value',
    apply: attr('feed-conversation-title-mode', 'title'),
    expect: invalid('feed-conversation-title-mode'),
  },
  {
    on: 'talk-inbox',
    name: 'use-browser-history',
    what: 'wrong type (word)',
    apply: attr('use-browser-history', 'nope'),
    expect: invalid('use-browser-history'),
  },
  {
    on: 'talk-inbox',
    name: 'show-mobile-back-button',
    what: 'wrong type (number)',
    apply: attr('show-mobile-back-button', '2'),
    expect: invalid('show-mobile-back-button'),
  },
  { on: 'talk-inbox', name: 'feed-filter', what: 'wrong type (number property)', apply: prop('feedFilter', 5), expect: invalid('feed-filter') },
  { on: 'talk-inbox', name: 'feed-filter', what: 'malformed JSON', apply: attr('feed-filter', '{'), expect: invalid('feed-filter') },
  { on: 'talk-inbox', name: 'feed-filter', what: '"[object Object]"', apply: attr('feed-filter', '[object Object]'), expect: invalid('feed-filter') },
];

const POPUP_ROWS: Row[] = [
  { on: 'talk-popup', name: 'show', what: 'wrong type (word)', apply: attr('show', 'later'), expect: invalid('show') },
  {
    on: 'talk-popup',
    name: 'show',
    what: 'empty (present)',
    apply: attr('show', ''),
    expect: accepted('present means open', (page) => expect(page.box()!.visible).to.equal(true)),
  },
  { on: 'talk-popup', name: 'keep-open', what: 'wrong type (word)', apply: attr('keep-open', 'forever'), expect: invalid('keep-open') },
  { on: 'talk-popup', name: 'launcher', what: 'empty', apply: attr('launcher', ''), expect: invalid('launcher') },
  { on: 'talk-popup', name: 'launcher', what: 'wrong value', apply: attr('launcher', 'sometimes'), expect: invalid('launcher') },
  {
    on: 'talk-popup',
    name: 'show-close-in-header',
    what: 'wrong value',
    apply: attr('show-close-in-header', 'maybe'),
    expect: invalid('show-close-in-header'),
  },
];

const BADGE_ROWS: Row[] = [
  { on: 'talk-unread-badge', name: 'count', what: 'empty', apply: attr('count', ''), expect: invalid('count') },
  { on: 'talk-unread-badge', name: 'count', what: 'wrong value', apply: attr('count', 'unread'), expect: invalid('count') },
  { on: 'talk-unread-badge', name: 'max', what: 'empty', apply: attr('max', ''), expect: invalid('max') },
  { on: 'talk-unread-badge', name: 'max', what: 'wrong type (word)', apply: attr('max', 'lots'), expect: invalid('max') },
  { on: 'talk-unread-badge', name: 'max', what: 'negative', apply: attr('max', '-1'), expect: invalid('max') },
  {
    on: 'talk-unread-badge',
    name: 'label',
    what: 'empty',
    apply: attr('label', ''),
    expect: accepted('an empty accessible label', (page) =>
      expect(page.el.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('aria-label')).to.equal(''),
    ),
  },
  { on: 'talk-unread-badge', name: 'label', what: 'wrong type (number property)', apply: prop('label', 3), expect: invalid('label') },
  { on: 'talk-unread-badge', name: 'session', what: 'wrong type (string)', apply: prop('session', 'Session#1'), expect: invalid('session') },
  { on: 'talk-unread-badge', name: 'session-timeout', what: 'empty', apply: attr('session-timeout', ''), expect: invalid('session-timeout') },
  { on: 'talk-unread-badge', name: 'session-timeout', what: 'wrong type (word)', apply: attr('session-timeout', 'long'), expect: invalid('session-timeout') },
  { on: 'talk-unread-badge', name: 'session-timeout', what: 'negative', apply: attr('session-timeout', '-1'), expect: invalid('session-timeout') },
  {
    on: 'talk-unread-badge',
    name: 'conversation-id',
    what: 'wrong type (number property)',
    apply: prop('conversationId', 7),
    expect: invalid('conversation-id'),
  },
  ...(['talk-online-status', 'talk-typing-indicator'] as const).flatMap((tag): Row[] => [
    { on: tag, name: 'session', what: 'wrong type (string)', apply: prop('session', 'Session#1'), expect: invalid('session') },
    { on: tag, name: 'session-timeout', what: 'wrong type (word)', apply: attr('session-timeout', 'long'), expect: invalid('session-timeout') },
    { on: tag, name: 'session-timeout', what: 'negative', apply: attr('session-timeout', '-1'), expect: invalid('session-timeout') },
  ]),
  { on: 'talk-online-status', name: 'user-id', what: 'wrong type (number property)', apply: prop('userId', 42), expect: invalid('user-id') },
  {
    on: 'talk-typing-indicator',
    name: 'conversation-id',
    what: 'wrong type (number property)',
    apply: prop('conversationId', 42),
    expect: invalid('conversation-id'),
  },
];

const PANEL_URL = 'data:text/html,<p>Order 1</p>';

const PANEL_ROWS: Row[] = [
  { on: 'talk-html-panel', name: 'url', what: 'empty', apply: attr('url', ''), expect: invalid('url') },
  { on: 'talk-html-panel', name: 'url', what: 'whitespace', apply: attr('url', '   '), expect: invalid('url') },
  { on: 'talk-html-panel', name: 'url', what: 'wrong type (number property)', apply: prop('url', 404), expect: invalid('url') },
  { on: 'talk-html-panel', name: 'height', what: 'empty', apply: attr('height', ''), expect: invalid('height') },
  { on: 'talk-html-panel', name: 'height', what: 'wrong type (word)', apply: attr('height', 'tall'), expect: invalid('height') },
  { on: 'talk-html-panel', name: 'height', what: 'negative', apply: attr('height', '-20'), expect: invalid('height') },
  { on: 'talk-html-panel', name: 'show', what: 'wrong type (word)', apply: attr('show', 'visible'), expect: invalid('show') },
  {
    on: 'talk-html-panel',
    name: 'conversation-id',
    what: 'empty',
    apply: attr('conversation-id', ''),
    expect: accepted('no conversation: the panel shows in every conversation', (page) =>
      expect(page.fake.htmlPanels[0]!.options).to.deep.equal({ url: PANEL_URL }),
    ),
  },
];

const ROWS: Row[] = [
  ...SESSION_ROWS,
  ...uiRows('talk-chatbox'),
  ...uiRows('talk-inbox'),
  ...uiRows('talk-popup'),
  ...INBOX_ROWS,
  ...POPUP_ROWS,
  ...BADGE_ROWS,
  ...PANEL_ROWS,
];

// ---------------------------------------------------------------------------------------------

let fake: FakeTalk;
let watch: ErrorWatch;
const tried = { errors: 0, accepted: 0 };

beforeEach(() => {
  fake = sampleFake();
  // Watched until the page is torn down (not only until the cleanups run): each test checks
  // `thrown` itself, and afterEach what the teardown threw.
  watch = watchErrors({ untilTestEnds: false });
});

afterEach(async function () {
  try {
    await expectNoLeaks(fake);
  } finally {
    watch.stop();
  }
  // Errors thrown after a passing test's checks (e.g. during teardown) fail it here; after a
  // failed test they are most likely its consequences, already reported.
  const late = watch.thrown.splice(0).map(String);
  if (this.currentTest?.state === 'passed') expect(late, 'errors thrown out of the kit after the checks').to.deep.equal([]);
});

after(() => {
  const total = tried.errors + tried.accepted;
  console.log(
    `[figures] bad-input: ${total} bad inputs tried (${new Set(ROWS.map((row) => `${row.on} ${row.name}`)).size} element/attribute pairs, ${new Set(ROWS.map((row) => row.on)).size} elements): ` +
      `${tried.errors} must give their documented talk-error code, ${tried.accepted} are accepted values checked for what they do`,
  );
});

/**
 * Builds the page for `row` — a `<talk-session>` (alice, on the fake) holding the element under
 * test (a UI element: `conversation-id="order-1"`; a badge; or a panel inside a chatbox) — applies
 * the input to the element before connecting it, and connects it.
 */
function build(row: Row): Page {
  const host = document.createElement('div');
  document.body.append(host);
  onCleanup(() => host.remove());
  const sessionEl = document.createElement('talk-session');
  sessionEl.setAttribute('app-id', 'tAPP');
  sessionEl.setAttribute('user-id', 'alice');
  sessionEl.sdk = fake;
  let el: HTMLElement;
  let ui: HTMLElement & { chatbox?: unknown; inbox?: unknown; popup?: unknown };
  if (row.on === 'talk-session') {
    el = sessionEl;
    ui = document.createElement('talk-chatbox');
    ui.setAttribute('conversation-id', 'order-1');
    sessionEl.append(ui);
  } else if (row.on === 'talk-unread-badge' || row.on === 'talk-online-status' || row.on === 'talk-typing-indicator') {
    el = document.createElement(row.on);
    ui = document.createElement('talk-chatbox');
    sessionEl.append(el, ui);
  } else if (row.on === 'talk-html-panel') {
    ui = document.createElement('talk-chatbox');
    ui.setAttribute('conversation-id', 'order-1');
    el = document.createElement('talk-html-panel');
    el.setAttribute('url', PANEL_URL);
    ui.append(el);
    sessionEl.append(ui);
  } else {
    el = ui = document.createElement(row.on);
    el.setAttribute('conversation-id', 'order-1');
    sessionEl.append(el);
  }
  row.apply(el as HTMLElement & Record<string, unknown>, fake);
  host.append(sessionEl);
  return {
    fake,
    sessionEl,
    el: el as HTMLElement & Record<string, unknown>,
    box: () => (ui.chatbox ?? ui.inbox ?? ui.popup) as Record<string, unknown> | undefined,
  };
}

/** The element under test is working: a session, a mounted UI object, a counting badge, a panel. */
function working(page: Page, row: Row): boolean {
  if (row.on === 'talk-session') return page.sessionEl.session !== undefined && page.box() !== undefined;
  return (page.el as unknown as { status: string }).status === 'ready';
}

describe('bad input: every attribute of every element', () => {
  it('the table covers every declared property of every element', () => {
    const declared: Record<Tag, string[]> = {} as Record<Tag, string[]>;
    for (const tag of [
      'talk-session',
      'talk-chatbox',
      'talk-inbox',
      'talk-popup',
      'talk-unread-badge',
      'talk-html-panel',
      'talk-online-status',
      'talk-typing-indicator',
    ] as const) {
      const ctor = customElements.get(tag) as unknown as { elementProperties: Map<string, { attribute?: unknown }> };
      declared[tag] = [...ctor.elementProperties].map(([property, declaration]) =>
        typeof declaration.attribute === 'string' ? declaration.attribute : property,
      );
    }
    const missing = Object.entries(declared).flatMap(([tag, names]) =>
      names.filter((name) => !ROWS.some((row) => row.on === tag && row.name === name)).map((name) => `<${tag}> ${name}`),
    );
    expect(missing, 'attributes and properties without a row').to.deep.equal([]);
    for (const code of ROWS.flatMap((row) => ('code' in row.expect ? [row.expect.code] : []))) expect(TALK_ERROR_CODES).to.include(code);
  });

  for (const row of ROWS) {
    const outcome = 'code' in row.expect ? `${row.expect.code} naming ${row.expect.attribute}` : `accepted: ${row.expect.accepted}`;
    it(`<${row.on}> ${row.name}, ${row.what} → ${outcome}`, async () => {
      const { errors, console: output, thrown } = watch;
      const page = build(row);
      const expected = row.expect;
      if ('code' in expected) tried.errors++;
      else tried.accepted++;
      if ('code' in expected) {
        await until(() => errors.events.length > 0 || thrown.length > 0, `a talk-error (${expected.code})`);
        await nextTask();
        await nextTask();
        expect(thrown.splice(0).map(String), 'thrown').to.deep.equal([]);
        const details = errors.of('talk-error').map((event) => event.detail as TalkErrorDetail);
        expect(
          details.map((d) => `${d.code} (${d.attribute}): ${d.message}`),
          'talk-error events',
        ).to.have.length(1);
        const detail = details[0]!;
        expect(detail.code, 'code').to.equal(expected.code);
        expect(detail.attribute, 'detail.attribute').to.equal(expected.attribute);
        expect(detail.message, 'message names the element').to.include(`<${row.on}>`);
        expect(detail.message, 'message names the attribute').to.include(expected.attribute);
        expect(errors.events[0]!.target === page.el, 'dispatched on the element').to.equal(true);
        expect(output.errors.map(consoleLine), 'console.error calls').to.have.length(1);
        expect(consoleLine(output.errors[0]!)).to.include(`<${row.on}>`).and.to.include(expected.attribute);
      } else {
        await until(() => working(page, row) || errors.events.length > 0 || thrown.length > 0, 'the element working (or an error)');
        await nextTask();
        await nextTask();
        expect(thrown.splice(0).map(String), 'thrown').to.deep.equal([]);
        expect(
          errors.events.map((event) => (event.detail as TalkErrorDetail).message),
          'talk-error events',
        ).to.deep.equal([]);
        expect(output.errors.map(consoleLine), 'console.error calls').to.deep.equal([]);
        await expected.check(page);
      }
    });
  }

  it('a session property that is not a Talk.Session → invalid-attribute naming session (not a silent wait)', async () => {
    tried.errors++;
    const { errors, console: output } = watch;
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const el = document.createElement('talk-chatbox');
    el.setAttribute('session-timeout', '50');
    (el as unknown as { session: unknown }).session = { appId: 'tAPP' };
    host.append(el);
    await until(() => errors.events.length > 0, 'a talk-error', 1000).catch(() => undefined);
    await nextTask();
    const details = errors.of('talk-error').map((event) => event.detail as TalkErrorDetail);
    expect(
      details.map((d) => `${d.code} (${d.attribute})`),
      'talk-error events',
    ).to.deep.equal(['invalid-attribute (session)']);
    expect(output.errors).to.have.length(1);
  });

  it('<talk-unread-badge> outside any session → no-session after session-timeout (not loading forever), like the chat elements', async () => {
    tried.errors++;
    const { errors, console: output } = watch;
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const badge = document.createElement('talk-unread-badge') as TalkUnreadBadgeElement;
    badge.setAttribute('session-timeout', '30');
    host.append(badge);
    await until(() => errors.events.length > 0, 'a talk-error');
    await nextTask();
    const details = errors.of('talk-error').map((event) => event.detail as TalkErrorDetail);
    expect(details.map((d) => `${d.code} (${d.attribute})`)).to.deep.equal(['no-session (session)']);
    expect(details[0]!.message).to.include('<talk-unread-badge>').and.include('session-timeout=30');
    expect(badge.status).to.equal('error');
    expect(output.errors).to.have.length(1);
  });

  it('<talk-html-panel> outside a chat element → invalid-attribute naming parent', async () => {
    tried.errors++;
    const { errors, console: output } = watch;
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const panel = document.createElement('talk-html-panel') as TalkHtmlPanelElement;
    panel.setAttribute('url', PANEL_URL);
    host.append(panel);
    await until(() => errors.events.length > 0, 'a talk-error');
    await nextTask();
    const details = errors.of('talk-error').map((event) => event.detail as TalkErrorDetail);
    expect(details.map((d) => `${d.code} (${d.attribute})`)).to.deep.equal(['invalid-attribute (parent)']);
    expect(details[0]!.message).to.include('<talk-html-panel>');
    expect(output.errors).to.have.length(1);
  });

  it('the same bad value on two badges is reported once each, and a fix then the same bad value again reports again', async () => {
    tried.errors += 3;
    const { errors } = watch;
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const sessionEl = document.createElement('talk-session');
    sessionEl.setAttribute('app-id', 'tAPP');
    sessionEl.setAttribute('user-id', 'alice');
    sessionEl.sdk = fake;
    const badges = [0, 1].map(() => {
      const badge = document.createElement('talk-unread-badge') as TalkUnreadBadgeElement;
      badge.setAttribute('max', 'lots');
      return badge;
    });
    sessionEl.append(...badges);
    host.append(sessionEl);
    await until(() => errors.events.length === 2, 'two reports');
    badges[0]!.setAttribute('max', '9');
    await until(() => badges[0]!.status === 'ready', 'fixed');
    badges[0]!.setAttribute('max', 'lots');
    await until(() => errors.events.length === 3, 'reported again');
    await nextTask();
    expect(errors.events.map((event) => (event.target === badges[0] ? 0 : event.target === badges[1] ? 1 : -1))).to.deep.equal([0, 1, 0]);
  });
});

describe('bad input: a missing session is reported again after a removal', () => {
  it('<talk-chatbox> outside any session, removed, then added outside again: one no-session each time', async () => {
    const { errors } = watchErrors();
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const el = document.createElement('talk-chatbox');
    el.setAttribute('session-timeout', '20');
    host.append(el);
    await until(() => errors.events.length === 1, 'the first no-session');
    el.remove();
    await nextTask();
    await nextTask();
    host.append(el);
    await until(() => errors.events.length === 2, 'no-session again after the removal');
    expect(errors.events.map((event) => (event.detail as TalkErrorDetail).code)).to.deep.equal(['no-session', 'no-session']);
  });
});

describe('bad input: what the checks may skip', () => {
  // TalkElement checks only the properties set since its last check: one never set is
  // `undefined`, so every validating converter must accept `undefined`.
  for (const tag of [
    'talk-session',
    'talk-chatbox',
    'talk-inbox',
    'talk-popup',
    'talk-unread-badge',
    'talk-html-panel',
    'talk-online-status',
    'talk-typing-indicator',
  ] as const) {
    it(`<${tag}>: every validating converter accepts undefined (a property never set)`, () => {
      const element = customElements.get(tag) as unknown as { elementProperties: Map<PropertyKey, { converter?: { valid?: (value: unknown) => boolean } }> };
      const checked = [...element.elementProperties].filter(([, declaration]) => typeof declaration.converter?.valid === 'function');
      expect(checked.length, 'validating converters').to.be.greaterThan(0);
      for (const [property, declaration] of checked) expect(declaration.converter!.valid!(undefined), String(property)).to.equal(true);
    });
  }

  it('a wrong value set on an element before it is upgraded is reported once it upgrades', async () => {
    const errors = watchErrors();
    const host = document.createElement('div');
    document.body.append(host);
    onCleanup(() => host.remove());
    const el = document.createElement('talk-chatbox-later-bad-input');
    (el as unknown as { sessionTimeout: unknown }).sessionTimeout = -5;
    host.append(el);
    const { TalkChatboxElement } = await import('../src/index.js');
    customElements.define('talk-chatbox-later-bad-input', class extends TalkChatboxElement {});
    await until(() => errors.errors.events.length > 0, 'a talk-error');
    expect(errors.errors.events.map((event) => [event.detail.code, event.detail.attribute])).to.deep.equal([['invalid-attribute', 'session-timeout']]);
    expect(errors.console.errors).to.have.length(1);
  });
});
