/**
 * Waiting for a user activation before an action that may show a browser permission prompt.
 * Browsers block or penalise permission prompts that no user action started (TalkJS's
 * declarations strongly advise against `Session.setDesktopNotificationEnabled(true)` on page
 * load), so such a call waits for the next click or key press the page receives.
 */

/** The events that carry a user activation (HTML's "activation triggering input events"). */
const ACTIVATION_EVENTS = ['click', 'keydown', 'pointerup', 'touchend'] as const;

/**
 * True when an action may prompt now: the notification permission is already `granted` (no prompt
 * will show), or the page has a transient user activation (`navigator.userActivation.isActive`).
 */
export function mayPromptNow(): boolean {
  const permission = (globalThis as { Notification?: { permission?: string } }).Notification?.permission;
  if (permission === 'granted') return true;
  return (globalThis.navigator as (Navigator & { userActivation?: { isActive?: boolean } }) | undefined)?.userActivation?.isActive === true;
}

/**
 * Calls `action` once, synchronously inside the handler of the next click, key press, pointer-up
 * or touch-end that reaches `doc` (so the browser still counts it as a user activation). Returns a
 * function that cancels the wait; the listeners are removed either way.
 */
export function whenUserActivates(doc: Document, action: () => void): () => void {
  const controller = new AbortController();
  const onActivation = (event: Event) => {
    if (!event.isTrusted) return;
    controller.abort();
    action();
  };
  for (const type of ACTIVATION_EVENTS) doc.addEventListener(type, onActivation, { capture: true, signal: controller.signal });
  return () => controller.abort();
}
