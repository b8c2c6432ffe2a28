import { css } from '@lit/reactive-element';

/** `<talk-session>` adds no box of its own: its children lay out as if it were not there. */
export const sessionStyles = css`
  :host {
    display: contents;
  }
`;
