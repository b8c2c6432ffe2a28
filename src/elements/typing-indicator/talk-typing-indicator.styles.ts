import { css } from '@lit/reactive-element';

/** `<talk-typing-indicator>`: inline text, in the page's font, slightly muted; nothing while nobody types. */
export const typingIndicatorStyles = css`
  :host {
    display: inline;
    color: var(--talk-typing-color, inherit);
    font-style: italic;
  }
  :host([hidden]),
  [hidden] {
    display: none;
  }
`;
