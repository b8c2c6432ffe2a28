import { css } from '@lit/reactive-element';

/** The element itself is never shown: TalkJS renders the panel above the message field. */
export const htmlPanelStyles = css`
  :host {
    display: none !important;
  }
`;
