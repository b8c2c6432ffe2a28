/**
 * Every SDK event the kit re-dispatches (the `@fires` of each element, see docs/api.md), as a
 * DOM `CustomEvent`: once, on the element that owns the SDK object, bubbling and composed, with
 * the SDK's own argument as `detail`;
 * `preventDefault()` reaching the SDK; nothing after removal; a throwing listener harmless;
 * and the typed event map.
 */
import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import type Talk from 'talkjs';
import { type TalkChatboxElement, type TalkInboxElement, type TalkPopupElement, type TalkSessionElement } from '../src/elements.js';
import type { BrowserPermissionNeededDetail } from '../src/internal/events.js';
import { TALK_EVENT_NAMES } from '../src/testing/index.js';
import type { FakeChatbox, FakeSession } from '../src/testing/index.js';
import { READINGS, boxesOf, captureConsole, expectNoLeaks, nextTask, sampleFake, until, type FakeBox, type FakeTalk, type UiKind } from './helpers.js';

let fake: FakeTalk | undefined;

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

type UiElement = TalkChatboxElement | TalkInboxElement | TalkPopupElement;

/** An SDK event of a UI object or session and the DOM event it becomes. */
interface Route {
  /** The DOM event name. */
  readonly dom: string;
  /** The SDK event type, as the fake's `emit` takes it. */
  readonly sdk: string;
  /** Fields to emit with (the fake fills in the rest). */
  readonly payload?: Record<string, unknown>;
  /**
   * Whether the DOM event must be cancelable (the SDK event can be prevented); `'sdk'`: exactly
   * when the SDK's event object has a `preventDefault()` (the declarations type
   * `onBrowserPermissionDenied`'s handler argument as a `BrowserPermissionNeededEvent`).
   */
  readonly cancelable: boolean | 'sdk';
  /** `detail` is the kit's wrapper of the SDK's object (same fields, `preventDefault()` reaching it, plus `waitUntil()`), not that object. */
  readonly wrapped?: boolean;
  /** The SDK passes no argument (`detail` is `null`). */
  readonly noArgument?: boolean;
}

const UI_ROUTES: readonly Route[] = [
  { dom: 'talk-send-message', sdk: 'sendMessage', cancelable: false },
  { dom: 'talk-custom-message-action', sdk: 'customMessageAction', payload: { action: 'reply', params: { a: '1' } }, cancelable: false },
  { dom: 'talk-custom-conversation-action', sdk: 'customConversationAction', payload: { action: 'archive', params: {} }, cancelable: false },
  { dom: 'talk-leave-conversation', sdk: 'leaveConversation', cancelable: true },
  { dom: 'talk-mark-conversation-as-unread', sdk: 'markConversationAsUnread', cancelable: true },
  { dom: 'talk-focus', sdk: 'focus', cancelable: false, noArgument: true },
  { dom: 'talk-blur', sdk: 'blur', cancelable: false, noArgument: true },
  { dom: 'talk-translation-toggled', sdk: 'translationToggled', payload: { isEnabled: true }, cancelable: false },
  { dom: 'talk-keyup', sdk: 'keyup', payload: { key: 'a', code: 'KeyA' }, cancelable: false },
  { dom: 'talk-keydown', sdk: 'keydown', payload: { key: 'Enter', code: 'Enter' }, cancelable: false },
];

const INBOX_ROUTES: readonly Route[] = [
  { dom: 'talk-select-conversation', sdk: 'selectConversation', cancelable: true },
  { dom: 'talk-conversation-selected', sdk: 'conversationSelected', cancelable: false },
  { dom: 'talk-desktop-notification-toggled', sdk: 'desktopNotificationToggled', payload: { isEnabled: false }, cancelable: false },
];

const POPUP_ROUTES: readonly Route[] = [
  { dom: 'talk-open', sdk: 'open', cancelable: false, noArgument: true },
  { dom: 'talk-close', sdk: 'close', cancelable: false, noArgument: true },
];

const ROUTES_BY_KIND: Record<UiKind, readonly Route[]> = {
  chatbox: UI_ROUTES,
  inbox: [...UI_ROUTES, ...INBOX_ROUTES],
  popup: [...UI_ROUTES, ...POPUP_ROUTES],
};

/** What a listener saw, read during dispatch. */
interface Seen {
  readonly event: CustomEvent;
  readonly type: string;
  readonly target: EventTarget | null;
  readonly currentTarget: EventTarget | null;
}

/** Listens to `names` on `target`; `stop()` removes the listeners. */
function listen(target: EventTarget, names: readonly string[], onEvent?: (event: CustomEvent) => void) {
  const seen: Seen[] = [];
  const listener = (event: Event) => {
    seen.push({ event: event as CustomEvent, type: event.type, target: event.target, currentTarget: event.currentTarget });
    onEvent?.(event as CustomEvent);
  };
  for (const name of names) target.addEventListener(name, listener);
  return {
    seen,
    of: (name: string) => seen.filter((s) => s.type === name),
    stop: () => {
      for (const name of names) target.removeEventListener(name, listener);
    },
  };
}

