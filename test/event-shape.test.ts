/**
 * Event shape from inside shadow roots: every event each element declares in
 * `custom-elements.json` (the `@fires` the API docs and framework typings come from) is
 * dispatched, on that element, with `bubbles: true` and `composed: true`, so a listener on the
 * document (outside two nested shadow roots) hears it, retargeted to the outer host. Every element
 * of the kit sits inside the shadow roots: `<talk-session>`, the three UI elements, an HTML panel
 * and an unread badge. Each event is caused the way a page would see it: the kit's own events by
 * the kit, the SDK's by the fake SDK's `emit`, `talk-error` by an invalid attribute.
 */
import { expect } from '@open-wc/testing';
import type { TalkChatboxElement, TalkHtmlPanelElement, TalkInboxElement, TalkPopupElement, TalkSessionElement, TalkUnreadBadgeElement } from '../src/index.js';
import type { FakeSession } from '../src/testing/index.js';
import { captureConsole, expectNoLeaks, nextTask, onCleanup, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk | undefined;

afterEach(async () => {
  await expectNoLeaks(fake);
  fake = undefined;
});

/** A plain element with an open shadow root, for nesting the kit's elements. */
class ShadowHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
if (!customElements.get('event-shape-host')) customElements.define('event-shape-host', ShadowHost);

/** One event as the document's listener saw it (the path is read during dispatch: it is empty afterwards). */
interface Seen {
  readonly type: string;
  readonly bubbles: boolean;
  readonly composed: boolean;
  /** `event.target` at the document: the outer shadow host, if retargeted. */
  readonly target: EventTarget | null;
  /** The element that dispatched it (`composedPath()[0]`). */
  readonly origin: EventTarget | undefined;
  readonly phase: number;
}

async function manifestEvents(): Promise<Map<string, string[]>> {
  type Declaration = { tagName?: string; events?: { name: string }[] };
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
  const events = new Map<string, string[]>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? [])
      if (declaration.tagName)
        events.set(
          declaration.tagName,
          (declaration.events ?? []).map((e) => e.name),
        );
  }
  return events;
}

/** Emits an SDK event on a fake object by name. */
function emitOn(object: unknown, type: string, payload?: Record<string, unknown>): void {
  (object as { emit(type: string, payload?: Record<string, unknown>): unknown }).emit(type, payload);
}

