/**
 * talkjs-elements: TalkJS chat as custom elements. Importing this module defines
 * `<talk-session>`, `<talk-chatbox>`, `<talk-inbox>`, `<talk-popup>`, `<talk-unread-badge>` and
 * `<talk-html-panel>` (skipping any tag already
 * defined, so a second copy of the kit on the page does not throw) and exports every class and
 * type. In Node (SSR) it defines nothing and touches no browser global.
 */
import { TALK_ELEMENTS, defineElements } from './elements.js';

export * from './elements.js';

defineElements(TALK_ELEMENTS);