/** Emits an SDK event on a fake object by name (the table's names are strings). */
function emitOn(object: FakeBox | FakeSession, type: string, payload?: Record<string, unknown>): unknown {
  return (object as unknown as { emit(type: string, payload?: Record<string, unknown>): unknown }).emit(type, payload);
}

/** A `<talk-session>` for alice with one UI element of `kind` (on order-1), mounted; past the mount's own events. */
async function mountUi(f: FakeTalk, kind: UiKind) {
  const tag = unsafeStatic(`talk-${kind}`);
  const sessionEl = await fixture<TalkSessionElement>(html`
    <talk-session app-id="tTEST" user-id="alice" .sdk=${f}>
      <${tag} conversation-id="order-1"></${tag}>
    </talk-session>
  `);
  const uiEl = sessionEl.querySelector(`talk-${kind}`) as UiElement;
  await until(() => uiEl.status === 'ready', `<talk-${kind}> to be ready`);
  // Past the SDK events of mounting (the inbox announces its selection) and the first unreads.
  await nextTask();
  await nextTask();
  const boxes = boxesOf(f, kind);
  expect(boxes, `one ${kind}`).to.have.length(1);
  return { sessionEl, uiEl, box: boxes[0]!, session: f.sessions[0]! };
}

/** The standard checks on one re-dispatched event. */
function expectRedispatched(seen: Seen[], route: Route, target: Element, returned: unknown): void {
  expect(seen, `${route.dom} received once`).to.have.length(1);
  const { event } = seen[0]!;
  expect(event).to.be.instanceOf(CustomEvent);
  expect(seen[0]!.target === target, `${route.dom}: target is <${target.localName}>`).to.equal(true);
  expect(event.bubbles, `${route.dom}: bubbles`).to.equal(true);
  expect(event.composed, `${route.dom}: composed`).to.equal(true);
  const cancelable =
    route.cancelable === 'sdk' ? typeof (returned as { preventDefault?: unknown } | undefined)?.preventDefault === 'function' : route.cancelable;
  expect(event.cancelable, `${route.dom}: cancelable`).to.equal(cancelable);
  if (route.noArgument) {
    expect(returned, `${route.sdk} has no argument`).to.equal(undefined);
    expect(event.detail, `${route.dom}: detail`).to.equal(null);
  } else if (route.wrapped) {
    expect(returned, `${route.sdk} event object`).to.be.an('object');
    const detail = event.detail as Record<string, unknown>;
    const sdkEvent = returned as Record<string, unknown>;
    for (const [key, value] of Object.entries(sdkEvent)) {
      if (typeof value !== 'function') expect(detail[key], `${route.dom}: detail.${key} as the SDK passed it`).to.deep.equal(value);
    }
    expect(detail.type, `${route.dom}: detail.type`).to.equal(sdkEvent.type);
    expect(detail.preventDefault, `${route.dom}: detail.preventDefault`).to.be.a('function');
    expect(detail.waitUntil, `${route.dom}: detail.waitUntil`).to.be.a('function');
  } else {
    expect(returned, `${route.sdk} event object`).to.be.an('object');
    expect(event.detail === returned, `${route.dom}: detail is the very object the SDK passed`).to.equal(true);
  }
}

const SESSION_ROUTES: readonly Route[] = [
  { dom: 'talk-message', sdk: 'message', payload: { id: 'msg_x', body: 'Hello there', senderId: 'bob', conversationId: 'order-1' }, cancelable: false },
  // Subscribed only while a listener for it is on <talk-session> itself (see the test below).
  // Not cancelable: `DesktopNotificationClickedEvent` has no preventDefault(); TalkJS's default
  // applies only when no handler is subscribed at all.
  { dom: 'talk-desktop-notification-clicked', sdk: 'desktopNotificationClicked', cancelable: false },
  { dom: 'talk-browser-permission-needed', sdk: 'browserPermissionNeeded', payload: { type: 'notifications' }, cancelable: true, wrapped: true },
  { dom: 'talk-browser-permission-denied', sdk: 'browserPermissionDenied', payload: { type: 'notifications' }, cancelable: 'sdk' },
];

function conversationData(f: FakeTalk, id: string): Talk.ConversationData {
  return f.backend.conversationData(f.backend.conversations.get(id)!);
}

