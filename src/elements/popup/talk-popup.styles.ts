import { css } from '@lit/reactive-element';

/**
 * `<talk-popup>` takes no space: the TalkJS popup floats over the page. Only the `loading` and
 * `error` slots render in place, while they apply.
 */
export const popupStyles = css`
  :host {
    display: contents;
  }
`;
