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
  [part='status']:has(slot[hidden] + slot[hidden]) {
    display: none;
  }
  slot[hidden] {
    display: none;
  }
`;