describe('events: <talk-session> re-dispatches the session’s SDK events', () => {
  for (const route of SESSION_ROUTES) {
    it(`${route.dom}: once at document, target <talk-session>, bubbles, composed, detail === the SDK's argument`, async () => {
      fake = sampleFake();
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => sessionEl.session !== undefined, 'the session');
      const session = fake.sessions[0]!;
      const payload = route.sdk === 'desktopNotificationClicked' ? { conversation: conversationData(fake, 'order-1') } : route.payload;
      const rec = listen(document, [route.dom]);
      // talk-desktop-notification-clicked needs a listener on the element itself.
      const atElement = route.sdk === 'desktopNotificationClicked' ? listen(sessionEl, [route.dom]) : undefined;
      try {
        const returned = emitOn(session, route.sdk, payload);
        expectRedispatched(rec.seen, route, sessionEl, returned);
        if (atElement) expect(atElement.seen, 'at <talk-session> once').to.have.length(1);
        await nextTask();
        expect(rec.seen, 'no second dispatch later').to.have.length(1);
      } finally {
        rec.stop();
        atElement?.stop();
      }
    });
  }

  it('talk-unreads-change: once after load (the current list), then once per change with the SDK’s list as detail', async () => {
    fake = sampleFake();
    const rec = listen(document, ['talk-unreads-change']);
    try {
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => rec.seen.length >= 1, 'the first talk-unreads-change');
      await nextTask();
      expect(rec.seen, 'one talk-unreads-change after load').to.have.length(1);
      const first = rec.seen[0]!;
      expect(first.target === sessionEl, 'target is <talk-session>').to.equal(true);
      expect(first.event.bubbles && first.event.composed, 'bubbles and composed').to.equal(true);
      expect(first.event.cancelable).to.equal(false);
      expect(first.event.detail, 'no unread conversations yet').to.deep.equal([]);

      expect(sessionEl.unreads, 'the list the element keeps').to.deep.equal([]);

      // The test's own subscription gets the same list object as the kit's on a change.
      const session = fake.sessions[0]!;
      const lists: Talk.UnreadConversation[][] = [];
      const subscription = session.unreads.onChange((list) => lists.push(list));
      try {
        await nextTask();
        await nextTask();
        // Whether a late subscriber gets the current list is left open by the declarations.
        expect(lists, 'calls of the late test subscription before any change').to.have.length(READINGS === 'eager' ? 1 : 0);
        expect(rec.seen, 'subscribing elsewhere fires nothing at the element').to.have.length(1);
        const before = lists.length;

        fake.backend.sendMessage('order-1', 'bob', 'Are you there, Alice?');
        expect(lists, 'the SDK reported a change').to.have.length(before + 1);
        expect(rec.seen, 'one more talk-unreads-change').to.have.length(2);
        const change = rec.seen[1]!;
        expect(change.target === sessionEl).to.equal(true);
        expect(change.event.detail === lists.at(-1), 'detail is the very list the SDK passed').to.equal(true);
        expect(sessionEl.unreads === lists.at(-1), 'and the list the element keeps').to.equal(true);
        const detail = change.event.detail as Talk.UnreadConversation[];
        expect(detail.map((u) => [u.conversation.id, u.unreadMessageCount])).to.deep.equal([['order-1', 1]]);
        await nextTask();
        expect(rec.seen, 'no further dispatch').to.have.length(2);
      } finally {
        subscription.unsubscribe();
      }
    } finally {
      rec.stop();
    }
  });
});

for (const kind of ['chatbox', 'inbox', 'popup'] as const) {
  describe(`events: <talk-${kind}> re-dispatches the ${kind}’s SDK events`, () => {
    for (const route of ROUTES_BY_KIND[kind]) {
      it(`${route.dom}: once at document, target <talk-${kind}>, bubbles, composed, ${route.noArgument ? 'detail null' : 'detail === the SDK’s argument'}, cancelable ${route.cancelable}`, async () => {
        fake = sampleFake();
        const { uiEl, box, sessionEl } = await mountUi(fake, kind);
        const rec = listen(document, [route.dom]);
        const atSession = listen(sessionEl, [route.dom]);
        try {
          const returned = emitOn(box, route.sdk, route.payload);
          expectRedispatched(rec.seen, route, uiEl, returned);
          expect(atSession.seen, 'bubbles through <talk-session> once').to.have.length(1);
          await nextTask();
          expect(rec.seen, 'no second dispatch later').to.have.length(1);
        } finally {
          rec.stop();
          atSession.stop();
        }
      });
    }
  });
}

