/** The demo's live log of every `talk-*` event that reaches `document`. */
import { TALK_EVENT_NAMES } from '../src/testing/index.js';

function summary(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  const d = detail as Record<string, unknown>;
  if (typeof d.code === 'string') return `${d.code}: ${String(d.message)}`;
  if (Array.isArray(detail)) return `${detail.length} item(s)`;
  // talk-online-change: a UserOnlineSnapshot; talk-typing-change: a TypingSnapshot.
  if (typeof d.isConnected === 'boolean') return `${String((d.user as Record<string, unknown>).name)} ${d.isConnected ? 'online' : 'offline'}`;
  if (d.many === true) return 'several people typing';
  if (Array.isArray(d.users)) return `typing: ${d.users.map((user: { name: string }) => user.name).join(', ') || 'nobody'}`;
  if (typeof d.body === 'string') return `“${d.body}”`;
  const message = d.message as Record<string, unknown> | undefined;
  if (message && typeof message.text === 'string') return `“${message.text}”`;
  const conversation = d.conversation as Record<string, unknown> | undefined;
  if (conversation && typeof conversation.id === 'string') return `conversation ${conversation.id}`;
  return Object.keys(d).join(', ');
}

/** Appends one line per event to `list` (newest first). */
export function logEvents(list: HTMLOListElement): void {
  for (const name of TALK_EVENT_NAMES) {
    document.addEventListener(name, (event) => {
      const item = document.createElement('li');
      if (name === 'talk-error') item.className = 'error';
      const time = document.createElement('span');
      time.className = 'time';
      time.textContent = new Date().toLocaleTimeString();
      const type = document.createElement('span');
      type.className = 'type';
      type.textContent = ` ${name} `;
      const target = document.createElement('span');
      target.className = 'target';
      target.textContent = `on <${(event.target as Element).localName}> `;
      item.append(time, type, target, summary((event as CustomEvent).detail));
      list.prepend(item);
    });
  }
}
