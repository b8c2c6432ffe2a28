/**
 * The demo page's script. With no `?appId=` in the URL it runs offline on the fake SDK from
 * `src/testing` (a sample user, an inbox, a chatbox, a popup, replies from the other side).
 * With `?appId=…&userId=…` (and optionally `&token=…&conversationId=…`) it uses the real
 * TalkJS SDK. Either way the elements are the same markup in index.html.
 */
import { createFakeTalk } from '../src/testing/index.js';
import { logEvents } from './event-log.js';
import { ME, replies, sampleData } from './sample-data.js';

const params = new URLSearchParams(location.search);
const appId = params.get('appId');
const session = document.querySelector('talk-session')!;
const chatbox = document.querySelector('talk-chatbox')!;
const popup = document.querySelector('talk-popup')!;
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
  mode.textContent = `Real TalkJS SDK, app ${appId}, user ${params.get('userId') ?? '(none)'}.`;
} else {
  const fake = createFakeTalk(sampleData);
  // Alice has read the support chat so far: the counter starts at 0.
  fake.backend.markRead('support', ME);
  session.sdk = fake;
  mode.textContent = 'Offline: the fake SDK from talkjs-elements/testing (add ?appId=…&userId=… to use TalkJS).';
  // The other side answers each message Alice sends.
  document.addEventListener('talk-message', (event) => {
    const message = event.detail;
    if (message.senderId !== ME) return;
    const reply = replies[message.conversation.id];
    if (reply) setTimeout(() => fake.backend.sendMessage(message.conversation.id, reply.from, reply.text), 800);
  });
  document.getElementById('incoming')!.addEventListener('click', () => {
    fake.backend.sendMessage('support', 'maria', `A new message from Maria at ${new Date().toLocaleTimeString()}.`);
  });
}
if (appId) document.getElementById('incoming')!.hidden = true;

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
