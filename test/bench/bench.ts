/**
 * The benchmark page: measures the kit on the fake SDK (so the figures are the kit's own cost,
 * not TalkJS's network or iframes) and publishes the results as `window.benchResults`.
 * Run through `npm run bench` (scripts/bench.mjs), which prints them.
 */
import '../../src/index.js';
import { createFakeTalk } from '../../src/testing/index.js';

const users = [
  { id: 'alice', name: 'Alice', email: null },
  { id: 'bob', name: 'Bob', email: null },
];
const conversations = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, subject: `Conversation ${i}`, participants: ['alice', 'bob'] }));

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function readyCount(root: Element, n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    root.addEventListener('talk-ready', function onReady() {
      if (++seen === n) {
        root.removeEventListener('talk-ready', onReady);
        resolve();
      }
    });
  });
}

/** A session with a chatbox, an inbox and a popup, appended and mounted; returns the session element. */
async function mountAll(fake: ReturnType<typeof createFakeTalk>): Promise<HTMLElement> {
  const session = document.createElement('talk-session');
  session.sdk = fake;
  session.setAttribute('app-id', 'bench');
  session.setAttribute('user-id', 'alice');
  const chatbox = document.createElement('talk-chatbox');
  chatbox.setAttribute('conversation-id', 'c0');
  session.append(chatbox, document.createElement('talk-inbox'), document.createElement('talk-popup'));
  const ready = readyCount(session, 3);
  document.body.append(session);
  await ready;
  return session;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function run() {
  const results: Record<string, number> = {};
  const fake = createFakeTalk({ users, conversations });

  // 1. Insert a session with three UIs until all three are mounted (median of 30).
  const mountTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    const session = await mountAll(fake);
    mountTimes.push(performance.now() - start);
    session.remove();
    await nextTask();
  }
  results['session + chatbox + inbox + popup, insert to all talk-ready (ms, median of 30)'] = median(mountTimes);

  // 2. Live updates: conversation-id changes applied with select() (per change, 500 changes).
  const session = await mountAll(fake);
  const chatbox = session.querySelector('talk-chatbox')!;
  let start = performance.now();
  for (let i = 0; i < 500; i++) {
    chatbox.setAttribute('conversation-id', `c${i % 20}`);
    await chatbox.updateComplete;
  }
  results['live update (conversation-id → select), per change (ms)'] = (performance.now() - start) / 500;

  // 3. Recreation: an option without a setter changes, until the new chatbox is mounted (median of 50).
  const recreate: number[] = [];
  for (let i = 0; i < 50; i++) {
    const ready = readyCount(chatbox, 1);
    start = performance.now();
    chatbox.setAttribute('theme', `theme-${i}`);
    await ready;
    recreate.push(performance.now() - start);
  }
  results['recreation (option change to talk-ready), median of 50 (ms)'] = median(recreate);

  // 4. Event re-dispatch: SDK callback to DOM listener on document, per event (10,000 events).
  let received = 0;
  const onMessage = () => received++;
  document.addEventListener('talk-send-message', onMessage);
  const box = fake.chatboxes.at(-1)!;
  start = performance.now();
  for (let i = 0; i < 10_000; i++) box.emit('sendMessage', {});
  results['event re-dispatch, SDK callback to document listener, per event (µs)'] = ((performance.now() - start) / 10_000) * 1000;
  document.removeEventListener('talk-send-message', onMessage);
  if (received !== 10_000) throw new Error(`received ${received} events`);
  session.remove();
  await nextTask();

  // 5. Many UI elements: 100 chatboxes in one session, insert to all mounted.
  const many = document.createElement('talk-session');
  many.sdk = fake;
  many.setAttribute('app-id', 'bench');
  many.setAttribute('user-id', 'alice');
  for (let i = 0; i < 100; i++) {
    const box100 = document.createElement('talk-chatbox');
    box100.setAttribute('conversation-id', `c${i % 20}`);
    box100.style.height = '50px';
    many.append(box100);
  }
  const all = readyCount(many, 100);
  start = performance.now();
  document.body.append(many);
  await all;
  results['100 chatboxes in one session, insert to all mounted (ms)'] = performance.now() - start;
  many.remove();
  await nextTask();
  results['live SDK objects left after removing everything'] = fake.live().total;
  return results;
}

declare global {
  interface Window {
    benchResults?: Record<string, number> | { error: string };
  }
}

run().then(
  (results) => (window.benchResults = results),
  (error: unknown) => (window.benchResults = { error: String(error) }),
);