describe('events: the kit’s own events', () => {
  it('talk-session-ready: once, target <talk-session>, detail.session is the live session', async () => {
    fake = sampleFake();
    const rec = listen(document, ['talk-session-ready']);
    try {
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => rec.seen.length >= 1, 'talk-session-ready');
      await nextTask();
      expect(rec.seen).to.have.length(1);
      const { event, target } = rec.seen[0]!;
      expect(target === sessionEl).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      const detail = event.detail as { session: unknown };
      expect(Object.keys(detail)).to.deep.equal(['session']);
      expect(detail.session === fake.sessions[0], 'detail.session is the fake session').to.equal(true);
      expect(detail.session === sessionEl.session, 'and the live one').to.equal(true);
      expect(fake.sessions[0]!.isAlive).to.equal(true);
    } finally {
      rec.stop();
    }
  });

  for (const kind of ['chatbox', 'inbox', 'popup'] as const) {
    it(`talk-ready on <talk-${kind}>: once, detail { ${kind} } is the fake ${kind}`, async () => {
      fake = sampleFake();
      const rec = listen(document, ['talk-ready']);
      try {
        const { uiEl, box } = await mountUi(fake, kind);
        expect(rec.seen).to.have.length(1);
        const { event, target } = rec.seen[0]!;
        expect(target === uiEl, `target is <talk-${kind}>`).to.equal(true);
        expect(event.bubbles && event.composed).to.equal(true);
        const detail = event.detail as Record<string, unknown>;
        expect(Object.keys(detail)).to.deep.equal([kind]);
        expect(detail[kind] === box, `detail.${kind} is the fake ${kind}`).to.equal(true);
        expect(box.isAlive).to.equal(true);
        expect(fake.callsTo('mount', box), 'talk-ready after mount()').to.have.length(1);
      } finally {
        rec.stop();
      }
    });
  }

  it('talk-error: missing app-id gives one talk-error on <talk-session> (code missing-app-id, attribute app-id)', async () => {
    fake = sampleFake();
    const rec = listen(document, ['talk-error']);
    const consoleCapture = captureConsole();
    try {
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => rec.seen.length >= 1, 'talk-error');
      await nextTask();
      expect(rec.seen).to.have.length(1);
      const { event, target } = rec.seen[0]!;
      expect(target === sessionEl).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.include({ code: 'missing-app-id', attribute: 'app-id' });
      expect((event.detail as { message: string }).message)
        .to.be.a('string')
        .and.include('app-id');
      expect(consoleCapture.errors, 'one console message').to.have.length(1);
      expect(fake.sessions, 'no session').to.have.length(0);
    } finally {
      consoleCapture.restore();
      rec.stop();
    }
  });
});

describe('events: preventDefault() reaches the SDK', () => {
  const preventable: { kind: UiKind; route: Route }[] = [];
  for (const kind of ['chatbox', 'inbox', 'popup'] as const) {
    for (const route of ROUTES_BY_KIND[kind]) if (route.cancelable) preventable.push({ kind, route });
  }

  for (const { kind, route } of preventable) {
    for (const prevent of [true, false]) {
      it(`${route.dom} on <talk-${kind}>: ${prevent ? 'preventDefault() on the DOM event prevents' : 'without preventDefault() the SDK event is not prevented'}`, async () => {
        fake = sampleFake();
        const { box } = await mountUi(fake, kind);
        const rec = listen(document, [route.dom], (event) => {
          if (prevent) event.preventDefault();
        });
        try {
          const returned = emitOn(box, route.sdk, route.payload) as { defaultPrevented: boolean };
          expect(rec.seen).to.have.length(1);
          expect(rec.seen[0]!.event.cancelable, 'the DOM event is cancelable').to.equal(true);
          expect(rec.seen[0]!.event.defaultPrevented).to.equal(prevent);
          expect(returned.defaultPrevented, 'the SDK event’s defaultPrevented').to.equal(prevent);
        } finally {
          rec.stop();
        }
      });
    }
  }

  for (const prevent of [true, false]) {
    it(`talk-browser-permission-needed: ${prevent ? 'preventDefault() prevents the SDK event' : 'not prevented without preventDefault()'}`, async () => {
      fake = sampleFake();
      const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
      await until(() => sessionEl.session !== undefined, 'the session');
      const rec = listen(document, ['talk-browser-permission-needed'], (event) => {
        if (prevent) event.preventDefault();
      });
      try {
        const returned = fake.sessions[0]!.emit('browserPermissionNeeded', { type: 'notifications' });
        expect(rec.seen).to.have.length(1);
        expect(rec.seen[0]!.event.cancelable).to.equal(true);
        expect(returned.defaultPrevented).to.equal(prevent);
      } finally {
        rec.stop();
      }
    });
  }

  it('talk-send-message is not cancelable, and preventDefault() on it changes nothing', async () => {
    fake = sampleFake();
    const { box } = await mountUi(fake, 'chatbox');
    const rec = listen(document, ['talk-send-message'], (event) => event.preventDefault());
    try {
      const returned = (box as FakeChatbox).emit('sendMessage');
      expect(rec.seen).to.have.length(1);
      expect(rec.seen[0]!.event.cancelable).to.equal(false);
      expect(rec.seen[0]!.event.defaultPrevented).to.equal(false);
      expect(returned.overrides, 'no override made for the user').to.deep.equal([]);
    } finally {
      rec.stop();
    }
  });

  it('talk-browser-permission-needed: detail.preventDefault() (the wrapper’s) prevents the SDK event too', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    const rec = listen(document, ['talk-browser-permission-needed'], (event) => (event.detail as BrowserPermissionNeededDetail).preventDefault());
    try {
      const returned = fake.sessions[0]!.emit('browserPermissionNeeded', { type: 'microphone' });
      expect(rec.seen).to.have.length(1);
      expect((rec.seen[0]!.event.detail as BrowserPermissionNeededDetail).type).to.equal('microphone');
      expect(returned.defaultPrevented, 'the SDK event’s defaultPrevented').to.equal(true);
    } finally {
      rec.stop();
    }
  });
});

