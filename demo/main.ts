/**
 * The demo page's script. With no `?appId=` in the URL it runs offline on the fake SDK from
 * `src/testing` (a sample user, an inbox, a chatbox, a popup, replies from the other side).
 * With `?appId=…&userId=…` (and optionally `&token=…&conversationId=…`) it uses the real
 * TalkJS SDK. Either way the elements are the same markup in index.html.
 *
 * The "Markup only" section is a second `<talk-session>` (the same user) whose markup has no
 * script at all: its token comes from `token-endpoint` (served by vite.config.ts), its user from
 * the `user-*` attributes. Offline, this script gives it the same fake, which asks for tokens as
 * TalkJS does (`fetchTokens`), and counts the token requests the page makes.
 *
 * Live data (offline): `<talk-online-status>` and `<talk-typing-indicator>` beside the order chat
 * follow the fake's test handles. Sebastian comes online a moment after load
 * (`fake.backend.setOnline`), and whoever answers types for a while before the scripted reply
 * (`fake.backend.setTyping`); the "Seller online" and "Seller typing" buttons do the same by hand.
 * "Toggle popup (invoker command)" has no script: `commandfor`/`command="--toggle"`.
 */
import { createFakeTalk, type FakeSession } from '../src/testing/index.js';
import { logEvents } from './event-log.js';
import { ME, replies, sampleData } from './sample-data.js';

/** The seller in the order conversation, and the timings of the offline demo's live data (ms). */
const SELLER = 'sebastian';
const SELLER_ONLINE_DELAY = 1500;
const REPLY_DELAY = 2500;
const TYPING_TIME = 4000;

const params = new URLSearchParams(location.search);
const appId = params.get('appId');
const session = document.getElementById('session') as HTMLElementTagNameMap['talk-session'];
const chatbox = document.getElementById('chatbox') as HTMLElementTagNameMap['talk-chatbox'];
const popup = document.getElementById('popup') as HTMLElementTagNameMap['talk-popup'];
const cmsSession = document.getElementById('cms-session') as HTMLElementTagNameMap['talk-session'];
const mode = document.getElementById('mode')!;

logEvents(document.getElementById('event-log') as HTMLOListElement);
document.getElementById('clear-log')!.addEventListener('click', () => {
  document.getElementById('event-log')!.replaceChildren();
});

// Set before the elements are defined: Lit keeps properties set before the upgrade.
if (appId) {
  session.setAttribute('app-id', appId);
  session.setAttribute('user-id', params.get('userId') ?? '');
  const token = params.get('token');
  if (token) session.setAttribute('token', token);
  const conversationId = params.get('conversationId');
  if (conversationId) {
    chatbox.setAttribute('conversation-id', conversationId);
    popup.setAttribute('conversation-id', conversationId);
  } else {
    chatbox.removeAttribute('conversation-id');
  }
  // The seller and the order conversation are the offline sample's.
  document.getElementById('seller-presence')!.remove();
  mode.textContent = `Real TalkJS SDK, app ${appId}, user ${params.get('userId') ?? '(none)'}.`;
  // The markup-only section's token endpoint issues unsigned demo tokens: offline only.
  const note = document.createElement('p');
  note.className = 'placeholder';
  note.textContent = 'The markup-only section runs offline only (its token endpoint issues unsigned demo tokens): remove ?appId= to see it.';
  document.getElementById('cms')!.replaceChildren(note);
} else {
  // fetchTokens: sessions ask token-endpoint for their first token, as TalkJS does.
  const fake = createFakeTalk({ ...sampleData, fetchTokens: true });
  // Alice has read the support chat so far: the counter starts at 0.
  fake.backend.markRead('support', ME);
  session.sdk = fake;
  cmsSession.sdk = fake;
  // The seller answers in the one-on-one chat that with-user="sebastian" opens.
  replies[fake.oneOnOneId(ME, 'sebastian')] = { from: 'sebastian', text: 'Yes, the lamp is still available!' };
  mode.textContent = 'Offline: the fake SDK from talkjs-elements/testing (add ?appId=…&userId=… to use TalkJS).';
  // The other side answers each message Alice sends.
  document.addEventListener('talk-message', (event) => {
    // Both sessions are Alice's, so each message arrives twice: answer once.
    if (event.target !== session) return;
    const message = event.detail;
    if (message.senderId !== ME) return;
    const reply = replies[message.conversation.id];
    if (!reply) return;
    // The other side types first (sending the reply stops it, as in TalkJS).
    const conversationId = message.conversation.id;
    setTimeout(() => fake.backend.setTyping(conversationId, reply.from, true), 300);
    setTimeout(() => fake.backend.sendMessage(conversationId, reply.from, reply.text), REPLY_DELAY);
  });
  document.getElementById('incoming')!.addEventListener('click', () => {
    fake.backend.sendMessage('support', 'maria', `A new message from Maria at ${new Date().toLocaleTimeString()}.`);
  });

  // The seller's presence: online a moment after load; the button toggles it.
  const sellerOnline = document.getElementById('seller-online')!;
  const setSellerOnline = (online: boolean) => {
    fake.backend.setOnline(SELLER, online);
    sellerOnline.setAttribute('aria-pressed', String(online));
  };
  setTimeout(() => setSellerOnline(true), SELLER_ONLINE_DELAY);
  sellerOnline.addEventListener('click', () => setSellerOnline(!fake.backend.isOnline(SELLER)));
  // The seller types in the order conversation for a few seconds.
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  document.getElementById('seller-typing')!.addEventListener('click', () => {
    clearTimeout(typingTimer);
    fake.backend.setTyping('order-1234', SELLER, true);
    typingTimer = setTimeout(() => fake.backend.setTyping('order-1234', SELLER, false), TYPING_TIME);
  });
}
if (appId) {
  for (const id of ['incoming', 'seller-online', 'seller-typing']) document.getElementById(id)!.hidden = true;
}

// The markup-only section's token requests, as the browser saw them (Resource Timing).
const tokenCount = document.getElementById('token-count');
let tokenRequests = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (new URL(entry.name).pathname === '/demo-api/token') tokenRequests += 1;
  }
  if (tokenCount) tokenCount.textContent = String(tokenRequests);
}).observe({ type: 'resource', buffered: true });
// "Refresh the token": what TalkJS does before a token expires (offline: the fake's refreshToken()).
document.getElementById('refresh-token')?.addEventListener('click', () => {
  void (cmsSession.session as FakeSession | undefined)?.refreshToken().catch(() => undefined);
});

// The unread counter, fed by talk-unreads-change.
document.addEventListener('talk-unreads-change', (event) => {
  document.getElementById('unread-count')!.textContent = String(event.detail.length);
});

// The popup toggle follows the popup, which also opens and closes from its own launcher.
const toggle = document.getElementById('toggle-popup')!;
toggle.addEventListener('click', () => {
  popup.show = !popup.show;
});
const label = () => (toggle.textContent = popup.show ? 'Close popup' : 'Open popup');
popup.addEventListener('talk-open', label);
popup.addEventListener('talk-close', label);
toggle.addEventListener('click', label);

await import('../src/index.js');
// The invoker-command button's `command` event: the popup's own listener (added at its upgrade,
// just now) changes `show` first, then this one updates the label.
popup.addEventListener('command', label);
