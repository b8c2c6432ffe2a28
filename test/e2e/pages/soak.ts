/**
 * The soak page (see test/e2e/soak.mjs): `window.soak.run(n)` makes n cycles of a
 * `<talk-session>` with an inbox, a chatbox, a popup, a `<talk-online-status>` and a
 * `<talk-typing-indicator>` on a fresh fake SDK — created, mounted (all three `talk-ready`), the
 * two live-data elements following bob (online, typing) — removed, and checks after each that
 * nothing the fake made is alive or subscribed.
 */
import '../../../src/index.js';
import type { TalkOnlineStatusElement, TalkSessionElement, TalkTypingIndicatorElement } from '../../../src/index.js';
import { createFakeTalk } from '../../../src/testing/index.js';

const seed = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  conversations: [
    { id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'Hello!' }] },
    { id: 'order-2', subject: 'Order 2', participants: ['alice', 'bob'] },
  ],
};

/** Two tasks: past the kit's one-task removal check. */
const tick = () => new Promise<void>((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));

interface SoakResult {
  cycles: number;
  /** Cycles after which something the fake made was still alive (or subscribed) after removal. */
  leakyCycles: number;
  /** Sum over cycles of fake.live().total after removal. */
  liveAfterRemoval: number;
  /** Cycles where a talk-error was dispatched. */
  errors: string[];
  /** SDK objects created over all cycles (sessions + UIs). */
  created: number;
  /** Cycles in which the online status showed bob online and the typing indicator "Bob is typing…". */
  dataShown: number;
  /** Data API subscriptions made over all cycles (`subscribeOnline`, `subscribeTyping`). */
  dataSubscriptions: number;
  ms: number;
}

async function cycle(stage: HTMLElement, result: SoakResult): Promise<void> {
  const fake = createFakeTalk(seed);
  const session = document.createElement('talk-session') as TalkSessionElement;
  session.setAttribute('app-id', 'tSOAK');
  session.setAttribute('user-id', 'alice');
  session.sdk = fake;
  const inbox = document.createElement('talk-inbox');
  const chatbox = document.createElement('talk-chatbox');
  chatbox.setAttribute('conversation-id', 'order-1');
  const popup = document.createElement('talk-popup');
  popup.setAttribute('conversation-id', 'order-2');
  const online = document.createElement('talk-online-status') as TalkOnlineStatusElement;
  online.setAttribute('user-id', 'bob');
  const typing = document.createElement('talk-typing-indicator') as TalkTypingIndicatorElement;
  typing.setAttribute('conversation-id', 'order-1');
  session.append(inbox, chatbox, popup, online, typing);
  let ready = 0;
  const mounted = new Promise<void>((resolve) => {
    session.addEventListener('talk-ready', () => {
      if (++ready === 3) resolve();
    });
  });
  const onError = (event: Event) => result.errors.push(String((event as CustomEvent).detail?.message));
  session.addEventListener('talk-error', onError);
  stage.append(session);
  await mounted;
  // The live-data elements: their first snapshot, then bob comes online and starts typing.
  const changed = (el: HTMLElement, type: string, test: () => boolean) =>
    new Promise<void>((resolve) => {
      if (test()) return resolve();
      const listener = () => {
        if (!test()) return;
        el.removeEventListener(type, listener);
        resolve();
      };
      el.addEventListener(type, listener);
    });
  await Promise.all([
    changed(online, 'talk-online-change', () => online.status === 'ready'),
    changed(typing, 'talk-typing-change', () => typing.status === 'ready'),
  ]);
  fake.backend.setOnline('bob', true);
  fake.backend.setTyping('order-1', 'bob', true);
  await Promise.all([online.updateComplete, typing.updateComplete]);
  if (online.online && online.status === 'ready' && typing.text === 'Bob is typing…') result.dataShown++;
  result.dataSubscriptions += fake.callsTo('subscribeOnline').length + fake.callsTo('subscribeTyping').length;
  session.remove();
  await tick();
  const live = fake.live().total;
  result.liveAfterRemoval += live;
  if (live > 0) result.leakyCycles++;
  result.created += fake.sessions.length + fake.chatboxes.length + fake.inboxes.length + fake.popups.length;
  result.cycles++;
}

async function run(cycles: number): Promise<SoakResult> {
  const stage = document.getElementById('stage')!;
  const result: SoakResult = { cycles: 0, leakyCycles: 0, liveAfterRemoval: 0, errors: [], created: 0, dataShown: 0, dataSubscriptions: 0, ms: 0 };
  const started = performance.now();
  for (let i = 0; i < cycles; i++) await cycle(stage, result);
  await tick();
  result.ms = Math.round(performance.now() - started);
  return result;
}

(window as unknown as { soak: unknown }).soak = { run, ready: true };