describe('events: talk-browser-permission-needed waitUntil() delays the prompt', () => {
  /** A promise with its resolve/reject. */
  function deferred() {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  async function liveSession() {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    return { sessionEl, session: fake.sessions[0]! };
  }

  /** Starts the fake's prompt; `settled()` tells whether it has resolved (and with what). */
  function prompt(session: FakeSession) {
    let result: string | undefined;
    const done = session.requestBrowserPermission('notifications').then((value) => (result = value));
    return { done, settled: () => result };
  }

  it('without waitUntil the prompt goes ahead at once (no promise held)', async () => {
    const { session } = await liveSession();
    const rec = listen(document, ['talk-browser-permission-needed']);
    try {
      const p = prompt(session);
      expect(rec.seen, 'the DOM event, during the SDK’s dispatch').to.have.length(1);
      await nextTask();
      expect(p.settled()).to.equal('prompted');
    } finally {
      rec.stop();
    }
  });

  it('waitUntil(promise): the prompt waits until the promise resolves, then shows', async () => {
    const { session } = await liveSession();
    const held = deferred();
    const rec = listen(document, ['talk-browser-permission-needed'], (event) => (event.detail as BrowserPermissionNeededDetail).waitUntil(held.promise));
    try {
      const p = prompt(session);
      expect(rec.seen).to.have.length(1);
      await nextTask();
      await nextTask();
      expect(p.settled(), 'still waiting for the page’s promise').to.equal(undefined);
      held.resolve();
      await p.done;
      expect(p.settled()).to.equal('prompted');
    } finally {
      rec.stop();
    }
  });

  it('two listeners each waitUntil(): the prompt waits for both; a rejected one does not block it', async () => {
    const { sessionEl, session } = await liveSession();
    const first = deferred();
    const second = deferred();
    const onDocument = listen(document, ['talk-browser-permission-needed'], (event) =>
      (event.detail as BrowserPermissionNeededDetail).waitUntil(first.promise),
    );
    const onElement = listen(sessionEl, ['talk-browser-permission-needed'], (event) =>
      (event.detail as BrowserPermissionNeededDetail).waitUntil(second.promise),
    );
    try {
      const p = prompt(session);
      second.reject(new Error('the page’s own dialog failed'));
      await nextTask();
      expect(p.settled(), 'the first promise still pending').to.equal(undefined);
      first.resolve();
      await p.done;
      expect(p.settled()).to.equal('prompted');
    } finally {
      onDocument.stop();
      onElement.stop();
    }
  });

  it('waitUntil() and preventDefault() together: after the wait, no prompt (the action is cancelled)', async () => {
    const { session } = await liveSession();
    const held = deferred();
    const rec = listen(document, ['talk-browser-permission-needed'], (event) => {
      (event.detail as BrowserPermissionNeededDetail).waitUntil(held.promise);
      event.preventDefault();
    });
    try {
      const p = prompt(session);
      await nextTask();
      expect(p.settled()).to.equal(undefined);
      held.resolve();
      await p.done;
      expect(p.settled()).to.equal('prevented');
    } finally {
      rec.stop();
    }
  });
});

describe('events: talk-desktop-notification-clicked is subscribed only with a listener on <talk-session>', () => {
  /** A session with an inbox (TalkJS's "currently active inbox"), ready and settled. */
  async function withInbox() {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-inbox conversation-id="order-1"></talk-inbox>
      </talk-session>
    `);
    const inboxEl = sessionEl.querySelector('talk-inbox')!;
    await until(() => inboxEl.status === 'ready', 'the inbox');
    await nextTask();
    const session = fake.sessions[0]!;
    const inbox = fake.inboxes[0]!;
    expect(session.activeInbox() === inbox, 'the inbox is the session’s active inbox').to.equal(true);
    expect(inbox.shownConversationId).to.equal('order-1');
    return { sessionEl, inboxEl, session, inbox };
  }

  const subscribeCalls = (session: FakeSession) => fake!.callsTo('onDesktopNotificationClicked', session);

  it('no listener on the element (a document listener does not count): no SDK subscription; TalkJS’s default: the active inbox jumps, no DOM event', async () => {
    const { session, inbox } = await withInbox();
    const onDocument = listen(document, ['talk-desktop-notification-clicked', 'talk-conversation-selected']);
    try {
      expect(subscribeCalls(session), 'onDesktopNotificationClicked calls').to.have.length(0);
      const selectsBefore = fake!.callsTo('select', inbox).length;
      emitOn(session, 'desktopNotificationClicked', { conversation: conversationData(fake!, 'order-2') });
      expect(onDocument.of('talk-desktop-notification-clicked'), 'no talk-desktop-notification-clicked').to.have.length(0);
      expect(inbox.shownConversationId, 'the active inbox jumped (TalkJS’s own default)').to.equal('order-2');
      expect(onDocument.of('talk-conversation-selected'), 'the inbox announces its new conversation').to.have.length(1);
      expect(fake!.callsTo('select', inbox).length, 'no select() by the kit (the default is TalkJS’s)').to.equal(selectsBefore);
    } finally {
      onDocument.stop();
    }
  });

  it('a listener added on the element: subscribed once; the event fires (detail === the SDK’s argument); TalkJS’s default does not happen', async () => {
    const { sessionEl, session, inbox } = await withInbox();
    const liveBefore = fake!.live().subscriptions;
    const onElement = listen(sessionEl, ['talk-desktop-notification-clicked']);
    const onDocument = listen(document, ['talk-desktop-notification-clicked']);
    try {
      expect(subscribeCalls(session), 'onDesktopNotificationClicked calls').to.have.length(1);
      expect(fake!.live().subscriptions, 'one more live subscription').to.equal(liveBefore + 1);
      const returned = emitOn(session, 'desktopNotificationClicked', { conversation: conversationData(fake!, 'order-2') });
      expect(onElement.seen).to.have.length(1);
      expect(onDocument.seen, 'bubbles to document').to.have.length(1);
      expect(onElement.seen[0]!.event.detail === returned, 'detail is the SDK’s event').to.equal(true);
      expect(onElement.seen[0]!.target === sessionEl).to.equal(true);
      expect(inbox.shownConversationId, 'no jump: the page handles the click').to.equal('order-1');
      expect(fake!.callsTo('select', inbox).slice(1), 'no select() by the kit').to.deep.equal([]);
      // A second listener does not subscribe again.
      const other = listen(sessionEl, ['talk-desktop-notification-clicked']);
      expect(subscribeCalls(session), 'still one subscription for two listeners').to.have.length(1);
      other.stop();
      expect(fake!.live().subscriptions, 'one listener left: still subscribed').to.equal(liveBefore + 1);
    } finally {
      onElement.stop();
      onDocument.stop();
    }
  });

  it('removing the (last) listener unsubscribes: TalkJS’s default is back', async () => {
    const { sessionEl, session, inbox } = await withInbox();
    const liveBefore = fake!.live().subscriptions;
    const onElement = listen(sessionEl, ['talk-desktop-notification-clicked']);
    expect(fake!.live().subscriptions).to.equal(liveBefore + 1);
    onElement.stop();
    expect(fake!.live().subscriptions, 'the subscription is gone').to.equal(liveBefore);
    emitOn(session, 'desktopNotificationClicked', { conversation: conversationData(fake!, 'order-2') });
    expect(onElement.seen, 'no event at the element').to.have.length(0);
    expect(inbox.shownConversationId, 'the active inbox jumped again').to.equal('order-2');
  });

  it('a listener removed through its AbortSignal unsubscribes too', async () => {
    const { sessionEl, session } = await withInbox();
    const liveBefore = fake!.live().subscriptions;
    const controller = new AbortController();
    sessionEl.addEventListener('talk-desktop-notification-clicked', () => undefined, { signal: controller.signal });
    expect(subscribeCalls(session)).to.have.length(1);
    controller.abort();
    expect(fake!.live().subscriptions).to.equal(liveBefore);
  });

  it('a listener bound before the session exists (a framework’s event binding): subscribed on each new session', async () => {
    fake = sampleFake();
    const clicks: unknown[] = [];
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session
        app-id="tTEST"
        user-id="alice"
        .sdk=${fake}
        @talk-desktop-notification-clicked=${(e: CustomEvent) => clicks.push(e.detail)}
      ></talk-session>`,
    );
    await until(() => sessionEl.session !== undefined, 'the session');
    const first = fake.sessions[0]!;
    expect(subscribeCalls(first)).to.have.length(1);
    const returned = emitOn(first, 'desktopNotificationClicked', { conversation: conversationData(fake, 'order-1') });
    expect(clicks.length === 1 && clicks[0] === returned, 'the bound listener got the SDK’s event').to.equal(true);

    sessionEl.setAttribute('user-id', 'bob');
    await until(() => sessionEl.session !== undefined && sessionEl.session !== first, 'the new session');
    const second = fake.sessions[1]!;
    expect(subscribeCalls(second), 'subscribed on the new session').to.have.length(1);
    emitOn(second, 'desktopNotificationClicked', { conversation: conversationData(fake, 'order-1') });
    expect(clicks).to.have.length(2);
  });
});