describe('event shape: every declared event, from elements inside two shadow roots, reaches a document listener', () => {
  it('each element’s declared events: dispatched on that element, bubbles and composed, retargeted to the outer host', async () => {
    // The elements of the chat UI and session; elements added later need a row of their own here.
    const TAGS = ['talk-chatbox', 'talk-html-panel', 'talk-inbox', 'talk-popup', 'talk-session', 'talk-unread-badge'];
    const all = await manifestEvents();
    expect([...all.keys()], 'elements in custom-elements.json').to.include.members(TAGS);
    const declared = new Map(TAGS.map((tag) => [tag, all.get(tag)!]));
    const names = [...new Set([...declared.values()].flat())];

    const seen: Seen[] = [];
    const insideOnly: string[] = [];
    const onDocument = (event: Event) =>
      void seen.push({
        type: event.type,
        bubbles: event.bubbles,
        composed: event.composed,
        target: event.target,
        origin: event.composedPath()[0],
        phase: event.eventPhase,
      });
    for (const name of names) document.addEventListener(name, onDocument);
    onCleanup(() => {
      for (const name of names) document.removeEventListener(name, onDocument);
    });

    // document > outer host > #shadow > inner host > #shadow > talk-session > …
    const outer = document.createElement('event-shape-host');
    const inner = document.createElement('event-shape-host');
    outer.shadowRoot!.append(inner);
    // Events that stop at the inner shadow root (not composed) are recorded there, to say so.
    for (const name of names) inner.shadowRoot!.addEventListener(name, (event) => void (event.composed ? undefined : insideOnly.push(event.type)));
    fake = sampleFake();
    const output = captureConsole({ untilTestEnds: true });
    const sessionEl = document.createElement('talk-session') as TalkSessionElement;
    sessionEl.setAttribute('app-id', 'tTEST');
    sessionEl.setAttribute('user-id', 'alice');
    sessionEl.sdk = fake;
    // `talk-desktop-notification-clicked` is subscribed only while the element itself has a listener.
    const onClicked = () => undefined;
    sessionEl.addEventListener('talk-desktop-notification-clicked', onClicked);
    onCleanup(() => sessionEl.removeEventListener('talk-desktop-notification-clicked', onClicked));
    sessionEl.innerHTML = `
      <talk-chatbox conversation-id="order-1" capture-keyboard-events><talk-html-panel url="/test/fixtures/panel.html" height="40"></talk-html-panel></talk-chatbox>
      <talk-inbox conversation-id="order-2"></talk-inbox>
      <talk-popup conversation-id="order-1"></talk-popup>
      <talk-unread-badge></talk-unread-badge>`;
    inner.shadowRoot!.append(sessionEl);
    document.body.append(outer);
    onCleanup(() => outer.remove());

    const chatboxEl = sessionEl.querySelector('talk-chatbox') as TalkChatboxElement;
    const inboxEl = sessionEl.querySelector('talk-inbox') as TalkInboxElement;
    const popupEl = sessionEl.querySelector('talk-popup') as TalkPopupElement;
    const panelEl = sessionEl.querySelector('talk-html-panel') as TalkHtmlPanelElement;
    const badgeEl = sessionEl.querySelector('talk-unread-badge') as TalkUnreadBadgeElement;
    await until(() => [chatboxEl, inboxEl, popupEl, panelEl, badgeEl].every((el) => el.status === 'ready'), 'every element ready');
    await nextTask();

    // The SDK's events, each from the object the element holds.
    const session = fake.sessions[0]! as FakeSession;
    emitOn(session, 'message', { id: 'msg_x', body: 'Hi', senderId: 'bob', conversationId: 'order-1' });
    emitOn(session, 'desktopNotificationClicked', { conversation: fake.backend.conversationData(fake.backend.conversations.get('order-1')!) });
    emitOn(session, 'browserPermissionNeeded', { type: 'notifications' });
    emitOn(session, 'browserPermissionDenied', { type: 'notifications' });
    fake.backend.sendMessage('order-2', 'carol', 'A change of the unread list');
    const uiEvents: [string, Record<string, unknown> | undefined][] = [
      ['sendMessage', undefined],
      ['customMessageAction', { action: 'reply', params: {} }],
      ['customConversationAction', { action: 'archive', params: {} }],
      ['leaveConversation', undefined],
      ['markConversationAsUnread', undefined],
      ['focus', undefined],
      ['blur', undefined],
      ['translationToggled', { isEnabled: true }],
      ['keyup', { key: 'a', code: 'KeyA' }],
      ['keydown', { key: 'a', code: 'KeyA' }],
    ];
    for (const box of [chatboxEl.chatbox, inboxEl.inbox, popupEl.popup]) for (const [type, payload] of uiEvents) emitOn(box, type, payload);
    emitOn(inboxEl.inbox, 'selectConversation', undefined);
    emitOn(inboxEl.inbox, 'conversationSelected', undefined);
    emitOn(inboxEl.inbox, 'desktopNotificationToggled', { isEnabled: false });
    emitOn(popupEl.popup, 'open', undefined);
    emitOn(popupEl.popup, 'close', undefined);

    // talk-error from each element: an invalid value of its own (children first, the session last).
    panelEl.setAttribute('height', '-1');
    badgeEl.setAttribute('max', 'many');
    chatboxEl.setAttribute('session-timeout', 'soon');
    inboxEl.setAttribute('session-timeout', 'soon');
    popupEl.setAttribute('session-timeout', 'soon');
    await until(() => seen.filter((s) => s.type === 'talk-error').length >= 5, 'five talk-error events');
    sessionEl.setAttribute('load-timeout', 'never');
    await until(() => seen.some((s) => s.type === 'talk-error' && s.origin === sessionEl), 'talk-error from <talk-session>');
    expect(output.errors.length, 'one console line per talk-error').to.equal(6);

    expect(insideOnly, 'events that stopped at the shadow root (not composed)').to.deep.equal([]);
    const byElement = new Map<EventTarget, string>([
      [sessionEl, 'talk-session'],
      [chatboxEl, 'talk-chatbox'],
      [inboxEl, 'talk-inbox'],
      [popupEl, 'talk-popup'],
      [panelEl, 'talk-html-panel'],
      [badgeEl, 'talk-unread-badge'],
    ]);
    const problems: string[] = [];
    for (const s of seen) {
      const tag = s.origin ? byElement.get(s.origin) : undefined;
      if (!tag) problems.push(`${s.type}: dispatched on something other than a kit element`);
      if (!s.bubbles || !s.composed) problems.push(`${s.type} on <${tag}>: bubbles ${s.bubbles}, composed ${s.composed}`);
      if (s.target !== outer) problems.push(`${s.type} on <${tag}>: not retargeted to the outer host at the document`);
      if (s.phase !== Event.BUBBLING_PHASE) problems.push(`${s.type} on <${tag}>: reached the document in phase ${s.phase}`);
      if (tag && !declared.get(tag)!.includes(s.type)) problems.push(`${s.type} on <${tag}>: not declared in custom-elements.json`);
    }
    for (const [tag, events] of declared) {
      const origin = [...byElement].find(([, t]) => t === tag)![0];
      for (const name of events)
        if (!seen.some((s) => s.type === name && s.origin === origin)) problems.push(`${name} on <${tag}>: never heard at the document`);
    }
    expect(problems).to.deep.equal([]);
    const pairs = [...declared].reduce((n, [, events]) => n + events.length, 0);
    console.info(`event shape: ${pairs} declared (element, event) pairs heard at the document from inside two shadow roots (${seen.length} events)`);
  });
});
