import { css } from '@lit/reactive-element';

/**
 * Styles shared by `<talk-chatbox>` and `<talk-inbox>`: a block that the TalkJS UI fills.
 * Page styles for the element (`talk-chatbox { height: 80vh }`) override the default height.
 */
export const mountedUiStyles = css`
  :host {
    display: block;
    position: relative;
    height: 500px;
  }
  :host([hidden]) {
    display: none;
  }
  ::slotted([data-talk-mount]) {
    display: block;
    width: 100%;
    height: 100%;
  }
  [part='status'] {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    pointer-events: none;
  }
  ::slotted([slot='loading']),
  ::slotted([slot='error']) {
    pointer-events: auto;
  }
  [part='status']:not(:has(slot:not([hidden]))) {
    display: none;
  }
`;

/**
 * The status box of every UI element (`<talk-chatbox>`, `<talk-inbox>`, `<talk-popup>`): a slot
 * that does not apply is hidden; the fallback sentences are read by screen readers, not shown.
 */
export const statusStyles = css`
  slot[hidden] {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
