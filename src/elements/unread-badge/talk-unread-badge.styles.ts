import { css } from '@lit/reactive-element';

/** A round red count; nothing at all when there is nothing unread. */
export const unreadBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  [part='badge'] {
    display: inline-block;
    box-sizing: border-box;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--talk-unread-badge-background, #d93025);
    color: var(--talk-unread-badge-color, #fff);
    font:
      600 0.75em/1.5 system-ui,
      sans-serif;
    text-align: center;
  }
  [part='badge'][hidden] {
    display: none;
  }
`;