describe('events: nothing after removal', () => {
  it('<talk-session> removed: SDK events in the same task reach no listener; a task later nothing is left', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-chatbox conversation-id="order-1"></talk-chatbox>
        <talk-inbox conversation-id="order-1"></talk-inbox>
        <talk-popup conversation-id="order-2"></talk-popup>
      </talk-session>
    `);
    const uiEls = [...sessionEl.querySelectorAll<UiElement>('talk-chatbox, talk-inbox, talk-popup')];
    await until(() => uiEls.every((el) => el.status === 'ready'), 'every UI to be ready');
    await nextTask();
    const session = fake.sessions[0]!;
    const boxes: FakeBox[] = [fake.chatboxes[0]!, fake.inboxes[0]!, fake.popups[0]!];
    const recorders = [document, sessionEl, ...uiEls].map((target) => listen(target, TALK_EVENT_NAMES));
    try {
      sessionEl.remove();
      // Still the same task: the SDK objects are alive and subscribed, the elements are not connected.
      expect(session.isAlive).to.equal(true);
      emitOn(session, 'message', { body: 'too late' });
      emitOn(session, 'desktopNotificationClicked', { conversation: conversationData(fake, 'order-1') });
      emitOn(session, 'browserPermissionNeeded');
      emitOn(session, 'browserPermissionDenied');
      fake.backend.sendMessage('order-1', 'bob', 'also too late');
      for (const box of boxes) {
        for (const sdk of ['sendMessage', 'customMessageAction', 'leaveConversation', 'markConversationAsUnread', 'focus', 'blur', 'keydown']) {
          emitOn(box, sdk);
        }
      }
      emitOn(fake.inboxes[0]!, 'selectConversation');
      emitOn(fake.inboxes[0]!, 'conversationSelected');
      emitOn(fake.popups[0]!, 'open');
      emitOn(fake.popups[0]!, 'close');
      expect(
        recorders.flatMap((r) => r.seen.map((s) => s.type)),
        'events after removal',
      ).to.deep.equal([]);

      await nextTask();
      expect(fake.live().subscriptions, 'subscriptions a task later').to.equal(0);
      expect(session.isAlive, 'session destroyed').to.equal(false);
      expect(
        boxes.map((box) => box.isAlive),
        'UIs destroyed',
      ).to.deep.equal([false, false, false]);
      expect(
        recorders.flatMap((r) => r.seen.map((s) => s.type)),
        'events during teardown',
      ).to.deep.equal([]);
    } finally {
      for (const r of recorders) r.stop();
    }
  });

  it('<talk-chatbox> removed: its SDK events in the same task reach no listener; a task later its subscriptions are gone, the session’s kept', async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    await nextTask();
    const sessionOnly = fake.live().subscriptions;

    const chatboxEl = document.createElement('talk-chatbox');
    chatboxEl.conversationId = 'order-1';
    sessionEl.append(chatboxEl);
    await until(() => chatboxEl.status === 'ready', 'the chatbox');
    const box = fake.chatboxes[0]!;
    expect(fake.live().subscriptions, 'the chatbox is subscribed').to.be.greaterThan(sessionOnly);

    const recorders = [document, sessionEl, chatboxEl].map((target) => listen(target, TALK_EVENT_NAMES));
    try {
      chatboxEl.remove();
      for (const sdk of [
        'sendMessage',
        'customConversationAction',
        'leaveConversation',
        'markConversationAsUnread',
        'focus',
        'blur',
        'translationToggled',
        'keyup',
      ]) {
        emitOn(box, sdk);
      }
      expect(
        recorders.flatMap((r) => r.seen.map((s) => s.type)),
        'events after removal',
      ).to.deep.equal([]);

      await nextTask();
      expect(box.isAlive, 'chatbox destroyed').to.equal(false);
      // The recorder on <talk-session> listens to talk-desktop-notification-clicked too, which
      // subscribes the session's onDesktopNotificationClicked: one more session subscription.
      expect(fake.callsTo('onDesktopNotificationClicked', fake.sessions[0]!), 'subscribed for the recorder on <talk-session>').to.have.length(1);
      expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 0, subscriptions: sessionOnly + 1 });

      // The session still re-dispatches.
      const returned = fake.sessions[0]!.emit('message', { body: 'still here' });
      const messages = recorders[0]!.of('talk-message');
      expect(messages).to.have.length(1);
      expect(messages[0]!.event.detail === returned).to.equal(true);
      expect(recorders[2]!.seen, 'nothing at the removed chatbox').to.have.length(0);
    } finally {
      for (const r of recorders) r.stop();
    }
  });
});

/**
 * Runs `body` while errors thrown by DOM listeners are expected. Such an error is reported to
 * window (`error` event, `window.onerror`), where mocha would count it as a failure of the test
 * and the runner would log it: the expected ones are collected, `preventDefault()`-ed and stopped
 * there (a capturing listener runs first at the target); anything else passes through.
 */
async function withListenerErrors(
  expected: (error: unknown) => boolean,
  body: (reported: unknown[], consoleErrors: unknown[][]) => Promise<void>,
): Promise<void> {
  const reported: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    if (!expected(event.error)) return;
    reported.push(event.error);
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // Should the capturing listener not run first, mocha's handler still must not see them.
  const previous = window.onerror;
  window.onerror = function (message, source, line, column, error) {
    if (expected(error)) return true;
    return typeof previous === 'function' ? previous.call(window, message, source, line, column, error) : false;
  };
  window.addEventListener('error', onError, { capture: true });
  // The runner logs uncaught errors to the console; keep the expected ones out of the output.
  const consoleCapture = captureConsole();
  try {
    await body(reported, consoleCapture.errors);
  } finally {
    consoleCapture.restore();
    window.removeEventListener('error', onError, { capture: true });
    window.onerror = previous;
  }
}

describe('events: a throwing listener', () => {
  it('does not break the kit: the SDK handler does not throw, other listeners still run, later events still arrive', async () => {
    fake = sampleFake();
    const { box, session } = await mountUi(fake, 'chatbox');
    const boom = new Error('a user listener failed');
    await withListenerErrors(
      (error) => error === boom,
      async (reported, consoleErrors) => {
        const thrower = () => {
          throw boom;
        };
        document.addEventListener('talk-message', thrower);
        document.addEventListener('talk-leave-conversation', thrower);
        const errors = listen(document, ['talk-error']);
        const later = listen(document, ['talk-message', 'talk-leave-conversation'], (event) => {
          if (event.type === 'talk-leave-conversation') event.preventDefault();
        });
        try {
          // The kit's own SDK handler, called as the SDK would: it must not throw.
          const handler = fake!.callsTo('onMessage', session)[0]!.args[0] as (message: unknown) => void;
          const message = { id: 'msg_direct', body: 'direct' };
          expect(() => handler(message)).to.not.throw();
          expect(later.of('talk-message'), 'the next listener ran').to.have.length(1);
          expect(later.of('talk-message')[0]!.event.detail === message).to.equal(true);

          // Through the fake: still delivered, again.
          const returned = session.emit('message', { body: 'after the throw' });
          expect(later.of('talk-message')).to.have.length(2);
          expect(later.of('talk-message')[1]!.event.detail === returned).to.equal(true);

          // A throwing listener before a preventing one: the prevention still reaches the SDK.
          const leave = (box as FakeChatbox).emit('leaveConversation');
          expect(later.of('talk-leave-conversation')).to.have.length(1);
          expect(leave.defaultPrevented, 'preventDefault() after a throwing listener still reaches the SDK').to.equal(true);

          await until(() => reported.length >= 3, 'the three throws to be reported');
          await nextTask();
          expect(reported, 'each throw reported once as an uncaught error').to.have.length(3);
          expect(reported.every((error) => error === boom)).to.equal(true);
          expect(errors.seen, 'no talk-error').to.have.length(0);
          expect(
            consoleErrors.filter((args) => !args.includes(boom)).map((args) => args.map(String).join(' ')),
            'no console error of the kit’s own',
          ).to.deep.equal([]);
        } finally {
          document.removeEventListener('talk-message', thrower);
          document.removeEventListener('talk-leave-conversation', thrower);
          later.stop();
          errors.stop();
        }
      },
    );
  });
});

describe('events: typing', () => {
  it("document.addEventListener('talk-message', (e) => e.detail.body) type-checks and reads the message body", async () => {
    fake = sampleFake();
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    await until(() => sessionEl.session !== undefined, 'the session');
    const bodies: string[] = [];
    const controller = new AbortController();
    // `e` is CustomEvent<Talk.Message> through the global event map: `e.detail.body` is a string.
    document.addEventListener('talk-message', (e) => bodies.push(e.detail.body), { signal: controller.signal });
    try {
      fake.backend.sendMessage('order-1', 'bob', 'Typed hello');
      expect(bodies).to.deep.equal(['Typed hello']);
    } finally {
      controller.abort();
    }
  });
});
