import { css } from '@lit/reactive-element';

/** `<talk-online-status>`: inline, a dot then the slotted word; the colours are custom properties. */
export const onlineStatusStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  :host([hidden]),
  slot[hidden] {
    display: none;
  }
  [part='dot'] {
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--talk-offline-color, #6e7781);
  }
  :host(:state(online)) [part='dot'] {
    background: var(--talk-online-color, #1a7f37);
  }
`;
